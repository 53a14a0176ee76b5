"""What a place mention is, and the gazetteer look-ups both halves of the place stage share.

`Mention` is a stretch of text naming a place before resolution (made by
`place_recognition`, resolved by `place_resolution`); `not_places` is the list of
capitalised words that never name a place; `_head_candidates` finds the longest
well-known part of a name the gazetteer lacks ("Guangxi province" -> Guangxi), which
recognition uses to accept a name and resolution to place it. Split out of `places.py`
so that recognition and resolution import it without importing each other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitroom.knowledge import data_path
from sitroom.knowledge.gazetteer import ABBREV, DEMONYM, MAIN, Candidate, Gazetteer, fold

MIN_CITY_POP = 50_000  # a capitalised word the NER missed counts as a city only above this
BIG_CITY_POP = 250_000  # a name the NER took for an organisation or person is this city


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a place, before resolution."""

    start: int
    end: int
    text: str
    source: str  # GPE, LOC, FAC, NORP, SCAN, ABBREV, EMBEDDED, CAPITAL
    prefer_area: bool = False
    country: str | None = None  # for "the capital": whose capital, when the text says
    town: bool = False  # "the city of Turkey", "the town of Paris": a settlement, not a country


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    lines = data_path("not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


_MODIFIERS = frozenset(
    [
        "far",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "middle",
        "inner",
        "outer",
        "new",
        "old",
        "great",
        "little",
        "downtown",
    ]
)


# words that name a kind of place: alone they are never the known part of a longer name
# ("Tetewa Island" is no "Island County", "Mane bridge" no bridge town)
GENERIC_PARTS = frozenset(
    [
        "island",
        "islands",
        "lake",
        "river",
        "valley",
        "mountain",
        "mountains",
        "hill",
        "hills",
        "bridge",
        "market",
        "road",
        "street",
        "junction",
        "camp",
        "village",
        "town",
        "city",
        "forest",
        "park",
        "beach",
        "bay",
        "port",
        "station",
        "district",
        "county",
        "state",
        "province",
        "region",
        "area",
        "border",
        "crossing",
        "square",
        "stadium",
        "airport",
        "base",
        "point",
        "gate",
        "hospital",
        "school",
        "mosque",
        "church",
        "prison",
    ]
)


def _known_part(cand: Candidate) -> bool:
    """A part of a longer name counts only when it is a well-known place: "Guangxi" in
    "Guangxi province", never "Street" in "Third Street" or "Centre" in "Rogers Centre"."""
    if cand.kind == DEMONYM:
        return True
    if cand.kind == ABBREV:
        return False  # "IN", "CA" alone are words; abbreviations count after a comma only
    if cand.feature in ("country", "continent", "admin1", "admin2"):
        return True
    if cand.listed:
        return cand.kind == MAIN
    return cand.population >= (MIN_CITY_POP if cand.kind == MAIN else BIG_CITY_POP)


def _head_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """For a name the gazetteer lacks, the longest known part of it, rightmost first:
    "Western Canada" -> Canada, "Guangxi province" -> Guangxi, "Enfield Borough"."""
    words = text.split()
    if len(words) < 2 or len(words) > 6:
        return []
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size, -1, -1):
            part = " ".join(words[i : i + size])
            key = fold(part)
            if not part[:1].isupper() or key in not_places() or key in GENERIC_PARTS:
                continue
            if set(key.split()) <= _MODIFIERS:
                continue
            found = [c for c in gaz.lookup(part) if _known_part(c)]
            if found:
                return found
    return []
