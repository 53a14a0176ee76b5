"""`sitroom watch` and `sitroom status` as users run them: real processes, a real local
HTTP server, a real store; `--once` for a single pass, SIGTERM for a clean stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from watch_helpers import Site, page, rss

SITROOM = Path(sys.executable).with_name("sitroom")


def sitroom(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SITROOM), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_watch_once_then_status(site: Site, tmp_path: Path) -> None:
    site.put(
        "/news/a",
        page("Convoy ambushed", ["Militants ambushed an army convoy near Dulo on Monday."]),
    )
    site.put("/feed.xml", rss(site, [("a", "Convoy ambushed", "Summary.")]), "application/rss+xml")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("date 2024-03-11 Police arrested six protesters in Odra.")
    db = str(tmp_path / "w.db")
    args = ["watch", "--once", "--host-delay", "0", "--db", db]
    proc = sitroom(*args, site.url("/feed.xml"), str(inbox), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "2 sources polled, 2 new articles (2 stored" in proc.stderr
    status = sitroom("status", "--db", db, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "store: 2 articles" in status.stdout
    assert site.url("/feed.xml") in status.stdout and str(inbox) in status.stdout
    rows = [
        json.loads(x)
        for x in sitroom(
            "status", "--db", db, "--format", "jsonl", cwd=tmp_path
        ).stdout.splitlines()
    ]
    assert [(r["kind"], r["stored"], r["failures"]) for r in rows] == [
        ("feed", 1, 0),
        ("inbox", 1, 0),
    ]
    assert rows[0]["title"] == "Test Wire"
    again = sitroom(*args, site.url("/feed.xml"), str(inbox), cwd=tmp_path)
    assert "0 new articles" in again.stderr


def test_watch_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    site.put("/feed.xml", rss(site, []), "application/rss+xml")
    db = tmp_path / "w.db"
    proc = subprocess.Popen(
        [str(SITROOM), "watch", site.url("/feed.xml"), "--interval", "1", "--db", str(db)],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and site.paths().count("/feed.xml") < 2:
            time.sleep(0.1)
        assert site.paths().count("/feed.xml") >= 2, "the loop polls again after its interval"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "watch stopped" in stderr


def test_status_of_a_store_nobody_watches(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    sitroom("ingest", "--db", db, str(tmp_path / "none"), cwd=tmp_path)
    out = sitroom("status", "--db", db, cwd=tmp_path)
    assert out.returncode == 0 and "no watched sources" in out.stdout
