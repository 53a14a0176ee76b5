"""A real HTTP server on 127.0.0.1 (http.server in a thread) serving feeds, pages and
robots.txt, with conditional GET, scripted failures and a log of every request. The
folder is put on sys.path so tests can import `watch_helpers`."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from watch_helpers import Site


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        status, headers, body = self.site.answer(self.path, dict(self.headers))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="session")
def real_pipeline():  # type: ignore[no-untyped-def]
    """The real extraction pipeline, built once for the watch tests."""
    from sitroom import config, pipeline

    return pipeline.build(config.load())
