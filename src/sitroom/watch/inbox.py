"""Polling an inbox folder: every file that appeared or changed since the last poll.

A file is known by its size and modification time; one still being written (changed
within the last `settle` seconds) waits for the next poll. Files are read with the
ordinary readers, so an inbox takes every input format `sitroom ingest` takes, and the
store's own files (a database kept inside the inbox) are never read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection
from pathlib import Path

from sitroom.read import ReadOptions, read_inputs
from sitroom.read.sources import Source, iter_sources
from sitroom.watch.feeds import Poll
from sitroom.watch.state import SourceState


def poll_inbox(
    state: SourceState,
    opts: ReadOptions,
    *,
    exclude: Collection[Path] = (),
    settle: float = 2.0,
    now: float | None = None,
) -> Poll:
    """Items of the files that are new or changed; their keys are `path|signature`.
    (`now` is wall-clock time: it is compared with file modification times.)"""
    now = time.time() if now is None else now
    poll = Poll()
    present: set[str] = set()
    waiting = 0
    for source in iter_sources([state.location], exclude):
        if not isinstance(source, Source) or source.path is None:
            continue  # an unreadable entry is retried at the next poll
        path = str(source.path)
        present.add(path)
        try:
            info = os.stat(path)
        except OSError:
            continue
        signature = f"{info.st_size}:{info.st_mtime_ns}"
        if state.files.get(path) == signature:
            continue
        if settle > 0 and now - info.st_mtime < settle:
            waiting += 1
            continue
        items = read_inputs(
            [path], published=opts.published, max_bytes=opts.max_bytes, exclude=exclude
        )
        poll.items.extend((f"{path}|{signature}", item) for item in items)
    for gone in set(state.files) - present:
        del state.files[gone]
    poll.status = f"ok: {len(poll.items)} new articles" + (
        f", {waiting} files settling" if waiting else ""
    )
    return poll


def mark_done(state: SourceState, keys: list[str]) -> None:
    """Record the files whose articles were handed over."""
    for key in keys:
        path, _, signature = key.rpartition("|")
        state.files[path] = signature
