"""Who says so: the reporting source of a clause ("according to X", "X said").

Tolls, statistics and responsibility all note who gives a figure or a blame; this
module finds that source in plain text, so it works on sentences with or without a
dependency parse.
"""

from __future__ import annotations

import re

_SAY = r"(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|added|stated)"
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;:”\"\n]{2,80})", re.IGNORECASE)
_NP = r"(?P<who>(?:[Tt]he |[Aa]n? |[A-Z])[^,.;:“”\"\n]{1,70}?)"
_TRAILING = re.compile(rf",?[”\"]?,?\s+{_NP}\s+{_SAY}\b", re.UNICODE)
_INVERTED = re.compile(
    rf"\b{_SAY}\s+(?P<who>(?:the|a|an)\s+[^,.;:“”\"\n]{{2,70}}?)(?=[,.;]|\s+(?:on|in|at|who|after|that)\b|$)",
    re.IGNORECASE,
)
_SUBJECT_SAY = re.compile(rf"^(?:[^,]*,\s*)?{_NP}\s+(?:has |have |had )?{_SAY}\b")
_NOT_SOURCES = re.compile(r"^(?:it|they|he|she|we|i|you|this|that|there|which|who)$", re.IGNORECASE)
_SPOKESMAN = re.compile(r"\b(spokes(?:man|woman|person)|official|officials)\b", re.IGNORECASE)


def reported_by(text: str) -> str | None:
    """The source a clause cites for what it says, as written; None when none is named."""
    for pattern in (_ACCORDING, _TRAILING, _INVERTED, _SUBJECT_SAY):
        for m in pattern.finditer(text):
            who = _clean(m.group("who"))
            if _plausible(who):
                return who
    return None


def _plausible(who: str) -> bool:
    return (
        bool(who)
        and not _NOT_SOURCES.match(who)
        and len(who.split()) <= 10
        and not _CLAUSE_INSIDE.search(who)
    )


# a "source" that holds a clause of its own ("Lawal met security chiefs ... and") is a
# misread: the sentence's subject did something else before it said anything
_CLAUSE_INSIDE = re.compile(
    r"\s(?:and|it|they|he|she|that)$|\b(?:met|visited|held|went|pledged|promised|"
    r"said|says|told)\b"
)


def _clean(who: str) -> str:
    who = re.sub(r"\s+", " ", who).strip(" ’'“”\"—-")
    who = re.sub(r"\s+(?:on|late|early)\s+\w+day$", "", who)
    who = re.sub(r"\s+(?:later|also|earlier|previously|again|then)$", "", who)
    return who
