"""Property: re-ingesting changes nothing, and a run interrupted after any article then
resumed ends in exactly the state of one clean run."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from store_helpers import TOWNS, analysis

from sitroom.model import Analysis
from sitroom.store import open_store

TIME_COLUMNS = {"stored_at", "rejected_at", "updated_at", "created_at", "applied_at"}
TABLES = (
    "articles",
    "reports",
    "events",
    "evidence",
    "statistics",
    "places",
    "times",
    "merge_decisions",
    "event_aliases",
    "event_keys",
    "rejects",
)
SUB_TYPES = [
    ("Violence against civilians", "Attack"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
]

article_spec = st.tuples(
    st.sampled_from(sorted(TOWNS)),
    st.integers(0, 6),  # incident day offset
    st.one_of(st.none(), st.integers(0, 40)),  # killed
    st.sampled_from(SUB_TYPES),
    st.integers(0, 3),  # wording variant: same incident told differently
    st.booleans(),  # second incident in the same article
)


def build(specs: list[tuple]) -> list[Analysis]:  # type: ignore[type-arg]
    items = []
    for n, (town, day, killed, (etype, sub), variant, two) in enumerate(specs):
        text = f"Report {variant}: {killed} people killed in {town}. Officials said so."
        incidents: list[dict[str, object]] = [
            {
                "town": town,
                "day": dt.date(2024, 3, 1 + day),
                "killed": killed,
                "event_type": etype,
                "sub_event_type": sub,
            },
        ]
        if two:
            incidents.append({"town": town, "day": dt.date(2023, 1, 1), "status": "background"})
        items.append(
            analysis(text, incidents=incidents, published=dt.date(2024, 3, 8), source=f"S{n % 3}")
        )
    return items


def snapshot(path: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    out = {}
    for table in TABLES:
        cur = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        keep = [i for i, d in enumerate(cur.description) if d[0] not in TIME_COLUMNS]
        out[table] = [tuple(row[i] for i in keep) for row in cur.fetchall()]
    out["fts"] = con.execute("SELECT rowid, body, actors FROM events_fts ORDER BY 1").fetchall()
    out["rtree"] = con.execute("SELECT * FROM events_rtree ORDER BY 1").fetchall()
    con.close()
    return out


@settings(max_examples=15, deadline=None)
@given(st.lists(article_spec, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_reingesting_changes_nothing(specs: list[tuple], rnd: random.Random) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.db"
        with open_store(str(path)) as store:
            for item in build(specs):
                store.add_analysis(item)
        before = snapshot(path)
        again = build(specs)
        rnd.shuffle(again)
        with open_store(str(path)) as store:
            results = [store.add_analysis(item) for item in again]
        assert all(r.outcome == "duplicate" for r in results)
        assert snapshot(path) == before


@settings(max_examples=12, deadline=None)
@given(st.lists(article_spec, min_size=1, max_size=8), st.data())
def test_resumed_run_equals_clean_run(specs: list[tuple], data: st.DataObject) -> None:  # type: ignore[type-arg]
    cut = data.draw(st.integers(0, len(specs)))
    with tempfile.TemporaryDirectory() as tmp:
        clean, resumed = Path(tmp) / "clean.db", Path(tmp) / "resumed.db"
        with open_store(str(clean)) as store:
            for item in build(specs):
                store.add_analysis(item)
        with open_store(str(resumed)) as store:  # the first run stops after `cut` articles
            for item in build(specs)[:cut]:
                store.add_analysis(item)
        with open_store(str(resumed)) as store:  # the next run goes over everything
            for item in build(specs):
                store.add_analysis(item)
        assert snapshot(resumed) == snapshot(clean)
