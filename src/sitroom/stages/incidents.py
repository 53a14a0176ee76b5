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

This module holds the stage, the candidate tests (step 1) and the grouping (step 3);
`incident_filters` holds step 2 (`_why_not`), `incident_types` step 4 (`_incident`),
and `incident_base` the cues, mentions and word lists they share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitroom.knowledge.numbers import parse_number
from sitroom.knowledge.triggers import Lexicon, lexicon
from sitroom.model import Analysis, Incident, Sentence
from sitroom.stages import Stage
from sitroom.stages.incident_base import (
    _AGENTS,
    _BACKGROUND_PREPS,
    _CAUSE_VERBS,
    _GRIEVANCE_VERBS,
    _NAME_ENTITIES,
    _NONSTATE_ARMED,
    _PLACE_NOUNS,
    _PROTEST_SUBS,
    _PROTESTERS,
    _STRONG_EXPLOSIVE,
    _TERRITORY,
    _WHEN_WORDS,
    Cue,
    Mention,
    _a_place,
    _cues,
    _has_date,
    _is_anaphoric,
    _is_named_weapon,
    _plural,
    _up,
)
from sitroom.stages.incident_filters import _why_not
from sitroom.stages.incident_types import _incident

SHORT_SENTENCES = 3  # a text of at most this many sentences is a one-event report
SHORT_CHARS = 900
FALLBACK = True
_FIRM: tuple[str, ...] = ("negated", "hypothetical", "question", "metaphor", "characterisation")
_FIRM += ("sense", "accident")
_REFERENCE_PREPS = {"for", "after", "following", "since", "before", "than", "like", "over"}
_REVENGE_HEADS = {"retaliation", "response", "revenge", "reprisal", "answer"}


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
    leads: list[tuple[Incident, Mention]] = []
    for i in sorted(parses):
        for mention in _mentions(parses[i], lex, short):
            incident = _incident(mention, parses[i], sentences[i], i)
            if incident is None:
                continue
            if not mention.suppressed:
                found.append(incident)
                leads.append((incident, mention))
            elif not mention.suppressed.startswith(_FIRM):
                fallback.append(incident)
    if not short:
        found = [x for x in found if not _roundup(x, leads, found)]
    if FALLBACK and short and not found and fallback:
        best = max(fallback, key=lambda x: x.confidence)
        best.confidence = min(best.confidence, 0.3)
        found = [best]
    return found


_SITES = {"place", "village", "town", "location", "site", "position", "base", "area"}
_SITES |= {"community", "locality", "district", "camp", "post", "target", "settlement"}
_SEPARATE = {"separate", "several", "multiple", "different", "distinct"}
_ACTS = {"attack", "raid", "assault", "ambush"}
_DAY_WORDS = _WHEN_WORDS - {"morning", "night", "evening", "afternoon"}
_SPANS = {"week", "weekend", "days", "weeks", "month"}
ROUNDUP_LATER = 2  # incidents told after a counted lead that make it a summary


def _roundup(
    incident: Incident, leads: list[tuple[Incident, Mention]], found: list[Incident]
) -> bool:
    """'Armed men attacked three places in the northwest this week, killing 15',
    followed by the attacks told one by one: a lead that counts the places or attacks
    it sums is an aggregate, not an incident (but 'killed 40 civilians in a series of
    attacks on villages', told once, stays one incident)."""
    mention = next((m for x, m in leads if x is incident), None)
    if mention is None or not any(_counts_sites(c.head) for c in mention.triggers):
        return False
    if not any(_spans_days(c.head) for c in mention.triggers):
        return False  # 'air strikes on two villages killed 27': one act, however placed
    first = incident.sentences[0]
    later = [x for x in found if x is not incident and min(x.sentences) > first]
    return len(later) >= ROUNDUP_LATER


