"""Place resolution: choosing a gazetteer candidate for each mention (see `places.py`).

`resolve_mentions` ranks each mention's candidates by prior alone, builds the
article's context from the first-pass winners, then re-ranks with that context;
enclosing names confine a name ("X, Y", "X in Y"), namesakes (a small town in a
country the text never names) are dropped or replaced, one name keeps one sense,
spelling variants and same-skeleton names stand in for names the gazetteer lacks,
and `_place` turns the choice into a `Place` with its precision ("near X" = 2).
"""

from __future__ import annotations

import re
from collections import Counter

from sitroom.knowledge.gazetteer import (
    ABBREV,
    ALT,
    DEMONYM,
    MAIN,
    Candidate,
    Context,
    Gazetteer,
    actor_areas,
    distance_km,
    fold,
    inside,
)
from sitroom.model import Place
from sitroom.stages.place_holders import _backed_off, _enclosing, _held_by_next
from sitroom.stages.place_names import Mention, _head_candidates

_NEAR = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\bvicinity of|\boutskirts of|\bclose to|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"\bkm (?:from|of)|\bkilometres (?:from|of)|\bkilometers (?:from|of)|\bmiles (?:from|of)|"
    r"\bedge of|\bperiphery of|\bnot far from)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Place]:
    """Places for `mentions`, resolved with the article's own context."""
    first = [_first_pass(m, gaz) for m in mentions]
    cues = cue_countries(text)
    context = _context(first, cues)
    others = _contexts_without_self(mentions, first, cues)
    withins = _enclosing(text, mentions, first)
    named, broad = _named_countries(mentions, first)
    broad |= set(cues)
    firm = _firm_countries(mentions, first, gaz)
    confined = _confined_senses(mentions, first, withins, named, gaz, others)
    regions = any(c is not None and c.feature == "admin1" and c.country in named for c in first)
    units = (
        {_sense_key(m) for m in mentions if _LOCAL_UNIT.match(text, m.end)} if regions else set()
    )
    chosen: list[Candidate | None] = []
    for n, m in enumerate(mentions):
        within = _usable_within(withins.get(n), first, named)
        own = others[_sense_key(m)]
        cand = _second_pass(m, gaz, own, within[0] if within else None)
        if within is None and _sense_key(m) in confined:
            cand = confined[_sense_key(m)]  # "LONDON, Ky. ... London police": one sense
        elif cand is not None and (within is None or _weak_area(first[within[1]])):
            cand = _namesake(cand, m, gaz, own, named | set(cues), broad, _sense_key(m) in units)
        if cand is not None and (
            _implausible(cand, context, within)
            or _unsupported(cand, m, gaz, firm[_sense_key(m)], broad)
        ):
            # a namesake elsewhere: better the enclosing area than a wrong town
            cand = _beside_area(m, gaz, first[within[1]] if within else None)
        if cand is None and m.source in ("GPE", "LOC", "SCAN", "GOLD"):
            cand = _spelling_variant(m, gaz, context, within, named)
        elif cand is not None and (
            _town_in_a_longer_name(text, mentions, n, cand, gaz)
            or _far_quarter(text, mentions, n, cand, first)
        ):
            cand = None  # left to the enclosing place (`_backed_off`)
        chosen.append(cand)
    _one_sense(mentions, chosen, withins, first, named)
    for n, (_, host) in withins.items():
        area = _state_of(chosen[n], chosen[host], mentions[host], gaz)
        if area is not None:
            chosen[host] = area
    places = [_place(text, m, c) for m, c in zip(mentions, chosen, strict=True)]
    held = {n: n + 1 for n in range(len(mentions) - 1) if _held_by_next(text, mentions, n)}
    return _backed_off(places, held | {n: w[1] for n, w in withins.items()})


def _town_in_a_longer_name(
    text: str, mentions: list[Mention], n: int, cand: Candidate, gaz: Gazetteer
) -> bool:
    """ "the Wharf Jérémie area of Cité Soleil": a town found only as a part of an unknown
    longer name is a namesake (a quarter named after a town) when the text puts the
    name inside another place; that place locates it better."""
    m = mentions[n]
    if cand.feature not in ("city", "admin2") or n + 1 >= len(mentions):
        return False
    if m.source == "CAPITAL" or gaz.lookup(m.text) or _admin_head(m.text, gaz):
        return False
    return _held_by_next(text, mentions, n)


