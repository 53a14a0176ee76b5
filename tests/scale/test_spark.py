"""spark-extract on a real local Spark gives the same events as extract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitroom.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ["nigeria-borno-ied.txt", "iraq-erbil-rockets.txt", "wire-feed.jsonl"]


def _key(article_id: str, e: dict) -> tuple:
    loc = e.get("location") or {}
    coords = tuple(round(loc[k], 1) if loc.get(k) is not None else None for k in ("lat", "lon"))
    return (article_id, e["date"], e["sub_event_type"], e["fatalities"], coords)


@pytest.mark.slow
def test_spark_rows_equal_extract_events(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ARTICLES:
        (inputs / name).write_bytes((ROOT / "examples" / "articles" / name).read_bytes())
    sitroom = str(Path(sys.executable).parent / "sitroom")
    extract = subprocess.run(
        [sitroom, "extract", "--no-store", str(inputs)], capture_output=True, check=True
    )
    expected = sorted(
        _key(doc["article"]["id"], e)
        for doc in map(json.loads, extract.stdout.splitlines())
        for e in doc.get("events", [])
    )
    out = tmp_path / "out"
    db = str(tmp_path / "spark.db")
    subprocess.run(
        [sitroom, "spark-extract", str(inputs), str(out), "--master", "local[1]", "--db", db],
        capture_output=True,
        check=True,
        timeout=600,
    )
    rows = pq.read_table(out / "events").to_pylist()
    got = sorted(_key(r["article_id"], r) for r in rows)
    assert expected, "the example articles must yield events"
    assert got == expected
    for table in ("statistics", "places", "times"):
        assert pq.read_table(out / table).num_rows > 0
    assert isinstance(rows[0]["location"], dict) and "lat" in rows[0]["location"]
    with open_store(db) as store:
        stored = [e for e in store.iter_events()]
        assert store.counts().articles == 5
    assert {r["id"] for r in rows} <= {i for e in stored for i in [e.id, *e.aliases]} | {
        r.report_id for e in stored for r in e.reports
    }
