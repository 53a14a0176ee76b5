"""The default pipeline and the driver that streams articles through it.

read -> parse -> times -> places -> incidents -> actors -> tolls -> statistics
     -> locate -> date -> consolidate (merge within the article, status, order, ids)

Only the driver changes between in-process runs, a process pool and Spark: every
backend builds the same stages with `build()` and feeds them batches of `Analysis`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sitroom import nlp
from sitroom.config import Config
from sitroom.model import Analysis, ArticleError
from sitroom.stages import Pipeline, Stage

log = logging.getLogger(__name__)


def build(config: Config) -> Pipeline:
    """Every stage of the default pipeline, in order (loads the spaCy pipeline once)."""
    from sitroom.stages.actors import ActorStage
    from sitroom.stages.consolidate import ConsolidateStage
    from sitroom.stages.dating import DateStage
    from sitroom.stages.incidents import IncidentStage
    from sitroom.stages.locate import LocateStage
    from sitroom.stages.parse import ParseStage
    from sitroom.stages.places import PlaceStage
    from sitroom.stages.statistics import StatisticStage
    from sitroom.stages.times import TimexStage
    from sitroom.stages.tolls import TollStage

    pipelines = nlp.load(config.spacy_model)
    stages: list[Stage] = [
        ParseStage(pipelines, chunk_chars=config.chunk_chars, batch_size=config.batch_size),
        TimexStage(),
        PlaceStage(),
        IncidentStage(),
        ActorStage(),
        TollStage(),
        StatisticStage(),
        LocateStage(),
        DateStage(),
        ConsolidateStage(),
    ]
    return Pipeline(stages)


def run(
    pipeline: Pipeline, items: Iterable[Analysis], batch_size: int = 32, workers: int = 1
) -> Iterator[Analysis]:
    """Process `items` in batches, yielding each in input order once it is done.

    Items that already carry an error (rejected by a reader) pass straight through. A
    batch that fails is retried article by article, so a bug costs one article (which
    gets an `internal` error), never the run: extract, ingest and Spark all go on.
    With `workers` > 1, batches run in forked processes that share the loaded models.
    """
    batches = _batches(items, batch_size)
    if workers <= 1:
        for batch in batches:
            yield from _process(pipeline, batch)
        return
    yield from _parallel(pipeline, batches, workers)


def _batches(items: Iterable[Analysis], size: int) -> Iterator[list[Analysis]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


_FORKED: Pipeline | None = None  # the pipeline forked workers inherit


def _forked_process(batch: list[Analysis]) -> list[Analysis]:
    if _FORKED is None:
        raise RuntimeError("worker started without a pipeline")
    return _process(_FORKED, batch)


def _parallel(
    pipeline: Pipeline, batches: Iterator[list[Analysis]], workers: int
) -> Iterator[Analysis]:
    """Fork `workers` processes after the models are loaded (copy-on-write, no reload)
    and keep at most two batches per worker in flight, so memory stays bounded."""
    global _FORKED
    _FORKED = pipeline
    context = multiprocessing.get_context("fork")
    pending: deque[Any] = deque()
    with context.Pool(workers) as pool:
        for batch in batches:
            pending.append(pool.apply_async(_forked_process, (batch,)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def default_workers() -> int:
    """Processes for `extract`: the machine's cores, at most four (each holds models)."""
    return max(1, min(4, os.cpu_count() or 1))


def _process(pipeline: Pipeline, batch: list[Analysis]) -> list[Analysis]:
    if all(item.error is not None for item in batch):
        return batch
    try:
        pipeline.run(batch)
    except Exception as exc:
        log.warning("pipeline failed on a batch (%r); retrying its articles one by one", exc)
        batch = [_one(pipeline, item) for item in batch]
    for item in batch:
        item.doc = None  # the parse is working state: free it once the batch is done
        item.parses = {}
    return batch


def _one(pipeline: Pipeline, item: Analysis) -> Analysis:
    if item.error is not None:
        return item
    fresh = Analysis(article=item.article)
    try:
        pipeline.run([fresh])
    except Exception as exc:
        log.warning("pipeline failed on article %s: %r", item.article.id, exc)
        return Analysis(article=item.article, error=ArticleError("internal", repr(exc)[:300]))
    return fresh
