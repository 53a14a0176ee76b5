"""Numbers as news writes them: digits, words, qualifiers and vague counts.

Shared by the toll stage (people killed/injured in one incident) and the statistic
stage (aggregate figures). `find_numbers` returns every number mention in a text with
its value (None for a vague count such as "dozens"), the qualifier before it ("at
least", "about", ...) and character offsets, so callers can look at what surrounds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# counts that fix a number ("a dozen" is 12) and vague ones that do not ("dozens")
FIXED_COUNTS = {"dozen": 12, "couple": 2, "pair": 2, "score": 20}
VAGUE_COUNTS = (
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "millions",
    "several hundred",
    "several thousand",
    "a few hundred",
    "a few thousand",
    "many thousands",
    "several",
    "many",
    "numerous",
    "a number",
    "a few",
    "some",
)

# qualifier as written -> normalised qualifier
QUALIFIERS = {
    "at least": "at least",
    "at the least": "at least",
    "a minimum of": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "nearly": "nearly",
    "almost": "almost",
    "close to": "nearly",
    "about": "about",
    "around": "around",
    "roughly": "roughly",
    "approximately": "about",
    "an estimated": "about",
    "estimated": "about",
    "some": "about",
    "up to": "up to",
    "as many as": "up to",
    "at most": "at most",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "exactly": "exactly",
    "precisely": "exactly",
}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_JOIN = r"(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)"
_WORDNUM = rf"(?:{_WORD})(?:{_JOIN}(?:{_WORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORD = r"(?:\s+|-)?(?:hundred|thousand|million|billion|mn|bn|m\b|k\b)"
_POINT = rf"(?:{_WORD})-point-(?:{_WORD})(?:\s+(?:million|billion|thousand))?"
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE_COUNTS, key=len, reverse=True))
_FIXED = r"(?:a|one|half\s+a)\s+(?:dozen|couple(?:\s+of)?|pair\s+of|score\s+of)"
NUMBER_RE = re.compile(
    rf"(?<![\w.,:$£€-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<num>{_POINT}|(?:{_DIGITS})(?:{_SCALE_WORD})?|{_FIXED}|(?:{_VAGUE})(?=\s+(?:of\s+)?\w)|{_WORDNUM})"
    r"(?![\w:]|-year|-day|-week|-month|-hour|-minute)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """One number in a text. `value` is None for a vague count ("dozens")."""

    text: str
    start: int  # offsets of the number itself, qualifier excluded
    end: int
    value: float | None
    qualifier: str | None
    vague: bool = False
    qual_start: int = -1  # where the qualifier starts (== start when there is none)

    @property
    def lead(self) -> int:
        return self.qual_start if self.qual_start >= 0 else self.start

    @property
    def as_int(self) -> int | None:
        if self.value is None or not float(self.value).is_integer():
            return None
        return int(self.value)


def words_to_number(words: str) -> float | None:
    """Value of a number written in words ("two hundred and five" -> 205)."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if not word or word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Value of one number expression without qualifier; None when vague or unreadable."""
    raw = text.strip().lower()
    fixed = re.fullmatch(r"(a|one|half\s+a)\s+(dozen|couple|pair|score)(\s+of)?", raw)
    if fixed:
        base = FIXED_COUNTS[fixed.group(2)]
        return base / 2 if fixed.group(1).startswith("half") else float(base)
    if raw in VAGUE_COUNTS:
        return None
    point = re.fullmatch(r"(\w+)-point-(\w+)(?:\s+(million|billion|thousand))?", raw)
    if point:  # "seven-point-one million"
        whole, tenth = words_to_number(point.group(1)), words_to_number(point.group(2))
        if whole is None or tenth is None:
            return None
        return (whole + tenth / 10) * SCALES.get(point.group(3) or "", 1)
    digits = re.fullmatch(rf"({_DIGITS})(?:{_SCALE_WORD})?", raw)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        tail = raw[len(digits.group(1)) :].strip(" -")
        scale = {"mn": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
        return value * SCALES.get(tail, scale.get(tail, 1)) if tail else value
    return words_to_number(raw)


def find_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every number mention in `text`; offsets are shifted by `offset`.

    Bare "a"/"an"/"no" are not returned (callers that need "a policeman" or "no one"
    look for those phrases themselves): they would turn every article into a number.
    """
    out = []
    for m in NUMBER_RE.finditer(text):
        num = m.group("num")
        low = num.lower()
        if low in ("a", "an", "no", "and", "single") or low.startswith("and"):
            continue
        if re.fullmatch(r"(?:a|an|no)(?:[\s-]+(?:a|an|no|and))*", low):
            continue
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if re.search(r"(\bno|\d|\$)\s*$", before):  # "no one", "$5 million"
            continue
        if _names_a_unit(text, m.start("num"), m.end("num")):
            continue
        qual_text = (m.group("qual") or "").lower()
        qualifier = QUALIFIERS.get(qual_text) if qual_text else None
        vague = low in VAGUE_COUNTS
        if vague and qual_text:  # "some dozens": the qualifier adds nothing
            qualifier = None
        value = None if vague else parse_number(num)
        if value is None and not vague:
            continue
        start = m.start("num") + offset
        lead = m.start() + offset if qualifier else start
        out.append(NumberMention(num, start, start + len(num), value, qualifier, vague, lead))
    return out


# a number that names a unit, a road or a text is no count: "the 444 Brigade", "the 5
# Mechanised Infantry Battalion", "Battalion 72", "Route 9", "Resolution 2334"
_UNIT = (
    r"brigade|battalion|division|regiment|corps|squadron|platoon|commando|legion|"
    r"infantry|fleet|flotilla|wing|unit|task force"
)
_UNIT_AFTER = re.compile(
    rf"^\s+(?:(?:(?-i:[A-Z][\w-]*)|infantry|mechani[sz]ed|motori[sz]ed|armou?red|special|"
    rf"rapid|intervention|light|mountain|airborne|marine|border|military)\s+){{0,3}}?"
    rf"(?:{_UNIT})\b(?!s\b|-|\s+(?:soldiers|troops|members|officers|personnel|men|"
    rf"fighters|commanders|recruits|servicem[ae]n|militiam[ae]n|policem[ae]n)\b)",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(
    r"\b(?:Brigade|Battalion|Division|Regiment|Corps|Squadron|Platoon|Unit|Sector|Zone|"
    r"Route|Highway|Road|Flight|Resolution|Article|Camp|Block|Gate|Phase|Checkpoint|"
    r"Kilometre|Kilometer|Km|No\.|Number)\s+$"
)


def _names_a_unit(text: str, start: int, end: int) -> bool:
    """Whether the number is part of a name ("the 444 Brigade", "Battalion 72") rather
    than a count ("two brigades", "killed 12 soldiers of the brigade")."""
    before = text[max(0, start - 20) : start]
    if _UNIT_BEFORE.search(before):
        return True
    after = text[end : end + 60]
    m = _UNIT_AFTER.match(after)
    if m is None:
        return False
    words = after[: m.end()].split()
    # a lower-case unit noun needs a capitalised name word before it ("444 Brigade",
    # "5 Mechanised Brigade"); "three army officers" counts officers
    return words[-1][0].isupper() or any(w[0].isupper() for w in words[:-1])


AGGREGATE_CUES = re.compile(
    r"\b(since(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"last night|the weekend|dawn|early|this morning|late|this week|last week|"
    # "the number killed since the raid began": one operation's running toll
    r"the (?:raid|operation|attack|assault|incursion|siege) (?:began|started)))|so far|"
    r"(?:over|in|during) the same period|"
    r"to date|cumulative|this year|last year|this month|past (?:year|month|week|decade)|"
    r"in (?:19|20)\d\d|during the (?:war|conflict|year)|"
    r"over the (?:past|last)(?!\s+(?:(?:24|48|72|twenty-four|few|two|three|several)\s*-?\s*)?"
    r"(?:hours?|days?|nights?|weekend|hour|24-hour)|\s+(?:two|few|several)\s+weeks)|"
    r"between (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|(?:19|20)\d\d)\b[^.;]{0,25}?\band (?:[a-z]+ )?(?:(?:19|20)\d\d|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:war|conflict|offensive|campaign|insurgency|uprising|crisis|violence|fighting|"
    r"bombardment|siege) (?:that |which )?(?:has|have|had) (?:so far )?(?:killed|left|claimed)|"
    r"(?:has|have) (?:so far )?(?:killed|left) more than|"
    r"(?<!series of )(?<!string of )(?<!wave of )(?<!spate of )(?<!twin )"
    r"\battacks\b[^.;]{0,80}\b(?:have|has) (?:left|killed|wounded|injured)|"
    r"\b(?:war|civil war|conflict|insurgency|genocide|uprising)\b[^.;]{0,60}\bkilled)\b",
    re.IGNORECASE,
)


def has_aggregate_cue(text: str) -> bool:
    """True when a clause talks about a period or a whole war, not one incident.

    A clause that opens with its year ("In 2019, gunmen ambushed a convoy") dates one
    past incident: that year is no period, and neither is the comparison in "the
    deadliest attack since 1998"."""
    text = _DATED_OPENING.sub("", text, count=1)
    return AGGREGATE_CUES.search(_SUPERLATIVE_SINCE.sub("", text)) is not None


# cues that never date one incident: a count since a start, so far, over a whole war
PERIOD_CUES = re.compile(
    r"\b(?:since (?:19|20)\d\d|since (?:the|its|their) (?:start|beginning|outbreak)|"
    r"since the (?:war|conflict|invasion|feud|insurgency|fighting|uprising)\b|so far|to date|"
    r"cumulative|during the (?:war|conflict)|(?:has|have) (?:so far )?(?:killed|left) more than|"
    r"(?:over|in|during) the same period|"
    r"(?:in (?:19|20)\d\d|(?:this|last) (?:year|month)|in (?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)) alone|"
    r"(?:war|conflict|insurgency|uprising|violence|fighting) (?:that |which )?(?:has|have) "
    r"(?:so far )?(?:killed|left|claimed))\b",
    re.IGNORECASE,
)


def has_period_cue(text: str) -> bool:
    """True when a clause counts over a period or a whole war in words that cannot date
    one incident ("since 2013", "so far", "the war that has killed"), unlike "in 2019"
    or "this year", which may date the incident the sentence reports."""
    return PERIOD_CUES.search(_SUPERLATIVE_SINCE.sub("", text)) is not None


_DATED_OPENING = re.compile(r"^\s*(?:[A-Z][\w ,.—-]{0,40}?—\s*)?In (?:19|20)\d\d,")
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|most \w+|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"(?:(?!\b(?:killed|killing|left|claimed)\b)[^.;,]){0,60}?"
    r"\b(?:since\b[^.;,]*|this (?:year|month|week)|in (?:years|decades|a decade|a week|a month)\b)",
    re.IGNORECASE,
)
