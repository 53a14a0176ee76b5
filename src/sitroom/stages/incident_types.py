"""Typing one mention (`_incident`): the ACLED sub-event type is chosen by the most
specific evidence in the mention's part of the sentence. Triggers and weapons score
their sub-types (`_Scores`); a weapon overrides a generic act; `_refine` then settles
the families that depend on who was on the receiving end: attack or clash
(`_attack_or_clash`), the direction of a territorial change (`_territory`), the kind of
protest (`_protest_kind`). `notes["type"]` names the deciding words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitroom.knowledge.triggers import lexicon
from sitroom.model import SUB_EVENT_TYPES, Incident, Sentence, Span
from sitroom.stages.incident_base import (
    _AGENTS,
    _CAUSE_VERBS,
    _GRIEVANCE_VERBS,
    _KILL_WORDS,
    _PLACE_NOUNS,
    _PROTEST_SUBS,
    _PROTESTERS,
    _STRONG_EXPLOSIVE,
    _TERRITORY,
    Cue,
    Mention,
    _a_place,
    _carried,
    _cues,
    _is_named_weapon,
    _predicated,
    _state_side,
)
from sitroom.stages.incident_filters import _other_sense, _taken_things

_NEW_REFERENT = {"another", "second", "third", "separate", "new", "fresh", "other"}


_SEPARATE = {"separate", "unrelated", "another", "different"}
_OCCASIONS = {"incident", "attack", "development", "event", "case", "episode", "raid"}


def _new_referent(mention: Mention) -> bool:
    """'another attack', 'a second blast', 'in separate attacks', 'In a separate
    incident, bandits killed ...': not the one before."""
    if any(
        c.lower_ in _NEW_REFERENT and c.dep_ in ("det", "amod")
        for t in mention.triggers
        if not _predicated(t.head)
        for c in t.head.children
    ):
        return True
    doc = mention.triggers[0].head.doc
    return any(
        t.lower_ in _SEPARATE
        and t.dep_ in ("amod", "det")
        and t.head.lemma_.lower() in _OCCASIONS
        and t.i in mention.region
        for t in doc
    )


@dataclass
class _Scores:
    values: dict[str, float] = field(default_factory=dict)
    why: dict[str, list[str]] = field(default_factory=dict)

    def add(self, sub: str, weight: float, word: str) -> None:
        self.values[sub] = self.values.get(sub, 0.0) + weight
        self.why.setdefault(sub, []).append(word)

    def best(self) -> tuple[str, float]:
        sub = max(self.values, key=lambda s: self.values[s])
        return sub, self.values[sub]


_VIOLENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence"}


def _violent(sub: str | None) -> bool:
    """An act of violence (a place taken is a Battle in ACLED's tree, but no act)."""
    return sub is not None and sub not in _TERRITORY and SUB_EVENT_TYPES.get(sub) in _VIOLENT_TYPES


