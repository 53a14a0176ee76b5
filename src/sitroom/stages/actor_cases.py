"""Perpetrators that depend on the kind of event, for the actor stage: protests (the
demonstrators, the force used against them, what they protest against), communal
militias, who laid a bomb, who seized ground. Split out of `stages.actors`."""

from __future__ import annotations

import re
from typing import Any

from sitroom.knowledge.actors import Lexicon
from sitroom.model import Actor, Analysis, Incident
from sitroom.stages.actor_phrases import (
    _NOT_NAMES,
    _generic_name,
    _pobj,
    _when,
    phrase_actor,
)


def _as_demonstrators(
    incident: Incident, actor: Actor | None, lex: Lexicon, country: str | None
) -> Actor | None:
    """In a protest or a riot, the people who demonstrate are protesters or rioters
    ("Iraqi Kurds demonstrated" -> Protesters (Iraq), mention "Iraqi Kurds")."""
    if incident.event_type not in ("Protests", "Riots") or actor is None:
        return actor
    if incident.sub_event_type == "Excessive force against protesters":
        return actor
    if actor.type == "state forces" and actor.mention and not _names_forces(actor.mention, lex):
        pass  # "Iraqi Kurds demonstrated": a demonym, not the state's forces
    elif incident.event_type == "Protests" and actor.name.startswith("Unidentified"):
        pass  # "Islamic fundamentalists continued their hunger strike": protesters
    elif actor.name.startswith("Unidentified") and _DEMONSTRATORS.fullmatch(
        (actor.mention or "").split()[-1] if actor.mention else ""
    ):
        pass  # "moto-taxi drivers rioted": unarmed people in a riot are rioters
    elif actor.type not in (None, "civilians") or actor.name.startswith("Unidentified"):
        return actor
    if actor.type and not actor.mention:
        return actor
    if actor.name.startswith(("Military", "Police")) and _names_forces(actor.mention, lex):
        return actor
    kind = "protesters" if incident.event_type == "Protests" else "rioters"
    where = actor.country or country
    name = _generic_name(lex, kind, where)
    return Actor(name, actor.mention, kind, where)


# The people of a protest or a riot, as a wire names them ("students protesting", "Podemos
# supporters", "residents protested"): ACLED codes them as actor1 of the event.
_DEMONSTRATORS = re.compile(
    r"(?:\b[A-Z][\w'-]+\s+)?\b(?i:protesters?|demonstrators?|marchers|rioters|crowds?"
    r"|supporters|students|residents|youths?|workers|traders|drivers|unionists|strikers|activists)\b",
)


def _demonstrators_first(
    item: Analysis,
    incident: Incident,
    actor1: Actor | None,
    actor2: Actor | None,
    lex: Lexicon,
    country: str | None,
) -> tuple[Actor | None, Actor | None]:
    """In a protest or a riot the demonstrators are actor1 and the police who disperse or
    fire on them actor2 (ACLED), even when the police are the grammatical doer ("police
    fired tear gas at students protesting", "Police dispersed them")."""
    if incident.event_type not in ("Protests", "Riots") or actor1 is None:
        return actor1, actor2
    if actor1.type != "state forces":
        return actor1, actor2
    index = item.sentence_of(incident.trigger.start)
    if index < 0:
        return actor1, actor2
    indices = sorted({index, *incident.sentences})
    window = [i for i in range(max(0, indices[0] - 1), indices[-1] + 1)]
    found = None
    for i in window:
        found = _DEMONSTRATORS.search(item.sentences[i].text)
        if found is not None:
            break
    if found is None:
        return actor1, actor2
    kind = "protesters" if incident.event_type == "Protests" else "rioters"
    name = _generic_name(lex, kind, country)
    people = Actor(name, found.group(0), kind, country)
    police = actor1 if actor1.mention or actor2 is None else actor2
    incident.notes["demonstrators"] = "the demonstrators are actor1, the state forces actor2"
    return people, police


