"""Polling one RSS/Atom feed (a URL or a file): what is new since the last poll.

A URL is asked conditionally (If-None-Match / If-Modified-Since), so an unchanged feed
costs the server a 304. Each new item's page is fetched (when robots.txt allows) and its
main text extracted with the HTML reader; the feed's own text stands in when the page
cannot be had or says less than the feed.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field

from sitroom.errors import InputError
from sitroom.model import Analysis, Article
from sitroom.read import Feed, FeedItem, Page, ReadOptions, extract_page, parse_feed
from sitroom.read.common import check_size, error_item, raw_id
from sitroom.read.detect import decode_8bit
from sitroom.watch.state import SourceState
from sitroom.watch.transport import Fetcher, FetchError

log = logging.getLogger(__name__)


@dataclass
class Poll:
    """What one poll of a source found: items to hand over, with the keys that mark
    them seen once they are stored."""

    items: list[tuple[str, Analysis]] = field(default_factory=list)
    status: str = "ok"
    ttl_seconds: float | None = None


def poll_feed(
    state: SourceState, fetcher: Fetcher, opts: ReadOptions, *, pages: bool = True
) -> Poll:
    """New items of a feed; raises FetchError or InputError(bad_feed) on failure."""
    data = _fetch_feed(state, fetcher)
    if data is None:
        return Poll(status="not modified")
    feed = parse_feed(data)
    state.title = feed.title
    seen = set(state.seen)
    poll = Poll(ttl_seconds=feed.ttl_minutes * 60.0 if feed.ttl_minutes else None)
    for item in feed.items:
        key = item_key(item)
        if key in seen:
            continue
        seen.add(key)
        poll.items.append((key, _analysis(item, feed, fetcher, opts, pages)))
    poll.status = f"ok: {len(poll.items)} new of {len(feed.items)} items"
    return poll


def _fetch_feed(state: SourceState, fetcher: Fetcher) -> bytes | None:
    """The feed's bytes, or None when it has not changed since the last poll."""
    if state.kind == "feed" and state.location.startswith(("http://", "https://")):
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        resp = fetcher.get(state.location, headers)
        if resp.status == 304:
            return None
        state.etag = resp.headers.get("etag") or None
        state.last_modified = resp.headers.get("last-modified") or None
        return resp.body
    try:
        info = os.stat(state.location)
        signature = f"{info.st_size}:{info.st_mtime_ns}"
        if signature == state.file_signature:
            return None
        with open(state.location, "rb") as fh:
            data = fh.read(fetcher.max_bytes + 1)
    except OSError as exc:
        raise FetchError(f"cannot read {state.location}: {exc.strerror}") from exc
    if len(data) > fetcher.max_bytes:
        raise FetchError(f"feed file over {fetcher.max_bytes} bytes")
    state.file_signature = signature
    return data


def item_key(item: FeedItem) -> str:
    """What identifies an item across polls: its guid, else its link, else its content."""
    if item.guid:
        return item.guid
    if item.url:
        return item.url
    return "sha:" + hashlib.sha256(f"{item.title}\x1f{item.text}".encode()).hexdigest()[:24]


def _analysis(
    item: FeedItem, feed: Feed, fetcher: Fetcher, opts: ReadOptions, pages: bool
) -> Analysis:
    origin = item.url or f"{feed.title or 'feed'}#{item_key(item)}"
    text, title, published, language = item.text, item.title, item.published, feed.language
    if pages and item.url and item.url.startswith(("http://", "https://")):
        page = _page(item.url, fetcher)
        if page is not None and len(page.text) >= len(item.text.strip()):
            text = page.text
            title = title or page.title
            published = published or page.published
            language = language or page.language
    try:
        if not text.strip():
            raise InputError("the feed item has no text", "empty")
        check_size(text, opts.max_bytes)
    except InputError as exc:
        meta = {"title": title, "url": item.url, "source": feed.title, "published": published}
        return error_item(exc, origin, raw_id(item_key(item).encode()), **meta)
    article = Article(
        text=text,
        published=published or opts.published,
        title=title,
        source=feed.title,
        url=item.url,
        language=language,
        origin=origin,
    )
    return Analysis(article=article.with_id())


def _page(url: str, fetcher: Fetcher) -> Page | None:
    try:
        if not fetcher.allowed(url):
            log.info("robots.txt forbids %s: using the feed's text", url)
            return None
        resp = fetcher.get(url)
    except FetchError as exc:
        log.warning("%s: page not fetched (%s): using the feed's text", url, exc)
        return None
    kind = resp.headers.get("content-type", "text/html")
    if "html" not in kind and "xml" not in kind:
        return None
    charset = _charset(kind)
    text = resp.body.decode(charset, "replace") if charset else decode_8bit(resp.body).text
    return extract_page(text)


def _charset(content_type: str) -> str | None:
    """The charset a Content-Type names, if Python knows it."""
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            codec = value.strip("\"' ")
            try:
                "".encode(codec)
            except LookupError:
                return None
            return codec
    return None
