"""Place stage: every toponym in the article, resolved against the gazetteer.

Recognition: the NER's GPE/LOC/FAC entities (and ORG/PERSON/NORP ones that are plainly
places: a country, or a town the text introduces as one); adjectives of countries and
regions ("Iraqi", "Kurdish", "European": coded as toponyms by the GeoWebNews and TR-News
guidelines, while plural peoples, "Iraqis", are not); place names inside organisation
names ("Kentucky Fish and Wildlife"); capitalised words the NER missed when the gazetteer
knows them as a country, region or large city, or when the text marks them as places
("the Aziziyah district", "the village of Ashmi", "Tsonye (Agatu, Benue)", "Long Beach,
CA", "Gwoza, a town in Borno State"); districts named by their type word ("Wase local
government area", "Kurram Agency"); entities the NER ran over a list ("Abadam, Borno")
split into their parts; and "the capital", "the Iraqi capital", "Somalia's capital" as
that capital city.

Resolution, in two passes: each name is first ranked by its prior alone (countries,
continents and seas first, then by population); the countries and first-level areas of
the first-pass winners form the article's context, which then re-ranks every name.
"X, Y", "X in Y", "X village of Y district", "X (Y, Z)" confine X to Y ("Springfield,
Illinois"); a small town found only outside Y is a namesake and is dropped. "Y province"
prefers administrative areas. A small town or district in a country the text never
names, when it names others ("Gaya" in a story about Adamawa State), is a namesake: the
same name in a named country wins, else the name counts as unknown. A name the
gazetteer lacks ("Al-Bayaa", "Third Street") is kept with feature "approximate" and the
coordinates of the finest known area holding it ("X in Y of Z") or else the nearest
resolved town, precision 2 (3 when that is a province or region); with no such place it
stays feature "unresolved" without coordinates. No name ever blocks the others.

Precision: 3 for a country, first-level subdivision or other area, 2 when the text says
"near X", "outside X", "north of X", 1 otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span

from sitroom.knowledge import data_path
from sitroom.knowledge.gazetteer import (
    ABBREV,
    ALT,
    DEMONYM,
    MAIN,
    Candidate,
    Context,
    Gazetteer,
    distance_km,
    fold,
    inside,
)
from sitroom.model import Analysis, Place
from sitroom.stages import Stage

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCK_LABELS = frozenset({"PERSON", "ORG", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"})
AREA_WORDS = frozenset(
    {
        "province",
        "governorate",
        "district",
        "region",
        "county",
        "state",
        "oblast",
        "department",
        "prefecture",
        "municipality",
        "territory",
        "area",
        "zone",
    }
)
SETTLEMENT_WORDS = frozenset(
    {"village", "town", "city", "camp", "neighbourhood", "neighborhood", "suburb", "quarter"}
)
PLACE_PREPS = frozenset({"in", "near", "outside", "around", "towards", "toward", "into"})
_NEAR = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\bvicinity of|\boutskirts of|\bclose to|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"\bkm (?:from|of)|\bkilometres (?:from|of)|\bkilometers (?:from|of)|\bmiles (?:from|of)|"
    r"\bedge of|\bperiphery of|\bnot far from)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
MAX_NGRAM = 5
MIN_CITY_POP = 50_000  # a capitalised word the NER missed counts as a city only above this
BIG_CITY_POP = 250_000  # a name the NER took for an organisation or person is this city


_DISTANCE_AFTER = re.compile(r",\s+(?:some\s+|about\s+|around\s+)?\d[\d,.]*\s*(?:km|kilomet|mile)")


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


class PlaceStage(Stage):
    name = "places"
    reads = ("doc", "sentences")
    writes = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = Gazetteer.load()
        return self._gaz

    def process_one(self, item: Analysis) -> None:
        mentions = find_mentions(item.doc, self.gazetteer)
        item.places = resolve_mentions(item.article.text, mentions, self.gazetteer)


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    lines = data_path("not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


# ---------------------------------------------------------------- recognition


def find_mentions(doc: Any, gaz: Gazetteer) -> list[Mention]:
    """Every toponym mention in the spaCy doc, in text order, without overlaps."""
    found: list[Mention] = []
    taken = [False] * len(doc)
    rejected: list[Any] = []  # names the NER took for people or bodies, not yet places
    for whole in doc.ents:
        if whole.label_ in BLOCK_LABELS or whole.label_ in PLACE_LABELS or whole.label_ == "NORP":
            for i in range(whole.start, whole.end):
                taken[i] = True
        for part in _list_parts(doc, whole):
            ent = _extended(doc, part, gaz)
            mention = _entity_mention(doc, ent, gaz)
            inner: list[Mention] = []
            if mention is not None:
                found.append(_in_paren_list(doc, ent, mention))
            elif ent.label_ in ("ORG", "FAC") and len(ent) > 1:
                inner = list(_embedded(doc, ent, gaz))
                found.extend(inner)
            elif ent.label_ == "MONEY":  # "US dollars", "Australian dollars"
                found.extend(m for m in _embedded(doc, ent, gaz) if _currency_country(m, gaz))
            if mention is None and not inner and ent.label_ in _RESCUE_LABELS:
                rejected.append(ent)
    found.extend(_scan(doc, taken, gaz))
    if rejected and not _shouting(doc):
        found.extend(_in_named_country(doc, rejected, found, gaz))
    text = doc.text  # built from the tokens on every access: once per document
    found.extend(_dateline(text, found, gaz))
    found.extend(_abbreviations(text, found, gaz))
    if not _shouting(doc):  # upper-case wire text: every word looks like a name
        found.extend(_admin_units(text, found, gaz))
    found.sort(key=lambda m: m.start)
    found = _without_overlaps(found)
    if not _shouting(doc):
        found = _without_overlaps(sorted(found + _repeats(doc, found, gaz), key=lambda m: m.start))
        people = _person_words(doc)
        found = [m for m in found if fold(m.text) not in people or gaz.lookup(m.text)]
    capitals = list(_capital_mentions(text, found, gaz))
    if capitals:
        kept = [
            m for m in found if not any(c.start <= m.start and m.end <= c.end for c in capitals)
        ]
        found = sorted(kept + capitals, key=lambda m: m.start)
    return found


_RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_RESCUE_PREPS = PLACE_PREPS | {"at", "from"}
_RESCUE_TAILS = frozenset({"town", "village", "community", "city", "area", "massacre"})


def _named_countries_of(found: list[Mention], gaz: Gazetteer) -> set[str]:
    """Countries the recognised names surely point to: a country, its adjective, a
    first-level area or a big city, by their first reading."""
    out: set[str] = set()
    for m in found:
        cands = gaz.lookup(m.text)
        top = cands[0] if cands else None
        if top is None or not top.country:
            continue
        if (
            top.kind == DEMONYM
            or top.feature in ("country", "admin1", "admin2", "region")
            or top.population >= BIG_CITY_POP
        ):
            out.add(top.country)
    return out


def _in_named_country(
    doc: Any, rejected: list[Any], found: list[Mention], gaz: Gazetteer
) -> Iterable[Mention]:
    """Town names the NER took for a person or a body ("near Benisheik", "in Hilla",
    "attacked Madagali community", "the Bentiu massacre"): a place when the gazetteer
    knows a town of that name in a country the text names and the text marks it as a
    place (a preposition before it, a settlement word after it). Towns inside
    organisations' names are left out: there most capitalised words are common nouns
    that some town bears ("University", "Market")."""
    countries = _named_countries_of(found, gaz)
    if not countries:
        return
    people = _person_words(doc)
    for ent in rejected:
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a"):
            start += 1
        tail = end < len(doc) and doc[end].lower_ in _RESCUE_TAILS
        if end - start > 1 and doc[end - 1].lower_ in _RESCUE_TAILS:
            end -= 1
            tail = True
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        if start >= end:
            continue
        if not (tail or _rescue_prep(doc, start)):
            continue
        hit = _town_in(doc[start:end], countries, gaz)
        if hit is not None and (tail or ent.label_ != "PERSON" or fold(hit.text) not in people):
            yield hit


_COMPASS = frozenset(
    f"{a}{b}" for a in ("north", "south", "east", "west", "northeast", "northwest",
                        "southeast", "southwest", "north-east", "north-west", "south-east",
                        "south-west") for b in ("", "ern")
) | {"outskirts", "edge", "vicinity"}  # fmt: skip


def _rescue_prep(doc: Any, i: int) -> bool:
    """ "in X", "near X", "at X", "from X", "east of X", "outskirts of X"."""
    if i == 0:
        return False
    before = doc[i - 1].lower_
    if before in _RESCUE_PREPS:
        return True
    return before == "of" and i >= 2 and doc[i - 2].lower_ in _COMPASS


def _town_in(span: Any, countries: set[str], gaz: Gazetteer) -> Mention | None:
    text = span.text
    key = fold(text)
    if len(key) < 4 or key in not_places() or not _is_name_token(span[0]) or text.isupper():
        return None
    for cand in gaz.lookup(text):
        if (
            cand.kind in (MAIN, ALT)
            and cand.feature in ("city", "admin2")
            and cand.country in countries
        ):
            return Mention(span.start_char, span.end_char, text, "SCAN")
    return None


_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})(?=,\s*[A-Z]|\s*[—–]|\s+-|\s*\()"
)


def _dateline(text: str, found: list[Mention], gaz: Gazetteer) -> Iterable[Mention]:
    """ "RALEIGH, N.C. (AP)", "WINNIPEG —", "KABUL, Afghanistan (Reuters)": the upper-case
    name opening a story is where it was filed; the NER often takes it for an organisation."""
    match = _DATELINE.match(text)
    if match is None:
        return
    start, end = match.span("name")
    if any(m.start < end and start < m.end for m in found) or fold(match["name"]) in not_places():
        return
    if any(
        c.kind == MAIN and c.feature in ("city", "admin1", "country")
        for c in gaz.lookup(match["name"])
    ):
        yield Mention(start, end, match["name"], "GPE")


_SEED_SOURCES = frozenset({"GPE", "LOC", "SCAN"})


def _person_words(doc: Any) -> set[str]:
    """Names some person in the text bears ("Yulia Skripal", "Mohamed Salah"): alone,
    "Yulia" or "Salah" is that person, whatever label the NER gives it."""
    out: set[str] = set()
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1:
            out |= {fold(t.text) for t in e if t.text[:1].isupper()}
            out |= {fold(e[1:].text), fold(e[:-1].text)}
    return out


def _repeats(doc: Any, found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A name the text uses as a place once is a place wherever it recurs ("Douma is
    surrounded", "the Allendale Woman's Club", "Cirencester" tagged as a person): the NER
    labels each occurrence on its own, a reader does not. Not inside a longer person's
    name ("George Washington")."""
    seeds = {
        fold(m.text)
        for m in found
        if m.source in _SEED_SOURCES
        and m.text[:1].isupper()
        and any(c.kind in (MAIN, ALT) for c in gaz.lookup(m.text))
    }
    seeds -= _person_words(doc)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if not seeds:
        return []
    covered = [False] * len(doc.text)
    for m in found:
        covered[m.start : m.end] = [True] * (m.end - m.start)
    for e in doc.ents:  # an organisation's own name ("Xinhua", "Congress") stays one
        if e.label_ == "ORG" and fold(e.text) in seeds:
            covered[e.start_char : e.end_char] = [True] * (e.end_char - e.start_char)
    out: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        hit = None
        if _is_name_token(doc[i]) and not covered[doc[i].idx]:
            for j in range(min(n, i + 4), i, -1):
                span = doc[i:j]
                if fold(span.text) in seeds and not any(covered[span.start_char : span.end_char]):
                    hit = span
                    break
        if hit is None or any(
            e.start <= hit.start and hit.end <= e.end and len(e) > len(hit) for e in people
        ):
            i += 1
            continue
        out.append(Mention(hit.start_char, hit.end_char, hit.text, "GPE"))
        i = hit.end
    return out


