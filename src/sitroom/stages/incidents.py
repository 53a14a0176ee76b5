"""Incident stage: find incident mentions in the parsed sentences and type them.

Each parsed sentence is read with the trigger lexicon (`knowledge/data/triggers.tsv`)
and its dependency parse:

1. Every trigger (an event word, a generic act such as "killed", a weapon that is used,
   or, in a short one-event report, a weak cue) is a candidate.
2. Candidates that are not occurrences are dropped: negated or hypothetical ones ("vowed
   to destroy", "could attack"), generic ones ("any attack", "such attacks"), counts over
   time ("dozens of rocket or drone strikes since mid-October": statistics), wars and
   campaigns as a whole ("amid Israel's bombardment", "a pause in the fighting").
3. The survivors of one sentence form one mention, except an occurrence the sentence
   refers to as another event ("in retaliation for the October 7 attack"), which is a
   mention of its own.
4. The mention's ACLED type is chosen by the most specific evidence in its part of the
   sentence: a weapon overrides a generic act; a generic act against unarmed people is
   Violence against civilians, against an armed side a Battle; a protest is typed by what
   was done to or by the protesters. `notes["type"]` names the deciding words.

Mentions of one incident across sentences are merged later, by the consolidate stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitroom.knowledge.triggers import Lexicon, Match, lexicon, token_keys
from sitroom.model import SUB_EVENT_TYPES, Analysis, Incident, Sentence, Span
from sitroom.stages import Stage

SHORT_SENTENCES = 3  # a text of at most this many sentences is a one-event report
SHORT_CHARS = 900
FALLBACK = True
_FIRM: tuple[str, ...] = ("negated", "hypothetical", "question", "metaphor", "characterisation")
_FIRM += ("sense", "accident")

_GENERIC_DETS = {"any", "such", "every", "each", "no", "more", "further", "much"}
_NEW_REFERENT = {"another", "second", "third", "separate", "new", "fresh", "other"}
_GENERIC_AMODS = {
    "future",
    "possible",
    "potential",
    "further",
    "imminent",
    "large-scale",
    "full-scale",
    "wider",
    "broader",
    "ongoing",
    "continued",
    "continuing",
    "constant",
    "daily",
    "sporadic",
    "frequent",
    "repeated",
    "deadly-",
}
_ANAPHORIC_DETS = {"the", "that", "this", "these", "those", "both"}
_MODAL_AUX = {"would", "could", "might", "may", "will", "shall", "should", "can", "must", "'ll"}
_CONTEXT_HEADS = {
    "pause",
    "end",
    "halt",
    "start",
    "beginning",
    "resumption",
    "lull",
    "history",
    "backdrop",
    "context",
    "years",
    "months",
    "weeks",
    "days",
    "year",
    "month",
    "week",
    "risk",
    "fear",
    "threat",
    "spectre",
    "prospect",
    "cycle",
    "surge",
    "rise",
    "increase",
    "victim",
    "victims",
    "survivor",
    "survivors",
}
_DURATIONS = ("day", "week", "month", "year", "decade")
_REFERENCE_PREPS = {"for", "after", "following", "since", "before", "than", "like", "over"}
_BACKGROUND_PREPS = {"amid", "despite"}
_REVENGE_HEADS = {"retaliation", "response", "revenge", "reprisal", "answer"}
_QUANTITY_HEADS = {"dozens", "scores", "hundreds", "thousands", "flurry", "spate", "wave", "string"}
_VAGUE_QUANTITY = {"dozens", "scores", "hundreds", "thousands", "numerous", "many", "multiple"}
_VAGUE_QUANTITY |= {"number", "series"}
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


class IncidentStage(Stage):
    name = "incidents"
    reads = ("doc", "sentences", "parses")
    writes = ("incidents",)

    def process_one(self, item: Analysis) -> None:
        item.incidents = find_incidents(item.sentences, item.parses)


def find_incidents(sentences: Sequence[Sentence], parses: dict[int, Any]) -> list[Incident]:
    """Every incident mention in the parsed sentences, in text order."""
    short = _is_short(sentences)
    lex = lexicon()
    found: list[Incident] = []
    fallback: list[Incident] = []
    for i in sorted(parses):
        for mention in _mentions(parses[i], lex, short):
            incident = _incident(mention, parses[i], sentences[i], i)
            if incident is None:
                continue
            if not mention.suppressed:
                found.append(incident)
            elif not mention.suppressed.startswith(_FIRM):
                fallback.append(incident)
    if FALLBACK and short and not found and fallback:
        best = max(fallback, key=lambda x: x.confidence)
        best.confidence = min(best.confidence, 0.3)
        found = [best]
    return found


def _is_short(sentences: Sequence[Sentence]) -> bool:
    """A short text (a snippet, a coder's note, a wire lead) reports one event: there
    weak cues count, and its strongest candidate is kept even if it looks general."""
    if not sentences:
        return True
    chars = sentences[-1].end - sentences[0].start
    return len(sentences) <= SHORT_SENTENCES or chars <= SHORT_CHARS


# ---------------------------------------------------------------- finding cues


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
        if m.entry.kind == "event" and len(span) > 1 and _carried(span[0]):
            continue  # 'armed with ... grenades attacked': no grenade attack
        if m.entry.pattern == "suicide" and _took_own_life(head):
            continue
        cues.append(Cue(m, head))
    return cues


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


def _mentions(doc: Any, lex: Lexicon, short: bool) -> list[Mention]:
    cues = _cues(doc, lex)
    cumulative = {c.head.i for c in cues if c.kind == "cumulative" and _is_cumulative(c)}
    cumulative |= _periods(doc)
    delivery = {c.head.i for c in cues if c.kind == "delivery"}
    trigger_heads = {c.head.i for c in cues if c.kind in ("event", "generic", "weak")}
    armed = any(c.kind == "armed" for c in cues)
    candidates: list[Cue] = []
    for c in cues:
        if c.head.ent_type_ in _NAME_ENTITIES:
            continue  # 'March', 'Operation Storm', 'Rally Party'
        if c.pattern == "march" and c.head.pos_ != "VERB" and not c.head.text.islower():
            continue  # the month
        if (c.kind == "weak" or c.pattern == "march") and c.sub in _PROTEST_SUBS and armed:
            continue  # troops 'marched' into the town
        if (
            (c.kind in ("event", "generic") and _pos_ok(c) and not _idle_shell(c, delivery, short))
            or (c.kind == "weak" and (short or _weak_holds(c, cues)))
            or (c.kind == "arms" and _arms_used(c, delivery, trigger_heads, short))
            or (c.kind == "disrupt" and _disrupted(c, cues))
        ):
            candidates.append(c)
    reasons = {id(c): _why_not(c, cumulative, trigger_heads) for c in candidates}
    _propagate(candidates, reasons)
    return _group(doc, [(c, reasons[id(c)]) for c in candidates], cues)


_NAME_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "LAW"}
_VERB_ONLY = {"target", "free", "storm", "fire on", "hack", "advance"}


def _pos_ok(cue: Cue) -> bool:
    """Some trigger words are occurrences only as verbs ('targeted', not 'targets')."""
    if cue.pattern in _VERB_ONLY:
        return cue.head.pos_ in ("VERB", "AUX") or cue.head.tag_.startswith("VB")
    return True


def _idle_shell(cue: Cue, delivery: set[int], short: bool) -> bool:
    """'mortars, shells and rifles were purchased': shells as things are no shelling
    unless something is done with them ('shells fell on the market')."""
    tok = cue.head
    if cue.pattern != "shell" or tok.pos_ != "NOUN" or tok.lower_.endswith("ing") or short:
        return False
    near = [*_up(tok, 3), *tok.children]
    return not any(t.i in delivery for t in near)


def _propagate(candidates: list[Cue], reasons: dict[int, str]) -> None:
    """What a dropped trigger governs is dropped with it: 'a large-scale offensive that
    has killed 17,177', 'the attacks ... included rocket fire and drone strikes'."""
    dropped = [
        c
        for c in candidates
        if reasons[id(c)]
        and (c.head.pos_ in ("NOUN", "PROPN") or reasons[id(c)].startswith("count"))
    ]
    for d in dropped:
        scope = {t.i for t in d.head.subtree}
        if d.head.head.pos_ in ("NOUN", "PROPN"):
            scope.add(d.head.head.i)  # 'drone strikes' parsed with 'drone' as the head
        if d.head.dep_ in ("nsubj", "nsubjpass"):
            verb = d.head.head
            scope |= {t.i for t in verb.subtree}
        for c in candidates:
            if reasons[id(c)] or c is d or c.head.i not in scope:
                continue
            if _reference_subtree(c.head) is not None and _has_date(c.head):
                continue
            reasons[id(c)] = f"part of {d.head.lower_} ({reasons[id(d)]})"


_CONTAINERS = {"cache", "stash", "box", "bag", "consignment", "haul", "quantity", "number"}
_CONTAINERS |= {"hundreds", "dozens", "thousands", "scores"}
_CONTAINERS |= {"lot", "kilogram", "kg", "tonne", "truck", "vehicle", "car", "cargo", "crate"}


def _disrupted(cue: Cue, cues: list[Cue]) -> bool:
    """A weapon found, seized, defused or shot down: 'explosive devices were found',
    'police seized 50 rifles', 'the drone was intercepted'."""
    verb = cue.head
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
        return False
    arms = {c.head.i for c in cues if c.kind == "arms"}
    air = {c.head.i for c in cues if c.kind == "arms" and c.sub in _STRONG_EXPLOSIVE}
    if any(c.dep_ == "nsubj" and c.i in air for c in verb.children):
        return False  # 'jets destroyed weapon depots' is an air strike
    agent = any(c.dep_ == "nsubj" and c.i in arms for c in verb.children)
    if agent and any(c.dep_ == "dobj" for c in verb.children):
        return False  # 'the device destroyed the bank building' was used, not stopped
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass", "nsubj", "attr"):
            continue
        near = [child, *child.conjuncts]
        if child.lemma_.lower() in _CONTAINERS or child.pos_ in ("NUM", "PRON", "ADJ"):
            # 'a cache of rifles', '19 of the drones', 'most of the missiles'
            near += [t for t in child.subtree if t.dep_ == "pobj"]
        if any(t.i in arms for t in near):
            return True
    return False


def _periods(doc: Any) -> set[int]:
    """'between June and August', 'from January to March': a period, over which
    occurrences are counted."""
    out = set()
    for ent in doc.ents:
        words = {t.lower_ for t in ent}
        if ent.label_ == "DATE" and ({"between", "and"} <= words or {"from", "to"} <= words):
            out.add(ent.root.i)
    for t in doc:
        if t.lower_ == "between" and any(c.ent_type_ == "DATE" for c in t.subtree if c.i != t.i):
            out.add(t.i)
    return out


def _is_cumulative(cue: Cue) -> bool:
    """'since' counts only as a time preposition or conjunction over a period."""
    if cue.pattern == "since":
        return cue.head.dep_ in ("prep", "mark", "advmod") or cue.head.pos_ == "ADP"
    return True


def _weak_holds(cue: Cue, cues: list[Cue]) -> bool:
    """In a full article a weak cue counts only with clear armed-violence context:
    arrests of armed-group members or of people caught with weapons."""
    if cue.sub == "Agreement":
        return _concluded(cue.head)
    if cue.sub != "Arrests":
        return False
    crime = any(t.lemma_.lower().startswith(_DRUG_WORDS) for t in cue.head.doc)
    groups = _NONSTATE_ARMED - {"fighter"} - ({"gang", "bandit"} if crime else set())
    return any(
        (c.kind == "armed" and c.pattern in groups)
        or (c.kind == "arms" and c.match.entry.weapon not in (None, "gun"))
        for c in cues
    )


# organised crime: a drug gang's members arrested are no armed group's (ACLED leaves
# crime out unless it is political violence)
_DRUG_WORDS = ("drug", "cocaine", "heroin", "narcotic", "marijuana", "cannabis", "traffick")


_CONCLUDE = {"sign", "conclude", "seal", "broker", "reach", "strike", "ink", "agree"}
_PARTIES = {"side", "party", "both", "faction", "parties", "sides"}


def _concluded(tok: Any) -> bool:
    """A ceasefire or peace deal concluded between the warring parties ('X and Y agreed
    to a ceasefire', 'signed a peace agreement with', 'a 2014 peace deal between ...'),
    not one side accepting a proposal ('Ukraine agreed to a 30-day ceasefire')."""
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return True
    verb = tok.head if tok.dep_ == "dobj" else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        verb = tok.head.head
    if verb is None or verb.lemma_.lower() not in _CONCLUDE:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(list(c.conjuncts) or c.lemma_.lower() in _PARTIES for c in subjects):
        return True
    return verb.lemma_.lower() != "agree" and bool(subjects)


def _arms_used(cue: Cue, delivery: set[int], trigger_heads: set[int], short: bool) -> bool:
    """A weapon is an occurrence when something is done with it: it is the subject or
    object of a delivery verb ('rockets fell', 'fired mortars'), or a short report
    names it (a headline such as 'Car bomb in Mogadishu')."""
    if cue.sub is None:
        return False
    tok = cue.head
    if tok.dep_ == "compound" and tok.head.i not in trigger_heads:
        return short and _is_named_weapon(tok)
    for anc in _up(tok, 3):
        if anc.i in delivery and not _attributive(anc):
            return True
    if any(child.i in delivery for child in tok.children):
        return True
    return short


def _attributive(tok: Any) -> bool:
    """'a rocket-launching helicopter': a delivery word that only describes a noun."""
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN")


def _is_named_weapon(tok: Any) -> bool:
    return tok.head.lower_ in ("attack", "strike", "blast", "explosion", "fire")


def _up(tok: Any, steps: int) -> Iterable[Any]:
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


# ---------------------------------------------------------------- not occurrences


def _why_not(cue: Cue, cumulative: set[int], trigger_heads: set[int]) -> str:
    """Why this trigger is not an occurrence ('' when it is one)."""
    tok = cue.head
    checks = (
        _question(tok),
        _metaphor(tok),
        _other_sense(cue),
        _accident(cue),
        _campaign(tok),
        _war_as_whole(tok),
        _casualty_summary(cue),
        _bare_plural(tok),
        _armless(cue),
        _negated(tok),
        _hypothetical(tok),
        _generic(tok),
        _counted(tok, cumulative, weapon=cue.kind == "arms"),
        _context(tok),
        _general_perfect(tok, cue),
        _ongoing(tok),
        _modifier_only(tok, trigger_heads),
    )
    return next((why for why in checks if why), "")


def _question(tok: Any) -> str:
    return "question" if tok.sent.text.rstrip().endswith("?") else ""


_WAR_WORDS = {"war", "conflict", "crisis", "campaign", "insurgency", "uprising", "violence"}


_ABSTRACT = {"order", "democracy", "freedom", "rights", "constitution", "sovereignty"}
_ABSTRACT |= {"press", "law", "independence", "integrity", "dignity", "values", "institutions"}


_CAMPAIGN_VERBS = {"launch", "begin", "start", "step", "intensify", "expand", "escalate"}
_CAMPAIGN_VERBS |= {"conduct", "wage", "continue", "mount", "unleash"}


def _campaign(tok: Any) -> str:
    """'launched a major offensive against the group in 2022': a campaign, not one
    occurrence; 'the army seized power' is a coup, not territory."""
    if tok.lemma_.lower() == "offensive" and tok.pos_ in ("NOUN", "PROPN"):
        verbs = [tok.head] if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else []
        verbs += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
        launched = [v for v in verbs if v.lemma_.lower() in _CAMPAIGN_VERBS]
        if launched and not any(_day_in(v) for v in (tok, *launched)):
            return "campaign"  # but 'the offensive launched on Saturday 11 November'
    if any(c.dep_ == "dobj" and c.lower_ == "power" for c in tok.children):
        return "seizure of power"
    return ""


_SHOW_DEPS = {"ccomp", "dobj", "nsubjpass", "auxpass"}
_SAY_PROTEST = {"express", "lodge", "file", "voice", "register", "send", "deliver", "convey"}
_TAKEN_TERRITORY = {"seize", "capture"}
_INTERCEPTED = {"intercept"}


def _other_sense(cue: Cue) -> str:
    """Trigger words used in another sense: 'this demonstrates that ...' (shows),
    'expressed our strong protest' (a diplomatic protest), 'seized the plans' or
    'the cocaine was seized' (no place taken), 'intercepted a vehicle' (no weapon
    stopped: what the men did next is the incident)."""
    tok = cue.head
    lemma = tok.lemma_.lower()
    shows = any(c.dep_ in _SHOW_DEPS for c in tok.children)
    if lemma == "demonstrate" and tok.pos_ in ("VERB", "AUX") and shows:
        return "sense (demonstrate = show)"
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # 'expressed our surprise and strong protest'
    voiced = first.dep_ == "dobj" and first.head.lemma_.lower() in _SAY_PROTEST
    if lemma == "protest" and tok.pos_ == "NOUN" and voiced:
        return "sense (a protest voiced)"
    if lemma == "march" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return "sense (led away)"  # 'the children were marched into the bush'
    if any(c.lower_ == "verbally" for c in tok.children):
        return "sense (verbally)"  # 'the demonstrators verbally attacked the president'
    if lemma == "protest" and tok.dep_ == "pobj" and _in_protest(tok):
        return "sense (done in protest)"
    if cue.kind == "event" and cue.pattern in _TAKEN_TERRITORY | _INTERCEPTED:
        taken = _taken_things(tok)
        lex = lexicon()
        kinds = {m.entry.kind for t in taken for m in lex.match([token_keys(t.lower_, t.lemma_)])}
        if cue.pattern in _INTERCEPTED and taken and "arms" not in kinds:
            return "sense (no weapon intercepted)"
        if cue.pattern in _TAKEN_TERRITORY and taken and not _place_or_people(taken, kinds):
            return "sense (no place taken)"
    return ""


_GESTURES = {"sign", "gesture", "act", "form", "mark", "note", "letter", "token"}


def _in_protest(tok: Any) -> bool:
    """'as a sign of protest, the party will not attend', 'resigned in protest': the act
    is something else (a demonstration is reported by its own words)."""
    prep = tok.head
    bare = not any(c.dep_ in ("det", "amod", "poss", "nummod") for c in tok.children)
    if prep.lower_ == "in" and bare:
        return prep.head.pos_ in ("VERB", "AUX")
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _GESTURES


def _taken_things(verb: Any) -> list[Any]:
    """What a verb acts on: its object, its passive subject, or the noun a participle
    or relative clause describes ('the weapons that were seized', 'material seized')."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    out = [verb.head if c.lower_ in ("that", "which") and verb.dep_ == "relcl" else c for c in out]
    if not out and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        out = [verb.head]
    return out


def _place_or_people(taken: list[Any], kinds: set[str]) -> bool:
    """False when all that was taken are things: goods, papers, drugs, vehicles, or
    weapons (a seizure of weapons is read as such by the 'disrupt' cues)."""
    if kinds & {"victim", "armed"}:
        return True
    return not all(t.lemma_.lower() in _THINGS or "arms" in kinds for t in taken)


_THINGS = {"cocaine", "heroin", "drug", "narcotic", "marijuana", "cannabis", "hashish"}
_THINGS |= {"steroid", "contraband", "cargo", "goods", "shipment", "consignment", "haul"}
_THINGS |= {"document", "plan", "paper", "file", "computer", "material", "materiel"}
_THINGS |= {"equipment", "supply", "money", "cash", "currency", "asset", "property"}
_THINGS |= {"vehicle", "car", "truck", "boat", "vessel", "ship", "tanker", "fuel", "oil"}
_THINGS |= {"ton", "tonne", "kilogram", "kg", "gram", "pound", "litre", "liter", "barrel"}
_THINGS |= {"following", "item", "belonging", "certificate", "jewel", "jewelry", "jewellery"}


_ACCIDENT_VERBS = {"crash", "collide", "capsize", "sink", "derail", "overturn"}
_AIRCRAFT = {"helicopter", "plane", "aircraft", "airplane", "jet", "airliner"}
_DISEASES = {"disease", "cholera", "outbreak", "epidemic", "famine", "drought", "heatwave"}
_ACCIDENT_NOUNS = {"accident", "crash", "collision", "stampede", "earthquake", "flood"}
_ACCIDENT_NOUNS |= {"landslide", "storm", "cyclone", "hurricane", "mishap"}


def _disaster_did_it(verb: Any) -> bool:
    """'the earthquake of March 28, which killed more than 3,700 people', 'floods
    killed 40': the doer is a disaster, not an armed side."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # 'which was centred near the city and killed 3,700'
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    doers = [subj]
    if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        doers = [verb.head, *list(verb.head.ancestors)[:3]]  # 'the quake of March 28, which'
    return any(t.lemma_.lower() in _ACCIDENT_NOUNS | _DISEASES for t in doers)


def _accident(cue: Cue) -> str:
    """'four soldiers were killed when their plane crashed', 'died in a road
    accident': deaths in an accident or disaster are no incident (unless something
    was shot down or blown up, which the sentence's weapons then say)."""
    tok = cue.head
    crashed = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _ACCIDENT_VERBS
    if cue.kind == "arms" and tok.lemma_.lower() in _AIRCRAFT and crashed:
        return "accident"  # 'their helicopter crashed near the base'
    if cue.pattern not in _KILL_WORDS:
        return ""
    if _disaster_did_it(tok):
        return "accident (a disaster's toll)"
    for c in tok.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in _ACCIDENT_VERBS:
            return "accident"
        objects = [o.lemma_.lower() for o in c.children if o.dep_ == "pobj"]
        in_one = c.dep_ == "prep" and c.lower_ in ("in", "during", "after")
        if in_one and set(objects) & _ACCIDENT_NOUNS:
            return "accident"
    return ""


def _day_in(tok: Any) -> bool:
    """A day named in the phrase: a date with a number or a weekday."""
    days = _WHEN_WORDS - {"morning", "night", "evening", "afternoon"}
    return any(
        (t.ent_type_ in ("DATE", "TIME") and t.like_num and len(t.text) <= 2) or t.lower_ in days
        for t in tok.subtree
    )


def _metaphor(tok: Any) -> str:
    """'denounced the moves as an attack on the constitutional order'."""
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "as"
        and tok.lemma_.lower() in ("attack", "strike")
    ):
        return "characterisation"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against"):
            objs = [t for t in c.children if t.dep_ == "pobj"]
            if objs and all(o.lemma_.lower() in _ABSTRACT for o in objs):
                return "metaphor"
    return ""


