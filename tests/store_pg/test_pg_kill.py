"""Crash safety on PostgreSQL: SIGKILL an ingest at random moments (schema creation
included), resume, and end with exactly the store of one clean run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from pg_server import Server
from store_helpers import wire_lead

DRIVER = Path(__file__).resolve().parents[1] / "store" / "store_kill_driver.py"
LEADS = 40


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "leads.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(LEADS):
            rec = {"published": f"2024-03-{1 + i % 28:02d}", "source": f"W{i % 4}"}
            fh.write(json.dumps({**rec, "text": wire_lead(i)}) + "\n")
    return path


def stored(url: str) -> int:
    try:
        with psycopg.connect(url) as con:
            row = con.execute("SELECT count(*) FROM articles").fetchone()
            return int(row[0]) if row else 0
    except psycopg.errors.UndefinedTable:
        return 0


def command(url: str, corpus: Path) -> list[str]:
    return [sys.executable, str(DRIVER), url, str(corpus)]


def run_killed(cmd: list[str], url: str, rnd: random.Random, target: int | None) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + (60 if target is not None else rnd.uniform(0.3, 1.5))
    while proc.poll() is None and time.monotonic() < deadline:
        if target is not None and stored(url) >= target:
            time.sleep(rnd.uniform(0, 0.02))
            break
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.stderr:
        proc.stderr.close()


def state(url: str) -> dict[str, Any]:
    with psycopg.connect(url) as con:
        return {
            "articles": con.execute("SELECT id FROM articles ORDER BY id").fetchall(),
            "reports": con.execute("SELECT id, event_id FROM reports ORDER BY id").fetchall(),
            "events": con.execute("SELECT id, n_reports FROM events ORDER BY id").fetchall(),
            "migrations": con.execute("SELECT version FROM schema_migrations").fetchall(),
            "decisions": con.execute("SELECT count(*) FROM merge_decisions").fetchall(),
        }


def test_killed_ingests_resume_to_the_clean_result(pg_server: Server, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    clean = pg_server.database("clean")
    done = subprocess.run(command(clean, corpus), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rnd = random.Random(7)
    killed = pg_server.database("killed")
    run_killed(command(killed, corpus), killed, rnd, None)  # during start-up or schema
    for target in sorted(rnd.sample(range(1, LEADS - 5), 3)):
        run_killed(command(killed, corpus), killed, rnd, target)
    done = subprocess.run(command(killed, corpus), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert state(killed) == state(clean)
    assert len(state(clean)["articles"]) == LEADS
