"""Recalled incidents stay apart from the lead: a sentence dated only by the sentence
before it ('That month, ...') continues the recalled story, and 'Hours later, a strike
hit X' is a second strike, new like the lead. Article written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

STRIKES = (
    "KANDAHAR, Afghanistan — A drone strike on a house in the town of Spin Boldak killed "
    "four men on Monday, local officials said.\n\n"
    "The strike destroyed the house and wounded a neighbour, they said.\n\n"
    "Hours later, a drone strike hit a car in the village of Loy Karez, wounding two "
    "people, residents said.\n\n"
    "The fighting in the province escalated in March 2022. That month, a drone strike on "
    "a wedding party in Maiwand killed 14 guests.\n\n"
    "The strike drew wide condemnation."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=dt.date(2024, 6, 12)).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def test_three_strikes_stay_apart(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, STRIKES)
    assert [i.sub_event_type for i in incidents] == ["Air/drone strike"] * 3
    lead, later, _recalled = incidents
    assert lead.fatalities == 4 and lead.sentences == [0, 1]
    assert later.sentences == [2] and later.fatalities is None


def test_hours_later_is_new_and_that_month_is_background(
    run_pipeline: pipeline.Pipeline,
) -> None:
    lead, later, recalled = _incidents(run_pipeline, STRIKES)
    assert (lead.status, later.status, recalled.status) == ("new", "new", "background")
    assert later.date == lead.date == dt.date(2024, 6, 10)
    assert (recalled.date, recalled.date_precision) == (dt.date(2022, 3, 1), "month")
    assert recalled.fatalities == 14
    assert 5 in recalled.sentences  # 'The strike drew ...' points back to the recalled one


MONDAY = (
    "ADDIS ABABA — A drone strike hit a minibus on the road to the town of Dejen on "
    "Monday morning, killing 11 passengers, residents said.\n\n"
    "The government did not comment on the strike.\n\n"
    "Such strikes have become common in the region. Residents still speak of the drone "
    "strike on a busy square in Finote Selam that killed at least 26 people.\n\n"
    "In Debre Markos, shops closed on Tuesday as families buried the dead from Monday's "
    "strike."
)


def test_mondays_strike_is_the_strike_dated_monday(run_pipeline: pipeline.Pipeline) -> None:
    item = Analysis(article=Article(text=MONDAY, published=dt.date(2025, 3, 6)).with_id())
    (out,) = list(pipeline.run(run_pipeline, [item]))
    lead, recalled = out.incidents
    assert lead.sentences == [0, 1, 4] and lead.status == "new"
    assert recalled.sentences == [3] and recalled.status == "background"
    assert recalled.date_precision == "unknown"  # never the lead's Monday
