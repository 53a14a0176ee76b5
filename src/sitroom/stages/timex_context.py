"""Shared ground of the temporal-expression rules: regex pieces, the reading context, calendar sums.

Holds the regex building blocks (months, weekdays, numbers, units, modifiers), the
placeholder marks later resolved against neighbouring expressions, `_Ctx` (one document:
text, DCT, cached sentence tenses and the quarter a results story reports on), the tense
cues, and the calendar arithmetic every value handler needs (ISO weeks, the weekday or
year a bare date means relative to the DCT, durations). Split out of `times.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sitroom.knowledge import timex as lex
from sitroom.model import TimexType

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


# ---------------------------------------------------------------- what a rule handler returns

_Result = tuple[TimexType, str, str | None] | None
_Handler = Callable[[re.Match[str], _Ctx], _Result]


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


_NEXT_DAY_MARK = "\x01"  # "the next day": counted from the last day named before it


_THAT_YEAR_MARK = "\x02"  # "later that year": the year last named before it
