"""Readers: files, folders and standard input -> `Analysis` items (an `Article`, or an
`ArticleError` for input that cannot be read), one per article, in input order.

The format is recognised by content (`detect`): `date YYYY-MM-DD` text and plain text
(`text`), JSON Lines (`jsonl`), HTML pages (`html`) and RSS/Atom feeds (`feeds`). Every
file and every record yields at least one item, and nothing a file contains stops the
run: a reader failure becomes an error item for that file.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Collection, Iterator
from pathlib import Path

from sitroom.errors import InputError
from sitroom.model import Analysis
from sitroom.read.common import ReadOptions, error_item, parse_published
from sitroom.read.dispatch import read_stream
from sitroom.read.feeds import Feed, FeedItem, item_article, parse_feed
from sitroom.read.html import Page, extract_page, html_to_text
from sitroom.read.jsonl import read_record
from sitroom.read.sources import Source, Unreadable, iter_sources, open_source

__all__ = [
    "Feed",
    "FeedItem",
    "Page",
    "ReadOptions",
    "extract_page",
    "html_to_text",
    "item_article",
    "parse_feed",
    "parse_published",
    "read_bytes",
    "read_inputs",
    "read_record",
]

log = logging.getLogger(__name__)


def read_inputs(
    sources: list[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = 10_000_000,
    exclude: Collection[Path] = (),
) -> Iterator[Analysis]:
    """Every article of `sources` (paths, folders, "-" for standard input; none means
    standard input), never reading a path in `exclude` or its SQLite companions."""
    opts = ReadOptions(published=published, max_bytes=max_bytes)
    for source in iter_sources(sources, exclude):
        if isinstance(source, Unreadable):
            yield error_item(source.error, source.origin)
        else:
            yield from _read_source(source, opts)


def read_bytes(
    data: bytes, origin: str = "-", *, published: dt.date | None = None, max_bytes: int = 10_000_000
) -> Iterator[Analysis]:
    """Every article in `data`, read exactly as a file with these bytes would be."""
    opts = ReadOptions(published=published, max_bytes=max_bytes)
    yield from _guarded(read_stream(io.BytesIO(data), origin, len(data), opts), origin)


def _read_source(source: Source, opts: ReadOptions) -> Iterator[Analysis]:
    try:
        stream, size = open_source(source)
    except InputError as exc:
        yield error_item(exc, source.origin)
        return
    except OSError as exc:
        yield error_item(_os_error(exc), source.origin)
        return
    try:
        yield from _guarded(read_stream(stream, source.origin, size, opts), source.origin)
    finally:
        if source.path is not None:
            stream.close()


def _guarded(items: Iterator[Analysis], origin: str) -> Iterator[Analysis]:
    """Turn any failure while reading one input into an error item for it."""
    try:
        yield from items
    except OSError as exc:
        yield error_item(_os_error(exc), origin)
    except Exception as exc:  # a reader bug must not stop the run
        log.warning("%s: reader failed: %r", origin, exc)
        yield error_item(InputError(f"reader failed: {exc!r}", "internal"), origin)


def _os_error(exc: OSError) -> InputError:
    return InputError(f"cannot read: {exc.strerror or exc}", "not_found")
