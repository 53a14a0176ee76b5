"""Date stage: the day each incident happened (CODEBOOK "Dates"), its precision and time.

The temporal expressions that govern the incident's sentence decide, in this order:
1. one attached to the trigger in the dependency parse ("launched *on Friday*", "the
   *October 7* attack"), or to the verb the trigger hangs from;
2. another one in the same sentence that no other incident of the sentence governs,
   the nearest first;
3. one in the incident's other sentences, then in the sentence before it.
Durations, sets, vague references ("now", "recently") and the start of a count ("since
October 17", a statistic's scope) never date an incident. A relation to another dated
event ("a day after ...", "two days later") is resolved through that event's date.
With nothing in the text, the publication date stands in with precision "unknown".
`incident.notes["date"]` says which rule chose the date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sitroom.model import Analysis, Incident, Precision, Timex
from sitroom.stages import Stage
from sitroom.stages.times import reference_date, value_date

_NOT_DATING_BEFORE = re.compile(
    r"(?:\bsince|\buntil|\btill|\bthrough|\bby|\bbefore|\bafter)\s*$",
    re.IGNORECASE,
)
_RELATION_AFTER = re.compile(r"\s*(after|before)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(later|earlier|after|before)\b", re.IGNORECASE)
_EVENT_NOUNS = re.compile(
    r"^(?:attacks?|strikes?|airstrikes?|bombings?|blasts?|explosions?|raids?|clash(?:es)?|"
    r"assaults?|ambush(?:es)?|shelling|massacres?|killings?|shootings?|offensive|"
    r"protests?|riots?|kidnappings?|abductions?|crisis|war|escalation|fighting|pause|"
    r"truce|ceasefire|call|meeting|talks|visit|election|vote|statement)$",
    re.IGNORECASE,
)
_AFTER_MIDNIGHT = re.compile(
    r"after midnight|early hours|before dawn|at dawn|[0-5](?::\d\d)?\s*a\.?m\b", re.IGNORECASE
)
_CLOCK = re.compile(r"T(\d\d):(\d\d)$")


@dataclass(frozen=True)
class _Dating:
    date: dt.date
    precision: Precision
    timex: Timex | None
    reason: str


class DateStage(Stage):
    """Fills each incident's `date`, `date_precision` and `time` from the text."""

    name = "date"
    reads = ("times", "incidents", "sentences", "parses")
    writes = ("incidents.date", "incidents.date_precision", "incidents.time")

    def process_one(self, item: Analysis) -> None:
        reference = reference_date(item.article)
        dated: list[tuple[Incident, _Dating]] = []
        undated: list[Incident] = []
        for incident in sorted(item.incidents, key=lambda i: i.trigger.start):
            found = _date_incident(item, incident, dated)
            if found:
                dated.append((incident, found))
            else:
                undated.append(incident)
            self._fill(item, incident, found, reference)
        for incident in undated:
            self._fill(item, incident, _same_occurrence(item, incident, dated), reference)

    @staticmethod
    def _fill(
        item: Analysis, incident: Incident, found: _Dating | None, reference: dt.date | None
    ) -> None:
        incident.date = found.date if found else reference
        incident.date_precision = found.precision if found else "unknown"
        incident.notes["date"] = found.reason if found else "no date in the text"
        incident.time = _clock_time(item, incident)


_ATTACHED = "attached to the trigger"  # the reason's words for a timex the parse ties to it
_OCCURRENCE_LINK = re.compile(
    r"[^.;]{0,80}?\b(?:in|during|following|after|when|from)\s+(?:the\s+|an?\s+)?[^.;]{0,40}$",
    re.IGNORECASE,
)


