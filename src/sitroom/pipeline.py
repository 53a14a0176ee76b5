"""The default pipeline and the driver that streams articles through it.

read -> parse -> times -> places -> incidents -> actors -> tolls -> statistics
     -> locate -> date -> consolidate (merge within the article, status, order, ids)

Only the driver changes between in-process runs, a process pool and Spark: every
backend builds the same stages with `build()` and feeds them batches of `Analysis`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sitroom import nlp
from sitroom.config import Config
from sitroom.model import Analysis
from sitroom.stages import Pipeline, Stage


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

    Items that already carry an error (rejected by a reader) pass straight through.
    """
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        pipeline.run(batch)
        for item in batch:
            item.doc = None  # the parse is working state: free it once the batch is done
            item.parses = {}
        yield from batch
