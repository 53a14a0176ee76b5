"""Why a trigger is not an occurrence (`_why_not`): it is asked as a question, negated,
hypothetical, generic ('any attack'), a count over time ('dozens of strikes since
October'), the war or a campaign as a whole, a word in another sense ('demonstrates
that'), an accident or disaster, a metaphor ('an attack on democracy'), background
context ('amid the fighting') or only a modifier ('riot police').

Each test returns a short reason ('' when the trigger is an occurrence); the reason is
kept in the incident's notes when a short text falls back on a suppressed mention."""

from __future__ import annotations

from typing import Any

from sitroom.knowledge.triggers import lexicon, token_keys
from sitroom.stages.incident_base import (
    _BACKGROUND_PREPS,
    _KILL_WORDS,
    _WHEN_WORDS,
    Cue,
    _has_date,
    _number,
    _plural,
)

_GENERIC_DETS = {"any", "such", "every", "each", "no", "more", "further", "much"}
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
_QUANTITY_HEADS = {"dozens", "scores", "hundreds", "thousands", "flurry", "spate", "wave", "string"}
_VAGUE_QUANTITY = {"dozens", "scores", "hundreds", "thousands", "numerous", "many", "multiple"}
_VAGUE_QUANTITY |= {"number", "series"}


def _why_not(cue: Cue, cumulative: set[int], trigger_heads: set[int]) -> str:
    """Why this trigger is not an occurrence ('' when it is one)."""
    tok = cue.head
    checks = (
        _question(tok),
        _spoils(cue),
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


_FIGHTS = {"clash", "fighting", "battle", "gunfight", "firefight", "shootout", "ambush"}
_FIGHTS |= {"site", "scene", "exchange", "assault", "attack"}


def _spoils(cue: Cue) -> str:
    """'recovered weapons in the clash', 'a rifle had been found at the site of the
    gunfight': weapons taken in a fight are part of it, not a Disrupted weapons use."""
    if cue.kind != "disrupt":
        return ""
    for prep in cue.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "after", "during", "at", "following"):
            continue
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if obj.lemma_.lower() in _FIGHTS:
                return f"part of the {obj.lower_}"
    return ""


def _question(tok: Any) -> str:
    return "question" if tok.sent.text.rstrip().endswith("?") else ""


_WAR_WORDS = {"war", "conflict", "crisis", "campaign", "insurgency", "uprising", "violence"}


_ABSTRACT = {"order", "democracy", "freedom", "rights", "constitution", "sovereignty"}
_ABSTRACT |= {"press", "law", "independence", "integrity", "dignity", "values", "institutions"}


_CAMPAIGN_VERBS = {"launch", "begin", "start", "step", "intensify", "expand", "escalate"}
_CAMPAIGN_VERBS |= {"conduct", "wage", "continue", "mount", "unleash", "press", "pursue"}


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
    if _many_places(tok):
        return "campaign (many places taken)"
    if _began_doing(tok):
        return f"campaign ({tok.head.lower_} {tok.lower_})"
    return ""


_TAKING = {"take", "retake", "capture", "recapture", "seize", "overrun", "liberate", "regain"}
_TAKING |= {"took", "retook", "overran", "captured", "seized", "recaptured", "liberated"}


def _many_places(tok: Any) -> bool:
    """'government forces retook dozens of towns that year': places taken by the dozen
    are a campaign's tally, not one territorial change."""
    if not ({tok.lemma_.lower(), tok.lower_} & _TAKING) or tok.pos_ not in ("VERB", "AUX"):
        return False
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if obj.lower_ in ("dozens", "scores", "hundreds", "series", "string"):
            return True  # but 'captured several villages around X' is one advance
    return False


_ONSET_VERBS = {"begin", "start", "continue", "resume", "keep"}