# Words for an armed community group ("Pokot raiders", "Misseriya herders", "Lou Nuer
# youth"): with a community name before them ACLED codes "<Name> Ethnic Militia".
_COMMUNAL_WORDS = re.compile(
    r"(?i)(?:herders|herdsmen|raiders|nomads|pastoralists|grazers|youths?|militia|militiamen)$"
)


_HERDERS = re.compile(r"(?i)\b(?:herders|herdsmen|nomads|pastoralists|grazers)\b")
_NOT_COMMUNITIES = {"suspected", "armed", "unknown", "unidentified", "local", "rival", "cattle"}


def _communal_militia(
    actor: Actor | None, lex: Lexicon, country: str | None, victim: bool = False
) -> Actor | None:
    """An unnamed armed group described by its community ("suspected Pokot raiders",
    "Misseriya herders") is that community's ethnic militia; unnamed herders in Nigeria
    are the Fulani militia (ACLED's practice there), elsewhere only when the text says so;
    herders who are the victims ("shot dead three herders") are civilians."""
    if actor is None:
        return actor
    fulani_unsaid = actor.name.startswith("Fulani") and "fulani" not in actor.mention.lower()
    if fulani_unsaid and country not in (None, "NGA"):  # "herdsmen" in Sudan
        name = _generic_name(lex, "unidentified armed group", country)
        return Actor(name, actor.mention, "identity militia", country)
    if not actor.name.startswith("Unidentified Armed Group"):
        return actor
    words = (actor.mention or "").split()
    if not words or not _COMMUNAL_WORDS.search(words[-1]):
        return actor
    named = [
        w
        for w in words[:-1]
        if w[:1].isupper() and w.lower() not in _NOT_COMMUNITIES and w.lower() not in _NOT_NAMES
    ]
    if named and not any(m.country or m.entry for m in lex.find(" ".join(named))):
        place = lex.country_name(actor.country or country)
        name = f"{' '.join(named)} Ethnic Militia" + (f" ({place})" if place else "")
        return Actor(name, actor.mention, "identity militia", actor.country or country)
    if victim and _HERDERS.search(actor.mention or ""):
        return Actor(_generic_name(lex, "civilians", country), actor.mention, "civilians", country)
    if (actor.country or country) == "NGA" and _HERDERS.search(actor.mention or ""):
        fulani = next((m for m in lex.find("Fulani herdsmen") if m.entry), None)
        if fulani is not None:
            return lex.actor(fulani, actor.mention or "", country)
    return actor


# "an IED planted by al Shabaab", "a mine laid by the rebels": the one who laid it
_LAID_BY = re.compile(r"(?i)\b(?:planted|laid|placed|hidden|buried|left|rigged)\s+by\s+")


