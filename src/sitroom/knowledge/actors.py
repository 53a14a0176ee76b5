"""The actor dictionary: named armed actors, generic descriptions and country words.

`lexicon()` loads `data/actors.tsv` (named groups and state forces with aliases),
`data/actor_generics.tsv` ("gunmen", "troops", "villagers" -> ACLED-style templates)
and the country names and demonyms of `data/countries.tsv` (shared with the gazetteer)
once, and matches them over lower-cased word n-grams: a dict lookup per n-gram, so
matching a sentence costs microseconds and needs no spaCy pipeline.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitroom.knowledge import data_path
from sitroom.model import ACTOR_TYPES, Actor

MAX_NGRAM = 8
_AFFILIATION = re.compile(
    r"-(?:linked|backed|affiliated|allied|led|aligned|inspired|supported|loyal)$", re.I
)
_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*")
# country names as ACLED writes them after "Military Forces of" (others: countries.tsv)
_ACLED_COUNTRY_NAMES = {
    "USA": "the United States",
    "GBR": "the United Kingdom",
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "CAF": "Central African Republic",
    "PSE": "Palestine",
    "PHL": "the Philippines",
    "ARE": "United Arab Emirates",
    "RUS": "Russia",
    "SYR": "Syria",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "MDA": "Moldova",
    "CIV": "Ivory Coast",
}
# all-capital words that are also English words: never an abbreviation in upper-case text
_CAPS_WORDS = {"IS", "US", "IT", "AN", "AS", "AT", "NO", "ON", "OR", "SO", "UP", "WE", "ME"}


@dataclass(frozen=True)
class ActorEntry:
    """A named actor of the dictionary."""

    name: str
    type: str | None
    country: str | None
    affiliation: str | None


@dataclass(frozen=True)
class GenericEntry:
    """An unnamed actor described by a common noun ("gunmen", "troops")."""

    template: str
    type: str
    role: str  # perpetrator, victim or either

    def name_for(self, country_name: str | None) -> str:
        if country_name:
            return self.template.replace("{country}", country_name)
        name = self.template.replace(" of {country}", "").replace(" ({country})", "")
        return name.replace("{country}", "").strip()


@dataclass(frozen=True)
class Match:
    """One dictionary hit in a text: character offsets into that text."""

    start: int
    end: int
    text: str
    entry: ActorEntry | None = None
    generic: GenericEntry | None = None
    country: str | None = None  # for a country word or demonym


@dataclass
class Lexicon:
    named: dict[tuple[str, ...], ActorEntry]
    named_exact: dict[tuple[str, ...], ActorEntry]  # case-sensitive abbreviations
    generics: dict[tuple[str, ...], GenericEntry]
    countries: dict[tuple[str, ...], str]  # country name, alias or demonym -> ISO3
    country_names: dict[str, str]  # ISO3 -> name as ACLED writes it

    def find(self, text: str, upper: bool | None = None) -> list[Match]:
        """Named actors, generic descriptions and country words in `text`, longest
        match first, never overlapping, in text order."""
        tokens = list(_tokens(text))
        if upper is None:
            upper = _mostly_upper(text)
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            hit = self._longest(tokens, i, text, upper)
            if hit is None:
                i += 1
                continue
            match, width = hit
            if not _spelt_out_otherwise(text, match, out):
                out.append(match)
            i += width
        return out

    def _longest(
        self, tokens: list[tuple[str, int, int]], i: int, text: str, upper: bool
    ) -> tuple[Match, int] | None:
        for width in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            words = tuple(t[0] for t in tokens[i : i + width])
            key = tuple(w.lower() for w in words)
            start, end = tokens[i][1], tokens[i + width - 1][2]
            span = text[start:end]
            exact = self.named_exact.get(words)
            if exact and not (
                upper and ((width == 1 and len(words[0]) <= 2) or words[0] in _CAPS_WORDS)
            ):
                return Match(start, end, span, entry=exact), width
            if key in self.named:
                return Match(start, end, span, entry=self.named[key]), width
            if key in self.countries:
                return Match(start, end, span, country=self.countries[key]), width
            if key in self.generics:
                return Match(start, end, span, generic=self.generics[key]), width
        return None

    def country_name(self, iso3: str | None) -> str | None:
        if not iso3:
            return None
        return _ACLED_COUNTRY_NAMES.get(iso3) or self.country_names.get(iso3)

    def actor(self, match: Match, mention: str, country: str | None) -> Actor | None:
        """The Actor a hit stands for; a generic one takes `country` (ISO3)."""
        if match.entry is not None:
            e = match.entry
            return Actor(e.name, mention, e.type, e.country or country)
        if match.generic is not None:
            g = match.generic
            return Actor(g.name_for(self.country_name(country)), mention, g.type, country)
        return None


_SPELT_OUT = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:of|for|and|the|de|du|la|des)\s+)*){2,8})\(\s*$")


def _spelt_out_otherwise(text: str, match: Match, before: list[Match]) -> bool:
    """ "the Awami National Party (ANP)": an abbreviation in brackets after the words it
    abbreviates stands for them, not for the dictionary's ANP (the Afghan police),
    unless those words are that same entry ("Ethiopian National Defense Forces (ENDF)",
    "Sudan People's Liberation Army (SPLA)": a word of the entry's name)."""
    if match.entry is None or not _is_abbreviation(match.text):
        return False
    m = _SPELT_OUT.search(text[max(0, match.start - 120) : match.start])
    if m is None:
        return False
    initials = "".join(w[0] for w in m.group(1).split() if w[0].isupper())
    if not initials.upper().endswith(match.text.replace("-", "").upper()):
        return False
    if any(b.entry == match.entry for b in before[-2:]):
        return False
    named = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", match.entry.name)}
    return not any(w.lower() in named for w in re.findall(r"[A-Za-z]{4,}", m.group(1)))


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Words; "Al-Qaeda-linked" gives "Al-Qaeda" and "linked" (an affiliation suffix)."""
    for m in _TOKEN.finditer(text.replace("’", "'")):
        word, start = m.group(), m.start()
        suffix = _AFFILIATION.search(word)
        if suffix:
            yield word[: suffix.start()], start, start + suffix.start()
            yield word[suffix.start() + 1 :], start + suffix.start() + 1, m.end()
        else:
            yield word, start, m.end()


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t[0].lower() for t in _tokens(phrase))


def _is_abbreviation(alias: str) -> bool:
    return re.fullmatch(r"[A-Z][A-Z0-9-]{1,5}", alias) is not None


def _rows(name: str) -> Iterator[list[str]]:
    with data_path(name).open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)  # header
        for row in reader:
            if row and any(cell.strip() for cell in row):
                yield row


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary, loaded once per process."""
    named: dict[tuple[str, ...], ActorEntry] = {}
    exact: dict[tuple[str, ...], ActorEntry] = {}
    for name, aliases, kind, country, affiliation, *_ in _rows("actors.tsv"):
        if kind not in ACTOR_TYPES:
            raise ValueError(f"actors.tsv: {name!r} has unknown type {kind!r}")
        entry = ActorEntry(name, kind, country or None, affiliation or None)
        for alias in [name, *aliases.split("|")]:
            alias = alias.strip()
            if not alias:
                continue
            if _is_abbreviation(alias):
                exact[tuple(t[0] for t in _tokens(alias))] = entry
            else:
                named.setdefault(_key(alias), entry)
    generics: dict[tuple[str, ...], GenericEntry] = {}
    for phrases, template, kind, role, *_ in _rows("actor_generics.tsv"):
        entry_g = GenericEntry(template, kind, role)
        for phrase in phrases.split("|"):
            generics.setdefault(_key(phrase), entry_g)
    countries, names = _countries()
    return Lexicon(named, exact, generics, countries, names)


def _countries() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """Country names, aliases and demonyms from the gazetteer's countries.tsv."""
    words: dict[tuple[str, ...], str] = {}
    names: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        if len(row) < 5:
            continue
        _, iso3, name, aliases, demonyms = row[:5]
        names[iso3] = name
        for word in [name, *aliases.split("|"), *demonyms.split("|")]:
            word = word.strip()
            if word and not (word.isupper() and len(word) <= 3 and word not in ("US", "UK")):
                words.setdefault(_key(word), iso3)
    return words, names


_PHRASE_ENDS = {"in", "from", "of", "who", "that", "which", "on", "at", "near", "with"}


@dataclass(frozen=True)
class LocalName:
    """A description that names one group in one country and period ("Islamist
    insurgents" in Nigeria before 2016: Boko Haram)."""

    country: str
    modifiers: frozenset[str]
    heads: frozenset[str]
    entry: ActorEntry
    since: dt.date | None
    until: dt.date | None

    def names(self, mention: str, country: str | None, day: dt.date | None) -> bool:
        """True when `mention` (as written) is this description, in its country and
        period (an undated article counts as in the period)."""
        if country != self.country:
            return False
        if day is not None and (
            (self.since is not None and day < self.since)
            or (self.until is not None and day > self.until)
        ):
            return False
        words = [w.lower() for w, *_ in _tokens(mention)]
        cut = next((i for i, w in enumerate(words) if i and w in _PHRASE_ENDS), len(words))
        words = words[:cut]  # "Islamic insurgents in the country's northeast"
        if not words or not any(w in self.modifiers for w in words):
            return False
        tail = words[-2:]
        return " ".join(tail) in self.heads or tail[-1] in self.heads


def local_group(mention: str, country: str | None, day: dt.date | None) -> ActorEntry | None:
    """The group an unnamed description stands for in `country` on `day`, if any
    (data/actor_local_names.tsv)."""
    for local in local_names():
        if local.names(mention, country, day):
            return local.entry
    return None


@functools.lru_cache(maxsize=1)
def local_names() -> tuple[LocalName, ...]:
    """data/actor_local_names.tsv, each row tied to its dictionary entry."""
    by_name = {e.name: e for e in lexicon().named.values()}
    out = []
    for country, modifiers, heads, name, since, until, *_ in _rows("actor_local_names.tsv"):
        entry = by_name.get(name)
        if entry is None:
            raise ValueError(f"actor_local_names.tsv: {name!r} is not in actors.tsv")
        out.append(
            LocalName(
                country,
                frozenset(modifiers.split("|")),
                frozenset(heads.split("|")),
                entry,
                dt.date.fromisoformat(since) if since else None,
                dt.date.fromisoformat(until) if until else None,
            )
        )
    return tuple(out)