def _incident(mention: Mention, doc: Any, sent: Sentence, index: int) -> Incident | None:
    cues = [c for c in _cues(doc, lexicon()) if c.head.i in mention.region]
    scores = _Scores()
    seen: set[tuple[int, str]] = set()
    violent = any(c.kind == "event" and _violent(c.sub) for c in mention.triggers)
    for c in mention.triggers:
        sub = "Peaceful protest" if _labour_strike(c) else c.sub
        if c.kind == "arms" or (sub and (c.head.i, sub) in seen):
            continue  # weapons push once per kind (below); 'opened fire' = 'open fire'
        if _outcome_of(c, mention):
            continue  # 'strikes on the port killed 30': the strike types the act
        if c.pattern in _REPELLED and not (_place_taken(c) or _pushed_from(c.head)):
            continue  # 'the assailants were pushed back': an attack repelled, no place
        if sub:
            seen.add((c.head.i, sub))
            bonus = 0.5 if c.head.dep_ == "ROOT" else 0.0
            bonus += _place_taken(c)
            factor = 0.5 if violent and c.kind == "weak" else 1.0  # context beside an attack
            scores.add(sub, (c.weight + bonus) * factor, c.pattern)
    weapons = _weapons(mention, cues, scores)
    if not scores.values:
        return None
    _beside_violence(scores, mention)
    sub, score = scores.best()
    generic = all(c.kind in ("generic", "weak") for c in mention.triggers if c.sub == sub)
    sub, why = _refine(sub, mention, cues, scores)
    anchor = _anchor(mention, sub)
    start = sent.start + anchor.idx
    trigger = Span(anchor.text, start, start + len(anchor.text))
    confidence = min(0.95, 0.45 + 0.08 * score) * (0.6 if mention.suppressed else 1.0)
    notes = {"type": why or ", ".join(scores.why.get(sub, []))}
    if _new_referent(mention):
        notes["mention"] = "new"
    elif mention.reference:
        notes["mention"] = "reference"
    elif mention.anaphoric:
        notes["mention"] = "anaphoric"
    if generic and sub in ("Attack", "Armed clash") and set(weapons) <= {"gun", "knife"}:
        notes["basis"] = "generic"
    if mention.suppressed:
        notes["doubt"] = mention.suppressed
    if notes.get("mention") == "anaphoric" and _date_elsewhere(anchor):
        notes["dated"] = "elsewhere"
    return Incident(
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        trigger=trigger,
        sentences=[index],
        weapons=weapons,
        confidence=confidence,
        notes=notes,
    )


def _beside_violence(scores: _Scores, mention: Mention) -> None:
    """'stormed the town, killing 12 residents and setting fire to dozens of homes':
    houses burned in an attack told by a verb are part of the attack (ACLED codes
    property destruction only when nothing worse was done; 'looted in what appears to
    be a targeted attack' names no other act)."""
    looting = "Looting/property destruction"
    if looting in scores.values and any(
        _violent(c.sub) and c.head.pos_ == "VERB" and c.kind in ("event", "generic")
        for c in mention.triggers
    ):
        scores.values[looting] = min(scores.values[looting], 0.5)


_REPELLED = {"push back", "drive back", "drive out"}


def _pushed_from(verb: Any) -> bool:
    """'the terrorists were pushed back from their strongholds': the places lost."""
    heads = [verb, *(c for c in verb.children if c.lower_ == "back")]  # 'back from'
    return any(
        o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in _PLACE_NOUNS
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for o in c.children
        if o.dep_ == "pobj"
    )


_OUTCOMES = {"kill", "wound", "injure"}


def _outcome_of(cue: Cue, mention: Mention) -> bool:
    """A generic outcome verb whose subject is another violent trigger of the mention
    ('strikes on the port killed 30 and wounded 80', 'clashes killed 10') only tells
    what that act did: the act, not the outcome, types the incident."""
    if cue.kind != "generic" or cue.pattern not in _OUTCOMES:
        return False
    verb = cue.head
    if verb.dep_ == "conj" and not any(t.dep_ == "nsubj" for t in verb.children):
        verb = verb.head  # 'killed 30 and wounded 80' share the subject
    subjects = {t.i for t in verb.children if t.dep_ == "nsubj"}
    return any(
        c.head.i in subjects and c.sub != cue.sub and _violent(c.sub) for c in mention.triggers
    )


_PLACES_HIT = {"village", "community", "school", "church", "mosque", "market"}
_LABOUR = {"nationwide", "national", "general", "labour", "labor", "indefinite", "hunger"}
_LABOUR |= {"doctor", "nurse", "worker", "teacher", "union", "driver", "lecturer", "employee"}


_STRIKE_CALLS = {"stage", "call", "hold", "declare", "observe", "join", "end", "extend", "suspend"}
_WORKERS = {"miner", "worker", "employee", "teacher", "nurse", "doctor", "driver", "union"}
_STOPPAGE_VERBS = {"last", "paralyse", "paralyze", "cripple", "shut", "halt", "end"}
_IMPOSED = {"impose", "call", "declare", "organise", "organize", "stage", "enforce"}
_MILITARY_STRIKES = {"air", "drone", "missile", "rocket", "aerial", "precision", "military"}


