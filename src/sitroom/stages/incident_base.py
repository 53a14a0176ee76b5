"""What the incident modules share: the cues found in a parsed sentence and the mentions
they form, the lexicon matcher over a sentence (`_cues`), and small word lists and
token tests used by detection, the non-occurrence filters and typing alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sitroom.knowledge.triggers import Lexicon, Match, token_keys

_ANAPHORIC_DETS = {"the", "that", "this", "these", "those", "both"}
_BACKGROUND_PREPS = {"amid", "despite"}
_STATE_ARMED = {
    "soldier",
    "troop",
    "trooper",
    "army",
    "military",
    "security force",
    "force",
    "police",
}
_STATE_ARMED |= {"policeman", "officer", "jawan", "convoy", "patrol", "checkpoint", "outpost"}
_STATE_ARMED |= {"base", "barracks", "gendarme", "commando", "marine"}
_PROTEST_SUBS = {"Peaceful protest", "Violent demonstration"}
_KILL_WORDS = {"kill", "shoot", "shot", "shoot dead", "open fire", "opened fire"}
_KILL_WORDS |= {"murder", "die", "dead", "gun down", "injure", "wound"}
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_STRONG_EXPLOSIVE = {"Suicide bomb", "Chemical weapon", "Air/drone strike", "Grenade"}
_STRONG_EXPLOSIVE |= {"Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}
_NONSTATE_ARMED = {"militant", "rebel", "insurgent", "jihadist", "terrorist", "militia"}
_NONSTATE_ARMED |= {"militiaman", "guerrilla", "gunman", "bandit", "fighter"}
_NONSTATE_ARMED |= {"dissident", "separatist", "gang"}


@dataclass
class Cue:
    """One lexicon match in a parsed sentence, with the token that heads it."""

    match: Match
    head: Any  # spaCy Token

    @property
    def kind(self) -> str:
        return self.match.entry.kind

    @property
    def sub(self) -> str | None:
        return self.match.entry.sub_event_type

    @property
    def weight(self) -> float:
        return self.match.entry.weight

    @property
    def pattern(self) -> str:
        return self.match.entry.pattern


@dataclass
class Mention:
    """The cues of one occurrence in one sentence, before typing."""

    triggers: list[Cue]
    region: set[int]  # token indices of the part of the sentence it is read from
    anaphoric: bool = False
    reference: bool = False  # referred to as another, earlier event ("for the ... attack")
    suppressed: str = ""  # why it is not an incident (kept for the short-text fallback)
    notes: dict[str, str] = field(default_factory=dict)


def _cues(doc: Any, lex: Lexicon) -> list[Cue]:
    keys = [token_keys(t.lower_, t.lemma_) for t in doc]
    cues = []
    for m in lex.match(keys):
        span = doc[m.start : m.end]
        last = span[-1]
        head = last if len(span) > 1 and last.pos_ in ("NOUN", "PROPN") else span.root
        if m.entry.kind in ("event", "generic", "weak") and _a_name(head, m.entry.pattern):
            continue
        if m.entry.pattern == "march" and _month(head):
            continue
        if m.entry.kind == "event" and len(span) > 1 and (_carried(span[0]) or _loose(span)):
            continue  # 'armed with ... grenades attacked': no grenade attack
        if m.entry.pattern == "suicide" and _took_own_life(head):
            continue
        if m.entry.kind in ("event", "arms", "generic") and _not_a_weapon(head):
            continue
        cues.append(Cue(m, head))
    return cues


_RIOT_CONTROL = {"gas", "tear", "teargas", "smoke", "stun", "rubber", "paint", "pepper"}
_MINED = {"gold", "coal", "uranium", "copper", "diamond", "salt", "iron", "cobalt", "lithium"}
_MINED |= {"tin", "silver", "bauxite", "coltan", "manganese", "phosphate", "zinc", "nickel"}


def _not_a_weapon(tok: Any) -> bool:
    """'tear gas shells', 'rubber rounds' (riot control, read by the protest cues), 'a
    gold mine', 'the uranium mine' (a mine dug for ore): no shelling, no landmine."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if tok.lemma_.lower() in ("mine", "mining"):
        return bool(mods & _MINED)
    return tok.lemma_.lower() in ("shell", "round", "canister", "grenade") and bool(
        mods & _RIOT_CONTROL
    )


def _loose(span: Any) -> bool:
    """'rifles and grenades attacked': the words of a multi-word cue that do not form a
    phrase (they depend on more than one word outside it) are no such cue."""
    inside = {t.i for t in span}
    if span[0].dep_ == "nsubj" and span[0].head.i == span[-1].i:
        return True  # 'grenades attacked': a subject and its verb, not 'a grenade attack'
    outside = {t.head.i for t in span if t.head.i not in inside or t.head.i == t.i}
    return len(outside) > 1  # 'suicide car bomb attack' parsed flat is still one phrase


