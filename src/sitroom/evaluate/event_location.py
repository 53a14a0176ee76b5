"""Event location on Halterman's (2019) adjudicated items (`event-location/dev.jsonl`).

Each item is a sentence, an event verb (span labelled VERB) and, when the sentence names
it, the toponym where that event happened (span labelled LOCATION). sitroom parses the
sentence, finds its places (PlaceStage), makes an incident whose trigger is the verb and
runs LocateStage. An item is correct when the chosen place's span overlaps the coded
toponym. Items without a coded toponym are scored apart (`none_rate`: how often sitroom
also names no place from the sentence; sitroom prefers to give its best guess there).

Baseline: the first toponym of the sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report
from sitroom.model import Analysis, Article, Incident, Place, Span


@dataclass(frozen=True)
class Item:
    text: str
    verb: tuple[int, int]
    location: tuple[int, int] | None


def read_items(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        tokens = rec.get("tokens") or []
        verb = loc = None
        for span in rec.get("spans") or []:
            chars = _chars(span, tokens)
            if span.get("label") == "VERB" and verb is None:
                verb = chars
            elif span.get("label") == "LOCATION" and loc is None:
                loc = chars
        if verb is not None:
            items.append(Item(rec["text"], verb, loc))
    return items


def _chars(span: dict[str, Any], tokens: list[dict[str, Any]]) -> tuple[int, int]:
    """Character offsets from the token indices (some records' char offsets are wrong)."""
    first, last = span.get("token_start"), span.get("token_end")
    if first is not None and last is not None and last < len(tokens):
        return tokens[first]["start"], tokens[last]["end"]
    return span["start"], span["end"]


def run(gold: Path) -> Report:
    from sitroom import nlp
    from sitroom.config import load
    from sitroom.stages.locate import LocateStage
    from sitroom.stages.parse import ParseStage
    from sitroom.stages.places import PlaceStage

    items = read_items(gold / "event-location" / "dev.jsonl")
    analyses = [Analysis(article=Article(text=it.text).with_id()) for it in items]
    ParseStage(nlp.load(load().spacy_model)).process(analyses)
    PlaceStage().process(analyses)
    for it, a in zip(items, analyses, strict=True):
        a.incidents = [_incident(a, it)]
    LocateStage().process(analyses)
    return _report(items, analyses)


def _incident(a: Analysis, it: Item) -> Incident:
    start, end = it.verb
    sent = a.sentence_of(start)
    return Incident(
        event_type="Battles",
        sub_event_type="Armed clash",
        trigger=Span(it.text[start:end], start, end),
        sentences=[sent] if sent >= 0 else [],
    )


def _report(items: list[Item], analyses: list[Analysis]) -> Report:
    with_loc = ok = base_ok = 0
    without = none_ok = 0
    for it, a in zip(items, analyses, strict=True):
        chosen = a.incidents[0].location if a.incidents else None
        if it.location is None:
            without += 1
            none_ok += chosen is None
            continue
        with_loc += 1
        ok += _hits(chosen, it.location)
        base_ok += _hits(_first_in_sentence(a, it), it.location)
    metrics = {
        "accuracy": ok / with_loc if with_loc else 0.0,
        "items_with_location": float(with_loc),
        "none_rate": none_ok / without if without else 0.0,
        "items_without_location": float(without),
    }
    baseline = {"accuracy": base_ok / with_loc if with_loc else 0.0}
    return Report(
        suite="event-location",
        metrics=metrics,
        baselines={"first_place_in_sentence": baseline},
        rows=[[k, v, baseline.get(k, "")] for k, v in metrics.items()],
        header=["metric", "sitroom", "first place in sentence"],
        notes=["correct: the chosen place's span overlaps the coded toponym"],
    )


def _hits(place: Place | None, loc: tuple[int, int]) -> bool:
    return (
        place is not None
        and place.start is not None
        and place.end is not None
        and place.start < loc[1]
        and loc[0] < place.end
    )


def _first_in_sentence(a: Analysis, it: Item) -> Place | None:
    s = a.sentence_of(it.verb[0])
    if s < 0:
        return None
    sent = a.sentences[s]
    for p in a.places:
        if p.start is not None and sent.start <= p.start < sent.end:
            return p
    return None
