"""How a place attaches to an incident's trigger in the dependency parse: a preposition of
place on the trigger's path ("struck *in* X") or a place hanging off a person, an actor,
a speaker or another event's verb ("a driver *from* Abidjan", "Russia launched",
"Nairobi, a senior police official said"); a capital or country standing for its
government; and a proper name the trigger acts on that the NER missed ("captured Badme").
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.model import Analysis, Incident, Place
from sitroom.stages.locate_levels import NATIONAL

PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "on", "across", "around", "into", "within",
     "throughout", "onto", "along", "over", "off", "between", "towards", "toward", "of"}
)  # fmt: skip
AWAY_PREPS = frozenset({"from", "to"})
PERSON_HEADS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister",
     "president", "driver", "resident", "residents", "native", "man", "woman", "journalist",
     "correspondent", "reporter", "source", "sources", "ambassador", "envoy", "leader",
     "commander", "governor", "people", "ministry", "government", "authorities", "agency",
     "army", "forces", "troops", "police", "military", "embassy", "media", "television",
     "newspaper", "office", "statement", "citizen", "citizens", "national", "nationals"}
)  # fmt: skip


TERRITORIAL = frozenset(
    [
        "capture",
        "seize",
        "take",
        "overrun",
        "shell",
        "bomb",
        "attack",
        "raid",
        "storm",
        "patrol",
        "besiege",
        "enter",
        "recapture",
        "retake",
        "liberate",
        "hit",
        "strike",
        "occupy",
        "surround",
        "invade",
        "loot",
        "burn",
        "torch",
    ]
)
PLACE_ONLY = frozenset(
    [
        "patrol",
        "shell",
        "besiege",
        "occupy",
        "overrun",
        "storm",
        "invade",
        "recapture",
        "retake",
        "liberate",
    ]
)  # what these verbs act on is a place, whatever the NER thought it was
_NOT_NAMES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "PRODUCT", "MONEY"})


def _seized_place(item: Analysis, incident: Incident, s: int, known: list[Place]) -> Place | None:
    """A proper name the trigger acts on ("Eritrea captured Badme", "troops patrolled
    Lhokseumawe") is a place even when the NER missed it."""
    parse = item.parses.get(s)
    offset = item.sentences[s].start
    trigger = _token_at(parse, incident.trigger.start - offset) if parse is not None else None
    if trigger is None or trigger.lemma_.lower() not in TERRITORIAL:
        return None
    for child in trigger.children:
        if child.dep_ != "dobj" or child.pos_ != "PROPN" or child.ent_type_ in _NOT_NAMES:
            continue
        if child.ent_type_ == "PERSON" and trigger.lemma_.lower() not in PLACE_ONLY:
            continue  # "captured Saddam"
        toks = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
        first = min(toks, key=lambda t: t.i)
        start, end = first.idx + offset, child.idx + len(child.text) + offset
        if any(
            p.start is not None and p.end is not None and p.start < end and start < p.end
            for p in known
        ):
            return None
        text = item.article.text[start:end]
        return Place(name=text, mention=text, start=start, end=end, feature="unresolved")
    return None


_GOVERNMENT = "stands for its government"


def _token_at(parse: Any, char: int) -> Any:
    for tok in parse:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _place_head(parse: Any, place: Place, offset: int) -> Any:
    """The syntactic head of the place's tokens in the sentence parse."""
    toks = [
        t
        for t in parse
        if place.start is not None
        and place.end is not None
        and t.idx + offset < place.end
        and t.idx + len(t.text) + offset > place.start
    ]
    if not toks:
        return None
    inside = set(t.i for t in toks)
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _syntax(
    place: Place,
    incident: Incident,
    offset: int,
    parse: Any,
    elsewhere: frozenset[int] = frozenset(),
) -> tuple[float, str]:
    head = _place_head(parse, place, offset)
    trigger = _token_at(parse, incident.trigger.start - offset)
    if head is None or trigger is None:
        return 0.0, ""
    bonus, why = 0.0, ""
    gov = head.head
    if head.dep_ in ("compound", "amod", "nmod", "poss") and gov.i != head.i:
        if gov.lower_ in PERSON_HEADS or gov.ent_type_ in ("ORG", "PERSON", "NORP"):
            bonus -= 2.0
            why = f"modifies {gov.text!r}"
        elif gov.ent_type_ in ("GPE", "LOC", "FAC") or gov.pos_ == "PROPN":
            bonus -= 0.5  # "Baghdad's Green Zone": the more specific name is the head
    if head.dep_ == "pobj" and gov.lower_ in AWAY_PREPS:
        bonus -= 1.5
        why = f"after {gov.text!r}"
    if head.dep_ == "pobj" and gov.head.lower_ in PERSON_HEADS:
        bonus -= 1.5
        why = f"describes {gov.head.text!r}"
    actor = _is_actor(head, trigger) or (
        place.feature in NATIONAL and (_acts(head) or _leads_event(head))
    )
    if actor:
        bonus -= 2.0
        why = "names the actor, not the place"
    elif _speaks(head):
        bonus -= 2.0
        why = _GOVERNMENT
    path = _path(trigger, head)
    if path is not None:
        steps, preps = path
        if preps & PLACE_PREPS and steps <= 5:
            bonus += 3.0 - 0.3 * steps
            why = why or f"attached to the trigger by {sorted(preps & PLACE_PREPS)[0]!r}"
        elif steps <= 3:
            bonus += 1.0
            why = why or "near the trigger in the parse"
        else:
            bonus -= 0.1 * steps
    owner = _other_clause(trigger, head)
    if owner is not None:
        bonus -= 2.5
        why = why if actor or why == _GOVERNMENT else f"where it was {owner.text!r}"
    elif _other_event(trigger, head, offset, elsewhere):
        bonus -= 2.0
        why = "where another event happened"
    return bonus, why


TEMPORAL = frozenset({"after", "before", "during", "following", "since", "ahead"})


def _after(chain: list[Any], verb: Any) -> bool:
    """The trigger hangs off `verb` by a preposition of time ("abducted ... after a
    gunfight"): the verb's event is another one."""
    for tok in chain:
        if tok.i == verb.i:
            return False
        if tok.lower_ in TEMPORAL and tok.head.i == verb.i:
            return True
    return False


EVENT_VERBS = frozenset(
    {"abduct", "kidnap", "kill", "attack", "ambush", "seize", "capture", "shoot", "bomb",
     "raid", "storm", "hijack", "massacre", "behead", "execute", "loot", "burn"}
)  # fmt: skip


def _other_event(trigger: Any, head: Any, offset: int, elsewhere: frozenset[int]) -> bool:
    """The place hangs off another incident's verb that the trigger does not govern
    ("rescued travellers abducted on the highway after a gunfight near Kachia": the
    highway is where the abduction was), unless the two verbs are coordinated."""
    chain = _ancestors(trigger)
    above = {t.i for t in chain}
    for tok in _ancestors(head)[1:]:
        if tok.i == trigger.i:
            return False
        if tok.i in above and not _after(chain, tok):
            return False  # the trigger's own clause ("killed in a blast in X")
        if tok.pos_ == "VERB":
            if tok.idx + offset not in elsewhere and tok.lemma_.lower() not in EVENT_VERBS:
                return False
            linked = tok.dep_ == "conj" and tok.head.i in (trigger.i, trigger.head.i)
            return not linked and trigger.head.i != tok.i and tok.head.i != trigger.i
    return False


REPORTING = frozenset(
    {"say", "tell", "report", "confirm", "announce", "state", "add", "claim", "quote",
     "disclose", "reveal", "brief", "speak", "deny", "charge", "arraign", "try",
     "prosecute", "sentence", "hospitalize", "hospitalise", "treat", "bury", "flee",
     "evacuate", "transfer", "rush", "take", "bring", "move"}
)  # fmt: skip


def _other_clause(trigger: Any, head: Any) -> Any:
    """The verb of reporting or aftermath whose clause holds the place when that clause
    does not hold the trigger: "police in Lagos said gunmen attacked ...", "they will
    be charged in Nairobi". None when the trigger dominates the place (its own clause,
    however deep) or the place's first verb is another (a coordinated "and wounded")."""
    for tok in _ancestors(head)[1:]:
        if tok.i == trigger.i:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            between = min(head.i, trigger.i) < tok.i < max(head.i, trigger.i)
            return tok if between and tok.lemma_.lower() in REPORTING else None
    return None  # (a parser's "killed ... in Saada, officials said" keeps it)


def _acts(head: Any) -> bool:
    """A country as the active subject of any verb ("Russia launched 24 drones", "Kenyan
    officers fought gangs"): a party to the event, not where it happened."""
    tok = head
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
        return False
    return tok is head or tok.lower_ in PERSON_HEADS or tok.lower_ in ACTOR_HEADS


STATEMENT_VERBS = frozenset(
    {"accuse", "blame", "say", "deny", "claim", "warn", "insist", "vow", "threaten",
     "demand", "urge", "condemn", "allege", "reject", "announce", "call"}
)  # fmt: skip
RELATION_NOUNS = frozenset(
    {"relations", "ties", "talks", "tensions", "tension", "dispute", "rivalry", "war",
     "negotiations", "agreement", "deal", "truce", "ceasefire", "border", "conflict"}
)  # fmt: skip


EVENT_NOUNS = frozenset(
    {"strike", "airstrike", "attack", "shelling", "bombing", "raid", "offensive", "operation",
     "incursion", "invasion", "bombardment", "campaign", "assault", "missile", "drone"}
)  # fmt: skip


def _leads_event(head: Any) -> bool:
    """ "U.S. air strikes on Yemen", "Russian shelling": a country modifying an event
    noun is who carried it out."""
    if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == head.i:
        return False
    return head.head.lemma_.lower() in EVENT_NOUNS


def _speaks(head: Any) -> bool:
    """A place that speaks or accuses ("which Islamabad accuses of planning attacks") or
    is a party to relations ("relations between Islamabad and Kabul"): a government, not
    where it happened."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in STATEMENT_VERBS:
        between = verb.doc[tok.i + 1 : verb.i] if verb.i > tok.i else verb.doc[0:0]
        return verb.i > tok.i and all(t.dep_ in ("aux", "neg", "advmod") for t in between)
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "between" and prep.head.lower_ in RELATION_NOUNS


ACTOR_HEADS = frozenset(
    {"officers", "soldiers", "troops", "fighters", "militants", "rebels", "gunmen",
     "warplanes", "jets", "aircraft", "planes", "drones", "navy", "guards", "militia",
     "militiamen", "police", "policemen", "forces", "force", "army", "coalition"}
)  # fmt: skip

_ACTOR_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(ACTOR_HEADS | PERSON_HEADS)) + r")\b"
)


def _is_actor(head: Any, trigger: Any) -> bool:
    """ "Eritrea captured Badme", "U.S. missiles destroyed", "bombed by Chadian aircraft":
    a subject or agent of the trigger (or a name inside one) is who acted."""
    tok = head
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i != trigger.i:
        return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == trigger.i
    return tok.dep_ in ("nsubj", "agent", "csubj")  # a passive subject is the target


def _ancestors(tok: Any) -> list[Any]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 60:
        chain.append(chain[-1].head)
    return chain


def _path(trigger: Any, head: Any) -> tuple[int, set[str]] | None:
    """Steps between trigger and place in the tree and the prepositions on the way."""
    up_t = _ancestors(trigger)
    up_p = _ancestors(head)
    index_t = {t.i: n for n, t in enumerate(up_t)}
    for n, tok in enumerate(up_p):
        if tok.i in index_t:
            m = index_t[tok.i]
            between = up_p[:n] + up_t[:m]
            preps = {t.lower_ for t in between if t.dep_ == "prep" or t.pos_ == "ADP"}
            return n + m, preps
    return None
