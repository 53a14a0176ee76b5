"""Responsibility: claimed, attributed, explicitly unclaimed, or unknown.

Read from the incident's sentences and the three after it, because wire copy states
the claim apart from the event ("There was no immediate claim of responsibility.").
A cue in a sentence that no incident owns goes to the closest incident before it;
"the attack(s)" there refers back to that incident. Precedence (CONTRACT.md): claimed >
attributed > unclaimed > unknown, and the `unclaimed` flag stays set whatever wins.
A state announcing its own strike, raid or arrest counts as a claim (CODEBOOK.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.knowledge.actors import lexicon
from sitroom.knowledge.reporting import reported_by
from sitroom.model import Actor, Analysis, Incident, Responsibility

_STATE_ACTIONS = ("Air/drone strike", "Arrests", "Armed clash", "Government regains territory")
_OBJECT_STEMS = {
    "murder": ("murder", "kill", "assassin", "shot", "shoot"),
    "murders": ("murder", "kill", "assassin", "shot", "shoot"),
    "killing": ("murder", "kill", "assassin", "shot", "shoot"),
    "killings": ("murder", "kill", "assassin", "shot", "shoot"),
    "assassination": ("murder", "kill", "assassin", "shot", "shoot"),
    "kidnapping": ("kidnap", "abduct", "hostage", "seiz"),
    "kidnappings": ("kidnap", "abduct", "hostage", "seiz"),
    "abduction": ("kidnap", "abduct", "hostage", "seiz"),
    "bombing": ("bomb", "explo", "blast", "detonat", "car bomb"),
    "bombings": ("bomb", "explo", "blast", "detonat", "car bomb"),
    "explosion": ("bomb", "explo", "blast", "detonat"),
    "blast": ("bomb", "explo", "blast", "detonat"),
    "attack": ("attack", "assault", "raid", "ambush", "bomb", "explo"),
    "attacks": ("attack", "assault", "raid", "ambush", "bomb", "explo"),
}
_FIRST_PERSON = re.compile(
    r"\b(?:we|our\s+(?:[A-Z]+\s+)?(?:\[[^\]]{1,80}\]\s+)?(?:forces|units|fighters|battalions|troops|combatants|"
    r"guerrillas|men|comrades|mujahideen|brothers|militants|soldiers))\s+(?:have\s+|had\s+)?"
    r"(?:carried out|attacked|killed|ambushed|launched|destroyed|targeted|struck|shot down|"
    r"kidnapped|executed|seized|taken over|took over|took|downed|overran|captured|"
    r"neutrali[sz]ed)\b",
    re.IGNORECASE,
)
# "it was neutralized by our ambushes": the speaker's side as the agent of a passive
# (not a care or transport verb: "the wounded were taken by our troops to hospital")
_FIRST_PERSON_AGENT = re.compile(
    r"\b(?:was|were|been)\s+(?!(?:taken|carried|brought|evacuated|moved|transferred|rescued|"
    r"treated|helped|escorted|assisted|received|welcomed|released|freed)\b)(?:\w+ed|\w+en)\s+"
    r"(?:\w+\s+)?by\s+our\s+(?:ambush|ambushes|units|"
    r"forces|fighters|combatants|guerrillas|troops|comrades|fire|battalions|attack|attacks)\b",
    re.IGNORECASE,
)
# "persons who identified themselves as FMLN members kidnapped ...": the doers name
# their own group, which is a claim by them (MUC-4 codes it CLAIMED OR ADMITTED)
_SELF_NAMED = re.compile(
    r"\b(?:identified\s+themselves\s+as|identifying\s+themselves\s+as|introduced\s+themselves"
    r"\s+as|claimed\s+to\s+(?:belong\s+to|be)|claiming\s+to\s+(?:belong\s+to|be)|said\s+they"
    r"\s+(?:belonged\s+to|were))\s+(?:members\s+of\s+|fighters\s+of\s+|from\s+)?"
    r"(?P<who>[^,.;:“”\"\n]{2,80}?)(?=[,.;:]|\s+(?:members|fighters|militants|group|and|but|who|"
    r"kidnapped|abducted|attacked|killed|took|seized)\b|$)",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"\bresponsibility\b(?:\s+(?!for\b|of\b)[\w-]+){0,4}?\s+(?:for|of)\s+"
    r"(?:(?:two|three|both|all|some|one|several|most|each)\s+(?:of\s+)?)?"
    r"(?:the\s+|this\s+|these\s+|that\s+|those\s+)?(?:\w+\s+)?"
    r"(attacks?|bombings?|blasts?|explosions?|killings?|kidnappings?|abductions?|murders?|"
    r"assassinations?)\b|\bresponsibility\s+(?:for|of)\s+(?:the\s+|this\s+|these\s+)?(\w+)",
    re.I,
)
_PLURAL_OBJECT = re.compile(
    r"\bresponsibility\b[^.;]{0,40}?\b(?:for|of)\s+(?:the\s+|these\s+|both\s+|all\s+)?"
    r"(?:(?:murders|killings|attacks|bombings|kidnappings|abductions|assassinations)\b|"
    r"(?:murder|killing|kidnapping|abduction|assassination)\s+of\s+(?:two|three|four|five|six|"
    r"both|several|\d+)\b)",
    re.IGNORECASE,
)
WINDOW = 3  # sentences after an incident's own that may state its claim
LEAD_BLAME_GAP = 1  # a blame this many sentences before the first incident is about it

_WHO = r"(?P<who>[^,.;:“”\"\n]{2,80}?)"
_TAKE = r"(?:claimed|claims|claiming|assumed|took|taken|accepted|admitted|claim)"
_CLAIM_ACTIVE = re.compile(
    rf"(?:^|[,.;“”\"]\s*|\b(?:and|but|while|after)\s+){_WHO},?\s+"
    r"(?:has\s+|have\s+|had\s+|later\s+|quickly\s+)*"
    rf"{_TAKE}\s+(?:the\s+)?(?:full\s+)?(?:responsibility|credit)\b",
    re.IGNORECASE,
)
_CLAIM_PASSIVE = re.compile(
    rf"\b(?:responsibility|attack|attacks|bombing|blast|killing|assault|raid)\b[^.;]{{0,40}}?"
    rf"(?:\b(?:was|were|has been|have been)\s+|\s)claimed\s+by\s+{_WHO}"
    r"(?=[,.;]|\s+(?:in|on|which|who|killing|and)\b|$)",
    re.IGNORECASE,
)
_CLAIM_SAID_IT = re.compile(
    rf"{_WHO}\s+(?:said|says|announced|stated|assured|asserted|boasted|reported)\s+"
    r"(?:today\s+|yesterday\s+|on\s+\w+day\s+)?(?:(?:in|on|via|through)\s+[^,.;]{0,50}?\s+)?"
    r"(?:that\s+)?"
    r"(?:it|its fighters|its militants|its men|its forces|its units|they)\s+(?:had\s+|have\s+)?"
    r"[\"“]?(?:(?P<held>consolidated|occupied|seized|captured|overran)|"
    r"carried out|launched|staged|killed|attacked|targeted|detonated|fired|executed|"
    r"ambushed|destroyed|shot down|downed|kidnapped|abducted)\b",
    re.IGNORECASE,
)
# "The gang's leader boasted of the raid": the doers' own boast is a claim
_BOASTED = re.compile(
    r"(?:^|[,.;]\s*)(?:the\s+)?(?P<who>[^,.;:“”\"\n]{2,60}?)(?:['’]s?\s+(?:leader|commander|"
    r"chief|boss|spokesman|spokesperson))?\s+(?:boasted|bragged|gloated)\s+(?:of|about|over)\s+"
    r"(?:the|its|their|his|this|that)\s+(?:[\w-]+\s+)?(?:raid|attack|killings?|massacre|"
    r"ambush|bombing|abduction|kidnapping|assault|operation)\b",
    re.IGNORECASE,
)
# "in a strike Tehran said targeted an Israeli spy centre": a state describing its own strike
_STATE_SAID_OWN = re.compile(
    r"\b(?:strikes?|air\s+strikes?|airstrikes?|raids?|operations?|attacks?|missile\s+attacks?)\s+"
    r"(?:that\s+|which\s+)?(?P<who>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:said|says|claimed)\s+"
    r"(?:had\s+|was\s+|were\s+)?(?:targeted|hit|struck|destroyed|killed|aimed)\b"
)
_CLAIMED_TO_HAVE = re.compile(
    rf"{_WHO}\s+(?:has\s+|have\s+)?claimed\s+(?:to\s+have|that\s+(?:it|they)\s+(?:had\s+)?)\s*"
    r"(?:killed|inflicted|carried out|attacked|destroyed|downed|shot down|kidnapped|executed)\b",
    re.IGNORECASE,
)
_STATE_OWN = re.compile(
    r"(?P<who>\b(?:the\s+|an?\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?(?:military official|"
    r"defen[cs]e official|army spokesman|military spokesman|police spokesman|police chief|"
    r"military spokesperson|army spokesperson|military|army|armed forces|"
    r"defen[cs]e ministry|ministry of defen[cs]e|air force|navy|police|pentagon|idf|"
    r"security forces|commander))\b[^.;]{0,60}?\b(?:said|says|announced|"
    r"confirmed|reported|stated)\b[^.;]{0,80}?\b(?:(?:it|its\s+\w+|they|their\s+\w+|troops|"
    r"forces|soldiers|aircraft|jets|warplanes)\s+(?:had\s+|have\s+|also\s+)?(?:carried out|"
    r"conducted|launched|struck|killed|arrested|raided|hit|destroyed|neutrali[sz]ed|"
    r"eliminated|targeted|bombed|shot down)|(?:strike|strikes|raid|raids|operation|operations)"
    r"[”\"]?\s+(?:was|were|had been|has been)\s+(?:carried out|conducted|launched))\b",
    re.IGNORECASE,
)
_ACT_NOUNS = (
    r"(?:attacks?|bombings?|blasts?|explosions?|killings?|murders?|ambush(?:es)?|massacres?|"
    r"raids?|abductions?|kidnappings?|strikes?|shelling|assaults?|violence|incidents?)"
)
# "Jaish-e-Mohammed claimed that attack", "the group claimed the bombing in a statement"
# (not "the government claimed the attack was staged": a statement about it)
_CLAIM_OBJECT = re.compile(
    rf"(?:^|[,.;“”\"]\s*|\b(?:and|but|while|after)\s+){_WHO},?\s+(?:has\s+|have\s+|had\s+|later\s+)*"
    r"(?:claimed|claims)\s+(?:the|that|this|these|those|both|(?:\w+['’]s))\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<act>attacks?|bombings?|blasts?|explosions?|killings?|murders?|ambush(?:es)?|massacres?|"
    r"raids?|abductions?|kidnappings?|assassinations?|assaults?)\b"
    r"(?!\s+(?:[\w'-]+\s+){0,3}?(?:was|were|is|are|had|has|did|would)\b)",
    re.IGNORECASE,
)
_BLAME = re.compile(
    rf"\b(?:blamed|blames|blaming|accused|accuses|accusing|attributed|attributes)\s+"
    rf"(?:(?:the|that|this|these|those|both)\s+(?:[\w-]+\s+){{0,2}}?{_ACT_NOUNS}\s+(?:on|to)\s+)?"
    rf"[“\"]?{_WHO}[”\"]?(?=[,.;]|\s+(?:for|over|and\s+said|but|linked|allied|backed)\b|"
    rf"\s+of\s+(?:\w+ly\s+)?(?:kill|attack|bomb|target|shell|murder|abduct|kidnapp|shoot|"
    rf"carry\w*\s+out|stag|perpetrat|orchestrat|massacr|burn|fir|loot|rap|execut|behead)\w*\b|$)",
    re.IGNORECASE,
)
# "Authorities attributed the attack to the same front": the act first, then the actor
_ATTRIBUTED_TO = re.compile(
    rf"\b(?:attributed|attributes|attributing|blamed|blames|blaming|pinned|pins)\s+"
    rf"(?:(?:the|that|this|these|those|both)\s+(?:[\w-]+\s+){{0,2}}?{_ACT_NOUNS}|it|them)\s+"
    rf"(?:on|to)\s+{_WHO}(?=[,.;]|\s+(?:and|but|which|who|said|according)\b|$)",
    re.IGNORECASE,
)
_ACCUSED_OF = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|stands?)\s+accused\s+of\s+"
    r"(?:\w+ly\s+)?(?:killing|bombing|shelling|attacking|shooting|murdering|abducting|"
    r"kidnapping|torturing|raping|burning|looting|firing|carrying\s+out|targeting|massacring)\b",
    re.IGNORECASE,
)
# the blamer as the subject of the blaming verb: "Security sources blamed JNIM"
_BLAMER = re.compile(
    r"(?P<who>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+(?:\w+ly\s+|have\s+|has\s+|had\s+|also\s+)*$"
)
# "officials said on Tuesday": the speaker of the clause a participle ("accusing ...") follows
_SAID_THEN = re.compile(
    r"^\s*(?P<who>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:said|says|told\s+\w+|reported|announced)"
    r"(?:\s+(?:on\s+)?\w+day|\s+today|\s+yesterday|\s+later)?\s*$",
    re.IGNORECASE,
)
_SUBJECT_THEN = re.compile(
    r"^\s*(?P<who>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:\w+ly\s+)?(?:condemned|denounced|"
    r"deplored|critici[sz]ed|confirmed|said|visited|described)\b",
    re.IGNORECASE,
)
_SAID_INVERTED = re.compile(
    r"\b(?:said|says|told\s+\w+|reported)\s+(?P<who>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*$",
    re.IGNORECASE,
)
# "in an attack police said was carried out by": the speaker of the passive that names the doer
_SAID_WAS = re.compile(
    r"\b(?P<who>(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+(?:said|says|believe|believed|suspect|"
    r"suspected)\s+(?:it\s+|they\s+)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+$",
    re.IGNORECASE,
)
_NOT_BLAMERS = re.compile(
    r"^(?:it|they|which|who|that|this|and|but|was|were|is|are|been|being|having)$", re.I
)
_LEADING = re.compile(
    r"^(?:(?:and|but|while|as|on|late|early|also|then|later)\s+|\w+day\s+)+", re.I
)
# "The attack was blamed on al-Shabaab", "the killings have been attributed to bandits"
_BLAMED_ON = re.compile(
    rf"(?:\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+|"
    rf"\b{_ACT_NOUNS}(?:\s+\w+){{0,2}}?(?:,\s*|\s+))(?:\w+ly\s+)?"
    rf"(?:blamed\s+on|attributed\s+to|pinned\s+on)\s+[“\"]?{_WHO}[”\"]?"
    rf"(?=[,.;]|\s+(?:and|but|which|who|by|according)\b|$)",
    re.IGNORECASE,
)
# "X blamed Y", "X attributed the attack to Y": a blame plain enough to name the doer
# (a hedged "the attacks were initiated by Y" only attributes)
_NAMING = (_BLAME, _ATTRIBUTED_TO, _BLAMED_ON)
# "officials said that Shining Path members were responsible for the attack"
_RESPONSIBLE_FOR = re.compile(
    rf"(?:^|[,;“”\"]\s*|\bthat\s+|\b(?:said|say|says|believe|believed)\s+){_WHO}\s+"
    rf"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?responsible\s+for\s+"
    rf"(?:the|this|that|these|those|both|Monday's|\w+day's)\s+(?:[\w-]+\s+){{0,2}}?{_ACT_NOUNS}\b",
    re.IGNORECASE,
)
_BLAME_PASSIVE = re.compile(
    rf"\b(?:initiated|carried out|perpetrated|committed|conducted|staged|launched|"
    rf"orchestrated|masterminded)\s+by\s+(?:an?\s+|the\s+)?[“\"]?{_WHO}"
    rf"(?=[,.;”\"]|\s+(?:said|says|according)\b|$)",
    re.IGNORECASE,
)
_BELIEVED = re.compile(
    r"\b(?:believed|suspected|thought|presumed)\s+to\s+(?:be|have been)\s+"
    r"(?:from\s+|members\s+of\s+)?"
    rf"{_WHO}(?=[,.;]|\s+(?:had|have|opened|attacked|fired|killed)\b|$)",
    re.IGNORECASE,
)
# the doers a "believed to be X" phrase describes ("gunmen, believed to be ...")
_DOER_BEFORE = re.compile(
    r"\b(?:gunmen|gunman|attackers?|assailants?|militants|insurgents|fighters|men|group|"
    r"bombers?|kidnappers|abductors|perpetrators|killers?|raiders|bandits|terrorists|rebels|"
    r"militiamen|herdsmen|mob|youths|hoodlums|thugs|cultists|attack|attacks)\b[\s,]*"
    r"(?:(?:who|which|that)\s+(?:are|were|is|was)\s+)?$",
    re.IGNORECASE,
)
_UNCLAIMED = re.compile(
    r"\bno\s+(?:immediate\s+)?claims?\s+of\s+responsibility|"
    r"\bno\s+(?:one|group|organi[sz]ation|body|faction|militant group)\s+(?:has\s+|had\s+)?"
    r"(?:yet\s+|immediately\s+)?(?:claimed|taken|took|admitted|accepted)|"
    r"\bnobody\s+(?:has\s+|had\s+)?(?:yet\s+|immediately\s+)?(?:claimed|taken|took)|"
    r"\b(?:has|had|have|was|were)\s+not\s+(?:yet\s+|immediately\s+|been\s+)*claimed|"
    r"\bthere\s+(?:was|has been|were)\s+no\s+(?:immediate\s+)?claim|"
    r"\bwithout\s+(?:any\s+)?claim\s+of\s+responsibility|\bunclaimed\b",
    re.IGNORECASE,
)


@dataclass
class Finding:
    status: str  # claimed, attributed or unclaimed
    actor: str | None
    by: str | None
    sentence: int
    note: str
    about: str | None = None  # what the claim is "for": "murder", "kidnapping" ...
    strict: bool = False  # only an incident of the `about` kind may own it
    plural: bool = False  # "for the murder of two journalists", "for the attacks"
    territory: bool = False  # "they have consolidated four neighbourhoods": ground held


def assign_responsibility(item: Analysis) -> None:
    """Set `responsibility` on every incident of the article (notes say why)."""
    findings: dict[int, list[Finding]] = {id(i): [] for i in item.incidents}
    for index in _window(item):
        text = item.sentences[index].text
        for finding in findings_in(text, index):
            owner = _owner(item, index, finding)
            if owner is None:
                continue
            findings[id(owner)].append(finding)
            for other in _companions(item, owner, finding) + _of_kind(item, owner, finding):
                findings[id(other)].append(finding)
    for incident in item.incidents:
        if not findings[id(incident)]:
            own = _own_announcement(item, incident)
            findings[id(incident)].extend([own] if own is not None else [])
        mine = findings[id(incident)]
        at = item.sentence_of(incident.trigger.start)
        said = item.sentences[at].text if 0 <= at < len(item.sentences) else ""
        incident.responsibility, note = _combine(incident, mine, said)
        incident.notes["responsibility"] = note


_SECURITY_ORGAN = re.compile(
    r"\b(?:police|army|military|armed\s+forces|defen[cs]e|IDF|Pentagon|gendarmerie|navy|"
    r"air\s+force|security\s+forces|interior\s+ministry|ministry\s+of\s+(?:the\s+)?interior|"
    r"police\s+service|command)\b",
    re.IGNORECASE,
)


_OWN_ACTIONS = (
    "Arrests",
    "Air/drone strike",
    "Armed clash",
    "Shelling/artillery/missile attack",
    "Government regains territory",
    "Disrupted weapons use",
)


def _own_announcement(item: Analysis, incident: Incident) -> Finding | None:
    """ "Kenyan police arrested four suspects ..., the National Police Service said": a
    state's security organ telling what its own forces did (a claim, CODEBOOK.md)."""
    actor = incident.actor1
    if actor is None or actor.type != "state forces" or not incident.sentences:
        return None
    if incident.sub_event_type not in _OWN_ACTIONS:
        return None  # a strike, raid, clash or arrest; not "police killed a protester"
    index = min(incident.sentences)
    if not 0 <= index < len(item.sentences):
        return None
    source = reported_by(item.sentences[index].text)
    if not source or not _SECURITY_ORGAN.search(source):
        return None
    hits = lexicon().find(re.sub(r"['’]s\b", "", source))  # "Ukraine's air force"
    if any(m.entry is not None and m.entry.type != "state forces" for m in hits):
        return None  # "a Hamas-run police spokesman"
    if any(m.country and actor.country and m.country != actor.country for m in hits):
        return None  # another state's forces speak of them
    return Finding("claimed", None, source, index, f"the state's own announcement: {source!r}")