def _same_occurrence(
    item: Analysis, incident: Incident, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """An undated toll told as part of a dated attack in its sentence ("100 were killed
    following Tuesday's attack"): the attack's date, when the attack's own date is
    attached to it and both are of one event type."""
    text = item.article.text
    start = incident.trigger.start
    for other, d in dated:
        if (
            start < other.trigger.start
            and item.sentence_of(start) == item.sentence_of(other.trigger.start)
            and other.event_type == incident.event_type
            and _ATTACHED in d.reason
            and _OCCURRENCE_LINK.match(text, incident.trigger.end, other.trigger.start)
        ):
            return _Dating(
                d.date, d.precision, d.timex, f"that of '{other.trigger.text}' ({d.reason})"
            )
    return None


def usable(t: Timex, text: str, published: dt.date | None = None) -> bool:
    """Whether a timex can date an incident: a point in time, not the start of a count,
    not after the publication date."""
    got = _point(t, published) if t.type in ("DATE", "TIME") else None
    if got is None:
        return False
    if published is not None and got[0] > published:
        return False  # "ahead of a vote next month": what is reported has happened
    m = _NOT_DATING_BEFORE.search(text, max(0, t.start - 12), t.start)
    if m and t.type == "TIME" and m.group().strip().lower() in ("before", "after"):
        return bool(_DAY_NAMED.search(t.text))  # "before midnight on Sunday": that day
    return m is None


_BARE_MONTH = re.compile(
    r"(?:early|mid|late|the (?:start|end|beginning|middle) of|in|of|since|until)?[\s-]*"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?",
    re.IGNORECASE,
)


def _point(t: Timex, published: dt.date | None) -> tuple[dt.date, Precision] | None:
    """The first day and precision of a timex. A bare month the time stage put in the
    months just after publication ("In January, militants attacked ..." in a December
    story) is the one gone by when it dates an incident: what is reported has happened."""
    got = value_date(t.value)
    if got is None or published is None or got[1] != "month" or got[0] <= published:
        return got
    if not _BARE_MONTH.fullmatch(t.text.strip()):
        return got  # "next month", "January 2025": the text says where it lies
    return dt.date(got[0].year - 1, got[0].month, 1), "month"


_GLOSS_BEFORE = re.compile(
    r"\b(?:\w+day|night|morning|afternoon|evening|today|tonight)\s*[\[(]\s*$", re.IGNORECASE
)
_GLOSS_AFTER = re.compile(r"\s*[\[(]\s*")


def _gloss(item: Analysis, t: Timex) -> tuple[Timex, dt.date] | None:
    """The full date an editor put in brackets after a relative one ("on Monday [29
    January]", "last night [7 May]", "Saturday night (June 29th)"): it fixes the day the
    relative word only implies."""
    text = item.article.text
    m = _GLOSS_AFTER.match(text, t.end)
    if m is None or not _GLOSS_BEFORE.search(text, t.start, m.end()):
        return None  # only a day word takes a gloss ("7 a.m. [0400 GMT]" is a time zone)
    for g in item.times:
        if g.start == m.end() and text[g.end : g.end + 3].lstrip()[:1] in ("]", ")"):
            got = value_date(g.value)
            return (g, got[0]) if got is not None and got[1] == "day" else None
    return None


def _date_incident(
    item: Analysis, incident: Incident, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    text = item.article.text
    idx = item.sentence_of(incident.trigger.start)
    rel = _relation(item, incident, idx, dated)
    if rel is not None:
        return rel
    clock: tuple[Timex, str] | None = None
    if idx >= 0:
        best = _best_in_sentence(item, incident, idx)
        if best is not None and _bare_clock(best[0], text, reference_date(item.article)):
            clock, best = best, None  # the day told before it, if any, comes first
        if best is not None:
            t, how = best
            if reporting(t, text):
                return _past_the_report(item, incident, idx, t, dated)
            found = _from_timex(t, item, how)
            night = _night_told_again(item, idx, t, found)
            return night or found
    back = _refers_back(item, incident, dated)
    if back is not None:
        return back
    span = _past_span(item, idx)
    if span is not None:
        return span
    others = [i for i in incident.sentences if i != idx]
    if _continues(item, idx) or _restates(item, idx + 1):
        others.append(idx + 1)  # the trigger's sentence cut short, or told again with its day
    for i in [*others, idx - 1]:
        if 0 <= i < len(item.sentences):
            s = item.sentences[i]
            cands = [
                t
                for t in item.times
                if s.start <= t.start < s.end and usable(t, text, reference_date(item.article))
            ]
            if cands:
                where = "a sentence of the incident" if i in others else "the sentence before"
                return _from_timex(cands[0], item, f"'{cands[0].text}' in {where}")
    return _from_timex(clock[0], item, clock[1]) if clock else None


_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+[\w.'-]+){0,4}?|reported|reports|announced|confirmed|"
    r"added|stated|disclosed|revealed|claimed|noted|explained|quoted as saying)"
    r"(?:\s+(?:on|late|early|this|last))*\s+$",
    re.IGNORECASE,
)
# "in a statement read on state television on Monday evening", "claimed the attack in a
# statement on Monday": the day of the statement, not of what it tells
_STATEMENT_BEFORE = re.compile(
    r"\b(?:in|during|at|through)\s+(?:an?|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|news conference|press conference|briefing|interview|"
    r"broadcast|televised address|address|video|post)\b[^.;,]{0,45}?"
    r"(?:\s+(?:on|late|early|this|last))*\s+$",
    re.IGNORECASE,
)
_REPORTING_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|told|reported|announced|confirmed|stated|disclosed)\b", re.IGNORECASE
)


def reporting(t: Timex, text: str) -> bool:
    """Whether a timex dates the report rather than what it reports: "police said on
    Friday", "the army on Monday said" (the reporting verb's own time)."""
    gloss = _GLOSS_BEFORE.search(text, max(0, t.start - 30), t.start)
    start = gloss.start() if gloss else t.start  # "said Saturday [28 November]"
    if _REPORTING_BEFORE.search(text, max(0, start - 60), start):
        return True
    if _STATEMENT_BEFORE.search(text, max(0, start - 80), start):
        return True
    return bool(_REPORTING_AFTER.match(text[t.end : t.end + 30]))