_QUARTER_OF = re.compile(
    r"\s+(?:district|area|neighbou?rhood|quarter|suburb|outskirts)\s+of\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?"
)
QUARTER_KM = 50.0


def _far_quarter(
    text: str, mentions: list[Mention], n: int, cand: Candidate, first: list[Candidate | None]
) -> bool:
    """ "the Kyivskyi district of Kharkiv": a quarter of a city whose name a town far from
    that city also bears; the city locates the quarter better than the namesake."""
    if n + 1 >= len(mentions) or cand.is_area:
        return False
    host = first[n + 1]
    if host is None or host.feature != "city":
        return False
    if not _QUARTER_OF.fullmatch(text[mentions[n].end : mentions[n + 1].start]):
        return False
    return distance_km(cand.lat, cand.lon, host.lat, host.lon) > QUARTER_KM


# "Kani township", "Pazigyi village": a local unit (not "Beni town": big towns are called so)
_LOCAL_UNIT = re.compile(r"\s+(?:township|village|hamlet|locality|commune|tehsil)\b")


def _one_sense(
    mentions: list[Mention],
    chosen: list[Candidate | None],
    withins: dict[int, tuple[str, int]],
    first: list[Candidate | None],
    named: set[str],
) -> None:
    """ "Kani, a town in Myanmar's Sagaing region ... residents of Kani": once the text puts
    a name inside an area, its other mentions take the same reading, even when the
    gazetteer has no such town there (then none: a far namesake is worse than the area
    the unresolved name backs off to)."""
    placed: dict[str, tuple[str, Candidate | None]] = {}
    for n, m in enumerate(mentions):
        within = _usable_within(withins.get(n), first, named)
        host = first[within[1]] if within is not None else None
        if within is None or m.source == "CAPITAL" or host is None or _weak_area(host):
            continue
        if named and host.country not in named:
            continue  # "Beni town, in Nord Kivu": France's Nord says nothing about Beni
        cand = chosen[n]
        if cand is None or inside(cand, within[0]):
            placed.setdefault(_sense_key(m), (within[0], cand))
    for n, m in enumerate(mentions):
        sense = placed.get(_sense_key(m))
        cand = chosen[n]
        if sense is None or n in withins or cand is None or cand.feature != "city":
            continue
        if not inside(cand, sense[0]):
            chosen[n] = sense[1]


def _state_of(
    inner: Candidate | None, host: Candidate | None, m: Mention, gaz: Gazetteer
) -> Candidate | None:
    """ "Tacoma, Washington": the name after a town is the area holding that town (the
    state), when the reading chosen for it (the capital) does not hold it."""
    if inner is None or host is None or not inner.admin_code or host.feature != "city":
        return None
    region = ".".join(inner.admin_code.split(".")[:2])
    if host.admin_code and host.admin_code.startswith(region):
        return None
    for cand in _candidates(m, gaz):
        if cand.feature == "admin1" and cand.kind == MAIN and cand.admin_code == region:
            return cand
    return None


def _usable_within(
    within: tuple[str, int] | None, first: list[Candidate | None], named: set[str]
) -> tuple[str, int] | None:
    """The enclosing place, unless it is a town abroad while the text names countries:
    "Tawila (Tawila, North Darfur)" is no Tawila in another country."""
    if within is not None and _weak_area(first[within[1]]):
        host = first[within[1]]
        if named and host is not None and host.country not in named:
            return None
    return within


def _sense_key(m: Mention) -> str:
    """Mentions of one name share a sense in one article ("one sense per discourse")."""
    return f"{m.source}:{m.country}" if m.source == "CAPITAL" else fold(m.text)