_CAPITAL = re.compile(
    r"\b(?:the\s+(?:country|nation)['’]s\s+|(?:the|its)\s+(?:(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?|"
    r"(?P<poss>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+)(?P<cap>capital)(?!\s+(?:"
    r"punishment|gains?|markets?|flight|investment|spending|expenditure|letters?|"
    r"requirements?|offence|crimes?|cases?|charges?|ratio|controls?|goods|budget)\b)"
    r"(?:\s+city)?(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,3}))?"
)


def _country_named(words: str, gaz: Gazetteer) -> str | None:
    """The country a name or adjective names, trying shorter prefixes ("the Central African
    Republic Wednesday")."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        phrase = " ".join(parts[:n])
        cand = gaz.demonym(phrase) or gaz.country(phrase)
        if cand is not None and cand.feature == "country":
            return cand.country
    return None


def _capital_mentions(text: str, found: list[Mention], gaz: Gazetteer) -> Iterable[Mention]:
    """ "the capital", "the Iraqi capital", "Somalia's capital", "the capital of Chad":
    the capital city of the country named (or, when none is, of the article's country).
    Skipped when the text names the city right after ("the capital, Mogadishu")."""
    for match in _CAPITAL.finditer(text):
        start, end = match.span("cap")
        if any(m.start < end + 3 and start < m.end for m in found):
            continue
        if re.match(r",\s*[A-Z]", text[end : end + 3]) and any(
            end < m.start <= end + 3 for m in found
        ):
            continue
        if match.group("of") and re.match(r"['’]s\b", text[match.end("of") :]):
            continue  # "the capital of Nigeria's Borno state": a state's, not Nigeria's
        named = [g for g in ("adj", "poss", "of") if match.group(g)]
        if named:  # the span covers "Somalia's capital", "the capital of Chad"
            start = min(start, *(match.start(g) for g in named))
            end = max(end, *(match.end(g) for g in named))
        country = None
        for word in (match.group("adj"), match.group("poss"), match.group("of")):
            if word:
                country = _country_named(word, gaz)
                if country is None:
                    break
        else:
            yield Mention(start, end, text[start:end], "CAPITAL", country=country)
            continue
        if country is not None:
            yield Mention(start, end, text[start:end], "CAPITAL", country=country)


_LEAD_WORDS = frozenset(
    f"{a}{b}"
    for a in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west",
              "central", "restive", "troubled", "rural", "remote", "neighbouring",
              "neighboring", "war-torn", "volatile", "far")
    for b in ("", "ern")
    if not (b and a in ("central", "restive", "troubled", "rural", "remote", "neighbouring",
                        "neighboring", "war-torn", "volatile", "far"))
)  # fmt: skip


_LIST_LABELS = PLACE_LABELS | {"ORG", "PERSON"}


def _extended(doc: Any, ent: Any, gaz: Gazetteer) -> Any:
    """ "Finote Selam" tagged as "Finote": a place entity the gazetteer does not know is
    extended over the one or two capitalised words after it when the longer name is a
    known place."""
    if ent.label_ not in PLACE_LABELS or gaz.lookup(ent.text):
        return ent
    for j in (ent.end + 2, ent.end + 1):
        if j > len(doc) or not all(_is_name_token(t) for t in doc[ent.end : j]):
            continue
        if any(c.kind in (MAIN, ALT) for c in gaz.lookup(doc[ent.start : j].text)):
            return Span(doc, ent.start, j, label=ent.label_)
    return ent


def _list_parts(doc: Any, ent: Any) -> list[Any]:
    """An entity the NER ran over a list of areas ("Abadam, Borno", "Bacadweyne (Hobyo,
    Mudug") is one name per part."""
    cuts = [i for i in range(ent.start, ent.end) if doc[i].text in (",", "(", ")")]
    cuts += [i for i in range(ent.start + 1, ent.end - 1) if _unit_of(doc, i)]
    if ent.label_ not in _LIST_LABELS or not cuts:
        return [ent]
    parts, start = [], ent.start
    for i in [*sorted(cuts), ent.end]:
        if i > start:
            parts.append(Span(doc, start, i, label=ent.label_))
        start = i + 1
    return parts


_UNIT_WORDS = AREA_WORDS | {"area", "government", "lga", "council", "chiefdom", "locality"}


def _unit_of(doc: Any, i: int) -> bool:
    """ "Barkin Ladi Local Government Area of Plateau": a district "of" its state is two
    names, the second enclosing the first."""
    return (
        doc[i].lower_ == "of"
        and doc[i - 1].lower_ in _UNIT_WORDS
        and _is_name_token(doc[i + 1])
        and not doc[i + 1].is_stop
    )


def _in_paren_list(doc: Any, ent: Any, mention: Mention) -> Mention:
    """Names in a coder's parenthesised list "(Kauru, Kaduna)" are areas: the district,
    then the state."""
    if mention.prefer_area or not _paren_list(doc, ent.start, ent.end):
        return mention
    return replace(mention, prefer_area=True)


_ARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ath)-[A-Z]")  # "al-Baydha"


def _entity_mention(doc: Any, ent: Any, gaz: Gazetteer) -> Mention | None:
    start, end = ent.start, ent.end
    while start < end and (
        doc[start].lower_ in ("the", "a")
        or doc[start].text in _LEAD_WORDS
        or (doc[start].text in _PREFIXES and start + 1 < end and doc[start + 1].text == "-")
        or (doc[start].text == "-" and start > ent.start)
    ):
        start += 1  # "northeast Nigeria", "restive Diyala", "anti-Russian": the name
    while end > start and (
        doc[end - 1].text in ("'s", "’s", "'", "’", ".", ",") or doc[end - 1].is_space
    ):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    key = fold(span.text)
    if not key or key in not_places() or not (span.text[:1].isupper() or _ARTICLE.match(span.text)):
        return None  # lower-case "entities" ("mosques", "west city") are NER noise
    label = ent.label_
    if label == "NORP":
        return _demonym_mention(span, gaz) or _org_as_place(span, gaz)
    if label == "ORG":  # "the EU": a body named after its area, coded like an adjective
        return _org_as_place(span, gaz) or _demonym_mention(span, gaz)
    if label == "PERSON":  # "Azerbaijani" taken for a person's name
        return _org_as_place(span, gaz) or _demonym_mention(span, gaz)
    if label not in PLACE_LABELS:
        return None
    if span.text.isupper() and len(key) <= 4:
        if _shouting(doc):
            if len(key) <= 3 and "." not in span.text:
                return None  # "CAR BOMB", "LET US": short words in upper-case wire text
        elif not any(
            c.feature in ("country", "continent") or c.kind == ABBREV for c in gaz.lookup(span.text)
        ):
            return None  # "NAN", "PTI": acronyms of organisations, not towns
    if _shouting(doc) and not (gaz.lookup(span.text) or _head_candidates(span.text, gaz)):
        return None  # the NER guesses wildly in upper-case text: only known names count
    if _acronym_in_lower_case(span.text, gaz):
        return None  # "Car bomb": the word, not CAR (the Central African Republic)
    area = _area_hint(doc, end) or doc[end - 1].lower_ in AREA_WORDS
    town = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _TOWN_WORDS
    return Mention(span.start_char, span.end_char, span.text, label, area, town=town)


_TOWN_WORDS = frozenset({"city", "town", "village"})


def _demonym_mention(span: Any, gaz: Gazetteer) -> Mention | None:
    """Adjectives of a country or region count; plural peoples ("Iraqis") do not."""
    text = span.text
    if gaz.demonym(text) is None:
        return None
    if text.endswith("s") and gaz.demonym(text[:-1]) is not None:
        return None
    return Mention(span.start_char, span.end_char, text, "NORP")


def _org_as_place(span: Any, gaz: Gazetteer) -> Mention | None:
    """The NER sometimes tags a place name as ORG/PERSON; take it back when the whole
    name is a country, first-level area or project-listed place, or a town that the
    text introduces as a place ("in Beslan", "the town of Sheykler")."""
    doc = span.doc
    marked = (
        _after_prep(doc, span.start)
        or _named_capital(doc, span.start)
        or _area_hint(doc, span.end)
        or _DISTANCE_AFTER.match(span[-1].doc[span.end : span.end + 6].text) is not None
        or _before_area(doc, span.end, gaz)
    )
    area = _area_hint(doc, span.end)  # "Nasarawa state": the state, not its namesake town
    # in upper-case wire text "CAR", "UAE" are as likely words as acronyms
    acronym_ok = len(span.text) > 3 or not _shouting(doc)
    for cand in gaz.lookup(span.text):
        if (
            cand.kind == MAIN
            and acronym_ok
            and (cand.feature in ("country", "continent", "admin1") or cand.listed)
        ):
            return Mention(span.start_char, span.end_char, span.text, "GPE", area)
        if (
            cand.feature == "city"
            and cand.kind == MAIN
            and not span.text.isupper()
            and (marked or cand.population >= BIG_CITY_POP)
        ):
            return Mention(span.start_char, span.end_char, span.text, "GPE", area)
    if (
        _after_settlement(doc, span.start)
        or _settlement_hint(doc, span.end)
        or _paren_list(doc, span.start, span.end)
        or _before_paren(doc, span.end)
    ):
        return Mention(span.start_char, span.end_char, span.text, "GPE", area)
    return None


_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "trans", "pan"})


