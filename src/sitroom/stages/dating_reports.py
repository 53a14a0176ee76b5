"""Dating against the report: the day something was said versus the day it happened.

`reporting` tells a timex that dates the saying ("said on Monday"); `_past_the_report`,
`_retold_day`, `_told_again`, `_past_span`, `_night_told_again`, `_restates` and
`_continues` find the earlier day an event retold in a report happened on.
Split out of `dating.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from sitroom.model import Analysis, Incident, Timex
from sitroom.stages.dating_readings import (
    _GLOSS_BEFORE,
    _Dating,
    _days,
    _from_timex,
    _other_paragraph,
    _paragraph_between,
    _point,
    usable,
)
from sitroom.stages.times import reference_date, value_date

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
