"""The dashboard in a real browser (Debian's Chromium via Playwright) against a real
`sitroom serve` process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import sync_playwright

from sitroom.model import Place
from sitroom.store import open_store

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path, make_analysis: Any) -> Iterator[str]:
    db = tmp_path / "dash.db"
    kabul = Place("Kabul", "Kabul", None, None, "Kabul", "AFG", 34.53, 69.17, 1138958)
    with open_store(str(db)) as store:
        store.add_analysis(make_analysis("A bomb exploded at a checkpoint in Kabul.", 6, kabul, 4))
    port = _free_port()
    sitroom = Path(sys.executable).parent / "sitroom"
    proc = subprocess.Popen(
        [str(sitroom), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db)],
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SITROOM_TOKEN": "t"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("sitroom serve did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_dashboard_maps_lists_and_explains_an_incident(server: str, tmp_path: Path) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.goto(server + "/")
        page.wait_for_selector("#map path.land")
        page.wait_for_selector("#events tbody tr")
        assert page.locator("#map circle").count() == 1
        assert "Kabul" in page.locator("#events tbody").inner_text()
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#detail mark")
        assert "checkpoint in Kabul" in page.locator("#detail").inner_text()
        page.screenshot(path=str(tmp_path / "dashboard.png"))
        if os.environ.get("SITROOM_SCREENSHOT"):
            page.screenshot(path=os.environ["SITROOM_SCREENSHOT"])
        browser.close()