def _war_as_whole(tok: Any) -> str:
    """'a war that lasted three years and killed 100,000 people': what a war did as a
    whole is a statistic; so is any toll in the thousands."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl":
            subj = subj.head.head
        if verb.dep_ == "relcl" or (verb.dep_ == "conj" and verb.head.dep_ == "relcl"):
            rel = verb if verb.dep_ == "relcl" else verb.head
            subj = rel.head
        if subj is not None and subj.lemma_.lower() in _WAR_WORDS:
            return f"war as a whole ({subj.lower_})"
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        main = verb.dep_ in ("ROOT", "ccomp") or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        for c in verb.children if perfect or main else ():
            if c.dep_ in ("dobj", "nsubjpass") and any(
                d.dep_ == "nummod" and _number(d) >= 1000 for d in c.children
            ):
                return "toll in the thousands: a statistic"
    return ""


def _casualty_summary(cue: Cue) -> str:
    """'the armed forces have inflicted the following casualties on the enemy: 784
    dead, 357 wounded': casualties a side 'has inflicted' or 'has suffered' are a tally
    over a period, a statistic."""
    if cue.pattern not in _KILL_WORDS:
        return ""
    for t in cue.head.doc:
        if t.lemma_.lower() not in ("casualty", "loss") or t.dep_ != "dobj":
            continue
        if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in t.head.children):
            return "tally of casualties: a statistic"
    return ""


def _bare_plural(tok: Any) -> str:
    """'people are subject to attacks, abductions, abuse': plural occurrences with no
    determiner, number, date or figure in the sentence are a general description."""
    mass = tok.tag_ == "NN" and tok.lower_.endswith("ing")  # 'too much killing'
    if tok.pos_ not in ("NOUN", "PROPN") or not (_plural(tok) or mass):
        return ""
    if any(c.dep_ in ("det", "nummod", "poss", "compound") for c in tok.children):
        return ""
    if tok.dep_ == "conj" and any(c.dep_ in ("det", "nummod", "poss") for c in tok.head.children):
        return ""
    if _specific_sentence(tok.sent):
        return ""
    return "general description"


_ARMED_ONLY = {"clash", "fight", "fighting", "battle", "fought"}


def _armless(cue: Cue) -> str:
    """'the Oval Office clash between Trump and Zelensky': a clash with no armed side,
    weapon or casualty in the sentence is verbal."""
    if cue.pattern not in _ARMED_ONLY:
        return ""
    lex = lexicon()
    tok = cue.head
    scope = list(tok.subtree)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        scope = list(tok.head.subtree)
    keys = [token_keys(t.lower_, t.lemma_) for t in scope]
    kinds = {m.entry.kind for m in lex.match(keys)}
    words = {m.entry.pattern for m in lex.match(keys)}
    if kinds & {"armed", "arms"} or words & _KILL_WORDS:
        return ""
    return "no armed side"


def _negated(tok: Any) -> str:
    if any(c.dep_ == "neg" for c in tok.children):
        return "negated"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated"
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return "negated (without)"
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "attr") and any(c.dep_ == "neg" for c in head.children):
        return "negated"
    return ""


def _hypothetical(tok: Any) -> str:
    lex = lexicon()
    modal = lex.words_of("modal")
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in _MODAL_AUX:
            return f"hypothetical ({c.lower_})"
    if _conditional(tok):
        return "hypothetical (condition)"
    protest = tok.lemma_.lower() in ("protest", "demonstrate", "rally", "march")
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head.i != first.i:
        first = first.head  # 'in order to intimidate and murder'
    if (
        not protest
        and first.dep_ in ("acl", "advcl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children)
    ):
        return "hypothetical (purpose)"  # 'an attack to capture the positions'
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "dobj", "pobj", "prep", "compound", "amod", "acl", "nsubj"):
            return ""
        if cur.dep_ == "nsubj" and cur.head.lemma_.lower() not in ("be",):
            return ""
        if cur.dep_ == "prep" and cur.lower_ not in ("of", "for", "to"):
            return ""  # 'preparing for an election under a 2014 peace deal'
        cur = cur.head
        if any(c.dep_ == "aux" and c.lower_ in _MODAL_AUX for c in cur.children):
            return "hypothetical (modal)"
        if cur.lemma_.lower() in modal or cur.lower_ in modal:
            if any(c.dep_ in ("aux",) and c.lower_ in _MODAL_AUX for c in cur.children):
                return f"hypothetical ({cur.lower_})"
            return f"hypothetical ({cur.lower_})"
        if cur.dep_ in ("ROOT",):
            return ""
    return ""


def _conditional(tok: Any) -> bool:
    """'if the troops are fighting in the last line, ...': a condition, not a report."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _generic(tok: Any) -> str:
    for c in tok.children:
        if c.dep_ == "dobj" and c.lower_ in ("other", "another"):
            return "generic (each other)"  # 'people killing each other'
    for c in tok.children:
        if c.dep_ in ("det", "amod", "predet") and c.lower_ in _GENERIC_DETS:
            return f"generic ({c.lower_})"
        if c.dep_ == "amod" and c.lower_ in _GENERIC_AMODS:
            return f"generic ({c.lower_})"
        if c.dep_ in ("compound", "amod") and c.lower_ == "scale":
            return "generic (large-scale)"
    return ""


