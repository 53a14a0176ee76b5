"""The second held-out batch (`fresh4`): shape only. No pipeline runs here, so the batch
stays a measure nobody tunes to; `sitroom eval articles` reports only its metrics."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitroom.evaluate.articles import FRESH4_ARTICLES, fresh4_cases, score_set
from sitroom.model import EVENT_TYPES, SUB_EVENT_TYPES


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _perfect(coded: dict[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] = {"country": coded.get("country")}
    if coded.get("lat") is not None:
        location.update(lat=coded["lat"], lon=coded["lon"])
    return {
        "date": coded["date"],
        "event_type": _as_list(coded["event_type"])[0],
        "status": _as_list(coded["status"])[0],
        "fatalities": _as_list(coded.get("fatalities"))[0],
        "location": location,
    }


def test_fresh4_coding_is_well_formed() -> None:
    cases = fresh4_cases()
    assert len(cases) == 8
    for case in cases:
        assert case.path.is_file() and case.path.parent == FRESH4_ARTICLES, case.name
        text = case.path.read_text(encoding="utf-8")
        assert 250 <= len(text.split()) <= 700, case.name
        published = dt.date.fromisoformat(text[5:15])
        keys = [c["key"] for c in case.incidents]
        assert len(keys) == len(set(keys)), case.name
        for coded in case.incidents:
            where = f"{case.name}/{coded['key']}"
            assert dt.date.fromisoformat(coded["date"]) <= published, where
            assert coded["date_precision"] in ("day", "week", "month", "year"), where
            for sub in _as_list(coded["sub_event_type"]):
                assert SUB_EVENT_TYPES[sub] in _as_list(coded["event_type"]), where
            assert set(_as_list(coded["event_type"])) <= set(EVENT_TYPES), where
            assert set(_as_list(coded["status"])) <= {"new", "background"}, where
            assert coded.get("lat") is not None or coded.get("country"), where
            assert coded.get("note"), where


def test_fresh4_perfect_prediction_scores_one() -> None:
    cases = fresh4_cases()
    score = score_set(cases, [[_perfect(c) for c in case.incidents] for case in cases]).metrics
    for name in ("new_recall", "background_recall", "precision", "event_type_accuracy"):
        assert score[name] == 1.0, name
