"""Toll figures read from a sentence's dependency parse: a killing verb whose object or
passive subject counts its victims ("gunmen shot dead two farmers"), for phrasings the
text patterns miss.
"""

from __future__ import annotations

from typing import Any

from sitroom.knowledge.numbers import parse_number
from sitroom.stages.toll_figure import _NOT_PEOPLE, Figure

_VERB_KINDS = {
    "kill": "killed",
    "murder": "killed",
    "behead": "killed",
    "assassinate": "killed",
    "slay": "killed",
    "execute": "killed",
    "lynch": "killed",
    "massacre": "killed",
    "shoot": "killed",  # only with "dead", "to death" or "fatally"
    "gun": "killed",  # only "gunned down"
    "stab": "killed",  # these only "to death" or "fatally"
    "beat": "killed",
    "hack": "killed",
    "strangle": "killed",
    "club": "killed",
    "bludgeon": "killed",
    "wound": "injured",
    "injure": "injured",
    "find": "killed",  # only "found dead"
}
_PRONOUN_VICTIMS = {"he", "she", "they", "him", "her", "them", "who", "which", "that", "it"}


def parse_figures(sdoc: Any, offset: int) -> list[Figure]:
    """Figures the dependency parse shows where the words are far apart: the victims of
    a killing verb ("Ten residents of Konduz, including ..., have been killed") with
    their number, or one named or singular victim ("killed Somalia's deputy prosecutor")."""
    out = []
    for verb in sdoc:
        kind = _VERB_KINDS.get(verb.lemma_.lower())
        if kind is None or not verb.tag_.startswith("VB"):
            continue
        if verb.lemma_.lower() in _FATAL_ONLY and not _fatal(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        role = "nsubjpass" if passive else "dobj"
        victim = next((c for c in verb.children if c.dep_ == role), None)
        if victim is None:
            victim = _shared_subject(verb)
        if victim is not None and victim.lower_ in ("who", "that") and verb.dep_ == "relcl":
            victim = verb.head  # "journalist Jane Doe, who was killed in 2017"
        if victim is None or victim.lower_ in _PRONOUN_VICTIMS:
            continue
        value = _victim_count(victim)
        if value is not None:
            out.append(Figure(kind, value, offset + victim.idx))
    return out


_FATAL_ONLY = {"shoot", "gun", "stab", "beat", "hack", "strangle", "club", "bludgeon", "find"}


def _shared_subject(verb: Any) -> Any:
    """The passive subject a coordinated verb shares with the verb before it: "six
    villagers were abducted from a camp and later found dead" (the dead are the six)."""
    if verb.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def _fatal(verb: Any) -> bool:
    """ "shot dead", "gunned down", "stabbed to death", "fatally shot", "found dead": the
    verb kills (or finds the killed)."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma == "find":
            if child.lower_ == "dead" and child.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
                return True
            continue
        if child.lower_ in ("dead", "fatally") or (child.lower_ == "down" and lemma == "gun"):
            return True
        if child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _victim_count(victim: Any) -> int | None:
    """How many people a victim phrase counts: its number, or 1 for one person."""
    if victim.pos_ == "NUM":
        number = parse_number(victim.text)
        return int(number) if number is not None and float(number).is_integer() else None
    nummod = next((c for c in victim.children if c.dep_ == "nummod"), None)
    if nummod is not None:
        number = parse_number(nummod.text)
        return int(number) if number is not None and float(number).is_integer() else None
    if victim.tag_ in ("NN", "NNP") and victim.lemma_.lower() not in _NOT_PEOPLE:
        return 1
    return None