def _plural(tok: Any) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or (
        tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s") and not tok.lower_.endswith("ss")
    )


def _counted(tok: Any, cumulative: set[int], weapon: bool = False) -> str:
    """Plural occurrences counted over time are statistics, not incidents; so is what
    'has been' done 'in the past two years'. People ('35 protesters') are not counts."""
    if tok.lower_.endswith(("ers", "ors", "ists", "men", "ages")):
        return ""
    chain = [tok]
    while chain[-1].dep_ in ("conj", "advcl", "xcomp") and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)  # 'have been blocked or harassed ... and assaulted'
    perfect = any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have"
        for v in chain
        for c in v.children
    )
    if tok.pos_ in ("VERB", "AUX"):
        temporal = {i for i in cumulative if tok.doc[i].lower_ not in _QUANTITY_HEADS}
        near = any(_near_cumulative(v, temporal) for v in chain)
        counted = any(
            d.dep_ == "nummod" and _number(d) >= 10
            for c in tok.children
            if c.dep_ in ("nsubjpass", "dobj", "nsubj")
            for d in c.children
        )
        return "count over time" if near and (perfect or counted) else ""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return ""
    head = tok.head
    quantity = None
    base = tok
    while base.dep_ in ("conj", "compound") and base.head.i != base.i:
        if base.head.lower_ in _VAGUE_QUANTITY or base.head.i in cumulative:
            break
        base = base.head
    if base.dep_ == "pobj" and base.head.lower_ == "of":
        quantity = base.head.head
    elif base.dep_ in ("conj", "compound"):
        quantity = base.head
    if quantity is not None and (quantity.i in cumulative or quantity.lower_ in _VAGUE_QUANTITY):
        return "count"
    occurrences = {"attack", "strike", "bombing", "explosion", "raid", "incident", "assault"}
    if weapon and any(t.lemma_.lower() in occurrences for t in (*tok.conjuncts, tok.head)):
        weapon = False  # '34 grenade and bomb attacks' counts attacks, not grenades
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for c in (*tok.children, *first.children):
        if c.dep_ == "nummod" and _number(c) > 10 and not weapon:
            return "count"  # '34 grenade attacks'; but '24 drones' is the size of one attack
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("most", "some", "many"):
        return "count (part of a set)"
    if not _plural(tok):
        return ""
    if _near_cumulative(tok, cumulative):
        return "count over time"
    for c in tok.children:
        if c.dep_ == "nummod" and _number(c) > 10:
            return "count"
        if c.dep_ == "poss" and c.lower_ in ("their", "its"):
            return "habitual"
        if c.dep_ in ("amod", "nummod", "quantmod") and c.lower_ in _VAGUE_QUANTITY:
            return "count"
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _VAGUE_QUANTITY:
        return "count"
    if tok.dep_ == "pobj" and head.lower_ == "of" and _number(head.head) > 10 and not weapon:
        return "count"
    small = any(c.dep_ == "nummod" and 0 < _number(c) <= 10 for c in tok.children)
    agent = tok.lower_.endswith(("ers", "ors", "ists", "men"))
    verb = tok.head if tok.dep_ == "nsubj" and not small and not agent else None
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")] if verb is not None else []
    for v in verbs:
        if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children):
            return "count (perfect)"
    return ""


