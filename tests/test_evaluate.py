"""The evaluation harness itself: floors, matching and the report table."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.evaluate import SUITES, Report, check_floors, one_to_one

ROOT = Path(__file__).resolve().parents[1]


def test_floors_fail_below_and_on_missing_metrics() -> None:
    report = Report(suite="x", metrics={"f1": 0.80, "recall": 0.9})
    floors = {"x": {"f1": 0.81, "recall": 0.9, "gone": 0.1}, "y": {"f1": 1.0}}
    failures = check_floors(report, floors)
    assert len(failures) == 2
    assert any("x.f1" in f for f in failures) and any("x.gone" in f for f in failures)


def test_every_floor_names_a_registered_suite() -> None:
    floors = json.loads((ROOT / "evaluation-floors.json").read_text())
    assert set(floors) <= set(SUITES)
    assert all(0.0 <= v <= 1.0 for suite in floors.values() for v in suite.values())


def test_one_to_one_takes_the_cheapest_pairs_first() -> None:
    candidates = [(2, 0, 0), (1, 0, 1), (1, 1, 0), (5, 1, 1)]
    assert sorted(one_to_one(candidates)) == [(0, 1), (1, 0)]


def test_table_lists_every_metric() -> None:
    text = Report(suite="demo", metrics={"a": 0.5, "b": 2.0}).table()
    assert "== demo ==" in text and "0.500" in text and "2.000" in text
