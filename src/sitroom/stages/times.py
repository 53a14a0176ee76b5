"""Temporal expressions: find them in the text and give each its TIMEX3 value.

A rule-based recogniser: one regex per kind of expression (clock times, weekdays,
calendar dates, months, years, seasons, quarters, deictic words, relative units,
"N units ago", durations, sets), all compiled once. Every rule proposes candidates;
the longest non-overlapping ones win. Spans follow the TimeML / TempEval-3 conventions
(prepositions such as "on", "since", "for" stay outside; "last", "the past", "more
than", "early"/"mid-"/"late" stay inside).

Values are relative to the publication date (the document creation time, DCT): a bare
weekday is the latest such day on or before it unless its clause speaks of the future;
without a DCT, relative values are left underspecified the TimeML way ("XXXX-WXX-5",
"PRESENT_REF").

This module keeps the recogniser proper (candidates, selection, relations between
expressions), the public API (`find_times`, `normalise_at`, `normalise`, `value_date`,
`resolve_relative`, `dateline_date`, `reference_date`) and `TimexStage`. The pieces live
in `timex_context` (regex pieces, `_Ctx`, calendar sums), `timex_values` (one value
handler per kind of expression) and `timex_rules` (the pattern table and its key words).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitroom.model import Analysis, Article, Precision, Timex, TimexType
from sitroom.stages import Stage
from sitroom.stages.timex_context import (
    _DATE_MARK,
    _THAT_YEAR_MARK,
    _Ctx,
    _safe_date,
)
from sitroom.stages.timex_rules import (
    _KEYS,
    _compiled,
)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MONTH_GROUPS = ("m", "tm", "sm")


def _ambiguous_month(m: re.Match[str], text: str) -> bool:
    """ "may" and "march" are months only when capitalised (the verb and the noun are not);
    in upper-case text, only with a day or a year, or after "in", "since", "last", ..."""
    for g in _MONTH_GROUPS:
        if g not in m.re.groupindex or m.group(g) not in ("may", "march"):
            continue
        word = text[m.start(g) : m.end(g)]
        if word[0].islower():
            return True
        if word.isupper() and m.end(g) == m.end() and not _MONTH_CUE.search(text, 0, m.start(g)):
            return True
    return False


_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|of|last|next|this|early|mid|late|by|from|through)[\s-]+$", re.IGNORECASE
)


# ---------------------------------------------------------------- public API


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    order: int
    type: TimexType
    value: str
    mod: str | None
    zone: str | None = None


def find_times(text: str, published: dt.date | None) -> list[Timex]:
    """Every temporal expression in `text` with its TIMEX3 type, value and mod."""
    ctx = _Ctx(text, published)
    chosen = _select(_candidates(ctx, 0, len(text)))
    return [
        _that_year(_counted_day(_relate(_finish(c, chosen, ctx), chosen, ctx), chosen, ctx), chosen)
        for c in chosen
    ]


def _that_year(t: Timex, chosen: list[_Cand]) -> Timex:
    """ "returned to Cuba later that year": the year of the last date named before."""
    if t.value != _THAT_YEAR_MARK:
        return t
    before = [
        c
        for c in _between(chosen, t.start - _RELATION_REACH, t.start)
        if re.match(r"\d{4}(?:-|$)", c.value)
    ]
    value = before[-1].value[:4] if before else "XXXX"
    return Timex(t.text, t.start, t.end, t.type, value, t.mod, t.anchor, t.zone)


_RELATION = re.compile(r"\s+(after|before)\b", re.IGNORECASE)
_DAYS = re.compile(r"P(\d+)([DW])$")
_RELATION_REACH = 600  # characters back to look for the date a relation counts from


def _counted_day(t: Timex, chosen: list[_Cand], ctx: _Ctx) -> Timex:
    """ "the next day": one day after the last day named before it (else the DCT)."""
    m = re.match(r"\x01([+-]\d+)(.*)$", t.value)
    if m is None:
        return t
    before = [c for c in _between(chosen, t.start - _RELATION_REACH, t.start)]
    days = [c for c in before if _DAY_VALUE.match(c.value)]
    if days:
        base: dt.date | None = dt.date.fromisoformat(days[-1].value[:10])
    else:
        base = ctx.dct
    if base is None:
        return Timex(t.text, t.start, t.end, t.type, "XXXX-XX-XX" + m.group(2), t.mod, None)
    day = (base + dt.timedelta(days=int(m.group(1)))).isoformat()
    return Timex(t.text, t.start, t.end, t.type, day + m.group(2), t.mod, base.isoformat())


def _relate(t: Timex, chosen: list[_Cand], ctx: _Ctx) -> Timex:
    """ "That strike came a day after X": the day of X, counted back from the strike's
    date (the last day named before, in the clause or the sentences just before)."""
    m = _DAYS.match(t.value) if t.type == "DURATION" and not t.mod else None
    rel = _RELATION.match(ctx.text, t.end) if m else None
    if m is None or rel is None:
        return t
    days_before = [
        c
        for c in _between(chosen, t.start - _RELATION_REACH, t.start)
        if c.type in ("DATE", "TIME") and _DAY_VALUE.match(c.value)
    ]
    s, _ = ctx.sentence(t.start)
    same = [c for c in days_before if c.start >= s]  # any date of the clause, "since" too
    earlier = same or [
        c for c in days_before if not _COUNT_START.search(ctx.text, max(0, c.start - 8), c.start)
    ]
    if not earlier:
        return t
    base = dt.date.fromisoformat(earlier[-1].value[:10])
    days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
    sign = -1 if rel.group(1).lower() == "after" else 1
    value = (base + dt.timedelta(days=sign * days)).isoformat()
    return Timex(t.text, t.start, t.end, "DATE", value, None, base.isoformat(), None)


_COUNT_START = re.compile(r"\b(?:since|until|till|from)\s*$", re.IGNORECASE)


def _candidates(ctx: _Ctx, start: int, end: int) -> list[_Cand]:
    """What every rule proposes, each rule looking only near its own key words."""
    text = ctx.text
    low = text.translate(_ASCII_LOWER)  # same length: offsets stay valid
    cands: list[_Cand] = []
    rules = _compiled()
    for order, windows in _windows(low, start, end).items():
        rx, handler = rules[order]
        for ws, we in windows:
            for m in rx.finditer(low, ws, we):
                if m.end() == m.start() or _ambiguous_month(m, text):
                    continue
                res = handler(m, ctx)
                if res is not None:
                    s, e = _trim(text, m.start(), m.end())
                    cands.append(_Cand(s, e, order, *res, zone=_zone(m)))
    return cands


def _zone(m: re.Match[str]) -> str | None:
    names = [g for g in ("zone", "zone2") if g in m.re.groupindex and m.group(g)]
    if not names:
        return None
    z = m.group(names[0]).upper()
    return None if z == "LOCAL TIME" else "UTC" if z in ("GMT", "UTC", "Z") else z


_REACH = 40  # characters a timex may extend before its first / after its last key word


@functools.lru_cache(maxsize=1)
def _key_re() -> re.Pattern[str]:
    words = [k for k in _rule_keys() if not k.startswith("#")]
    return re.compile(r"\d+|\b" + _trie(words) + r"\b")


def _trie(words: list[str]) -> str:
    """An alternation factored by first letters, which the regex engine scans fast."""
    if words == [""]:
        return ""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    parts = []
    for head, tails in sorted(heads.items(), key=lambda kv: kv[0] == ""):
        if head == "":
            continue
        optional = "" in tails
        rest = [t for t in tails if t]
        inner = _trie(rest) if rest else ""
        parts.append(re.escape(head) + (f"(?:{inner})?" if optional and inner else inner))
    return "(?:" + "|".join(parts) + ")"


def _windows(low: str, start: int, end: int) -> dict[int, list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around its key words."""
    keys = _rule_keys()
    out: dict[int, list[tuple[int, int]]] = {}
    for m in _key_re().finditer(low, start, end):
        word = m.group()
        if word[0].isdigit():
            word = "#4" if len(word) == 4 else "#"
        rules = keys.get(word)
        if not rules:
            continue
        ws, we = max(start, m.start() - _REACH), min(end, m.end() + _REACH)
        for r in rules:
            spans = out.setdefault(r, [])
            if spans and ws <= spans[-1][1]:
                spans[-1] = (spans[-1][0], we)
            else:
                spans.append((ws, we))
    return out