# Nigeria's districts: "Logo LGA", "Hong Local Government Area", "in Jahun local
# government of Jigawa" (not "Iraqi local government officials")
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:[Ll]ocal [Gg]overnment [Aa]reas?|[Ll]ocal [Gg]overnment [Cc]ouncils?|LGAs?|"
    r"[A-Z][\w'-]+ [Ll]ocal [Gg]overnment(?! (?:officials?|elections?|polls?|chairm|staff))\b)"
)
CUE_HOME, CUE_AREA = 1.0, 0.5  # votes of an armed group's home and of its other countries


def cue_countries(text: str) -> dict[str, float]:
    """Countries the text points to by other words than place names, with their votes:
    an armed group's countries ("Boko Haram" -> Nigeria, Cameroon, Niger, Chad;
    "al-Shabaab" -> Somalia, Kenya; `actor_areas.tsv`) or Nigeria's "local government
    area". They vote like named places, so that "Baga" in a Boko Haram story is the
    Nigerian town, not a namesake abroad; lower-case words ("herdsmen") are no cue."""
    from sitroom.knowledge.actors import lexicon

    out = {"NGA": CUE_HOME} if _LOCAL_GOVERNMENT.search(text) else {}
    areas = actor_areas()
    for hit in lexicon().find(text):
        if hit.entry is None or not any(ch.isupper() for ch in hit.text):
            continue
        for n, country in enumerate(areas.get(hit.entry.name, ())):
            out[country] = max(out.get(country, 0.0), CUE_HOME if n == 0 else CUE_AREA)
    return out


def _contexts_without_self(
    mentions: list[Mention], first: list[Candidate | None], cues: dict[str, float] | None = None
) -> dict[str, Context]:
    """The article's context as seen by each name: the votes of every other name. A name
    repeated five times must not outvote the one town that says which namesake it is
    ("Nelson ... Nelson ... Castlegar": the Canadian Nelson)."""
    votes: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for m, cand in zip(mentions, first, strict=True):
        own = votes.setdefault(_sense_key(m), (Counter(), Counter()))
        if cand is not None and cand.country:
            own[0][cand.country] += 1
            if cand.admin_code and "." in cand.admin_code:
                own[1][".".join(cand.admin_code.split(".")[:2])] += 1
    countries: Counter[str] = Counter()
    admins: Counter[str] = Counter()
    countries.update(cues or {})  # an armed group's countries vote like names
    for c, a in votes.values():
        countries.update(c)
        admins.update(a)
    everyone = sum(countries.values())
    out: dict[str, Context] = {}
    for key, (c, a) in votes.items():
        total = (everyone - sum(c.values())) or 1.0
        out[key] = Context(
            countries={
                k: (v - c.get(k, 0)) / total for k, v in countries.items() if v > c.get(k, 0)
            },
            admins={k: (v - a.get(k, 0)) / total for k, v in admins.items() if v > a.get(k, 0)},
        )
    return out


def _confined_senses(
    mentions: list[Mention],
    first: list[Candidate | None],
    withins: dict[int, tuple[str, int]],
    named: set[str],
    gaz: Gazetteer,
    others: dict[str, Context],
) -> dict[str, Candidate]:
    """Names the text places explicitly once ("LONDON, Ky.", "Paris, Texas"): their other
    mentions in the article mean the same place."""
    out: dict[str, Candidate] = {}
    for n, m in enumerate(mentions):
        within = _usable_within(withins.get(n), first, named)
        if within is None or m.source == "CAPITAL":
            continue
        host = first[within[1]]
        if host is None or host.feature not in ("admin1", "admin2"):
            continue  # only a named state or district ("Paris, Texas") fixes the sense
        cand = _second_pass(m, gaz, others[_sense_key(m)], within[0])
        if cand is not None and not _implausible(cand, Context(), within):
            out.setdefault(_sense_key(m), cand)
    return out


BIG_CITY = 1_000_000  # a town this big may be named without its country
MID_CITY = 500_000  # below this, a town abroad no other name of the text points to is a namesake
TOWN = 100_000  # below this, a country adjective ("Somali elder") places the text too


