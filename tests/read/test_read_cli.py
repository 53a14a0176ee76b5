"""The bad-input check as CHECKS.md runs it: the real `sitroom` executable over the
hostile corpus, then `sitroom ingest` of the whole folder with the database inside it.

Each run loads the full pipeline (seconds), so the corpus goes through one `extract`
process (the output is split back per file: one line per article or record, in input
order), and standard input gets its own runs. The 5,000,000-character line is left to
`test_read_bad_input.py` (the reader) here: through the pipeline it costs minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import read_corpus

from sitroom.store import open_store

SITROOM = Path(sys.executable).with_name("sitroom")
SLOW_TO_EXTRACT = {"long-line.txt"}


def run(args: list[str], cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SITROOM_DB": str(cwd / "default.db")}
    return subprocess.run(
        [str(SITROOM), *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=600
    )


def lines_of(proc: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    assert proc.returncode == 0, proc.stderr.decode()
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def extracted(bad_input: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every corpus file (but the long line) through one `extract --no-store`."""
    expects = [e for e in read_corpus.EXPECTED if e.name not in SLOW_TO_EXTRACT]
    cwd = tmp_path_factory.mktemp("cwd")
    proc = run(["extract", "--no-store", *(str(bad_input / e.name) for e in expects)], cwd)
    out = lines_of(proc)
    per_file: dict[str, list[dict[str, Any]]] = {}
    for expect in expects:
        per_file[expect.name], out = out[: len(expect.items)], out[len(expect.items) :]
    assert out == [], "more lines than articles and records"
    assert not (cwd / "default.db").exists(), "--no-store touched a database"
    return {"files": per_file, "stderr": proc.stderr.decode()}


@pytest.mark.parametrize(
    "expect",
    [e for e in read_corpus.EXPECTED if e.name not in SLOW_TO_EXTRACT],
    ids=lambda e: e.name,
)
def test_extract_gives_one_line_per_article_or_record(
    extracted: dict[str, Any], expect: read_corpus.Expect
) -> None:
    got = extracted["files"][expect.name]
    assert [line["error"]["code"] if "error" in line else None for line in got] == list(
        expect.items
    )
    for line in got:
        assert set(line["article"]) >= {"id", "published", "title", "source", "url"}
        if "error" not in line:
            assert {"events", "statistics", "places", "times"} <= set(line)


def test_extract_prints_at_most_one_stderr_line_per_file(extracted: dict[str, Any]) -> None:
    assert len(extracted["stderr"].splitlines()) <= len(extracted["files"])


def test_extract_output_has_no_trace_of_the_page_scripts(extracted: dict[str, Any]) -> None:
    (line,) = extracted["files"]["scripts.html"]
    dumped = json.dumps(line, ensure_ascii=False)
    for marker in read_corpus.SCRIPT_MARKERS:
        assert marker not in dumped, marker
    assert line["article"]["title"] == "Market bombing kills six"
    assert line["events"], "the bombing in the article body is extracted"


def test_good_articles_are_extracted(extracted: dict[str, Any]) -> None:
    (txt,) = extracted["files"]["good-article.txt"]
    (jsonl,) = extracted["files"]["good-article.jsonl"]
    assert txt["article"]["published"] == "2024-03-12" and txt["events"]
    assert jsonl["article"]["id"] == "good-jsonl-1" and jsonl["events"]


def test_standard_input_is_recognised_by_content(tmp_path: Path) -> None:
    data = b'{"text": "Police arrested two men in the capital on Monday."}\n{"text": 7}\n'
    got = lines_of(run(["extract", "--no-store", "-"], tmp_path, stdin=data))
    assert [line.get("error", {}).get("code") for line in got] == [None, "not_text"]


def test_binary_and_empty_standard_input(tmp_path: Path) -> None:
    # two stdin arguments read the same (drained) stream: binary first, then nothing
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    got = lines_of(run(["extract", "--no-store", "-", "-"], tmp_path, stdin=data))
    assert [line["error"]["code"] for line in got] == ["not_text", "empty"]


def test_ingest_of_the_folder_with_the_database_inside(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    expects = read_corpus.build(folder)
    (folder / "long-line.txt").unlink()
    db = folder / "sitroom.db"
    proc = run(["ingest", str(folder), "--db", str(db)], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
    good = sum(e.articles for e in expects if e.name not in SLOW_TO_EXTRACT)
    with open_store(str(db), create=False) as store:
        assert store.has_article("good-jsonl-1")
        assert store.counts().articles == good
        assert {r.code for r in store.rejects()} >= {"empty", "not_text", "too_large"}
    again = run(["ingest", str(folder), "--db", str(db)], tmp_path)
    assert again.returncode == 0 and "Traceback" not in again.stderr.decode()
    with open_store(str(db), create=False) as store:
        assert store.counts().articles == good  # the db files were never read as input
