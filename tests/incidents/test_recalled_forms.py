"""Recalled incidents in the forms news uses for context: 'last year's bombing' or
'in October last year' dates one earlier incident (no span over which attacks are
counted), while 'attacks killed 400 soldiers last year' stays a count. Articles
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

TAIL = "\n\nSecurity forces have been sent to the area, officials said."


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str, published: dt.date) -> list[Incident]:
    item = Analysis(article=Article(text=text + TAIL, published=published).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def _recalled(incidents: list[Incident], name: str) -> Incident:
    found = [
        i
        for i in incidents
        if i.status == "background" and i.location is not None and i.location.name == name
    ]
    assert found, [(i.status, i.date, i.location and i.location.name) for i in incidents]
    return found[0]


def test_last_years_bombing_is_one_incident(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "A roadside bomb killed six policemen in Kandahar province on Saturday, officials "
        "said.\n\nLast year's bombing of a wedding in Kunduz killed 30 people."
    )
    found = _recalled(_incidents(run_pipeline, text, dt.date(2024, 4, 20)), "Kunduz")
    assert found.date is not None and found.date.year == 2023
    assert found.date_precision == "year" and found.fatalities == 30


def test_month_of_last_year_is_one_incident(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "Gunmen shot dead five people at a bus stop in Port-au-Prince on Sunday, witnesses "
        "said.\n\nGang members killed at least 70 people in Saint-Marc in October last year."
    )
    found = _recalled(_incidents(run_pipeline, text, dt.date(2024, 9, 1)), "Saint-Marc")
    assert found.date == dt.date(2023, 10, 1) and found.date_precision == "month"
    assert found.fatalities == 70


def test_attacks_last_year_stay_a_count(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "Gunmen killed three soldiers in an ambush near Kidal on Monday, the army said."
        "\n\nAttacks killed more than 400 soldiers in the region last year."
    )
    incidents = _incidents(run_pipeline, text, dt.date(2024, 3, 4))
    assert all(i.fatalities != 400 for i in incidents)


def test_one_strike_earlier_this_year(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "An air strike hit a village near Kutkai in Shan state on Friday, killing eight "
        "civilians, residents said.\n\nEarlier this year, an air strike on a wedding in "
        "Monywa killed 60 people."
    )
    incidents = _incidents(run_pipeline, text, dt.date(2024, 7, 19))
    assert [i.fatalities for i in incidents if i.location and i.location.name == "Monywa"] == [60]


@pytest.mark.parametrize(
    ("sentence", "place", "killed"),
    [
        ("Gunmen killed 18 villagers in Bankass in a raid last year.", "Bankass", 18),
        ("In an attack last year, gunmen killed 20 people in Mangu.", "Mangu", 20),
        ("Last year the group killed 50 soldiers in a single attack near Gao.", "Gao", 50),
    ],
)
def test_one_attack_last_year(
    run_pipeline: pipeline.Pipeline, sentence: str, place: str, killed: int
) -> None:
    text = (
        "Gunmen killed three policemen at a checkpoint in Kaduna on Monday, police said."
        f"\n\nNo group claimed the attack.\n\n{sentence}"
    )
    incidents = _incidents(run_pipeline, text, dt.date(2024, 3, 4))
    found = [i for i in incidents if i.location and i.location.name == place]
    assert [(i.status, i.fatalities) for i in found] == [("background", killed)]


def test_bombings_last_year_stay_a_count(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "A bomb killed four people at a market in Baidoa on Monday, police said.\n\n"
        "Last year, bombings killed 300 people in the province."
    )
    incidents = _incidents(run_pipeline, text, dt.date(2024, 3, 4))
    assert all(i.fatalities != 300 for i in incidents)