def _labour_strike(cue: Cue) -> bool:
    """'a nationwide strike', 'the doctors' strike', 'went on strike': a stoppage of
    work is a protest, not an air strike; so is a strike coordinated with one ('the
    Salvadora strike and the current strike by coal miners')."""
    tok = cue.head
    if cue.pattern not in ("strike", "struck") or tok.pos_ != "NOUN":
        return False
    return any(_stoppage(t) for t in _coordinated(tok) if t.lower_.startswith("strike"))


def _coordinated(tok: Any) -> list[Any]:
    """The noun and the nouns coordinated with it, directly ('the bus strike and the
    miners' strike') or through their prepositions ('by the bus strike and by ...')."""
    out = [tok, *tok.conjuncts]
    if tok.dep_ == "pobj":
        preps = [tok.head, *tok.head.conjuncts]
        out += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return list({t.i: t for t in out}.values())


def _stoppage(tok: Any) -> bool:
    mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
    if any(m in _LABOUR or m.rstrip("s") in _LABOUR for m in mods):
        return True
    if any(m in _MILITARY_STRIKES for m in mods):
        return False
    verb = tok.head
    if tok.dep_ == "dobj" and _STRIKE_CALLS & {verb.lemma_.lower(), verb.lower_.removesuffix("d")}:
        return True  # 'staged a strike', 'called a strike'
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in _STOPPAGE_VERBS:
        return True  # 'the strike lasted a week', 'a strike paralysed the city'
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _IMPOSED for c in tok.children):
        return True  # 'a strike imposed by the rebels', 'the strike called by the union'
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "call":
        return True  # 'called for a strike'
    by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
    workers = [t for b in by for t in b.children if t.dep_ == "pobj"]
    if any(w.lemma_.lower() in _LABOUR or w.lemma_.lower() in _WORKERS for w in workers):
        return True  # 'the strike by coal miners'
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children)
    return tok.dep_ == "pobj" and tok.head.lower_ == "on" and bare  # 'went on strike'


def _place_taken(cue: Cue) -> float:
    """A place as the object of 'captured' / 'seized' makes a territorial change."""
    if cue.sub not in _TERRITORY:
        return 0.0
    for c in cue.head.children:
        if c.dep_ == "dobj" and (
            c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in _PLACE_NOUNS or _a_place(c)
        ):
            return 3.0
    return 0.0


def _weapons(mention: Mention, cues: list[Cue], scores: _Scores) -> list[str]:
    """Weapons named in the mention's region push their sub-type (a weapon overrides a
    generic act) and are listed, normalised."""
    out: list[str] = []
    pushes: dict[str, Cue] = {}
    trigger_heads = {c.head.i for c in mention.triggers}
    found = {t.i for c in cues if c.kind == "disrupt" for t in _seized(c.head)}
    for c in cues:
        if c.kind == "arms" and c.head.i in found:
            continue  # 'grenades had been found at the site': not what the act was done with
        weapon = c.match.entry.weapon
        if c.kind not in ("arms", "event", "generic"):
            continue
        modifier = c.head.dep_ == "compound" and c.head.head.i not in trigger_heads
        if c.kind == "arms" and modifier and not _is_named_weapon(c.head):
            continue
        if c.kind == "arms" and c.sub and not _carried(c.head):
            strongest = pushes.get(c.sub)
            if strongest is None or c.weight > strongest.weight:
                pushes[c.sub] = c  # several weapons of one kind push once
        if weapon and weapon not in out and (c.kind == "arms" or c.head.i in trigger_heads):
            out.append(weapon)
    for sub, c in pushes.items():
        scores.add(sub, c.weight, c.pattern)
    return out