def _counts_sites(tok: Any) -> bool:
    """An act on counted places ('attacked three villages') or counted acts ('two
    separate attacks', 'attacks on three villages')."""
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else []
    nouns += [c for c in tok.children if c.dep_ == "dobj"]
    nouns += [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for noun in nouns:
        counted = any(
            (c.dep_ == "nummod" and (parse_number(c.text) or 0) >= 2) or c.lower_ in _SEPARATE
            for c in noun.children
        )
        is_act = noun.lemma_.lower() in _ACTS
        if counted and _plural(noun) and (is_act or noun.lemma_.lower() in _SITES):
            return True
    return False


def _spans_days(tok: Any) -> bool:
    """Whether the act's clause is dated to a span of days ('this week', 'in recent
    days', 'over the weekend'), not to one day ('on Tuesday', 'May 3')."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    region = {t.i for t in verb.subtree}
    span = False
    for ent in verb.doc.ents:
        if ent.label_ not in ("DATE", "TIME") or ent.start not in region:
            continue
        words = {t.lower_ for t in ent}
        if words & _DAY_WORDS or any(t.like_num and len(t.text) <= 2 for t in ent):
            return False
        span = span or bool(words & _SPANS)
    return span


def _is_short(sentences: Sequence[Sentence]) -> bool:
    """A short text (a snippet, a coder's note, a wire lead) reports one event: there
    weak cues count, and its strongest candidate is kept even if it looks general."""
    if not sentences:
        return True
    chars = sentences[-1].end - sentences[0].start
    return len(sentences) <= SHORT_SENTENCES or chars <= SHORT_CHARS


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
        marched = (c.kind == "weak" and c.pattern not in _STONES) or c.pattern == "march"
        if marched and c.sub in _PROTEST_SUBS and armed and _marched_by(c, cues):
            continue  # troops 'marched' into the town
        if (
            (c.kind in ("event", "generic") and _pos_ok(c) and not _idle_shell(c, delivery, short))
            or (c.kind == "weak" and (_loose_weak(c, short) or _weak_holds(c, cues)))
            or (c.kind == "arms" and _arms_used(c, delivery, trigger_heads, short))
            or (c.kind == "disrupt" and _disrupted(c, cues))
        ):
            candidates.append(c)
    reasons = {id(c): _why_not(c, cumulative, trigger_heads) for c in candidates}
    _propagate(candidates, reasons)
    return _group(doc, [(c, reasons[id(c)]) for c in candidates], cues)


_VERB_ONLY = {"target", "free", "storm", "fire on", "hack", "advance"}


_STRICT_WEAK = {"take", "enter", "sweep into", "storm into", "roll into", "move into"}
_STRICT_WEAK |= {"agree", "deal", "throw stone", "hurl stone", "pelt", "stone-throwing"}


def _loose_weak(cue: Cue, short: bool) -> bool:
    """In a short report a weak cue counts by itself, except the common verbs that need
    their context checked everywhere ('the gathering took place', 'dealt a blow')."""
    return short and cue.pattern not in _STRICT_WEAK


def _marched_by(cue: Cue, cues: list[Cue]) -> bool:
    """'troops marched into the town': a march by an armed side (or by no one named) is
    no protest; 'residents marched ... to denounce the security forces' failure' is."""
    verb = cue.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.pos_ != "VERB" or subj is None:
        return True
    inside = {t.i for t in subj.subtree}
    if subj.lemma_.lower().startswith(_AGENTS):
        return True  # 'the attackers marched the congregation into the forest'
    return any(c.kind == "armed" and c.head.i in inside for c in cues)


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
            if _own_dated_clause(c.head):
                continue  # 'attacks have risen since the Taliban took over Kabul in 2021'
            reasons[id(c)] = f"part of {d.head.lower_} ({reasons[id(d)]})"


def _own_dated_clause(tok: Any) -> bool:
    """A verb heading a clause of its own (since..., when..., that...) with its own date
    tells its own occurrence, whatever the sentence's subject is."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        tok = tok.head  # 'since May 2025, when the killing of a leader set off fighting'
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("advcl", "ccomp", "relcl"):
        return False
    region = {t.i for t in tok.subtree} | _date_before_when(tok)
    return bool(_explicit_dates(region, tok.doc))


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august"}
_MONTHS |= {"september", "october", "november", "december"}
_ANCHORS = {"last", "ago", "yesterday", "previous", "earlier"}


def _explicit_dates(region: set[int], doc: Any) -> set[str]:
    """The words of dates in `region` that fix a point in time ('in 2021', 'last June',
    'March 2019', 'two weeks ago'), not a length ('for years') or a vague 'recently'."""
    found: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent.start not in region:
            continue
        words = {t.lower_ for t in ent}
        if "old" in words or ent.root.dep_ in ("amod", "compound"):
            continue  # 'a 16-year-old boy': an age
        if any(ch.isdigit() for ch in ent.text) or words & (_MONTHS | _ANCHORS):
            found |= words
    return found


def _subordinated(verb: Any) -> bool:
    """A clause opened by 'when', 'since', 'after' or 'before' tells an act of its own
    time (a participle clause 'killing a boy' tells the main act's outcome)."""
    opener = {"when", "since", "after", "before", "as"}
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in opener for c in verb.children)


def _elaborates(verb: Any, kept: list[tuple[Cue, str]]) -> bool:
    """'the scene of a massacre in August, when militants killed 200 people', 'the
    deadliest came in August 2023, when fighters overran a base': a when-clause on a
    date tells the act the sentence names (but 'the deadliest attack since March 2019,
    when ...' tells an earlier one)."""
    date = verb.head if verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE" else None
    if date is None and _date_before_when(verb):
        date = verb.doc[min(_date_before_when(verb) - {t.i for t in verb.subtree})]
    if date is None:
        return False
    prep = next((a for a in [date, *list(date.ancestors)[:2]] if a.dep_ == "prep"), None)
    return prep is None or prep.lower_ not in ("since", "after", "before")


def _date_before_when(verb: Any) -> set[int]:
    """'heavy losses, most recently in April, when 12 soldiers were killed': the date
    phrase just before a when-clause is the clause's own time."""
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return set()
    i = verb.left_edge.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0 or verb.doc[i].ent_type_ != "DATE":
        return set()
    phrase = verb.doc[i]
    for _ in range(3):  # 'April' -> 'in'
        if phrase.dep_ == "prep":
            return {t.i for t in phrase.subtree}
        phrase = phrase.head
    return {i}


def _recalled_clause(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'the deadliest attack since March 2019, when gunmen killed 160 villagers in
    Ogossagou', 'the worst since bombings in Gwoza killed 32 people last June': a
    when-/since-/relative clause with its own act and its own date recalls an earlier
    occurrence; its date, place and toll are not the sentence's lead incident's."""
    verb = next((a for a in [tok, *list(tok.ancestors)[:4]] if a.pos_ == "VERB"), None)
    if verb is None or verb.dep_ not in ("advcl", "relcl"):
        return None
    if verb.dep_ == "relcl" and verb.head.ent_type_ != "DATE":
        return None  # 'a union leader who was killed 13 days ago': a person's story
    if verb.dep_ == "advcl" and not _subordinated(verb):
        return None  # 'fired at protesters in Matola, killing a boy': the same act's outcome
    doc = tok.doc
    region = {t.i for t in verb.subtree}
    if tok.i not in region:
        return None
    if _elaborates(verb, kept):
        return None
    region |= _date_before_when(verb)
    own = _explicit_dates(region, doc)
    on_date = verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE"
    if on_date:
        region |= {t.i for t in verb.head.subtree}
        own = own or _explicit_dates(region, doc)
    if not own:
        return None
    rest = {t.i for t in doc} - region
    if own & _explicit_dates(rest, doc):
        return None
    others = [c for c, _ in kept if c.head.i in rest and c.kind != "arms"]
    return region if others else None


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
        if "old" in words or ent.root.dep_ in ("amod", "compound"):
            continue  # 'a 16-year-old boy': an age
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
    arrests of armed-group members, of people caught with weapons or in a raid; a deal
    concluded between the warring parties; a town entered or taken by an armed side;
    tear gas or water cannon used on protesters."""
    if cue.sub == "Agreement":
        deal = cue.pattern == "deal"
        if deal and (cue.head.pos_ != "NOUN" or not _war_talk(cue.head.doc, cues)):
            return False  # 'have dealt a major blow'; a trade deal
        return _concluded(cue.head)
    if cue.sub in _TERRITORY:
        return _town_taken(cue, cues)
    if cue.sub == "Non-violent transfer of territory":
        return cue.pattern in _HANDOVERS and any(_a_town(t) for t in _handed(cue.head))
    if cue.pattern in _STONES:
        return _stoned_troops(cue.head, cues)
    if cue.pattern == "die":
        return _died_held(cue.head)
    if cue.sub == "Protest with intervention":
        return any(_protest_word(t) for t in cue.head.doc)
    if cue.sub != "Arrests":
        return False
    if _in_raid(cue.head) or _suspects(cue.head, crime_story=_crime(cue.head.doc)):
        return True
    crime = any(t.lemma_.lower().startswith(_DRUG_WORDS) for t in cue.head.doc)
    groups = _NONSTATE_ARMED - {"fighter"} - ({"gang", "bandit"} if crime else set())
    return any(
        (c.kind == "armed" and c.pattern in groups)
        or (c.kind == "arms" and c.match.entry.weapon not in (None, "gun"))
        for c in cues
    )


_HANDOVERS = {"hand over", "handed control", "hand control"}
_HELD = {"custody", "detention", "cell", "jail", "prison"}


def _died_held(verb: Any) -> bool:
    """'a blogger died in police custody': a death in the hands of those holding the
    person is an attack (CODEBOOK), unlike 'died in hospital'."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "while")
        and any(o.lemma_.lower() in _HELD for o in c.subtree if o.dep_ == "pobj")
        for c in verb.children
    )


def _handed(verb: Any) -> list[Any]:
    """What was handed over: 'handed over its last positions at the K1 base'."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return objs + [p for o in objs for c in o.children if c.dep_ == "prep" for p in c.children]


def _crime(doc: Any) -> bool:
    return any(t.lemma_.lower().startswith(_DRUG_WORDS) for t in doc)


def _suspects(verb: Any, crime_story: bool) -> bool:
    """'police said they had arrested two suspects': suspects of an attack (not of a
    drug crime) arrested."""
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not crime_story and any(t.lemma_.lower() == "suspect" for t in held)


_STONES = {"throw stone", "hurl stone", "pelt", "stone-throwing"}


def _stoned_troops(tok: Any, cues: list[Cue]) -> bool:
    """'young men threw stones and burning tyres at Israeli troops': a riot, even with no
    protest word; not stones thrown as a detail of what the police did ('police shot
    dead four protesters as demonstrators threw stones', a subordinate clause)."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    if verb.dep_ in ("advcl", "relcl", "acl"):
        return False
    armed = {c.head.i for c in cues if c.kind == "armed"}
    return any(t.i in armed for t in verb.subtree)


_RAIDS = {"raid", "operation", "sweep", "crackdown", "swoop"}


def _in_raid(verb: Any) -> bool:
    """'arrested 12 suspected members of the group in a raid on the village': people
    taken in a security operation (the raid is how they were arrested, not an attack)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in _RAIDS for o in c.children)
        for c in verb.children
    )


_CROWD_WORDS = {"crowd", "protest", "demonstration", "rally", "march", "sit-in", "gathering"}


def _protest_word(tok: Any) -> bool:
    """'the marchers', 'a crowd of demonstrators': people protesting in the sentence."""
    lemma = tok.lemma_.lower()
    return lemma.startswith(_PROTESTERS) or (lemma in _CROWD_WORDS and tok.pos_ == "NOUN")


_ENTRY_VERBS = {"take", "enter", "sweep into", "storm into", "roll into", "move into", "free"}
_ACTS = {"kill", "attack", "shoot", "abduct", "kidnap", "burn", "loot", "massacre", "murder"}


def _town_taken(cue: Cue, cues: list[Cue]) -> bool:
    """'rebel fighters took Bunia', 'its fighters swept into Wad Madani, the capital of
    Gezira state': an armed side entering or taking a named place (not 'took office',
    not 'gunmen entered the village and killed ten', whose killing is the incident)."""
    verb = cue.head
    if cue.pattern not in _ENTRY_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    places = _destinations(verb)
    if not any(_a_town(t) or (back and t.pos_ == "PRON") for t in places):
        return False  # 'federal forces took it back', 'took Bunia'; not 'took office'
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    inside = {t.i for t in subj.subtree}
    if not any(c.kind == "armed" and c.head.i in inside for c in cues):
        return False
    near = [*verb.conjuncts, *(c for c in verb.children if c.dep_ in ("advcl", "xcomp"))]
    if verb.dep_ in ("conj", "advcl"):
        near.append(verb.head)
    return not any(t.lemma_.lower() in _ACTS for t in near)


def _destinations(verb: Any) -> list[Any]:
    """What a verb of entering or taking reaches: its object or its 'into' phrase."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.lower_ == "into":
            out += [o for o in c.children if o.dep_ == "pobj"]
    into = [c for c in verb.children if c.dep_ == "pobj"]  # 'swept into' parsed flat
    return out + into


def _a_town(tok: Any) -> bool:
    """A named place ('Bunia', 'Wad Madani, the capital of ...') or 'the town of X'."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or _a_place(tok):
        return True
    if tok.lemma_.lower() in _PLACE_NOUNS:
        return any(c.dep_ in ("det", "prep", "compound", "poss") for c in tok.children)
    return False


# organised crime: a drug gang's members arrested are no armed group's (ACLED leaves
# crime out unless it is political violence)
_DRUG_WORDS = ("drug", "cocaine", "heroin", "narcotic", "marijuana", "cannabis", "traffick")


_CONCLUDE = {"sign", "conclude", "seal", "broker", "reach", "strike", "ink", "agree"}
_PARTIES = {"side", "party", "both", "faction", "parties", "sides"}


def _concluded(tok: Any) -> bool:
    """A ceasefire or peace deal concluded between the warring parties ('X and Y agreed
    to a ceasefire', 'signed a peace agreement with', 'a 2014 peace deal between ...',
    'the truce took effect on March 3', 'the two sides agreed to stop attacking each
    other'), not one side accepting a proposal ('Ukraine agreed to a 30-day ceasefire')."""
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return True
    if _took_effect(tok):
        return True
    if tok.lemma_.lower() == "agree" and tok.pos_ in ("VERB", "AUX"):
        return _parties(tok) and _to_stop(tok)
    verb = tok.head if tok.dep_ == "dobj" else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        verb = tok.head.head
    if verb is None or verb.lemma_.lower() not in _CONCLUDE:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if _parties(verb):
        return True
    return verb.lemma_.lower() != "agree" and bool(subjects)


def _parties(verb: Any) -> bool:
    """Two sides as the verb's subject: 'X and Y', 'both sides', 'the parties'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(list(c.conjuncts) or c.lemma_.lower() in _PARTIES for c in subjects)


_IN_FORCE = {"effect", "force"}
_CEASE = {"stop", "end", "halt", "cease", "suspend", "lay"}
_PEACE_WORDS = {"ceasefire", "truce", "peace", "hostility", "prisoner", "hostage", "swap"}


def _took_effect(tok: Any) -> bool:
    """'the truce took effect on November 27', 'a ceasefire came into force': an
    agreement reported by its start (not 'since the ceasefire took effect', a period)."""
    if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = tok.head
    if verb.lemma_.lower() not in ("take", "come", "enter", "go"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("since", "until", "before") for c in verb.children):
        return False
    reached = [c for c in verb.children if c.dep_ == "dobj"]
    reached += [o for c in verb.children if c.dep_ == "prep" for o in c.children]
    return any(o.lemma_.lower() in _IN_FORCE for o in reached)


def _to_stop(verb: Any) -> bool:
    """What was agreed ends the fighting: 'agreed to stop attacking each other',
    'agreed to a truce', 'agreed to exchange prisoners'."""
    for t in verb.subtree:
        if t.i == verb.i:
            continue
        if t.lemma_.lower() in _PEACE_WORDS:
            return True
        if t.lemma_.lower() in _CEASE and t.head.i == verb.i:
            return True
    return False


_WAR_TALK = {"fighting", "war", "conflict", "hostilities", "rebellion", "insurgency"}


def _war_talk(doc: Any, cues: list[Cue]) -> bool:
    """A bare 'deal' is a peace deal only beside the war it ends or an armed side."""
    return any(c.kind == "armed" for c in cues) or any(t.lower_ in _WAR_TALK for t in doc)


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


def _group(doc: Any, kept: list[tuple[Cue, str]], cues: list[Cue]) -> list[Mention]:
    """One mention per sentence, plus one per occurrence referred to as another event."""
    if not kept:
        return []
    separate: list[tuple[Cue, set[int], bool]] = []
    for cue, _why in kept:
        sub = _reference_subtree(cue.head) or _coordinated_subtree(cue.head, kept)
        reference = sub is not None
        sub = sub or _clause_subtree(cue.head, kept) or _interception(cue, kept)
        sub = sub or _grievance_subtree(cue.head, kept) or _earlier_act(cue.head, kept)
        sub = sub or _recalled_clause(cue.head, kept)
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


def _after_semicolon(tok: Any) -> bool:
    """'...shot dead the president in Bahir Dar; the army chief was killed in Addis Ababa
    the same evening': a clause after a semicolon, whatever the parser attached it to."""
    return tok.dep_ in ("advcl", "parataxis", "ccomp") and _semicolon(tok) >= 0


def _semicolon(tok: Any) -> int:
    """The index of a semicolon that opens the clause `tok` heads (-1 when none)."""
    before = [c.i for c in tok.children if c.text == ";" and c.i < tok.i]
    start = tok.left_edge.i
    if not before and start > 0 and tok.doc[start - 1].text == ";":
        return start - 1
    return max(before, default=-1)


def _clause_subtree(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'a landmine killed four civilians last month, and in September fighters attacked
    a school in Bamako': a coordinated clause (or one after a semicolon) with its own
    subject that dates or places its act differently from the clause before it reports
    another incident."""
    tok = _clause_verb(tok)
    if tok.pos_ != "VERB" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ != "conj" and not _after_semicolon(tok):
        return None
    opening = _semicolon(tok)  # a clause after ';' starts there
    region = {t.i for t in tok.subtree if t.i > opening}
    fronted = any(t.ent_type_ in ("DATE", "TIME") and t.i < tok.i for t in tok.subtree)
    subjects = ("nsubj", "nsubjpass") if tok.dep_ != "conj" else ("nsubj",)
    if not fronted and not any(c.dep_ in subjects for c in tok.children):
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


def _clause_verb(tok: Any) -> Any:
    """The coordinated verb whose clause an event noun sits in ('..., and in September
    2025, 13 prisoners died in a riot at the jail': 'riot' tells the 'died' clause's
    act); any other token is returned as it is."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return tok
    node = tok
    for _ in range(3):
        if node.dep_ not in ("pobj", "prep", "dobj", "nsubj", "nsubjpass"):
            return tok
        node = node.head
        if node.pos_ == "VERB":
            return node if node.dep_ == "conj" else tok
    return tok


_OUTCOME_WORDS = {"kill", "wound", "injure", "die", "dead", "shoot dead", "death toll", "body"}


def _earlier_act(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'soldiers set fire to 20 houses after separatists ambushed an army patrol': an act
    of other doers in an 'after' clause is an incident of its own when the main clause
    tells an act (not only deaths, which are the earlier act's outcome)."""
    if tok.pos_ != "VERB" or tok.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    main_subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None or main_subj is None or subj.lemma_ == main_subj.lemma_:
        return None
    region = {t.i for t in tok.subtree}
    main = [c for c, why in kept if not why and c.head.i not in region and c.kind != "arms"]
    if not main or any(c.pattern in _OUTCOME_WORDS for c in main):
        return None
    return region


def _entity_words(doc: Any, region: set[int], labels: tuple[str, ...]) -> set[str]:
    return {t.lower_ for t in doc if t.i in region and t.ent_type_ in labels}


def _grievance_subtree(tok: Any, kept: list[tuple[Cue, str]]) -> set[int] | None:
    """'protesters carried placards denouncing the killing of six priests': the killing
    a protest or a statement condemns is an incident of its own, not the protest's."""
    if tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    grieved = next((a for a in [tok, *list(tok.ancestors)[:10]] if _grieved(a)), None)
    if grieved is None:
        return None
    region = {t.i for t in grieved.subtree}
    others = [c for c, why in kept if not why and c.head.i not in region and c.kind != "arms"]
    return region if others else None


def _grieved(tok: Any) -> bool:
    """The object of a grievance verb: 'denouncing the killing of six priests',
    'demanding the body of a man who was killed in a gunfight on Sunday'."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _GRIEVANCE_VERBS - _CAUSE_VERBS


def _indefinite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _reference_subtree(tok: Any) -> set[int] | None:
    """The tokens of an occurrence that the sentence mentions as another event: 'for
    the October 7 attack', 'in retaliation for an attack', 'after Friday's shelling'."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    prep = tok.head
    revenge = prep.head.lower_ in _REVENGE_HEADS
    dated = _has_date(tok) and not _only_length(tok)
    if revenge or (prep.lower_ in _REFERENCE_PREPS and dated) or prep.lower_ in _BACKGROUND_PREPS:
        return {t.i for t in tok.subtree}
    return None


def _only_length(tok: Any) -> bool:
    """'after a days-long assault', 'after two days of fighting': how long the fight
    lasted is no date of another event (the fight led to what the sentence reports)."""
    dates = [t for t in tok.subtree if t.ent_type_ in ("DATE", "TIME")]
    return all("-" in t.text or t.lemma_.lower() in _LENGTHS for t in dates)


_LENGTHS = {"day", "week", "month", "hour", "year", "several", "two", "three", "long"}


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