def _named_countries(
    mentions: list[Mention], first: list[Candidate | None]
) -> tuple[set[str], set[str]]:
    """Countries the text names outright (a country, a first-level area, a region by its
    own name) and, second, those plus the countries of its adjectives ("Kenyan")."""
    named: set[str] = set()
    adjectives: set[str] = set()
    for m, cand in zip(mentions, first, strict=True):
        if cand is None or not cand.country:
            continue
        if m.source == "NORP" or cand.kind == DEMONYM:
            adjectives.add(cand.country)
        elif cand.feature in ("country", "admin1", "region") and cand.kind in (MAIN, ALT):
            named.add(cand.country)
    return named, named | adjectives


def _weak_area(area: Candidate | None) -> bool:
    """An enclosing "area" that is itself only a town says little about the country."""
    return area is None or area.feature == "city"


def _namesake(
    cand: Candidate,
    m: Mention,
    gaz: Gazetteer,
    context: Context,
    named: set[str],
    broad: set[str],
    local_unit: bool = False,
) -> Candidate | None:
    """A town outside every country the text names is mostly a namesake ("Gaya" in a
    story about Adamawa State is not the Indian city): the best candidate in a named
    country wins; with none, a match by a foreign alternate name only is dropped.
    Big cities keep their own reading, towns over `TOWN` yield only to named countries,
    or, when the text calls the name a local unit ("Kani township", `local_unit`) and no
    other name points to the town's country, up to `MID_CITY`."""
    if cand.feature == "admin2" and cand.country not in broad and named:
        local = [c for c in _candidates(m, gaz, context) if c.country in named]
        return local[0] if local else None  # a district abroad: a local name unknown
    if cand.feature != "city" or cand.listed or cand.country in broad:
        return cand
    if cand.population >= BIG_CITY:
        return cand
    pool = named if cand.population >= TOWN else broad
    if not pool:
        return cand
    from sitroom.knowledge.gazetteer import score

    local = [c for c in _candidates(m, gaz, context) if c.country in pool]
    if local:
        return max(local, key=lambda c: score(c, context, None, m.prefer_area))
    if cand.kind == ALT or (cand.population < TOWN and named):
        return None  # a foreign alternate name, or a village abroad: a local name unknown
    if (
        (local_unit or m.town)
        and cand.population < MID_CITY
        and not context.countries.get(cand.country or "")
    ):
        return None  # "Kani township", "the town of Palma" in a story about Myanmar or
        # Mozambique: not the Japanese or the Spanish city
    return cand


BESIDE_KM = 150.0  # a town this close to its state's centre may lie in it


def _beside_area(m: Mention, gaz: Gazetteer, host: Candidate | None) -> Candidate | None:
    """ "Takum local government area of Taraba state": GeoNames files some towns under the
    state they belonged to before a boundary change; a town of the same country near the
    centre of the state the text names is taken as lying in it."""
    if host is None or host.feature != "admin1":
        return None
    near = [
        c
        for c in _candidates(m, gaz)
        if c.feature == "city"
        and c.kind == MAIN
        and c.country == host.country
        and distance_km(c.lat, c.lon, host.lat, host.lon) <= BESIDE_KM
    ]
    return max(near, key=lambda c: c.prior(), default=None)


def _implausible(cand: Candidate, context: Context, within: tuple[str, int] | None) -> bool:
    """A town outside the area the text puts it in ("Gero village of Jos south", "Sho
    village in Plateau State"), or one that matched only by a foreign-language alternate
    name in a country the article never names ("Adu" -> Ardabil): a namesake elsewhere."""
    if within is not None and cand.feature == "admin2":
        return not inside(cand, within[0])  # "Nia Ouro (Mopti, Mopti)": not a Brazilian Ouro
    if cand.feature != "city" or cand.listed:
        return False
    if within is not None:
        return not inside(cand, within[0])
    if cand.kind != ALT or not context.countries:
        return False
    top = max(context.countries, key=lambda k: context.countries[k])
    share = context.countries.get(cand.country or "", 0.0)  # its own vote included
    return cand.country != top and share < 0.34


