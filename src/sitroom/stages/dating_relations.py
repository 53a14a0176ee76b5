"""Dating through relations to other dated events and clauses.

`_relation` resolves "a day after ..." / "two days later" through the date of the event
named; `_vague_later` and `_same_point` handle "later that month"; `_refers_back`,
`_last_date_before`, `_counted_relation`, `_clause_date`, `_main_clause_date` and
`_previous_date` find the date such a relation counts from. Split out of `dating.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from sitroom.model import Analysis, Incident, Precision, Timex
from sitroom.stages.dating_readings import (
    _RELATION_AFTER,
    _Dating,
    _days,
    _from_timex,
    _other_paragraph,
    _paragraph_between,
    usable,
)
from sitroom.stages.dating_reports import (
    reporting,
)
from sitroom.stages.times import reference_date, value_date


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
