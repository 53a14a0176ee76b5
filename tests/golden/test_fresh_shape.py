"""The full-article batches `fresh4` (diagnosis) and `fresh5` (held out): shape only. No
pipeline runs here, so a held-out batch stays a measure nobody tunes to; `sitroom eval
articles` reports its metrics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from sitroom.evaluate.articles import (
    FRESH4_ARTICLES,
    FRESH4_EXPECTED,
    FRESH5_ARTICLES,
    FRESH5_EXPECTED,
    Case,
    _cases,
    score_set,
)
from sitroom.model import EVENT_TYPES, SUB_EVENT_TYPES

BATCHES = {
    "fresh4": (FRESH4_ARTICLES, FRESH4_EXPECTED, 8),
    "fresh5": (FRESH5_ARTICLES, FRESH5_EXPECTED, 10),
}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _batch(name: str) -> tuple[Path, list[Case]]:
    articles, expected, _count = BATCHES[name]
    return articles, _cases(articles, expected)


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


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batch_has_its_articles(name: str) -> None:
    articles, cases = _batch(name)
    assert len(cases) == BATCHES[name][2]
    assert sorted(c.path.name for c in cases) == sorted(p.name for p in articles.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_coding_is_well_formed(name: str) -> None:
    articles, cases = _batch(name)
    for case in cases:
        assert case.path.is_file() and case.path.parent == articles, case.name
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


def test_fresh5_published_dates_and_incident_counts() -> None:
    """The held-out batch's own rules: the header date matches the coding's `published`,
    each story has 2 to 7 incidents, and new and background incidents are both well
    represented."""
    _articles, cases = _batch("fresh5")
    kinds = {"new": 0, "background": 0}
    for case in cases:
        text = case.path.read_text(encoding="utf-8")
        spec = (FRESH5_EXPECTED / f"{case.name}.json").read_text(encoding="utf-8")
        assert f'"published": "{text[5:15]}"' in spec, case.name
        assert 2 <= len(case.incidents) <= 7, case.name
        for coded in case.incidents:
            if not coded.get("optional"):
                kinds[_as_list(coded["status"])[0]] += 1
    assert min(kinds.values()) >= 0.7 * max(kinds.values()), kinds


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_perfect_prediction_scores_one(name: str) -> None:
    _articles, cases = _batch(name)
    score = score_set(cases, [[_perfect(c) for c in case.incidents] for case in cases]).metrics
    for metric in ("new_recall", "background_recall", "precision", "event_type_accuracy"):
        assert score[metric] == 1.0, metric