def _bomb_layer(
    text: str, actor1: Actor | None, actor2: Actor | None, lex: Lexicon, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """When a vehicle or patrol "struck an IED planted by X", X is the perpetrator and
    the vehicle's owners the victims, though they are the grammatical subject."""
    found = _LAID_BY.search(text)
    if found is None:
        return actor1, actor2
    window = re.split(r"[.;,]", text[found.end() : found.end() + 80])[0]
    hits = [m for m in lex.find(window) if m.entry is not None]
    hits = hits or [
        m for m in lex.find(window) if m.generic is not None and m.generic.role == "perpetrator"
    ]
    if not hits or hits[0].start > 12:
        return actor1, actor2
    layer = lex.actor(hits[0], hits[0].text, country)
    if layer is None or (actor1 is not None and actor1.name == layer.name):
        return actor1, actor2
    return layer, actor2 or actor1


_WITHDRAWN = {"withdrew", "withdrawn", "withdrawal", "retreated", "retreat", "pulled", "left"}


_SEIZURES = {"seize", "capture", "take", "overrun", "enter", "occupy", "recapture", "retake"}


def _seizer(
    sdoc: Any,
    incident: Incident,
    actor1: Actor | None,
    actor2: Actor | None,
    lex: Lexicon,
    country: str | None,
) -> tuple[Actor | None, Actor | None]:
    """A change of territory told by the side that left ("M23 seized the town after
    the army withdrew"): the one who seized it is actor1, the one who withdrew actor2."""
    words = incident.trigger.text.lower().split()
    if not words or words[0] not in _WITHDRAWN:
        return actor1, actor2
    for tok in sdoc:
        if tok.lemma_.lower() not in _SEIZURES or tok.pos_ != "VERB":
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        seizer = phrase_actor(subject, lex, country, perpetrator=True) if subject else None
        if seizer is not None and (actor1 is None or seizer.name != actor1.name):
            return seizer, actor1 if actor1 is not None else actor2
    return actor1, actor2


def force_user(incident: Incident) -> Actor | None:
    """Who used force in the incident: actor1, except in a protest or a riot whose
    demonstrators were put first (ACLED), where the security force is actor2. Scorers of
    perpetrator-style codings (PITF's killers, CAMEO's source) read this."""
    second = incident.actor2
    if incident.notes.get("demonstrators") and second is not None:
        return second if second.type == "state forces" else incident.actor1
    first = incident.actor1
    if (
        incident.event_type in ("Protests", "Riots")
        and (incident.fatalities or 0) > 0
        and first is not None
        and first.type in ("protesters", "rioters")
        and second is not None
        and second.type == "state forces"
    ):
        return second  # "clashes between protesters and police killed 12": the police's force
    return first


_DEMAND_NOUNS = {"resignation", "removal", "ouster", "release", "independence", "withdrawal"}
_GRIEVANCE_NOUNS = {
    "decision",
    "failure",
    "refusal",
    "policy",
    "policies",
    "rule",
    "government",
    "violations",
    "abuses",
    "plan",
    "plans",
    "move",
    "arrest",
    "detention",
    "presence",
    "occupation",
    "reforms",
    "actions",
    "crackdown",
    "treatment",
    "law",
    "ban",
}


def _protest_target(sdoc: Any, lex: Lexicon, country: str | None) -> Actor | None:
    """Whom a protest is aimed at ("rallies against the party's leader X", "to demand the
    resignation of President Y", "independence from Iraq", "in protest of the Russian
    government's refusal"): a grievance noun stands for its possessor or its author."""
    for tok in sdoc:
        word = tok.lower_
        aimed = tok.dep_ == "prep" and word == "against"
        after_independence = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "independence"
        aimed = aimed or (
            word == "from" and (tok.head.lower_ == "independence" or after_independence)
        )
        aimed = aimed or (word in ("of", "for") and tok.head.lower_ in _DEMAND_NOUNS)
        aimed = aimed or (word == "of" and tok.head.lower_ == "protest")
        obj = _pobj(tok) if aimed else None
        if (
            obj is None
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in ("protest", "denounce")
        ):
            obj = tok
        if obj is None or _when(obj):
            continue
        target = _grievance_author(obj)
        actor = phrase_actor(target, lex, country, perpetrator=False, loose=True)
        if actor is not None and actor.type == "civilians" and _only_country(actor, lex):
            name = f"Government of {lex.country_name(actor.country)}"
            return Actor(name, actor.mention, "state forces", actor.country)  # "from Iraq"
        if actor is not None:
            return actor
    return None


def _only_country(actor: Actor, lex: Lexicon) -> bool:
    """The mention is a country's name and nothing else ("Sweden's", "Iraq")."""
    hits = lex.find(actor.mention or "")
    return (
        len(hits) == 1 and hits[0].country is not None and len((actor.mention or "").split()) <= 2
    )


def _grievance_author(obj: Any) -> Any:
    """ "Sweden's decision" -> Sweden; "violations by the Israeli military" -> the
    military; anything else stands for itself."""
    if obj.lower_ not in _GRIEVANCE_NOUNS and obj.lemma_.lower() not in _GRIEVANCE_NOUNS:
        return obj
    for child in obj.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "of") and _pobj(child) is not None:
            return _pobj(child)
    return obj


def _names_forces(mention: str, lex: Lexicon) -> bool:
    """The words name a state's forces ("police", "troops", "the army"), not only its
    people ("Iraqi Kurds")."""
    return any(
        (m.generic is not None and m.generic.type == "state forces")
        or (m.entry is not None and m.entry.type == "state forces")
        for m in lex.find(mention)
    )
