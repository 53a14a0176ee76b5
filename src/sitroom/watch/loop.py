"""The watch loop: poll each source when it is due, hand new articles to ingest, back
off on errors, stop cleanly when asked.

Each source has its own interval (the command's `--interval`, a `SOURCE@SECONDS`
suffix, or longer when an RSS feed's `<ttl>` asks for it). A failed poll doubles the
wait (interval x 2^failures, capped by `max_backoff`, never shorter than the server's
`Retry-After`); a good poll resets it. New articles go through
`sitroom.ingest.ingest_items`, one transaction per article; an item counts as seen only
once it has been handed over, so a run stopped at any point misses nothing next time.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sitroom.config import Config
from sitroom.errors import InputError, StoreError
from sitroom.ingest import IngestSummary, ingest_items
from sitroom.model import Analysis
from sitroom.read import ReadOptions
from sitroom.stages import Pipeline
from sitroom.store.base import Store
from sitroom.watch import state as state_mod
from sitroom.watch.feeds import Poll, poll_feed
from sitroom.watch.inbox import mark_done, poll_inbox
from sitroom.watch.state import SourceState
from sitroom.watch.transport import Fetcher, FetchError

log = logging.getLogger(__name__)

_INTERVAL_SUFFIX = re.compile(r"@(\d+(?:\.\d+)?)s?$")


@dataclass(frozen=True)
class WatchOptions:
    interval: float = 300.0  # seconds between two polls of a source
    max_backoff: float = 6 * 3600.0  # longest wait after repeated failures
    pages: bool = True  # fetch each new item's page for its full text
    settle: float = 2.0  # inbox files changed more recently wait for the next poll
    published: dt.date | None = None
    max_bytes: int = 10_000_000


@dataclass
class CycleReport:
    """What one pass over the due sources did (the status line)."""

    polled: int = 0
    failed: int = 0
    new: int = 0
    stored: int = 0
    rejected: int = 0
    skipped: int = 0
    next_poll: float | None = None
    errors: list[str] = field(default_factory=list)

    def line(self, now: float) -> str:
        wait = f"; next poll in {max(0, round(self.next_poll - now))} s" if self.next_poll else ""
        failed = f", {self.failed} failed" if self.failed else ""
        return (
            f"watch: {self.polled} sources polled{failed}, {self.new} new articles "
            f"({self.stored} stored, {self.rejected} rejected, {self.skipped} already stored)"
            f"{wait}"
        )


class Watcher:
    """Follows feeds and inboxes into one store."""

    def __init__(
        self,
        store: Store,
        sources: list[str],
        *,
        fetcher: Fetcher,
        options: WatchOptions = WatchOptions(),
        config: Config | None = None,
        pipeline: Pipeline | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.options = options
        self.config = config or Config()
        self.pipeline = pipeline
        self.clock = clock
        self.stop = threading.Event()
        self.states = [self._state(s) for s in sources]

    def _state(self, source: str) -> SourceState:
        interval = self.options.interval
        match = _INTERVAL_SUFFIX.search(source)
        if match:
            interval = max(float(match.group(1)), 1.0)
            source = source[: match.start()]
        key, kind, location = state_mod.source_key(source)
        state = state_mod.load(self.store, key) or SourceState(key, kind, location)
        state.interval = interval
        state_mod.save(self.store, state)
        return state

    def run(self, *, once: bool = False, report: Callable[[str], None] = log.info) -> None:
        """Poll until `stop` is set (or once). Waits wake up at once on `stop`."""
        while not self.stop.is_set():
            cycle = self.poll_due(force=once)
            if cycle.polled:
                report(cycle.line(self.clock()))
            if once:
                return
            due = min((s.next_poll for s in self.states), default=self.clock() + 60)
            self.stop.wait(min(max(due - self.clock(), 0.05), 60.0))

    def poll_due(self, *, force: bool = False) -> CycleReport:
        """Poll every source that is due (all of them when `force`)."""
        cycle = CycleReport()
        for state in self.states:
            if self.stop.is_set():
                break
            if force or state.next_poll <= self.clock():
                self._poll(state, cycle)
        cycle.next_poll = min((s.next_poll for s in self.states), default=None)
        return cycle

    def _poll(self, state: SourceState, cycle: CycleReport) -> None:
        cycle.polled += 1
        now = self.clock()
        state.last_poll = dt.datetime.fromtimestamp(now, dt.UTC).isoformat(timespec="seconds")
        try:
            poll = self._fetch(state)
        except StoreError:
            raise  # the store itself failing ends the run (one line, exit 2)
        except Exception as exc:  # FetchError, InputError(bad_feed), or a bug: back off
            self._failed(state, exc, now)
            cycle.failed += 1
            cycle.errors.append(f"{state.location}: {state.last_status}")
            state_mod.save(self.store, state)
            return
        state.failures = 0
        state.last_status = poll.status
        wait = max(state.interval, poll.ttl_seconds or 0.0)
        state.next_poll = now + wait
        summary = self._hand_over(state, poll)
        cycle.new += summary.read
        cycle.stored += summary.stored
        cycle.rejected += sum(summary.rejected.values())
        cycle.skipped += summary.skipped
        state_mod.save(self.store, state)

    def _fetch(self, state: SourceState) -> Poll:
        opts = ReadOptions(published=self.options.published, max_bytes=self.options.max_bytes)
        if state.kind == "inbox":
            exclude = [p.resolve() for p in self.store.files()]
            return poll_inbox(state, opts, exclude=exclude, settle=self.options.settle)
        return poll_feed(state, self.fetcher, opts, pages=self.options.pages)

    def _failed(self, state: SourceState, exc: Exception, now: float) -> None:
        state.failures += 1
        code = getattr(exc, "code", None)
        if not isinstance(exc, FetchError | InputError):
            code = f"internal: {type(exc).__name__}"
        state.last_status = f"error: {exc}" if code is None else f"error: {code}: {exc}"
        backoff = min(state.interval * 2**state.failures, self.options.max_backoff)
        retry = getattr(exc, "retry_after", None) or 0.0
        state.next_poll = now + max(backoff, min(retry, self.options.max_backoff))
        log.warning(
            "%s: %s (next try in %d s)", state.location, state.last_status, state.next_poll - now
        )

    def _hand_over(self, state: SourceState, poll: Poll) -> IngestSummary:
        """Ingest the new items, then remember the ones that were handed over."""
        total = Counter(key for key, _ in poll.items)
        consumed: Counter[str] = Counter()

        def items() -> Iterator[Analysis]:
            for key, item in poll.items:
                if self.stop.is_set():
                    return
                consumed[key] += 1
                yield item

        summary = ingest_items(
            self.store, items(), config=self.config, pipeline=self._pipeline(poll), progress=False
        )
        done = [k for k in total if consumed[k] == total[k]]
        if state.kind == "inbox":
            mark_done(state, done)
        else:
            state.remember(done)
        rejected = sum(summary.rejected.values())
        state.add_counts(
            new=summary.read, stored=summary.stored, rejected=rejected, skipped=summary.skipped
        )
        return summary

    def _pipeline(self, poll: Poll) -> Pipeline | None:
        """The pipeline, built once, and only when some article needs extracting."""
        if self.pipeline is None and any(item.error is None for _, item in poll.items):
            from sitroom import pipeline as pipeline_mod

            self.pipeline = pipeline_mod.build(self.config)
        return self.pipeline
