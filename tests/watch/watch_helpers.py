"""The content a test site serves, and how it answers."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field


@dataclass
class Site:
    """Routes path -> (content type, body); `fail` scripts error answers per path."""

    base: str = ""
    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    fail: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: str | bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = (kind, body.encode() if isinstance(body, str) else body)

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests.append((path, headers))
            if self.fail.get(path):
                status, extra = self.fail[path].pop(0)
                return status, extra, b"error"
        if path not in self.routes:
            return 404, {}, b"not found"
        kind, body = self.routes[path]
        etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'
        modified = "Mon, 11 Mar 2024 10:00:00 GMT"
        if headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": kind, "ETag": etag, "Last-Modified": modified}, body


def rss(site: Site, items: list[tuple[str, str, str]], title: str = "Test Wire") -> str:
    """An RSS feed whose items (guid, title, summary) link to pages on `site`."""
    entries = "".join(
        f"<item><title>{t}</title><link>{site.url('/news/' + g)}</link><guid>{g}</guid>"
        f"<pubDate>Mon, 11 Mar 2024 09:00:00 GMT</pubDate><description>{s}</description></item>"
        for g, t, s in items
    )
    head = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
    return f"{head}{entries}</channel></rss>"


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><script>var TRACKER = 1;</script></head>"
        f"<body><nav>Home World Sport</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright</footer></body></html>"
    )