def _doer(tok: Any) -> bool:
    """'a mob set fire to ...', 'residents torched the office': people who did the act
    (its subject), not residents who speak ('residents said ...') or are killed."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head  # 'a crowd of youths'
    if tok.dep_ not in ("nsubj", "agent") and not (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False
    verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
    return verb.lemma_.lower() not in _SAY_VERBS


_SAY_VERBS = {"say", "tell", "report", "recount", "describe", "add", "confirm", "claim"}


def _seized(verb: Any) -> list[Any]:
    """The things a seizing or finding verb took, with their coordinated words."""
    return [t for h in _taken_things(verb) for t in h.subtree]


def _refine(sub: str, mention: Mention, cues: list[Cue], scores: _Scores) -> tuple[str, str]:
    """Settle the families that depend on who was on the receiving end."""
    if sub in _PROTEST_SUBS or (_has_protest(cues) and sub not in _STRONG_EXPLOSIVE):
        return _protest_kind(mention, cues)
    weapon = _instrument(mention, cues) if sub in ("Attack", "Armed clash") else None
    if weapon is not None and weapon.sub is not None:
        return weapon.sub, f"{sub.lower()} with {weapon.pattern}"
    if sub in ("Attack", "Armed clash") and not _specific(scores):
        return _attack_or_clash(sub, mention, cues, scores)
    if sub == "Air/drone strike" and _struck_by_people(mention, cues):
        return _attack_or_clash("Attack", mention, cues, scores)
    if sub in _TERRITORY:
        return _territory(sub, mention, cues)
    crowd = [c.head.lower_ for c in cues if c.head.lemma_.lower() in _CROWD and _doer(c.head)]
    if sub == "Looting/property destruction" and crowd:
        return "Mob violence", "crowd: " + crowd[0]
    if sub == "Disrupted weapons use" and "Arrests" in scores.values:
        return "Arrests", "armed suspects arrested (weapons seized)"
    if sub == "Arrests" and _protesters_held(mention):
        return "Protest with intervention", "protesters arrested"
    return sub, ""


def _protesters_held(mention: Mention) -> bool:
    """'250 strikers arrested in La Paz', 'police detained dozens of protesters': an
    arrest of demonstrators is a protest with intervention."""
    for c in mention.triggers:
        if c.sub != "Arrests":
            continue
        held = _taken_things(c.head)
        held += [t for h in held for t in h.subtree if t.dep_ == "pobj"]  # 'dozens of'
        if any(t.lemma_.lower().startswith(_PROTESTERS) for t in held):
            return True
    return False


def _struck_by_people(mention: Mention, cues: list[Cue]) -> bool:
    """'The attackers struck the police post': a strike whose doer is people on the
    ground, with no aircraft, drone or missile named, is an attack, not an air strike."""
    strikes = [c for c in mention.triggers if c.sub == "Air/drone strike"]
    if not strikes or any(c.kind != "generic" or c.head.pos_ != "VERB" for c in strikes):
        return False
    if any(c.kind == "arms" and c.sub in _STRONG_EXPLOSIVE for c in cues):
        return False
    subjects = [t for c in strikes for t in c.head.children if t.dep_ == "nsubj"]
    armed = {c.head.i for c in cues if c.kind == "armed" and not _state_side(c)}
    return any(t.i in armed or t.lemma_.lower().startswith(_AGENTS) for t in subjects)


_HANDOVER = {"withdraw", "pull out", "vacate", "hand over", "handed control"}


def _subordinate(tok: Any) -> bool:
    """'its fighters swept into the town after the army withdrew': a withdrawal told as
    the occasion of the taking, not as the act (which a main-clause handover is)."""
    return tok.dep_ in ("advcl", "pcomp") or (tok.dep_ == "pobj" and tok.head.dep_ == "prep")


def _territory(sub: str, mention: Mention, cues: list[Cue]) -> tuple[str, str]:
    """Who took the place decides the direction: state forces regain territory, a
    non-state group overtakes it; people 'captured' were abducted; a withdrawal
    without a fight is a transfer."""
    words = {c.pattern for c in cues}
    handed = [c for c in cues if c.pattern in _HANDOVER and not _subordinate(c.head)]
    if handed and not words & {"clash", "fighting", "battle", "fight", "fought"}:
        return "Non-violent transfer of territory", "withdrawal"
    anchor = min(c.head.i for c in mention.triggers if c.sub in _TERRITORY)
    taken = next(c.head for c in mention.triggers if c.head.i == anchor)
    if _unopposed(taken):
        return "Non-violent transfer of territory", "taken without resistance"
    victims = {c.head.i for c in cues if c.kind == "victim" and c.pattern not in _PLACES_HIT}
    held = [t for t in taken.children if t.dep_ in ("dobj", "nsubjpass")]
    if taken.dep_ in ("acl", "amod", "ccomp", "xcomp"):
        held.append(taken.head)
    more = [t for h in held for t in h.conjuncts]  # 'the principal and two of his teachers'
    more += [p for t in more if t.pos_ == "NUM" for c in t.children for p in c.children]
    if any(t.i in victims for t in more) or any(
        t.i in victims or (t.ent_type_ == "PERSON" and not _a_place(t)) for t in held
    ):
        return "Abduction/forced disappearance", "people taken"
    taker, loser = _taker(taken, cues, anchor)
    if taker is None:
        return sub, ""
    state = _state_side(taker) or taker.pattern == "government force"
    if loser:
        state = not state  # 'the terrorists were pushed back from ...'
    if state:
        return "Government regains territory", f"taken by {taker.pattern}"
    return "Non-state actor overtakes territory", f"taken by {taker.pattern}"


_UNOPPOSED = {"resistance", "fight", "fighting", "shot", "battle", "opposition", "clash"}


def _unopposed(verb: Any) -> bool:
    """'entered the town without meeting resistance', 'took it without a fight'."""
    verb = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    return any(
        c.dep_ == "prep"
        and c.lower_ == "without"
        and any(t.lemma_.lower() in _UNOPPOSED for t in c.subtree)
        for c in verb.children
    )


def _taker(verb: Any, cues: list[Cue], anchor: int) -> tuple[Cue | None, bool]:
    """The armed side that took the place: the verb's subject, else its 'by' agent,
    else the armed side named last before it; a passive subject is the side that lost."""
    armed = [c for c in cues if c.kind == "armed"]
    for dep, loser in (("nsubj", False), ("nsubjpass", True)):
        subj = next((c for c in verb.children if c.dep_ == dep), None)
        if subj is not None:
            inside = {t.i for t in subj.subtree}
            found = [c for c in armed if c.head.i in inside]
            if found:
                return found[0], loser
    for c in armed:
        if c.head.dep_ == "pobj" and c.head.head.lower_ == "by" and c.head.head.head.i == verb.i:
            return c, False
    before = [c for c in armed if c.head.i < anchor]
    return (before[-1] if before else None), False


_INSTRUMENT_PREPS = {"with", "by", "using"}


def _instrument(mention: Mention, cues: list[Cue]) -> Cue | None:
    """'attacked a tanker with drones and missiles', 'artillery rounds struck the camp,
    killing 15': an explosive weapon the act was done with types it (ACLED types remote
    violence by the weapon), when the act is told only by generic words (attack, kill,
    strike), not by a fight ('a gunfight', 'an ambush')."""
    told = [c for c in mention.triggers if c.sub in ("Attack", "Armed clash")]
    if not told or any(c.kind != "generic" for c in told):
        return None
    acts = {c.head.i for c in mention.triggers if c.kind in ("generic", "event")}
    acts |= {c.head.i for c in cues if c.kind == "delivery"}
    used = [
        c
        for c in cues
        if c.kind == "arms"
        and c.sub in _STRONG_EXPLOSIVE
        and not _carried(c.head)
        and _done_with(c.head, acts)
    ]
    return max(used, key=lambda c: c.weight, default=None)


def _done_with(tok: Any, acts: set[int]) -> bool:
    """The weapon is the act's instrument or doer: 'with drones', 'drones struck',
    'artillery rounds struck' (through a compound, a coordination or a preposition)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" or (cur.dep_ == "compound" and _is_named_weapon(cur)):
            cur = cur.head  # 'artillery rounds', not 'a chemical leak' or 'a chemical plant'
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ in _INSTRUMENT_PREPS:
            return cur.head.head.i in acts
        if cur.dep_ in ("nsubj", "nsubjpass", "agent"):
            return cur.head.i in acts
        return False
    return False