def _past_the_report(
    item: Analysis,
    incident: Incident,
    idx: int,
    said: Timex,
    dated: list[tuple[Incident, _Dating]],
) -> _Dating | None:
    """The incident of "X was killed, police said Friday": a day in the week up to the
    report that the story gives the incident itself (in its sentences or the one after:
    "The attack happened on Thursday"), else the report's day (on PITF wire leads coders
    date such incidents to the report's day more often than to the day before)."""
    text = item.article.text
    published = reference_date(item.article)
    near = sorted({*incident.sentences, idx, idx + 1})
    for i in near:
        if not 0 <= i < len(item.sentences):
            continue
        s = item.sentences[i]
        own = [
            t
            for t in item.times
            if s.start <= t.start < s.end
            and t is not said
            and not (i == idx and _other_paragraph(text, t, incident.trigger.start))
            and usable(t, text, published)
            and not reporting(t, text)
            and (
                _within_week_before(t, said)
                or (i == idx and _names_the_trigger(text, incident, t, said))
            )
        ]
        if own:
            return _from_timex(own[0], item, f"'{own[0].text}' (the report is dated '{said.text}')")
    retold = _retold_day(item, incident, idx, said)
    if retold is not None:
        return retold
    again = _told_again(item, idx, dated)
    if again is not None:
        return again
    span = _past_span(item, idx)
    if span is not None and _spell_of_the_trigger(incident, span):
        return span  # "killed 30 over the past three days, the Red Cross said on Friday"
    return _from_timex(said, item, f"'{said.text}' (the report's day: no other time is given)")


def _spell_of_the_trigger(incident: Incident, span: _Dating) -> bool:
    """A spell of days right after the trigger it measures ("has killed 40 people in the
    last two days"), not a survey of weeks elsewhere in the sentence."""
    t = span.timex
    if t is None or span.precision != "week" or t.start < incident.trigger.end:
        return False
    return t.start - incident.trigger.end <= _AFTER_TRIGGER_REACH


_RETOLD_REACH = 2  # sentences after the report's in which "The attack happened ..." counts
_RETOLD_DAYS = 31


def _retold_day(item: Analysis, incident: Incident, idx: int, said: Timex) -> _Dating | None:
    """ "... were killed, officials said Friday. Six were injured. The attack happened at
    about 8 p.m. on Thursday": a sentence of the same paragraph that tells the incident
    again to give its time fixes the day, however the report's own day was counted."""
    text = item.article.text
    published = reference_date(item.article)
    for i in range(idx + 1, min(idx + 1 + _RETOLD_REACH, len(item.sentences))):
        s = item.sentences[i]
        if _paragraph_between(text, incident.trigger.end, s.start):
            return None
        if not _restates(item, i):
            continue
        for t in item.times:
            got = _point(t, published) if s.start <= t.start < s.end else None
            if got is None or got[1] != "day" or t.type not in ("DATE", "TIME"):
                continue
            if published is not None and not 0 <= (published - got[0]).days <= _RETOLD_DAYS:
                continue
            if usable(t, text, published) and not reporting(t, text):
                how = f"'{t.text}' (told again after the report '{said.text}')"
                return _from_timex(t, item, how)
    return None


def _told_again(item: Analysis, idx: int, dated: list[tuple[Incident, _Dating]]) -> _Dating | None:
    """ "The attackers struck the post shortly after 11 p.m., the police chief told
    reporters on Tuesday": a sentence that tells the incident of the sentence before
    again (its doers, "the attack took place") takes that incident's date, not the day
    it was told."""
    if not (_restates(item, idx) or _DOERS_AGAIN.match(item.sentences[idx].text.lstrip())):
        return None
    before = [d for inc, d in dated if item.sentence_of(inc.trigger.start) == idx - 1]
    if not before or before[0].precision != "day":
        return None
    d = before[0]
    return _Dating(d.date, d.precision, d.timex, f"tells the incident before again ({d.reason})")


_AFTER_TRIGGER_REACH = 120  # characters from the trigger to a day that dates its noun


def _names_the_trigger(text: str, incident: Incident, t: Timex, said: Timex) -> bool:
    """ "confirmed today foreign involvement in the assassination of the senator on 18
    August": a day told right after the trigger, within the sentence's clause, in the two
    months up to the report, is the incident's own, however long before the report."""
    got, ref = value_date(t.value), value_date(said.value)
    if got is None or ref is None or got[1] != "day" or not 0 <= (ref[0] - got[0]).days <= 62:
        return False
    gap = text[incident.trigger.end : t.start]
    return t.start >= incident.trigger.end and len(gap) <= _AFTER_TRIGGER_REACH and ";" not in gap


def _within_week_before(t: Timex, said: Timex) -> bool:
    """A day in the week up to the report's day (an incident's own day, not background)."""
    got, ref = value_date(t.value), value_date(said.value)
    if got is None or ref is None or got[1] != "day":
        return False
    return 0 <= (ref[0] - got[0]).days <= 7


_PAST_SPAN = re.compile(r"\b(?:past|last)\b", re.IGNORECASE)


