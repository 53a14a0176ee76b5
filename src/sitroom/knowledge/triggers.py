"""The trigger lexicon (`data/triggers.tsv`) and the cheap sentence pre-filter.

`may_matter` decides which sentences get a dependency parse: parsing is most of the
cost, so it keeps only sentences that the lexicon could fire on (any trigger, weapon or
protest word, in any inflection) or that carry a number (the statistics extraction reads
those). It is built from the lexicon itself, so the two never drift apart.

`lexicon()` loads the TSV once; `Lexicon.match(tokens)` finds every entry in a
tokenised sentence, matching each pattern word against the token's lower-case form, its
lemma and its regular inflections (so upper-case wire text, whose lemmas the tagger
often gets wrong, still matches).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.knowledge import data_path

KINDS = (
    "event",
    "generic",
    "weak",
    "arms",
    "disrupt",
    "delivery",
    "victim",
    "armed",
    "modifier",
    "modal",
    "cumulative",
    "context",
)
TRIGGER_KINDS = ("event", "generic", "weak", "arms")


@dataclass(frozen=True)
class Entry:
    """One lexicon row: `words` in base form, what kind of cue it is, what it implies."""

    words: tuple[str, ...]
    kind: str
    sub_event_type: str | None
    weight: float
    weapon: str | None

    @property
    def pattern(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Match:
    """An entry found at tokens [start, end) of a sentence."""

    entry: Entry
    start: int
    end: int


class Lexicon:
    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._by_first: dict[str, list[Entry]] = {}
        for e in self.entries:
            self._by_first.setdefault(e.words[0], []).append(e)
        for group in self._by_first.values():
            group.sort(key=lambda e: -len(e.words))

    def words_of(self, kind: str) -> set[str]:
        return {e.pattern for e in self.entries if e.kind == kind}

    def match(self, keys: Sequence[frozenset[str]]) -> list[Match]:
        """Every entry whose words match consecutive tokens; `keys[i]` are the forms
        token i may stand for (see `token_keys`). Longer patterns of the same kind win
        over the shorter ones they contain."""
        found: list[Match] = []
        for i, forms in enumerate(keys):
            for form in sorted(forms):  # set order varies by process: keep output stable
                for e in self._by_first.get(form, ()):
                    n = len(e.words)
                    if i + n <= len(keys) and all(e.words[j] in keys[i + j] for j in range(1, n)):
                        found.append(Match(e, i, i + n))
        return _drop_contained(found)


def _drop_contained(found: list[Match]) -> list[Match]:
    out = []
    seen = set()
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        key = (m.entry.kind, m.entry.pattern, m.start)
        if key in seen:
            continue
        seen.add(key)
        inside = any(
            o.entry.kind == m.entry.kind
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in found
        )
        if not inside:
            out.append(m)
    return out


def token_keys(lower: str, lemma: str = "") -> frozenset[str]:
    """The base forms a lower-case token may stand for: itself, its lemma and the
    stems of regular English inflections (attacks, attacked, shelling, rallied)."""
    forms = {lower, lemma.lower()} if lemma else {lower}
    for w in list(forms):
        forms.update(_stems(w))
        if w.endswith("s"):
            forms.update(_stems(w[:-1]))
    forms.discard("")
    return frozenset(forms)


def _stems(w: str) -> set[str]:
    out: set[str] = set()
    if len(w) < 4:
        return out
    if w.endswith("ies") or w.endswith("ied"):
        out.add(w[:-3] + "y")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("s"):
        out.add(w[:-1])
    if w.endswith("ed"):
        out.update({w[:-2], w[:-1]})
        if len(w) > 4 and w[-3] == w[-4]:
            out.add(w[:-3])
    if w.endswith("ing"):
        out.update({w[:-3], w[:-3] + "e"})
        if len(w) > 5 and w[-4] == w[-5]:
            out.add(w[:-4])
    return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    return Lexicon(_read(data_path("triggers.tsv").read_text(encoding="utf-8")))


def _read(text: str) -> list[Entry]:
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5 or cols[1] not in KINDS:
            raise ValueError(f"triggers.tsv line {n}: bad row {line!r}")
        pattern, kind, sub, weight, weapon = cols
        entries.append(
            Entry(
                words=tuple(pattern.split()),
                kind=kind,
                sub_event_type=None if sub == "-" else sub,
                weight=float(weight),
                weapon=None if weapon == "-" else weapon,
            )
        )
    return entries


_NUMBERS = (
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|dozens?|scores|millions?|billions?)\b"
)


@functools.lru_cache(maxsize=1)
def _filter() -> re.Pattern[str]:
    """One regex over the first word of every cue that can make an incident, or a
    number: a word-start match, since inflections only add endings."""
    lex = lexicon()
    wanted = set(TRIGGER_KINDS) | {"disrupt"}
    stems = set()
    for e in lex.entries:
        if e.kind in wanted:
            words = [w for w in e.words if w not in _COMMON] or list(e.words)
            word = max(words, key=len)
            stems.update({word, _root(word)})
    stems.update(("shot", "fought", "struck", "took", "fell", "blew", "went", "threw", "hit"))
    stems.update(("firing", "dying", "mining", "seizing", "hid", "burnt", "ran"))
    alternatives = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"{_NUMBERS}|\b(?:{alternatives}){_ENDINGS}\b", re.IGNORECASE)


# words of multi-word cues too common to stand for them in the pre-filter
_COMMON = {"take", "took", "taken", "down", "open", "opened", "general", "ground", "break"}
_COMMON |= {"letter", "controlled", "set", "pull", "hand", "handed", "go", "went", "gain"}
_COMMON |= {"clear", "up", "off", "out", "on", "of", "in", "to", "into", "the", "a", "fire"}
_COMMON |= {"live", "round", "water", "turn", "block", "shut", "land", "himself", "herself"}
_COMMON |= {"national", "nationwide", "exchange", "peace", "agree", "agreed", "air"}
# regular endings after a cue's root (so 'stab' matches 'stabbed' but not 'stability')
_ENDINGS = (
    r"(?:[sdy]|e[sdr]?|ers?|ing|ings|ions?|ies|ied|ments?|ors?|al|"
    r"[bdgklmnprt](?:ed|ing|ings|er|ers))?"
)


def _root(word: str) -> str:
    """The part inflections of `word` start with (rally -> rall, rape -> rap)."""
    if len(word) > 3 and word.endswith(("y", "e")):
        return word[:-1]
    return word


def may_matter(sentence: str) -> bool:
    """True when the sentence may report an incident or a figure (so it gets parsed)."""
    return _filter().search(sentence) is not None
