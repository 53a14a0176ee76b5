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
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sitroom.knowledge import timex as lex
from sitroom.model import Analysis, Article, Precision, Timex, TimexType
from sitroom.stages import Stage

Tense = Literal["future", "past", "none"]
_DATE_MARK = "\x00"  # placeholder for "the day this clock time falls on"


# ---------------------------------------------------------------- regex pieces

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan\.|jan\b|feb\.|feb\b|mar\.|mar\b|apr\.|apr\b|jun\.|jun\b|"
    r"jul\.|jul\b|aug\.|aug\b|sept\.|sept\b|sep\.|sep\b|oct\.|oct\b|nov\.|nov\b|dec\.|dec\b)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundreds of|hundred|a dozen|"
    r"dozens of|dozen|a couple of|a couple|couple of|a few|few|several|some|many|"
    r"\d+\s+1/2|\d+(?:\.\d+)?|an|a)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|decades?|century|centuries)"
)
_MOD = (
    r"(?:more than|at least|nearly|up to|less than|fewer than|no more than|at most|"
    r"just over|just under|around|approximately|roughly|some)"
)
_POS = r"(?:early|late|mid|the (?:end|beginning|middle|start) of)"
_AMPM = r"(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)"
_ZONE = (
    r"(?:gmt|utc|est|edt|cst|cdt|pst|pdt|mst|mdt|bst|cet|cest|eet|eest|ist|et|pt|ct|"
    r"local time)"
)


def _clean(word: str) -> str:
    return word.lower().rstrip(".").strip()


def _month(word: str) -> int:
    return lex.MONTHS[_clean(word)]


def _number(text: str) -> float | None:
    """Value of a number phrase; None for a vague one ("a few", "several")."""
    t = " ".join(text.lower().replace("-", " ").split())
    for vague in ("few", "several", "some", "many", "dozens", "hundreds"):
        if vague in t:
            return None
    t = t.removesuffix(" of")
    if m := re.fullmatch(r"(\d+) 1/2", t):
        return int(m.group(1)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    total = 0.0
    for w in t.split():
        if w == "couple":
            return 2
        if w in ("a", "an") and total:
            continue
        if w not in lex.NUMBER_WORDS:
            return None
        v = lex.NUMBER_WORDS[w]
        total = total * v if v >= 100 and total else total + v
    return total or None


# ---------------------------------------------------------------- context


@dataclass
class _Ctx:
    """One document being read: its text, its DCT and cached sentence tenses."""

    text: str
    dct: dt.date | None
    _tense: dict[int, Tense] = field(default_factory=dict)
    _quarter: list[tuple[int, int] | None] = field(default_factory=list)

    def reported_quarter(self) -> tuple[int, int] | None:
        """(year, quarter) a company-results story reports on, else None (cached)."""
        if not self._quarter:
            self._quarter.append(_reported_quarter(self.text, self.dct))
        return self._quarter[0]

    def sentence(self, pos: int) -> tuple[int, int]:
        return _sentence_bounds(self.text, pos)

    def tense(self, start: int, end: int) -> Tense:
        """Future if the nearest tense cue in the sentence points ahead, else past/none."""
        s, e = self.sentence(start)
        before, after = self.text[s:start], self.text[end:e]
        fut = _nearest(_future_re(), before, after)
        past = _nearest(_past_re(), before, after)
        if fut is None and past is None:
            return "none"
        if fut is not None and (past is None or fut <= past):
            return "future"
        return "past"


def _nearest(rx: re.Pattern[str], before: str, after: str) -> int | None:
    best = None
    for m in rx.finditer(before):
        best = len(before) - m.end()
    for m in rx.finditer(after):
        d = m.start()
        best = d if best is None else min(best, d)
        break
    return best


@functools.lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lex.FUTURE_CUES})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _past_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lex.PAST_CUES})\b")