def findings_in(text: str, index: int) -> list[Finding]:
    """Every claim, blame or no-claim statement in one sentence (paragraph by paragraph,
    so that a blame is credited to the speaker of its own paragraph)."""
    out: list[Finding] = []
    for part in re.split(r"\n\s*\n", text):
        if part.strip():
            out.extend(_findings_in_part(part, index))
    return out


def _findings_in_part(text: str, index: int) -> list[Finding]:
    text = text.replace("\n", " ")  # wire copy broken into short lines
    out: list[Finding] = []
    for pattern in (_CLAIM_ACTIVE, _CLAIM_PASSIVE, _CLAIM_SAID_IT, _CLAIMED_TO_HAVE, _CLAIM_OBJECT):
        for m in pattern.finditer(text):
            who = _actor_text(m.group("who"))
            if re.search(r"(?i)\b(?:not|never|no longer|denied|denies)\b", m.group(0)):
                out.append(Finding("unclaimed", None, None, index, f"denied: {m.group(0)!r}"))
            elif who and not re.match(r"(?i)^(no|nobody|none|no one|it|they|he|she)\b", who):
                held = bool(m.groupdict().get("held"))
                act = m.groupdict().get("act")
                note = f"claim: {m.group(0).strip()!r}"
                about = act.lower() if act else None
                out.append(Finding("claimed", who, who, index, note, about=about, territory=held))
    for m in _BOASTED.finditer(text):
        who = _actor_text(m.group("who"))
        if who:
            out.append(Finding("claimed", who, who, index, f"boast: {m.group(0).strip()!r}"))
    for m in _STATE_SAID_OWN.finditer(text):
        who = _clean(m.group("who"))
        out.append(Finding("claimed", None, who, index, f"state describes its own strike: {who!r}"))
    for m in _STATE_OWN.finditer(text):
        who = re.sub(r"^(?:On|Late|Early)?\s*\w+day\s+", "", _clean(m.group("who")))
        out.append(Finding("claimed", None, who, index, f"state announces its own action: {who!r}"))
    for pattern in (_ATTRIBUTED_TO, _BLAME, _BLAMED_ON, _BLAME_PASSIVE, _BELIEVED):
        for m in pattern.finditer(text):
            who = _actor_text(m.group("who"))
            if who and re.match(r"(?i)(?:of|by|in|on|at|to|it|them)\b", who):
                continue  # "have been accused of killing": a passive, nobody named
            pronoun = re.match(r"(?i)(?:it|them)\b", text[m.start() :].split(None, 1)[-1])
            if pronoun and not _actor_like(who or ""):
                continue  # "attributed it to a gas leak": no doer
            if re.search(r"(?i)\bof\s+(?:\w+ly\s+)?\w+ing\b", m.group("who")):
                continue  # "accused residents of helping the brigade": no violent act
            suspicion = pattern is _BELIEVED
            if suspicion and not _DOER_BEFORE.search(text[max(0, m.start() - 45) : m.start()]):
                continue  # "a man suspected to be a rustler": not the doers
            source = _blamer(text, m, pattern) or reported_by(text)
            plain = pattern in _NAMING or not _in_quotes(text, m.start())
            kind = "suspicion" if suspicion else "blame" if plain else "said"
            hidden = pattern is _BLAMED_ON and source is None  # the passive hides who blames
            if who and (hidden or (source and source.lower() not in who.lower())):
                out.append(
                    Finding("attributed", who, source, index, f"{kind}: {m.group(0).strip()!r}")
                )
    out.extend(_accused(text, index))
    out.extend(_responsible(text, index))
    for m in [*_FIRST_PERSON.finditer(text), *_FIRST_PERSON_AGENT.finditer(text)]:
        who = reported_by(text) or "the perpetrators, speaking of themselves"
        out.append(Finding("claimed", None, who, index, f"first-person claim: {m.group(0)!r}"))
    about = _ABOUT.search(text)
    plural = bool(_PLURAL_OBJECT.search(text))
    for f in out:
        f.about = f.about or ((about.group(1) or about.group(2)).lower() if about else None)
        f.plural = plural and f.status == "claimed"
    out.extend(_self_named(text, index))
    for m in _UNCLAIMED.finditer(text):
        out.append(Finding("unclaimed", None, None, index, f"no claim: {m.group(0).strip()!r}"))
    return out