def _near_cumulative(tok: Any, cumulative: set[int]) -> bool:
    """A count-over-time cue in the noun's own phrase ('repeated attacks', 'a flurry of
    attacks') or on its clause ('since mid-October, there have been ...')."""
    if not cumulative:
        return False
    if any(t.i in cumulative for t in tok.subtree):
        return True
    if tok.dep_ == "pobj" and tok.head.head.i in cumulative:
        return True
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    verb = verb or next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp"):
            continue
        if any(t.i in cumulative for t in child.subtree):
            return True
    return False


def _ongoing(tok: Any) -> str:
    """'a coalition battling fighters in Iraq': a participle describing what a group
    does in general, with no date, is no occurrence."""
    if tok.tag_ == "VBG" and tok.dep_ in ("acl", "amod", "pcomp"):
        return "ongoing activity"
    if tok.tag_ == "VBN" and tok.dep_ == "pcomp":
        return "detail (with 70 wounded)"
    return ""


def _number(tok: Any) -> float:
    """The value of a number token (vague quantities approximated); a year counts 0."""
    text = tok.lower_.replace(",", "")
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
        return 0.0
    try:
        return float(text)
    except ValueError:
        return {"dozens": 24, "hundreds": 200, "scores": 40, "thousands": 2000}.get(text, 0)


