"""RSS and Atom feeds (CONTRACT.md format 3): one article per item.

The text of an item is its full content (`content:encoded`, Atom `content`) or else its
description, with the HTML stripped as for pages; the title stands in when an item has
neither. A feed that cannot be parsed and yields no item is one `bad_feed` error; a
damaged feed whose items can still be read gives those items (feedparser recovers what
it can), with one warning.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitroom.errors import InputError
from sitroom.model import Analysis, Article
from sitroom.read.common import (
    ReadOptions,
    check_size,
    error_item,
    optional_str,
    parse_published,
    raw_id,
)
from sitroom.read.html import clean_title, html_to_text, remove_script_literals

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed, as the feed describes it."""

    text: str
    title: str | None
    url: str | None
    guid: str | None
    published: dt.date | None


@dataclass(frozen=True)
class Feed:
    title: str | None
    language: str | None
    items: list[FeedItem]
    damaged: str | None = None  # what was wrong with a feed that still gave items
    ttl_minutes: int | None = None  # RSS <ttl>: how long the feed asks to be cached


def parse_feed(data: bytes) -> Feed:
    """Parse RSS/Atom bytes; InputError(bad_feed) when no item can be read from them."""
    import feedparser

    # a stream, never a str or bytes: feedparser treats those as URLs or file names
    result: Any = feedparser.parse(io.BytesIO(data))
    problem = _problem(result)
    items = [_item(e) for e in _raw(result, "entries") or []]
    if problem:  # a cut-off item may come back empty: keep only what says something
        items = [i for i in items if i.text or i.url]
    if not items:
        if problem:
            raise InputError(f"broken feed: {problem}", "bad_feed")
        if not _raw(result, "version"):
            raise InputError("not an RSS or Atom feed", "bad_feed")
    info = _raw(result, "feed") or {}
    return Feed(
        title=clean_title(_raw(info, "title")),
        language=optional_str(_raw(info, "language")),
        items=items,
        damaged=problem,
        ttl_minutes=_ttl(_raw(info, "ttl")),
    )


def _ttl(value: object) -> int | None:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        return None
    return minutes if minutes > 0 else None


def _raw(mapping: Any, key: str) -> Any:
    """A value as the feed gave it: FeedParserDict.get maps some keys to others (with a
    DeprecationWarning for `updated`); plain dict access does not."""
    return dict.get(mapping, key) if isinstance(mapping, dict) else None


def _problem(result: Any) -> str | None:
    if not _raw(result, "bozo"):
        return None
    exc = _raw(result, "bozo_exception")
    name = type(exc).__name__
    # a declared encoding that differs from the real one is harmless once decoded
    if name in ("CharacterEncodingOverride", "NonXMLContentType"):
        return None
    return " ".join(f"{name}: {exc}".split())[:200]


def _item(entry: Any) -> FeedItem:
    title = clean_title(_raw(entry, "title"))
    return FeedItem(
        text=_item_text(entry) or title or "",
        title=title,
        url=optional_str(_raw(entry, "link")),
        guid=optional_str(_raw(entry, "id")) or optional_str(_raw(entry, "link")),
        published=_item_date(entry),
    )


def _item_text(entry: Any) -> str:
    parts = list(_raw(entry, "content") or [])
    summary = _raw(entry, "summary_detail") or (
        {"value": _raw(entry, "summary"), "type": "text/html"} if _raw(entry, "summary") else None
    )
    if summary:
        parts.append(summary)
    for part in parts:
        value = part.get("value") or ""
        if not value.strip():
            continue
        if part.get("type") == "text/plain":
            text = remove_script_literals(value.strip())
        else:
            text = html_to_text(value)
        if text.strip():
            return text
    return ""


def _item_date(entry: Any) -> dt.date | None:
    """The day as the feed writes it; feedparser's own parse (in UTC) as a fallback."""
    for key in ("published", "updated", "created"):
        try:
            day = parse_published(_raw(entry, key))
        except InputError:
            day = None
        if day is not None:
            return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = _raw(entry, key)
        if isinstance(parsed, time.struct_time):
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def read_feed(data: bytes, origin: str, opts: ReadOptions) -> Iterator[Analysis]:
    """One item per feed entry (or one error for a feed that cannot be read)."""
    feed = parse_feed(data)
    if feed.damaged:
        log.warning("%s: damaged feed, read what could be read (%s)", origin, feed.damaged)
    if not feed.items:
        raise InputError("the feed has no items", "empty")
    for n, item in enumerate(feed.items, 1):
        where = f"{origin}:item{n}"
        meta = {"title": item.title, "url": item.url, "source": feed.title}
        try:
            yield Analysis(article=item_article(item, feed, where, opts))
        except InputError as exc:
            key = "\x1f".join(v or "" for v in (item.guid, item.url, item.title))
            yield error_item(exc, where, raw_id(key.encode()), published=item.published, **meta)


def item_article(item: FeedItem, feed: Feed, origin: str, opts: ReadOptions) -> Article:
    """The article of one feed item (InputError when it has no text)."""
    if not item.text.strip():
        raise InputError("the feed item has no text", "empty")
    check_size(item.text, opts.max_bytes)
    article = Article(
        text=item.text,
        published=item.published or opts.published,
        title=item.title,
        source=feed.title,
        url=item.url,
        language=feed.language,
        origin=origin,
    )
    return article.with_id()
