"""Dating through the dependency parse: which timex is attached to an incident's trigger.

`_attachment` and `_governor` find the timex a trigger (or the verb it hangs from, or an
event noun's possessor) governs; `_trigger_verb` and `_same_event_verb` decide whether
two verbs speak of the same event. Split out of `dating.py`.
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.model import Incident, Timex
from sitroom.stages.dating_readings import (
    _EVENT_NOUNS,
)

# occasions a date names that an attack does not coincide with (unlike a wedding or a
# market day, where the attack happens on the day it names)
_OCCASION_AFTER = re.compile(
    r"['’]?s?[\s-]+(?:presidential\s+|general\s+|parliamentary\s+|local\s+)?"
    r"(?:votes?|elections?|polls?|referendum|run-?off|talks|summit|deadline|trial|hearing|"
    r"verdict|anniversary)\b",
    re.IGNORECASE,
)
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^.;]{0,120}$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"[^.;,]{0,20}?\s+when\s+[^.;,]{0,80}$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s")
_WORD = re.compile(r"[\w-]+")


def _possessed(text: str, end: int) -> list[tuple[int, int, str]]:
    """The (up to three) words after a possessive "'s" at `end`: what the timex owns."""
    if not _POSSESSIVE.match(text, end):
        return []
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, end + 2, end + 40)][:3]


def _attachment(
    parse: Any,
    offset: int,
    incident: Incident,
    others: list[Any],
    t: Timex,
    gov: Any,
    text: str,
) -> int:
    """3: governs the trigger (or the verb it hangs from); 2: governs a verb that tells the
    same event (a participle adjunct or a conjunct of it); 1: free in the sentence; -1:
    belongs to another event."""
    trig = incident.trigger
    owned = _possessed(text, t.end)
    if owned:  # "this year's Sallah celebration": it dates the noun it owns
        if any(_overlaps(w0, w1, trig.start, trig.end) for w0, w1, _ in owned):
            return 3
        if not any(_EVENT_NOUNS.match(w) for _, _, w in owned):
            return -1
    if _OCCASION_AFTER.match(text, t.end):
        return -1  # "ahead of the April 30 vote": it dates another occasion
    if _WHEN_CLAUSE.match(text, t.end, trig.start):
        return 3  # "in March 2019, when the SDF captured Baghouz": the clause it heads
    if _WHEN_AFTER.match(text, trig.end, t.start):
        return 2  # "two pupils shot dead when gunmen opened fire at the weekend"
    if gov is not None:
        g0, g1 = gov.idx + offset, gov.idx + offset + len(gov.text)
        if _overlaps(g0, g1, trig.start, trig.end):
            return 3
        tv = _trigger_verb(parse, offset, trig)
        if tv is not None and tv.i == gov.i:
            return 3
        if tv is not None and _same_event_verb(tv, gov):
            return 2
        if tv is not None and gov.lemma_ not in _SAYING and _same_event_verb(gov, tv):
            return 2
        if any(_overlaps(g0, g1, o.start, o.end) for o in others):
            return -1
        return 1
    follower = re.match(r"[\s-]*([A-Za-z]+)", text[t.end : t.end + 30])
    if follower and _EVENT_NOUNS.match(follower.group(1)):
        f0 = t.end + follower.start(1)
        return 3 if _overlaps(f0, f0 + len(follower.group(1)), trig.start, trig.end) else -1
    return 1


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _tokens(parse: Any, offset: int, start: int, end: int) -> list[Any]:
    return [
        tok for tok in parse if _overlaps(tok.idx + offset, tok.idx + offset + len(tok), start, end)
    ]


def _governor(parse: Any, offset: int, t: Timex) -> Any:
    """The verb or event noun the timex hangs from in the parse (None if not found)."""
    toks = _tokens(parse, offset, t.start, t.end)
    if not toks:
        return None
    inside = {tok.i for tok in toks}
    head = next((tok for tok in toks if tok.head.i not in inside or tok.head.i == tok.i), toks[0])
    node = head.head
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "NOUN" and _EVENT_NOUNS.match(node.text)):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return None


_SUBJECT = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_SAYING = {"say", "tell", "report", "announce", "confirm", "claim", "add", "state", "reveal"}


def _same_event_verb(verb: Any, gov: Any) -> bool:
    """Whether `verb` is `gov` or one of its participle adjuncts or their conjuncts, which
    tell the same event ("In March 2022 gunmen attacked a train, killing eight and
    abducting 60": the date of "attacked" is that of "abducting"; "were killed and 16
    injured on Sunday": that of "injured" is that of "killed")."""
    node = verb
    for _ in range(4):
        if node.i == gov.i:
            return True
        if node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBG"):
            node = node.head
            continue
        return False
    return False


def _trigger_verb(parse: Any, offset: int, trig: Any) -> Any:
    toks = _tokens(parse, offset, trig.start, trig.end)
    if not toks:
        return None
    node = toks[0]
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _SUBJECT and node.head.i != node.i:
            return node.head  # "In 2013, fighting in Juba killed hundreds": a gerund subject
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None
