"""Scorers, one module per gold suite in ../shared/gold (read there, never copied).

Each suite module defines `run(gold: Path) -> Report`. A Report carries the metrics
(flat name -> number), baseline metrics computed in the same run where the suite has
one, and a human-readable table. `sitroom eval SUITE` prints the table and the JSON;
`evaluation-floors.json` at the repository root holds the floors CI enforces.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.model import Analysis, Article

if TYPE_CHECKING:
    from sitroom.stages import Pipeline

SUITES: dict[str, str] = {
    "seed": "sitroom.evaluate.seed",
    "case2021": "sitroom.evaluate.case2021",
    "pitf": "sitroom.evaluate.pitf",
    "muc4": "sitroom.evaluate.muc4",
    "plover": "sitroom.evaluate.plover",
    "voa": "sitroom.evaluate.voa",
    "articles": "sitroom.evaluate.articles",
    "notes": "sitroom.evaluate.notes",
    "geoparsing": "sitroom.evaluate.geoparsing",
    "event-location": "sitroom.evaluate.event_location",
    "wire-places": "sitroom.evaluate.wire_places",
    "tempeval3": "sitroom.evaluate.tempeval",
    "dedup": "sitroom.evaluate.dedup",
}


@dataclass
class Report:
    suite: str
    metrics: dict[str, float]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    rows: list[list[Any]] = field(default_factory=list)  # table rows: [name, value, ...]
    header: list[str] = field(default_factory=lambda: ["metric", "sitroom"])
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "metrics": self.metrics,
            "baselines": self.baselines,
            "notes": self.notes,
        }

    def table(self) -> str:
        rows = self.rows or [[k, v] for k, v in self.metrics.items()]
        cells = [self.header] + [[_fmt(c) for c in r] for r in rows]
        widths = [max(len(str(r[i])) for r in cells if i < len(r)) for i in range(len(self.header))]
        lines = [f"== {self.suite} =="]
        for r in cells:
            lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)))
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    from sitroom import config, pipeline

    return pipeline.build(config.load())


def analyse(articles: Iterable[Article]) -> list[Analysis]:
    """The default pipeline over `articles`, in order; built once per process, so
    `eval all` loads the models once for every suite."""
    from sitroom import pipeline

    items = (Analysis(article=a.with_id()) for a in articles)
    return list(pipeline.run(default_pipeline(), items))


def one_to_one(candidates: Iterable[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: `candidates` are (cost..., i, j) tuples; the cheapest
    pairs are taken first and each i and each j is used at most once."""
    pairs: list[tuple[int, int]] = []
    used_i: set[int] = set()
    used_j: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def run_suite(name: str, gold: Path) -> Report:
    if name not in SUITES:
        raise KeyError(name)
    module = importlib.import_module(SUITES[name])
    report: Report = module.run(gold)
    return report


def check_floors(report: Report, floors: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of `report` below their recorded floor, as messages."""
    failures = []
    for metric, floor in floors.get(report.suite, {}).items():
        value = report.metrics.get(metric)
        if value is None or value + 1e-9 < floor:
            failures.append(f"{report.suite}.{metric} = {value} is below its floor {floor}")
    return failures
