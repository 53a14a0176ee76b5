"""The `articles` suite (CHECKS.md "full articles" on our own stories): the scorer on
hand-made predictions, the fresh coding's shape, and a real run on two fresh articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sitroom.evaluate import SUITES
from sitroom.evaluate.articles import (
    FRESH2_ARTICLES,
    FRESH3_ARTICLES,
    FRESH_ARTICLES,
    Case,
    extract_cases,
    fresh2_cases,
    fresh3_cases,
    fresh_cases,
    score_set,
)
from sitroom.model import EVENT_TYPES, SUB_EVENT_TYPES
from sitroom.stages import Pipeline


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def perfect_event(coded: dict[str, Any]) -> dict[str, Any]:
    """What a flawless extractor would output for one coded incident."""
    location: dict[str, Any] = {"country": coded.get("country")}
    if coded.get("lat") is not None:
        location.update(lat=coded["lat"], lon=coded["lon"])
    return {
        "date": coded["date"],
        "date_precision": coded["date_precision"],
        "event_type": _first(coded["event_type"]),
        "sub_event_type": _first(coded["sub_event_type"]),
        "status": coded["status"],
        "fatalities": _first(coded.get("fatalities")),
        "location": location,
    }


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return fresh_cases()


def test_registered_as_a_suite() -> None:
    assert SUITES["articles"] == "sitroom.evaluate.articles"


def test_fresh_set_is_twelve_articles_with_new_and_background(cases: list[Case]) -> None:
    assert len(cases) >= 12
    for case in cases:
        statuses = [c["status"] for c in case.incidents if not c.get("optional")]
        assert "new" in statuses, case.name
        assert "background" in statuses, case.name


def test_fresh_coding_is_well_formed(cases: list[Case]) -> None:
    for case in cases:
        assert case.path.is_file() and case.path.parent == FRESH_ARTICLES, case.name
        published = dt.date.fromisoformat(case.path.read_text(encoding="utf-8")[5:15])
        keys = [c["key"] for c in case.incidents]
        assert len(keys) == len(set(keys)), case.name
        for coded in case.incidents:
            where = f"{case.name}/{coded['key']}"
            assert dt.date.fromisoformat(coded["date"]) <= published, where
            assert coded["date_precision"] in ("day", "week", "month", "year", "unknown"), where
            for main in (
                coded["event_type"]
                if isinstance(coded["event_type"], list)
                else [coded["event_type"]]
            ):
                assert main in EVENT_TYPES, where
            subs = coded["sub_event_type"]
            for sub in subs if isinstance(subs, list) else [subs]:
                assert SUB_EVENT_TYPES[sub] in _as_list(coded["event_type"]), where
            assert coded["status"] in ("new", "background"), where
            assert coded.get("lat") is not None or coded.get("country"), where
            assert coded.get("note"), where


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_a_perfect_prediction_scores_one(cases: list[Case]) -> None:
    outputs = [[perfect_event(c) for c in case.incidents] for case in cases]
    score = score_set(cases, outputs).metrics
    for name in (
        "new_recall",
        "background_recall",
        "precision",
        "event_type_accuracy",
        "fatalities_accuracy",
        "status_accuracy",
    ):
        assert score[name] == 1.0, name
    assert score["predicted"] == score["matched"] == sum(len(c.incidents) for c in cases)


def test_no_prediction_recalls_nothing(cases: list[Case]) -> None:
    score = score_set(cases, [[] for _ in cases])
    assert score.metrics["new_recall"] == 0.0
    assert score.metrics["background_recall"] == 0.0
    assert score.metrics["predicted"] == 0.0
    assert len(score.misses) == sum(
        1 for case in cases for c in case.incidents if not c.get("optional")
    )


def _toy_case() -> Case:
    coded = [
        {
            "key": "lead",
            "status": "new",
            "date": "2025-06-10",
            "date_precision": "day",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "lat": 15.283,
            "lon": -1.7,
            "fatalities": [28, 17],
        },
        {
            "key": "deal",
            "optional": True,
            "status": "background",
            "date": "2025-05-01",
            "date_precision": "month",
            "event_type": "Strategic developments",
            "sub_event_type": "Agreement",
            "country": "MLI",
            "geo_precision": 3,
        },
    ]
    return Case("toy", FRESH_ARTICLES / "toy.txt", 0, coded)


def test_optional_incident_is_neither_miss_nor_false_positive() -> None:
    case = _toy_case()
    lead = perfect_event(case.incidents[0]) | {"fatalities": 17}  # second accepted toll
    deal = perfect_event(case.incidents[1]) | {"date": "2025-05-20"}
    score = score_set([case], [[lead, deal]]).metrics
    assert score["precision"] == 1.0
    assert score["new_recall"] == 1.0
    assert score["fatalities_accuracy"] == 1.0
    alone = score_set([case], [[deal]]).metrics
    assert alone["new_recall"] == 0.0 and alone["precision"] == 1.0


def test_wrong_place_date_and_fields_are_counted() -> None:
    case = _toy_case()
    lead = perfect_event(case.incidents[0])
    dateline = lead | {"location": {"lat": 12.639, "lon": -8.003, "country": "MLI"}}  # Bamako
    score = score_set([case], [[dateline]])
    assert score.metrics["new_recall"] == 0.0 and score.metrics["precision"] == 0.0
    assert any("place" in m for m in score.misses)
    wrong = lead | {"event_type": "Violence against civilians", "status": "background"}
    fields = score_set([case], [[wrong]])
    assert fields.metrics["new_recall"] == 1.0
    assert fields.metrics["event_type_accuracy"] == 0.0
    assert fields.metrics["status_accuracy"] == 0.0
    assert len(fields.field_errors) == 2


def test_a_real_run_on_two_fresh_articles(cases: list[Case], golden_pipeline: Pipeline) -> None:
    chosen = [c for c in cases if c.name.startswith(("ukraine-", "sudan-"))]
    assert len(chosen) == 2
    outputs = extract_cases(chosen, golden_pipeline)
    score = score_set(chosen, outputs)
    m = score.metrics
    assert m["articles"] == 2.0
    assert m["expected_new"] + m["expected_background"] == sum(
        1 for c in chosen for i in c.incidents if not i.get("optional")
    )
    assert m["predicted"] == sum(len(o) for o in outputs) > 0
    assert 1.0 <= m["matched"] <= m["predicted"]
    for name in ("new_recall", "background_recall", "precision", "status_accuracy"):
        assert 0.0 <= m[name] <= 1.0
    assert len(score.false_positives) == m["predicted"] - m["matched"]


def test_fresh2_coding_is_well_formed() -> None:
    """The held-out second batch: ten coded stories, each with new and background
    incidents, valid types, dates not after publication, a place and a note (shape only:
    no pipeline run here, so the batch stays untouched by tests that could tempt tuning)."""
    cases = fresh2_cases()
    assert len(cases) == 10
    for case in cases:
        assert case.path.is_file() and case.path.parent == FRESH2_ARTICLES, case.name
        text = case.path.read_text(encoding="utf-8")
        assert 450 <= len(text.split()) <= 800, case.name
        published = dt.date.fromisoformat(text[5:15])
        keys = [c["key"] for c in case.incidents]
        assert len(keys) == len(set(keys)), case.name
        statuses = [c["status"] for c in case.incidents if not c.get("optional")]
        assert "new" in statuses and "background" in statuses, case.name
        assert case.incidents[0]["status"] == "new", case.name
        for coded in case.incidents:
            where = f"{case.name}/{coded['key']}"
            assert dt.date.fromisoformat(coded["date"]) <= published, where
            assert coded["date_precision"] in ("day", "week", "month", "year", "unknown"), where
            for main in _as_list(coded["event_type"]):
                assert main in EVENT_TYPES, where
            for sub in _as_list(coded["sub_event_type"]):
                assert SUB_EVENT_TYPES[sub] in _as_list(coded["event_type"]), where
            assert coded["status"] in ("new", "background"), where
            assert coded.get("lat") is not None or coded.get("country"), where
            if coded.get("geo_precision") == 3:
                assert coded.get("country"), where
            assert coded.get("note"), where
    perfect = [[perfect_event(c) for c in case.incidents] for case in cases]
    score = score_set(cases, perfect).metrics
    assert score["new_recall"] == score["background_recall"] == score["precision"] == 1.0


def test_fresh3_coding_is_well_formed() -> None:
    """The third diagnosis batch: twelve coded stories with dates not after publication,
    valid types, a place and a note; every story but the one-paragraph political piece has
    a new incident, and each has a background one (shape only, no pipeline run)."""
    cases = fresh3_cases()
    assert len(cases) == 12
    without_new = 0
    for case in cases:
        assert case.path.is_file() and case.path.parent == FRESH3_ARTICLES, case.name
        text = case.path.read_text(encoding="utf-8")
        assert 350 <= len(text.split()) <= 700, case.name
        published = dt.date.fromisoformat(text[5:15])
        keys = [c["key"] for c in case.incidents]
        assert len(keys) == len(set(keys)), case.name
        statuses = [c["status"] for c in case.incidents if not c.get("optional")]
        assert "background" in statuses, case.name
        without_new += "new" not in statuses
        for coded in case.incidents:
            where = f"{case.name}/{coded['key']}"
            assert dt.date.fromisoformat(coded["date"]) <= published, where
            assert coded["date_precision"] in ("day", "week", "month", "year", "unknown"), where
            for main in _as_list(coded["event_type"]):
                assert main in EVENT_TYPES, where
            for sub in _as_list(coded["sub_event_type"]):
                assert SUB_EVENT_TYPES[sub] in _as_list(coded["event_type"]), where
            assert coded["status"] in ("new", "background"), where
            assert coded.get("lat") is not None or coded.get("country"), where
            if coded.get("geo_precision") == 3:
                assert coded.get("country"), where
            assert coded.get("note"), where
    assert without_new == 1
    perfect = [[perfect_event(c) for c in case.incidents] for case in cases]
    score = score_set(cases, perfect).metrics
    assert score["new_recall"] == score["background_recall"] == score["precision"] == 1.0