def _currency_country(m: Mention, gaz: Gazetteer) -> bool:
    """Inside an amount only a country or its adjective names a place ("US dollars")."""
    return any(c.feature == "country" or c.kind == DEMONYM for c in gaz.lookup(m.text))


def _before_area(doc: Any, end: int, gaz: Gazetteer) -> bool:
    """ "Boise, Idaho", "Matias Romero, Oaxaca": a name followed by a state or country."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for k in (end + 3, end + 2):
        if k <= len(doc) and _is_name_token(doc[end + 1]):
            cands = gaz.lookup(doc[end + 1 : k].text)
            if any(c.feature in ("admin1", "country") and c.kind in (MAIN, ABBREV) for c in cands):
                return True
    return False


def _embedded(doc: Any, ent: Any, gaz: Gazetteer) -> Iterable[Mention]:
    """Place names inside organisation names ("Kentucky Fish and Wildlife", "University
    of Toronto", "New York Post"): coded as toponyms by the news geoparsing corpora; the
    locate stage gives them little weight. Longest names first."""
    i = ent.start
    while i < ent.end:
        hit = None
        for j in range(min(ent.end, i + 3), i, -1):
            span = doc[i:j]
            if (
                not (_is_name_token(doc[i]) and _is_name_token(doc[j - 1]))
                or fold(span.text) in not_places()
            ):
                continue
            for cand in gaz.lookup(span.text):
                if cand.kind == DEMONYM or (cand.kind == MAIN and _initial_ok(cand)):
                    source = "NORP" if cand.kind == DEMONYM else "EMBEDDED"
                    area = source == "EMBEDDED" and _area_hint(doc, j)  # "Bauchi State"
                    hit = Mention(span.start_char, span.end_char, span.text, source, area)
                    break
            if hit is not None:
                break
        if hit is None:
            i += 1
            continue
        yield hit
        i = j


def _area_hint(doc: Any, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in AREA_WORDS


def _settlement_hint(doc: Any, end: int) -> bool:
    """ "Sirrin town", "Jumla and Diwan villages", "Radhwaniyah area"."""
    k = end
    while k < len(doc) and k < end + 4 and (doc[k].lower_ == "and" or _is_name_token(doc[k])):
        k += 1
    if k < len(doc) and doc[k].lower_.rstrip("s") in SETTLEMENT_WORDS | AREA_WORDS:
        return True
    return _appositive(doc, k)


_APPOSITIVE_HEADS = SETTLEMENT_WORDS | AREA_WORDS | {"community", "locality", "settlement"}


def _appositive(doc: Any, k: int) -> bool:
    """ "Gwoza, a town in Borno State", "Dharwad, a small town", "Tortuguero, a
    community in ...": the text says what the name is."""
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
        return False
    return any(doc[t].lower_ in _APPOSITIVE_HEADS for t in range(k + 2, min(len(doc), k + 5)))


def _after_settlement(doc: Any, i: int) -> bool:
    """ "the village of Ashmi", "the southern district of Saiydiah"."""
    return (
        i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_.rstrip("s") in SETTLEMENT_WORDS | AREA_WORDS
    )


def _is_name_token(tok: Any) -> bool:
    text = tok.text
    return bool(text[:1].isupper()) and any(ch.isalpha() for ch in text)


def _acronym_in_lower_case(text: str, gaz: Gazetteer) -> bool:
    """A short word in ordinary case whose best reading is a country's acronym ("Car" for
    CAR, "Uae"): acronyms are written in capitals, so the word is not that country."""
    if text.isupper() or len(fold(text)) > 4:
        return False
    cands = gaz.lookup(text)
    return bool(cands) and cands[0].feature == "country" and fold(cands[0].name) != fold(text)


def _shouting(doc: Any) -> bool:
    """Upper-case wire text: capitals there are no evidence of a name."""
    cached = doc.user_data.get("sitroom.shouting")
    if cached is None:
        letters = [ch for ch in doc.text[:5000] if ch.isalpha()]
        cached = bool(letters) and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)
        doc.user_data["sitroom.shouting"] = cached
    return bool(cached)


