"""The store commands against PostgreSQL as users run them: `sitroom` subprocesses with
`--db postgresql://...` (and `SITROOM_DB`), the real extraction pipeline included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SITROOM = [str(Path(sys.executable).parent / "sitroom")]
LEAD = (
    "date 2024-01-03\nTwo soldiers were killed in Mosul on Tuesday when a roadside bomb "
    "exploded beside their patrol, police said."
)


def sitroom(*args: str, db: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SITROOM_DB"}
    if db:
        env["SITROOM_DB"] = db
    done = subprocess.run(
        [*SITROOM, *args], capture_output=True, text=True, env=env, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def events(url: str) -> list[dict[str, Any]]:
    return [
        json.loads(x) for x in sitroom("events", "--db", url, "--format", "jsonl").split("\n") if x
    ]


def test_ingest_then_events_jsonl(pg_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lead.txt").write_text(LEAD)
    (folder / "empty.txt").write_text("")
    first = sitroom("ingest", str(folder), "--db", pg_url)
    assert "stored: 1" in first and "rejected: 1 (empty: 1)" in first
    got = events(pg_url)
    assert got, first
    event = got[0]
    assert event["reports"] and event["reports"][0]["article_id"].startswith("a-")
    assert {"fatalities_low", "fatalities_high", "event_type", "evidence"} <= set(event)
    again = sitroom("ingest", str(folder), db=pg_url)  # the URL from SITROOM_DB this time
    assert "stored: 0" in again
    assert events(pg_url) == got
    shown = sitroom("show", event["id"], "--db", pg_url)
    assert shown.startswith(f"Event {event['id']}")
    (reject,) = sitroom("rejects", "--db", pg_url, "--format", "jsonl").splitlines()
    assert json.loads(reject)["code"] == "empty"


def test_an_unreachable_database_is_a_one_line_error(pg_server: Any) -> None:
    url = f"postgresql://postgres@127.0.0.1:{pg_server.port}/missing_db"
    done = subprocess.run(
        [*SITROOM, "events", "--db", url], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_extract_stores_into_postgres(pg_url: str, tmp_path: Path) -> None:
    lead = tmp_path / "lead.txt"
    lead.write_text(LEAD)
    out = json.loads(sitroom("extract", str(lead), "--db", pg_url))
    assert out["events"]
    assert [e["id"] for e in events(pg_url)] == [e["id"] for e in out["events"]]