_SENTENCE_REACH = 500  # a "sentence" never reaches further than this (unpunctuated text)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """A cheap sentence window around `pos`: from the last stop before to the next
    (a stop is [.?!] then a space, not after an initial or an abbreviation like "p.m.")."""
    lo, hi = max(0, pos - _SENTENCE_REACH), min(len(text), pos + _SENTENCE_REACH)
    start = lo
    for stop in _STOP.finditer(text, lo, pos):
        start = stop.end()
    end = _STOP.search(text, pos, hi)
    return start, (end.start() + 1 if end else hi)


_STOP = re.compile(
    r"(?<!\b[A-Za-z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bMrs)(?<!\bGen)"
    r"(?<!\bCol)(?<!\bSgt)(?<!\bLt)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)"
    r"(?<!\bNov)(?<!\bDec)[.?!][\"'”’]?\s|\n"
)


# ---------------------------------------------------------------- calendar helpers


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _weekday_date(dct: dt.date, wd: int, tense: Tense, shift: str) -> dt.date:
    """The day named by a weekday relative to the DCT (ISO weekday numbers)."""
    delta = wd - dct.isoweekday()
    if shift == "last":
        return dct + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if shift == "next":
        return dct + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    if shift == "this":
        return dct + dt.timedelta(days=delta)
    if tense == "future":
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)


def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_AHEAD_DAYS = 62  # news speaks of the past: a date without a year is ahead only if soon
_RECENT_DAYS = 31  # ... or if the text speaks of the future and the last one is not recent


def _year_for(dct: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of a month(-day) without a year: the latest one up to the DCT, unless
    the next one is soon, or the text speaks of the future and the last one is not recent."""
    cands = [dct.year - 1, dct.year, dct.year + 1]
    dates = [(y, _safe_date(y, month, min(day, 28) if month == 2 else day)) for y in cands]
    valid = [(y, d) for y, d in dates if d is not None]
    ahead = min((yd for yd in valid if yd[1] > dct), key=lambda yd: yd[1], default=None)
    past = max((yd for yd in valid if yd[1] <= dct), key=lambda yd: yd[1], default=None)
    recent = past is not None and (dct - past[1]).days <= _RECENT_DAYS
    if ahead is not None and (
        (ahead[1] - dct).days <= _AHEAD_DAYS or (tense == "future" and not recent)
    ):
        return ahead[0]
    return past[0] if past is not None else dct.year


def _month_year(dct: dt.date, month: int, tense: Tense) -> int:
    """The latest such month up to the DCT's, unless it is soon or spoken of as ahead."""
    ahead = (month - dct.month) % 12
    if ahead == 0:
        return dct.year
    if tense == "future" or ahead <= _AHEAD_DAYS // 31:
        return dct.year + (1 if month < dct.month else 0)
    return dct.year - (1 if month > dct.month else 0)


def _duration(n: float | None, unit: str) -> str:
    """TimeML duration value: P2M, PT4H, P20Y (decades in years), PXD when vague."""
    base = unit.lower().rstrip("s") if unit.lower() != "centuries" else "centurie"
    letter, clock = lex.UNITS[base]
    factor = lex.UNIT_FACTOR.get(base, 1)
    t = "T" if clock else ""
    if n is None:
        return f"P{t}X{'W' if base == 'fortnight' else letter}"
    n *= factor
    if base == "weekend":
        n, letter = n, "D"
    if n != int(n):
        whole, half = int(n), n - int(n)
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "M": (30, "D")}
        if letter in smaller and half == 0.5:
            k, sub = smaller[letter]
            if clock or sub != "H":
                head = f"{whole}{letter}" if whole else ""
                return f"P{t}{head}{int(k * half)}{sub}"
            return f"P{whole}DT{int(k * half)}H" if whole else f"PT{int(k * half)}H"
        return f"P{t}{n:g}{letter}"
    return f"P{t}{int(n)}{letter}"


# ---------------------------------------------------------------- rules

_Result = tuple[TimexType, str, str | None] | None
_Handler = Callable[[re.Match[str], _Ctx], _Result]


