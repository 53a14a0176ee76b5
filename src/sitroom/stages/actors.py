"""Actor stage: who did it (actor1), to whom (actor2), and who claims or blames.

Roles come from the dependency parse around the incident's trigger: the subject of an
active verb or the "by" phrase of a passive one is the perpetrator, the object or the
"on"/"against"/"targeting" phrase the target; a noun trigger ("the Hamas attack on ...")
reads its possessor, its modifiers and the verb that governs it ("militants launched an
attack"). Each noun phrase found is named with the actor dictionary
(`knowledge.actors`): a named group keeps its canonical name, a description ("gunmen",
"troops", "villagers") becomes an ACLED-style name with the country the phrase or the
article implies. Responsibility is read by `stages.responsibility`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sitroom.knowledge.actors import Lexicon, Match, lexicon, local_group
from sitroom.model import Actor, Analysis, Incident
from sitroom.stages import Stage
from sitroom.stages.actor_cases import (
    _WITHDRAWN,
    _as_demonstrators,
    _bomb_layer,
    _communal_militia,
    _demonstrators_first,
    _protest_target,
    _seizer,
)
from sitroom.stages.actor_cases import (
    force_user as force_user,  # re-exported: evaluate.pitf and evaluate.plover read it here
)
from sitroom.stages.actor_phrases import (
    _ACCORDING,
    _AFFILIATED_VICTIM,
    _CLASHES,
    _DETERMINERS,
    _NOT_ACTOR_ENTS,
    _REPORTING_VERBS,
    _SUBJECTS,
    _VICTIM_AFTER,
    _by_words,
    _country_actor,
    _dobj,
    _generic_name,
    _nearby_actor,
    _noun_roles,
    _pobj,
    _unnamed_group,
    find_roles,
    phrase_actor,
    phrase_span,
    trigger_token,
)
from sitroom.stages.responsibility import assign_responsibility

_UNNAMED_DEFAULT = ("Explosions/Remote violence", "Violence against civilians")
_UNNAMED_SUBS = ("Armed clash", "Looting/property destruction")  # ACLED codes a doer
_DESCRIPTION = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:group|movement|organi[sz]ation|militia|faction|sect|"
    r"outfit|insurgents|militants|jihadists|rebels|extremists)$",
    re.IGNORECASE,
)


_NOT_DOING = {
    "receive",
    "interview",
    "quote",
    "cite",
    "tell",
    "confirm",
    "report",
    "publish",
    "document",
    "verify",
    "see",
    "witness",
    "hear",
    "visit",
    "inhabit",
    "populate",
    "occupy",
    "control",
    "hold",
    "own",
    "run",
    "compile",
    "collect",
    "record",
    "release",
    "issue",
    "announce",
    "send",
    "sign",
    "organise",
    "organize",
    "host",
    "condemn",
    "deny",
    "man",  # "a checkpoint manned by Houthi rebels": the target's holders
    "guard",
    "protest",  # "a bombing at a protest by Houthis": the victims' own act
    "demonstration",
    "rally",
    "march",
    "sit",
    "gathering",
    "meeting",
    "ceremony",
    "celebration",
    "speech",
    "campaign",
}


_REGION_WORDS = {"north", "south", "east", "west", "centre", "center", "border", "region", "area"}


_ATTACK_NOUNS = {
    "attack",
    "strike",
    "airstrike",
    "raid",
    "airraid",
    "bombardment",
    "shelling",
    "ambush",
    "bombing",
    "assault",
    "offensive",
    "shootout",
    "massacre",
    "firing",
}


_SPREES = {"spree", "rampage", "killing"}


_NEEDS_OBJECT = {"wound", "injure", "hurt", "kill"}  # "120 others wounded" is no agent
_VICTIM_VERBS = {
    "kill",
    "wound",
    "injure",
    "shoot",
    "murder",
    "behead",
    "assassinate",
    "kidnap",
    "abduct",
    "attack",
    "target",
    "ambush",
    "execute",
    "slay",
    "massacre",
    "torture",
    "rape",
    "beat",
    "hit",
    "strike",
    "stab",
    "hack",
    "lynch",
    "arrest",
    "detain",
    "seize",
    "capture",
}


_VIOLENT_VERBS = {
    "disperse",
    "drop",
    "bombard",
    "strangle",
    "wound",
    "injure",
    "hurt",
    "kill",
    "attack",
    "shoot",
    "open",
    "raid",
    "storm",
    "ambush",
    "abduct",
    "kidnap",
    "bomb",
    "detonate",
    "set",
    "burn",
    "torch",
    "fire",
    "behead",
    "hack",
    "stab",
    "rape",
    "loot",
    "overrun",
    "strike",
    "invade",
    "massacre",
    "launch",
    "carry",
    "target",
    "blow",
    "gun",
    "slaughter",
    "murder",
    "execute",
    "assassinate",
    "besiege",
    "seize",
    "capture",
    "shell",
    "hit",
    "ram",
    "descend",
    "sack",
    "destroy",
    "lob",
    "throw",
    "plant",
    "lynch",
    "beat",
    "torture",
    "clash",
    "fight",
    "assault",
    "slay",
    "spray",
    "machete",
}


_SUSPECTED = re.compile(
    r"\b(?:hallmarks?\s+of|blamed\s+on|suspected\s+(?:to\s+be\s+)?|believed\s+to\s+(?:be|have\s+been)\s+|"
    r"thought\s+to\s+be\s+|linked\s+to|members\s+of|belonging\s+to|identified\s+(?:to\s+be|as)\s+|"
    r"said\s+to\s+be\s+|known\s+as)\s*(?:the\s+)?",
    re.IGNORECASE,
)
_VICTIM_MEMBERS = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|abduct\w*|kidnap\w*|shot|shooting|arrest\w*|"
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|scores)\s+$",
    re.IGNORECASE,
)


_NOT_VIOLENT_OBJECTS = {
    "investigation",
    "probe",
    "manhunt",
    "inquiry",
    "search",
    "appeal",
    "campaign",
}
_UNKNOWN_DOER = re.compile(r"\b(?:unknown|unidentified|anonymous)\b", re.IGNORECASE)
_TARGET_CONTEXT = re.compile(
    r"\b(?:against|on|targeting|targeted|criticis\w*|criticiz\w*|condemn\w*|fight\w*|"
    r"battl\w*|killed|kill\w*|arrested|captured|defeat\w*|versus|vs|and|attack\w*|"
    r"ambush\w*|abduct\w*|kidnap\w*|raid\w*|shot|shoot\w*|stormed|struck|hit)\s+(?:the\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)

# "a protest by Houthis", "a checkpoint manned by Houthi rebels", "a rally organised by
# the party": the group holds or stages the thing attacked, it is not the attacker
_HELD_BY = re.compile(
    r"\b(?:(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?|gatherings?|"
    r"meetings?|ceremon(?:y|ies)|celebrations?|funerals?|speech(?:es)?|visits?|campaigns?)"
    r"(?:\s+(?:held|staged|organi[sz]ed|called|led))?|manned|guarded|"
    r"hosted|organi[sz]ed|attended|staged)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_OWN_DEED = re.compile(r"(?i)^\s*(?:that\s+)?(?:it|its|they|their)\b")
# the group as a source: a plain reporting verb after it ("X has reported that"), not
# an accusation it made ("X had accused the man of being a spy": it is implicated)
_SOURCE_VERB = re.compile(
    r"(?i)^(?:\s+[\w’'-]+){0,4}?\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|reported|reports|"
    r"announced|told|stated|added|confirmed|confirms)\b"
)


def _reports(text: str, m: Match) -> bool:
    """The group is the source of the sentence ("X has reported that", "according to
    X"), not its doer; "X said it carried out the attack" is a claim and stays."""
    after = text[m.end : m.end + 80]
    said = _SOURCE_VERB.match(after)
    if said is not None:
        return not _OWN_DEED.match(after[said.end() :])
    return _ACCORDING.search(text[max(0, m.start - 40) : m.start]) is not None


ANAPHORA_WINDOW = 3000  # characters back to look for the group "the group" refers to
SHORT_STORY = 6  # sentences: a wire lead and its follow-up
IDENTIFY_AFTER = 2  # sentences after an incident that may say who its doers were
_DOERS = re.compile(
    r"\b(?:attackers|assailants|gunmen|killers|perpetrators|culprits|raiders|abductors|"
    r"kidnappers|bombers|attacker|assailant|gunman|killer|bomber)\b",
    re.IGNORECASE,
)
_IDENTITY_VERB = re.compile(
    r"^[^.;]{0,60}?\b(?:belonged\s+to|belong\s+to|belongs\s+to|(?:were|was|had\s+been|"
    r"have\s+been)\s+identified\s+as|(?:are|were|is|was)\s+(?:believed|suspected|thought|said)"
    r"\s+to\s+(?:be|have\s+been)|(?:were|was|are|is)\s+(?:all\s+)?members\s+of|"
    r"(?:was|is)\s+a\s+member\s+of)\s+(?:members\s+of\s+)?",
    re.IGNORECASE,
)
_PLAIN_BE = re.compile(r"^\s*(?:were|are|was|is)\s+(?:all\s+|mostly\s+)?", re.IGNORECASE)
MATE_CHARS = 200  # triggers this close tell one event, however the sentences split
GLOSS_CHARS = 45  # a bracketed gloss the sentence splitter cut off


class ActorStage(Stage):
    name = "actors"
    reads = ("doc", "sentences", "parses", "incidents")
    writes = ("incidents.actor1", "incidents.actor2", "incidents.responsibility")

    def process_one(self, item: Analysis) -> None:
        if not item.incidents:
            return
        lex = lexicon()
        fallback_country = article_country(item, lex)
        for incident in item.incidents:
            country = incident_country(item, incident) or fallback_country
            fill_actors(item, incident, lex, country)
        _share_perpetrators(item)
        assign_responsibility(item)
        for incident in item.incidents:
            country = incident_country(item, incident) or fallback_country
            local = _local_group(incident.actor1, country, item.article.published)
            if local is not incident.actor1 and local is not None:
                incident.actor1 = local
                note = incident.notes.get("actor1", "")
                incident.notes["actor1"] = f"{note}; the description names {local.name} there"


def _local_group(actor: Actor | None, country: str | None, day: Any) -> Actor | None:
    """An unidentified group whose description names one group where and when it acts
    ("suspected Islamist insurgents" in Nigeria before 2016: Boko Haram)."""
    if actor is None or not actor.name.startswith("Unidentified Armed Group"):
        return actor
    entry = local_group(actor.mention or "", actor.country or country, day)
    if entry is None:
        return actor
    return Actor(entry.name, actor.mention, entry.type, entry.country or actor.country)


_VIOLENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")
_DEFAULTED = "no perpetrator named"
_FORCE = "Excessive force against protesters"


def _share_perpetrators(item: Analysis) -> None:
    """ "Nine people were killed in an attack by a clan militia": the toll verb and the
    attack noun are two mentions of one violent event (consolidation merges them later),
    so a mention left with no perpetrator takes the one its sentence-mate names. Only
    in a wire lead: a long article's sentence also cites other, older attacks."""
    if len(item.sentences) > SHORT_STORY:
        return
    for incident in item.incidents:
        if incident.event_type not in _VIOLENT_TYPES:
            continue
        if not incident.notes.get("actor1", "").startswith(_DEFAULTED):
            _named_by_later_mention(item, incident)
            continue
        mates = [
            other
            for other in item.incidents
            if other is not incident
            and (other.event_type in _VIOLENT_TYPES or other.sub_event_type == _FORCE)
            and _sentence_mates(item, other, incident)
            and other.actor1 is not None
            and not other.notes.get("actor1", "").startswith(_DEFAULTED)
            and not _same_party(other.actor1, incident.actor2)
        ]
        if mates:
            mate = min(mates, key=lambda o: abs(o.trigger.start - incident.trigger.start))
            # "killed when police opened fire on protesters": the force's user, not the
            # protesters ACLED puts first in the excessive-force event
            incident.actor1 = force_user(mate) if mate.sub_event_type == _FORCE else mate.actor1
            incident.notes["actor1"] = (
                f"the perpetrator of {mate.trigger.text!r} in the same sentence"
            )


def _named_by_later_mention(item: Analysis, incident: Incident) -> None:
    """ "Gunmen killed 100 people ... Police confirmed the raids by Fulani herdsmen": a
    later "the raids" is the same event, and the group it names is who the gunmen were."""
    actor = incident.actor1
    if actor is None or not actor.name.startswith("Unidentified") or not incident.sentences:
        return
    text = item.article.text
    for other in item.incidents:
        named = other.actor1
        if other is incident or named is None or named.name.startswith("Unidentified"):
            continue
        if named.type not in ("rebel group", "political militia", "identity militia"):
            continue
        later = min(other.sentences or [-1]) == max(incident.sentences) + 1
        back = re.search(
            r"(?i)\b(?:the|this|these|those)\s+$",
            text[max(0, other.trigger.start - 8) : other.trigger.start],
        )
        if later and back and other.event_type in _VIOLENT_TYPES:
            incident.actor1 = named
            incident.notes["actor1"] = f"the group {other.trigger.text!r} (the same event) names"
            return


def _sentence_mates(item: Analysis, one: Incident, two: Incident) -> bool:
    """Told in the same sentence or the next one."""
    if set(one.sentences) & set(two.sentences):
        return True
    if abs(one.trigger.start - two.trigger.start) <= MATE_CHARS:
        return True  # "[26 December]" or "[northeastern DRCongo]" split the sentence
    return any(abs(a - b) == 1 for a in one.sentences for b in two.sentences)


def _same_party(one: Actor | None, two: Actor | None) -> bool:
    return one is not None and two is not None and one.name == two.name


def fill_actors(item: Analysis, incident: Incident, lex: Lexicon, country: str | None) -> None:
    """Set actor1/actor2 of one incident (and explain the choice in its notes)."""
    index = item.sentence_of(incident.trigger.start)
    sdoc = item.parses.get(index)
    sentence = item.sentences[index] if index >= 0 else None
    actor1 = actor2 = None
    how = "no parse"
    if sdoc is not None and sentence is not None:
        trig = trigger_token(
            sdoc, incident.trigger.start - sentence.start, incident.trigger.end - sentence.start
        )
        if trig is not None and _actor_noun(trig, lex):
            actor1 = phrase_actor(trig, lex, country, perpetrator=True)
            how = "the trigger names the perpetrator"
        if trig is not None and actor1 is None:
            roles = find_roles(trig)
            how = roles.how
            actor1 = _perpetrator(item, roles.agent, sentence.start, lex, country)
            if roles.how == "name modifying the noun" and roles.agent is not None:
                actor1 = _modifier_and_noun(sdoc, roles.agent, trig, lex, country) or actor1
            if actor1 is None and incident.event_type in ("Protests", "Riots"):
                # "angry activists staged rallies": people who protest, not armed doers
                actor1 = phrase_actor(roles.agent, lex, country, perpetrator=False)
            actor2 = phrase_actor(roles.target, lex, country, perpetrator=False)
        if actor1 is None:
            foreign = _foreign(item, incident)
            if trig is not None:  # "killed following Tuesday's attack by X": the same event
                foreign -= {sentence.start + t.idx for t in trig.subtree}
            actor1, other, found = _sentence_perpetrator(
                item, sdoc, sentence.start, lex, country, foreign
            )
            faced = other is not None and other.type == "state forces"
            if faced and incident.event_type in ("Protests", "Riots"):
                actor2 = other  # "clashes between protesters and police": the force they faced
            else:
                actor2 = actor2 or other
            how = found or how
    if actor1 is None:
        actor1, found = _story_perpetrator(item, incident, lex, country)
        how = found or how
    if actor1 is None and sentence is not None:
        near = {c - sentence.start for c in _foreign(item, incident)}
        actor1 = _named_in_text(sentence.text, lex, country, near)
        how = "a group named in the sentence, not as a target" if actor1 else how
    loose_search = how in ("no parse", "verb", "noun") or incident.event_type in _VIOLENT_TYPES
    if actor1 is None and sentence is not None and loose_search:
        actor1 = _nearby_actor(sentence.text, incident.trigger.start - sentence.start, lex, country)
        if actor1 is not None:
            how = "nearest actor named before the trigger"
    if actor1 is None and sentence is not None:
        tail = item.article.text[sentence.start : sentence.end + GLOSS_CHARS]  # "[gloss]" split off
        actor1 = _by_words(tail, incident.trigger.end - sentence.start, lex, country)
        how = "a 'by' phrase after the trigger (read from the words)" if actor1 else how
    if actor1 is None:
        actor1, how = _default_actor(incident, lex, country, how)
        kind = _kind_of_violence(item, incident) if actor1 is not None else None
        if kind is not None and actor1 is not None and actor1.name.startswith("Unidentified"):
            actor1 = Actor(actor1.name, kind[0], kind[1], actor1.country)
            how = "the kind of violence the text names (no group named)"
    if sentence is not None:
        actor1, actor2 = _bomb_layer(sentence.text, actor1, actor2, lex, country)
    if sdoc is not None and "territory" in incident.sub_event_type:
        actor1, actor2 = _seizer(sdoc, incident, actor1, actor2, lex, country)
    actor1 = _as_demonstrators(incident, actor1, lex, country)
    actor1, actor2 = _demonstrators_first(item, incident, actor1, actor2, lex, country)
    if sentence is not None and actor1 is not None and actor1.name.startswith("Unidentified"):
        unsaid = not actor1.mention  # "killed when men suspected to be rustlers invaded"
        actor1 = _suspected_group(sentence.text, lex, country, generic=unsaid) or actor1
    if (
        actor1 is not None
        and actor1.name.startswith("Unidentified")
        and not _UNKNOWN_DOER.search(actor1.mention or "")
    ):
        found_group = _lead_group(item, incident, lex, country)
        if found_group is not None:
            actor1, how = found_group, "the armed group a wire lead names, not as a target"
    if actor1 is not None and actor1.name.startswith("Unidentified"):
        named_later = _identified_doers(item, incident, lex, country)
        if named_later is not None:
            actor1, how = named_later, "the doers as a later sentence identifies them"
    if actor2 is None and sdoc is not None and sentence is not None:
        actor2 = _sentence_victim(sdoc, sentence.start, lex, country, _foreign(item, incident))
    if actor2 is None and sdoc is not None and incident.event_type in ("Protests", "Riots"):
        actor2 = _protest_target(sdoc, lex, country)
    actor1, actor2 = _two_states(incident, actor1, actor2, lex)
    actor1 = _communal_militia(actor1, lex, country)
    actor2 = _communal_militia(actor2, lex, country, victim=True)
    if actor1 and actor2 and actor1.name == actor2.name and actor1.mention == actor2.mention:
        actor2 = None
    incident.actor1, incident.actor2 = actor1, actor2
    incident.notes["actor1"] = f"{how}; country context {country or 'unknown'}"


_SUSPECTED_COMMUNITY = re.compile(
    r"\s*(?:(?:an?|the)\s+)?(?:(?:[A-Z][\w'-]+|armed)\s+){0,3}"
    r"(?i:herders|herdsmen|raiders|cattle raiders|nomads|pastoralists|grazers)\b"
)


_WITHDRAWN |= {"abandoned", "fled", "evacuated"}


def _sentence_victim(
    sdoc: Any, base: int, lex: Lexicon, country: str | None, foreign: set[int]
) -> Actor | None:
    """The people a violent verb of the sentence acts on ("killed one U.S. soldier",
    "three Iraqi civilians have been killed")."""
    for verb in sdoc:
        if verb.lemma_.lower() not in _VICTIM_VERBS or base + verb.idx in foreign:
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        role = "nsubjpass" if passive else "dobj"
        victim = next((c for c in verb.children if c.dep_ == role), None)
        actor = phrase_actor(victim, lex, country, perpetrator=False)
        if actor is not None:
            return actor
    return None


def _actor_noun(token: Any, lex: Lexicon) -> bool:
    """A trigger that names who did it: "the mob", "a suicide bomber", "gunmen"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    generic = lex.generics.get((token.lower_,))
    return (
        generic is not None
        and generic.role in ("perpetrator", "either")
        and generic.type not in ("state forces", "protesters")
    ) or token.lower_ in ("mob", "mobs", "rioters")


def _suspected_group(
    text: str, lex: Lexicon, country: str | None, generic: bool = False
) -> Actor | None:
    """An unnamed perpetrator the sentence links to a group ("an attack that bore the
    hallmarks of Boko Haram", "gunmen suspected to be herdsmen")."""
    for m in _SUSPECTED.finditer(text):
        if _VICTIM_MEMBERS.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "killing two members of the UN agency": victims, not doers
        # "blamed on Islamist fighters, said ... the UN": the group ends at the comma
        window = re.split(r"[.;,]", text[m.end() : m.end() + 110])[0]
        hits = lex.find(window)
        named = [x for x in hits if x.entry is not None]
        if named:
            return lex.actor(named[0], named[0].text, country)
        doers = [x for x in hits[:2] if x.generic is not None and x.generic.role == "perpetrator"]
        suspicion = m.group(0).lower().startswith(("suspected", "believed", "thought", "said"))
        herd = _SUSPECTED_COMMUNITY.match(window)
        if herd and suspicion:  # "armed men suspected to be (Pokot) herders"
            name = _generic_name(lex, "unidentified armed group", country)
            return Actor(name, herd.group(0).strip(), "identity militia", country)
        if generic and doers and suspicion:
            return _unnamed_group(lex, doers[0].text, country)  # "suspected to be cattle rustlers"
    return None


def _identified_doers(
    item: Analysis, incident: Incident, lex: Lexicon, country: str | None
) -> Actor | None:
    """ "The attackers belonged to the Grand Ravine gang", "the attackers were cattle
    rustlers", "two of the assailants were identified as students": who the unnamed
    doers turn out to be, in the incident's sentences or the two after them."""
    if not incident.sentences:
        return None
    first, last = min(incident.sentences), max(incident.sentences) + IDENTIFY_AFTER
    for index in range(first, min(last, len(item.sentences) - 1) + 1):
        for doers in _DOERS.finditer(item.sentences[index].text):
            tail = re.split(r"[.;:]", item.sentences[index].text[doers.end() : doers.end() + 160])[
                0
            ]
            found = _identity(tail, lex, country)
            if found is not None:
                return found
    return None


def _identity(tail: str, lex: Lexicon, country: str | None) -> Actor | None:
    """The group or description after "belonged to", "were identified as", "were"."""
    strong = _IDENTITY_VERB.search(tail)
    plain = _PLAIN_BE.match(tail)
    rest = tail[strong.end() :] if strong else tail[plain.end() :] if plain else None
    if not rest:
        return None
    who = re.split(
        r"\s*(?:,|\(|\bwho\b|\bwhich\b|\bafter\b|\bbefore\b|\bwhen\b|\band\s+(?:had|were|was|fled|escaped)\b)",
        rest,
    )[0]
    who = _DETERMINERS.sub("", who.strip())
    if not who or len(who.split()) > 8:
        return None
    hits = lex.find(who)
    for m in hits:
        if m.entry is not None:
            return lex.actor(m, m.text, country)
    doer = next((m for m in hits if m.generic is not None and m.generic.role != "victim"), None)
    if doer is not None:
        return lex.actor(doer, who, country)
    if strong is not None:
        return _unnamed_group(lex, who, country)  # "identified as students at madrassas"
    return None


def _lead_group(
    item: Analysis, incident: Incident, lex: Lexicon, country: str | None
) -> Actor | None:
    """In a wire lead (a short story), an unnamed perpetrator is the armed group the
    lead links to it ("suspected Boko Haram terrorists invaded ...", "Al-Shabaab
    fighters" in the next sentence), or else the one armed group it names, not as a
    target nor as the author of another incident."""
    if len(item.sentences) > SHORT_STORY:
        return None
    foreign = _foreign(item, incident)
    for sentence in item.sentences:
        found = _suspected_group(sentence.text, lex, country)
        if found is not None:
            return found
    for sentence in item.sentences:
        near = {c - sentence.start for c in foreign}
        found = _named_in_text(sentence.text, lex, country, near)
        if found is not None:
            return found
    return None


def _named_in_text(text: str, lex: Lexicon, country: str | None, foreign: set[int]) -> Actor | None:
    """When the parse finds nobody: the first armed group named in the sentence that
    is not written as a target ("criticised Boko Haram", "an offensive against ISWAP")
    nor as the author of another incident ("the October 7 attack by Hamas")."""
    for m in lex.find(text):
        entry = m.entry
        if entry is None or entry.type in ("state forces", "external/other forces"):
            continue
        if any(m.start - 40 <= c < m.start for c in foreign):
            continue
        before = re.sub(r"\([^()]{0,40}\)\s*", "", text[max(0, m.start - 60) : m.start])
        if _TARGET_CONTEXT.search(before[-30:]):
            continue  # "an attack on (mostly Muslim) herdsmen"
        if _HELD_BY.search(before):
            continue  # "a suicide bombing at a protest by Houthis"
        if _reports(text, m):
            continue  # "the Luhansk people's republic has reported that nine ... were killed"
        if _AFFILIATED_VICTIM.search(text[max(0, m.start - 50) : m.start]):
            continue  # "a journalist close to the Houthi militia was killed"
        if _VICTIM_AFTER.match(text[m.end : m.end + 50]):
            continue  # "seven herders were killed by camel thieves": the victims
        if _PLACE_AFTER.match(text[m.end : m.end + 20]):
            continue  # "in a herders' camp": a place named after them
        if re.match(r"-(?:linked|affiliated|allied|aligned|inspired|backed)\b", text[m.end :]):
            continue  # "Al-Qaeda-linked Abu Sayyaf militants": the next name is the group
        later = _called(text, m, lex)
        return lex.actor(later or m, (later or m).text, country)
    return None


_KIND_OF_VIOLENCE = re.compile(
    r"\b(?P<kind>inter-clan|intra-clan|clan|inter-tribal|tribal|inter-communal|communal|"
    r"inter-ethnic|ethnic|sectarian|religious|cult|gang|cattle|factional|rival\s+gangs?)\s+"
    r"(?:[\w-]+\s+)?(?:clash(?:es)?|fighting|violence|feuds?|brawls?|raids?|warfare|war|"
    r"skirmish(?:es)?|hostilities|battles?|rustling)\b"
    r"|\bpitting\s+(?P<sides>(?:two|rival|the)\s+(?:rival\s+)?[\w-]+)",
    re.IGNORECASE,
)
_IDENTITY_KINDS = ("clan", "tribal", "communal", "ethnic", "sectarian", "religious")


def _kind_of_violence(item: Analysis, incident: Incident) -> tuple[str, str] | None:
    """ "clan clashes", "a cattle raid", "a gang brawl", "skirmishes pitting two
    communities": no group is named, but the text says what kind of group fought;
    the words become the mention of the unidentified armed group (with its type)."""
    order = list(incident.sentences)
    if len(item.sentences) <= SHORT_STORY and len(item.incidents) == 1:
        order += [i for i in range(len(item.sentences)) if i not in order]  # a wire lead
    for index in order:
        if not 0 <= index < len(item.sentences):
            continue
        m = _KIND_OF_VIOLENCE.search(item.sentences[index].text)
        if m is None:
            continue
        kind = (m.group("kind") or m.group("sides") or "").lower()
        identity = any(k in kind for k in _IDENTITY_KINDS) or "communit" in kind
        words = m.group(0) if m.group("kind") else m.group("sides")
        return words, "identity militia" if identity else "political militia"
    return None


_PLACE_AFTER = re.compile(
    r"^['’]?\s+(?:camp|camps|settlement|settlements|village|villages|community|hamlet|market|"
    r"enclave|quarter|district)\b",
    re.IGNORECASE,
)
_CALLED = re.compile(
    r"^\s*(?:(?:group|faction|splinter\s+group|wing|branch|offshoot)\s+)?(?:called|named|"
    r"known\s+as|dubbed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _called(text: str, m: Match, lex: Lexicon) -> Match | None:
    """ "a breakaway faction of the Pakistani Taliban called Jamaat-ul-Ahrar": the group
    named after "called" is the actor, the first only describes it."""
    tail = text[m.end : m.end + 120]
    for later in lex.find(tail):
        if later.entry is not None and _CALLED.match(tail[: later.start]):
            return Match(m.end + later.start, m.end + later.end, later.text, entry=later.entry)
        break
    return None


def _default_actor(
    incident: Incident, lex: Lexicon, country: str | None, how: str
) -> tuple[Actor | None, str]:
    """Nobody named: protesters for a protest, an unidentified armed group for an
    attack or an explosion (ACLED's convention), else nobody."""
    if incident.sub_event_type == "Excessive force against protesters":
        name = _generic_name(lex, "police", country)
        return Actor(name, "", "state forces", country), "force against protesters: police"
    if incident.event_type == "Protests":
        name = _generic_name(lex, "protesters", country)
        return Actor(name, "", "protesters", country), "protest with no named protesters"
    if incident.event_type == "Riots":
        name = _generic_name(lex, "rioters", country)
        return Actor(name, "", "rioters", country), "riot with no named rioters"
    if incident.event_type in _UNNAMED_DEFAULT or incident.sub_event_type in _UNNAMED_SUBS:
        name = _generic_name(lex, "unidentified armed group", country)
        actor = Actor(name, "", "political militia", country)
        return actor, "no perpetrator named: unidentified armed group"
    return None, how


def _quoted(sdoc: Any, tok: Any) -> bool:
    """True when `tok` stands inside quotation marks in its sentence."""
    before = sdoc.text[: tok.idx]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1


def _spree(verb: Any) -> bool:
    """ "went on a shooting spree", "went on the rampage"."""
    if verb.lemma_.lower() != "go":
        return False
    for prep in verb.children:
        obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "on" else None
        if obj is not None and obj.lemma_.lower() in _SPREES:
            return True
    return False


def _foreign(item: Analysis, incident: Incident) -> set[int]:
    """Character offsets of the other incidents' triggers: their actors are not ours."""
    out: set[int] = set()
    for other in item.incidents:
        if other is not incident:
            out.update(range(other.trigger.start, other.trigger.end))
    return out


def _sentence_perpetrator(
    item: Analysis,
    sdoc: Any,
    base: int,
    lex: Lexicon,
    country: str | None,
    foreign: frozenset[int] | set[int] = frozenset(),
) -> tuple[Actor | None, Actor | None, str]:
    """When the trigger itself names nobody ("five people were killed when gunmen
    attacked"): the first side of a clash "between X and Y", the subject of a violent
    verb elsewhere in the sentence, or a "by" phrase ("an ambush by armed gangsters")."""
    vague: Actor | None = None
    communal = _COMMUNAL_CLASH.search(sdoc.text) is not None
    for tok in sdoc:
        if _between(tok):
            first = _named_pair(_pobj(tok) if tok.dep_ == "prep" else _dobj(tok))
            second = next((c for c in first.children if c.dep_ == "conj"), None) if first else None
            if first is not None:
                fought = communal and tok.head.lemma_.lower() in _FOUGHT
                one = _side(first, lex, country, fought)
                two = _side(second, lex, country, fought) if second is not None else None
                if one is None:
                    continue
                if _vague_side(one):  # "between rival factions": maybe named elsewhere
                    said = "" if (one.mention or "-").endswith("-") else one.mention or ""
                    vague = vague or _unnamed_group(lex, said, one.country or country)
                    continue
                if one.type == "civilians" and two is not None and two.type != "civilians":
                    # "clashes between farmers and cattle grazers": the armed side did it
                    return two, one, "armed side of a clash 'between X and Y'"
                return one, two, "first side of a clash 'between X and Y'"
    other_side = _clash_with(sdoc, base, lex, country, foreign)
    generic: tuple[Actor, str] | None = None
    for tok in sdoc:
        verb = tok.head
        lemma = verb.lemma_.lower()
        conj_violent = any(
            c.dep_ == "conj" and c.lemma_.lower() in _VIOLENT_VERBS for c in verb.children
        )  # "three gangsters approached him and killed him"
        fights = any(
            c.dep_ == "dobj" and c.lemma_.lower() in (_CLASHES | {"clashes", "hostility"})
            for c in verb.children
        )  # "the tribes have resumed clashes"
        violent = lemma in _VIOLENT_VERBS or _spree(verb) or conj_violent or fights
        if lemma in _REPORTING_VERBS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _NOT_VIOLENT_OBJECTS for c in verb.children
        ):
            continue  # "police say a gang killed", "police launched an investigation"
        active = tok.dep_ in _SUBJECTS and violent
        if active and lemma in _NEEDS_OBJECT and not any(c.dep_ == "dobj" for c in verb.children):
            continue
        by = tok.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ in ("agent", "prep")
        by = by and verb.head.lemma_.lower() not in _NOT_DOING  # "reports received by the UN"
        if not (active or by):
            continue
        if base + (verb.head.idx if by else verb.idx) in foreign:
            continue  # the perpetrator of another incident of the article
        if by and _quoted(sdoc, tok):
            continue  # "the attacks were initiated by X," said Y: a blame, not a fact
        actor = _perpetrator(item, tok, base, lex, country)
        if actor is None and active and (lemma in ("clash", "fight") or fights):
            actor = _side(tok, lex, country)  # "villagers clashed with workers": a side
        if actor is None:
            continue
        how = f"perpetrator of {verb.head.text if by else verb.text!r}"
        if not actor.name.startswith("Unidentified"):
            return actor, None, how  # "a grenade fired by Taliban fighters during a battle"
        generic = generic or (actor, how)
    if other_side is not None:
        return other_side, None, "the other side of a clash 'with X'"
    if generic is not None:
        return generic[0], None, generic[1]
    found = _attack_noun_author(item, sdoc, base, lex, country, foreign)
    if found[0] is None and vague is not None:
        return vague, None, "unnamed sides of a clash 'between X and Y'"
    return found


def _clash_with(
    sdoc: Any, base: int, lex: Lexicon, country: str | None, foreign: frozenset[int] | set[int]
) -> Actor | None:
    """ "killed in clashes with security forces": the side a clash noun is fought with
    (the victims were on the other side)."""
    for tok in sdoc:
        if tok.lemma_.lower() in _CLASHES and tok.pos_ == "NOUN" and base + tok.idx not in foreign:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            other = _pobj(prep) if prep is not None else None
            side = _side(other, lex, country) if other is not None else None
            if side is not None and not _vague_side(side) and side.type != "civilians":
                return side
    return None


def _attack_noun_author(
    item: Analysis,
    sdoc: Any,
    base: int,
    lex: Lexicon,
    country: str | None,
    foreign: frozenset[int] | set[int],
) -> tuple[Actor | None, Actor | None, str]:
    """ "killed due to the Iraqi army's aerial bombardment", "in a government air
    strike", "in Egyptian strikes": the author an attack noun of the sentence names by
    its possessor, its modifier or its "by" phrase. Only in a wire lead: a long
    article's sentence also names older attacks ("since Israel's offensive")."""
    if len(item.sentences) > SHORT_STORY:
        return None, None, ""
    for tok in sdoc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _ATTACK_NOUNS:
            continue
        if base + tok.idx in foreign:
            continue
        agent = _noun_roles(tok).agent
        if agent is None:
            continue
        actor = _perpetrator(item, agent, base, lex, country)
        if actor is not None:
            return actor, None, f"author of {tok.text!r}"
    return None, None, ""


_VAGUE_WORDS = {
    "rival",
    "rivals",
    "ethnic",
    "group",
    "groups",
    "faction",
    "factions",
    "community",
    "communities",
    "two",
    "tribes",
    "tribal",
    "clan",
    "clans",
    "side",
    "sides",
    "party",
    "parties",
    "political",
    "armed",
    "the",
    "both",
    "various",
    "different",
    "several",
    "neighbouring",
    "neighboring",
    "militant",
    "gangs",
    "supporters",
}


def _vague_side(actor: Actor) -> bool:
    """A side that only says there were sides ("rival factions", "two communities",
    "pro-"), not who they were."""
    mention = (actor.mention or "").strip()
    if not mention or (actor.name != mention and not actor.name.startswith("Unidentified")):
        return False
    if mention.endswith("-"):
        return True
    words = re.findall(r"[\w-]+", mention.lower())
    return bool(words) and all(w in _VAGUE_WORDS for w in words)


_PLACE_NOUNS = {
    "border",
    "boundary",
    "road",
    "highway",
    "route",
    "area",
    "areas",
    "region",
    "towns",
    "villages",
    "districts",
    "provinces",
    "counties",
    "states",
    "frontier",
    "line",
    "way",
    "distance",
    "stretch",
    "corridor",
}


def _place_between(tok: Any) -> bool:
    """ "on the border between Shabwa and Marib provinces": a place, not two sides."""
    return tok.head.lower_ in _PLACE_NOUNS


def _between(tok: Any) -> bool:
    """ "clashes between X and Y" (not "the road between X and Y"), "a clash involving
    the X and Y clans": the word that introduces the two sides."""
    if tok.lower_ == "between" and tok.dep_ == "prep":
        return not _place_between(tok)
    return tok.lower_ == "involving" and tok.dep_ == "acl" and tok.head.lemma_.lower() in _CLASHES


# a clash between communities: the tagger takes their names for places ("between
# Kabawa and the Jukun tribes", "fighting between Ma'aliya and Rizeigat" among tribesmen)
_COMMUNAL_CLASH = re.compile(
    r"(?i)\b(?:tribes?|tribesmen|tribal|clans?|clansmen|ethnic|communal|communities|"
    r"community|inter-communal|inter-clan|inter-tribal|inter-ethnic)\b"
)

# what a clash between two communities is called ("a dispute between X and Y" is none)
_FOUGHT = _CLASHES | {
    "clashes",
    "violence",
    "hostility",
    "hostilities",
    "war",
    "feud",
    "conflict",
    "erupt",
    "break",
    "skirmish",
    "crisis",
    "riot",
    "involve",
}


def _side(head: Any, lex: Lexicon, country: str | None, communal: bool = False) -> Actor | None:
    """One side of a clash: a named actor in its phrase, else the phrase itself when it
    names people (not a place, a date or a region; in a communal clash a name the
    tagger took for a place is the community, unless it is a country)."""
    sub = head.doc[head.left_edge.i : _hyphen_end(head, head.right_edge.i + 1)]
    conj = next((c for c in head.children if c.dep_ == "conj"), None)
    if conj is not None:
        sub = head.doc[head.left_edge.i : conj.left_edge.i]
    named = [m for m in lex.find(sub.text) if m.entry is not None]
    if named:
        return lex.actor(named[0], named[0].text, country)
    community = communal and head.pos_ == "PROPN" and not any(m.country for m in lex.find(sub.text))
    placed = head.ent_type_ in ("GPE", "LOC", "FAC") and not community
    if placed or head.ent_type_ in _NOT_ACTOR_ENTS or len(head.text) < 3:
        return None
    if head.lower_ in _REGION_WORDS:
        return None
    actor = phrase_actor(head, lex, country, perpetrator=True, loose=True)
    if community and actor is not None and actor.type is None and actor.mention[:1].isupper():
        place = lex.country_name(country)  # "Kabawa": ACLED's "Kabawa Ethnic Militia (Nigeria)"
        name = f"{actor.mention} Ethnic Militia" + (f" ({place})" if place else "")
        return Actor(name, actor.mention, "identity militia", country)
    return actor


_TWO_STATES = re.compile(
    r"^(?:the\s+)?(?P<one>[A-Z][\w-]+)\s+and\s+(?P<two>[A-Z][\w-]+)\s+(?:[\w-]+\s+)?"
    r"(?:forces|troops|soldiers|armies|militaries|guards|police|security\s+forces)$"
)


def _two_states(
    incident: Incident, actor1: Actor | None, actor2: Actor | None, lex: Lexicon
) -> tuple[Actor | None, Actor | None]:
    """ "Afghan and Pakistani border forces exchanged fire": two states' forces in one
    phrase are the two sides of the clash, the first one's forces actor1."""
    m = _TWO_STATES.match(actor1.mention or "") if actor1 is not None else None
    if m is None:
        return actor1, actor2
    one = [h.country for h in lex.find(m["one"]) if h.country]
    two = [h.country for h in lex.find(m["two"]) if h.country]
    if len(one) != 1 or len(two) != 1 or one[0] == two[0]:
        return actor1, actor2
    first = _country_actor(lex, one[0], m["one"], perpetrator=True)
    second = _country_actor(lex, two[0], m["two"], perpetrator=True)
    if incident.event_type == "Battles" or actor2 is None:
        return first, second
    return first, actor2


def _modifier_and_noun(
    sdoc: Any, modifier: Any, noun: Any, lex: Lexicon, country: str | None
) -> Actor | None:
    """ "An Antonov aircraft dropped bombs": the modifier and its noun together name
    the actor ("Antonov aircraft": Sudan's air force), not the modifier alone."""
    lo, hi = min(modifier.i, noun.i), max(modifier.i, noun.i) + 1
    whole = [m for m in lex.find(sdoc[lo:hi].text) if m.entry is not None]
    return lex.actor(whole[0], whole[0].text, country) if whole else None


def _named_pair(first: Any) -> Any:
    """ "between two Arab tribes, the Maaliya and Rezeigat": the count only announces
    the two sides, which the names after it give."""
    if first is None or not any(c.dep_ == "nummod" and c.lower_ == "two" for c in first.children):
        return first
    names = [c for c in first.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"]
    return names[0] if names else first


def _hyphen_end(head: Any, end: int) -> int:
    """ "between Anti-Balaka and ...": a name the parser cut at its hyphen into three
    sibling tokens runs on to the word after the hyphen."""
    doc = head.doc
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _story_perpetrator(
    item: Analysis, incident: Incident, lex: Lexicon, country: str | None
) -> tuple[Actor | None, str]:
    """Still nobody: the same search over the incident's other sentences and, in a short
    story that reports only this incident, the sentences around it."""
    owned = {s for other in item.incidents if other is not incident for s in other.sentences}
    order = list(incident.sentences)
    if len(item.incidents) == 1 and len(item.sentences) <= SHORT_STORY:
        order += [i for i in range(len(item.sentences)) if i not in order]
    for index in order:
        sdoc = item.parses.get(index)
        if sdoc is None or (index in owned and index not in incident.sentences):
            continue
        base = item.sentences[index].start
        foreign = _foreign(item, incident)
        actor, _, how = _sentence_perpetrator(item, sdoc, base, lex, country, foreign)
        if actor is not None:
            return actor, f"{how} (sentence {index})"
    return None, ""


def _perpetrator(
    item: Analysis, head: Any, base: int, lex: Lexicon, country: str | None
) -> Actor | None:
    """The actor a perpetrator phrase names; "the insurgents" or "the group" is the
    named group mentioned before it, when there is one."""
    if head is None:
        return None
    actor = phrase_actor(head, lex, country, perpetrator=True)
    if actor is not None and actor.type is None and _a_place(item, head, base):
        return None  # "upazila of Comilla setting off a fire": the parser's subject is a town
    if actor is None or actor.name.startswith("Unidentified"):
        return _antecedent(item, head, base, lex, country) or actor
    return actor


_LOCATIVES = {"in", "at", "near", "of", "outside", "inside", "from", "around"}


def _a_place(item: Analysis, head: Any, base: int) -> bool:
    """The name is a place the place stage resolved and the text writes it as one ("of
    Comilla", "in Jos"), not a community that shares its name ("a raid by Turkana")."""
    lo, _ = phrase_span(head)
    if lo == 0 or head.doc[lo - 1].lower_ not in _LOCATIVES:
        return False
    at = base + head.idx
    return any(
        p.start is not None and p.end is not None and p.start <= at < p.end for p in item.places
    )


def _antecedent(
    item: Analysis, head: Any, base: int, lex: Lexicon, country: str | None
) -> Actor | None:
    """ "the Palestinian group" -> the closest named group before it (of that country)."""
    lo, hi = phrase_span(head)
    core = head.doc[lo:hi]
    if not _DESCRIPTION.match(core.text.strip()):
        return None
    wanted = next((m.country for m in lex.find(core.text) if m.country), None)
    start = base + core[0].idx
    text = item.article.text[max(0, start - ANAPHORA_WINDOW) : start]
    for m in reversed(lex.find(text)):
        entry = m.entry
        if (
            entry is not None
            and entry.type != "state forces"
            and (wanted is None or entry.country == wanted)
        ):
            return Actor(entry.name, core.text.strip(), entry.type, entry.country or country)
    return None


def incident_country(item: Analysis, incident: Incident) -> str | None:
    """The country of the places named in the incident's sentences (most named), else
    of the country words there ("Malian soldiers")."""
    spans = [item.sentences[i] for i in incident.sentences if 0 <= i < len(item.sentences)]
    counts: Counter[str] = Counter()
    trigger = incident.trigger.start
    for place in item.places:
        start = place.start
        if place.country and start is not None and any(s.start <= start < s.end for s in spans):
            # a named town outweighs a country word; the place nearest the trigger counts most
            weight = 4 if place.feature != "country" else 2
            counts[place.country] += weight * 10_000 // (100 + abs(start - trigger))
    if not counts:
        lex = lexicon()
        for span in spans:
            for m in lex.find(span.text):
                country = m.country or (m.entry.country if m.entry else None)
                if country:
                    counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def article_country(item: Analysis, lex: Lexicon) -> str | None:
    """The article's main country: most places resolved there, else most country words."""
    counts: Counter[str] = Counter(p.country for p in item.places if p.country)
    if not counts:
        for m in lex.find(item.article.text[:20_000]):
            if m.country:
                counts[m.country] += 1
    return counts.most_common(1)[0][0] if counts else None
