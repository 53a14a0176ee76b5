"""VOA dev: whole articles, every incident (new and background) hand-coded.

Gold: `voa-dev/articles.jsonl` (input format 2) and `voa-dev/gold.jsonl` (same order).
Scoring follows the set's README and CHECKS.md "full articles": per article, predicted
events and gold incidents are matched one to one, greedily, best pair first. A pair can
match when the date agrees (same day when both are day-precise; same month when either
is week- or month-precise; same year when either is year-precise; a prediction with no
date never matches) and the place agrees (within 50 km when the gold has coordinates at
precision 1 or 2; otherwise the same country). Event type does not gate a match.

Reported: recall of new and of background incidents, precision (matched predictions over
all predictions), and on matched pairs the accuracy of event type, sub-event type,
fatalities (where the gold is not null) and status; plus false positives on the stories
with no codable incident.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report, one_to_one
from sitroom.evaluate.case2021 import extract
from sitroom.model import Article, Incident

NEAR_KM = 50.0


@dataclass(frozen=True)
class GoldIncident:
    status: str
    date: dt.date | None
    precision: str
    event_type: str
    sub_event_type: str
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    fatalities: int | None

    @staticmethod
    def from_dict(d: dict[str, Any]) -> GoldIncident:
        return GoldIncident(
            status=d["status"],
            date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            precision=d.get("date_precision") or "unknown",
            event_type=d["event_type"],
            sub_event_type=d["sub_event_type"],
            country=d.get("country"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geo_precision=int(d.get("geo_precision") or 3),
            fatalities=d.get("fatalities"),
        )


def read(gold: Path) -> list[tuple[Article, list[GoldIncident]]]:
    folder = gold / "voa-dev"
    articles = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    golds = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    out = []
    for a, g in zip(articles, golds, strict=True):
        if str(a["id"]) != str(g["id"]):
            raise ValueError(f"voa-dev files out of step at {a['id']} / {g['id']}")
        article = Article(
            text=a["text"],
            id=str(a["id"]),
            published=dt.date.fromisoformat(a["published"][:10]),
            title=a.get("title"),
            url=a.get("url"),
        )
        out.append((article, [GoldIncident.from_dict(i) for i in g["incidents"]]))
    return out


def dates_agree(pred: Incident, gold: GoldIncident) -> bool:
    if pred.date is None or gold.date is None:
        return False
    coarse = {pred.date_precision, gold.precision}
    if "year" in coarse:
        return pred.date.year == gold.date.year
    if coarse & {"week", "month"}:
        return (pred.date.year, pred.date.month) == (gold.date.year, gold.date.month)
    return pred.date == gold.date


def places_agree(pred: Incident, gold: GoldIncident) -> bool:
    loc = pred.location
    if loc is None:
        return False
    if gold.geo_precision <= 2 and gold.lat is not None and gold.lon is not None:
        if loc.lat is None or loc.lon is None:
            return False
        return _km(loc.lat, loc.lon, gold.lat, gold.lon) <= NEAR_KM
    return loc.country is not None and loc.country == gold.country


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match(preds: Sequence[Incident], golds: Sequence[GoldIncident]) -> list[tuple[int, int]]:
    """One-to-one pairs (prediction index, gold index), best pair first: a pair with the
    same type and the closer date is better."""
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if dates_agree(p, g) and places_agree(p, g):
                days = abs((p.date - g.date).days) if p.date and g.date else 9999
                candidates.append((p.event_type != g.event_type, days, i, j))
    return one_to_one(candidates)


def score(results: Sequence[tuple[Sequence[Incident], Sequence[GoldIncident]]]) -> dict[str, float]:
    counts = {k: 0 for k in ("new", "new_hit", "bg", "bg_hit", "pred", "hit", "empty_fp")}
    agree = {k: [0, 0] for k in ("event_type", "sub_event_type", "fatalities", "status")}
    for preds, golds in results:
        pairs = match(preds, golds)
        counts["pred"] += len(preds)
        counts["hit"] += len(pairs)
        if not golds:
            counts["empty_fp"] += len(preds)
        matched_gold = {j for _, j in pairs}
        for j, g in enumerate(golds):
            key = "new" if g.status == "new" else "bg"
            counts[key] += 1
            counts[key + "_hit"] += j in matched_gold
        for i, j in pairs:
            p, g = preds[i], golds[j]
            _tally(agree["event_type"], p.event_type == g.event_type)
            _tally(agree["sub_event_type"], p.sub_event_type == g.sub_event_type)
            _tally(agree["status"], p.status == g.status)
            if g.fatalities is not None:
                _tally(agree["fatalities"], p.fatalities == g.fatalities)
    metrics = {
        "new_recall": _ratio(counts["new_hit"], counts["new"]),
        "background_recall": _ratio(counts["bg_hit"], counts["bg"]),
        "precision": _ratio(counts["hit"], counts["pred"]),
        "false_positives_on_empty": float(counts["empty_fp"]),
    }
    for name, (ok, n) in agree.items():
        metrics[f"{name}_accuracy"] = ok / n if n else 0.0  # no matched pair: nothing right
    metrics["predicted"] = float(counts["pred"])
    metrics["gold_incidents"] = float(counts["new"] + counts["bg"])
    return metrics


def _tally(cell: list[int], ok: bool) -> None:
    cell[0] += int(ok)
    cell[1] += 1


def _ratio(a: int, b: int) -> float:
    """a/b, or 1.0 when there is nothing to count (no gold of that kind)."""
    return a / b if b else 1.0


def run(gold: Path) -> Report:
    data = read(gold)
    analyses = list(extract(a for a, _ in data))
    results = [(an.incidents, g) for an, (_, g) in zip(analyses, data, strict=True)]
    metrics = score(results)
    baseline = score([([], g) for _, g in data])
    report = Report(
        suite="voa",
        metrics=metrics,
        baselines={"nothing": baseline},
        header=["metric", "sitroom", "nothing"],
        notes=[
            f"{len(data)} stories, {int(metrics['gold_incidents'])} coded incidents; "
            "matching by date and place (50 km or same country), one to one",
            "baseline 'nothing' predicts no incident at all (perfect on the empty stories)",
        ],
    )
    report.rows = [[k, v, baseline.get(k, "")] for k, v in metrics.items()]
    return report