def _past_span(item: Analysis, idx: int) -> _Dating | None:
    """ "killed 74 people in the past three days": the period's first day, precision week
    (or month for a longer one)."""
    reference = reference_date(item.article)
    if idx < 0 or reference is None:
        return None
    s = item.sentences[idx]
    for t in item.times:
        if (
            not (s.start <= t.start < s.end)
            or t.type != "DURATION"
            or not (_PAST_SPAN.search(t.text) or _spell_of_violence(item.article.text, t))
        ):
            continue
        days = _days(t.value) or _hours_as_days(t.value)
        if days is None or days > 62:
            continue
        start = reference - dt.timedelta(days=days - 1)  # the report's own day counts
        return _Dating(start, "week" if days <= 14 else "month", t, f"'{t.text}' (its first day)")
    return None


_SPELL_BEFORE = re.compile(r"\b(?:in|over|during|after|within)\s+(?:the\s+)?$", re.IGNORECASE)
_SPELL_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_SPELL_NOT = re.compile(r"\s+(?:after|before|later|earlier|ago|back|since)\b", re.IGNORECASE)


def _spell_of_violence(text: str, t: Timex) -> bool:
    """ "in two days of clashes", "killed over three days": a spell of days up to the
    report, dated like "the past three days" (not "two days after X", a distance)."""
    days = _days(t.value)
    if _SPELL_NOT.match(text, t.end) or days is None or days > 14:
        return False
    if _SPELL_AFTER.match(text, t.end):
        return True
    return bool(_SPELL_BEFORE.search(text, max(0, t.start - 15), t.start))


def _hours_as_days(value: str) -> int | None:
    m = re.fullmatch(r"PT(\d+)H", value)
    return max(1, int(m.group(1)) // 24) if m else None


_RESTATES = re.compile(
    r"(?:The|This|That|It)\b[^.;]{0,80}?\b(?:took place|happened|occurred|erupted|broke out|"
    r"began to fight|started fighting|clashed)\b"
    r"|(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:incident|attacks?|raids?|killings?|massacre|"
    r"ambush|assault|bombings?|fighting|clash(?:es)?|shooting|violence|strikes?|shelling)\b"
    r"[^.;]{0,60}?\b(?:started|began|was carried out)\b"
)


_DOERS_AGAIN = re.compile(
    r"(?:The|These|Those)\s+(?:[\w-]+\s+)?(?:attackers|assailants|gunmen|raiders|militants|"
    r"bandits|insurgents|kidnappers|abductors|jihadists|rebels|fighters)\b",
    re.IGNORECASE,
)
_NIGHT_WORDS = {"overnight", "last night"}


def _night_told_again(
    item: Analysis, idx: int, night: Timex, found: _Dating | None
) -> _Dating | None:
    """ "An overnight raid, police said on Tuesday. The gunmen arrived shortly before
    midnight on Sunday ...": a night counted back from the report gives way to the day the
    next sentence gives when it tells the incident again (the attackers, the attack), if
    that day is the night's or the one before it."""
    if found is None or night.text.lower() not in _NIGHT_WORDS:
        return None
    if not 0 < idx + 1 < len(item.sentences):
        return None
    nxt = item.sentences[idx + 1]
    if not (_restates(item, idx + 1) or _DOERS_AGAIN.match(nxt.text.lstrip())):
        return None
    text = item.article.text
    reach = 2 if night.text.lower() == "overnight" else 1  # the night into the report's day
    for t in item.times:
        if (
            not nxt.start <= t.start < nxt.end
            or reporting(t, text)
            or t.type not in ("DATE", "TIME")
        ):
            continue
        got = value_date(t.value)
        if got is not None and got[1] == "day" and 0 <= (found.date - got[0]).days <= reach:
            return _Dating(got[0], "day", t, f"'{t.text}' (the next sentence tells it again)")
    return None


def _restates(item: Analysis, idx: int) -> bool:
    """Whether sentence idx tells the previous one's incident again to give its time and
    place ("The attack took place on Saturday", "The fighting erupted on Wednesday")."""
    if not 0 < idx < len(item.sentences):
        return False
    return bool(_RESTATES.match(item.sentences[idx].text.lstrip()))


def _continues(item: Analysis, idx: int) -> bool:
    """Whether sentence idx+1 continues sentence idx (split inside brackets or quotes)."""
    if not 0 <= idx < len(item.sentences) - 1:
        return False
    here, after = item.sentences[idx], item.sentences[idx + 1]
    if "\n" in item.article.text[here.end : after.start] or "\n" in here.text.rstrip()[-2:]:
        return False  # a new paragraph (or the end of a headline)
    nxt = after.text.lstrip()
    return bool(nxt) and (nxt[0].islower() or here.text.rstrip()[-1:] not in '.!?"”')


def _heads_when_clause(t: Timex, text: str, incident: Incident, published: dt.date | None) -> bool:
    """ "controlled by the peshmerga until October 2017, when federal forces took it
    back": a bound that heads a "when" clause dates the clause's own event."""
    got = _point(t, published) if t.type in ("DATE", "TIME") else None
    if got is None or (published is not None and got[0] > published):
        return False
    return bool(_WHEN_CLAUSE.match(text, t.end, incident.trigger.start))


def _best_in_sentence(item: Analysis, incident: Incident, idx: int) -> tuple[Timex, str] | None:
    """The timex of the trigger's sentence that governs the trigger, if any."""
    s = item.sentences[idx]
    text = item.article.text
    cands = [
        t
        for t in item.times
        if s.start <= t.start < s.end
        and (
            usable(t, text, reference_date(item.article))
            or _heads_when_clause(t, text, incident, reference_date(item.article))
        )
        and not _other_paragraph(text, t, incident.trigger.start)
    ]
    if not cands:
        return None
    parse = item.parses.get(idx)
    others = [
        o.trigger
        for o in item.incidents
        if o is not incident and s.start <= o.trigger.start < s.end
    ]
    scored = []
    for t in cands:
        gov = _governor(parse, s.start, t) if parse is not None else None
        score = _attachment(parse, s.start, incident, others, t, gov, text)
        if score == 1 and _long_before(t, reference_date(item.article)):
            score = -1  # "a monk who fled Tibet in 1959 has been killed": background
        scored.append((score, -abs(t.start - incident.trigger.start), t))
    score, _, best = max(scored, key=lambda x: (x[0], x[1]))
    if score < 0:
        return None
    best = _night_named(cands, _range_start(cands, best, text), text)
    how = "in the trigger's sentence" if score < 2 else _ATTACHED
    return best, f"'{best.text}' {how}"


_DAY_NAMED = re.compile(
    r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?!mid)\w+day\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|overnight|night)\b",
    re.IGNORECASE,
)


