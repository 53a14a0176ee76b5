"""Detection patterns: 'anyone who attacked ...' is no occurrence; a death in custody is
an attack; plural occurrences compared with the reported ones ('smaller protests') or
told as happening in a named place are specific. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]
DAY = dt.date(2025, 5, 2)
LEAD = "Police in the capital fired tear gas at thousands of marchers on Thursday. "
TAIL = (
    " The government has promised to review the policing of marches. Opposition leaders "
    "said more marches were planned. Shops in the centre stayed closed on Friday. "
    "The finance ministry said it would publish a revised budget in the coming weeks, "
    "after talks with lenders and with the main business groups. Teachers and nurses "
    "have threatened to join the marches if their pay is cut again. Church leaders "
    "urged calm and asked both sides to meet. Traders said the closures had cost them "
    "a week of sales at the busiest time of the year. Transport unions said buses "
    "would run as normal on Monday, and schools were expected to reopen. Economists "
    "said growth had slowed for a third year and that the new taxes would weigh on "
    "households already struggling with the price of food and fuel. The central bank "
    "left its main rate unchanged at its last meeting and said it expected prices to "
    "ease later in the year."
)


def _subs(found: list[Incident]) -> list[str]:
    return [i.sub_event_type for i in found]


def test_anyone_who_attacked_is_generic(detect: Detect) -> None:
    text = LEAD + (
        "On Wednesday, the interior minister warned that anyone who attacked army "
        "barracks would be punished severely."
    )
    found = detect(text + TAIL, DAY)
    assert all(i.sentences == [0] for i in found), _subs(found)


def test_whoever_burns_is_generic(detect: Detect) -> None:
    text = LEAD + "The governor said whoever burned the market would face trial."
    assert all(i.sentences == [0] for i in detect(text + TAIL, DAY))


def test_died_in_custody_is_an_attack(detect: Detect) -> None:
    text = LEAD + "Anger grew in March 2024, after a teacher died in police custody in Kisa."
    later = [i for i in detect(text + TAIL, DAY) if 1 in i.sentences]
    assert [i.sub_event_type for i in later] == ["Attack"]


def test_died_in_hospital_is_not(detect: Detect) -> None:
    text = LEAD + "A retired teacher died in hospital in Kisa last year, his family said."
    assert all(1 not in i.sentences for i in detect(text + TAIL, DAY))


def test_smaller_protests_elsewhere_are_specific(detect: Detect) -> None:
    text = LEAD + "Smaller protests took place peacefully in Nakuru and Eldoret, media said."
    later = [i for i in detect(text + TAIL, DAY) if 1 in i.sentences]
    assert [i.sub_event_type for i in later] == ["Peaceful protest"]


def test_general_description_stays_general(detect: Detect) -> None:
    text = LEAD + "Villagers there say protests are a way of life for the young."
    assert all(1 not in i.sentences for i in detect(text + TAIL, DAY))
