"""Roles and phrases for the actor stage: who is the agent and who the target of a
trigger in its dependency parse, and how a noun phrase is named with the actor dictionary
(a named group, a country's forces, or a description such as "gunmen"). Split out of
`stages.actors`, which applies these per incident."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sitroom.knowledge.actors import Lexicon, Match, lexicon
from sitroom.model import Actor

_SUBJECTS = ("nsubj", "csubj")
_TARGET_PREPS = ("on", "against", "targeting", "at", "upon", "into")
_PRONOUNS = {"they", "he", "she", "it", "we", "them", "who", "which", "that", "i", "you"}
_CLIMB = ("xcomp", "conj", "advcl", "pcomp")  # never ccomp: "police say X killed"
_KEEP_PREPS = ("of", "from")
_DETERMINERS = re.compile(r"^(?:the|a|an|some|two|several|other)\s+", re.IGNORECASE)
_SPEAKERS = {
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "statement",
    "witness",
    "witnesses",
    "residents",
    "media",
    "agency",
}


_REPORTING_VERBS = {
    "say",
    "confirm",
    "report",
    "condemn",
    "deny",
    "announce",
    "describe",
    "call",
    "blame",
    "investigate",
    "witness",
    "see",
    "hear",
    "recall",
    "mark",
    "commemorate",
    "protest",
    "follow",
    "cause",
    "spark",
    "trigger",
    "prompt",
    "survive",
    "flee",
    "escape",
    "tell",
    "reveal",
    "document",
    "record",
    "discover",
    "find",
    "decry",
    "denounce",
    "probe",
}


_THING_AFTER = re.compile(
    r"^\s+(?:vehicles?|cars?|trucks?|bus|buses|base|bases|posts?|camps?|checkpoints?|stations?|"
    r"convoys?|barracks|headquarters|compound|building|office|offices)\b",
    re.IGNORECASE,
)
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "when",
    "after",
    "before",
    "as",
    "some",
    "many",
    "several",
    "two",
    "three",
    "four",
    "five",
    "armed",
    "suspected",
    "unknown",
    "unidentified",
    "police",
    "but",
    "and",
    "while",
    "if",
    "local",
    "other",
}
_POSSESSIVES = {"their", "its", "his", "her", "our", "my", "your"}
_RAISING = {"report", "say", "believe", "suspect", "allege", "think", "understand", "know"}
_NOT_ACTOR_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


_QUANTITY_WORDS = {
    "hundreds",
    "dozens",
    "scores",
    "thousands",
    "group",
    "band",
    "gang",
    "number",
    "men",
    "elements",
    "operatives",
    "personnel",
}
_THINGS = {
    "tank",  # "Israeli tanks fired": a country's weapons are its forces
    "aircraft",
    "gunboat",
    "warship",
    "bomb",
    "explosive",
    "explosion",
    "blast",
    "attack",
    "strike",
    "shell",
    "rocket",
    "missile",
    "mortar",
    "grenade",
    "mine",
    "clash",
    "fighting",
    "violence",
    "raid",
    "airstrike",
    "drone",
    "bullet",
    "gunfire",
    "fire",
    "shot",
    "vehicle",
    "car",
    "truck",
    "device",
    "ied",
    "protest",
    "demonstration",
    "riot",
    "flood",
    "storm",
    "air",
    "hostility",
    "operation",
    "bombing",
    "assault",
    "ambush",
    "shooting",
    "killing",
    "incident",
    "day",
    "hour",
    "people",
    "official",
    "source",
    "witness",
    "resident",
    "report",
    "authority",
    "medium",
    "police",
    "figure",
}


_STATE_WORDS = {"government", "regime", "army", "military", "police"}
_CLASHES = {"clash", "fighting", "fight", "battle", "gunfight", "confrontation", "skirmish"}


_TIME_WORDS = {"dawn", "dusk", "night", "morning", "evening", "noon", "midnight", "weekend"}
_NOT_AGENTS = {"others", "other", "many", "several", "some", "more", "dozens", "scores"}


_PERSON_SUFFIX = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ee",
    "ees",
    "man",
    "men",
    "ant",
    "ants",
    "ent",
    "ents",
    "ier",
    "iers",
    "ic",
    "ics",
)


_BELIEVED = re.compile(
    r"^[\s,(]*(?:who\s+(?:are|were)\s+)?(?:(?:believed|suspected|thought|said|alleged|presumed|"
    r"reported|identified)\s+(?:to\s+(?:be|have\s+been)|as)|(?:allegedly|reportedly|apparently|"
    r"suspected\s+to\s+be)\s+(?:belonging\s+to|from|members\s+of|loyal\s+to))\s+"
    r"(?:from\s+|members\s+of\s+|of\s+)?",
    re.IGNORECASE,
)


_VICTIM_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,4}?\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|got)\s+"
    r"(?:\w+ly\s+|reportedly\s+)?"
    r"(?:killed|abducted|kidnapped|shot|wounded|injured|attacked|murdered|slaughtered|"
    r"massacred|ambushed|beheaded|targeted|executed|gunned|hacked|stabbed|burnt|burned)\b",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:killed|wounded|injured|killing|wounding|injuring)\s+(?:[\w-]+\s+){0,3}$"
    r"|\b(?:including|among\s+them|among\s+the\s+dead)\b[^.;()]{0,70}$",
    re.IGNORECASE,
)
_VICTIM_ROLE = re.compile(
    r"^\s+(?:inspector|officer|officers|branch|wing|technicians?|officials?|members?|chief|"
    r"commander|leader|candidate|activists?|councillors?|employees?|workers?|staff|chairman|"
    r"lawmaker|legislator|spokesman)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_AFFILIATED_VICTIM = re.compile(
    r"\b(?:close\s+to|critic\s+of|critics\s+of|critical\s+of|opposed\s+to|opponents?\s+of|"
    r"affiliated\s+(?:with|to)|head\s+of|leader\s+of|member\s+of|chairman\s+of|chief\s+of)"
    r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"^(?:\s+[\w’'-]+){0,4}?\s+(?:\w+\s+)?(?:said|says|say|confirmed|confirms|reported|reports|"
    r"announced|told|stated|added|blamed(?!\s+for)|blames|accused(?!\s+of)|accuses|attributed|"
    r"condemned|condemns|denied|denies|have\s+launched|has\s+launched|launched\s+(?:an?\s+)?"
    r"(?:investigation|probe|manhunt|inquiry))\b",
    re.IGNORECASE,
)


_LINKING = re.compile(
    r"\b(?:believed|suspected|thought|said|linked|belonging|affiliated|loyal|allied|from)\b",
    re.IGNORECASE,
)


@dataclass
class Roles:
    """Noun-phrase heads (spaCy tokens) found for each side, with how they were found."""

    agent: Any = None
    target: Any = None
    how: str = ""


def _generic_name(lex: Lexicon, phrase: str, country: str | None) -> str:
    generic = lex.generics[tuple(phrase.split())]
    return generic.name_for(lex.country_name(country))


def trigger_token(sdoc: Any, lo: int, hi: int) -> Any:
    """The syntactic head of the trigger span (offsets relative to the sentence)."""
    tokens = [t for t in sdoc if lo <= t.idx < hi] or [
        t for t in sdoc if t.idx <= lo < t.idx + len(t)
    ]
    if not tokens:
        return None
    inside = set(tokens)
    for tok in tokens:
        if tok.head not in inside or tok.head == tok:
            return tok
    return tokens[0]


def find_roles(trig: Any) -> Roles:
    """Agent and target heads around a trigger token."""
    if trig.pos_ in ("VERB", "AUX") or trig.tag_.startswith("VB"):
        return _verb_roles(trig)
    return _noun_roles(trig)


def _verb_roles(verb: Any) -> Roles:
    roles = Roles(how="verb")
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        if passive and child.dep_ == "agent":
            roles.agent = _pobj(child) or roles.agent
        elif passive and child.dep_ == "nsubjpass":
            roles.target = child
        elif not passive and child.dep_ in _SUBJECTS:
            roles.agent = child
        elif not passive and child.dep_ == "dobj" and roles.target is None:
            roles.target = child
        elif roles.target is None and _target_prep(child):
            roles.target = _pobj(child)
        elif child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_.lower() in _CLASHES:
            roles.target = roles.target or _pobj(child)  # "clashed with MNJTF soldiers"
    if roles.agent is not None and roles.agent.lower_ in ("which", "that", "who"):
        roles.agent = verb.head if verb.dep_ == "relcl" else None
        roles.how = "verb in a relative clause"
    if roles.agent is None and not passive:
        roles.agent = _inherited_subject(verb)
        if roles.agent is not None:
            roles.how = "subject of the governing verb"
    else:
        roles.how = "passive 'by' phrase" if passive else "subject of the verb"
    return roles


def _target_prep(child: Any) -> bool:
    """'on/against/at X' naming a target, not a time ("on Friday")."""
    return bool(child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and not _when(_pobj(child)))


def _inherited_subject(verb: Any) -> Any:
    """The subject of the verb a participle or conjunct hangs on ("opened fire, killing")."""
    node = verb
    for _ in range(3):
        if node.dep_ not in _CLIMB or node.head == node:
            return None
        raised = node.dep_ == "xcomp"
        node = node.head
        if raised and node.lemma_.lower() in _RAISING:
            # "armed bandits are reported to have killed": the reported are the doers
            subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and subject.lower_ not in _PRONOUNS:
                return subject
        if node.lemma_.lower() in _REPORTING_VERBS:
            return None  # "police say a gang beat and killed": not the police
        for child in node.children:
            if child.dep_ in _SUBJECTS and child.lower_ not in _PRONOUNS:
                return child
            if child.dep_ == "agent":
                return _pobj(child)
    return None


def _noun_roles(noun: Any) -> Roles:
    roles = Roles(how="noun")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            roles.agent = _pobj(child)
            roles.how = "'by' phrase of the noun"
        elif child.dep_ == "poss" and roles.agent is None and child.lower_ not in _POSSESSIVES:
            roles.agent = child  # not "their hunger strike": the subject of the verb says who
            roles.how = "possessor of the noun"
        elif (
            child.dep_ in ("compound", "amod", "nmod")
            and (roles.agent is None or _rebel_after_country(roles, child))
            and (
                _named(child)
                or _country_word(child)
                or child.lower_ in _STATE_WORDS
                or _doer_word(child)
            )
        ):
            # "a government air strike": the whole phrase is the description
            roles.agent = noun if child.lower_ in ("government", "regime") else child
            roles.how = "name modifying the noun"
        elif roles.target is None and _target_prep(child):
            roles.target = _pobj(child)
        elif child.dep_ == "prep" and child.lower_ == "with" and noun.lemma_.lower() in _CLASHES:
            roles.agent = roles.agent or _pobj(child)  # "clashes with Houthi militants"
            roles.how = "the other side of a clash"
        elif child.dep_ == "acl" and child.lower_ == "targeting":
            roles.target = _dobj(child)
    head = noun.head
    doing = head.lemma_.lower() not in _REPORTING_VERBS
    if (
        roles.agent is None
        and noun.dep_ in ("dobj", "attr")
        and head.pos_ in ("VERB", "AUX")
        and doing
    ):
        roles.agent = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        roles.how = "subject of the verb governing the noun"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ == "agent" and roles.agent is None:
                roles.agent = _pobj(child)
                roles.how = "'by' phrase of the verb governing the noun"
            elif child.dep_ == "dobj" and roles.target is None:
                roles.target = child
            elif (
                child.dep_ == "prep"
                and child.lower_ in _TARGET_PREPS
                and roles.target is None
                and not _when(_pobj(child))
            ):
                roles.target = _pobj(child)
    return roles


def _rebel_after_country(roles: Roles, child: Any) -> bool:
    """ "Yemeni rebel artillery": the doer word names the side, the country word only
    where it is from (not the country's forces)."""
    agent = roles.agent
    return (
        roles.how == "name modifying the noun"
        and agent is not None
        and agent.i < child.i
        and _country_word(agent)
        and _doer_word(child)
    )


def _doer_word(token: Any) -> bool:
    """ "a bandit attack", "a suspected gang attack", "rebel fire", "Maoist attack": a
    modifier that is a perpetrator word of the dictionary."""
    hits = lexicon().find(token.text)
    return len(hits) == 1 and (
        hits[0].entry is not None
        or (hits[0].generic is not None and hits[0].generic.role == "perpetrator")
    )


def _country_word(token: Any) -> bool:
    """ "Saudi-led air raids", "Indian firing": a state named by its adjective."""
    return any(m.country for m in lexicon().find(token.text))


def _named(token: Any) -> bool:
    """A modifier that may name the perpetrator ("Hamas attack", "Israeli strike")."""
    return token.ent_type_ in ("ORG", "NORP", "PERSON") or (
        token.pos_ == "PROPN" and not token.ent_type_
    )


def _speaker(token: Any) -> bool:
    """True for "a US official said": the speaker is not a party to the incident."""
    return token.lower_ in _SPEAKERS or any(
        c.dep_ == "compound" and c.lower_ in _SPEAKERS for c in token.children
    )


def _when(token: Any) -> bool:
    """ "on Friday", "at dawn": a time, not a target."""
    return token is None or token.ent_type_ in ("DATE", "TIME") or token.lower_ in _TIME_WORDS


def _pobj(prep: Any) -> Any:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _dobj(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def phrase_span(head: Any) -> tuple[int, int]:
    """Token range of the noun phrase of `head`: its left modifiers, the head, and
    "of"/"from" phrases ("members of Boko Haram"); no relative or participle clauses."""
    left = min((t.i for t in head.lefts if t.dep_ not in ("punct", "cc", "prep")), default=head.i)
    left = min(left, head.left_edge.i) if head.left_edge.dep_ not in ("punct", "cc") else left
    right = head.i
    for child in head.rights:
        keep = child.dep_ == "prep" and child.lower_ in _KEEP_PREPS
        if keep or child.dep_ in ("compound", "flat", "nummod", "amod"):
            right = max(right, child.right_edge.i)
        else:
            break
    return left, right + 1


def phrase_actor(
    head: Any, lex: Lexicon, country: str | None, perpetrator: bool, loose: bool = False
) -> Actor | None:
    """The actor a noun phrase names; for a perpetrator described but not named, the
    group a "believed to be ..." phrase after it names, when there is one."""
    actor = _phrase_actor(head, lex, country, perpetrator, loose)
    if perpetrator and actor is not None and actor.name.startswith("Unidentified"):
        named = _believed_to_be(head, lex, country)
        if named is not None:
            return named
    return actor


def _believed_to_be(head: Any, lex: Lexicon, country: str | None) -> Actor | None:
    """ "Gunmen, believed to be Fulani mercenaries, ..." -> Fulani Ethnic Militia."""
    doc = head.doc
    _, end = phrase_span(_quantity_head(head))  # "a group of armed men, allegedly ..."
    window = doc[end : min(len(doc), end + 24)].text
    m = _BELIEVED.search(window)
    if m is None:
        return None
    described = re.split(
        r"\s*(?:[,;.()]|\bwho\b|\bwhich\b|\bin\b|\bon\b|\bat\b)", window[m.end() :]
    )[0]
    named = [x for x in lex.find(described) if x.entry is not None]
    if named:
        return lex.actor(named[0], named[0].text, country)
    doer = any(x.generic is not None and x.generic.role != "victim" for x in lex.find(described))
    capital = re.match(r"[A-Z]", described) is not None
    if described and len(described.split()) <= 6 and (capital or doer):
        return _unnamed_group(lex, described, country)  # "allegedly belonging to Lou Nuer youth"
    return None


def _phrase_actor(
    head: Any, lex: Lexicon, country: str | None, perpetrator: bool, loose: bool = False
) -> Actor | None:
    """The actor a noun phrase names, or None (a pronoun, a thing, nothing known).
    `loose` accepts any noun phrase as a named side (the two sides of a clash)."""
    if head is None or head.lower_ in _PRONOUNS:
        return None
    owner = None if perpetrator else _place_owner(head)
    if owner is not None:  # "shelled positions of the security forces": the forces
        found = _phrase_actor(owner, lex, country, perpetrator=False, loose=loose)
        if found is not None:
            return found
    head = _quantity_head(head)
    if head.ent_type_ in _NOT_ACTOR_ENTS or head.lower_ in _NOT_AGENTS:
        return None
    doc = head.doc
    lo, hi = phrase_span(head)
    core = doc[lo:hi]
    mention = _DETERMINERS.sub("", core.text.strip()) + _gloss(doc.text[core.end_char :])
    for text in (core.text, *_descriptions(head)):
        named = [m for m in lex.find(text) if m.entry is not None]
        if named and text == core.text and len(mention.split()) <= 8:
            # "Ethiopian National Defense Forces (ENDF)": the phrase, not only the abbreviation
            return lex.actor(named[0], mention, country)
        if named:
            return lex.actor(named[0], named[0].text, country)
    matches = lex.find(core.text)
    here = next((m.country for m in matches if m.country), None)
    generic = _head_generic(matches, core, head)
    if generic is not None:
        victim = generic.generic is not None and generic.generic.role == "victim"
        if perpetrator and victim and not loose and "armed" not in core.text.lower():
            return None
        if perpetrator and victim and not loose:  # "heavily armed people"
            return _unnamed_group(lex, mention, here or country)
        return lex.actor(generic, mention, here or country)
    if here and perpetrator and head.lemma_.lower() in _THINGS:
        return _country_actor(lex, here, mention, perpetrator)  # "a Saudi airstrike"
    if here and (head.pos_ == "PROPN" or head.ent_type_ in ("NORP", "GPE")) and len(core) <= 3:
        return _country_actor(lex, here, mention, perpetrator)
    if (here and head.tag_ == "NNPS") or (here and head.lower_.endswith("ans") and len(core) == 1):
        return Actor(f"Civilians ({lex.country_name(here)})", mention, "civilians", here)
    if head.ent_type_ in ("ORG", "NORP", "PERSON", "FAC") and not _speaker(head):
        return Actor(mention, mention, None, country)
    if loose and head.pos_ in ("NOUN", "PROPN") and mention:
        return Actor(mention, mention, None, country)
    plural = head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() not in _THINGS
    if perpetrator and plural and (head.tag_ == "NNPS" or _person(head)):
        return _unnamed_group(lex, mention, here or country)  # "Amazon tribesmen"
    if not perpetrator and _person(head):
        where = here or country
        return Actor(_generic_name(lex, "civilians", where), mention, "civilians", where)
    return None


_HELD_PLACES = {
    "position",
    "camp",
    "stronghold",
    "headquarters",
    "office",
    "hideout",
    "outpost",
    "base",
    "compound",
    "den",
    "enclave",
    "bastion",
}


def _place_owner(head: Any) -> Any:
    """The people a held place belongs to, the target of an attack on it: "positions of
    the security forces", "Karen guerrilla stronghold", "the offices of the
    administrators" (not a plain "military base", which names the forces itself)."""
    lemma = head.lemma_.lower()
    if lemma not in _HELD_PLACES and lemma not in ("part", "section", "portion"):
        return None  # "part of a stronghold": the stronghold's
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _pobj(child)
    if lemma not in _HELD_PLACES:
        return None
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    for child in reversed(modifiers):
        if _doer_word(child) or child.ent_type_ in ("NORP", "ORG"):
            return child
    return None


def _gloss(after: str) -> str:
    """An editor's bracketed gloss right after a phrase ("cultists [gang members]"),
    kept in the mention: it says who the people are in plainer words."""
    m = re.match(r"\s*\[[^\]\d]{2,40}\]", after)
    return m.group(0) if m and "sic" not in m.group(0).lower() else ""


def _person(head: Any) -> bool:
    """A noun that names people ("advisers", "a journalist", "Sultan Ahmed")."""
    if head.ent_type_ == "PERSON":
        return True
    word = head.lower_
    return (
        head.pos_ == "NOUN"
        and word not in _THINGS
        and head.lemma_.lower() not in _THINGS
        and word.endswith(_PERSON_SUFFIX)
    )


def _unnamed_group(lex: Lexicon, mention: str, country: str | None) -> Actor:
    """People described but not named who did it: an unidentified armed group."""
    name = _generic_name(lex, "unidentified armed group", country)
    return Actor(name, mention, "political militia", country)


def _quantity_head(head: Any) -> Any:
    """ "hundreds of militia fighters": the fighters, not the hundreds."""
    if head.lower_ in _QUANTITY_WORDS or head.pos_ == "NUM":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = _pobj(of) if of is not None else None
        if obj is not None:
            return obj
    return head


def _descriptions(head: Any) -> list[str]:
    """Appositions and "believed to be from X" clauses that name the actor."""
    out = []
    for child in head.rights:
        sub = head.doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "appos" or (child.dep_ in ("acl", "relcl") and _LINKING.search(sub.text)):
            out.append(sub.text)
    return out


def _head_generic(matches: list[Match], core: Any, head: Any) -> Match | None:
    """The generic description whose last word is the phrase's head noun."""
    head_end = head.idx + len(head.text) - core[0].idx
    for m in matches:
        if m.generic is not None and m.end == head_end:
            return m
    return None


def _country_actor(lex: Lexicon, iso3: str, mention: str, perpetrator: bool) -> Actor:
    """A country named as an actor: its forces when it acts, its civilians otherwise."""
    name = lex.country_name(iso3)
    if perpetrator:
        return Actor(f"Military Forces of {name}", mention, "state forces", iso3)
    return Actor(f"Civilians ({name})", mention, "civilians", iso3)


def _by_words(text: str, after: int, lex: Lexicon, country: str | None) -> Actor | None:
    """ "killed by rampaging cultists [gang members]": a "by" phrase after the trigger
    that the parse missed (a bracket or a gerund in the way), read from the words."""
    for m in re.finditer(r"\bby\s+", text[max(0, after) :]):
        if len(text[max(0, after) : max(0, after) + m.start()].split()) > 2:
            break  # "by" of another phrase ("the October 7 attack by Hamas")
        start = max(0, after) + m.end()
        window = text[start : start + 50]
        for hit in lex.find(window)[:1]:
            if len(window[: hit.start].split()) > 3:
                break
            if hit.entry is not None or (hit.generic is not None and hit.generic.role != "victim"):
                mention = _DETERMINERS.sub("", window[: hit.end].strip())
                return lex.actor(hit, mention + _gloss(text[start + hit.end :]), country)
    return None


def _nearby_actor(text: str, trigger_at: int, lex: Lexicon, country: str | None) -> Actor | None:
    """Without a parse: the closest perpetrator-like actor named before the trigger."""
    best = None
    for m in lex.find(text[: max(0, trigger_at)]):
        follower = re.match(r"\s*(\w+)", text[m.end : m.end + 30])
        if follower and follower.group(1).lower() in _SPEAKERS:
            continue
        if _SPEAKS.match(text[m.end : m.end + 60]):
            continue  # "the police command confirmed the murder": the source, not the doer
        if _ACCORDING.search(text[max(0, m.start - 40) : m.start]):
            continue  # "according to the local police, the knife attack ..."
        if _VICTIM_AFTER.match(text[m.end : m.end + 50]) or _VICTIM_BEFORE.search(
            text[max(0, m.start - 80) : m.start]
        ):
            continue  # "four soldiers were killed in a mine explosion": the victims
        if _VICTIM_ROLE.match(text[m.end : m.end + 20]) or _AFFILIATED_VICTIM.search(
            text[max(0, m.start - 50) : m.start]
        ):
            continue  # "a police inspector", "affiliated with the ANP": a victim's description
        if re.search(
            r"(?i)\b(?:told|informed|to|by)\s+(?:the\s+)?$", text[max(0, m.start - 12) : m.start]
        ):
            continue  # "hospitals have told the United Nations": the addressee
        if re.search(r"(?i)\b(?:their|his|her|its)\s+$", text[max(0, m.start - 8) : m.start]):
            continue  # "when their patrol vehicle struck a bomb": the victims' own
        if _THING_AFTER.match(text[m.end : m.end + 20]):
            continue  # "a police vehicle", "an army base": a thing that was hit
        if m.entry is not None or (m.generic is not None and m.generic.role != "victim"):
            after_entry = best is not None and best.entry is not None
            if m.generic is not None and after_entry and best and _adjacent(text, best, m):
                continue  # "(AMISOM) forces": the generic word names the group before
            best = m
    if best is None:
        return None
    named = re.search(r"\b([A-Z][\w'’-]+)\s+$", text[max(0, best.start - 30) : best.start])
    if best.generic is not None and named and named.group(1).lower() not in _NOT_NAMES:
        return lex.actor(best, f"{named.group(1)} {best.text}", country)  # "Kuteb youths"
    return lex.actor(best, best.text, country)


def _adjacent(text: str, one: Match, two: Match) -> bool:
    return re.fullmatch(r"[\s)\]]*", text[one.end : two.start]) is not None
