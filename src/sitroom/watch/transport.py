"""HTTP for `sitroom watch`: one httpx client behind one seam.

Every request goes through `Fetcher.get`, so tests hand it a client pointed at a local
server (or an `httpx.MockTransport`) and nothing reaches the internet. The fetcher is
polite: it names itself, waits between two requests to the same host, caps the size of
what it downloads, asks robots.txt before fetching article pages, and reports a
server's `Retry-After` so the caller backs off.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

USER_AGENT = "sitroom/0.1 (conflict-news incident extraction; polite feed reader)"


class FetchError(Exception):
    """A request that failed: network, HTTP error status or a body over the cap."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""


class Fetcher:
    """Polite GETs over one `httpx.Client`."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        timeout: float = 20.0,
        max_bytes: int = 40_000_000,
        host_delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True)
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET `url`; 2xx and 304 answer, anything else raises FetchError."""
        self._wait_for_host(url)
        try:
            sent = {"User-Agent": USER_AGENT, **(headers or {})}
            with self.client.stream("GET", url, headers=sent) as resp:
                body = self._read_capped(resp) if resp.status_code != 304 else b""
                answer = Response(
                    url=str(resp.url),
                    status=resp.status_code,
                    headers={k.lower(): v for k, v in resp.headers.items()},
                    body=body,
                )
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from exc
        if answer.status >= 400:
            retry = retry_after(answer.headers.get("retry-after"))
            raise FetchError(f"HTTP {answer.status}", answer.status, retry)
        return answer

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of `url`'s site lets us fetch it (asked once per site)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._load_robots(site)
        robots = self._robots[site]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    def _load_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            resp = self.get(f"{site}/robots.txt")
        except FetchError:
            return None  # no robots.txt (or none we can read): nothing is forbidden
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(resp.body.decode("utf-8", "replace").splitlines())
        return robots

    def _read_capped(self, resp: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"response over {self.max_bytes} bytes", resp.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None and self.host_delay > 0:
            pause = last + self.host_delay - self.clock()
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())