def _scan(doc: Any, taken: list[bool], gaz: Gazetteer) -> Iterable[Mention]:
    """Capitalised words the NER missed, kept when the gazetteer or the text says place."""
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not _is_name_token(doc[i]):
            i += 1
            continue
        hit = None
        for j in range(min(n, i + MAX_NGRAM), i, -1):
            if any(taken[i:j]) or not _is_name_token(doc[j - 1]):
                continue
            hit = _scan_hit(doc, i, j, gaz)
            if hit is not None:
                break
        if hit is None:
            i += 1
            continue
        yield hit
        i = j


def _scan_hit(doc: Any, i: int, j: int, gaz: Gazetteer) -> Mention | None:
    span = doc[i:j]
    key = fold(span.text)
    if len(key) < 3 or key in not_places():
        return None
    if j - i == 1 and (doc[i].is_stop or doc.vocab[doc[i].lower_].is_stop):
        return None  # "WERE", "MAY": function words (upper-case text capitalises all)
    cands = gaz.lookup(span.text)
    if _acronym_in_lower_case(span.text, gaz):
        return None
    if span.text.isupper() and len(key) <= 4:  # "NAN", "PTI": acronyms, unless a country
        shouting = _shouting(doc)
        if shouting and len(key) <= 3:
            return None
        if not shouting:
            cands = tuple(c for c in cands if c.feature in ("country", "continent"))
    listed = _paren_list(doc, i, j)
    area = _area_hint(doc, j) or listed
    named = _after_settlement(doc, i) or _settlement_hint(doc, j) or listed or _before_paren(doc, j)
    marked = named or area or _after_prep(doc, i) or _named_capital(doc, i)
    if not cands and not (named and all(_is_name_token(t) or t.text in "-'’" for t in span)):
        return None
    if cands and not (marked or any(_strong(c, doc[i]) for c in cands)):
        return None
    if i == doc[i].sent.start and not marked and not any(_initial_ok(c) for c in cands):
        return None  # a sentence-initial capital is weak evidence of a name
    if any(c.kind == DEMONYM for c in cands):
        return _demonym_mention(span, gaz)
    return Mention(span.start_char, span.end_char, span.text, "SCAN", area)


