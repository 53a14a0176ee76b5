"""Areas named as holding a place ("Kwarbadi village in the Gusau district in Nigeria's
Zamfara State", "the Kyivskyi district of Kharkiv"): the chain of holders after a
place, a town that beats the area holding it, the finest holder that gives a namesake's
coordinates or overrules it when it contradicts them (another country, or far off), and a
lone town in a country no other name of the text supports (mostly a namesake).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitroom.model import Analysis, Place
from sitroom.stages.locate_levels import (
    _TOWNLIKE,
    COARSE,
    SUBNATIONAL,
    _close,
    _rank,
    country_support,
)
from sitroom.stages.place_holders import approximated_from

HELD_MARGIN = 3.0  # how much a town may trail the area named as holding it and still win
_PART_OF = re.compile(  # lower case: "the Urozgan District of X" names the district itself
    r"(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:neighbou?rhoods?|districts?|suburbs?|quarters?)"
    r"\s+of\s+(?:the\s+)?"
)


def _part_of(text: str, holder: Place, part: Place) -> bool:
    """ "the south Baghdad neighbourhood of Al-Bayaa", "Baghdad's southern district of
    Saiydiah": the holder is named first, its part after it."""
    if holder.end is None or part.start is None or part.start < holder.end:
        return False
    if part.feature in COARSE or holder.feature not in _TOWNLIKE | {"city"}:
        return False
    return _PART_OF.fullmatch(text[holder.end : part.start]) is not None


def _held_first(
    text: str, scored: list[tuple[tuple[float, str], Place]], places: list[Place]
) -> tuple[tuple[float, str], Place]:
    """ "captured the town of Kawlin, in northern Sagaing": the best place is only the area
    named as holding another candidate, which is where it happened."""
    (value, _why), best = scored[0]
    for (other_value, other_why), other in scored[1:]:
        if (
            other.feature not in COARSE
            and "names a road" not in other_why
            and value - other_value <= HELD_MARGIN
            and (any(h is best for h in _chain(text, other, places)) or _part_of(text, best, other))
        ):
            return (other_value, f"{other_why}, held by {best.mention!r}"), other
    return scored[0]