def _context(tok: Any) -> str:
    """War-as-a-whole uses: 'a pause in the fighting', 'two-month fighting', 'amid
    Israel's bombardment' with no date of its own."""
    for c in tok.children:
        how_long = _is_duration(c) and not _point_in_time(c)
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and how_long:
            return "duration"
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.head.lower_ in _CONTEXT_HEADS or prep.head.lemma_.lower() in _CONTEXT_HEADS:
            return f"context ({prep.head.lower_})"
        if prep.lower_ in _BACKGROUND_PREPS and not _has_date(tok):
            return f"context ({prep.lower_})"
    return ""


_DEICTIC = {"last", "this", "next", "earlier", "previous", "past", "that", "same", "late"}


def _point_in_time(tok: Any) -> bool:
    """'Last month, militants killed ...': a time when it happened, not how long."""
    return any(c.lower_ in _DEICTIC and c.dep_ in ("amod", "det") for c in tok.children)


def _is_duration(tok: Any) -> bool:
    """'two-month', 'months' (of fighting); not 'today'."""
    word = tok.lower_
    if "-" in word:
        return any(word.endswith("-" + d) for d in _DURATIONS)
    return tok.lemma_.lower() in _DURATIONS and word not in ("today", "yesterday")


_WHEN_WORDS = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday"}
_WHEN_WORDS |= {"friday", "saturday", "sunday", "morning", "night", "evening", "afternoon"}