def _firm_countries(
    mentions: list[Mention], first: list[Candidate | None], gaz: Gazetteer
) -> dict[str, set[str]]:
    """For each name, the countries the text's other names point to when they are found
    by their whole own name ("Renk County", "Iraqi"), not by a part of it ("Ahmad
    Madobe-led" -> Al Ahmadi): evidence firm enough to overrule a weak reading."""
    votes: dict[str, set[str]] = {}
    for m, cand in zip(mentions, first, strict=True):
        own = votes.setdefault(_sense_key(m), set())
        if cand is None or not cand.country or cand.kind == ALT:
            continue
        if m.source == "CAPITAL" or gaz.lookup(m.text) or _admin_head(m.text, gaz):
            own.add(cand.country)
    return {key: set().union(*(v for k, v in votes.items() if k != key)) for key in votes}


def _unsupported(
    cand: Candidate, m: Mention, gaz: Gazetteer, others: set[str], broad: set[str]
) -> bool:
    """A town abroad reached only by a foreign alternate name or by a part of the name
    ("Daba" -> Dubbo, "Khan Bani Saad" -> Bani), in a country none of the text's other
    names, adjectives or armed groups points to while they point elsewhere ("Renk
    County", "Iraqi"): a namesake; the text's own places locate it better."""
    if cand.feature != "city" or cand.listed or cand.population >= BIG_CITY:
        return False
    if not others or cand.country in others or cand.country in broad:
        return False
    return cand.kind == ALT or not (gaz.lookup(m.text) or _admin_head(m.text, gaz))


def _spelling_variant(
    m: Mention,
    gaz: Gazetteer,
    context: Context,
    within: tuple[str, int] | None,
    named: set[str] | frozenset[str] = frozenset(),
) -> Candidate | None:
    """A differently transliterated name ("Konduz", "Kastina-Ala", "Dhusamareeb") in the
    country the text puts it in, or else in the article's main country."""
    country = within[0].split(".")[0] if within else None
    if country is not None and len(country) == 2:  # an admin code: ISO2 first
        found = gaz.country(country)
        country = found.country if found is not None else None
    if country is None and context.countries:
        pool = [k for k in context.countries if k in named] or list(context.countries)
        country = max(pool, key=lambda k: context.countries[k])  # a named country first
    if country is None:
        return _same_shape(m, gaz)
    cand = gaz.fuzzy(m.text, country)
    head = _ADMIN_SUFFIX.match(m.text.strip())
    if cand is None and head is not None:  # "Urozgan Province": the province's own name
        cand = gaz.fuzzy(head.group("head"), country)
        areas = [c for c in gaz.lookup(cand.name) if c.is_area] if cand is not None else []
        cand = next((c for c in areas if cand and c.country == cand.country), cand)
    if cand is not None and within is not None and not inside(cand, within[0]):
        return None
    return cand


SHAPE_MIN_POP = 10_000  # a same-skeleton town anywhere counts from this size


def _same_shape(m: Mention, gaz: Gazetteer) -> Candidate | None:
    """In a text naming no country, a town spelled another way ("Baqouba") is the one
    place of that skeleton, when it is no mere village."""
    for cand in gaz.by_shape(m.text):
        if cand.feature in ("admin1", "country") or cand.population >= SHAPE_MIN_POP:
            return cand
    return None


def _candidates(m: Mention, gaz: Gazetteer, context: Context | None = None) -> list[Candidate]:
    if m.source == "CAPITAL":
        country = m.country
        if country is None and context is not None and context.countries:
            country = max(context.countries, key=lambda k: context.countries[k])
        capital = gaz.capital(country) if country else None
        return [capital] if capital is not None else []
    cands = list(gaz.lookup(m.text)) or _admin_head(m.text, gaz) or _head_candidates(m.text, gaz)
    if not m.text.isupper():  # "the village of Ala" is no "ALA" (Aland Islands)
        cands = [c for c in cands if not (c.kind == ABBREV and c.feature == "country")]
    if m.source == "NORP":
        return [c for c in cands if c.kind == DEMONYM]
    if m.source == "ABBREV":
        return [c for c in cands if c.kind == ABBREV and c.feature == "admin1"]
    return [c for c in cands if c.kind != DEMONYM or c.feature == "region"] or cands