def _bare_clock(t: Timex, text: str, published: dt.date | None) -> bool:
    """A clock time naming no day ("at around 11 a.m.") that took the report's day for
    want of one in its sentence (a live-update stamp aside): the day of the story's last
    dated sentence is the better clue."""
    if t.type != "TIME" or _DAY_NAMED.search(t.text) or published is None:
        return False
    if not t.value.startswith(published.isoformat()):
        return False  # "at 9 a.m. on Tuesday": the clock took a day named beside it
    line = text[text.rfind("\n", 0, t.start) + 1 : t.start]
    return bool(line.strip()) or not re.match(r"\s*[—–-]", text[t.end : t.end + 4])


_RANGE_LINK = re.compile(r"\s*(?:and|or|to|through|-|–|—)\s*(?:on\s+|the\s+)?", re.IGNORECASE)


def _range_start(cands: list[Timex], t: Timex, text: str) -> Timex:
    """The first of coordinated days ("on Tuesday and Wednesday night", "from Monday to
    Wednesday"): an incident that spans them began on the first."""
    for p in sorted(cands, key=lambda c: -c.start):
        if p.end <= t.start and _RANGE_LINK.fullmatch(text, p.end, t.start):
            return _range_start(cands, p, text)
    return t


_NIGHT_LINK = re.compile(r"\s*(?:(?:on|of|into)\s+)?", re.IGNORECASE)


def _night_named(cands: list[Timex], t: Timex, text: str) -> Timex:
    """The day beside "overnight" ("overnight on Friday", "Friday overnight") names the
    night; "overnight" alone would count from the publication day."""
    if t.text.lower() != "overnight":
        return t
    for c in cands:
        got = value_date(c.value)
        if c is t or got is None or got[1] != "day":
            continue
        if (c.start >= t.end and _NIGHT_LINK.fullmatch(text, t.end, c.start)) or (
            c.end <= t.start and not text[c.end : t.start].strip()
        ):
            return c
    return t


_BACKGROUND_DAYS = 366


def _other_paragraph(text: str, t: Timex, pos: int) -> bool:
    """Whether timex `t` stands in another paragraph than `pos`, before or after it."""
    return _paragraph_between(text, t.end, pos) or _paragraph_between(text, pos, t.start)


def _paragraph_between(text: str, start: int, end: int) -> bool:
    """Whether a paragraph break lies between `start` and a later `end`: a "sentence"
    the splitter ran across two paragraphs is two sentences for dating."""
    return start < end and bool(re.search(r"\n\s*\n", text[start:end]))


def _long_before(t: Timex, published: dt.date | None) -> bool:
    """Whether a timex ends more than a year before publication (a background date when
    nothing ties it to the trigger: news leads report what is new)."""
    got = value_date(t.value)
    if got is None or published is None:
        return False
    day, precision = got
    end = {"year": dt.date(day.year, 12, 31)}.get(precision, day)
    return (published - end).days > _BACKGROUND_DAYS


# occasions a date names that an attack does not coincide with (unlike a wedding or a
# market day, where the attack happens on the day it names)
_OCCASION_AFTER = re.compile(
    r"['’]?s?[\s-]+(?:presidential\s+|general\s+|parliamentary\s+|local\s+)?"
    r"(?:votes?|elections?|polls?|referendum|run-?off|talks|summit|deadline|trial|hearing|"
    r"verdict|anniversary)\b",
    re.IGNORECASE,
)
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^.;]{0,120}$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"[^.;,]{0,20}?\s+when\s+[^.;,]{0,80}$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s")
_WORD = re.compile(r"[\w-]+")


