"""The default pipeline and the driver that streams articles through it.

read -> parse -> times -> places -> incidents -> actors -> tolls -> statistics
     -> locate -> date -> consolidate (merge within the article, status, order, ids)

Only the driver changes between in-process runs, a process pool and Spark: every
backend builds the same stages with `build()` and feeds them batches of `Analysis`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

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


def run(pipeline: Pipeline, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
    """Process `items` in batches, yielding each in input order once it is done.

    Items that already carry an error (rejected by a reader) pass straight through. A
    batch that fails is retried article by article, so a bug costs one article (which
    gets an `internal` error), never the run: extract, ingest and Spark all go on.
    """
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        if any(item.error is None for item in batch):
            batch = _process(pipeline, batch)
        yield from batch


def _process(pipeline: Pipeline, batch: list[Analysis]) -> list[Analysis]:
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
