"""Place levels for the locate stage: how specific each kind of place is (a named site
over a town over a province over a country), which kinds are coarse, national or
subnational, distance between two places, and how many of a text's place names lie in
each country. Shared by the ranking (locate) and its tests (locate_syntax, locate_holders).
"""

from __future__ import annotations

from collections import Counter

from sitroom.knowledge.gazetteer import distance_km
from sitroom.model import Place

SPECIFICITY = {
    "base": 3.0,
    "camp": 3.0,
    "embassy": 3.0,
    "site": 3.0,
    "zone": 2.8,
    "crossing": 2.8,
    "city": 2.6,
    "unresolved": 3.0,  # named, yet unknown to the gazetteer: mostly villages, quarters
    "approximate": 3.0,  # the same, with its enclosing or nearest town's coordinates
    "admin2": 2.0,
    "district": 2.0,
    "river": 1.6,
    "mountain": 1.6,
    "region": 1.4,
    "admin1": 1.4,
    "desert": 1.4,
    "sea": 1.0,
    "country": 0.8,
    "continent": 0.0,
    "demonym": -1.5,
}
COARSE = frozenset(
    {"country", "continent", "admin1", "region", "demonym", "sea", "desert", "mountain", "river"}
)


NATIONAL = frozenset({"country", "demonym"})
SUBNATIONAL = frozenset({"admin1", "region"})


def _close(a: Place, b: Place, km: float) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _rank(place: Place) -> float:
    return SPECIFICITY.get(place.feature or "", 2.4)


_TOWNLIKE = frozenset({"city", "admin2", "district", "approximate"})


def country_support(places: list[Place]) -> Counter[str]:
    """How many of the text's place names lie in each country."""
    return Counter(p.country for p in places if p.country and p.resolved)