def _named_capital(doc: Any, i: int) -> bool:
    """ "West Kordofan, whose capital, Al-Fulah, ...": the name after "capital,"."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].lower_ == "capital"


def _initial_ok(cand: Candidate) -> bool:
    """Sentence-initial names (datelines such as "EDMONTON —") that are surely places."""
    if cand.kind != MAIN:
        return False
    return cand.feature in ("country", "admin1") or cand.population >= BIG_CITY_POP


def _paren_list(doc: Any, i: int, j: int) -> bool:
    """A name in a parenthesised list of areas, as conflict-data coders write them:
    "Kurmin Masara village (Zangon Kataf, Kaduna)"."""
    if i == 0 or doc[i - 1].text not in ("(", ","):
        return False
    k = i - 1
    while k > 0 and doc[k].text != "(" and i - k < 12:
        k -= 1
    end = j
    while end < len(doc) and doc[end].text != ")" and end - j < 12:
        end += 1
    if doc[k].text != "(" or end >= len(doc) or doc[end].text != ")":
        return False
    inner = doc[k + 1 : end]
    before = doc[k - 1] if k > 0 else None
    if before is None or not (
        _is_name_token(before) or before.lower_ in SETTLEMENT_WORDS | AREA_WORDS
    ):
        return False
    return all(
        (_is_name_token(t) and not t.text.isupper()) or t.text in (",", "-", "'", "’")
        for t in inner
    )


def _before_paren(doc: Any, j: int) -> bool:
    """ "Tsonye (Agatu, Benue)": a name followed by its areas in parentheses."""
    return j + 1 < len(doc) and doc[j].text == "(" and _paren_list(doc, j + 1, j + 2)


def _strong(cand: Candidate, first: Any) -> bool:
    if cand.kind in (ABBREV,):
        return False
    if cand.kind == DEMONYM:
        return True
    if cand.feature in ("country", "continent", "admin1"):
        return cand.kind == MAIN or first.is_upper is False
    if cand.listed:
        return cand.kind == MAIN
    return cand.feature == "city" and cand.kind == MAIN and cand.population >= MIN_CITY_POP


def _after_prep(doc: Any, i: int) -> bool:
    if i == 0:
        return False
    return doc[i - 1].lower_ in PLACE_PREPS or _after_settlement(doc, i)


_COMMA_NEXT = re.compile(r"^,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")


def _abbreviations(text: str, found: list[Mention], gaz: Gazetteer) -> Iterable[Mention]:
    """State codes after a place and a comma ("Long Beach, CA") are toponyms too."""
    starts = {m.start for m in found}
    for m in found:
        match = _COMMA_NEXT.match(text[m.end : m.end + 30])
        if match is None:
            continue
        word = match.group(1)
        start = m.end + match.start(1)
        if start in starts:
            continue
        if any(c.kind == ABBREV and c.feature == "admin1" for c in gaz.lookup(word)):
            end = start + len(word.rstrip(".")) if not word.endswith(".") else start + len(word)
            yield Mention(start, end, text[start:end], "ABBREV")


_ADMIN_UNIT = re.compile(
    r"\b(?P<head>[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2})\s+(?i:local\s+government\s+"
    r"(?:area|council)|local\s+government|local\s+council|LGA|L\.G\.A|county|locality|"
    r"district|chiefdom|territory|sub-?county|commune|municipality|"
    r"governorate|prefecture|emirate|agency|tehsil|upazila|woreda|raion)\b"
)
_NOT_HEADS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def _admin_units(text: str, found: list[Mention], gaz: Gazetteer) -> Iterable[Mention]:
    """ "Wase local government area", "Kaura LGA", "Gireida locality", "Akobo county":
    the NER often misses a district named by its type word; the name before it is a
    place when the gazetteer knows it (as an area first: `prefer_area`)."""
    for m in _ADMIN_UNIT.finditer(text):
        start, end = m.span("head")
        head = m.group("head")
        if head.split()[0].lower() in _NOT_HEADS or head.lower() in not_places():
            continue
        if any(f.start < m.end() and start < f.end for f in found):
            continue
        if any(c.kind != ABBREV for c in gaz.lookup(head)):
            yield Mention(start, end, head, "SCAN", prefer_area=True)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------- resolution


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Place]:
    """Places for `mentions`, resolved with the article's own context."""
    first = [_first_pass(m, gaz) for m in mentions]
    context = _context(first)
    others = _contexts_without_self(mentions, first)
    withins = _enclosing(text, mentions, first)
    named, broad = _named_countries(mentions, first)
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
            cand = _namesake(cand, m, gaz, own, named, broad, _sense_key(m) in units)
        if cand is not None and _implausible(cand, context, within):
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


