"""A roundup lead that counts the places or attacks it sums ('attacked three villages
this week, killing 15'), followed by those attacks told one by one, is an aggregate and
no incident of its own; told once, it stays an incident. Articles written for these
tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]
DAY = dt.date(2025, 9, 12)
LEAD = (
    "Gunmen attacked three villages in the east of the country this week, killing at "
    "least 19 people, local officials said on Friday. "
)
TOLD = (
    "On Monday, fighters stormed the village of Marka, killing nine farmers and burning "
    "homes, the mayor said. On Tuesday, gunmen ambushed an army patrol near Dosso and two "
    "soldiers were killed. On Wednesday, attackers raided a market in Tera, killing eight "
    "traders. "
)
REST = (
    "The region has been hit by unrest since 2019, when several armed groups moved in "
    "from across the border. Aid groups say more than 100,000 people have fled their "
    "homes. The government has promised to send more troops and to build new roads, and "
    "local leaders have called for talks with the armed groups. Schools in the area have "
    "been closed for months, and many farmers have stopped going to their fields. Traders "
    "say the main road to the regional capital is no longer safe to use after dark, and "
    "prices of grain and fuel have risen sharply in local markets since the rainy season "
    "began."
)


def test_counted_lead_before_told_attacks_is_no_incident(detect: Detect) -> None:
    found = detect(LEAD + TOLD + REST, DAY)
    assert all(0 not in i.sentences for i in found), [i.sentences for i in found]
    assert len([i for i in found if i.sentences[0] in (1, 2, 3)]) >= 3


def test_counted_lead_told_alone_stays(detect: Detect) -> None:
    found = detect(LEAD + REST, DAY)
    assert any(0 in i.sentences for i in found)


def test_series_of_attacks_stays_one(detect: Detect) -> None:
    text = (
        "In May 2021, fighters killed more than 40 civilians in a series of attacks on "
        "villages near Mora. "
    )
    found = detect(LEAD.replace("three villages", "a village") + TOLD + text + REST, DAY)
    assert any(4 in i.sentences for i in found)