def _took_own_life(tok: Any) -> bool:
    """'the fourth crewman committed suicide': no bomb."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else tok
    return any(t.lower_.startswith("commit") for t in (tok.head, before))


def _month(tok: Any) -> bool:
    """'on 9 March 1990', 'March 3': the month, not a march (a number beside it)."""
    if tok.pos_ == "VERB":
        return False
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.ent_type_ == "DATE" or any(t.like_num for t in near)


def _a_name(tok: Any, pattern: str) -> bool:
    """'March', 'Operation Storm', 'Rally Party': a trigger word inside a name (in
    upper-case wire text every word looks like a name, so there it is not checked)."""
    if tok.text.isupper():
        return False
    if tok.ent_type_ in _NAME_ENTITIES:
        return True
    return pattern == "march" and tok.pos_ != "VERB" and not tok.text.islower()


_NAME_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "LAW"}


_MUNITIONS = {"attack", "strike", "blast", "explosion", "fire", "round", "barrage", "volley"}
_MUNITIONS |= {"salvo", "shell", "bombardment", "shelling"}


def _is_named_weapon(tok: Any) -> bool:
    """'a drone attack', 'artillery rounds', 'a rocket barrage': a weapon that names the
    munition or the act it is used in."""
    return tok.head.lemma_.lower() in _MUNITIONS or tok.head.lower_ in _MUNITIONS


def _up(tok: Any, steps: int) -> Iterable[Any]:
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


_SINGULAR_S = {"gas", "teargas", "news", "chaos", "bus", "status", "series", "lens"}


def _plural(tok: Any) -> bool:
    """A plural noun by its tag or, in upper-case wire text, by its ending."""
    if tok.lower_ in _SINGULAR_S:
        return False  # 'tear gas' is no count of occurrences
    return tok.tag_ in ("NNS", "NNPS") or (
        tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s") and not tok.lower_.endswith("ss")
    )


def _number(tok: Any) -> float:
    """The value of a number token (vague quantities approximated); a year counts 0."""
    text = tok.lower_.replace(",", "")
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
        return 0.0
    try:
        return float(text)
    except ValueError:
        return {"dozens": 24, "hundreds": 200, "scores": 40, "thousands": 2000}.get(text, 0)


_WHEN_WORDS = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday"}
_WHEN_WORDS |= {"friday", "saturday", "sunday", "morning", "night", "evening", "afternoon"}


def _has_date(tok: Any) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree) or any(
        c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children
    )


def _predicated(tok: Any) -> bool:
    """'This is the second attack on the base in a day', 'It was the worst bombing in
    years': said of the incident just reported, not a new one."""
    if tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in tok.head.children)


def _is_anaphoric(tok: Any) -> bool:
    """'the attack', 'that strike', "Friday's rocket attack": a mention that points
    back to an incident already reported (consolidation merges it)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _predicated(tok):
        return True
    if _of_someone_new(tok):
        return False  # 'the killing of a farmer set off arson attacks': told here first
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS:
            return True
        if c.dep_ == "poss":
            return True
    return False


def _of_someone_new(tok: Any) -> bool:
    """'the killing of a Meitei farmer': the act is named by a victim the text
    introduces here (an indefinite noun); 'the killing of six Jesuits' may be a known
    event, and stays anaphoric."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            o.dep_ == "pobj"
            and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)
            for o in c.children
        )
        for c in tok.children
    )


def _carried(tok: Any) -> bool:
    """'militants armed with rifles and rocket-propelled grenades attacked ...': weapons
    the attackers carried describe them, they do not type the act (a gunfight where
    RPGs were also carried is still a clash or an attack)."""
    return any(anc.lower_ == "with" and anc.head.lower_ == "armed" for anc in _up(tok, 4))


_AGENTS = ("attacker", "assailant", "gunman", "gunmen", "raider", "intruder", "kidnapper")


def _state_side(cue: Cue) -> bool:
    """'the army', 'Myanmar's army', 'Nigerian troops' are state forces; 'the Arakan
    Army', 'the Kachin Independence Army' are armed groups named after a people or a
    cause, not a country."""
    if cue.pattern not in _STATE_ARMED:
        return False
    tok = cue.head
    named = [
        c
        for c in tok.children
        if c.dep_ in ("compound", "amod")
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("GPE", "NORP")
    ]
    return not (tok.pos_ == "PROPN" and named)


_CAUSE_VERBS = {"unleash", "spark", "trigger", "provoke", "prompt", "cause", "fuel", "ignite"}


_GRIEVANCE_VERBS = {"denounce", "condemn", "protest", "demonstrate", "mourn", "decry"}
_GRIEVANCE_VERBS |= {"commemorate", "demand", "unleash", "spark", "trigger", "provoke", "mark"}


_PROTESTERS = ("protester", "protestor", "demonstrator", "striker", "marcher", "rioter")

_PLACE_NOUNS = {"town", "city", "village", "area", "district", "base", "position", "camp"}
_PLACE_NOUNS |= {"port", "airport", "border", "region", "province", "neighbourhood", "capital"}
_PLACE_NOUNS |= {"neighborhood", "territory", "hill", "stronghold", "highway", "road", "field"}


def _a_place(tok: Any) -> bool:
    """'Wad Madani, the capital of Gezira state': a name the tagger may read as a
    person's is a place when its apposition calls it a town, city or capital."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in tok.children)