def _began_doing(tok: Any) -> bool:
    """'began attacking ships in November 2023', 'have continued to shell the towns':
    acts that began or went on, against targets named only as a kind (a bare plural),
    with no day of their own, are a campaign, not one occurrence."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "xcomp":
        return False
    if tok.head.lemma_.lower() not in _ONSET_VERBS:
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    bare = objects and all(
        _plural(o) and not any(d.dep_ in ("det", "nummod", "poss") for d in o.children)
        for o in objects
    )
    return bool(bare) and not _day_in(tok.head)


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
    first, owned = tok, False
    while first.dep_ in ("conj", "appos") and first.head.i != first.i:
        owned = owned or any(c.dep_ == "poss" for c in first.children)
        first = first.head  # 'expressed our surprise and strong protest'
    voiced = first.dep_ == "dobj" and first.head.lemma_.lower() in _SAY_PROTEST
    voiced = voiced or (owned and _said_past_a_phrase(first))
    if lemma == "protest" and tok.pos_ == "NOUN" and voiced:
        return "sense (a protest voiced)"
    if lemma == "march" and any(c.dep_ in ("auxpass", "nsubjpass", "dobj") for c in tok.children):
        return "sense (led away)"  # 'the children were marched into the bush', 'marched them'
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
    if cue.pattern in _CONTROL_TAKEN and _control_of_a_thing(tok):
        return "sense (no place taken)"  # 'the government took control of a uranium mine'
    return ""


def _said_past_a_phrase(tok: Any) -> bool:
    """'We have expressed to the government, through its envoy in Lima, our surprise and
    strong protest': the parser hangs the late object 'our surprise' on the phrase just
    before it ('envoy'); a possessed noun there is the saying verb's object."""
    if tok.dep_ != "pobj":
        return False
    up = tok.head
    while up.dep_ in ("prep", "pobj") and up.head.i != up.i:
        up = up.head
    return up.pos_ == "VERB" and up.lemma_.lower() in _SAY_PROTEST


_GESTURES = {"sign", "gesture", "act", "form", "mark", "note", "letter", "token"}


_CONTROL_TAKEN = {"take control", "took control", "seize control", "gain control"}
_SITES = {"town", "city", "village", "area", "district", "base", "position", "camp", "port"}
_SITES |= {"airport", "border", "region", "province", "territory", "hill", "highway", "road"}
_SITES |= {"field", "neighbourhood", "neighborhood", "capital", "crossing", "bridge", "prison"}


def _control_of_a_thing(tok: Any) -> bool:
    """Control taken of a thing (a mine, a company, a ministry) by no armed side."""
    owned = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    owned += [
        o
        for w in owned
        if w.lemma_.lower() in ("part", "most", "much", "rest")
        for c in w.children
        if c.dep_ == "prep"
        for o in c.children
    ]  # 'parts of X'
    if not owned or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in owned):
        return False
    if any(o.lemma_.lower() in _SITES or any(a.dep_ == "appos" for a in o.children) for o in owned):
        return False
    verb = tok.head if tok.dep_ == "dobj" else tok
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        return False  # 'after taking control of ...': the taker is told elsewhere
    lex = lexicon()
    keys = [token_keys(t.lower_, t.lemma_) for s in subj for t in s.subtree]
    return not any(m.entry.kind == "armed" for m in lex.match(keys))


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
    while verb.dep_ in ("conj", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
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
    if tok.pos_ in ("VERB", "AUX") and cue.kind != "arms" and _disaster_did_it(tok):
        return "accident (a disaster's act)"  # 'an earthquake struck the region'
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
            if perfect and c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _MULTITUDES:
                return "toll in the thousands: a statistic"  # 'has killed thousands of ...'
    return ""


_MULTITUDES = {"thousands", "millions", "tens", "hundreds"}


def _casualty_summary(cue: Cue) -> str:
    """'the armed forces have inflicted the following casualties on the enemy: 784
    dead, 357 wounded': casualties a side 'has inflicted' or 'has suffered' are a tally
    over a period, a statistic."""
    if cue.pattern not in _KILL_WORDS:
        return ""
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in cue.head.children):
        return ""  # 'heavy losses, most recently in April, when 12 soldiers were killed'
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
    if _specific_sentence(tok.sent) or _compared_or_placed(tok):
        return ""
    return "general description"


_COMPARED = {"similar", "other", "further", "rival", "smaller", "larger", "bigger"}


def _compared_or_placed(tok: Any) -> bool:
    """'Smaller protests took place peacefully in Mombasa': occurrences compared with the
    ones reported ('smaller', 'similar', 'other') or told as happening (a past verb
    other than 'be') in a named place are specific, with no date or figure."""
    if any(c.dep_ == "amod" and (c.tag_ == "JJR" or c.lower_ in _COMPARED) for c in tok.children):
        return True
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.tag_ != "VBD" or verb.lemma_ == "be":
        return False
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in verb.subtree)


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
    if _called_for(tok):
        return "hypothetical (called for)"
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


_CALLS = {"call", "urge", "appeal", "plan", "announce"}
_RALLIES = {"protest", "demonstration", "rally", "march", "sit-in", "strike"}


def _called_for(tok: Any) -> str:
    """'the opposition has called for protests across the country next week': a protest
    called for or planned is not one held."""
    if tok.lemma_.lower() not in _RALLIES or tok.pos_ != "NOUN":
        return ""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return ""
    return "called for" if tok.head.head.lemma_.lower() in _CALLS and _plural(tok) else ""


