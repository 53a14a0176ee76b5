"""Numbers that name a unit, a road or a text are no counts ("the 444 Brigade",
"Battalion 72"), while counts of soldiers of a unit stay counts; a victim count shared
by a coordinated 'found dead'. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.knowledge.numbers import find_numbers
from sitroom.stages.toll_parsed import parse_figures
from sitroom.stages.toll_text import figures_in


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the 312 Brigade moved into the town.",
        "The 7 Mechanised Infantry Battalion was sent north.",
        "Battalion 72 guarded the bridge.",
        "Troops from Division 5 reached the river.",
        "An ambush on Route 9 was reported.",
    ],
)
def test_unit_numbers_are_no_counts(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Rebels killed 12 soldiers of the Brigade.", "12"),
        ("Three Brigade members died in the raid.", "Three"),
        ("Two brigades were deployed to the border.", "Two"),
        ("The blast killed three army officers.", "three"),
    ],
)
def test_counts_of_unit_members_stay(text: str, count: str) -> None:
    assert [n.text for n in find_numbers(text)] == [count]


def test_unit_number_is_not_the_toll() -> None:
    text = "In May, fighting between the 312 Brigade and a rival militia killed 41 people."
    assert [(f.kind, f.value) for f in figures_in(text)] == [("killed", 41)]


@pytest.fixture(scope="module")
def parser() -> object:
    return nlp.load(DEFAULT_MODEL).nlp


def test_found_dead_after_abduction_counts_the_abducted(parser: object) -> None:
    doc = parser(  # type: ignore[operator]
        "Last month, four farmers from the valley were kidnapped from their fields "
        "and later found dead in a ditch."
    )
    assert [(f.kind, f.value) for f in parse_figures(doc, 0)] == [("killed", 4)]


def test_found_alive_is_no_toll(parser: object) -> None:
    doc = parser(  # type: ignore[operator]
        "Four farmers were kidnapped from their fields and later found alive in a ditch."
    )
    assert parse_figures(doc, 0) == []