@functools.lru_cache(maxsize=1)
def _rule_keys() -> dict[str, tuple[int, ...]]:
    """Key word -> the rules that can only match near it ("#" stands for any number)."""
    table: dict[str, list[int]] = {}
    for order, keys in enumerate(_KEYS):
        for word in keys.split():
            table.setdefault(word, []).append(order)
    return {w: tuple(r) for w, r in table.items()}


def normalise_at(text: str, start: int, end: int, published: dt.date | None) -> Timex | None:
    """The reading of the expression at text[start:end], in its sentence's context."""
    ctx = _Ctx(text, published)
    chosen = _select(_candidates(ctx, start, end))
    if not chosen:
        return None
    best = max(chosen, key=lambda c: c.end - c.start)
    return _finish(best, chosen, ctx)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;(":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first; a shorter one survives only where nothing overlaps it."""
    starts: list[int] = []
    taken: list[_Cand] = []  # disjoint, sorted by start
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


def _finish(c: _Cand, chosen: list[_Cand], ctx: _Ctx) -> Timex:
    value = c.value
    if value.startswith(_DATE_MARK):
        value = _clock_day(c, chosen, ctx) + value[1:]
    anchor = ctx.dct.isoformat() if ctx.dct else None
    return Timex(ctx.text[c.start : c.end], c.start, c.end, c.type, value, c.mod, anchor, c.zone)


_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")


def _between(chosen: list[_Cand], start: int, end: int) -> list[_Cand]:
    """The candidates (sorted by start) that start in [start, end)."""
    lo = bisect.bisect_left(chosen, start, key=lambda c: c.start)
    hi = bisect.bisect_left(chosen, end, key=lambda c: c.start)
    return chosen[lo:hi]


_ENTRY_STAMP = re.compile(r"\s*(?:[A-Z]{2,4}\s*)?[—–-]")


def _line_start(text: str, pos: int) -> bool:
    """Whether only blanks stand between the last line break (or the start) and `pos`."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _clock_day(c: _Cand, chosen: list[_Cand], ctx: _Ctx) -> str:
    """The day a bare clock time falls on: a day named in its sentence, else the DCT.
    A clock time heading a line before a dash ("08:05 — A missile struck ... overnight")
    stamps a live-update entry: the page's own day, whatever the entry tells of."""
    if (
        ctx.dct is not None
        and _ENTRY_STAMP.match(ctx.text, c.end)
        and _line_start(ctx.text, c.start)
    ):
        return ctx.dct.isoformat()
    s, e = ctx.sentence(c.start)
    days = [o for o in _between(chosen, s, e) if o is not c and _DAY_VALUE.match(o.value)]
    if days:
        best = min(days, key=lambda o: abs(o.start - c.start))
        return best.value[:10]
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"


def normalise(expression: str, published: dt.date | None) -> Timex | None:
    """The TIMEX3 reading of one expression on its own (the longest one found in it)."""
    found = find_times(expression, published)
    return max(found, key=lambda t: t.end - t.start) if found else None


_VALUE_DATE = re.compile(
    r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q(\d)|-(SP|SU|FA|WI)|-H([12]))?"
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def value_date(value: str) -> tuple[dt.date, Precision] | None:
    """The first day a DATE/TIME value covers and its precision (day/week/month/year)."""
    m = _VALUE_DATE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = _safe_date(y, int(m.group(2)), int(m.group(3)))
        return (d, "day") if d else None
    if m.group(2):
        return (dt.date(y, int(m.group(2)), 1), "month") if 1 <= int(m.group(2)) <= 12 else None
    if m.group(4):
        try:
            return dt.date.fromisocalendar(y, int(m.group(4)), 1), "week"
        except ValueError:
            return None
    if m.group(5):
        return dt.date(y, 3 * int(m.group(5)) - 2, 1), "month"
    if m.group(6):  # a season: its first month
        return dt.date(y, _SEASON_MONTH[m.group(6)], 1), "month"
    if m.group(7):  # a half year
        return dt.date(y, 1 if m.group(7) == "1" else 7, 1), "month"
    return dt.date(y, 1, 1), "year"


def resolve_relative(text: str, published: dt.date | None) -> dt.date | None:
    """The date an expression such as "since October 17" or "last week" points to."""
    t = normalise(text, published)
    if t is None or t.type not in ("DATE", "TIME"):
        return None
    got = value_date(t.value)
    return got[0] if got else None


class TimexStage(Stage):
    """Fills `Analysis.times` with every temporal expression of the article."""

    name = "times"
    reads = ("doc", "sentences")
    writes = ("times",)

    def process_one(self, item: Analysis) -> None:
        item.times = find_times(item.article.text, reference_date(item.article))


_DATELINE_CHARS = 200  # a dateline ("LIMA, 10 JAN 90 (RADIO) --") sits at the very start


def dateline_date(text: str) -> dt.date | None:
    """The full date of a dateline at the start of the text, if there is one."""
    for t in find_times(text[:_DATELINE_CHARS], None):
        got = value_date(t.value) if t.type == "DATE" else None
        if got is not None and got[1] == "day":
            return got[0]
    return None


def reference_date(article: Article) -> dt.date | None:
    """What relative expressions count from: the publication date, else the dateline's
    date (the document's creation time as the text itself states it)."""
    return article.published or dateline_date(article.text)