def _pos_mod(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().strip(" -")
    for key, mod in lex.POSITION_MODS.items():
        if key in w.split() or w.startswith(key):
            return mod
    return None


def _clock(m: re.Match[str], ctx: _Ctx) -> _Result:
    word = (m.group("word") or "").lower()
    if word:
        if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
            return None  # "high noon": a figure of speech
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[word]
    else:
        hh, mm = int(m.group("h")), int(m.group("mi") or 0)
        ap = (m.group("ap") or m.group("ap2") or "").lower()
        if ap.startswith("p") or "evening" in ap or "afternoon" in ap or "night" in ap:
            hh = hh + 12 if hh < 12 else hh
        elif ap and hh == 12:
            hh = 0
        dotted = m.group("sep") == "."
        if hh > 24 or (not ap and (dotted or (not m.group("zone") and not m.group("mi")))):
            return None
    day = _trailing_day(m, ctx)
    clock = f"T{hh:02d}:{mm:02d}"
    mod = "APPROX" if m.group("approx") else None
    return "TIME", (day or _DATE_MARK) + clock, mod


def _military(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "AT 1900", "2130 GMT", "at 0600 hours": four-digit clock times of wire and
    military reports (a bare "at 1950" is a clock time only in upper-case text)."""
    stated = m.group("zone") or m.group("zone2") or "hour" in m.group(0) or "hrs" in m.group(0)
    if not stated and not ctx.text[max(0, m.start() - 3) : m.start()].strip().isupper():
        return None
    hh, mm = m.group("h") or m.group("h2"), m.group("mi") or m.group("mi2")
    return "TIME", f"{_DATE_MARK}T{hh}:{mm}", None


def _trailing_day(m: re.Match[str], ctx: _Ctx) -> str | None:
    if m.group("wd"):
        if ctx.dct is None:
            return f"XXXX-WXX-{lex.WEEKDAYS[m.group('wd').lower()]}"
        wd = lex.WEEKDAYS[m.group("wd").lower()]
        return _weekday_date(ctx.dct, wd, _weekday_tense(m, ctx), "").isoformat()
    if m.group("tm"):
        day = int(re.sub(r"\D", "", m.group("td")))
        return _month_day_value(ctx, _month(m.group("tm")), day, None, m)
    if m.group("rel"):
        return _deictic_day(ctx, m.group("rel").lower())
    return None


def _deictic_day(ctx: _Ctx, word: str) -> str:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1}
    if ctx.dct is None:
        return "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX"
    return (ctx.dct + dt.timedelta(days=offset.get(word, 0))).isoformat()


def _month_day_value(ctx: _Ctx, month: int, day: int, year: str | None, m: re.Match[str]) -> str:
    if year:
        y = int(year)
    elif ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    else:
        y = _year_for(ctx.dct, month, day, ctx.tense(m.start(), m.end()))
    return f"{y}-{month:02d}-{day:02d}"


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Result:
    if m.group("tm"):
        day = int(re.sub(r"\D", "", m.group("td")))
        value = _month_day_value(ctx, _month(m.group("tm")), day, m.group("ty"), m)
    else:
        wd = lex.WEEKDAYS[m.group("wd").lower()]
        pre = (m.group("pre") or "").lower().split()
        shift = "last" if "last" in pre or "past" in pre else "next" if "next" in pre else ""
        shift = "this" if "this" in pre and "coming" not in pre else shift
        if ctx.dct is None:
            value = f"XXXX-WXX-{wd}"
        else:
            tense = "future" if "coming" in pre else _weekday_tense(m, ctx)
            value = _weekday_date(ctx.dct, wd, tense, shift).isoformat()
    mod = _pos_mod(m.group("pre"))
    pod = m.group("pod")
    if pod:
        return "TIME", value + "T" + lex.PARTS_OF_DAY[pod.lower()], mod
    return "DATE", value, mod


_UNTIL = re.compile(r"\b(?:until|till|by)\s+$", re.IGNORECASE)


def _weekday_tense(m: re.Match[str], ctx: _Ctx) -> Tense:
    """ "Wednesday's ruling" names a day gone by (news reports what happened); "until
    Tuesday" a deadline ahead (unless the sentence is in the past perfect); else the
    tense cues of the sentence decide."""
    if ctx.text[m.end() : m.end() + 2] in ("'s", "’s"):
        return "past"
    if _UNTIL.search(ctx.text, max(0, m.start() - 8), m.start()):
        s, e = ctx.sentence(m.start())  # "had filed by Wednesday": a deadline gone by
        return "past" if re.search(r"\bhad\b", ctx.text[s:e]) else "future"
    return ctx.tense(m.start(), m.end())


def _month_day(m: re.Match[str], ctx: _Ctx) -> _Result:
    day = int(re.sub(r"\D", "", m.group("d")))
    month = _month(m.group("m"))
    year = m.group("y")
    if "y2" in m.re.groupindex and m.group("y2"):  # "10 JAN 90", wire datelines
        yy = int(m.group("y2"))
        year = str(1900 + yy if yy > 30 else 2000 + yy)
    if _safe_date(int(year or 2000), month, day) is None:
        return None
    return "DATE", _month_day_value(ctx, month, day, year, m), None


_MARCH_NOUN = re.compile(r"\s+(?:for|of|on|against|to)\b")


def _month_only(m: re.Match[str], ctx: _Ctx) -> _Result:
    word = m.group("m")
    if len(word) <= 4 and word not in ("may", "june", "july") and not m.group("y"):
        return None  # "Jan Kavan": a bare abbreviation is a month only with a day or year
    if word == "march" and not m.group("y") and _MARCH_NOUN.match(ctx.text, m.end()):
        return None  # "the March for Life", "March of the Mothers"
    month = _month(word)
    mod = _pos_mod(m.group("pos"))
    rel = (m.group("rel") or m.group("rel2") or "").lower()
    if m.group("y"):
        year: int | None = int(m.group("y"))
    elif ctx.dct is None:
        year = None
    elif rel in ("last", "next", "this"):
        year = ctx.dct.year + {"last": -1, "next": 1, "this": 0}[rel]
        if m.group("rel") and rel == "last":  # "last May": the latest May before the DCT
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif m.group("rel") and rel == "next":
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    else:
        year = _month_year(ctx.dct, month, ctx.tense(m.start(), m.end()))
    return "DATE", f"{year if year else 'XXXX'}-{month:02d}", mod


def _year(m: re.Match[str], ctx: _Ctx) -> _Result:
    after = ctx.text[m.end() : m.end() + 20]
    counted = r"\s*(?:percent|per cent|%|people|police|personnel|children|men|women|[a-z]+s\b)"
    fiscal = "fiscal" in m.group(0).lower()
    if (
        re.match(counted, after)
        and not fiscal
        and not re.match(r"\s*(?:was|has|is|as|levels?)\b", after)
    ):
        return None
    return "DATE", m.group("y"), _pos_mod(m.group("pos"))


def _decade(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "the 1990s" is the decade itself, TimeML "199" (TimeBank keeps "the" inside);
    a bare "1990s" is read the later TimeML way, "199X"."""
    digits = m.group("dec")[:3]
    return "DATE", digits if m.group("the") else digits + "X", _pos_mod(m.group("pos"))


def _season(m: re.Match[str], ctx: _Ctx) -> _Result:
    code = lex.SEASONS[m.group("s").lower()]
    rel = (m.group("rel") or "").lower()
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{code}", None
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}", None
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{y}-{code}", _pos_mod(rel)


def _quarter(m: re.Match[str], ctx: _Ctx) -> _Result:
    q = lex.ORDINALS[m.group("ord").lower()]
    if m.group("y"):
        return "DATE", f"{m.group('y')}-Q{q}", None
    if ctx.dct is None:
        return "DATE", f"XXXX-Q{q}", None
    cur = (ctx.dct.month - 1) // 3 + 1
    y = ctx.dct.year if q <= cur else ctx.dct.year - 1
    if re.search(r"year-(?:earlier|ago)|last year", m.group(0), re.IGNORECASE):
        y -= 1
    return "DATE", f"{y}-Q{q}", None


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "right now": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at the moment": "PRESENT_REF", "so far": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF",
    "in the past": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the near term": "FUTURE_REF", "current": "PRESENT_REF",
}  # fmt: skip


