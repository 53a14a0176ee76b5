"""Where wire leads put their main incident: PITF atrocity leads, places only.

Every usable PITF row with coded coordinates goes through the whole pipeline; the first
event's location is compared with the coded point (50 km, as the outside check does).
Misses are sorted into classes that say what to fix: no event or no location, a right
place named but another chosen (`wrong_choice`), or the chosen place's feature when no
place of the text lies within 50 km (`far:<feature>`: a wrong namesake for `city`, a
name the gazetteer lacks for `approximate`/`unresolved`, a text naming only a country
for `country`). Run: `python -m sitroom.evaluate.wire_places [every]` (default every
third row, like `pitf`; 1 scores all).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sitroom.evaluate import Report, analyse
from sitroom.evaluate.pitf import KM, Row, haversine, load
from sitroom.model import Analysis, Article, Place


def run(gold: Path, every: int = 3) -> Report:

    rows = [r for r in load(gold / "pitf-atrocities") if r.lat is not None and r.lon is not None]
    sample = rows[::every]
    return score(sample, analyse(Article(text=r.text, published=r.published) for r in sample))


def score(rows: list[Row], results: list[Analysis]) -> Report:
    classes: Counter[str] = Counter()
    hits = anywhere = 0
    for row, item in zip(rows, results, strict=True):
        verdict = classify(row, item)
        classes[verdict] += 1
        hits += verdict == "hit"
        anywhere += verdict in ("hit", "wrong_choice")
    n = max(1, len(rows))
    metrics = {
        "main_within_50km": hits / n,
        "any_place_within_50km": anywhere / n,
        "rows": float(len(rows)),
    }
    metrics.update({f"miss.{k}": v / n for k, v in classes.items() if k != "hit"})
    report = Report("wire-places", metrics)
    report.header = ["metric", "share of rows"]
    report.rows = [[k, v] for k, v in metrics.items()]
    report.notes.append("miss classes: what the first event's place got wrong")
    return report


def classify(row: Row, item: Analysis) -> str:
    """`hit`, or the reason the main incident's place misses the coded point."""
    assert row.lat is not None and row.lon is not None
    main = item.incidents[0] if item.incidents and item.error is None else None
    loc = main.location if main else None
    if loc is not None and _km(row, loc) <= KM:
        return "hit"
    if main is None:
        return "no_event"
    if loc is None or loc.lat is None:
        return "no_location"
    if any(_km(row, p) <= KM for p in item.places):
        return "wrong_choice"
    return f"far:{loc.feature}"


def _km(row: Row, place: Place) -> float:
    if place.lat is None or place.lon is None or row.lat is None or row.lon is None:
        return float("inf")
    return haversine(row.lat, row.lon, place.lat, place.lon)


if __name__ == "__main__":
    import os

    gold = Path(os.environ.get("SITROOM_GOLD", "../shared/gold"))
    print(run(gold, int(sys.argv[1]) if len(sys.argv) > 1 else 3).table())