def _conditional(tok: Any) -> bool:
    """'if the troops are fighting in the last line, ...': a condition, not a report."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


_ANYONE = {"anyone", "anybody", "whoever", "everyone", "everybody", "whomever"}


def _generic(tok: Any) -> str:
    if tok.pos_ in ("VERB", "AUX") and (
        (tok.dep_ == "relcl" and tok.head.lower_ in _ANYONE)
        or any(c.dep_.startswith("nsubj") and c.lower_ in _ANYONE for c in tok.children)
    ):
        return "generic (anyone who)"  # 'warned that anyone who attacked police stations'
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


def _counted(tok: Any, cumulative: set[int], weapon: bool = False) -> str:
    """Plural occurrences counted over time are statistics, not incidents; so is what
    'has been' done 'in the past two years'. People ('35 protesters') are not counts."""
    if tok.lower_.endswith(("ers", "ors", "ists", "men", "ages")):
        return ""
    cumulative = {i for i in cumulative if not _dated_year(tok.doc[i])}
    arms = weapon
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
        return ""  # 'since the president was shot dead in July 2021': when a period began
    chain = [tok]
    while chain[-1].dep_ in ("conj", "advcl", "xcomp") and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)  # 'have been blocked or harassed ... and assaulted'
    if tok.tag_ == "VBN" and tok.dep_ == "acl":  # 'have buried militants killed in gunfights'
        chain += [a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")][:1]
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
        if near and counted and not perfect and _one_thing_did_it(tok):
            return ""  # 'Earlier this year, an air strike on a wedding killed 60 people'
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
        if c.dep_ == "poss" and c.lower_ in ("their", "its") and not arms:
            return "habitual"  # 'their attacks'; but 'its drones struck' is one strike
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
        if any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in v.children):
            return "count (perfect)"
    return ""


_ONE_OCCURRENCE = {"attack", "strike", "airstrike", "bombing", "explosion", "blast", "raid"}
_ONE_OCCURRENCE |= {"ambush", "assault", "massacre", "shelling", "incident"}


def _one_thing_did_it(verb: Any) -> bool:
    """A toll over a span is a statistic, but not when one thing did the killing: 'an
    air strike killed 60 this year', 'killed 20 people in an attack last year', the
    year's 'worst attack ... killed 33', 'were killed when their convoy hit a mine'."""
    for c in verb.children:
        if c.dep_ == "nsubj" and _one_occurrence(c, ("a", "an")):
            return True
        if c.dep_ == "nsubj" and c.lower_ in _ONE_OCCURRENCE and c.tag_ == "NN":
            return any(d.dep_ in ("det", "poss") for d in c.children)
        objects = [o for o in c.children if o.dep_ == "pobj"]
        in_one = any(_one_occurrence(o, ("a", "an")) for o in objects)
        if c.dep_ == "prep" and c.lower_ in ("in", "during") and in_one:
            return True
        if c.dep_ == "advcl" and any(d.lower_ == "when" for d in c.children):
            return True
    return False


def _one_occurrence(noun: Any, dets: tuple[str, ...]) -> bool:
    """A singular noun with an indefinite article: 'an air strike', 'a single raid'."""
    if noun.tag_ != "NN" or noun.lower_ in _QUANTITY_HEADS:
        return False
    return any(d.dep_ == "det" and d.lower_ in dets for d in noun.children)


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august"}
_MONTHS |= {"september", "october", "november", "december"}


def _dated_year(tok: Any) -> bool:
    """'last year' is a span over which things are counted ('attacks killed 40 soldiers
    last year'), but a point in time when it dates one thing: 'last year's bombing',
    'in October last year'."""
    if tok.lower_ != "year" or not any(c.lower_ in ("last", "this") for c in tok.children):
        return False
    if any(c.dep_ == "case" for c in tok.children) or tok.dep_ == "poss":
        return True
    span = tok.doc[max(tok.i - 4, 0) : tok.i]
    return any(t.lower_ in _MONTHS and t.ent_type_ == "DATE" for t in span)


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
    verbs = [verb]
    if verb.dep_ == "acl":  # 'have buried militants killed in gunfights', since 2020
        verbs += [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    for v in verbs:
        for child in v.children:
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
    if _fought_in_the_war(tok):
        return "war as a whole (fought in it)"
    return ""


def _fought_in_the_war(tok: Any) -> bool:
    """'militias, which fought alongside the army in the Tigray war': fighting told as
    a side's part in a war, with no date of its own, is the war, not one battle."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in ("fight", "battle"):
        return False
    wars = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout")
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in _WAR_WORDS
    ]
    return bool(wars) and not _has_date(tok)


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
    if not any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in tok.children):
        return ""  # 'said its drones had struck gang positions' reports one act
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
