"""Crash safety: SIGKILL an ingest at random moments, resume, and end with exactly the
store of one clean run (same article and event ids, none lost, none twice), with
SQLite's integrity check passing."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import wire_lead

HERE = Path(__file__).parent
SITROOM = str(Path(sys.executable).parent / "sitroom")
KILLS = 6
Command = Callable[[Path, Path], list[str]]


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    path = folder / "leads.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = {
                "published": f"2024-03-{1 + i % 28:02d}",
                "source": f"Wire{i % 4}",
                "text": wire_lead(i),
            }
            fh.write(json.dumps(rec) + "\n")
    return path


def run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=_env())
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def run_killed(cmd: list[str], rnd: random.Random, db: Path, target: int | None) -> None:
    """Start `cmd` and SIGKILL it: once `target` articles are stored plus a random few
    milliseconds (so the kill falls anywhere inside the next transaction), or, with no
    target, after a random fraction of a second (start-up, schema creation)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + (120 if target is not None else rnd.uniform(0.05, 0.8))
    while proc.poll() is None and time.monotonic() < deadline:
        if target is not None and stored(db) >= target:
            time.sleep(rnd.uniform(0, 0.03))
            break
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode in (0, -signal.SIGKILL)
    assert proc.stderr is not None
    assert b"Traceback" not in proc.stderr.read()
    proc.stderr.close()


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "SITROOM_DB"}


def state(db: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    out = {
        "articles": [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")],
        "events": [r[0] for r in con.execute("SELECT id FROM events ORDER BY id")],
        "reports": [r[0] for r in con.execute("SELECT id FROM reports ORDER BY id")],
        "links": [
            f"{a}>{b}" for a, b in con.execute("SELECT id, event_id FROM reports ORDER BY id")
        ],
        "decisions": [
            r[0] for r in con.execute("SELECT report_id FROM merge_decisions ORDER BY report_id")
        ],
    }
    con.close()
    for key in ("articles", "events", "reports"):
        assert len(out[key]) == len(set(out[key])), f"duplicate {key}"
    return out


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # killed before the schema was committed
        return 0
    finally:
        con.close()


def crash_and_compare(
    tmp_path: Path,
    command: Command,
    n: int,
    seed: int,
    kills: int = KILLS,
    killed_command: Command | None = None,
) -> list[int]:
    """Returns how many articles were stored after each kill (to show where they fell)."""
    corpus = write_corpus(tmp_path / "in", n)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    run(command(clean, corpus))
    command = killed_command or command
    expected = state(clean)
    assert len(expected["articles"]) == n and expected["events"]
    rnd = random.Random(seed)
    progress: list[int] = []
    for k in range(kills):
        done = stored(killed)
        share = max(1, (n - done) // (kills - k + 1))  # spread the kills over the run
        target = None if k == 0 else done + rnd.randint(1, share)
        run_killed(command(killed, corpus), rnd, killed, target)
        progress.append(stored(killed))
    run(command(killed, corpus))
    assert state(killed) == expected
    return progress


def driver(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, str(HERE / "store_kill_driver.py"), str(db), str(corpus)]


def cli(db: Path, corpus: Path) -> list[str]:
    return [SITROOM, "ingest", str(corpus), "--db", str(db)]


def cli_small_batches(db: Path, corpus: Path) -> list[str]:
    """The killed runs use small batches: more commits to fall between, and a check that
    results do not depend on how articles were batched."""
    return ["env", "SITROOM_BATCH_SIZE=4", *cli(db, corpus)]


def test_kills_during_store_writes(tmp_path: Path) -> None:
    progress = crash_and_compare(tmp_path, driver, 80, seed=1)
    assert sum(0 < p < 80 for p in progress) >= 3, progress  # kills landed mid-run


@pytest.mark.slow
def test_kills_during_a_real_sitroom_ingest(tmp_path: Path) -> None:
    crash_and_compare(tmp_path, cli, 60, seed=7, kills=4, killed_command=cli_small_batches)
