"""The HTTP seam: politeness and limits, against the real local server."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from watch_helpers import Site

from sitroom.watch import Fetcher, FetchError
from sitroom.watch.transport import retry_after


def test_download_over_the_cap_is_refused(site: Site) -> None:
    site.put("/big", b"x" * 5000)
    fetcher = Fetcher(httpx.Client(), max_bytes=1000, host_delay=0)
    with pytest.raises(FetchError, match="over 1000 bytes"):
        fetcher.get(site.url("/big"))


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    site.put("/a", "a")
    pauses: list[float] = []
    now = [100.0]
    fetcher = Fetcher(httpx.Client(), host_delay=2.0, clock=lambda: now[0], sleep=pauses.append)
    fetcher.get(site.url("/a"))
    now[0] += 0.5
    fetcher.get(site.url("/a"))
    assert pauses == [1.5]


def test_robots_txt_is_asked_once_per_site(site: Site) -> None:
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    fetcher = Fetcher(httpx.Client(), host_delay=0)
    assert not fetcher.allowed(site.url("/private/x"))
    assert fetcher.allowed(site.url("/news/y"))
    assert site.paths().count("/robots.txt") == 1


def test_missing_robots_txt_allows_everything(site: Site) -> None:
    assert Fetcher(httpx.Client(), host_delay=0).allowed(site.url("/anything"))


def test_error_status_carries_retry_after(site: Site) -> None:
    site.fail["/busy"] = [(429, {"Retry-After": "120"})]
    with pytest.raises(FetchError) as info:
        Fetcher(httpx.Client(), host_delay=0).get(site.url("/busy"))
    assert info.value.status == 429 and info.value.retry_after == 120


def test_unreachable_host_is_a_fetch_error() -> None:
    fetcher = Fetcher(httpx.Client(timeout=2), host_delay=0)
    with pytest.raises(FetchError):
        fetcher.get("http://127.0.0.1:9/feed.xml")


def test_retry_after_forms() -> None:
    assert retry_after("30") == 30
    later = email.utils.formatdate(time.time() + 600, usegmt=True)
    assert 590 <= (retry_after(later) or 0) <= 601
    assert retry_after("soon") is None and retry_after(None) is None