CHAIN_GAP = 60  # characters between a name and the area named as holding it
_LINK = re.compile(r"\b(?:in|of|near|outside)\b|,|'s\b|\(")
_NOT_LINK = re.compile(
    r"[.;:!?\"]|\b(?:and|or|but|from|to|by|while|when|where|who|which|after|before|than|"
    r"with|against|between|said|says|told|km|kilometres|kilometers|miles|"
    r"(?:north|south)(?:east|west)?|east|west|border|road|highway|as|since|because|for|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?<!-)\w{3,}ing|(?<!-)\w{3,}ed|officials?|police|governor|residents|sources|"
    r"authorities|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
_LIST_LINK = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?")
_PEERS = frozenset({"city", "unresolved", "approximate"})


def _same_level(a: Place, b: Place) -> bool:
    """Two names of one kind ("Alaba, Mosafejo"), as a list has, unlike "town, district"."""
    return a.feature == b.feature or (a.feature in _PEERS and b.feature in _PEERS)


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_PARTS_AFTER = re.compile(  # "in Qamishli's southern suburbs": a holder all the same
    r"['\u2019]s\s+(?:[\w-]+\s+)?(?:suburbs?|outskirts|countryside|districts?|neighbou?rhoods?)\b",
    re.IGNORECASE,
)
_FINE_HOSTS = frozenset({"city", "admin2", "district", "base", "camp", "site", "zone"})


def _chain(text: str, place: Place, places: list[Place]) -> list[Place]:
    """The areas named as holding `place`, innermost first: "Kwarbadi village in the
    Gusau district in Nigeria's Zamfara State", "the Ndop market (Ngoketunjia, North-West)"."""
    out: list[Place] = []
    end = place.end or 0
    last = place
    for other in sorted(places, key=lambda p: p.start or 0):
        if other.start is None or other.start < end:
            continue
        between = text[end : other.start]
        peer = _LIST_LINK.fullmatch(between) is not None and (
            between.strip() != "," or _same_level(last, other)
        )  # "Kharkiv, Sumy and Poltava": a list of peers, held (if at all) further on
        if len(between) > CHAIN_GAP or (
            not peer and (not _LINK.search(between) or _NOT_LINK.search(between))
        ):
            break
        if not out and not peer and _POSSESSIVE.match(between):
            break  # "Mogadishu's Hodan district": a part of it, not its holder
        if _part_of(text, last, other):
            break  # "the Baghdad neighbourhood of Al-Bayaa": a part, not a holder
        end = other.end or other.start
        last = other
        if not peer and "capital" not in other.mention.lower():  # "X, the capital of"
            out.append(other)
    after = text[out[-1].end or 0 :] if out else ""
    if out and _POSSESSIVE.match(after) and not _PARTS_AFTER.match(after):
        out.pop()  # "in Kabul, Pakistan's envoy said": an owner, not a holder
    return out


def _hosted(item: Analysis, place: Place, places: list[Place]) -> tuple[Place, str] | None:
    """A village the gazetteer lacks, or a namesake the named areas contradict ("the
    Tepic prison in the city of Iguala" is not the Tepic of another state), takes the
    coordinates of the finest area named as holding it, of the outermost one's country:
    the smallest known district or province beats a far-off town or the country."""
    if place.feature in ("country", "demonym", "continent") or place.start is None:
        return None
    text = item.article.text
    owners = [p for p in places if _part_of(text, p, place)]  # "the Kabul district of X"
    chain = [p for p in owners + _chain(text, place, places) if p.feature != "demonym"]
    known = [p for p in chain if p.resolved and p.feature != "approximate"]
    if not known:
        return None
    country = next((p.country for p in reversed(known) if p.country), None)
    support = country_support(item.places)
    consistent = [p for p in known if p.country == country]
    consistent = [
        p
        for n, p in enumerate(consistent)
        if not any(
            _contradicts(o, p, support) for o in consistent[n + 1 :] if o.feature in SUBNATIONAL
        )
    ]  # "Zango village in Wase LGA of Plateau State": a Wase in another state is a namesake
    if not consistent:
        return None
    host = next((p for p in consistent if p.feature != "country"), None) or consistent[0]
    if _DIRECTED.search(text[max(0, (host.start or 0) - 20) : host.start or 0]):
        host = replace(host, feature="region")  # "in northern Sagaing": an area, no town
    if place.feature == "approximate":
        before = approximated_from(place, item.places)
        if (
            before is not None
            and not _contradicts(host, before, support)
            and _rank(before) >= _rank(host)
            and (_rank(before) > _rank(host) or any(h is before for h in chain))
        ):
            return None  # its own borrowed coordinates are finer (or the host's) and agree
    elif place.resolved and not _contradicts(host, place, support):
        return None
    elif not place.resolved and host.feature == "country":
        return None  # a country says little: the best place named with it may say more
    if (host.lat, host.lon) == (place.lat, place.lon):
        return None
    precision = 2 if host.feature in _FINE_HOSTS else 3
    moved = replace(
        place,
        admin1=host.admin1,
        country=host.country,
        lat=host.lat,
        lon=host.lon,
        geonames_id=None,
        precision=precision,
        feature="approximate",
    )
    return moved, f"coordinates of {host.mention!r}, named as holding it"


def _contradicts(host: Place, place: Place, support: Counter[str]) -> bool:
    """The named enclosing area says the resolved place is a namesake elsewhere: another
    country (when the text backs the host's country at least as much), another
    first-level area far off, or a town far off. Gazetteers disagree on borders, so a
    town just across one (a town filed under a neighbouring state) is no contradiction,
    nor is a province whose centre lies far from a town inside it."""
    if host.country != place.country:
        return support[host.country or ""] >= support[place.country or ""]
    if host.feature in _FINE_HOSTS:
        return not _close(host, place, FAR_KM)
    if host.feature == "country" or not (host.admin1 and place.admin1):
        return False
    return host.admin1 != place.admin1 and not _close(host, place, FAR_KM)


_DIRECTED = re.compile(
    r"\b(?:north|south|east|west|central|(?:north|south)[- ]?(?:east|west))(?:ern)?\s+$",
    re.IGNORECASE,
)
FAR_KM = 200.0  # an enclosing area's centre this far from the place cannot hold it


def _abroad(place: Place, support: Counter[str]) -> bool:
    """A town whose country no other name of the text supports, while another country
    has two or more ("Dar Es Salaam" among places in Darfur): mostly a namesake."""
    if place.feature not in _TOWNLIKE or not place.country or not place.resolved:
        return False
    if support[place.country] > 1:
        return False
    return any(n >= 2 for c, n in support.items() if c != place.country)
