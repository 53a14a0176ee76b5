"""What one temporal expression can say about an incident's date.

Holds `_Dating` (a date with its precision, time and reason), the shared cue patterns,
`usable` (which timexes may date an incident at all), `_point` and `_gloss` (the day a
value or an explained relative word stands for), `_from_timex` (a timex turned into a
`_Dating`, overnight and week values included), paragraph tests and `_days`.
Split out of `dating.py`; every other dating module builds on this one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitroom.model import Analysis, Incident, Precision, Timex
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


_ATTACHED = "attached to the trigger"  # the reason's words for a timex the parse ties to it
_OCCURRENCE_LINK = re.compile(
    r"[^.;]{0,80}?\b(?:in|during|following|after|when|from)\s+(?:the\s+|an?\s+)?[^.;]{0,40}$",
    re.IGNORECASE,
)

# "the deadliest attack since October 2024, when militants killed 40": a yardstick, not
# the occurrence the attack is part of
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


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
            and not _SINCE.search(text, incident.trigger.end, other.trigger.start)
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


_DAY_NAMED = re.compile(
    r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?!mid)\w+day\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|overnight|night)\b",
    re.IGNORECASE,
)


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


def _days(value: str) -> int | None:
    m = re.fullmatch(r"P(\d+)([DW])", value)
    if not m:
        return None
    return int(m.group(1)) * (7 if m.group(2) == "W" else 1)