def _accused(text: str, index: int) -> list[Finding]:
    """ "The Sudanese Air Force is accused of bombing villages", "AMISOM forces have been
    accused of killing seven people": the subject is blamed (by whoever the sentence
    cites, or by unnamed accusers)."""
    out = []
    for m in _ACCUSED_OF.finditer(text):
        sentence = re.split(r"[.;:,“”\"]", text[: m.start()])[-1]
        found = _BLAMER.search(re.sub(r"[()\[\]]", " ", sentence) + " ")
        if found is None:
            continue
        who = _actor_text(_LEADING.sub("", found.group("who").strip()))
        if not who or _NOT_BLAMERS.match(who.split()[-1]) or who.lower() in ("he", "she"):
            continue
        note = f"blame: {who!r} {m.group(0).strip()!r}"
        out.append(Finding("attributed", who, reported_by(text), index, note))
    return out


def _responsible(text: str, index: int) -> list[Finding]:
    """ "Officials said that Shining Path members were responsible for the attack": the
    speaker blames the group (not "those who were responsible ... will be punished")."""
    out = []
    for m in _RESPONSIBLE_FOR.finditer(text):
        raw = m.group("who")
        cuts = list(re.finditer(r"(?i)\b(?:said|says|say|believe|believed|that)\s+", raw))
        spoken = text[: m.start("who")] + (raw[: cuts[-1].end()] if cuts else "")
        who = _actor_text(raw[cuts[-1].end() :] if cuts else raw)
        if not who or re.match(r"(?i)(?:those|who|it|they|he|she|this|that|which)\b", who):
            continue
        said = _SPEAKER_BEFORE.search(spoken)
        source = _LEADING.sub("", said["who"]) if said else reported_by(text)
        if source and source.lower() not in who.lower():
            out.append(Finding("attributed", who, source, index, f"blame: {m.group(0).strip()!r}"))
    return out


