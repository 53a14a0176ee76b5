"""Recognition patterns for temporal expressions: the rule table and its key words.

`_RULES` pairs each regex with its value handler (from `timex_values`); `_KEYS` lists,
per rule, the words that must occur nearby for the rule to be worth running; `_compiled`
compiles the table once. Split out of `times.py`.
"""

from __future__ import annotations

import functools
import re

from sitroom.stages.timex_context import (
    _AMPM,
    _DAYNUM,
    _MOD,
    _MONTH,
    _NUM,
    _POS,
    _THAT_YEAR_MARK,
    _UNIT,
    _WEEKDAY,
    _YEAR,
    _ZONE,
    _Handler,
)
from sitroom.stages.timex_values import (
    _TENS_WORDS,
    _UNIT_WORDS,
    _ago,
    _clock,
    _decade,
    _deictic,
    _duration_rule,
    _fiscal_period,
    _half,
    _holiday,
    _iso_date,
    _military,
    _month_day,
    _month_only,
    _next_day,
    _part_of_day,
    _pos_mod,
    _quarter_any,
    _relative_unit,
    _season_any,
    _set_any,
    _slash_date,
    _spelled_year,
    _the_weekend,
    _unit_value,
    _vague_duration,
    _weekday,
    _year,
    _year_phrase,
)

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
