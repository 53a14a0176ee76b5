"""The watch loop against a real local HTTP server and a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from watch_helpers import Site, page, rss

from sitroom.store import open_store
from sitroom.store.sqlite import SQLiteStore
from sitroom.watch import Fetcher, Watcher, WatchOptions, all_states

STORY_A = [
    "Gunmen attacked a police station in the town of Kadera on Sunday night, killing "
    "four officers, a police spokesman said.",
    "The attackers fled into the forest before reinforcements arrived.",
]
STORY_B = [
    "Thousands of students marched peacefully through the capital on Monday to demand "
    "lower tuition fees.",
]


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = open_store(str(tmp_path / "watch.db"))
    assert isinstance(s, SQLiteStore)
    yield s
    s.close()


def watcher(store: SQLiteStore, sources: list[str], pipe: Any, **opts: Any) -> Watcher:
    clock = opts.pop("clock", Clock())
    fetcher = Fetcher(httpx.Client(follow_redirects=True, timeout=5), host_delay=0)
    options = WatchOptions(settle=0, **opts)
    return Watcher(store, sources, fetcher=fetcher, options=options, pipeline=pipe, clock=clock)


def serve_story_feed(site: Site) -> str:
    site.put("/news/a", page("Police station attacked", STORY_A))
    site.put("/news/b", page("Students march", STORY_B))
    items = [("a", "Police station attacked", "Short summary A."), ("b", "Students march", "B.")]
    site.put("/feed.xml", rss(site, items), "application/rss+xml")
    return site.url("/feed.xml")


def test_new_items_are_stored_with_their_page_text(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    w = watcher(store, [serve_story_feed(site)], real_pipeline)
    cycle = w.poll_due()
    assert (cycle.new, cycle.stored, cycle.rejected) == (2, 2, 0)
    assert store.counts().articles == 2
    (state,) = all_states(store)
    assert state.title == "Test Wire" and state.etag and state.failures == 0
    assert state.counts["stored"] == 2 and set(state.seen) == {"a", "b"}
    arts = [store.article(i) for i in _article_ids(store)]
    body = next(a for a in arts if a is not None and a.title == "Police station attacked")
    assert body.text.startswith("Police station attacked\n\nGunmen attacked a police station")
    assert "TRACKER" not in body.text and "Home World" not in body.text
    assert body.source == "Test Wire" and body.url == site.url("/news/a")
    assert "/robots.txt" in site.paths()


def _article_ids(store: SQLiteStore) -> list[str]:
    return [r.article_id for e in store.events() for r in e.reports]


def test_unchanged_feed_is_asked_conditionally_and_costs_nothing(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    clock = Clock()
    w = watcher(store, [serve_story_feed(site)], real_pipeline, clock=clock, interval=60)
    w.poll_due()
    site.requests.clear()
    assert w.poll_due().polled == 0  # not due yet
    clock.now += 61
    cycle = w.poll_due()
    assert cycle.polled == 1 and cycle.new == 0
    (path, headers) = site.requests[0]
    assert path == "/feed.xml" and headers.get("If-None-Match")
    assert headers.get("If-Modified-Since") == "Mon, 11 Mar 2024 10:00:00 GMT"
    assert headers.get("User-Agent", "").startswith("sitroom/")
    assert site.paths() == ["/feed.xml"]  # a 304: no page fetched
    assert all_states(store)[0].last_status == "not modified"


def test_only_new_items_are_fetched_on_the_next_poll(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    url = serve_story_feed(site)
    w = watcher(store, [url], real_pipeline)
    w.poll_due()
    site.put("/news/c", page("Depot shelled", ["Artillery shelled a fuel depot on Tuesday."]))
    items = [("a", "A", "x"), ("b", "B", "y"), ("c", "Depot shelled", "z")]
    site.put("/feed.xml", rss(site, items), "application/rss+xml")
    site.requests.clear()
    cycle = w.poll_due(force=True)
    assert (cycle.new, cycle.stored) == (1, 1)
    assert "/news/c" in site.paths() and "/news/a" not in site.paths()


def test_errors_back_off_exponentially_and_recover(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    clock = Clock()
    url = serve_story_feed(site)
    site.fail["/feed.xml"] = [(500, {}), (503, {"Retry-After": "7200"})]
    w = watcher(store, [url], real_pipeline, clock=clock, interval=100, max_backoff=5000)
    assert w.poll_due().failed == 1
    state = all_states(store)[0]
    assert state.failures == 1 and state.next_poll == clock.now + 200
    assert state.last_status.startswith("error: HTTP 500")
    clock.now = state.next_poll
    assert w.poll_due().failed == 1
    state = all_states(store)[0]
    assert state.failures == 2 and state.next_poll == clock.now + 5000  # Retry-After, capped
    clock.now = state.next_poll
    cycle = w.poll_due()
    assert cycle.failed == 0 and cycle.stored == 2
    assert all_states(store)[0].failures == 0


def test_page_that_fails_or_is_forbidden_falls_back_to_feed_text(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    url = serve_story_feed(site)
    site.put("/robots.txt", "User-agent: *\nDisallow: /news/a\n", "text/plain")
    site.fail["/news/b"] = [(500, {})]
    w = watcher(store, [url], real_pipeline)
    w.poll_due()
    assert "/news/a" not in site.paths()
    texts = {a.text for a in (store.article(i) for i in _all_ids(store)) if a is not None}
    assert texts == {"Short summary A.", "B."}


def _all_ids(store: SQLiteStore) -> list[str]:
    from sitroom.model import Article

    return [Article.content_id(t) for t in ("Short summary A.", "B.")]


def test_broken_feed_is_an_error_state_not_a_crash(
    site: Site, store: SQLiteStore, real_pipeline: Any
) -> None:
    site.put("/bad.xml", "<rss version='2.0'><channel><title>Cut", "application/rss+xml")
    w = watcher(store, [site.url("/bad.xml"), site.url("/missing.xml")], real_pipeline)
    cycle = w.poll_due()
    assert cycle.failed == 2
    statuses = sorted(s.last_status for s in all_states(store))
    assert statuses[0].startswith("error: HTTP 404")
    assert statuses[1].startswith("error: bad_feed")


def test_inbox_files_are_ingested_once(tmp_path: Path, real_pipeline: Any) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = inbox / "sitroom.db"  # the store lives inside the inbox: never read as input
    store = open_store(str(db))
    try:
        (inbox / "one.txt").write_text("date 2024-03-11 " + " ".join(STORY_A), encoding="utf-8")
        (inbox / "two.jsonl").write_text('{"text": "' + STORY_B[0] + '"}\n{"text": 5}\n')
        w = watcher(store, [str(inbox)], real_pipeline)  # type: ignore[arg-type]
        cycle = w.poll_due()
        assert (cycle.new, cycle.stored, cycle.rejected) == (3, 2, 1)
        assert w.poll_due(force=True).new == 0
        (inbox / "three.txt").write_text("Rebels shelled the port of Kessa on Friday.")
        assert w.poll_due(force=True).stored == 1
        (state,) = all_states(store)
        assert state.kind == "inbox" and len(state.files) == 3
        assert not any("sitroom.db" in path for path in state.files)
    finally:
        store.close()


def test_feed_file_is_polled_by_modification(tmp_path: Path, real_pipeline: Any) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>File Wire</title><item><guid>f1</guid>"
        "<title>Clash</title><description>Troops clashed with rebels near the dam.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    store = open_store(str(tmp_path / "w.db"))
    try:
        w = watcher(store, [str(feed)], real_pipeline)  # type: ignore[arg-type]
        assert w.poll_due().stored == 1
        second = w.poll_due(force=True)
        assert second.new == 0 and all_states(store)[0].last_status == "not modified"
    finally:
        store.close()


def test_interval_suffix_sets_one_sources_interval(site: Site, store: SQLiteStore) -> None:
    url = serve_story_feed(site)
    w = watcher(store, [url + "@900"], None)
    assert w.states[0].interval == 900 and w.states[0].location == url