def _contexts_without_self(
    mentions: list[Mention], first: list[Candidate | None]
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


def _candidates(m: Mention, gaz: Gazetteer, context: Context | None = None) -> list[Candidate]:
    if m.source == "CAPITAL":
        country = m.country
        if country is None and context is not None and context.countries:
            country = max(context.countries, key=lambda k: context.countries[k])
        capital = gaz.capital(country) if country else None
        return [capital] if capital is not None else []
    cands = list(gaz.lookup(m.text)) or _admin_head(m.text, gaz) or _head_candidates(m.text, gaz)
    if m.source == "NORP":
        return [c for c in cands if c.kind == DEMONYM]
    if m.source == "ABBREV":
        return [c for c in cands if c.kind == ABBREV and c.feature == "admin1"]
    return [c for c in cands if c.kind != DEMONYM or c.feature == "region"] or cands


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
            if not part[:1].isupper() or key in not_places() or set(key.split()) <= _MODIFIERS:
                continue
            found = [c for c in gaz.lookup(part) if _known_part(c)]
            if found:
                return found
    return []


def _first_pass(m: Mention, gaz: Gazetteer) -> Candidate | None:
    cands = _candidates(m, gaz)
    if not cands:
        return None
    return max(cands, key=lambda c: c.prior() + (3.0 if m.prefer_area and c.is_area else 0.0))


def _context(first: list[Candidate | None]) -> Context:
    votes: Counter[str] = Counter()
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
