"""Consolidate stage (last): one record per real-world incident of the article.

The incident stage reports one mention per occurrence per sentence. Here mentions of the
same incident are merged (a lead "Mortar rounds were fired at the base ...", then "the
attack", "Tuesday's mortar attack", "two shells ... landed"), distinct incidents are kept
apart (different dates or places), each incident gets its status (`new` for the news and
what happened in the current news cycle, `background` for what the article recalls),
and the records are ordered as the contract wants: new first, then background, each
group in order of first mention; ids are derived from the article and the first trigger.

Merging rule: a mention joins the nearest earlier incident that is compatible with it:
the same ACLED event type (or a mention typed only by a generic word, "the attack",
which may join any violent incident), no conflicting date (both known and different at
their precision), no conflicting place (both resolved and more than `NEAR_KM` apart, or
in different countries). Two mentions of one sentence never merge: the incident stage
already separated them on purpose.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sitroom.knowledge.datelines import DATELINE
from sitroom.model import (
    Actor,
    Analysis,
    Incident,
    Place,
    Sentence,
    Status,
    Timex,
    stable_id,
)
from sitroom.stages import Stage

NEAR_KM = 50.0
NEWS_CYCLE_DAYS = 4  # an incident at most this many days before publication is news
LEAD_SENTENCES = 2  # an undated incident first reported here is the article's news
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_ABDUCTION = "Abduction/forced disappearance"
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_CLAIM_RANK = {"claimed": 0, "attributed": 1, "unclaimed": 2, "unknown": 3}
_WORKING_NOTES = ("mention", "basis", "dated", "placed", "entry")
_POINTERS = ("anaphoric", "reference")
# a demonstration is typed by the worst that happened in it (a peaceful march that ends in
# scuffles is a violent demonstration)
_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Violent demonstration": 2,
    "Mob violence": 2,
    "Excessive force against protesters": 3,
}


@dataclass
class _Cluster:
    mentions: list[Incident] = field(default_factory=list)

    @property
    def first(self) -> Incident:
        return self.mentions[0]

    @property
    def sentences(self) -> set[int]:
        return {i for m in self.mentions for i in m.sentences}


class ConsolidateStage(Stage):
    name = "consolidate"
    reads = ("incidents", "times", "places", "sentences", "article")
    writes = ("incidents",)

    def process_one(self, item: Analysis) -> None:
        item.incidents = consolidate(item.incidents, item.sentences, item.article, item.times)


def consolidate(
    mentions: Sequence[Incident],
    sentences: Sequence[Sentence],
    article: object,
    times: Sequence[Timex] = (),
) -> list[Incident]:
    """Merged, status-tagged, ordered incidents with stable ids and evidence."""
    ordered = sorted(mentions, key=lambda m: m.trigger.start)
    entries = _live_entries(sentences)
    for m in ordered:
        if entries:
            m.notes["entry"] = str(entries[min(m.sentences, default=0)])
        if m.notes.get("dated") == "elsewhere" or not _dated_here(m, sentences, times):
            m.notes["dated"] = "inherited"
        if not _placed_here(m, sentences):
            m.notes["placed"] = "inherited"
        if m.notes.get("mention") is None and (
            _turns_away(m, sentences) or _relative_to_another(m, sentences)
        ):
            m.notes["mention"] = "new"
        elif _points_back(m, sentences):
            m.notes["mention"] = "anaphoric"
    clusters: list[_Cluster] = []
    title_end = _dateline_start(getattr(article, "text", "") or "")
    titles = [m for m in ordered if m.trigger.start < title_end]
    for m in ordered:
        if m in titles:
            continue
        target = _antecedent(clusters, m)
        if target is not None:
            target.mentions.append(m)
        elif not _orphan(m):
            clusters.append(_Cluster([m]))
    clusters = _fold_details(clusters)
    for n, m in enumerate(titles):
        target = _told_in_body(clusters, m)
        if target is not None:
            target.mentions.append(m)
        else:
            clusters.insert(n, _Cluster([m]))
    published = getattr(article, "published", None)
    article_id = getattr(article, "id", "")
    merged = [_merge(c, sentences, article_id) for c in clusters]
    body = _body_start(sentences, title_end)
    for n, incident in enumerate(merged):
        first_sentence = min(incident.sentences, default=0) - body
        lead = n == 0 and first_sentence < LEAD_SENTENCES + 2
        incident.status, why = _status(incident, published, lead=lead, body=body)
        incident.notes["status"] = why
    promote_developments(merged, sentences, published)
    for incident in merged:
        incident.notes = {k: v for k, v in incident.notes.items() if k not in _WORKING_NOTES}
    new = [m for m in merged if m.status == "new"]
    background = [m for m in merged if m.status == "background"]
    return new + background


def _fold_details(clusters: list[_Cluster]) -> list[_Cluster]:
    """A cluster made only of details ('the wounded were flown to the capital',
    'residents said the militants set fire to the barracks', 'no group claimed the
    attack'): undated generic or pointing mentions with no toll of their own tell more of
    the lead incident, whatever town the wounded were taken to; they join it."""
    if len(clusters) < 2 or clusters[0].first.event_type not in _VIOLENT:
        return clusters
    lead, rest = clusters[0], []
    for c in clusters[1:]:
        if all(_detail(m) and _same_kind(lead, m) for m in c.mentions) and not _other_entry(
            lead, c.first
        ):
            lead.mentions.extend(c.mentions)
        else:
            rest.append(c)
    return [lead, *rest]


def _detail(m: Incident) -> bool:
    undated = m.notes.get("dated") == "inherited" or m.date_precision == "unknown"
    vague = m.notes.get("basis") == "generic" or m.notes.get("mention") in _POINTERS
    detail = m.sub_event_type == "Looting/property destruction"
    return (
        undated
        and ((vague and m.event_type in _VIOLENT) or detail)
        and m.notes.get("mention") != "new"
        and m.fatalities is None
        and m.injured is None
    )


def _live_entries(sentences: Sequence[Sentence]) -> list[int]:
    """On a live page (two or more entries opening with a time stamp, '09:35 — ...'), the
    entry each sentence belongs to; empty for an ordinary story."""
    out: list[int] = []
    entry = 0
    for s in sentences:
        if _STAMP.match(s.text):
            entry += 1
        out.append(entry)
    return out if entry >= 2 else []


def _other_entry(c: _Cluster, m: Incident) -> bool:
    """A live page's entry is a boundary: a mention told in another entry than every
    mention of the incident is another incident unless it points back ('the strike',
    'the overnight attack' with no place of its own)."""
    entry = m.notes.get("entry")
    if entry is None or m.notes.get("mention") in _POINTERS:
        return False
    if m.notes.get("basis") == "generic" and _own_place(m) is None:
        return False  # 'the overnight attack damaged power lines': the night's attack
    return all(x.notes.get("entry") != entry for x in c.mentions)


def _body_start(sentences: Sequence[Sentence], title_end: int) -> int:
    """The index of the body's first sentence: a title, a kicker ('LIVE:') and the
    lines before the dateline do not count against the lead sentences."""
    return next((i for i, s in enumerate(sentences) if s.end > title_end), 0)


def _dated_here(m: Incident, sentences: Sequence[Sentence], times: Sequence[Timex]) -> bool:
    """True when the mention's own sentence has a time expression (else the date the
    dating stage gave it is borrowed from context and may not veto a merge)."""
    for i in m.sentences:
        if 0 <= i < len(sentences):
            s = sentences[i]
            if any(s.start <= t.start < s.end and t.type in ("DATE", "TIME") for t in times):
                return True
    return False


def _placed_here(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """True when the mention's place is named in its own sentence."""
    loc = m.location
    if loc is None or loc.start is None:
        return False
    return any(
        sentences[i].start <= loc.start < sentences[i].end
        for i in m.sentences
        if 0 <= i < len(sentences)
    )