def _deictic(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "now", "recently", "yesterday" ("late yesterday" keeps its position word inside,
    as TimeBank does)."""
    if m.group("pos"):
        return "DATE", _deictic_day(ctx, "yesterday"), _pos_mod(m.group("pos"))
    word = " ".join(m.group(0).lower().split())
    if word in _REFS:
        return "DATE", _REFS[word], None
    if word in ("tonight", "overnight"):
        return "TIME", _deictic_day(ctx, word) + "TNI", None
    if word == "the day before yesterday":
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX", None
        return "DATE", (ctx.dct - dt.timedelta(days=2)).isoformat(), None
    return "DATE", _deictic_day(ctx, word), None


def _part_of_day(m: re.Match[str], ctx: _Ctx) -> _Result:
    rel = (m.group("rel") or "").lower()
    pod = lex.PARTS_OF_DAY[m.group("pod").lower()]
    if rel == "last" and pod == "NI":
        day = _deictic_day(ctx, "yesterday")
    elif rel in ("yesterday", "tomorrow"):
        day = _deictic_day(ctx, rel)
    else:
        day = _deictic_day(ctx, "today")
    if day == "PRESENT_REF":
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{pod}", _pos_mod(m.group("pos"))


def _relative_unit(m: re.Match[str], ctx: _Ctx) -> _Result:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("u").lower()
    mod = _pos_mod(m.group("pos"))
    if rel in ("the past", "past", "the last") and unit in ("week", "month", "year", "decade"):
        return "DURATION", _duration(1, unit), mod
    n = {"last": -1, "previous": -1, "the previous": -1, "past": -1, "the past": -1}.get(rel, 0)
    reported = ctx.reported_quarter()
    if unit == "quarter" and rel == "this" and reported is not None:
        return "DATE", f"{reported[0]}-Q{reported[1]}", mod
    if rel in ("next", "the coming", "coming", "the following", "following"):
        n = 1
    return "DATE", _unit_value(ctx.dct, unit, n), mod


def _unit_value(dct: dt.date | None, unit: str, n: int) -> str:
    """The calendar unit (week, month, year, ...) `n` units away from the DCT."""
    if dct is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX")
    if unit == "week":
        return _iso_week(dct + dt.timedelta(weeks=n))
    if unit == "weekend":
        base = dct + dt.timedelta(weeks=n)
        return _iso_week(base) + "-WE"
    if unit == "month":
        y, mo = _shift_month(dct.year, dct.month, n)
        return f"{y}-{mo:02d}"
    if unit == "quarter":
        y, mo = _shift_month(dct.year, dct.month, 3 * n)
        return f"{y}-Q{(mo - 1) // 3 + 1}"
    if unit == "decade":
        return str(dct.year // 10 + n)
    if unit == "century":
        return str(dct.year // 100 + n)
    return str(dct.year + n)


def _the_weekend(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE", None
    d = ctx.dct
    if d.isoweekday() < 6 and ctx.tense(m.start(), m.end()) != "future":
        d -= dt.timedelta(weeks=1)
    return "DATE", _iso_week(d) + "-WE", None


def _ago(m: re.Match[str], ctx: _Ctx) -> _Result:
    n = _number(m.group("n"))
    unit = m.group("u").lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    sign = 1 if m.group("dir").lower() in ("later", "from now", "hence") else -1
    if n is None or ctx.dct is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    k = int(n) * sign
    if unit == "year" and k == -1 and not m.group("mod"):
        compared = _year_ago_quarter(m, ctx)
        if compared is not None:
            return "DATE", compared, None
    d = ctx.dct
    if unit in ("day", "night"):
        return "DATE", (d + dt.timedelta(days=k)).isoformat(), None
    if unit in ("week", "fortnight"):
        return (
            "DATE",
            _iso_week(d + dt.timedelta(weeks=k * (2 if unit == "fortnight" else 1))),
            None,
        )
    if unit == "month":
        y, mo = _shift_month(d.year, d.month, k)
        return "DATE", f"{y}-{mo:02d}", None
    if unit in ("year", "decade", "century"):
        return "DATE", str(d.year + k * lex.UNIT_FACTOR.get(unit, 1)), None
    if unit in ("hour", "minute", "second"):
        return "DATE", d.isoformat(), None
    return None


_RESULTS = re.compile(
    r"\b(?:a share|per share|net income|net loss|earnings|revenues?|operating profit)\b",
    re.IGNORECASE,
)
_QUARTER_WORD = re.compile(
    r"\b(?:(?:first|second|third|fourth)[\s-]+quarter|quarterly|quarter end(?:ed|ing))\b",
    re.IGNORECASE,
)
_QUARTER_ORDINAL = re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b", re.IGNORECASE)
_MONEY = re.compile(
    r"\$|£|€|\bcents?\b|\bmillion\b|\bbillion\b|%|\bpercent\b|\ba share\b", re.IGNORECASE
)


def _reported_quarter(text: str, dct: dt.date | None) -> tuple[int, int] | None:
    """The quarter a company-results story reports on (TimeML values "the quarter", "a
    year ago" there as quarters): the first ordinal quarter it names, else the last quarter
    completed before the DCT. None when the text is not about quarterly results."""
    if dct is None or not _QUARTER_WORD.search(text) or not _RESULTS.search(text):
        return None
    current = (dct.month - 1) // 3 + 1
    named = [lex.ORDINALS[m.group(1).lower()] for m in _QUARTER_ORDINAL.finditer(text)]
    if named:
        q = max(named, key=named.count)  # the one most spoken of (ties: the first)
        return (dct.year if q <= current else dct.year - 1), q
    return (dct.year, current - 1) if current > 1 else (dct.year - 1, 4)


def _year_ago_quarter(m: re.Match[str], ctx: _Ctx) -> str | None:
    """ "up from $1.12 a share a year ago": in a results story's sentence about money,
    the same quarter one year before the reported one."""
    got = ctx.reported_quarter()
    if got is None:
        return None
    return f"{got[0] - 1}-Q{got[1]}"


def _fiscal_period(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "the quarter", "the latest period", "the year-ago quarter", "year-earlier": the
    reported quarter of a company-results story (or the one a year before it)."""
    got = ctx.reported_quarter()
    if got is None or ctx.dct is None:
        return None
    year, q = got
    rel = (m.group("rel") or "").lower()
    if m.group("fy"):
        return "DATE", f"{m.group('fy')}-Q{q}", None
    if m.group("u") and m.group("u").lower() == "period" and not rel:
        return None  # "the period" alone is too vague
    if rel == "current":
        return "DATE", f"{ctx.dct.year}-Q{(ctx.dct.month - 1) // 3 + 1}", None
    if rel.startswith("year") or m.group("ago") or m.group(0).startswith("year"):
        year -= 1
    return "DATE", f"{year}-Q{q}", None


def _year_phrase(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "the year ended Sept. 30" (a twelve-month period), "the full year" and "year-end"
    (the DCT's year; the one before after "since")."""
    if m.group("ended"):
        return "DURATION", "P1Y", None
    if ctx.dct is None:
        return "DATE", "XXXX", None
    since = re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I)
    return "DATE", str(ctx.dct.year - (1 if since else 0)), None


def _duration_rule(m: re.Match[str], ctx: _Ctx) -> _Result:
    ntext = m.group("n")
    unit = m.group("u")
    if re.fullmatch(_YEAR, ntext):
        return None  # "the 1988 quarter" is a date
    if unit.lower() in ("second", "quarter", "weekend", "night") and ntext.lower() in ("a", "an"):
        return None  # "a second attack", "a quarter of"
    n = _number(ntext)
    if ntext.lower() in ("a", "an") and _RATE_BEFORE.search(
        ctx.text, max(0, m.start() - 24), m.start()
    ):
        return "SET", _duration(1, unit), None
    mod = lex.MODS.get(" ".join((m.group("mod") or "").lower().split()))
    return "DURATION", _duration(n, unit), mod


_RATE_BEFORE = re.compile(
    r"(?:\d|million|billion|times|twice|once|cents?|dollars?|percent|%)\s*$", re.IGNORECASE
)


def _vague_duration(m: re.Match[str], ctx: _Ctx) -> _Result:
    return "DURATION", _duration(None, m.group("u")), None


def _set_rule(m: re.Match[str], ctx: _Ctx) -> _Result:
    word = m.group("adv")
    if word:
        unit = {
            "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
        }[word.lower()]  # fmt: skip
        return "SET", unit, None
    if m.group("swd"):
        return "SET", f"XXXX-WXX-{lex.WEEKDAYS[m.group('swd').lower()]}", None
    if m.group("sm"):
        return "SET", f"XXXX-{_month(m.group('sm')):02d}", None
    n = _number(m.group("sn")) if m.group("sn") else 1
    return "SET", _duration(n, m.group("su")), None


def _iso_date(m: re.Match[str], ctx: _Ctx) -> _Result:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if _safe_date(y, mo, d) is None:
        return None
    return "DATE", f"{y}-{mo:02d}-{d:02d}", None


def _slash_date(m: re.Match[str], ctx: _Ctx) -> _Result:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    mo, d = (b, a) if a > 12 else (a, b)
    if y < 100:
        y += 1900 if y > 50 else 2000
    if _safe_date(y, mo, d) is None:
        return None
    return "DATE", f"{y}-{mo:02d}-{d:02d}", None


def _holiday(m: re.Match[str], ctx: _Ctx) -> _Result:
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    fixed = {
        "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
        "christmas day": (12, 25), "christmas eve": (12, 24), "valentine's day": (2, 14),
        "halloween": (10, 31), "independence day": (7, 4),
    }  # fmt: skip
    if name.startswith("thanksgiving"):
        return _thanksgiving(m, ctx)
    if name not in fixed:
        return None
    mo, d = fixed[name]
    if ctx.dct is None:
        return "DATE", f"XXXX-{mo:02d}-{d:02d}", None
    y = _year_for(ctx.dct, mo, d, ctx.tense(m.start(), m.end()))
    return "DATE", f"{y}-{mo:02d}-{d:02d}", None


def _thanksgiving(m: re.Match[str], ctx: _Ctx) -> _Result:
    """US Thanksgiving: the fourth Thursday of November of the nearest year."""
    if ctx.dct is None:
        return "DATE", "XXXX-11", None
    y = _year_for(ctx.dct, 11, 25, "none")
    first = dt.date(y, 11, 1)
    day = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return "DATE", day.isoformat(), None


def _half(m: re.Match[str], ctx: _Ctx) -> _Result:
    half = "H1" if m.group("h") == "first" else "H2"
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{half}", None
    year = _unit_value(ctx.dct, "year", {"last": -1, "next": 1}.get(m.group("rel"), 0))
    return "DATE", f"{year}-{half}", None


_NEXT_DAY_MARK = "\x01"  # "the next day": counted from the last day named before it


def _next_day(m: re.Match[str], ctx: _Ctx) -> _Result:
    shift = {"next": 1, "following": 1, "previous": -1, "same": 0}[m.group("rel")]
    pod = lex.PARTS_OF_DAY.get(m.group("u"), "")
    kind: TimexType = "TIME" if pod else "DATE"
    return kind, f"{_NEXT_DAY_MARK}{shift:+d}" + (f"T{pod}" if pod else ""), None


_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten"
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"


def _spelled_year(m: re.Match[str]) -> _Result:
    """ "nineteen ninety-six", "the year two thousand": years as broadcasts say them."""
    words = m.group("sy").replace("-", " ").split()
    if words[0] == "nineteen":
        rest = _number(" ".join(words[1:]))
        return ("DATE", str(1900 + int(rest)), None) if rest else None
    tail = [w for w in words[2:] if w != "and"]
    rest = _number(" ".join(tail)) if tail else 0
    return ("DATE", str(2000 + int(rest or 0)), None) if rest is not None else None


_WD_TAIL = rf"(?:,?\s+(?P<tm>{_MONTH})\s+(?P<td>{_DAYNUM})(?:,\s*(?P<ty>{_YEAR}))?(?!\d|:\d))?"
_RULES: tuple[tuple[str, _Handler], ...] = (
    (
        rf"(?P<approx>(?:around|approximately|roughly)\s+)?"
        rf"(?:(?P<h>[01]?\d|2[0-4])(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?\s*(?:(?P<ap>{_AMPM})|"
        rf"(?P<ap2>in the (?:morning|afternoon|evening)|at night))?|(?P<word>noon|midday|midnight))"
        rf"(?:\s+\(?(?P<zone>{_ZONE})\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<tm>{_MONTH})\s+(?P<td>{_DAYNUM})(?![\d:])"
        rf"|(?P<rel>today|yesterday|tomorrow|tonight)))?(?![\d:])",
        _clock,
    ),
    (
        rf"(?:(?<=\bat\s)|(?<=\babout\s)|(?<=\baround\s))(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)"
        rf"(?:\s+(?:hours|hrs)\b)?(?:\s+(?P<zone>{_ZONE}))?(?!\d|[.,]\d)"
        rf"|(?P<h2>[01]\d|2[0-3])(?P<mi2>[0-5]\d)\s+(?P<zone2>{_ZONE})\b",
        _military,
    ),
    (
        rf"(?P<pre>(?:(?:last|next|this(?:\s+coming)?|past|coming)\s+|(?:early|late)\s+(?:on\s+)?)?)"
        rf"(?P<wd>{_WEEKDAY})(?!s\b){_WD_TAIL}(?:\s+(?P<pod>morning|afternoon|evening|night))?",
        _weekday,
    ),
    (
        rf"(?<![\d/])(?P<m>{_MONTH})\s*(?P<d>{_DAYNUM})(?!\d|:\d|\s*(?:percent|%))"
        rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})(?![\d]))?",
        _month_day,
    ),
    (
        rf"(?:the\s+)?(?<!\d)(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<m>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR})(?!\d)|\s+(?P<y2>\d\d)(?=\s*[(,.;\n-]|\s*$))?",
        _month_day,
    ),
    (
        rf"(?P<pos>{_POS}[\s-]+)?(?:(?P<rel>last|next|this)\s+)?(?P<m>{_MONTH})"
        rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<y>{_YEAR})(?!\d)|\s+(?P<rel2>this|last|next)\s+year)?",
        _month_only,
    ),
    (
        rf"(?P<pos>{_POS}[\s-]+)?(?:fiscal\s+)?(?<![\d$.,£€])(?P<y>{_YEAR})(?![\d%]|,\d|\.\d|s\b|'s\b)",
        _year,
    ),
    (
        r"(?P<the>the\s+)?(?P<pos>(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s\b",
        _decade,
    ),
    (
        rf"(?:(?:(?P<rel>this|last|next|early|late|mid|the)[\s-]+)(?P<s>spring|summer|"
        rf"(?<!the )fall|fall(?=\s+of\s+(?:1[89]|20)\d\d)|autumn|"
        rf"winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?|(?P<s2>spring|summer|autumn|winter)"
        rf"\s+(?:of\s+)?(?P<y2>{_YEAR}))",
        lambda m, c: _season_any(m, c),
    ),
    (
        rf"(?:the\s+(?!(?:first|second|third|fourth)-))?(?:(?:last|latest|current|previous|past|this|next|year-earlier|"
        rf"year-ago)\s+)?(?:fiscal\s+)?(?:(?P<y0>{_YEAR})\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
        rf"[\s-]quarter(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?:\s+of\s+last\s+year)?",
        lambda m, c: _quarter_any(m, c),
    ),
    (
        r"(?:the day before yesterday|today|tonight|(?P<pos>(?:late|earlier|later)\s+)?yesterday|"
        r"tomorrow|overnight|"
        r"now|currently|current|at present|presently|these days|nowadays|recently|lately|"
        r"formerly|the near future|the future|the short term|the long term|"
        r"the near term|the past(?!\s+(?:few|several|\d|[a-z]+\s+(?:days|weeks|months|years))))"
        r"(?![\w-])",
        _deictic,
    ),
    (
        r"(?P<pos>(?:early|late)\s+)?(?:(?P<rel>this|last|yesterday|tomorrow)\s+)"
        r"(?P<pod>morning|afternoon|evening|night)",
        _part_of_day,
    ),
    (
        rf"(?P<pos>(?:{_POS}|earlier|later)\s+)?(?P<rel>this|last|next|the coming|the past|"
        r"the previous|the following|the last|past|coming|previous|the current)\s+"
        r"(?:fiscal\s+)?(?P<u>week|weekend|month|quarter|year|decade|century)\b(?!-)",
        _relative_unit,
    ),
    (
        r"(?:the|this|last|next) weekend\b|(?:(?<=\bat )|(?<=\bover )|(?<=ed ))weekend\b",
        _the_weekend,
    ),
    (
        rf"(?:(?P<mod>{_MOD}|about|almost)\s+)?(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})"
        r"\s+(?P<dir>ago|earlier|later|from now|hence)\b",
        _ago,
    ),
    (
        rf"(?:(?P<mod>{_MOD})\s+)?(?:(?:the\s+)?(?:past|last|next|coming|first|previous|"
        r"following|final|remaining|latest|initial|additional|another)\s+)?"
        rf"(?:the\s+(?=[^\s-]+\s))?(?<![\d,.$])(?P<n>{_NUM})(?:\s+|-)(?:more\s+)?(?P<u>{_UNIT})\b(?<!-quarters)"
        r"(?![\w-]*\s+(?:ago|earlier|later))(?!-old|\s+old\b|-earlier|-ago)"
        r"(?:[- ]long\b)?",
        _duration_rule,
    ),
    (
        r"(?:(?:the\s+)?(?:recent|coming|past|last|next)\s+)"
        r"(?P<u>days|weeks|months|years|decades|hours|minutes)\b",
        _vague_duration,
    ),
    (
        rf"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
        rf"|(?:(?:once|twice|\w+ times)\s+(?:a|per|every|each)|every|each)\s+"
        rf"(?:(?P<swd>{_WEEKDAY})|(?P<sm>{_MONTH})|(?:(?P<sn>{_NUM})\s+)?"
        rf"(?P<su>{_UNIT}))|(?<=on\s)(?P<swd2>{_WEEKDAY})s\b",
        lambda m, c: _set_any(m, c),
    ),
    (
        r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])",
        _iso_date,
    ),
    (r"(?<![\d/])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>\d{4}|\d\d)(?![\d/])", _slash_date),
    (
        rf"(?:the year\s+)?(?P<sy>nineteen[\s-]+(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?|"
        rf"two thousand(?:\s+(?:and\s+)?(?:{_UNIT_WORDS}|ten|eleven|twelve|thirteen|fourteen|"
        rf"fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)\b",
        lambda m, c: _spelled_year(m),
    ),
    (
        rf"the (?P<h>first|second) half of (?:(?P<y>{_YEAR})|(?P<rel>the|this|last|next) year)\b",
        _half,
    ),
    (
        r"the (?P<rel>next|previous|following|same) (?P<u>day|morning|afternoon|evening|night)\b",
        _next_day,
    ),
    (
        r"the (?P<pos>end|beginning|middle|start) of (?:the|this) (?P<u>year|month|week|decade)\b",
        lambda m, c: ("DATE", _unit_value(c.dct, m.group("u"), 0), _pos_mod(m.group("pos"))),
    ),
    (
        r"(?:the\s+)?(?P<n>1\d|2[01])(?:st|nd|rd|th)\s+century",
        lambda m, c: ("DATE", f"{int(m.group('n')) - 1:02d}", None),
    ),
    (
        r"(?P<h>new year['’]s (?:day|eve)|christmas(?: day| eve)?|valentine['’]s day|"
        r"halloween|independence day|thanksgiving(?: day)?)",
        _holiday,
    ),
    (
        rf"(?:(?:the|this)\s+(?:(?:comparable|corresponding)\s+)?(?:(?P<rel>latest|current|"
        rf"year-earlier|year-ago)\s+)?(?P<u>quarter|period)(?!\s+of\b)(?P<ago>\s+a\s+year\s+ago)?"
        rf"|the\s+(?P<fy>{_YEAR})\s+(?:quarter|period)|year-(?:earlier|ago))(?![\w-])",
        _fiscal_period,
    ),
    (
        r"(?:(?P<pos>later|earlier)\s+)?that\s+(?:same\s+)?year\b",
        lambda m, c: ("DATE", _THAT_YEAR_MARK, _pos_mod(m.group("pos"))),
    ),
    (
        r"(?P<ended>the (?:fiscal )?year)(?=\s+end(?:ed|ing)\b)|the full year\b"
        r"|year(?:-|\s|['’]s\s)end\b",
        _year_phrase,
    ),
)