def _specific_sentence(sent: Any) -> bool:
    """A date, a time or a figure in the sentence (read from the words too, since the
    entity recogniser misses them in upper-case wire text)."""
    return any(
        t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.like_num or t.lower_ in _WHEN_WORDS
        for t in sent
    )


def _general_perfect(tok: Any, cue: Cue) -> str:
    """'US forces have struck Iran-linked targets in Iraq and Syria': a perfect-tense
    summary over plural, uncounted targets with no date is a general description."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ != "VBN":
        return ""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children):
        return ""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs or not all(_plural(o) for o in objs):
        return ""
    if any(any(d.dep_ == "nummod" for d in o.children) for o in objs):
        return ""
    if any(t.ent_type_ in ("DATE", "TIME") for t in tok.doc):
        return ""
    return "general description"


def _modifier_only(tok: Any, trigger_heads: set[int]) -> str:
    """'riot police', 'protest leader', 'attack helicopter': a trigger word that only
    modifies another noun is no occurrence."""
    if tok.dep_ == "compound" and tok.head.i not in trigger_heads and tok.head.pos_ == "NOUN":
        return "modifier"
    if tok.dep_ == "amod" and tok.head.i not in trigger_heads and tok.i < tok.head.i:
        return "modifier"
    return ""


def _has_date(tok: Any) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree) or any(
        c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children
    )


# ---------------------------------------------------------------- grouping


def _group(doc: Any, kept: list[tuple[Cue, str]], cues: list[Cue]) -> list[Mention]:
    """One mention per sentence, plus one per occurrence referred to as another event."""
    if not kept:
        return []
    separate: list[tuple[Cue, set[int], bool]] = []
    for cue, _why in kept:
        sub = _reference_subtree(cue.head) or _coordinated_subtree(cue.head, kept)
        reference = sub is not None
        sub = sub or _clause_subtree(cue.head, kept) or _interception(cue, kept)
        sub = sub or _grievance_subtree(cue.head, kept)
        if sub is not None and not any(cue.head.i in s for _, s, _ in separate):
            separate.append((cue, sub, reference))
    taken = set().union(*(s for _, s, _ in separate)) if separate else set()
    mentions = []
    main_region = {t.i for t in doc} - taken
    main = [(c, w) for c, w in kept if c.head.i in main_region]
    if main:
        mentions.append(_mention(main, main_region, cues))
    for cue, region, reference in separate:
        inside = [(c, w) for c, w in kept if c.head.i in region]
        m = _mention(inside, region, cues)
        m.anaphoric = m.anaphoric or _is_anaphoric(cue.head)
        m.reference = reference
        mentions.append(m)
    mentions.sort(key=lambda m: min(c.head.i for c in m.triggers))
    return mentions


def _coordinated_subtree(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'an attack on the assembly and an attack on the electoral council': two
    indefinite occurrences coordinated in one sentence are two incidents."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "conj":
        return None
    heads = {c.head.i for c, _ in kept}
    if tok.head.i not in heads or not (_indefinite(tok) and _indefinite(tok.head)):
        return None
    return {t.i for t in tok.subtree}


_DATELINE_DASHES = {"—", "--", "–"}
_INTERCEPT = {"intercept", "shoot down", "shot down"}


def _interception(cue: Cue, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'... launched 24 drones, and 19 of the drones were shot down': weapons stopped
    in flight are an incident of their own (Disrupted weapons use) beside the strike
    the same sentence reports, when told in a clause of their own."""
    if cue.sub != "Disrupted weapons use" or cue.pattern not in _INTERCEPT:
        return None
    verb = cue.head if cue.head.pos_ in ("VERB", "AUX") else cue.head.head
    if verb.dep_ == "ROOT":
        return None
    region = {t.i for t in verb.subtree}
    others = [c for c, why in kept if not why and c.kind != "arms" and c.head.i not in region]
    return region if others else None


