"""Which place holds which: enclosing names and the fallback to the holding place.

`_held_by_next` / `_enclosing` read "X, Y", "X in Y", "X village of Y district",
"X (Y)" as X inside Y; `_backed_off` gives a name the gazetteer lacks (or one left
unresolved) the coordinates of its finest known holder or else the nearest resolved
town ("approximate"); `approximated_from` tells which place such a name borrowed
from (used by the locate stage).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.knowledge.gazetteer import Candidate
from sitroom.model import Place
from sitroom.stages.place_names import Mention


def _backed_off(places: list[Place], enclosing: dict[int, int]) -> list[Place]:
    """A name the gazetteer does not know (a street, a quarter, a village) takes the
    coordinates of its enclosing place ("X in Y", "X, Y") or else of the closest specific
    place the article resolved, with precision 2 (a spot in that area; 3 when that is a
    region) and feature "approximate" (never "unresolved": those keep null coordinates):
    local names are usually in the town the story is about, and coordinates within that
    town beat none at all (measured: end-to-end acc@161 and wire-lead places drop
    without it). `approximated_from` tells whose coordinates they are."""
    anchors = _home_anchors(places)
    out = []
    for n, p in enumerate(places):
        if p.resolved or p.start is None:
            out.append(p)
            continue
        host = _enclosing_host(places, enclosing, n)
        if host is None or not host.resolved:
            if not anchors:
                out.append(p)
                continue
            start = p.start
            host = min(anchors, key=lambda a: abs((a.start or 0) - start))
        out.append(
            replace(
                p,
                admin1=host.admin1,
                country=host.country,
                lat=host.lat,
                lon=host.lon,
                precision=3 if host.precision == 3 and host.feature != "admin2" else 2,
                feature="approximate",
            )
        )
    return out


def _home_anchors(places: list[Place]) -> list[Place]:
    """Specific places an unknown name may borrow coordinates from: those in the
    countries the text names (a country, a state), when there are any. A foreign
    bureau's dateline ("BANGKOK --" over a story about Sagaing, Myanmar) is no home for
    an unknown township."""
    anchors = [p for p in places if p.resolved and p.feature in _ANCHOR_FEATURES]
    named = {p.country for p in places if p.resolved and p.feature in ("country", "admin1")}
    return [a for a in anchors if a.country in named] or anchors


def _enclosing_host(places: list[Place], enclosing: dict[int, int], n: int) -> Place | None:
    """The nearest resolved place up the chain "Jangal in Kamantan chiefdom of Zangon
    Kataf LGA of Kaduna State": the finest known area that holds the name."""
    seen = {n}
    while n in enclosing:
        n = enclosing[n]
        if n in seen:
            return None
        seen.add(n)
        if places[n].resolved and places[n].feature != "approximate":
            return places[n]
    return None


def approximated_from(place: Place, places: list[Place]) -> Place | None:
    """The resolved place whose coordinates an "approximate" place borrowed."""
    if place.feature != "approximate":
        return None
    for other in places:
        if (
            other.resolved
            and other.feature != "approximate"
            and ((other.lat, other.lon) == (place.lat, place.lon))
        ):
            return other
    return None


_ANCHOR_FEATURES = frozenset({"city", "admin2", "base", "camp", "site", "zone", "district"})


_CONTAINER_WORDS = frozenset(
    [
        "in",
        "of",
        "the",
        "a",
        "village",
        "town",
        "city",
        "district",
        "area",
        "province",
        "state",
        "region",
        "county",
        "local",
        "government",
        "lga",
        "locality",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "quarter",
        "governorate",
        "municipality",
        "chiefdom",
        "camp",
        "division",
        "township",
        "commune",
        "department",
        "oblast",
        "raion",
        "tehsil",
        "sub",
        "subdistrict",
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "north",
        "south",
        "east",
        "west",
        "countryside",
        "outskirts",
    ]
)
_BETWEEN = re.compile(r"[\s,(]*(?:[a-z][a-z'\-]*[\s,(]+){0,6}")


def _enclosing(
    text: str, mentions: list[Mention], first: list[Candidate | None]
) -> dict[int, tuple[str, int]]:
    """For "X, Y", "X in Y", "X village of Y district" (Y a country or an area, or a
    town whose country then holds X): X must lie in Y. Maps X's index to (code, Y's index)."""
    out: dict[int, tuple[str, int]] = {}
    for n in range(len(mentions) - 1):
        area, inner = first[n + 1], first[n]
        if area is None or not _held_by_next(text, mentions, n):
            continue
        if (
            inner is not None
            and inner.feature in ("country", "continent")
            and area.feature in ("country", "continent")
        ):
            continue  # "Mexico, the US and Canada": a list of countries, none inside another
        if area.feature in ("admin1", "admin2") and area.admin_code:
            out[n] = (area.admin_code, n + 1)
        elif area.country and area.feature in ("country", "city", "region", "district"):
            out[n] = (area.country, n + 1)
    return out


def _held_by_next(text: str, mentions: list[Mention], n: int) -> bool:
    """The text puts mention n inside mention n + 1: "X, Y", "X in Y", "X village of
    Y district", "X (Y)"."""
    a, b = mentions[n], mentions[n + 1]
    between = text[a.end : b.start]
    if len(between) > 60 or not _BETWEEN.fullmatch(between) or b.source == "NORP":
        return False
    if between.strip() == "," and text[b.end : b.end + 2] in ("'s", "’s"):
        after = mentions[n + 2].start if n + 2 < len(mentions) else len(text)
        if after > b.end + 4:  # not "Kani, Myanmar's Sagaing region"
            return False  # "in Jalalabad, Pakistan's ministry said": a speaker, no enclosure
    words = set(re.findall(r"[a-z]+", between))
    if not ("," in between or "(" in between or words & {"in", "of"}):
        return False
    return words <= _CONTAINER_WORDS
