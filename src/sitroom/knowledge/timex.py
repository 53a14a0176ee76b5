"""Lexicon of English temporal words and the regex pieces built from it.

Facts are the calendar and TimeML 1.2.1 / ISO 8601 value conventions (season codes SP,
SU, FA, WI; parts of day MO, AF, EV, NI; `P` durations with `T` for clock units). The
pieces are plain strings: `stages.times` compiles them once, lazily.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI",
}  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "couple": 2, "half": 0.5,
}  # fmt: skip

VAGUE_NUMBERS = ("few", "several", "some", "many", "numerous", "recent", "coming")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4,
}  # fmt: skip

# unit word -> (TimeML unit letter, is a clock unit (goes after "T"))
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
    "centurie": ("Y", False), "weekend": ("D", False),
}  # fmt: skip
UNIT_FACTOR: dict[str, int] = {
    "decade": 10, "century": 100, "centurie": 100, "fortnight": 2, "weekend": 2,
}  # fmt: skip

# modifier words before an expression -> TimeML mod (inside the TIMEX3 span)
MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "nearly": "APPROX", "almost": "LESS_THAN", "around": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "up to": "EQUAL_OR_LESS", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "under": "LESS_THAN",
}  # fmt: skip

# position words -> TimeML mod
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END",
}  # fmt: skip

# words that point to the future inside a sentence (tense of a bare weekday or month)
FUTURE_CUES = (
    r"will|'ll|shall|won't|going to|plans? to|planned to|planning to|is to|are to|"
    r"scheduled|expected to|set to|due to|upcoming|intends? to|would|is slated|are slated|"
    r"as soon as|as early as|planned|planning|plans"
)
PAST_CUES = (
    r"was|were|had|said|came|took|made|began|went|fell|rose|told|left|killed|"
    r"[a-z]{2,}ed"
)
