"""The stage contract: each stage is a small object over a batch of `Analysis`.

A stage declares which `Analysis` attributes it reads and which it writes, processes a
whole batch (so batching stages such as the spaCy parse stream efficiently) and never
raises for one bad article: it records an `ArticleError` on that article and goes on.
The same stage objects run in-process, in a process pool and on Spark executors.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import ClassVar

from sitroom.model import Analysis, ArticleError

log = logging.getLogger(__name__)


class Stage:
    """Base class: override `process_one` or, for batch work, `process`."""

    name: ClassVar[str] = "stage"
    reads: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    def process(self, batch: Sequence[Analysis]) -> None:
        for item in batch:
            if item.error is None:
                self.guarded(item)

    def guarded(self, item: Analysis) -> None:
        """Run `process_one`, turning an unexpected failure into an article error."""
        try:
            self.process_one(item)
        except Exception as exc:  # one bad article must not kill the batch
            log.warning("%s failed on article %s: %r", self.name, item.article.id, exc)
            item.error = ArticleError("internal", f"{self.name}: {exc!r}"[:300])

    def process_one(self, item: Analysis) -> None:
        raise NotImplementedError


class Pipeline:
    """An ordered list of stages; checks that each input is written by an earlier stage."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"article"}
        for stage in stages:
            missing = [r for r in stage.reads if r not in available]
            if missing:
                raise ValueError(f"stage {stage.name} reads {missing} before any stage writes it")
            available.update(stage.writes)
        self.stages = list(stages)
        self.seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}  # for benchmarks

    def run(self, batch: Sequence[Analysis]) -> Sequence[Analysis]:
        for stage in self.stages:
            started = time.perf_counter()
            stage.process(batch)
            self.seconds[stage.name] += time.perf_counter() - started
        return batch
