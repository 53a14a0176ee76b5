"""Score the pipeline on `coder_notes.jsonl`: short event descriptions in the style of
conflict-data coders (ACLED notes), written for this project, with the coding we expect.

Measured like the "coder notes" outside check (CHECKS.md): the main incident's
`event_type`; `fatalities` exact (null accepted for 0); `location` within 50 km; `actor1`
matching the coded actor (a shared content word, one dictionary entry, an unknown
perpetrator for an unidentified group, or for state forces a name or mention naming the
same country). Run as a script to print the misses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sitroom.evaluate.pitf import actor_matches, haversine
from sitroom.knowledge.actors import lexicon
from sitroom.model import Actor, Analysis, Article, Incident

NOTES = Path(__file__).with_name("coder_notes.jsonl")
KM = 50.0


@dataclass(frozen=True)
class Note:
    text: str
    published: dt.date
    event_type: str
    fatalities: int
    lat: float
    lon: float
    actor1: str


def load() -> list[Note]:
    out = []
    for line in NOTES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            d["published"] = dt.date.fromisoformat(d["published"])
            out.append(Note(**d))
    return out


def run(notes: list[Note]) -> list[Analysis]:
    import sitroom.config
    from sitroom import pipeline

    built = pipeline.build(sitroom.config.load())
    items = (Analysis(article=Article(text=n.text, published=n.published).with_id()) for n in notes)
    return list(pipeline.run(built, items))


def judge(note: Note, main: Incident | None) -> dict[str, bool]:
    """Per-metric verdicts for one note."""
    loc = main.location if main else None
    return {
        "event_type": bool(main and main.event_type == note.event_type),
        "fatalities": (main.fatalities if main else None)
        in ({note.fatalities, None} if note.fatalities == 0 else {note.fatalities}),
        "location": bool(
            loc
            and loc.lat is not None
            and loc.lon is not None
            and haversine(note.lat, note.lon, loc.lat, loc.lon) <= KM
        ),
        "actor1": bool(main and main.actor1 and same_actor(note.actor1, main.actor1)),
    }


def same_actor(coded: str, actor: Actor) -> bool:
    """State forces match by country; any other actor as in the PITF scorer."""
    state = re.match(r"(?:Military|Police) Forces of (.+?)(?: \(\d{4}-?\d*\))?$", coded)
    if not state:
        return actor_matches(coded, actor)
    countries = {m.country for m in lexicon().find(state.group(1)) if m.country}
    said = lexicon().find(f"{actor.name} {actor.mention}")
    return bool(countries & {m.country for m in said if m.country} or (actor.country in countries))


def score(notes: list[Note], results: list[Analysis]) -> dict[str, float]:
    tally: dict[str, list[bool]] = {}
    for note, item in zip(notes, results, strict=True):
        main = item.incidents[0] if item.incidents else None
        for k, v in judge(note, main).items():
            tally.setdefault(k, []).append(v)
    return {k: sum(v) / len(v) for k, v in tally.items()}


if __name__ == "__main__":
    notes = load()
    results = run(notes)
    for note, item in zip(notes, results, strict=True):
        main = item.incidents[0] if item.incidents else None
        bad = [k for k, v in judge(note, main).items() if not v]
        if bad and main:
            loc = main.location
            where = loc and (loc.name, loc.lat, loc.lon)
            print(f"MISS {bad}: {note.text}")
            print(f"   got {main.event_type} f={main.fatalities} a1={main.actor1} loc={where}")
            print(f"   want {note.event_type} f={note.fatalities} a1={note.actor1}")
        elif bad:
            print(f"MISS no event: {note.text}")
    print(score(notes, results))