# a sentence opening that leaves the incident told so far for another one
_TURN = re.compile(
    r"\s*(?:meanwhile|elsewhere|in (?:an)?other (?:incident|attack|development))\b", re.I
)


# a sentence opening that moves the story on in time: 'Hours later, a strike hit ...'
_LATER = re.compile(
    r"\s*(?:(?:a few|several|two|three|\w+) )?(?:minutes|hours|days|weeks|months|moments) later\b"
    r"|\s*later (?:that|the same) (?:day|night|morning|afternoon|evening)\b",
    re.I,
)


def _turns_away(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """'Meanwhile, a boy was hurt when ...', 'In another incident, ...': the sentence
    turns to another incident, so its specific trigger does not elaborate the last one.
    'Hours later, an Israeli strike hit a house in Yater' moves on in time and names a
    place of its own: another strike, not the lead's."""
    first = min(m.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return False
    text = sentences[first].text
    if _TURN.match(text):
        return True
    own_place = m.location is not None and m.notes.get("placed") != "inherited"
    return own_place and bool(_LATER.match(text))


# 'hours before the attack on the ship', 'a day after the bombing': the sentence dates its
# incident by another one
_RELATIVE = re.compile(
    r"\b(?:minutes|hours|days|weeks|shortly|just|a day|a week|the day|the night)\s+"
    r"(?:before|after)\s+(?:the|this|that|its|their|his|her)\b",
    re.I,
)


def _relative_to_another(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """'Israeli warplanes struck the port early on Monday, hours before the attack on the
    ship': an incident dated by its relation to another one (named after its own
    trigger) is not that one."""
    first = min(m.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return False
    s = sentences[first]
    found = _RELATIVE.search(s.text, max(0, m.trigger.end - s.start))
    return found is not None


def _points_back(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """A mention that picks or describes an incident already told, whatever its words
    first suggested ('the second explosion', 'the second time that ... attacked')."""
    mention = m.notes.get("mention")
    if mention == "new" and _definite_ordinal(m, sentences):
        return True
    return mention in (None, "new") and _nth_time(m, sentences)


# 'the second explosion', 'the first ambush': one of several incidents already told
_ORDINAL_BEFORE = re.compile(r"\bthe\s+(?:first|second|third|fourth|last|latter)\s+$", re.I)


def _definite_ordinal(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """'Two bombs exploded ... Shops were damaged by the second explosion': a definite
    ordinal picks one of the incidents already reported, unlike 'a second blast', which
    introduces another one."""
    first = min(m.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return False
    s = sentences[first]
    if _TURN.match(s.text):
        return False
    before = s.text[: max(0, m.trigger.start - s.start)]
    return bool(_ORDINAL_BEFORE.search(before))


# 'This is the second time in a month that rebels have attacked the pipeline'
_NTH_TIME = re.compile(
    r"\s*(?:this|it|that)\s+(?:is|was|marks|marked)\s+(?:the|a)\s+"
    r"(?:first|second|third|fourth|fifth|\w+th|latest|last)\s+time\b.*\b(?:that|since|when)\s",
    re.I,
)


def _nth_time(m: Incident, sentences: Sequence[Sentence]) -> bool:
    """'This is the second time in less than a month that terrorists have attacked the
    pipeline': the clause says the incident just told has a precedent; it is not
    another incident (the precedent, if told, has its own date)."""
    first = min(m.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return False
    s = sentences[first]
    found = _NTH_TIME.match(s.text)
    return found is not None and found.end() <= m.trigger.start - s.start


def _orphan(m: Incident) -> bool:
    """'Most of the attacks took place in ...' with nothing before it to point back to:
    a vague anaphor with no antecedent refers to a figure, not an incident."""
    anaphoric = m.notes.get("mention") == "anaphoric"
    return anaphoric and m.notes.get("basis") == "generic" and m.trigger.text.lower().endswith("s")


def _antecedent(clusters: list[_Cluster], m: Incident) -> _Cluster | None:
    """The earlier compatible incident this mention belongs to (never one from the same
    sentence): a plural 'the attacks' points back to the lead incident; otherwise the
    nearest one of the same sub-event type, else the nearest compatible one."""
    if m.notes.get("mention") == "new":
        return None  # 'another attack'
    options = [c for c in clusters if not set(m.sentences) & c.sentences and _compatible(c, m)]
    if not options:
        return None
    anaphoric = m.notes.get("mention") == "anaphoric"
    if anaphoric and m.trigger.text.lower().endswith("s") and options[0] is clusters[0]:
        return options[0]
    entry = m.notes.get("entry")
    if entry is not None:  # on a live page, 'the bomb' is the one of its own entry
        here = [c for c in options if any(x.notes.get("entry") == entry for x in c.mentions)]
        options = here or options
    same = [c for c in options if any(x.sub_event_type == m.sub_event_type for x in c.mentions)]
    pool = same or options
    if anaphoric:  # 'the blast' at the end, dated by the sentence before: the lead's day
        agree = [c for c in options if not _borrowed_conflict(c, m)]
        pool = [c for c in pool if c in agree] or agree or pool
    same_day = [c for c in pool if _same_own_date(c, m)]
    return (same_day or pool)[-1]  # "Monday's strike": the strike dated Monday


def _same_own_date(c: _Cluster, m: Incident) -> bool:
    """Whether the mention is dated in its own sentence to the day some mention of the
    incident is dated to in its own."""
    if m.notes.get("dated") == "inherited" or m.date_precision != "day":
        return False
    return any(
        x.notes.get("dated") != "inherited" and x.date_precision == "day" and x.date == m.date
        for x in c.mentions
    )


_KICKERS = {"ANALYSIS", "LIVE", "UPDATE", "EXCLUSIVE", "OPINION", "EXPLAINER", "FEATURE", "WATCH"}
_TITLE_CHARS = 400  # a title and kicker stand in the first few hundred characters


def _dateline_start(text: str) -> int:
    """Where the body's dateline starts when a title line stands before it (0 when
    the text opens with the dateline or has none): what comes before is the title."""
    pos = 0
    for line in text[:_TITLE_CHARS].splitlines(keepends=True):
        found = DATELINE.match(line)
        if found is not None:
            if pos > 0:
                return pos
            if found.group().split()[0].rstrip(",:") not in _KICKERS:
                return 0  # the text opens with its dateline: no title
        pos += len(line)
    return _headline_end(text)


_HEADLINE = re.compile(r"[^\n]{10,160}?[^.!?\"'”’:\s]\s*\n\s*\n")


def _headline_end(text: str) -> int:
    """With no dateline: a first line set apart by a blank line, short and ending with
    no full stop ('Manipur violence: curfew in Jiribam after gunmen kill three'), is a
    title; 0 when the text opens with a sentence."""
    found = _HEADLINE.match(text)
    if found is None or len(found.group().split()) > 25:
        return 0
    return found.end()


def _told_in_body(clusters: list[_Cluster], m: Incident) -> _Cluster | None:
    """The body's incident a title line announces ('LIVE: Russian missiles hit Odesa',
    'in Sagaing, the bombs keep falling'): the first one of the same kind, or the first
    violent one for a violent title, with no date or place against it."""
    for c in clusters:
        kindred = _same_kind(c, m) or (m.event_type in _VIOLENT and c.first.event_type in _VIOLENT)
        if not kindred or any(_date_conflict(x, m) for x in c.mentions) or _recalled(c, m):
            continue
        if not any(_abroad(x, m) for x in c.mentions):
            return c
    return None


def _recalled(c: _Cluster, title: Incident) -> bool:
    """A title tells the news: not an incident the body dates (in its own words) more
    than a month before the title's date."""
    own = [x for x in c.mentions if x.notes.get("dated") != "inherited" and x.date is not None]
    return bool(own) and all(_days_apart(x, title) > 31 for x in own)


def _abroad(a: Incident, title: Incident) -> bool:
    """A title's place conflicts with the body's only in another country: a headline
    names the district ('curfew in Jiribam') where the body names the village."""
    pa, pb = a.location, title.location
    if not _place_conflict(a, title) or pa is None or pb is None:
        return False
    return not (pa.country and pa.country == pb.country)


def _compatible(c: _Cluster, m: Incident) -> bool:
    if not _same_kind(c, m) or _other_entry(c, m):
        return False
    anaphoric = m.notes.get("mention") == "anaphoric"
    same_sub = any(x.sub_event_type == m.sub_event_type for x in c.mentions)
    near = all(_days_apart(x, m) <= 3 for x in c.mentions)
    if not (anaphoric and same_sub and near) and any(_date_conflict(x, m) for x in c.mentions):
        return False
    if not anaphoric and _borrowed_conflict(c, m):
        return False
    if not anaphoric and _long_before_undated(c, m):
        return False
    if not anaphoric and _elsewhere_other_kind(c, m):
        return False
    if m.notes.get("mention") == "anaphoric":
        return True  # 'that strike': the place read for an anaphor is the sentence's, not its own
    return not any(_place_conflict(x, m) for x in c.mentions)


def _borrowed_date(m: Incident) -> bool:
    """True when the mention's date comes from the sentence before it ('That month,
    pagers exploded across the country' after 'It escalated in September 2024'): weaker
    than a date of its own, but it says which part of the story the sentence continues."""
    return (
        m.notes.get("dated") == "inherited"
        and m.date is not None
        and m.date_precision != "unknown"
        and "in the sentence before" in m.notes.get("date", "")
    )


def _borrowed_conflict(c: _Cluster, m: Incident) -> bool:
    """A mention whose date is borrowed from the sentence before, where the story has
    moved to another time ('That month, thousands of pagers exploded', 'Days later, an
    air strike killed the leader'), is not the incident whose own dates all disagree with
    it: the sentence continues the recalled story, not the lead. A day or two apart is
    no evidence: the day borrowed is often the day of a statement ('police said on
    Tuesday') about the lead itself."""
    if not _borrowed_date(m):
        return False
    dated = [x for x in c.mentions if x.date is not None and x.date_precision != "unknown"]
    own = [x for x in dated if x.notes.get("dated") != "inherited"]
    told = own or [x for x in dated if _borrowed_date(x)]
    if not told:  # an undated incident stands at the report's date
        return c.first.date is not None and _days_apart(c.first, m) > 31
    return all(_dates_differ(x, m) and _days_apart(x, m) > 1 for x in told)


def _elsewhere_other_kind(c: _Cluster, m: Incident) -> bool:
    """A kidnapping told with a place of its own ('rebels kidnapped a farmer near X'
    after a shooting at Y, or the other way round) is another incident: taking
    hostages and firing on people are different acts, and a report that lists both
    at different places lists two. The kidnapping inside an attack names no new place."""
    kinds = {x.sub_event_type for x in c.mentions}
    if m.sub_event_type in kinds or (_ABDUCTION in kinds) == (m.sub_event_type == _ABDUCTION):
        return False
    if m.event_type not in _VIOLENT or c.first.event_type not in _VIOLENT:
        return False
    own = _own_place(m)
    if own is None:
        return False
    places = {_own_place(x) for x in c.mentions} - {None}
    return bool(places) and own not in places


def _own_place(m: Incident) -> str | None:
    """The place named in the mention's own sentence, normalized (None when borrowed)."""
    if m.location is None or m.notes.get("placed") == "inherited":
        return None
    return m.location.name.strip().lower() or None


def _long_before_undated(c: _Cluster, m: Incident) -> bool:
    """An undated incident (or one whose date is only borrowed from the sentence before)
    stands at the report's date; a mention dated in its own sentence more than a month
    away from it, or in another year ('a union leader, murdered in February', in a May
    report of a kidnapping) tells another incident."""
    own = [x for x in c.mentions if x.notes.get("dated") != "inherited"]
    if any(x.date_precision != "unknown" for x in own) or c.first.date is None:
        return False  # a date borrowed from the sentence before counts as none
    if m.date is None or m.date_precision == "unknown" or m.notes.get("dated") == "inherited":
        return False
    if m.date_precision == "year":
        return m.date.year != c.first.date.year  # 'a candidate murdered in 1987'
    if m.date_precision == "day":  # 'killed 13 days ago in a dynamite explosion'
        return abs((m.date - c.first.date).days) > 7
    return abs((m.date - c.first.date).days) > 31


def _same_kind(c: _Cluster, m: Incident) -> bool:
    families = {_family(x.event_type) for x in c.mentions}
    if _family(m.event_type) in families:
        return True
    if m.notes.get("mention") in _POINTERS and _typed_battle(m):
        return False  # 'the offensive' names its kind: a battle, not the strike before it
    vague = m.notes.get("basis") == "generic" or m.notes.get("mention") in _POINTERS
    violent = families & _VIOLENT or any(x.event_type == "Riots" for x in c.mentions)
    if vague and m.event_type in _VIOLENT and violent:
        return True  # 'the attack' may be a riot's, never a peaceful march's
    unanchored = m.notes.get("dated") == "inherited"  # a place conflict still vetoes
    gap = min(m.sentences, default=-9) - max(c.sentences)
    adjacent = 1 <= gap <= 2  # the next sentences elaborate (a quote may come between)
    if unanchored and adjacent and m.event_type in _VIOLENT and c.first.event_type in _VIOLENT:
        return True  # the next sentence elaborates: 'opened fire with rifles and drones'
    detail = (
        m.sub_event_type == "Looting/property destruction" and m.notes.get("dated") == "inherited"
    )
    if detail and c.first.event_type in _VIOLENT | {"Riots"}:
        return True  # 'Shops and granaries were set on fire.' after the attack
    seized = m.sub_event_type == "Disrupted weapons use" and m.notes.get("dated") == "inherited"
    if seized and c.first.event_type == "Battles" and 1 <= gap <= 3:
        return True  # 'Troops seized 18 rifles ...' after the gunfight: the clash's haul
    first_vague = all(x.notes.get("basis") == "generic" for x in c.mentions)
    return first_vague and m.event_type in _VIOLENT and c.first.event_type in _VIOLENT


_BATTLE_NOUNS = {
    "offensive",
    "fighting",
    "clash",
    "clashes",
    "battle",
    "battles",
    "gunfight",
    "gunbattle",
    "firefight",
    "shootout",
}


def _typed_battle(m: Incident) -> bool:
    """'The offensive', 'the fighting': a pointer whose very word names a battle, which
    an air strike or a bombing told before it is not ('the attack' may be either)."""
    return m.sub_event_type == "Armed clash" and m.trigger.text.lower() in _BATTLE_NOUNS


def _family(event_type: str) -> str:
    """Protests and riots are one family for merging: a protest that turns violent."""
    return "Demonstrations" if event_type in ("Protests", "Riots") else event_type


def _days_apart(a: Incident, b: Incident) -> int:
    if a.date is None or b.date is None:
        return 0
    return abs((a.date - b.date).days)


def _date_conflict(a: Incident, b: Incident) -> bool:
    if "inherited" in (a.notes.get("dated"), b.notes.get("dated")):
        return False
    return _dates_differ(a, b)


def _dates_differ(a: Incident, b: Incident) -> bool:
    """Both dates known and different at the coarser of their precisions."""
    if a.date is None or b.date is None:
        return False
    if "unknown" in (a.date_precision, b.date_precision):
        return False
    coarse = max(_PRECISION_RANK[a.date_precision], _PRECISION_RANK[b.date_precision])
    if coarse == 0:
        return a.date != b.date
    if coarse == 1:
        return _week_conflict(a, b)
    if coarse == 2:
        return (a.date.year, a.date.month) != (b.date.year, b.date.month)
    return a.date.year != b.date.year


def _week_conflict(a: Incident, b: Incident) -> bool:
    """A day outside a named calendar week ('last week', dated to its Wednesday by the
    dating stage) is another incident; other week-long spans ('in the past ten days')
    only conflict beyond a week."""
    assert a.date is not None and b.date is not None
    week, day = (a, b) if a.date_precision == "week" else (b, a)
    assert week.date is not None and day.date is not None
    if day.date_precision == "day" and week.date.weekday() == 2:
        return week.date.isocalendar()[:2] != day.date.isocalendar()[:2]
    return abs((a.date - b.date).days) > 6


def _place_conflict(a: Incident, b: Incident) -> bool:
    """Places veto a merge only when both are specific (a town, a base, near a town):
    a country or region named in a sentence is too often context, not the place."""
    pa, pb = a.location, b.location
    if pa is None or pb is None or max(pa.precision, pb.precision) >= 3:
        return False
    if "inherited" in (a.notes.get("placed"), b.notes.get("placed")):
        return False  # a place borrowed from another sentence is no evidence
    if not (pa.resolved and pb.resolved):
        return False  # an unresolved name is no evidence of another place
    if pa.country and pb.country and pa.country != pb.country:
        return True
    same_day = a.date is not None and a.date == b.date
    if (
        same_day
        and a.sub_event_type == b.sub_event_type
        and "unknown"
        not in (
            a.date_precision,
            b.date_precision,
        )
    ):
        return km(pa, pb) > 4 * NEAR_KM
    return km(pa, pb) > NEAR_KM


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two resolved places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0, a.lon or 0, b.lat or 0, b.lon or 0))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- merging fields


def _merge(c: _Cluster, sentences: Sequence[Sentence], article_id: str) -> Incident:
    first = c.first
    typed = _best_typed(c.mentions)
    out = replace(
        first,
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        sentences=sorted(c.sentences),
        weapons=_union(m.weapons for m in c.mentions),
        notes=dict(first.notes),
    )
    out.notes["type"] = typed.notes.get("type", "")
    if len(c.mentions) > 1:
        out.notes["merged"] = f"{len(c.mentions)} mentions"
    dated = _best_dated(c)
    out.date, out.date_precision = dated.date, dated.date_precision
    _explain(out, "date", dated)
    out.time = next((m.time for m in c.mentions if m.time), None)
    placed = _best_placed(c.mentions)
    out.location = placed.location if placed else None
    _explain(out, "location", placed)
    own = [m for m in c.mentions if m.notes.get("mention") not in _POINTERS] or c.mentions
    for role in ("actor1", "actor2"):
        source = _best_actor(own, c.mentions, role)
        setattr(out, role, getattr(source, role) if source else None)
        _explain(out, role, source)
    for kind in ("fatalities", "injured"):
        source = _toll(c.mentions, kind)
        setattr(out, kind, getattr(source, kind) if source else None)
        _explain(out, kind, source)
    claim = min(c.mentions, key=lambda m: _CLAIM_RANK.get(m.responsibility.status, 3))
    out.responsibility = replace(
        claim.responsibility,
        unclaimed=any(m.responsibility.unclaimed for m in c.mentions),
    )
    _explain(out, "responsibility", claim)
    out.confidence = min(0.99, max(m.confidence for m in c.mentions) + 0.03 * (len(c.mentions) - 1))
    out.evidence = [sentences[i].span() for i in out.sentences if 0 <= i < len(sentences)]
    out.id = stable_id(article_id, first.trigger.start, out.sub_event_type, prefix="e-")
    return out


def _best_dated(c: _Cluster) -> Incident:
    """The mention dated most precisely in its own sentence; else the most precise
    borrowed date near the first mention's (a date borrowed from a sentence about
    another, older incident does not move the incident months back)."""
    own = [m for m in c.mentions if m.notes.get("dated") != "inherited"]
    if own:
        return min(own, key=lambda m: _PRECISION_RANK[m.date_precision])
    start = c.first.date
    near = [
        m for m in c.mentions if start is None or m.date is None or _days_apart(m, c.first) <= 31
    ]
    return min(near, key=lambda m: _PRECISION_RANK[m.date_precision])


def _best_typed(mentions: Sequence[Incident]) -> Incident:
    """The mention whose type rests on the most specific evidence."""
    violent = any(m.event_type in _VIOLENT for m in mentions)
    typed = [m for m in mentions if not (violent and m.event_type == "Strategic developments")]
    lead = typed[0] if typed else mentions[0]
    if _battle(lead) and not any(m.sub_event_type == "Suicide bomb" for m in mentions):
        return lead  # a car bomb or drones used in the battle: still an armed clash
    specific = [m for m in typed if m.notes.get("basis") != "generic"]
    pool = specific or typed or list(mentions)
    first = pool[0]  # the lead states the type; later mentions only refine it
    if _family(first.event_type) == "Demonstrations":
        crowd = [m for m in pool if _family(m.event_type) == "Demonstrations"]
        return max(crowd, key=lambda m: _SEVERITY.get(m.sub_event_type, 0))
    family = [m for m in pool if m.event_type == first.event_type]
    return max(family, key=lambda m: (m.notes.get("mention") != "anaphoric", m.confidence))


def _explain(out: Incident, key: str, source: Incident | None) -> None:
    """Give the merged record the explanation of the mention its `key` value came from
    (never one mention's value beside another mention's reason)."""
    note = source.notes.get(key) if source is not None else None
    if note:
        out.notes[key] = note
    else:
        out.notes.pop(key, None)


def _named(actor: Actor | None) -> bool:
    return actor is not None and not actor.name.lower().startswith("unidentified")


def _battle(m: Incident) -> bool:
    """A lead mention typed as a clash between two armed sides (ACLED codes explosives
    and air support used in the course of a battle as part of the armed clash)."""
    return m.sub_event_type == "Armed clash" and m.notes.get("type", "").startswith("armed sides")


def _best_actor(
    own: Sequence[Incident], mentions: Sequence[Incident], role: str
) -> Incident | None:
    """The mention giving the first named actor among those that describe the incident
    themselves (not 'the attacks' in a sentence about something else, whose actor is
    that sentence's); else the first placeholder ('unidentified armed group')."""
    named = [m for m in own if _named(getattr(m, role))]
    if named:
        return named[0]
    known = [m for m in [*own, *mentions] if getattr(m, role) is not None]
    return known[0] if known else None


def _best_placed(mentions: Sequence[Incident]) -> Incident | None:
    """The mention with the most specific place, read preferably where the incident is
    the sentence's own subject (a mention referred to in passing, 'for the October 7
    attack', gets the place of the sentence's other incident) and named in that very
    sentence."""
    placed = [m for m in mentions if m.location is not None]
    if not placed:
        return None
    return min(
        placed,
        key=lambda m: (
            m.notes.get("mention") == "reference",
            m.notes.get("placed") == "inherited",
            not _resolved(m.location),
            _coarse(m.location),
        ),
    )


def _toll(mentions: Sequence[Incident], kind: str) -> Incident | None:
    """The mention with the first figure, unless a later one in the article raises it
    (a toll update)."""
    known = [m for m in mentions if getattr(m, kind) is not None]
    if not known:
        return None
    first = known[0]
    later = [
        m for m in known[1:] if getattr(m, kind) > getattr(first, kind) and _is_update(m, kind)
    ]
    return later[-1] if later else first


def _is_update(mention: Incident, kind: str) -> bool:
    """Whether the toll stage read this mention's figure as an update ("the toll rose
    to 31"): a bigger figure from another source (a group's claim, another incident
    merged in) does not replace the first one (CODEBOOK, Tolls)."""
    return "a later update" in mention.notes.get(kind, "")


def _union(lists: object) -> list[str]:
    out: list[str] = []
    for weapons in lists:  # type: ignore[attr-defined]
        for w in weapons:
            if w not in out:
                out.append(w)
    return out


# ---------------------------------------------------------------- status

# "In a separate incident on Wednesday, ...", "Separately, shelling killed ...": another
# item of the day's news, told for itself
_SEPARATE = re.compile(r"\b(separate(ly)?|unrelated|elsewhere|meanwhile)\b", re.IGNORECASE)
# a live-update entry's stamp ("09:30 — The governor said ...")
_STAMP = re.compile(r"(?:^|\s)\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|GMT|UTC)?\s*[—–-]\s")
# 'Israeli warplanes struck the port early on Monday, hours before the attack on the ship':
# told as what preceded the news, for context
_BEFORE = re.compile(r"\bbefore\b", re.IGNORECASE)
ITEM_DAYS = 2  # a separate item of a roundup may be this many days older than the lead


def _resolved(place: Place | None) -> bool:
    return place is not None and place.resolved


def _coarse(place: Place | None) -> bool:
    """Only a region or a country is known (precision 3)."""
    return place is None or place.precision >= 3


def _status(
    incident: Incident, published: dt.date | None, lead: bool, body: int = 0
) -> tuple[Status, str]:
    """`new` for the news: the lead incident (the first one, or one reported in the
    lead sentences of the body) when it falls in the current news cycle; `background` for
    what the article recalls, older incidents and recent ones mentioned only as context."""
    first = min(incident.sentences) if incident.sentences else 0
    in_lead = lead or first - body < LEAD_SENTENCES
    if incident.notes.get("mention") == "reference":
        return "background", "referred to as an earlier event"
    if not in_lead:
        return "background", "recalled after the lead"
    precise = incident.date is not None and incident.date_precision != "unknown"
    if precise and published is not None and incident.date is not None:
        days = (published - incident.date).days
        if incident.date_precision in ("day", "week") and -1 <= days <= NEWS_CYCLE_DAYS:
            return "new", f"lead incident, {days} days before publication"
        return "background", f"{days} days before publication ({incident.date_precision})"
    return "new", "lead incident, undated"


def promote_developments(
    merged: Sequence[Incident], sentences: Sequence[Sentence], published: dt.date | None
) -> None:
    """Make the other news of the cycle `new` too (CODEBOOK, status): what happened after
    the lead incident within the news cycle (the troops' pursuit clash the next day, the
    operation that killed the planners, the other side's strikes the morning after, a
    second strike 'hours later', another bomb the same day), and the items a roundup or a
    live page tells for themselves (an entry under its own dateline or stamp, 'In a
    separate incident', 'Separately') up to `ITEM_DAYS` before the lead's day. What
    came before the lead and is told as context ('hours before the attack', 'On Sunday,
    thousands marched') stays background, as do incidents outside the cycle."""
    leads = [m for m in merged if m.status == "new" and m.date is not None]
    if published is None or not leads:
        return
    lead_days = {m.date for m in leads if m.date is not None}
    lead_first = min(min(m.sentences, default=0) for m in leads)
    for incident in merged:
        if incident.status == "new" or not _in_cycle(incident, published):
            continue
        if incident.notes.get("mention") == "reference" or incident.date is None:
            continue
        after_lead = min(incident.sentences, default=-1) > lead_first
        why = _development(incident, sentences, lead_days) if after_lead else None
        if why:
            incident.status = "new"
            incident.notes["status"] = why


def _development(
    incident: Incident, sentences: Sequence[Sentence], lead_days: set[dt.date]
) -> str | None:
    """Why an incident of the news cycle told after the lead is news too (None if not):
    the lead days are those of every `new` incident (the clash on Wednesday and the truce
    that ended it on Thursday)."""
    assert incident.date is not None
    text = _first_text(incident, sentences)
    lead_day = max(lead_days)
    if incident.date > lead_day:
        return "a development after the lead incident"
    item = _SEPARATE.search(text) or _entry_opening(incident, sentences)
    if incident.date in lead_days:
        if _LATER.match(text):
            return "told as following the lead incident the same day"
        if item:
            return "another item of the lead's day"
        if not _BEFORE.search(text):
            return "another incident of the lead's day"
        return None
    days = (lead_day - incident.date).days
    if item and days <= ITEM_DAYS and incident.date_precision == "day":
        return "an item of the news cycle told for itself"
    return None


def _entry_opening(incident: Incident, sentences: Sequence[Sentence]) -> bool:
    """Whether the incident is told in an entry of its own: a live-update stamp before
    its trigger (or in the sentence before), or a roundup paragraph under a dateline."""
    first = min(incident.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return False
    return bool(_STAMP.search(_stamp_window(incident, sentences))) or bool(
        DATELINE.match(sentences[first].text)
    )


def _in_cycle(incident: Incident, published: dt.date) -> bool:
    """Dated to the day (or the week: 'hours later', 'overnight'), at most
    `NEWS_CYCLE_DAYS` before publication (or the day after)."""
    if incident.date is None or incident.date_precision not in ("day", "week"):
        return False
    return -1 <= (published - incident.date).days <= NEWS_CYCLE_DAYS


def _first_text(incident: Incident, sentences: Sequence[Sentence]) -> str:
    """The text of the sentence the incident is first told in."""
    first = min(incident.sentences, default=-1)
    return sentences[first].text if 0 <= first < len(sentences) else ""


def _stamp_window(incident: Incident, sentences: Sequence[Sentence]) -> str:
    """The incident's first sentence up to its trigger, and the sentence before it: where
    the stamp of the live-update entry that tells it stands."""
    first = min(incident.sentences, default=-1)
    if not 0 <= first < len(sentences):
        return ""
    here = sentences[first]
    upto = here.text[: max(0, incident.trigger.start - here.start)]
    before = sentences[first - 1].text if first > 0 else ""
    return before + " " + upto
