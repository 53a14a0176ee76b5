"""Place recognition: finding the spans of text that name places (see `places.py`).

`find_mentions` takes the NER's GPE/LOC/FAC entities, rescues ORG/PERSON/NORP ones that
are plainly places, splits entities the NER ran over a list, finds place names inside
organisation names, country adjectives, capitalised words the NER missed that the
gazetteer knows or the text marks as places, datelines, abbreviations after a comma
("Long Beach, CA"), districts named by their type word, repeats of names found
elsewhere, and "the capital"; it drops words listed as not places and people's names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span

from sitroom.knowledge.gazetteer import ABBREV, ALT, DEMONYM, MAIN, Candidate, Gazetteer, fold
from sitroom.stages.place_names import (
    BIG_CITY_POP,
    MIN_CITY_POP,
    Mention,
    _head_candidates,
    not_places,
)

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
MAX_NGRAM = 5


_DISTANCE_AFTER = re.compile(r",\s+(?:some\s+|about\s+|around\s+)?\d[\d,.]*\s*(?:km|kilomet|mile)")


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
    found = [m for m in found if not _led_by(m, gaz)]
    capitals = list(_capital_mentions(text, found, gaz))
    if capitals and not _named_countries_of(found, gaz):
        # "the capital" in a text that names no country can only stay unresolved: most
        # often a company's or a party's capital, not a city
        capitals = [c for c in capitals if c.country is not None]
    if capitals:
        kept = [
            m for m in found if not any(c.start <= m.start and m.end <= c.end for c in capitals)
        ]
        found = sorted(kept + capitals, key=lambda m: m.start)
    return found


_LED = re.compile(r"^(?P<head>.+?)[-\s](?:led|backed|allied|aligned|controlled)$", re.IGNORECASE)


def _led_by(m: Mention, gaz: Gazetteer) -> bool:
    """ "the Ahmad Madobe-led administration": a leader's name before "-led" is no place;
    a country's ("Saudi-led", "US-backed") stays one (the locate stage knows it leads)."""
    found = _LED.match(m.text)
    if found is None:
        return False
    return not any(
        c.feature in ("country", "admin1", "region") for c in gaz.lookup(found.group("head"))
    )


_RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_RESCUE_PREPS = PLACE_PREPS | {"at", "from"}
_RESCUE_TAILS = frozenset(
    {"town", "village", "community", "city", "area", "massacre", "township", "locality"}
)
# Verbs whose object is the place attacked ("attacked Bosso", "overran Jowhar") and nouns
# whose "on" names it ("an attack on Bankass"): they mark a town as a preposition does.
_ASSAULT_VERBS = frozenset(
    {"attacked", "raided", "overran", "stormed", "shelled", "bombed", "captured", "seized",
     "besieged", "recaptured", "retook", "attacking", "raiding", "storming", "shelling"}
)  # fmt: skip
_ASSAULT_NOUNS = frozenset(
    {"attack", "attacks", "assault", "raid", "raids", "offensive", "advance", "siege"}
)


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
        longer = _joined_left(doc, start, end, countries, gaz)
        if longer is not None and (tail or _rescue_prep(doc, start - 1)):
            yield longer
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


def _joined_left(
    doc: Any, start: int, end: int, countries: set[str], gaz: Gazetteer
) -> Mention | None:
    """ "Debre Markos" with only "Markos" tagged (as a person): the capitalised word
    before the entity, outside any entity, joins it when the gazetteer knows the whole
    as a town in a named country."""
    if start < 2 or doc[start - 1].ent_type_ or not _is_name_token(doc[start - 1]):
        return None
    return _town_in(doc[start - 1 : end], countries, gaz)


def _rescue_prep(doc: Any, i: int) -> bool:
    """ "in X", "near X", "at X", "from X", "east of X", "outskirts of X"."""
    if i == 0:
        return False
    before = doc[i - 1].lower_
    if before in _RESCUE_PREPS or before in _ASSAULT_VERBS:
        return True
    if before == "on" and i >= 2 and doc[i - 2].lower_ in _ASSAULT_NOUNS:
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
    r"requirements?|offence|crimes?|cases?|charges?|ratio|controls?|goods|budget|"
    r"injections?|reserves?|adequacy|outlays?|costs?|raising|base|structure|stock)\b)"
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
    cuts += [
        i
        for i in range(ent.start + 1, ent.end - 1)
        if _unit_of(doc, i) or (ent.label_ in PLACE_LABELS and _in_of(doc, i))
    ]
    if ent.label_ not in _LIST_LABELS or not cuts:
        return [ent]
    parts, start = [], ent.start
    for i in [*sorted(cuts), ent.end]:
        if i > start:
            parts.append(Span(doc, start, i, label=ent.label_))
        start = i + 1
    return parts


_UNIT_WORDS = AREA_WORDS | {"area", "government", "lga", "council", "chiefdom", "locality"}


def _in_of(doc: Any, i: int) -> bool:
    """ "Mucojo in Mozambique" taken as one entity: "X in Y" between two names is two
    places, the second holding the first (a place name never holds a lower-case "in")."""
    return doc[i].text == "in" and _is_name_token(doc[i - 1]) and _is_name_token(doc[i + 1])


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