def _season_any(m: re.Match[str], ctx: _Ctx) -> _Result:
    if m.group("s2"):
        return "DATE", f"{m.group('y2')}-{lex.SEASONS[m.group('s2').lower()]}", None
    return _season(m, ctx)


def _quarter_any(m: re.Match[str], ctx: _Ctx) -> _Result:
    if m.group("y0") and not m.group("y"):
        q = lex.ORDINALS[m.group("ord").lower()]
        return "DATE", f"{m.group('y0')}-Q{q}", None
    return _quarter(m, ctx)


def _set_any(m: re.Match[str], ctx: _Ctx) -> _Result:
    if m.group("swd2"):
        return "SET", f"XXXX-WXX-{lex.WEEKDAYS[m.group('swd2').lower()]}", None
    return _set_rule(m, ctx)


_MONTH_KEYS = (
    "january jan february feb march mar april apr may june jun july jul august aug "
    "september sept sep october oct november nov december dec"
)
_WEEKDAY_KEYS = "monday tuesday wednesday thursday friday saturday sunday"
_UNIT_KEYS = (
    "second seconds minute minutes hour hours day days night nights week weeks weekend "
    "weekends fortnight fortnights month months quarter quarters year years decade decades "
    "century centuries"
)
_KEYS: tuple[str, ...] = (  # aligned with _RULES; "#" any number, "#4" a 4-digit one
    "# noon midday midnight",
    "#4",
    _WEEKDAY_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    _MONTH_KEYS,
    "#4",
    "#4",
    "spring summer fall autumn winter",
    "quarter",
    "today tonight yesterday tomorrow overnight now currently current present presently days "
    "nowadays recently lately formerly future past term",
    "morning afternoon evening night",
    "week weekend month quarter year decade century",
    "weekend",
    "ago earlier later now hence",
    _UNIT_KEYS,
    _UNIT_KEYS,
    "daily weekly monthly annually yearly hourly nightly every each once twice times "
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays",
    "#4",
    "# #4",
    "nineteen thousand",
    "half",
    "next previous following same",
    "end beginning middle start",
    "century",
    "christmas year valentine halloween independence thanksgiving",
    "quarter period year",
    "year",
    "year",
)


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    if len(_KEYS) != len(_RULES):
        raise RuntimeError("each timex rule needs its key words")
    return tuple((re.compile(rf"\b{rx}"), h) for rx, h in _RULES)


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


_THAT_YEAR_MARK = "\x02"  # "later that year": the year last named before it


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