def _specific(scores: _Scores) -> bool:
    """True when an explosive or other specific type outweighs the generic act."""
    best, value = scores.best()
    return best not in ("Attack", "Armed clash") and value > 0


_CROWD = {"crowd", "mob", "youth", "resident", "villager", "supporter", "rioter", "protester"}
_CROWD |= {"demonstrator", "student", "worshipper"}


def _attack_or_clash(
    sub: str, mention: Mention, cues: list[Cue], scores: _Scores
) -> tuple[str, str]:
    victims = [c for c in cues if c.kind == "victim"]
    armed = [c for c in cues if c.kind == "armed"]
    victim_heads = {c.head.i for c in victims}
    armed = [c for c in armed if not any(t.i in victim_heads for t in c.head.subtree)]
    targets = [c for c in armed if _is_target(c.head)]  # a convoy carrying employees is none
    sides = {"state" if _state_side(c) else "nonstate" for c in armed}
    attack = scores.values.get("Attack", 0.0) + min(3.0, sum(c.weight for c in victims))
    clash = scores.values.get("Armed clash", 0.0)
    clash += sum(2 + c.weight for c in targets[:2]) + (2.0 if len(sides) == 2 else 0.0)
    doc = mention.triggers[0].head.doc
    guards = [t for t in doc if t.i in mention.region and _guarding(t)]
    clash += 3.5 if guards and not targets else 0.0
    crowd = [doc[i] for i in sorted(mention.region) if doc[i].lemma_.lower() in _CROWD]
    if clash > attack and crowd and sides == {"state"} and "clash" in scores.why.get(sub, []):
        return "Violent demonstration", f"clash of {crowd[0].lower_} with {armed[0].pattern}"
    if clash > attack:
        words = [c.pattern for c in targets] or [c.pattern for c in armed]
        return "Armed clash", "armed sides: " + ", ".join(words[:3])
    words = [c.pattern for c in victims] or scores.why.get(sub, [])
    return "Attack", "against: " + ", ".join(words[:3]) if victims else ", ".join(words[:3])


