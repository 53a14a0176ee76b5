"""The store commands as users run them: subprocesses of `sitroom` over a real store."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import analysis

from sitroom.cli import main
from sitroom.export import ACLED_COLUMNS
from sitroom.model import Analysis, Article, ArticleError
from sitroom.store import open_store

SITROOM = [str(Path(sys.executable).parent / "sitroom")]
COMMANDS = ("ingest", "events", "show", "export", "rejects", "split", "merge")


def sitroom(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SITROOM_DB"}
    return subprocess.run(
        [*SITROOM, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def ok(*args: str) -> str:
    """Run a command in this process (the same code as the `sitroom` script, faster)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # --help
            code = int(exc.code or 0)
    assert code == 0, err.getvalue()
    return out.getvalue()


def ok_process(*args: str) -> str:
    done = sitroom(*args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as store:
        store.add_analysis(
            analysis(
                "Gunmen killed 4 villagers in Kano on Friday. Police said.",
                incidents=[{"killed": 4}],
            )
        )
        store.add_analysis(
            analysis(
                "Gunmen killed 6 villagers in Kano on Friday, residents said.",
                source="AFP",
                incidents=[{"killed": 6}],
            )
        )
        store.add_analysis(
            analysis(
                "Rebels killed 9 soldiers in Goma on Friday.",
                incidents=[{"town": "Goma", "actor": "M23"}],
            )
        )
        store.add_analysis(
            Analysis(
                article=Article(text="", origin="in/empty.txt").with_id(),
                error=ArticleError("empty", "no text"),
            )
        )
    return path


def events_jsonl(db: str, *filters: str) -> list[dict]:  # type: ignore[type-arg]
    return [
        json.loads(line)
        for line in ok("events", "--db", db, "--format", "jsonl", *filters).splitlines()
    ]


def test_every_command_has_help() -> None:
    for command in COMMANDS:
        out = ok(command, "--help")
        assert "--db" in out and "usage:" in out


def test_events_jsonl_is_the_contract(db: str) -> None:
    events = [
        json.loads(x) for x in ok_process("events", "--db", db, "--format", "jsonl").splitlines()
    ]
    assert len(events) == 2
    kano = events[0]
    assert kano["fatalities"] == 6 and (kano["fatalities_low"], kano["fatalities_high"]) == (4, 6)
    assert [r["source"] for r in kano["reports"]] == ["Wire", "AFP"]
    assert set(kano["reports"][0]) >= {"article_id", "source", "published", "fatalities", "injured"}
    assert kano["location"]["name"] == "Kano"
    assert events_jsonl(db, "--near=-1.6,29.2,40")[0]["location"]["name"] == "Goma"
    assert [e["id"] for e in events_jsonl(db, "--country", "Nigeria")] == [kano["id"]]
    assert [e["id"] for e in events_jsonl(db, "--actor", "m23")] == [events[1]["id"]]
    assert events_jsonl(db, "--since", "2025-01-01") == []
    assert len(events_jsonl(db, "--type", "violence against civilians", "--text", "villagers")) == 2


def test_events_table_and_json(db: str) -> None:
    table = ok("events", "--db", db)
    assert table.splitlines()[0].split()[:3] == ["ID", "DATE", "STATUS"]
    assert "Kano" in table and "Goma" in table
    assert len(json.loads(ok("events", "--db", db, "--format", "json"))) == 2


def test_show_resolves_ids_and_marks_evidence(db: str) -> None:
    kano = events_jsonl(db)[0]
    out = ok_process("show", kano["id"], "--db", db)
    assert "[[Gunmen killed 4 villagers in Kano on Friday.]]" in out
    assert "Merge decisions" in out and "link" in out
    second_report = kano["reports"][1]["report_id"]
    assert ok("show", second_report, "--db", db).startswith(f"Event {kano['id']}")
    detail = json.loads(ok("show", kano["id"], "--db", db, "--format", "json"))
    assert detail["report_details"][1]["evidence"][0]["text"].startswith("Gunmen killed 6")
    missing = sitroom("show", "nope", "--db", db)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_export_formats(db: str, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("export", "--db", db, "--format", "csv"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0]["country"] == "Nigeria" and rows[0]["fatalities"] == "6"
    assert rows[0]["source"] == "Wire; AFP" and rows[0]["latitude"] == "12.0"
    geo = json.loads(ok("export", "--db", db, "--format", "geojson"))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert geo["features"][1]["geometry"]["coordinates"] == [29.23, -1.68]
    lines = ok("export", "--db", db, "--format", "jsonl").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [e["id"] for e in events_jsonl(db)]
    target = tmp_path / "out.parquet"
    ok("export", "--db", db, "--format", "parquet", "-o", str(target))
    import pyarrow.parquet as pq

    table = pq.read_table(target)
    assert table.num_rows == 2 and "event_id_cnty" in table.column_names


def test_rejects_lists_code_and_reason(db: str) -> None:
    out = ok("rejects", "--db", db)
    assert "empty" in out and "in/empty.txt" in out and "no text" in out
    (line,) = ok("rejects", "--db", db, "--format", "jsonl").splitlines()
    assert json.loads(line)["code"] == "empty"


def test_split_then_merge_back(db: str) -> None:
    kano = events_jsonl(db)[0]
    second = kano["reports"][1]["report_id"]
    out = ok("split", kano["id"], second, "--db", db)
    new_id = out.split()[-1]
    assert {e["id"] for e in events_jsonl(db)} >= {kano["id"], new_id}
    ok("merge", new_id, kano["id"], "--db", db)
    after = events_jsonl(db)
    assert len(after) == 2 and after[0]["id"] == kano["id"] and new_id in after[0]["aliases"]
    assert ok("show", new_id, "--db", db).startswith(f"Event {kano['id']}")


def test_store_errors_are_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01garbage" * 500)
    for args in (
        ("events", "--db", str(junk)),
        ("events", "--db", str(tmp_path / "none.db")),
        ("ingest", str(tmp_path), "--db", str(tmp_path / "no" / "dir.db")),
    ):
        done = sitroom(*args)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert junk.read_bytes().startswith(b"\x00\x01garbage")


def test_real_ingest_and_extract_store(tmp_path: Path) -> None:
    """The full pipeline: ingest a folder holding its own store, then extract with and
    without a store."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lead.txt").write_text(
        "date 2024-01-03\nTwo soldiers were killed in Mosul on Tuesday when a roadside bomb "
        "exploded beside their patrol, police said."
    )
    (folder / "empty.txt").write_text("")
    db = folder / "sitroom.db"
    first = ok_process("ingest", str(folder), "--db", str(db))
    assert "stored: 1" in first and "rejected: 1 (empty: 1)" in first
    assert len(events_jsonl(str(db))) >= 1
    work = tmp_path / "work"
    work.mkdir()
    done = sitroom("extract", str(folder / "lead.txt"), "--no-store", cwd=work)
    assert done.returncode == 0 and json.loads(done.stdout)["events"]
    assert list(work.iterdir()) == []  # --no-store touched no database
    stored_db = tmp_path / "x.db"
    done = sitroom("extract", str(folder / "lead.txt"), "--db", str(stored_db))
    assert done.returncode == 0
    ids = [e["id"] for e in json.loads(done.stdout)["events"]]
    assert [e["id"] for e in events_jsonl(str(stored_db))] == ids


def test_highlight_marks_spans_bold_on_a_terminal_and_brackets_otherwise() -> None:
    from sitroom.cli.store import highlight

    assert highlight("Gunmen attacked. Police said.", [(0, 16)], bold=False) == (
        "[[Gunmen attacked.]] Police said."
    )
    assert highlight("a b c", [(2, 3), (0, 1)], bold=True) == ("\033[1ma\033[0m \033[1mb\033[0m c")