def _clause_subtree(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'a landmine killed four civilians last month, and in September fighters attacked
    a school in Bamako': a coordinated clause with its own subject that dates or places
    its act differently from the clause before it reports another incident."""
    if tok.pos_ != "VERB" or tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    region = {t.i for t in tok.subtree}
    fronted = any(t.ent_type_ in ("DATE", "TIME") and t.i < tok.i for t in tok.subtree)
    if not fronted and not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # 'stormed the village and killed ten', 'four were killed and six wounded'

    dashes = [t.i for t in tok.doc if t.text in _DATELINE_DASHES and t.i < tok.head.i]
    after_dateline = max(dashes, default=-1)  # 'MAIDUGURI, Nigeria — ...' places no act
    before = {t.i for t in tok.head.subtree if t.i > after_dateline} - region
    if not any(c.head.i in before for c, _ in kept):
        return None
    doc = tok.doc
    for labels in (("DATE", "TIME"), ("GPE", "LOC", "FAC")):
        own = _entity_words(doc, region, labels)
        other = _entity_words(doc, before, labels)
        if own and other and not own & other:
            return region
    return None


def _entity_words(doc: Any, region: set[int], labels: tuple[str, ...]) -> set[str]:
    return {t.lower_ for t in doc if t.i in region and t.ent_type_ in labels}


def _grievance_subtree(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'protesters carried placards denouncing the killing of six priests': the killing
    a protest or a statement condemns is an incident of its own, not the protest's."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "dobj":
        return None
    if tok.head.lemma_.lower() not in _GRIEVANCE_VERBS - _CAUSE_VERBS:
        return None
    region = {t.i for t in tok.subtree}
    others = [c for c, why in kept if not why and c.head.i not in region and c.kind != "arms"]
    return region if others else None


def _indefinite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _reference_subtree(tok: Any) -> set[int] | None:
    """The tokens of an occurrence that the sentence mentions as another event: 'for
    the October 7 attack', 'in retaliation for an attack', 'after Friday's shelling'."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    prep = tok.head
    revenge = prep.head.lower_ in _REVENGE_HEADS
    dated = _has_date(tok)
    if revenge or (prep.lower_ in _REFERENCE_PREPS and dated) or prep.lower_ in _BACKGROUND_PREPS:
        return {t.i for t in tok.subtree}
    return None


def _mention(kept: list[tuple[Cue, str]], region: set[int], cues: list[Cue]) -> Mention:
    live = [c for c, why in kept if not why]
    dead = [(c, why) for c, why in kept if why]
    finite = [c for c in live if not (c.head.tag_ == "VBN" and c.head.dep_ == "acl")]
    if finite and len(finite) < len(live):
        live = finite  # travellers abducted last week, rescued after a gunfight
    if live:
        m = Mention(triggers=live, region=region)
    else:
        m = Mention(triggers=[c for c, _ in dead], region=region, suppressed=dead[0][1])
    named = [c for c in m.triggers if c.kind != "arms"] or m.triggers
    m.anaphoric = all(_is_anaphoric(c.head) or _told_of_them(c.head) for c in named)
    return m


def _told_of_them(verb: Any) -> bool:
    """'The attackers struck the post shortly after 11 p.m.': a verb whose doer is 'the
    attackers' tells more of an attack already reported."""
    if verb.pos_ != "VERB":
        return False
    for c in verb.children:
        definite = any(
            d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in c.children
        )
        if c.dep_ == "nsubj" and definite and c.lemma_.lower().startswith(_AGENTS):
            return True
    return False


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
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS:
            return True
        if c.dep_ == "poss":
            return True
    return False


# ---------------------------------------------------------------- typing


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
        if sub:
            seen.add((c.head.i, sub))
            bonus = 0.5 if c.head.dep_ == "ROOT" else 0.0
            bonus += _place_taken(c)
            factor = 0.5 if violent and c.kind == "weak" else 1.0  # context beside an attack
            scores.add(sub, (c.weight + bonus) * factor, c.pattern)
    weapons = _weapons(mention, cues, scores)
    if not scores.values:
        return None
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
    return tok.dep_ == "pobj" and tok.head.lower_ == "on"


_PLACE_NOUNS = {"town", "city", "village", "area", "district", "base", "position", "camp"}
_PLACE_NOUNS |= {"port", "airport", "border", "region", "province", "neighbourhood", "capital"}
_PLACE_NOUNS |= {"neighborhood", "territory", "hill", "stronghold", "highway", "road", "field"}


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


def _a_place(tok: Any) -> bool:
    """'Wad Madani, the capital of Gezira state': a name the tagger may read as a
    person's is a place when its apposition calls it a town, city or capital."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in tok.children)


def _weapons(mention: Mention, cues: list[Cue], scores: _Scores) -> list[str]:
    """Weapons named in the mention's region push their sub-type (a weapon overrides a
    generic act) and are listed, normalised."""
    out: list[str] = []
    pushes: dict[str, Cue] = {}
    trigger_heads = {c.head.i for c in mention.triggers}
    for c in cues:
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


def _carried(tok: Any) -> bool:
    """'militants armed with rifles and rocket-propelled grenades attacked ...': weapons
    the attackers carried describe them, they do not type the act (a gunfight where
    RPGs were also carried is still a clash or an attack)."""
    return any(anc.lower_ == "with" and anc.head.lower_ == "armed" for anc in _up(tok, 4))


def _refine(sub: str, mention: Mention, cues: list[Cue], scores: _Scores) -> tuple[str, str]:
    """Settle the families that depend on who was on the receiving end."""
    if sub in _PROTEST_SUBS or (_has_protest(cues) and sub not in _STRONG_EXPLOSIVE):
        return _protest_kind(mention, cues)
    if sub in ("Attack", "Armed clash") and not _specific(scores):
        return _attack_or_clash(sub, mention, cues, scores)
    if sub == "Air/drone strike" and _struck_by_people(mention, cues):
        return _attack_or_clash("Attack", mention, cues, scores)
    if sub in _TERRITORY:
        return _territory(sub, mention, cues)
    crowd = [c.head.lower_ for c in cues if c.head.lemma_.lower() in _CROWD]
    if sub == "Looting/property destruction" and crowd:
        return "Mob violence", "crowd: " + crowd[0]
    if sub == "Disrupted weapons use" and "Arrests" in scores.values:
        return "Arrests", "armed suspects arrested (weapons seized)"
    if sub == "Arrests" and _protesters_held(mention):
        return "Protest with intervention", "protesters arrested"
    return sub, ""


_PROTESTERS = ("protester", "protestor", "demonstrator", "striker", "marcher", "rioter")


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


_AGENTS = ("attacker", "assailant", "gunman", "gunmen", "raider", "intruder", "kidnapper")


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


def _territory(sub: str, mention: Mention, cues: list[Cue]) -> tuple[str, str]:
    """Who took the place decides the direction: state forces regain territory, a
    non-state group overtakes it; people 'captured' were abducted; a withdrawal
    without a fight is a transfer."""
    words = {c.pattern for c in cues}
    if words & {"withdraw", "pull out", "vacate", "hand over", "handed control"} and not (
        words & {"clash", "fighting", "battle", "fight", "fought"}
    ):
        return "Non-violent transfer of territory", "withdrawal"
    anchor = min(c.head.i for c in mention.triggers if c.sub in _TERRITORY)
    taken = next(c.head for c in mention.triggers if c.head.i == anchor)
    victims = {c.head.i for c in cues if c.kind == "victim" and c.pattern not in _PLACES_HIT}
    held = [t for t in taken.children if t.dep_ in ("dobj", "nsubjpass")]
    if taken.dep_ in ("acl", "amod", "ccomp", "xcomp"):
        held.append(taken.head)
    if any(t.i in victims or (t.ent_type_ == "PERSON" and not _a_place(t)) for t in held):
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
    crowd = [doc[i] for i in sorted(mention.region) if doc[i].lemma_.lower() in _CROWD]
    if clash > attack and crowd and sides == {"state"} and "clash" in scores.why.get(sub, []):
        return "Violent demonstration", f"clash of {crowd[0].lower_} with {armed[0].pattern}"
    if clash > attack:
        words = [c.pattern for c in targets] or [c.pattern for c in armed]
        return "Armed clash", "armed sides: " + ", ".join(words[:3])
    words = [c.pattern for c in victims] or scores.why.get(sub, [])
    return "Attack", "against: " + ", ".join(words[:3]) if victims else ", ".join(words[:3])


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


_CAUSE_VERBS = {"unleash", "spark", "trigger", "provoke", "prompt", "cause", "fuel", "ignite"}


def _set_off(tok: Any) -> bool:
    """'the murder unleashed a wave of protests': protests an act set off."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CAUSE_VERBS


_GRIEVANCE_VERBS = {"denounce", "condemn", "protest", "demonstrate", "mourn", "decry"}
_GRIEVANCE_VERBS |= {"commemorate", "demand", "unleash", "spark", "trigger", "provoke", "mark"}


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


def _date_elsewhere(anchor: Any) -> bool:
    """'The protests were called by X, who says the October 9 vote was rigged': the
    sentence's dates all belong to other clauses than the one that tells the
    anaphoric mention, so they do not date it (and may not keep it apart)."""
    doc = anchor.doc
    dated = {t.i for t in doc if t.ent_type_ in ("DATE", "TIME")}
    if not dated:
        return False
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