_SPEAKER_BEFORE = re.compile(
    r"(?P<who>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:said|says|say|believe|believed)\s+(?:that\s+)?$",
    re.IGNORECASE,
)


def _actor_like(who: str) -> bool:
    """A dictionary actor, a doer's description or a country: not "a gas leak"."""
    return any(
        m.entry is not None or m.country or (m.generic is not None and m.generic.role != "victim")
        for m in lexicon().find(who)
    )


def _in_quotes(text: str, at: int) -> bool:
    """A quoted statement ("“Indications are the attacks were initiated by X,” said Y")
    hedges; the narrator's own words do not."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _blamer(text: str, m: re.Match[str], pattern: re.Pattern[str]) -> str | None:
    """Who blames, when no "X said" names a source: the subject of the blaming verb
    ("Police blamed al-Shabaab", "The counter-terrorism service blamed ...")."""
    if pattern is _BLAME_PASSIVE:
        said = _SAID_WAS.search(text[: m.start()])  # "an attack police said was carried out by"
        if said is None:
            return None
        return re.sub(
            rf"(?i)^(?:(?:an?|the|this|that)\s+)?(?:[\w-]+\s+)?{_ACT_NOUNS}\s+", "", said["who"]
        )
    if pattern not in (_BLAME, _ATTRIBUTED_TO):
        return None
    sentence = re.split(r"[.;:“”\"]", text[: m.start()])[-1]
    clauses = sentence.split(",")
    clause = clauses[-1]
    if not clause.strip() and len(clauses) > 2:
        said = _SAID_THEN.match(clauses[-2])
        if said is not None:  # "..., officials said on Tuesday, accusing militiamen of ..."
            return said.group("who")
        clause = clauses[0]  # "The RSF, which holds the city, accused the army ..."
    if re.fullmatch(r"\s*(?:who|which)\s*", clause) and len(clauses) > 1:
        # "..., said local police, who attributed the violence to herders"
        said = _SAID_THEN.match(clauses[-2]) or _SAID_INVERTED.search(clauses[-2])
        return said.group("who") if said else None
    if re.search(r"(?i)\band\s*$", clause):
        lead = _SUBJECT_THEN.match(clause)  # "X condemned the attack and attributed it to"
        if lead is not None:
            return _LEADING.sub("", lead["who"])
    found = _BLAMER.search(re.sub(r"[()\[\]]", " ", clause) + " ")
    if found is None:
        return None
    who = _LEADING.sub("", found.group("who").strip())
    if not who or _NOT_BLAMERS.match(who.split()[-1]):
        return None
    return who


def _self_named(text: str, index: int) -> list[Finding]:
    """ "persons who identified themselves as FMLN members kidnapped a peasant": a claim
    by the doers, about the act named right after (only an incident of that kind owns it)."""
    out = []
    for m in _SELF_NAMED.finditer(text):
        who = _actor_text(m.group("who"))
        if not who or re.search(
            r"(?i)\b(?:not|never|denied)\b", text[max(0, m.start() - 30) : m.start()]
        ):
            continue
        verb = re.match(
            r"[^.;]{0,40}?\b(kidnapp|abduct|kill|murder|shot|bomb|attack)", text[m.end() :], re.I
        )
        about = (
            {
                "kidnapp": "kidnapping",
                "abduct": "kidnapping",
                "kill": "killing",
                "murder": "killing",
                "shot": "killing",
                "bomb": "bombing",
                "attack": "attack",
            }.get(verb.group(1).lower())
            if verb
            else None
        )
        note = f"doers name their group: {m.group(0)!r}"
        out.append(Finding("claimed", who, who, index, note, about=about, strict=about is not None))
    return out


_MODIFIER_GAP = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:group|faction|splinter\s+group|splinter|affiliate|offshoot|"
    r"wing|branch|breakaway\s+group)\s+(?:of\s+)?$",
    re.IGNORECASE,
)


_TIED = re.compile(
    r"\b(?:affiliated|linked|allied|loyal|tied|aligned|close)\s+(?:with|to)\b", re.IGNORECASE
)


def _actor_text(who: str) -> str | None:
    """The actor a claim or blame names: the dictionary entry inside, else the words.
    "the breakaway Taliban group Jamaat-ul-Ahrar", "al-Qaeda affiliate al-Shabaab":
    the first name only describes the second, which is the actor."""
    who = _clean(who)
    if not who:
        return None
    named = [m for m in lexicon().find(who) if m.entry is not None]
    tie = _TIED.search(who)
    if tie is not None:  # "a militant group affiliated with al-Qaeda": not al-Qaeda itself
        named = [m for m in named if m.end <= tie.start()]
        if not named:
            return who[: tie.start()].strip(" ,-") or None
    if not named:
        return who
    if re.match(r"-(?:linked|affiliated|backed|allied|aligned|inspired)\b", who[named[0].end :]):
        # "the al-Qaeda-affiliated Al-Murabitoun group": al-Qaeda only describes it
        rest = [m for m in named[1:]]
        if not rest:
            tail = re.sub(r"^-\w+\s*", "", who[named[0].end :]).strip()
            return tail or who
        named = rest
    first = named[0]
    for later in named[1:]:
        if _MODIFIER_GAP.match(who[first.end : later.start]):
            first = later
    return first.text


def _clean(who: str) -> str:
    who = re.sub(r"\s+", " ", who).strip(" ’'“”\"—-")
    return (
        re.sub(r"^(?:the|a|an)\s+(?=[a-z])", "", who, flags=re.IGNORECASE) if len(who) > 40 else who
    )


def _window(item: Analysis) -> list[int]:
    """Sentences that may speak of an incident's authorship: each incident's own, the
    few after them, and the lead before the first one ("X claimed responsibility for
    the murder of ..." often opens a story)."""
    out: set[int] = set()
    first = min((s for i in item.incidents for s in i.sentences), default=0)
    out.update(range(0, first))
    for incident in item.incidents:
        for s in incident.sentences:
            out.update(range(s, min(len(item.sentences), s + WINDOW + 1)))
    return sorted(out)


def _owner(item: Analysis, index: int, finding: Finding) -> Incident | None:
    """The incident a statement in sentence `index` is about."""
    named = _by_object(item, index, finding)
    if named is not None or finding.strict:
        return named
    if finding.territory:
        return _ground_taken(item, index)
    owners = [i for i in item.incidents if index in i.sentences]
    first = min((s for i in item.incidents for s in i.sentences), default=0)
    if not owners and index < first:
        # "X claimed responsibility for the murder of ..." opening a story is about
        # its lead; a first-person boast there ("an APC was destroyed by our
        # fighters") tells an act no incident was read from, not the lead's
        says_what = finding.actor is not None or finding.about is not None
        if finding.status == "claimed" and says_what:
            return item.incidents[0]
        # "The air force is accused of bombing villages. Several people were killed":
        # a blame in the sentence just before the lead incident is about it
        if finding.status == "attributed" and first - index <= LEAD_BLAME_GAP:
            return item.incidents[0]
        return None
    if not owners:
        before = [i for i in item.incidents if i.sentences and min(i.sentences) < index]
        before = [i for i in before if index - max(s for s in i.sentences if s < index) <= WINDOW]
        if not before:
            return None
        nearest = max(max(s for s in i.sentences if s < index) for i in before)
        owners = [i for i in before if nearest in i.sentences]
    if finding.status in ("unclaimed", "attributed"):
        unnamed = [i for i in owners if _unnamed(i)]
        owners = unnamed or owners
    return min(owners, key=lambda i: i.trigger.start)


_GROUND = ("Non-state actor overtakes territory", "Government regains territory", "Armed clash")


def _ground_taken(item: Analysis, index: int) -> Incident | None:
    """ "The guerrillas said they have consolidated four neighbourhoods" claims ground
    taken: only a fight for or a take-over of ground owns it, never an air strike told
    in the same story (MUC-4: the army's gunships were claimed by the rebels)."""
    ground = [i for i in item.incidents if i.sub_event_type in _GROUND]
    if not ground:
        return None
    return min(ground, key=lambda i: min(abs(s - index) for s in i.sentences or [index]))


def _by_object(item: Analysis, index: int, finding: Finding) -> Incident | None:
    """ "claimed responsibility for the kidnapping": the incident whose trigger is that
    kind of act, nearest to the statement."""
    stems = _OBJECT_STEMS.get(finding.about or "")
    if not stems:
        return None
    hits = [i for i in item.incidents if i.trigger.text.lower().startswith(stems)]
    if not hits:
        return None
    return min(hits, key=lambda i: min(abs(s - index) for s in i.sentences or [index]))


def _companions(item: Analysis, owner: Incident, finding: Finding) -> list[Incident]:
    """A group's claim also covers the unnamed-perpetrator incidents read from the same
    sentences as its owner (mentions of one attack that later stages may merge)."""
    if finding.actor is None:
        return []
    if finding.status == "attributed":
        return _referred_back(item, owner, finding)
    if finding.status != "claimed":
        return []
    shared = set(owner.sentences)
    out = [
        i
        for i in item.incidents
        if i is not owner and shared & set(i.sentences) and (_unnamed(i) or _guessed(i))
    ]
    about = finding.about or owner.trigger.text.lower()
    if (
        about[:5] in _BACK_NOUNS
        and (finding.about is not None or finding.sentence in owner.sentences)
        and owner.trigger.text.lower().startswith(about[:5])
        and _definite(item.article.text, owner.trigger.start)
    ):
        # "claimed responsibility for the attack": that mention points back to an
        # incident told before
        before = [
            i
            for i in item.incidents
            if i is not owner and i.sentences and max(i.sentences) < finding.sentence
        ]
        if before:
            back = max(before, key=lambda i: max(i.sentences))
            same_act = back.trigger.text.lower()[:5] == owner.trigger.text.lower()[:5]
            if finding.sentence - max(back.sentences) <= WINDOW and (
                _unnamed(back) or _guessed(back) or _agrees(back, finding) or same_act
            ):
                out.append(back)  # "... kidnapped consuls. X claimed the kidnappings"
    return out


# the act nouns ("the attack", "the bombing") a claim's sentence uses to point back
_BACK_NOUNS = {"attac", "bombi", "blast", "explo", "killi", "kidna", "abduc", "murde", "assas"}


def _definite(text: str, at: int) -> bool:
    """ "responsibility for the attack": a definite mention, which may point back to an
    act told before (not "members kidnapped a peasant", a new act)."""
    before = text[max(0, at - 30) : at]
    return bool(
        re.search(r"(?i)\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", before)
    )


def _referred_back(item: Analysis, owner: Incident, finding: Finding) -> list[Incident]:
    """ "Security sources blamed JNIM for the massacre": "the massacre" refers back to
    the unnamed incident told just before, which the blame is about too."""
    text = item.article.text
    if not re.search(
        r"(?i)\b(?:the|this|that|these|those)\s+(?:\w+\s+)?$",
        text[max(0, owner.trigger.start - 25) : owner.trigger.start],
    ):
        return []
    before = [
        i
        for i in item.incidents
        if i is not owner and i.sentences and max(i.sentences) < finding.sentence and _unnamed(i)
    ]
    if not before:
        return []
    back = max(before, key=lambda i: max(i.sentences))
    return [back] if finding.sentence - max(back.sentences) <= WINDOW else []


def _of_kind(item: Analysis, owner: Incident, finding: Finding) -> list[Incident]:
    """ "claimed responsibility for the murder of two employees": every unnamed
    incident of that kind in the article, not only the nearest one."""
    stems = _OBJECT_STEMS.get(finding.about or "")
    if not finding.plural or not stems or finding.actor is None:
        return []
    killing = "kill" in stems
    return [
        i
        for i in item.incidents
        if i is not owner
        and _unnamed(i)
        and (
            i.trigger.text.lower().startswith(stems)
            or (killing and i.sub_event_type == "Attack")  # "the attack" that killed one
        )
    ]


def _guessed(incident: Incident) -> bool:
    """actor1 is a group the text names somewhere but not as the doer of this act (the
    wire-lead fallbacks of ActorStage): a claim names the doer better."""
    how = incident.notes.get("actor1", "")
    return how.startswith(("the armed group a wire lead names", "a group named in the sentence"))


def _agrees(incident: Incident, finding: Finding) -> bool:
    """actor1 is already the group the claim names (read from the claim's own sentence)."""
    claimant = _claimant(finding.actor or "")
    return (
        claimant is not None
        and incident.actor1 is not None
        and (incident.actor1.name == claimant.name)
    )


def _described(incident: Incident) -> bool:
    """actor1 is only described ("gunmen dressed as police", "security forces"), not a
    group of the dictionary: a group's own claim names the doer better."""
    actor = incident.actor1
    if actor is None or not actor.mention:
        return True
    return not any(m.entry is not None for m in lexicon().find(actor.mention))


def _blamed_actor(incident: Incident, text: str) -> Actor | None:
    """The actor a blame names, for an incident whose perpetrator the text left unnamed
    ("Five people were killed ... Police blamed al-Shabaab"): a dictionary group, a
    state's forces, or the description itself ("blamed bandits")."""
    if not (_unnamed(incident) or _guessed(incident)) or not text:
        return None
    lex = lexicon()
    current = incident.actor1
    country = current.country if current is not None else None
    for m in lex.find(text):
        if m.entry is not None:
            return Actor(m.entry.name, m.text, m.entry.type, m.entry.country or country)
        if m.generic is not None and m.generic.role != "victim":
            return lex.actor(m, text, country)
        if m.country:
            name = f"Military Forces of {lex.country_name(m.country)}"
            return Actor(name, text, "state forces", m.country)
    if re.match(r"[A-Z]", text) and len(text.split()) <= 8:
        return Actor(text, text, None, country)  # a proper name the dictionary lacks
    return None


def _unnamed(incident: Incident) -> bool:
    actor = incident.actor1
    return actor is None or actor.name.startswith("Unidentified") or not actor.mention


# one-sided violence: a clash has two sides, not a doer a source could name
_VIOLENT_EVENTS = ("Violence against civilians", "Explosions/Remote violence")


def _combine(
    incident: Incident, findings: list[Finding], sentence_text: str = ""
) -> tuple[Responsibility, str]:
    unclaimed = any(f.status == "unclaimed" for f in findings)
    claims = [f for f in findings if f.status == "claimed"]
    first_person = [f for f in claims if f.note.startswith("first-person")]
    state_claims = [f for f in claims if f.actor is None and f not in first_person]
    group_claims = [f for f in claims if f.actor is not None]
    blames = [f for f in findings if f.status == "attributed"]
    if group_claims:
        f = group_claims[0]
        claimant = _claimant(f.actor or "")
        if claimant is not None and (
            _unnamed(incident) or _guessed(incident) or _described(incident)
        ):
            incident.actor1 = claimant
            incident.notes["actor1"] = f"the group that claimed it ({f.actor!r})"
        return Responsibility("claimed", f.actor, f.by, unclaimed), f.note
    if first_person:
        f = first_person[0]
        actor = incident.actor1.name if incident.actor1 else None
        return Responsibility("claimed", actor, f.by, unclaimed), f.note
    if state_claims and _state_perpetrator(incident):
        f = state_claims[0]
        forces = _speaker_forces(f.by or "") if _unnamed(incident) else None
        if forces is not None:
            incident.actor1 = forces
            incident.notes["actor1"] = f"the state whose {f.by!r} announced it"
        actor = incident.actor1.name if incident.actor1 else None
        return Responsibility("claimed", actor, f.by, unclaimed), f.note
    if blames:
        f = blames[0]
        blamed = _blamed_actor(incident, f.actor or "") if f.note.startswith("blame") else None
        if blamed is not None:
            incident.actor1 = blamed
            incident.notes["actor1"] = f"the actor {f.by!r} blamed ({f.actor!r})"
        return Responsibility("attributed", f.actor, f.by, unclaimed), f.note
    if unclaimed:
        f = next(f for f in findings if f.status == "unclaimed")
        return Responsibility("unclaimed", None, None, True), f.note
    owner = _owning_group(incident)
    if owner is not None:
        note = f"the text gives the attack as {owner}'s own ('the group's attack')"
        return Responsibility("claimed", owner, owner, False), note
    source = _naming_source(incident, sentence_text)
    if source is not None and incident.actor1 is not None:
        note = f"the source of the sentence names the doer: {source!r}"
        return Responsibility("attributed", incident.actor1.name, source, False), note
    return Responsibility(), "no claim, blame or denial of a claim in the text"


_OWN_SENTENCE_DOER = (
    "subject of the verb",
    "passive 'by' phrase",
    "possessor of the noun",
    "name modifying the noun",
    "'by' phrase of the",
    "the trigger names the perpetrator",
    "perpetrator of ",
)
_ARMED_TYPES = ("state forces", "rebel group", "political militia", "identity militia")


def _naming_source(incident: Incident, text: str) -> str | None:
    """ "Pakistani air strikes killed 27 people, the Taliban government said": a source
    other than the doer names it in the incident's own sentence, which attributes the act
    (CODEBOOK: someone else names the perpetrator); the narrator's own statement does not."""
    actor = incident.actor1
    how = incident.notes.get("actor1", "")
    if actor is None or not actor.mention or actor.name.startswith("Unidentified"):
        return None
    if actor.type not in _ARMED_TYPES or incident.event_type not in _VIOLENT_EVENTS:
        return None
    if not how.startswith(_OWN_SENTENCE_DOER) or not text:
        return None
    source = reported_by(text)
    if not source or actor.mention.lower() in source.lower() or _same_side(source, actor):
        return None
    return source


# the doers speaking of themselves: "the group said", "a spokesman for the militants"
_ITSELF = re.compile(
    r"(?i)\b(?:the|its|their)\s+(?:group|militants?|rebels?|militia|movement|insurgents?|"
    r"organi[sz]ation|jihadists?|fighters|outfit|faction)\b"
)


def _same_side(source: str, actor: Actor) -> bool:
    """The source speaks for the doer ("the Israeli military" of Israeli troops, "the
    army" of soldiers, "Hamas said" of Hamas, "the group said" of a group)."""
    if _ITSELF.search(source):
        return True
    for m in lexicon().find(re.sub(r"['’]s\b", "", source)):
        if m.entry is not None and (
            m.entry.name == actor.name
            or (m.entry.country and m.entry.country == actor.country and m.entry.type == actor.type)
        ):
            return True
        if m.country and m.country == actor.country:
            return True
        if m.generic is not None and m.generic.type == actor.type == "state forces":
            return True
    return False


def _owning_group(incident: Incident) -> str | None:
    """ "Hamas's attack", "the Palestinian group's unprecedented attack": an armed
    group's own operation, which it stands by, rather than one the narrator blames on
    it (ActorStage notes how actor1 was found)."""
    actor = incident.actor1
    how = incident.notes.get("actor1", "")
    if actor is None or not how.startswith("possessor of the noun"):
        return None
    if actor.type not in ("rebel group", "political militia", "identity militia"):
        return None
    return None if actor.name.startswith("Unidentified") else actor.name


def _claimant(text: str) -> Actor | None:
    """The dictionary actor a claim names ("Al-Shabaab claimed ..."), if any; else a
    group's proper name the dictionary lacks ("Ahrar-ul-Hind has claimed ...")."""
    for m in lexicon().find(text):
        if m.entry is not None:
            return Actor(m.entry.name, m.text, m.entry.type, m.entry.country)
    if _PROPER_NAME.fullmatch(text) and not _mostly_upper(text):
        return Actor(text, text, None, None)
    return None


# a capitalised name of one to six words ("Ahrar-ul-Hind", "Young Baloch Tigers")
_PROPER_NAME = re.compile(
    r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+|al-|the\s+)?[A-Z][\w'’()-]+){0,5}"
)


def _mostly_upper(text: str) -> bool:
    """Upper-case wire copy: capitals say nothing about names there."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _speaker_forces(speaker: str) -> Actor | None:
    """ "a US military official" announcing a strike: the forces of the speaker's state."""
    lex = lexicon()
    for m in lex.find(speaker):
        if m.entry is not None and m.entry.type == "state forces":
            return Actor(m.entry.name, m.text, m.entry.type, m.entry.country)
        if m.country:
            name = f"Military Forces of {lex.country_name(m.country)}"
            return Actor(name, speaker, "state forces", m.country)
    return None


def _state_perpetrator(incident: Incident) -> bool:
    """A state's own announcement is a claim only for what its forces did."""
    actor = incident.actor1
    if actor is not None and actor.type == "state forces":
        return True
    return _unnamed(incident) and incident.sub_event_type in _STATE_ACTIONS
