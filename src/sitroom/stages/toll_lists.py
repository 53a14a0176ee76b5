"""Victim lists as toll figures: "killed a soldier, two policemen and a child" counts its
items, and "killed the commander and 33 others" holds the one named in the count.
"""

from __future__ import annotations

import re

from sitroom.knowledge.numbers import parse_number
from sitroom.stages.toll_figure import _NOT_PEOPLE, Figure

_LIST_VERB = re.compile(
    r"\b(?:killing|killed|kills|shot dead|shooting dead|gunned down|gunning down|"
    r"murder(?:ed|ing)|massacr(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|"
    r"(?:hack|stabb|beat|burn)(?:ed|ing)? to death)\s+",
    re.IGNORECASE,
)
_PASSIVE_LIST_VERB = re.compile(
    r"\s+(?:were|have been|had been|are)\s+(?:all\s+)?(?:killed|shot dead|gunned down|"
    r"murdered|massacred|executed|beheaded|(?:hacked|stabbed|beaten|burned) to death)\b",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r",|\s(?:in|at|on|near|as|when|while|after|before|during|inside|outside|from|who|whose|"
    r"and|with|by|were|was|had|have|late|early|overnight|according)\b",
    re.IGNORECASE,
)
_ONE_ITEM = re.compile(
    r"^(?:a|an|one|the|his|her|their|its|my|our)\s+(?:[\w-]+\s+){0,2}?(?P<head>[\w-]+)"
    r"(?:\s+of\s+(?:[\w-]+\s+){0,4}[\w-]+)?$",  # "the head of the district council"
    re.IGNORECASE,
)
_COUNT_ITEM = re.compile(
    r"^(?:(?:his|her|their|its|the|my|our)\s+)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2}?[\w-]+$",
    re.IGNORECASE,
)


_NOT_IN_ITEM = re.compile(
    r"\b(?:of (?:them|whom|us)|among|including|sustain\w*|suffer\w*|receiv\w*|escap\w*|"
    r"fled|survived|were|was|are|is|said|told|say|says)\b",
    re.IGNORECASE,
)


def _item_count(item: str) -> int | None:
    """How many people one item of a victim list names: "his wife" 1, "their three
    children" 3; None when the item is no such phrase."""
    item = item.strip()
    if _NOT_IN_ITEM.search(item):
        return None
    m = _COUNT_ITEM.match(item)
    if m:
        value = parse_number(m.group("n"))
        return int(value) if value is not None else None
    if re.match(r"^one\s+of\s+(?:his|her|their|its|the)\s+[\w-]+$", item, re.IGNORECASE):
        return 1  # "one of his guards"
    one = _ONE_ITEM.match(item)
    if one:
        last = one.group("head").lower()
        if (last.endswith("s") and not last.endswith(("ss", "us"))) or last in _NOT_PEOPLE:
            return None
        return 1
    return None


def _list_total(items: list[str]) -> int | None:
    counts = [_item_count(i) for i in items]
    if len(items) < 2 or any(c is None for c in counts):
        return None
    return sum(c for c in counts if c is not None)


def _victim_lists(clause: str, base: int, source: str | None) -> list[tuple[Figure, int]]:
    """A list of victims told one by one, each summed ("killing a pastor,
    his wife and their three children": 5; "A farmer, his son and two neighbours were
    hacked to death": 4), with where the list ends."""
    out = []
    for m in _LIST_VERB.finditer(clause):
        rest = clause[m.end() :]
        head, sep, tail = rest.partition(" and ")
        if not sep or re.search(r"[.;:]", head):
            continue
        end = _LIST_END.search(tail)
        if end and re.match(r"\s(?:were|was|had|have)\b", end.group()):
            continue  # "killed a guard and a driver was hurt": the last one has its own verb
        last = tail[: end.start()] if end else tail.rstrip(".")
        if re.match(r"\s+(?:said|says|told|reported|added)\b", tail[len(last) :]):
            continue  # "killed five of them, a colonel and a doctor said": no list
        total = _list_total([*head.split(","), last])
        if total is not None:
            stop = m.end() + len(head) + len(sep) + len(last)
            out.append((Figure("killed", total, base + m.end(), False, source), base + stop))
    for m in _PASSIVE_LIST_VERB.finditer(clause):
        head, sep, last = clause[: m.start()].rpartition(" and ")
        if not sep:
            continue
        items = [last]
        for piece in reversed(head.split(",")):
            if _item_count(piece) is None:
                break
            items.insert(0, piece)
        total = _list_total(items)
        if total is not None:
            first = m.start() - len(" and ".join([",".join(items[:-1]), items[-1]]))
            out.append((Figure("killed", total, base + first, False, source), base + m.start()))
    return out


def _without_counted_one(figures: list[Figure]) -> list[Figure]:
    """A clause's figures less the one victim that a later "and N others" total already
    counts ("killed the governor and four others": 5, not 1 then 5)."""
    totals = [f.start for f in figures if f.others]
    if not totals:
        return figures
    return [
        f
        for f in figures
        if f.others
        or f.kind != "killed"
        or f.value != 1
        or not any(0 < t - f.start <= 120 for t in totals)
    ]
