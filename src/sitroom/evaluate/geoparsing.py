"""Geoparsing scorer on GeoWebNews (GWN.xml) and TR-News (TR-News.xml).

A coded toponym is one with coordinates (GeoWebNews also marks common nouns and
non-locational words, which are not toponyms and are left out). As in the outside check,
a coded toponym is *recognised* when a `places` span overlaps it and *resolved* when the
place's coordinates are within 161 km of the coded ones.

Metrics, per corpus and overall:
- toponym precision / recall / F1 by span overlap;
- end to end: acc@161 over recognised toponyms (the gated number), the share of all
  coded toponyms both recognised and within 161 km, and the AUC of the error curve
  (Gritta et al. 2019: mean of ln(1 + km) / ln(20039); lower is better; an unresolved
  toponym counts as the maximal error);
- given gold spans: the resolver alone, fed the coded spans as mentions;
- `baseline`: the same numbers when every name takes its most populous candidate
  (no article context, no "X, Y" patterns);
- throughput of the resolver in toponyms per second.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report
from sitroom.knowledge.gazetteer import Candidate, Gazetteer
from sitroom.model import Place
from sitroom.stages.place_names import Mention
from sitroom.stages.place_recognition import find_mentions
from sitroom.stages.place_resolution import resolve_mentions

CORPORA = {"gwn": "GWN.xml", "trnews": "TR-News.xml"}
MAX_KM = 20039.0
ACC_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


@dataclass
class Tally:
    """Counts for one corpus and one system."""

    gold: int = 0
    predicted: int = 0
    predicted_ok: int = 0  # predicted spans that overlap a coded toponym
    recognised: int = 0
    resolved_ok: int = 0  # recognised and within 161 km
    errors: list[float] = field(default_factory=list)  # per coded toponym, km
    given_ok: int = 0
    given_errors: list[float] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        p = self.predicted_ok / self.predicted if self.predicted else 0.0
        r = self.recognised / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "acc161_recognised": self.resolved_ok / self.recognised if self.recognised else 0.0,
            "acc161_end_to_end": self.resolved_ok / self.gold if self.gold else 0.0,
            "auc_end_to_end": _auc(self.errors),
            "acc161_given_spans": self.given_ok / self.gold if self.gold else 0.0,
            "auc_given_spans": _auc(self.given_errors),
        }

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.predicted_ok += other.predicted_ok
        self.recognised += other.recognised
        self.resolved_ok += other.resolved_ok
        self.errors += other.errors
        self.given_ok += other.given_ok
        self.given_errors += other.given_errors


def run(gold: Path) -> Report:
    from sitroom import nlp
    from sitroom.config import load

    pipelines = nlp.load(load().spacy_model)
    gaz = Gazetteer.load()
    ours: dict[str, Tally] = {}
    base: dict[str, Tally] = {}
    resolved, seconds = 0, 0.0
    for corpus, filename in CORPORA.items():
        articles = list(read_corpus(gold / "geoparsing" / filename))
        docs = pipelines.wide((a.text for a in articles), batch_size=16)
        ours[corpus], base[corpus] = Tally(), Tally()
        for article, doc in zip(articles, docs, strict=True):
            mentions = find_mentions(doc, gaz)
            t0 = time.perf_counter()
            places = resolve_mentions(article.text, mentions, gaz)
            seconds += time.perf_counter() - t0
            resolved += len(places)
            _score(article, places, ours[corpus])
            _score(article, _baseline(article.text, mentions, gaz), base[corpus])
            gold_mentions = [Mention(t.start, t.end, t.text, "GOLD") for t in article.toponyms]
            _score_given(article, resolve_mentions(article.text, gold_mentions, gaz), ours[corpus])
            _score_given(article, _baseline(article.text, gold_mentions, gaz), base[corpus])
    return _report(ours, base, resolved / seconds if seconds else 0.0)


def _report(ours: dict[str, Tally], base: dict[str, Tally], rate: float) -> Report:
    metrics: dict[str, float] = {}
    baseline: dict[str, float] = {}
    total, total_base = Tally(), Tally()
    for corpus in ours:
        total.add(ours[corpus])
        total_base.add(base[corpus])
    for corpus, tally, btally in [
        *((c, ours[c], base[c]) for c in ours),
        ("all", total, total_base),
    ]:
        for k, v in tally.metrics().items():
            metrics[f"{corpus}.{k}"] = v
        for k, v in btally.metrics().items():
            baseline[f"{corpus}.{k}"] = v
    metrics["toponyms_per_second"] = rate
    rows = [[k, v, baseline.get(k, "")] for k, v in metrics.items()]
    return Report(
        suite="geoparsing",
        metrics=metrics,
        baselines={"population": baseline},
        rows=rows,
        header=["metric", "sitroom", "population baseline"],
        notes=[
            "recognised = a places span overlaps a coded toponym; resolved = within 161 km",
            "auc: mean ln(1+km)/ln(20039), lower is better; unresolved counts as 20039 km",
        ],
    )


def _score(article: GoldArticle, places: list[Place], tally: Tally) -> None:
    tally.gold += len(article.toponyms)
    tally.predicted += len(places)
    for p in places:
        if any(_overlaps(p, t) for t in article.toponyms):
            tally.predicted_ok += 1
    for t in article.toponyms:
        hits = [p for p in places if _overlaps(p, t)]
        if not hits:
            tally.errors.append(MAX_KM)
            continue
        tally.recognised += 1
        km = _error(hits[0], t)
        tally.errors.append(km)
        if km <= ACC_KM:
            tally.resolved_ok += 1


def _score_given(article: GoldArticle, places: list[Place], tally: Tally) -> None:
    for p, t in zip(places, article.toponyms, strict=True):
        km = _error(p, t)
        tally.given_errors.append(km)
        if km <= ACC_KM:
            tally.given_ok += 1


def _baseline(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Place]:
    """Every name takes its most populous candidate (countries count as most populous)."""
    out = []
    for m in mentions:
        cands: list[Candidate] = list(gaz.lookup(m.text))
        best = max(cands, key=_population, default=None)
        if best is None:
            out.append(Place(m.text, m.text, m.start, m.end))
        else:
            out.append(Place(best.name, m.text, m.start, m.end, lat=best.lat, lon=best.lon))
    return out


def _population(c: Candidate) -> float:
    return float(c.population) + (1e12 if c.feature in ("country", "continent") else 0.0)


def _overlaps(p: Place, t: GoldToponym) -> bool:
    return p.start is not None and p.end is not None and p.start < t.end and t.start < p.end


def _error(p: Place, t: GoldToponym) -> float:
    if p.lat is None or p.lon is None:
        return MAX_KM
    return haversine_km(p.lat, p.lon, t.lat, t.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _auc(errors: list[float]) -> float:
    if not errors:
        return 0.0
    return sum(math.log1p(e) for e in errors) / (len(errors) * math.log1p(MAX_KM))


# ---------------------------------------------------------------- reading the corpora


def read_corpus(path: Path) -> Iterator[GoldArticle]:
    """Articles with their coded toponyms (those with coordinates), offsets checked."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = [t for t in (_toponym(el, text) for el in art.iter("toponym")) if t is not None]
        yield GoldArticle(text=text, toponyms=sorted(tops, key=lambda t: t.start))


def _toponym(el: Any, text: str) -> GoldToponym | None:
    name = el.findtext("extractedName") or el.findtext("phrase") or ""
    lat = el.findtext("latitude") or el.findtext("gaztag/lat")
    lon = el.findtext("longitude") or el.findtext("gaztag/lon")
    if not lat or not lon or not name:
        return None
    start = int(el.findtext("start"))
    if text[start : start + len(name)] != name:  # a few offsets are shifted: re-anchor
        near = text.find(name, max(0, start - 40))
        if near < 0 or abs(near - start) > 80:
            return None
        start = near
    return GoldToponym(start, start + len(name), name, float(lat), float(lon))