def _possessed(text: str, end: int) -> list[tuple[int, int, str]]:
    """The (up to three) words after a possessive "'s" at `end`: what the timex owns."""
    if not _POSSESSIVE.match(text, end):
        return []
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, end + 2, end + 40)][:3]


def _attachment(
    parse: Any,
    offset: int,
    incident: Incident,
    others: list[Any],
    t: Timex,
    gov: Any,
    text: str,
) -> int:
    """3: governs the trigger (or the verb it hangs from); 2: governs a verb that tells the
    same event (a participle adjunct or a conjunct of it); 1: free in the sentence; -1:
    belongs to another event."""
    trig = incident.trigger
    owned = _possessed(text, t.end)
    if owned:  # "this year's Sallah celebration": it dates the noun it owns
        if any(_overlaps(w0, w1, trig.start, trig.end) for w0, w1, _ in owned):
            return 3
        if not any(_EVENT_NOUNS.match(w) for _, _, w in owned):
            return -1
    if _OCCASION_AFTER.match(text, t.end):
        return -1  # "ahead of the April 30 vote": it dates another occasion
    if _WHEN_CLAUSE.match(text, t.end, trig.start):
        return 3  # "in March 2019, when the SDF captured Baghouz": the clause it heads
    if _WHEN_AFTER.match(text, trig.end, t.start):
        return 2  # "two pupils shot dead when gunmen opened fire at the weekend"
    if gov is not None:
        g0, g1 = gov.idx + offset, gov.idx + offset + len(gov.text)
        if _overlaps(g0, g1, trig.start, trig.end):
            return 3
        tv = _trigger_verb(parse, offset, trig)
        if tv is not None and tv.i == gov.i:
            return 3
        if tv is not None and _same_event_verb(tv, gov):
            return 2
        if tv is not None and gov.lemma_ not in _SAYING and _same_event_verb(gov, tv):
            return 2
        if any(_overlaps(g0, g1, o.start, o.end) for o in others):
            return -1
        return 1
    follower = re.match(r"[\s-]*([A-Za-z]+)", text[t.end : t.end + 30])
    if follower and _EVENT_NOUNS.match(follower.group(1)):
        f0 = t.end + follower.start(1)
        return 3 if _overlaps(f0, f0 + len(follower.group(1)), trig.start, trig.end) else -1
    return 1


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _tokens(parse: Any, offset: int, start: int, end: int) -> list[Any]:
    return [
        tok for tok in parse if _overlaps(tok.idx + offset, tok.idx + offset + len(tok), start, end)
    ]


def _governor(parse: Any, offset: int, t: Timex) -> Any:
    """The verb or event noun the timex hangs from in the parse (None if not found)."""
    toks = _tokens(parse, offset, t.start, t.end)
    if not toks:
        return None
    inside = {tok.i for tok in toks}
    head = next((tok for tok in toks if tok.head.i not in inside or tok.head.i == tok.i), toks[0])
    node = head.head
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "NOUN" and _EVENT_NOUNS.match(node.text)):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return None


_SAYING = {"say", "tell", "report", "announce", "confirm", "claim", "add", "state", "reveal"}


def _same_event_verb(verb: Any, gov: Any) -> bool:
    """Whether `verb` is `gov` or one of its participle adjuncts or their conjuncts, which
    tell the same event ("In March 2022 gunmen attacked a train, killing eight and
    abducting 60": the date of "attacked" is that of "abducting"; "were killed and 16
    injured on Sunday": that of "injured" is that of "killed")."""
    node = verb
    for _ in range(4):
        if node.i == gov.i:
            return True
        if node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBG"):
            node = node.head
            continue
        return False
    return False


def _trigger_verb(parse: Any, offset: int, trig: Any) -> Any:
    toks = _tokens(parse, offset, trig.start, trig.end)
    if not toks:
        return None
    node = toks[0]
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _from_timex(t: Timex, item: Analysis, how: str) -> _Dating | None:
    gloss = _gloss(item, t)
    if gloss is not None:
        return _Dating(gloss[1], "day", t, f"{how} [{gloss[0].text}]")
    published = reference_date(item.article)
    got = _point(t, published)
    if got is None:
        return None
    day, precision = got
    if t.text.lower() == "overnight" and published is not None:
        return _overnight(item, t, published, how)
    if precision == "week":
        day = _week_estimate(day, t.value, published)
    return _Dating(day, precision, t, how)


def _overnight(item: Analysis, t: Timex, published: dt.date, how: str) -> _Dating:
    """A bare "overnight" is the night that ran into the publication day: dated to that
    day, precision day when the text puts the hits after midnight ("shortly after 2
    a.m."), else week (a day that can only be bounded; CODEBOOK "Dates", docs/codebook.md)."""
    window = item.article.text[max(0, t.start - 400) : t.end + 600]
    precision: Precision = "day" if _AFTER_MIDNIGHT.search(window) else "week"
    return _Dating(published, precision, t, how)


