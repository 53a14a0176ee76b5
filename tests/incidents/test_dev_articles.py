"""Full multi-incident articles (written for these tests, `dev/articles.jsonl`) against
the incidents a coder reads from them (`dev/expected.json`): the full-article check of
CHECKS.md in small, matched by date only (the place is the places stage's concern)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

DEV = Path(__file__).resolve().parent / "dev"


@dataclass
class Tally:
    new: int = 0
    new_hit: int = 0
    background: int = 0
    background_hit: int = 0
    events: int = 0
    matched: int = 0
    typed: int = 0
    statused: int = 0

    def metrics(self) -> dict[str, float]:
        return {
            "new_recall": self.new_hit / max(1, self.new),
            "background_recall": self.background_hit / max(1, self.background),
            "precision": self.matched / max(1, self.events),
            "type": self.typed / max(1, self.matched),
            "status": self.statused / max(1, self.matched),
        }


def _options(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


def _date_fits(event: Incident, spec: dict[str, Any]) -> bool:
    if event.date is None:
        return False
    for want in _options(spec["date"]):
        have = event.date.isoformat()
        if have[: len(want)] == want and (len(want) == 10 or event.date_precision != "day"):
            return True
    return False


def tally(events: list[Incident], specs: list[dict[str, Any]], into: Tally) -> None:
    """Greedy one-to-one matching by date, required records before optional ones."""
    used: set[int] = set()
    into.events += len(events)
    for spec in sorted(specs, key=lambda s: bool(s.get("optional"))):
        status = "new" if "new" in _options(spec["status"]) else "background"
        if not spec.get("optional"):
            setattr(into, status, getattr(into, status) + 1)
        fits = [i for i, e in enumerate(events) if i not in used and _date_fits(e, spec)]
        typed = [i for i in fits if events[i].event_type in _options(spec["event_type"])]
        pick = (typed or fits or [None])[0]
        if pick is None:
            continue
        used.add(pick)
        into.matched += 1
        if not spec.get("optional"):
            setattr(into, f"{status}_hit", getattr(into, f"{status}_hit") + 1)
        into.typed += events[pick].event_type in _options(spec["event_type"])
        into.statused += events[pick].status in _options(spec["status"])


@pytest.fixture(scope="module")
def dev_metrics() -> dict[str, float]:
    p = pipeline.build(config.load())
    expected = json.loads((DEV / "expected.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (DEV / "articles.jsonl").read_text().splitlines()]
    items = [
        Analysis(
            article=Article(
                text=r["text"], id=r["id"], published=dt.date.fromisoformat(r["published"])
            )
        )
        for r in rows
    ]
    total = Tally()
    for item in pipeline.run(p, items):
        assert item.error is None
        tally(item.incidents, expected[item.article.id], total)
    return total.metrics()


def test_dev_articles_meet_the_full_article_gates(dev_metrics: dict[str, float]) -> None:
    assert dev_metrics["new_recall"] >= 0.85, dev_metrics
    assert dev_metrics["background_recall"] >= 0.60, dev_metrics
    assert dev_metrics["precision"] >= 0.70, dev_metrics
    assert dev_metrics["type"] >= 0.80, dev_metrics
    assert dev_metrics["status"] >= 0.85, dev_metrics
