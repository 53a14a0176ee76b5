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

This module keeps `DateStage`, `_date_incident` (the order above) and the choice within
a sentence (`_best_in_sentence`, ranges, nights, clocks). The pieces live in
`dating_readings` (what one timex says), `dating_syntax` (attachment in the parse),
`dating_reports` (said-on versus happened-on) and `dating_relations` (relations to other
dated events).
"""

from __future__ import annotations

import datetime as dt
import re

from sitroom.model import Analysis, Incident, Timex
from sitroom.stages import Stage
from sitroom.stages.dating_readings import (
    _ATTACHED,
    _CLOCK,
    _DAY_NAMED,
    _Dating,
    _from_timex,
    _long_before,
    _other_paragraph,
    _point,
    _same_occurrence,
    usable,
)
from sitroom.stages.dating_relations import (
    _refers_back,
    _relation,
)
from sitroom.stages.dating_reports import (
    _continues,
    _night_told_again,
    _past_span,
    _past_the_report,
    _restates,
    reporting,
)
from sitroom.stages.dating_syntax import (
    _WHEN_CLAUSE,
    _attachment,
    _governor,
)
from sitroom.stages.times import reference_date, value_date


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
            if _heads_when_clause(t, text, incident, reference_date(item.article)):
                _own_clause(incident)
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
            ref = reference_date(item.article)
            cands = [
                t
                for t in item.times
                if s.start <= t.start < s.end
                and usable(t, text, ref)
                and not _bare_clock(t, text, ref)  # "at around 4 a.m." names no day
            ]
            if cands:
                where = "a sentence of the incident" if i in others else "the sentence before"
                return _from_timex(cands[0], item, f"'{cands[0].text}' in {where}")
    return _from_timex(clock[0], item, clock[1]) if clock else None


def _own_clause(incident: Incident) -> None:
    """'until June 2024, when the killing of a farmer set off arson attacks': a pointing
    mention in the clause a date heads is dated there, not elsewhere in the sentence."""
    if incident.notes.get("dated") == "elsewhere":
        del incident.notes["dated"]


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