_ADMIN_SUFFIX = re.compile(
    r"^(?P<head>.+?)\s+(?:local\s+government(?:\s+area|\s+council)?|lga|l\.g\.a\.?|"
    r"district|territory|county|sub-?county|division|municipality|commune|department|"
    r"prefecture|governorate|province|state|region|chiefdom|locality|emirate|area)$",
    re.IGNORECASE,
)


def _admin_head(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "Kukawa Local Government Area", "Masisi Territory", "Abadam LGA": an
    administrative unit named after its seat or listed under its bare name; any entry
    of the bare name counts (unlike a mere part of a longer name), areas first."""
    m = _ADMIN_SUFFIX.match(text.strip())
    if m is None:
        return []
    found = [c for c in gaz.lookup(m.group("head")) if c.kind != ABBREV]
    return sorted(found, key=lambda c: c.feature not in ("admin1", "admin2", "district"))


def _first_pass(m: Mention, gaz: Gazetteer) -> Candidate | None:
    cands = _candidates(m, gaz)
    if not cands:
        return None
    return max(cands, key=lambda c: c.prior() + (3.0 if m.prefer_area and c.is_area else 0.0))


def _context(first: list[Candidate | None], cues: dict[str, float] | None = None) -> Context:
    votes: Counter[str] = Counter(cues or {})
    admins: Counter[str] = Counter()
    for cand in first:
        if cand is None or not cand.country:
            continue
        votes[cand.country] += 1
        if cand.admin_code and "." in cand.admin_code:
            admins[".".join(cand.admin_code.split(".")[:2])] += 1
    total = sum(votes.values()) or 1.0
    return Context(
        countries={k: v / total for k, v in votes.items()},
        admins={k: v / total for k, v in admins.items()},
    )


def _second_pass(
    m: Mention, gaz: Gazetteer, context: Context, within: str | None
) -> Candidate | None:
    from sitroom.knowledge.gazetteer import score

    cands = _candidates(m, gaz, context)
    if not cands:
        return None
    if m.town:  # "the city of Turkey": the Texas town, not the country
        cands = [c for c in cands if c.feature == "city" and c.kind == MAIN] or cands
    elif within is None:  # "Mexico" in a story about Missouri is still the country
        country = [c for c in cands if c.feature == "country" and c.kind == MAIN]
        if country:
            cands = [c for c in cands if c.feature != "city"]
    best = max(cands, key=lambda c: score(c, context, within, m.prefer_area))
    if within is None and _small_namesake(best, cands[0], context, gaz):
        return cands[0]
    return best


def _small_namesake(best: Candidate, famous: Candidate, context: Context, gaz: Gazetteer) -> bool:
    """A village that wins only because its country is the article's ("London" in a US
    story about street art is not London, Kentucky; "Queensland" beside "New South Wales"
    is no hamlet in Alberta): a city of a million, a capital or a first-level area keeps
    its name when the text also names its country, or does not name the village's area."""
    if best is famous or best.feature != "city" or best.population >= TOWN:
        return False
    if famous.kind != MAIN:
        return False
    if best.country == famous.country:  # "a judge in Wyoming": the state, not a small town
        return famous.feature == "admin1"
    if not (
        (famous.feature == "city" and famous.population >= BIG_CITY)
        or famous.feature == "admin1"
        or (famous.country is not None and famous == gaz.capital(famous.country))
    ):
        return False
    area = ".".join((best.admin_code or "").split(".")[:2])
    return context.countries.get(famous.country or "", 0.0) > 0 or not context.admins.get(area)


def _place(text: str, m: Mention, cand: Candidate | None) -> Place:
    near = _NEAR.search(text[max(0, m.start - 40) : m.start]) is not None
    if cand is None:
        return Place(
            name=m.text,
            mention=m.text,
            start=m.start,
            end=m.end,
            precision=2 if near else 1,
            feature="unresolved",
        )
    precision = 3 if cand.is_area else (2 if near else 1)
    return Place(
        name=cand.name,
        mention=m.text,
        start=m.start,
        end=m.end,
        admin1=cand.admin1,
        country=cand.country,
        lat=cand.lat,
        lon=cand.lon,
        geonames_id=cand.geonames_id,
        precision=precision,
        feature="demonym" if m.source == "NORP" else cand.feature,
    )
