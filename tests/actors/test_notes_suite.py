"""The `notes` suite (CHECKS.md "coder notes" on our own ACLED-style notes): the scorer
on hand-built predictions, the actor matching coders' labels need, the fresh set's shape,
and a real pipeline run on a few fresh notes."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.evaluate import SUITES
from sitroom.evaluate.notes import (
    FRESH,
    GATES,
    METRICS,
    TUNED,
    Note,
    analyse_notes,
    baseline,
    judge,
    lenient_actor,
    load,
    main_incident,
    same_actor,
    score,
)
from sitroom.model import EVENT_TYPES, SUB_EVENT_TYPES, Actor, Incident, Place, Span


def perfect(note: Note) -> Incident:
    """What a flawless extractor would make of one note."""
    return Incident(
        event_type=note.event_type,
        sub_event_type=note.sub_event_type or "",
        trigger=Span("x", 0, 1),
        location=Place("here", "here", 0, 4, lat=note.lat, lon=note.lon),
        fatalities=note.fatalities,
        actor1=Actor(note.actor1, note.actor1),
    )


@pytest.fixture(scope="module")
def fresh() -> list[Note]:
    return load(FRESH)


def test_registered_as_a_suite() -> None:
    assert SUITES["notes"] == "sitroom.evaluate.notes"


def test_fresh_set_is_120_well_formed_notes_of_every_type(fresh: list[Note]) -> None:
    assert len(fresh) == 120
    assert {n.event_type for n in fresh} == set(EVENT_TYPES)
    for note in fresh:
        assert SUB_EVENT_TYPES.get(note.sub_event_type or "") == note.event_type, note.text
        assert note.fatalities >= 0 and -35 < note.lat < 38 and -26 < note.lon < 52, note.text
        assert note.text.startswith(("On ", "Around ")), note.text
    assert len({n.text for n in fresh}) == len(fresh)


def test_perfect_predictions_score_one_and_the_baseline_less(fresh: list[Note]) -> None:
    for notes in (fresh, load(TUNED)):
        result = score(notes, [perfect(n) for n in notes])
        assert all(result.metrics[k] == 1.0 for k in result.metrics if k != "notes")
        assert all(not m for m in result.misses.values())
        assert result.baseline["location"] == 0.0 and result.baseline["event_type"] < 0.5
    assert set(GATES) <= set(METRICS)


def test_no_event_misses_everything_and_is_listed(fresh: list[Note]) -> None:
    result = score(fresh[:3], [None, None, None])
    assert result.metrics["event_type"] == 0.0 and result.metrics["location"] == 0.0
    assert len(result.misses["location"]) == 3
    assert result.misses["location"][0].startswith("no event | On ")


def test_a_toll_of_zero_accepts_none_and_a_place_51_km_off_misses() -> None:
    note = Note("On 1 May 2024, x.", dt.date(2024, 5, 1), "Battles", 0, 10.0, 10.0, "JNIM")
    got = perfect(note)
    got.fatalities = None
    assert judge(note, got).checks["fatalities"] is True
    got.location = Place("there", "there", 0, 5, lat=10.0 + 51 / 111.2, lon=10.0)
    assert judge(note, got).checks["location"] is False
    assert judge(note, got).checks["sub_event_type"] is None  # not coded: not scored


def test_state_forces_match_by_country_name_or_adjective() -> None:
    nigeria = Actor("Military Forces of Nigeria", "Nigerian troops", "state forces", "NGA")
    niger = Actor("Military Forces of Niger", "Niger army", "state forces", "NER")
    assert same_actor("Military Forces of Nigeria (2023-)", nigeria)
    assert not same_actor("Military Forces of Nigeria (2023-)", niger)
    assert not same_actor("Military Forces of Niger (2023-)", nigeria)
    puntland = Actor("Military Forces of Somalia", "Puntland forces", "state forces", "SOM")
    assert same_actor("Military Forces of Puntland (1998-)", puntland)


def test_generic_labels_need_more_than_the_country() -> None:
    police = Actor("Police Forces of Kenya", "police", "state forces", "KEN")
    crowd = Actor("Protesters (Kenya)", "protesters", "protesters", "KEN")
    assert same_actor("Protesters (Kenya)", crowd)
    assert not same_actor("Protesters (Kenya)", police)
    assert lenient_actor("Protesters (Kenya)", police)  # the PITF scorer's looser test
    unknown = Actor("Unidentified Armed Group (Nigeria)", "gunmen", "armed group", "NGA")
    assert same_actor("Unidentified Armed Group (Nigeria)", unknown)
    army = Actor("Military Forces of Nigeria", "Nigerian army", "state forces", "NGA")
    assert not same_actor("Unidentified Armed Group (Nigeria)", army)
    fulani = Actor("Fulani Ethnic Militia", "Fulani herders", "ethnic militia", "NGA")
    assert same_actor("Fulani Ethnic Militia (Nigeria)", fulani)
    assert not same_actor("Vigilante Militia (Nigeria)", fulani)  # "militia" names no one


def test_baseline_is_the_most_frequent_type() -> None:
    day = dt.date(2024, 1, 1)
    notes = [
        Note("On a.", day, "Battles", 3, 0, 0, "x", "Armed clash"),
        Note("On b.", day, "Battles", 0, 0, 0, "x", "Armed clash"),
        Note("On c.", day, "Protests", 0, 0, 0, "x", "Peaceful protest"),
    ]
    got = baseline(notes)
    assert got["event_type"] == pytest.approx(2 / 3)
    assert got["fatalities"] == pytest.approx(2 / 3)
    assert got["actor1"] == 0.0


def test_a_real_run_over_three_notes_is_sane(fresh: list[Note]) -> None:
    picked = [
        n
        for n in fresh
        if n.text.startswith(("On 4 March 2024, ISWAP", "On 10 June 2024, al Shabaab"))
    ]
    picked.append(next(n for n in fresh if n.event_type == "Protests"))
    mains = [main_incident(a) for a in analyse_notes(picked)]
    assert all(m is not None for m in mains)
    result = score(picked, mains)
    assert all(0.0 <= v <= 1.0 for k, v in result.metrics.items() if k != "notes")
    assert result.metrics["notes"] == 3.0
    # two plain notes: a base attack and an execution, at a town the gazetteer knows
    assert result.metrics["location"] >= 2 / 3
    assert result.metrics["event_type"] >= 2 / 3
