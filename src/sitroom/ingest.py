"""Ingest: read articles, skip those already stored, extract the rest and store each in
its own transaction.

Crash safety comes from the order of work: an article counts as stored only once its
transaction has committed, and a rerun skips every committed article before the
expensive pipeline runs, so a killed run resumes where it stopped without duplicates.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sitroom import pipeline as pipeline_mod
from sitroom.config import Config
from sitroom.errors import StoreError
from sitroom.model import Analysis, ArticleError
from sitroom.stages import Pipeline
from sitroom.store.base import AddResult, Store

log = logging.getLogger(__name__)
LONG_RUN_SECONDS = 60.0


@dataclass
class IngestSummary:
    """Counts for one ingest run (what `sitroom ingest` prints)."""

    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store before this run (or earlier in it)
    rejected: Counter[str] = field(default_factory=Counter)
    incidents: int = 0
    new_events: int = 0  # incidents that started a canonical event (others joined one)
    event_ids: list[str] = field(default_factory=list)
    copies: int = 0  # stored articles that are near-duplicates of earlier ones

    def count(self, result: AddResult) -> None:
        if result.outcome == "stored":
            self.stored += 1
            self.incidents += result.reports
            self.new_events += result.new_events
            self.event_ids.extend(result.event_ids)
            self.copies += result.copy_of is not None
        elif result.outcome == "duplicate":
            self.skipped += 1
        else:
            self.rejected[result.code or "internal"] += 1

    def lines(self) -> list[str]:
        rejected = sum(self.rejected.values())
        by_code = ", ".join(f"{code}: {n}" for code, n in sorted(self.rejected.items()))
        return [
            f"articles read: {self.read}",
            f"stored: {self.stored}",
            f"skipped (already stored): {self.skipped}",
            f"rejected: {rejected}" + (f" ({by_code})" if by_code else ""),
            f"incidents found: {self.incidents}",
            f"events: {self.new_events} new, {self.incidents - self.new_events} merged "
            "into earlier events",
            f"linked as copies: {self.copies} (near-duplicates of stored articles; "
            "not counted as independent reports)",
        ]


def ingest(
    store: Store,
    sources: list[str],
    *,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    published: dt.date | None = None,
    max_bytes: int | None = None,
    progress: bool | None = None,
) -> IngestSummary:
    """Read `sources`, extract what is not stored yet and store it article by article.

    `pipeline` is built from `config` on first need (a rerun with nothing new never
    loads spaCy); tests inject a cheap one. `progress` None means: a bar on a TTY.
    """
    from sitroom.read import read_inputs

    cfg = config or Config()
    exclude = {p.resolve() for p in store.files()}
    items = read_inputs(
        sources, published=published, max_bytes=max_bytes or cfg.max_bytes, exclude=exclude
    )
    return ingest_items(store, items, config=cfg, pipeline=pipeline, progress=progress)


def ingest_items(
    store: Store,
    items: Iterable[Analysis],
    *,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    progress: bool | None = None,
) -> IngestSummary:
    """Extract and store items already read (what `sitroom watch` hands over from
    feeds, pages and inboxes); the same steps as `ingest` after reading."""
    cfg = config or Config()
    summary = IngestSummary()
    lazy = _LazyPipeline(pipeline, cfg)
    fresh = _fresh(items, store, summary)
    with _Progress(progress, summary) as bar:
        for item in lazy.run(fresh, cfg.batch_size):
            summary.count(_store_one(store, item))
            bar.update()
    return summary


def store_results(store: Store, items: Iterable[Analysis]) -> Iterator[Analysis]:
    """Store each processed item as it passes (for `extract` without `--no-store`)."""
    for item in items:
        _store_one(store, item)
        yield item


def _store_one(store: Store, item: Analysis) -> AddResult:
    """Store an article; an extraction the store cannot keep becomes an `internal`
    reject (its transaction rolled back) instead of ending the run. A `StoreError`
    (the store itself failing) does end it."""
    try:
        return store.add_analysis(item)
    except StoreError:
        raise
    except Exception as exc:
        log.warning("cannot store article %s: %r", item.article.id, exc)
        error = ArticleError("internal", f"store: {exc!r}"[:300])
        return store.add_analysis(Analysis(article=item.article, error=error))


def _fresh(items: Iterable[Analysis], store: Store, summary: IngestSummary) -> Iterator[Analysis]:
    """Items still to process: rejects (to be recorded) and articles not yet stored."""
    for item in items:
        summary.read += 1
        if item.error is None and store.has_article(item.article.id):
            summary.skipped += 1
            continue
        yield item


class _LazyPipeline:
    """Builds the real pipeline only when an article actually needs extracting."""

    def __init__(self, pipeline: Pipeline | None, config: Config) -> None:
        self.pipeline = pipeline
        self.config = config

    def run(self, items: Iterator[Analysis], batch_size: int) -> Iterator[Analysis]:
        while batch := list(islice(items, batch_size)):
            if self.pipeline is None and any(item.error is None for item in batch):
                self.pipeline = pipeline_mod.build(self.config)
            if self.pipeline is None:  # rejects alone need no pipeline
                yield from batch
            else:
                yield from pipeline_mod.run(self.pipeline, batch, batch_size=batch_size)


class _Progress:
    """A tqdm bar on standard error when it is a terminal; otherwise a line a minute
    once a run gets long (so logs of long batch runs show it is alive)."""

    def __init__(self, enabled: bool | None, summary: IngestSummary) -> None:
        self.summary = summary
        self.tty = sys.stderr.isatty() if enabled is None else enabled
        self.bar: Any = None
        self.started = self.last = time.monotonic()

    def __enter__(self) -> _Progress:
        if self.tty:
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", file=sys.stderr, desc="ingest", leave=False)
        return self

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        if now - self.started >= LONG_RUN_SECONDS and now - self.last >= LONG_RUN_SECONDS:
            self.last = now
            s = self.summary
            line = f"sitroom: ingest: {s.read} read, {s.stored} stored, {s.skipped} skipped"
            print(line, file=sys.stderr)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
