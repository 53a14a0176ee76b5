"""The seed suite: the showcase article against what a careful analyst reads out of it.

The seed text is read from `gold/../examples/seed-article.txt` (never copied here); the
analyst's reading lives in `seed_expected.json` beside this module. The comparison
functions are shared with the golden corpus (`tests/golden/`), which states its
expectations in the same shape: one record per expected incident with the fields to
check, one per statistic (quantity + unit) and, for the seed, one per time expression.

Expected values may be a list, meaning "any of these"; a field left out is not checked.
`actor1` is a list of names any of which must start a word of the actor's name or
mention; `null` means the text names no perpetrator.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report

EXPECTED_PATH = Path(__file__).with_name("seed_expected.json")
PLACE_KM = 50.0
INCIDENT_FIELDS = (
    "status",
    "date",
    "date_precision",
    "time",
    "event_type",
    "sub_event_type",
    "fatalities",
    "injured",
    "actor1",
    "responsibility",
    "unclaimed",
)
UNEXPECTED = "(unexpected)"


@dataclass(frozen=True)
class Gap:
    """One expected value the output does not give: (article, item, field) is its key."""

    article: str
    item: str  # incident key, "stat:<quantity>", "time:<text>" or UNEXPECTED
    field: str  # a checked field, or "found" when the item is missing altogether
    expected: Any
    actual: Any

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.article, self.item, self.field)

    def describe(self) -> str:
        return (
            f"{self.article} / {self.item} / {self.field}: "
            f"expected {self.expected!r}, got {self.actual!r}"
        )


@dataclass(frozen=True)
class ExpectedIncident:
    """An incident as the analyst coded it; `checks` maps output field -> expected value."""

    key: str
    date: dt.date | None
    precision: str
    lat: float | None
    lon: float | None
    country: str | None
    geo_precision: int
    checks: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def parse(raw: dict[str, Any]) -> ExpectedIncident:
        checks = {name: raw[name] for name in INCIDENT_FIELDS if name in raw}
        date = raw.get("date")
        return ExpectedIncident(
            key=raw["key"],
            date=dt.date.fromisoformat(date) if date else None,
            precision=raw.get("date_precision", "day"),
            lat=raw.get("lat"),
            lon=raw.get("lon"),
            country=raw.get("country"),
            geo_precision=int(raw.get("geo_precision", 1)),
            checks=checks,
        )


@dataclass
class Outcome:
    """Every check made on one article, and the ones that failed."""

    checks: int = 0
    gaps: list[Gap] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)  # kind -> items found
    expected: dict[str, int] = field(default_factory=dict)  # kind -> items expected


# ---------------------------------------------------------------- incidents


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _event_date(event: dict[str, Any]) -> dt.date | None:
    raw = event.get("date")
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _place_distance(exp: ExpectedIncident, event: dict[str, Any]) -> float | None:
    """km between expected and reported place; 0 when only the country is coded and
    agrees (or the event has no place); None when the places are incompatible."""
    loc = event.get("location") or {}
    if exp.lat is not None and exp.lon is not None:
        if loc.get("lat") is not None and loc.get("lon") is not None:
            d = km(exp.lat, exp.lon, float(loc["lat"]), float(loc["lon"]))
            if d <= PLACE_KM:
                return d
        if exp.geo_precision == 3 and exp.country and loc.get("country") == exp.country:
            return PLACE_KM
        return None
    if exp.country and loc and loc.get("country") not in (None, exp.country):
        return None
    return 0.0


def _date_distance(exp: ExpectedIncident, event: dict[str, Any]) -> int | None:
    """Days between expected and reported dates when they agree at the expected
    precision (same day; within a week; same month; same year), else None."""
    if exp.date is None:
        return 0
    got = _event_date(event)
    if got is None or not _date_ok(exp, event):
        return None
    return abs((got - exp.date).days)


def match_incidents(
    expected: Sequence[ExpectedIncident], events: Sequence[dict[str, Any]]
) -> dict[int, int]:
    """One-to-one pairs (expected index -> event index) by date and place, as the outside
    checks match them: closest date, then closest place, first."""
    candidates = []
    for i, exp in enumerate(expected):
        for j, ev in enumerate(events):
            days = _date_distance(exp, ev)
            dist = _place_distance(exp, ev) if days is not None else None
            if days is not None and dist is not None:
                candidates.append((days, dist, i, j))
    return _greedy(candidates, {}, set())


def match_loosely(
    expected: Sequence[ExpectedIncident],
    events: Sequence[dict[str, Any]],
    pairs: dict[int, int],
) -> dict[int, int]:
    """Pairs for the incidents `match_incidents` left over: the same type and either the
    date or the place. These count as not found by date and place, but naming the event
    that was meant turns a bare "not found" into "misplaced" or "misdated"."""
    used = set(pairs.values())
    candidates = []
    for i, exp in enumerate(expected):
        if i in pairs:
            continue
        for j, ev in enumerate(events):
            if j in used or not _type_ok(exp, ev):
                continue
            days = _date_distance(exp, ev)
            dist = _place_distance(exp, ev) if exp.lat is not None else None
            if days is not None or dist is not None:
                candidates.append((0 if days is not None else 1, days or 0, dist or 0.0, i, j))
    loose: dict[int, int] = {}
    taken: set[int] = set()
    for *_rank, i, j in sorted(candidates):
        if i not in loose and j not in taken:
            loose[i] = j
            taken.add(j)
    return loose


def _greedy(
    candidates: list[tuple[int, float, int, int]], pairs: dict[int, int], used: set[int]
) -> dict[int, int]:
    for _days, _dist, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _type_ok(exp: ExpectedIncident, event: dict[str, Any]) -> bool:
    """Same ACLED event type (the sub-type may still differ: that is a field gap)."""
    if "event_type" in exp.checks:
        return event.get("event_type") in _any(exp.checks["event_type"])
    return True


def _any(expected: Any) -> list[Any]:
    return expected if isinstance(expected, list) else [expected]


def _actor_ok(expected: Any, actor: dict[str, Any] | None) -> bool:
    if expected is None:
        return actor is None or bool(
            re.search(r"unidentified|unknown", actor.get("name") or "", re.I)
        )
    if actor is None:
        return False
    said = f"{actor.get('name') or ''} {actor.get('mention') or ''}"
    return any(re.search(rf"(?<!\w){re.escape(n)}", said, re.I) for n in _any(expected))


def _date_ok(exp: ExpectedIncident, event: dict[str, Any]) -> bool:
    got = _event_date(event)
    if exp.date is None or got is None:
        return exp.date == got
    if exp.precision == "week":
        return abs((got - exp.date).days) <= 7
    if exp.precision == "month":
        return (got.year, got.month) == (exp.date.year, exp.date.month)
    if exp.precision == "year":
        return got.year == exp.date.year
    return got == exp.date


def actual_value(name: str, event: dict[str, Any]) -> Any:
    """The output value a check reads (responsibility is its status)."""
    resp = event.get("responsibility") or {}
    if name == "responsibility":
        return resp.get("status")
    if name == "unclaimed":
        return resp.get("unclaimed")
    if name == "actor1":
        actor = event.get("actor1")
        return actor.get("name") if actor else None
    return event.get(name)


def check_incident(
    article: str, exp: ExpectedIncident, event: dict[str, Any]
) -> tuple[int, list[Gap]]:
    """Compare the checked fields of one matched pair: (number of checks, gaps)."""
    gaps = []
    for name, want in exp.checks.items():
        if name == "actor1":
            ok = _actor_ok(want, event.get("actor1"))
        elif name == "date":
            ok = _date_ok(exp, event)
        else:
            ok = actual_value(name, event) in _any(want)
        if not ok:
            gaps.append(Gap(article, exp.key, name, want, actual_value(name, event)))
    return len(exp.checks), gaps


def _place_said(event: dict[str, Any]) -> str:
    loc = event.get("location") or {}
    return f"{loc.get('name')} ({loc.get('lat')}, {loc.get('lon')})"


def compare_incidents(
    article: str, expected: Sequence[ExpectedIncident], events: Sequence[dict[str, Any]]
) -> Outcome:
    """Match, then compare fields. An incident matched only loosely (right type, right
    date or right place) is reported as `place` or `date` gap plus its field gaps."""
    out = Outcome(expected={"incidents": len(expected)})
    pairs = match_incidents(expected, events)
    loose = match_loosely(expected, events, pairs)
    out.found["incidents"] = len(pairs)
    for i, exp in enumerate(expected):
        out.checks += 1 + len(exp.checks)
        if i in pairs:
            out.gaps.extend(check_incident(article, exp, events[pairs[i]])[1])
        elif i in loose:
            ev = events[loose[i]]
            if _place_distance(exp, ev) is None:
                where = f"({exp.lat}, {exp.lon})" if exp.lat is not None else exp.country
                out.gaps.append(Gap(article, exp.key, "place", where, _place_said(ev)))
            gaps = check_incident(article, exp, ev)[1]
            if _date_distance(exp, ev) is None and not any(g.field == "date" for g in gaps):
                gaps.append(Gap(article, exp.key, "date", str(exp.date), ev.get("date")))
            out.gaps.extend(gaps)
        else:
            out.gaps.append(Gap(article, exp.key, "found", "incident", None))
    matched = set(pairs.values()) | set(loose.values())
    extras = [
        f"{ev.get('date')} {ev.get('sub_event_type')} {(ev.get('location') or {}).get('name')}"
        for j, ev in enumerate(events)
        if j not in matched
    ]
    out.checks += 1
    if extras:
        out.gaps.append(Gap(article, UNEXPECTED, "count", 0, extras))
    return out


# ---------------------------------------------------------------- statistics, times


def _unit_ok(expected: Any, unit: str | None) -> bool:
    got = (unit or "").lower()
    return any(u.lower() in got or (got and got in u.lower()) for u in _any(expected))


def compare_statistics(
    article: str, expected: Sequence[dict[str, Any]], stats: Sequence[dict[str, Any]]
) -> Outcome:
    """Each expected figure must appear with its quantity; then unit and `since`."""
    out = Outcome(expected={"statistics": len(expected)}, found={"statistics": 0})
    used: set[int] = set()
    for exp in expected:
        item = f"stat:{exp['quantity']}"
        out.checks += 1 + sum(1 for k in ("unit", "since") if k in exp)
        same = [
            j
            for j, s in enumerate(stats)
            if j not in used
            and s.get("quantity") is not None
            and float(s["quantity"]) == float(exp["quantity"])
        ]
        if not same:
            out.gaps.append(Gap(article, item, "found", exp["quantity"], None))
            continue
        best = next(
            (j for j in same if _unit_ok(exp.get("unit", ""), stats[j].get("unit"))), same[0]
        )
        used.add(best)
        out.found["statistics"] += 1
        got = stats[best]
        if "unit" in exp and not _unit_ok(exp["unit"], got.get("unit")):
            out.gaps.append(Gap(article, item, "unit", exp["unit"], got.get("unit")))
        if "since" in exp and got.get("since") != exp["since"]:
            out.gaps.append(Gap(article, item, "since", exp["since"], got.get("since")))
    return out


def _overlaps(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _same_value(want: str, got: str | None) -> bool:
    return got is not None and got.rstrip("Z").removesuffix("UTC") == want


def compare_times(
    article: str, expected: Sequence[dict[str, Any]], times: Sequence[dict[str, Any]]
) -> Outcome:
    """Each expected expression must be found (overlapping text) with its value."""
    out = Outcome(expected={"times": len(expected)}, found={"times": 0})
    for exp in expected:
        item = f"time:{exp['text']}"
        out.checks += 2
        spans = [t for t in times if _overlaps(exp["text"], t.get("text") or "")]
        if not spans:
            out.gaps.append(Gap(article, item, "found", exp["value"], None))
            continue
        out.found["times"] += 1
        if not any(_same_value(exp["value"], t.get("value")) for t in spans):
            out.gaps.append(
                Gap(article, item, "value", exp["value"], [t.get("value") for t in spans])
            )
    return out


def compare_article(article: str, expected: dict[str, Any], output: dict[str, Any]) -> Outcome:
    """Every check on one article's extract output (the contract's JSON object)."""
    if "error" in output:
        out = Outcome(checks=1)
        out.gaps.append(Gap(article, "(article)", "error", None, output["error"]))
        return out
    parts = [
        compare_incidents(
            article,
            [ExpectedIncident.parse(r) for r in expected.get("incidents", [])],
            output.get("events", []),
        ),
        compare_statistics(article, expected.get("statistics", []), output.get("statistics", [])),
        compare_times(article, expected.get("times", []), output.get("times", [])),
    ]
    total = Outcome()
    for p in parts:
        total.checks += p.checks
        total.gaps.extend(p.gaps)
        total.found.update(p.found)
        total.expected.update(p.expected)
    return total


# ---------------------------------------------------------------- ledger of known gaps


def ledger_keys(entries: Iterable[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(e["article"], e["item"], e["field"]) for e in entries}


def check_ledger(
    gaps: Iterable[Gap], entries: Iterable[dict[str, Any]]
) -> tuple[list[Gap], list[tuple[str, str, str]]]:
    """(gaps the ledger does not list, listed gaps that are gaps no more)."""
    gaps = list(gaps)
    listed = ledger_keys(entries)
    unlisted = [g for g in gaps if g.key not in listed]
    fixed = sorted(listed - {g.key for g in gaps})
    return unlisted, fixed


# ---------------------------------------------------------------- the suite


@lru_cache(maxsize=1)
def expectations() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
    return loaded


def seed_path(gold: Path) -> Path:
    return gold / ".." / "examples" / "seed-article.txt"


def extract(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The real pipeline over `paths`, one contract object per article, in order."""
    from sitroom import pipeline
    from sitroom.evaluate import default_pipeline
    from sitroom.read import read_inputs

    items = list(read_inputs([str(p) for p in paths]))
    return [item.to_dict() for item in pipeline.run(default_pipeline(), items)]


def score(outcome: Outcome) -> dict[str, float]:
    metrics = {
        f"{kind}_recall": outcome.found.get(kind, 0) / n
        for kind, n in outcome.expected.items()
        if n
    }
    failed = len(outcome.gaps)
    metrics["checks"] = float(outcome.checks)
    metrics["checks_passed"] = (outcome.checks - failed) / outcome.checks if outcome.checks else 0.0
    metrics["unexpected_events"] = float(
        sum(len(g.actual) for g in outcome.gaps if g.item == UNEXPECTED)
    )
    return metrics


def run(gold: Path) -> Report:
    path = seed_path(gold)
    if not path.is_file():
        raise FileNotFoundError(f"seed article not found at {path}")
    output = extract([path])[0]
    outcome = compare_article("seed", expectations(), output)
    metrics = score(outcome)
    report = Report(suite="seed", metrics=metrics)
    report.notes = [g.describe() for g in outcome.gaps]
    return report