def _week_estimate(monday: dt.date, value: str, published: dt.date | None) -> dt.date:
    """The best single day for a week: its Saturday for "the weekend", its Monday for the
    week of publication ("this week": it began then), else mid-week ("last week")."""
    if value.endswith("-WE"):
        day = monday + dt.timedelta(days=5)
    elif published is not None and monday <= published <= monday + dt.timedelta(days=6):
        day = monday
    else:
        day = monday + dt.timedelta(days=2)
    return min(day, published) if published is not None else day


def _relation(
    item: Analysis, incident: Incident, idx: int, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """ "a day after X" / "two days later": the date of the event it is measured from."""
    if idx < 0:
        return None
    s = item.sentences[idx]
    text = item.article.text
    for t in item.times:
        if not (s.start <= t.start < s.end):
            continue
        counted = _counted_relation(item, incident, t)
        if counted is not None:
            return counted
        if t.type != "DURATION":
            continue
        days = _days(t.value)
        if days is None:
            continue
        m = _RELATION_AFTER.match(text, t.end)
        if m is None:
            continue
        sign = 1 if m.group(1).lower() == "after" else -1
        if incident.trigger.start > t.end:  # the incident is the reference point: X of "after X"
            base = _main_clause_date(item, s.start, t.start, dated)
            sign = -sign
        else:
            base = _clause_date(item, t.end, s.end)
        if base is not None:
            day = base.date + dt.timedelta(days=sign * days)
            return _Dating(day, base.precision, t, f"'{t.text} {m.group(1)}' {base.reason}")
    vague = _vague_later(item, incident, s.start, dated)
    if vague is not None:
        return vague
    for t in item.times:
        if s.start <= t.start < s.end and re.search(r"\b(?:later|earlier)$", t.text, re.I):
            days = _days_of_later(t.text)
            base_prev = _previous_date(item, t.start, dated)
            if days is not None and base_prev is not None:
                sign = 1 if t.text.lower().endswith("later") else -1
                day = base_prev.date + dt.timedelta(days=sign * days)
                return _Dating(day, base_prev.precision, t, f"'{t.text}' {base_prev.reason}")
    return None


_VAGUE_LATER = re.compile(
    r"\b(?:(?:a\s+few|several|some|just|only)\s+)?(?P<unit>minutes|hours|days|weeks)\s+later\b"
    r"|\b(?P<soon>shortly|soon)\s+(?:afterwards?|thereafter)\b"
    r"|\b(?P<same>later|earlier)\s+that\s+(?:same\s+)?(?:night|day|evening|morning|afternoon)\b"
    r"|\b(?:the|that)\s+same\s+(?P<point>month|year)\b",
    re.IGNORECASE,
)
# the precision "the same month/year" keeps of its anchor at most ("the same day" is left
# to the sentence before: measured, anchoring it on the last date told cost more than it won)
_SAME_POINT: dict[str, Precision] = {"month": "month", "year": "year"}
# (days after the anchor, precision) for each vague distance; a day's precision stays
# only when the distance keeps to the anchor's day
_VAGUE_SPAN: dict[str, tuple[int, Precision]] = {
    "minutes": (0, "day"),
    "hours": (0, "day"),
    "soon": (0, "day"),
    "shortly": (0, "day"),
    "later": (0, "day"),
    "earlier": (0, "day"),
    "days": (2, "week"),
    "weeks": (14, "month"),
}


def _vague_later(
    item: Analysis, incident: Incident, start: int, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """ "Days later, an air strike killed ...": a distance with no count, measured from the
    last date the story gave before it (an incident's or a date's, the nearer one), not
    from the publication day. "hours later" keeps the anchor's day; "days later" a few
    days on (precision week); a month or a year stays as coarse as the anchor."""
    text = item.article.text
    sentence = item.sentences[item.sentence_of(start)]
    m = next(
        (m for m in _VAGUE_LATER.finditer(text, start, sentence.end)),
        None,
    )
    anchored_here = m is not None and (m.group("same") or m.group("point"))
    if m is not None and m.start() > incident.trigger.start and not anchored_here:
        return None  # "killed two, and days later ...": a distance after it dates another event
    if m is None or _paragraph_between(text, m.end(), incident.trigger.start):
        return None
    if m.start() > incident.trigger.start and _paragraph_between(
        text, incident.trigger.end, m.start()
    ):
        return None
    published = reference_date(item.article)
    if any(
        m.end() <= t.start < sentence.end
        and usable(t, text, published)
        and not reporting(t, text)
        and not _other_paragraph(text, t, incident.trigger.start)
        for t in item.times
    ):
        return None  # "Days later, on October 3, ...": its own date decides
    anchor = _last_date_before(item, m.start(), dated)
    if anchor is None:
        return None
    reason = f"'{m.group()}' {anchor.reason}"
    if m.group("point"):
        return _same_point(anchor, m.group("point").lower(), reason)
    shift, precision = _VAGUE_SPAN[(m.group("unit") or m.group("soon") or m.group("same")).lower()]
    if anchor.precision != "day":
        return _Dating(anchor.date, anchor.precision, anchor.timex, reason)
    day = anchor.date + dt.timedelta(days=shift)
    if published is not None:
        day = min(day, published)
    return _Dating(day, precision, anchor.timex, reason)


_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def _same_point(anchor: _Dating, unit: str, reason: str) -> _Dating:
    """ "The same month, a drone strike ...": the anchor's month (its day is no longer
    told); an anchor already as coarse stays as it is."""
    coarse = _SAME_POINT.get(unit)
    if coarse is None or _RANK[anchor.precision] >= _RANK[coarse]:
        return _Dating(anchor.date, anchor.precision, anchor.timex, reason)
    day = anchor.date
    if coarse == "month":
        day = day.replace(day=1)
    elif coarse == "year":
        day = dt.date(day.year, 1, 1)
    return _Dating(day, coarse, anchor.timex, reason)


def _last_date_before(
    item: Analysis, pos: int, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """The date the story gave last before `pos`: a dated incident's or a usable timex's
    (not a reporting verb's), whichever comes later in the text."""
    text = item.article.text
    published = reference_date(item.article)
    best: tuple[int, _Dating] | None = None
    for inc, d in dated:
        if inc.trigger.start < pos and (best is None or inc.trigger.start > best[0]):
            best = (inc.trigger.start, d)
    for t in item.times:
        later = best is None or t.start > best[0]
        if t.end <= pos and later and usable(t, text, published) and not reporting(t, text):
            got = _from_timex(t, item, f"from '{t.text}'")
            if got is not None:
                best = (t.start, got)
    return best[1] if best else None


_ANAPHORA = re.compile(r"\b(?:that|this|the same)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _refers_back(
    item: Analysis, incident: Incident, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """ "That strike came ...": an anaphoric mention takes the date of the incident it
    names again (the latest earlier one of the same sub-type)."""
    text = item.article.text
    start = incident.trigger.start
    if incident.trigger.text.endswith("s") or not _ANAPHORA.search(text, max(0, start - 20), start):
        return None
    same = [
        d
        for inc, d in dated
        if inc.trigger.start < start and inc.sub_event_type == incident.sub_event_type
    ]
    if not same:
        return None
    d = same[-1]
    return _Dating(d.date, d.precision, d.timex, f"refers back to an earlier mention ({d.reason})")


def _counted_relation(item: Analysis, incident: Incident, t: Timex) -> _Dating | None:
    """A relation the timex stage already counted ("a day after X" valued as X's day,
    anchored on the day it counts from): X takes the value, the main clause the anchor."""
    published = reference_date(item.article)
    m = _RELATION_AFTER.match(item.article.text, t.end)
    if t.type != "DATE" or m is None or t.anchor is None:
        return None
    if published is not None and t.anchor == published.isoformat():
        return None
    day = t.value if incident.trigger.start > t.end else t.anchor
    got = value_date(day)
    if got is None:
        return None
    part = "what it counts from" if incident.trigger.start > t.end else "the event it dates"
    return _Dating(got[0], got[1], t, f"'{t.text} {m.group(1)}' ({part}, from {t.anchor})")


def _days(value: str) -> int | None:
    m = re.fullmatch(r"P(\d+)([DW])", value)
    if not m:
        return None
    return int(m.group(1)) * (7 if m.group(2) == "W" else 1)


def _days_of_later(text: str) -> int | None:
    from sitroom.stages.times import normalise

    words = re.sub(r"\s+(?:later|earlier)$", "", text, flags=re.I)
    t = normalise(words, None)
    return _days(t.value) if t is not None and t.type == "DURATION" else None


def _main_clause_date(
    item: Analysis, start: int, end: int, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    got = _clause_date(item, start, end)
    if got is not None:
        return got
    return _previous_date(item, start, dated)


def _clause_date(item: Analysis, start: int, end: int) -> _Dating | None:
    for t in item.times:
        if start <= t.start < end and usable(t, item.article.text, reference_date(item.article)):
            return _from_timex(t, item, f"from '{t.text}'")
    return None


def _previous_date(
    item: Analysis, pos: int, dated: list[tuple[Incident, _Dating]]
) -> _Dating | None:
    """The latest dated incident before `pos` ("that strike", "two days later")."""
    before = [d for inc, d in dated if inc.trigger.start < pos and d.precision == "day"]
    if not before:
        return None
    d = before[-1]
    return _Dating(d.date, d.precision, d.timex, f"from an earlier incident ({d.reason})")


def _clock_time(item: Analysis, incident: Incident) -> str | None:
    """Local "HH:MM" stated in the incident's sentences for the incident's day."""
    if incident.date is None or incident.date_precision != "day":
        return None
    idxs = set(incident.sentences) | {item.sentence_of(incident.trigger.start)}
    day = incident.date.isoformat()
    best: str | None = None
    for i in sorted(idxs):
        if not 0 <= i < len(item.sentences):
            continue
        s = item.sentences[i]
        for t in item.times:
            m = _CLOCK.search(t.value)
            if not (s.start <= t.start < s.end) or t.type != "TIME" or m is None:
                continue
            if not t.value.startswith(day) or t.zone not in (None, "LOCAL"):
                continue
            hh = "00" if m.group(1) == "24" else m.group(1)
            best = best or f"{hh}:{m.group(2)}"
    return best
