"""Value resolution for temporal expressions: one handler per kind of expression.

Each handler turns a regex match (clock time, weekday, month and day, year, season,
quarter, deictic word, relative unit, "N units ago", duration, set, holiday, fiscal
period...) into its TIMEX3 type, value and mod, relative to the DCT in the context.
Split out of `times.py`; the patterns that call these handlers are in `timex_rules.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from sitroom.knowledge import timex as lex
from sitroom.model import TimexType
from sitroom.stages.timex_context import (
    _DATE_MARK,
    _NEXT_DAY_MARK,
    _YEAR,
    Tense,
    _Ctx,
    _duration,
    _iso_week,
    _month,
    _month_year,
    _number,
    _Result,
    _safe_date,
    _shift_month,
    _weekday_date,
    _year_for,
)


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
