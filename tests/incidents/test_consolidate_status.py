"""Status in roundups, live pages and context paragraphs (CODEBOOK, status): each item
of the news cycle told for itself is new; what the text places before the news, as its
context, is background. Articles written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

ROUNDUP = (
    "Northern Nigeria: security roundup for Thursday, June 13\n\n"
    "KADUNA — Gunmen attacked the village of Kufana late on Wednesday, killing six people, "
    "police said. The attackers burned houses and a church. Residents fled to the nearby "
    "town of Kachia.\n\n"
    "ZARIA — A roadside bomb exploded under a police truck near Zaria on Tuesday evening, "
    "wounding three officers.\n\n"
    "CONTEXT — In March 2021, gunmen abducted more than 300 schoolgirls from a school in "
    "Jangebe."
)

LIVE = (
    "LIVE:\nTroops raid Tulkarm camp for a second day\n\n"
    "JERUSALEM — Follow our live coverage of the operation in the occupied West Bank on "
    "Wednesday.\nAll times are local.\n\n"
    "08:50 — Troops remained inside the camp on Wednesday morning, residents said.\n"
    "Gunmen exchanged fire with soldiers in several alleys overnight, killing a soldier.\n\n"
    "09:35 — An Israeli drone struck a car at the entrance to the town of Tubas early on "
    "Wednesday, killing two men."
)

CONTEXT = (
    "SANAA — Houthi fighters fired missiles at a cargo ship in the Red Sea off the port of "
    "Mocha on Monday evening, killing two crew members, the group said on Wednesday.\n\n"
    "The ship was badly damaged and was taking on water, a maritime security firm said.\n\n"
    "Israel has struck Houthi-held ports several times this year. Israeli warplanes struck "
    "the port of Hodeidah early on Monday, hours before the attack on the ship, wounding "
    "three workers."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str, published: dt.date) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=published).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def test_a_roundup_item_of_the_day_before_is_new(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, ROUNDUP, dt.date(2024, 6, 13))
    status = {i.date: i.status for i in incidents}
    assert status[dt.date(2024, 6, 12)] == "new"  # the lead
    assert status[dt.date(2024, 6, 11)] == "new"  # the Zaria entry, told for itself
    assert status[dt.date(2021, 3, 1)] == "background"


def test_a_live_page_lead_after_its_kicker_and_title_is_new(
    run_pipeline: pipeline.Pipeline,
) -> None:
    incidents = _incidents(run_pipeline, LIVE, dt.date(2024, 6, 12))
    assert [i.status for i in incidents] == ["new", "new"]
    assert incidents[1].sub_event_type == "Air/drone strike"


def test_strikes_hours_before_the_news_are_its_context(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, CONTEXT, dt.date(2024, 6, 12))
    kinds = [(i.sub_event_type, i.status) for i in incidents]
    assert kinds == [
        ("Shelling/artillery/missile attack", "new"),
        ("Air/drone strike", "background"),
    ]


ENTRIES = (
    "LIVE:\nRaid on Jenin camp enters second day\n\n"
    "JERUSALEM — Follow our live coverage of the operation in the occupied West Bank on "
    "Wednesday.\nAll times are local.\n\n"
    "09:35 — An Israeli drone struck a car at the entrance to the town of Tubas early on "
    "Wednesday, killing three men, the health ministry said.\n\n"
    "11:05 — Dozens of settlers attacked the village of al-Mughayyir, northeast of "
    "Ramallah, setting fire to two houses.\n"
    "A 19-year-old man was shot dead as villagers tried to push the settlers back.\n\n"
    "14:30 — An explosive device went off next to an armoured vehicle in the Jenin camp, "
    "lightly wounding a soldier, the military said.\n"
    "The Jenin Brigades said its fighters had planted the bomb."
)


def test_live_entries_are_boundaries(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, ENTRIES, dt.date(2024, 11, 20))
    strike, settlers, device = incidents  # the title line announces the strike
    assert strike.sub_event_type == "Air/drone strike" and strike.sentences == [0, 3]
    assert settlers.sentences == [4, 5] and strike.fatalities == 3
    assert device.sub_event_type == "Remote explosive/landmine/IED"
    assert device.sentences == [6, 7]  # 'the bomb' of its own entry
    assert all(i.status == "new" for i in incidents)