_GUARDED = {"prison", "jail", "base", "barracks", "checkpoint", "border", "post", "depot"}


def _guarding(tok: Any) -> bool:
    """'stormed the prison, killing three guards': guards of a prison, a base or a
    border post are armed personnel (a bodyguard or a shop's guard is not)."""
    if tok.lemma_.lower() != "guard" or tok.pos_ != "NOUN" or not _is_target(tok):
        return False
    return any(t.lemma_.lower() in _GUARDED for t in tok.sent)


def _is_target(tok: Any) -> bool:
    dep = tok.dep_
    if dep in ("dobj", "nsubjpass"):
        return True
    if dep == "pobj" and tok.head.lower_ in ("on", "against", "at", "with", "between", "near"):
        return True
    if dep == "pobj" and tok.head.lower_ in ("upon", "into"):
        return True
    if dep == "pobj" and tok.head.lower_ == "of":  # 'killed scores of terrorists'
        return _is_target(tok.head.head)
    if dep in ("conj", "compound", "poss", "appos"):
        return _is_target(tok.head)
    return False


def _has_protest(cues: list[Cue]) -> bool:
    """A demonstration the mention itself tells of (not 'the murder unleashed a wave of
    protests', whose protests are counted, not told)."""
    armed = any(c.kind == "armed" for c in cues)
    return any(
        c.sub in _PROTEST_SUBS
        and c.kind == "event"
        and c.head.dep_ != "compound"
        and not (armed and c.pattern == "march")
        and not _set_off(c.head)
        and not _other_sense(c)
        for c in cues
    )


