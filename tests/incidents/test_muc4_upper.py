"""Old upper-case wire copy (the MUC-4 kind): one incident told twice is one event.
'The second explosion' picks one of the bombs already reported, while 'another bomb'
is a new one. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

DAY = dt.date(1989, 9, 21)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=DAY).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def test_the_second_explosion_is_one_already_told(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "CALI, 21 SEP 89 (EFE) -- [TEXT] TWO SHOPS WERE WRECKED TONIGHT IN DOWNTOWN CALI "
        "WHEN A BOMB EXPLODED, HURTING A PORTER.  AT THE SAME TIME, ANOTHER BOMB EXPLODED "
        "AT A HARDWARE STORE, POLICE SAID.  A TAXI WAS ALSO DAMAGED BY THE SECOND "
        "EXPLOSION, THE AUTHORITIES SAID."
    )
    found = _incidents(run_pipeline, text)
    assert [i.event_type for i in found] == ["Explosions/Remote violence"] * 2


def test_the_first_ambush_is_one_of_those_told(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "SAN MIGUEL, 21 SEP 89 (RADIO) -- [TEXT] REBELS TODAY CARRIED OUT TWO AMBUSHES ON "
        "THE COASTAL ROAD, KILLING FOUR SOLDIERS.  THE FIRST AMBUSH TOOK PLACE AT DAWN "
        "NEAR A BRIDGE."
    )
    found = _incidents(run_pipeline, text)
    assert len(found) == 1


def test_a_second_blast_is_still_new(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "LIMA, 21 SEP 89 (EFE) -- [TEXT] A BOMB EXPLODED TODAY AT A BANK IN MIRAFLORES. "
        " HOURS LATER, A SECOND BLAST DESTROYED A POWER PYLON IN HUANCAYO."
    )
    found = _incidents(run_pipeline, text)
    assert len(found) == 2


def test_a_protest_expressed_past_a_phrase_is_no_event(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "QUITO, 21 SEP 89 (RADIO) -- [TEXT] WE HAVE CONVEYED TO THE BOLIVIAN GOVERNMENT, "
        "THROUGH ITS AMBASSADOR IN QUITO, OUR SURPRISE AND FIRM PROTEST OVER THE RULING."
    )
    assert _incidents(run_pipeline, text) == []


def test_a_protest_talked_about_is_still_an_event(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "QUITO, 21 SEP 89 (RADIO) -- [TEXT] THE MINISTER EXPRESSED CONCERN ABOUT THE "
        "PROTEST BY TEACHERS IN THE CAPITAL, WHERE THOUSANDS MARCHED TODAY."
    )
    assert [i.event_type for i in _incidents(run_pipeline, text)] == ["Protests"]


def test_upper_case_keeps_a_common_word_after_a_possessive() -> None:
    from sitroom.knowledge import truecase

    text = "WE EXPRESSED OUR SURPRISE TO THE FMLN. THE TROOPS FLEW TO SURPRISE."
    assert truecase.restore(text) == (
        "We expressed our surprise to the FMLN. The troops flew to Surprise."
    )


def test_the_nth_time_that_is_the_incident_told(run_pipeline: pipeline.Pipeline) -> None:
    text = (
        "NEIVA, 21 SEP 89 (EFE) -- [TEXT] A DYNAMITE BLAST TONIGHT DAMAGED THE GAS LINE "
        "NEAR AIPE, HUILA DEPARTMENT, THE ARMY SAID.  THIS IS THE THIRD TIME IN LESS THAN "
        "1 MONTH THAT REBELS HAVE ATTACKED THE GAS LINE RUN BY HOUSTON OIL."
    )
    found = _incidents(run_pipeline, text)
    assert len(found) == 1
    assert len(found[0].evidence) == 2