def _set_off(tok: Any) -> bool:
    """'the murder unleashed a wave of protests': protests an act set off."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    if tok.dep_ != "dobj":
        return False
    verb = tok.head
    off = any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return verb.lemma_.lower() in _CAUSE_VERBS or (verb.lemma_.lower() == "set" and off)


def _protested_about(tok: Any) -> bool:
    """'placards denouncing the killing of six priests', 'the murder unleashed a wave
    of protests': a killing the protest is about, or that set it off, was not done to
    the protesters."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("over", "against", "about", "after"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "by") and tok.head.head.pos_ == "ADJ":
        return True  # 'residents angry at the killings', 'outraged by the murder'
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _GRIEVANCE_VERBS:
        return True
    return any(a.lemma_.lower() in _GRIEVANCE_VERBS for a in list(tok.ancestors)[:3])


def _protest_kind(mention: Mention, cues: list[Cue]) -> tuple[str, str]:
    """A violent crowd, protesters killed or hurt by security forces, an intervention,
    or a peaceful demonstration, in that order of precedence."""
    live = [c for c in cues if c.head.dep_ != "compound" and not _other_sense(c)]
    words = {c.pattern for c in live if c.kind in ("event", "weak")}
    mods = [c for c in live if c.kind == "modifier"]
    if words & {"riot", "rioter", "rioting"}:
        return "Violent demonstration", "riot"
    if "mob" in words:
        return "Mob violence", "mob"
    violent = [c.pattern for c in mods if c.sub == "Violent demonstration"]
    if violent:
        return "Violent demonstration", "violent: " + ", ".join(violent[:3])
    told = {t.head.i for t in mention.triggers}
    killed = [
        c.pattern
        for c in live
        if c.pattern in _KILL_WORDS and c.head.i in told and not _protested_about(c.head)
    ]
    force = killed + [c.pattern for c in mods if c.sub == "Excessive force against protesters"]
    if force:
        return "Excessive force against protesters", "force: " + ", ".join(force[:3])
    inter = [c.pattern for c in mods if c.sub == "Protest with intervention"]
    if inter:
        return "Protest with intervention", "intervention: " + ", ".join(inter[:3])
    return "Peaceful protest", "protest, no intervention reported"


_OTHER_CLAUSES = {"relcl", "acl", "ccomp", "parataxis", "conj", "xcomp"}


_TALK_VERBS = {"discuss", "condemn", "denounce", "comment", "mention", "claim", "investigate"}
_TALK_VERBS |= {"deny", "blame", "describe", "call", "decry"}  # not 'reported', often same-day


def _talked_about(anchor: Any) -> bool:
    """'discussed the attack in a phone call on Tuesday', 'claimed the ambush on
    Wednesday': the day is the talk's, not the incident's."""
    tok = anchor
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head  # 'commented on the strike'
    return tok.dep_ in ("dobj", "prep") and tok.head.lemma_.lower() in _TALK_VERBS


def _date_elsewhere(anchor: Any) -> bool:
    """'The protests were called by X, who says the October 9 vote was rigged': the
    sentence's dates all belong to other clauses than the one that tells the
    anaphoric mention, so they do not date it (and may not keep it apart)."""
    doc = anchor.doc
    dated = {t.i for t in doc if t.ent_type_ in ("DATE", "TIME")}
    if not dated:
        return False
    if _talked_about(anchor):
        return True
    root = anchor
    while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
        root = root.head
    clause = {t.i for t in root.subtree}
    for t in root.subtree:
        if (
            t.dep_ in _OTHER_CLAUSES
            and t.i != anchor.i
            and anchor.i not in {x.i for x in t.subtree}
        ):
            clause -= {x.i for x in t.subtree}
    return not dated & clause


def _anchor(mention: Mention, sub: str) -> Any:
    """The trigger token the incident is anchored at: the first one of its type."""
    for c in mention.triggers:
        if c.sub == sub:
            return c.head
    return min((c.head for c in mention.triggers), key=lambda t: t.i)
