"""Queries by time, place, text, actor, country and type are answered from an index:
EXPLAIN QUERY PLAN must never show a full scan of the events table."""

from __future__ import annotations

import datetime as dt

import pytest
from store_helpers import analysis

from sitroom.store import EventQuery
from sitroom.store.sqlite import SQLiteStore

QUERIES = {
    "since": EventQuery(since=dt.date(2024, 1, 1)),
    "until": EventQuery(until=dt.date(2024, 1, 1)),
    "window": EventQuery(since=dt.date(2024, 1, 1), until=dt.date(2024, 2, 1), limit=50),
    "near": EventQuery(near=(12.0, 8.5, 50.0)),
    "near-dateline": EventQuery(near=(-17.0, 179.9, 100.0)),
    "text": EventQuery(text="market gunmen"),
    "actor": EventQuery(actor="Boko Haram"),
    "country": EventQuery(country="NGA"),
    "type": EventQuery(event_type="Battles"),
    "sub-type": EventQuery(event_type="Air/drone strike", since=dt.date(2024, 1, 1)),
    "status": EventQuery(status="background"),
    "page": EventQuery(limit=100, after=1000),
    "page-newest": EventQuery(limit=100, after=1000, newest_first=True),
    "newest-since": EventQuery(since=dt.date(2024, 1, 1), newest_first=True, limit=10),
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_uses_an_index(store: SQLiteStore, name: str) -> None:
    for n in range(20):
        store.add_analysis(analysis(f"Gunmen killed {n} villagers in Kano. Market day."))
    plan = store.explain(QUERIES[name])
    assert plan, name
    scans = [step for step in plan if step.startswith("SCAN events") and "VIRTUAL" not in step]
    assert not scans, f"{name}: {plan}"
    uses = " ".join(plan)
    expected = {
        "near": "events_rtree",
        "near-dateline": "events_rtree",
        "text": "events_fts",
        "actor": "events_fts",
    }.get(name, "INDEX" if not name.startswith("page") else "PRIMARY KEY")
    assert expected in uses, f"{name}: {plan}"


def test_candidate_lookup_uses_blocking_key_index(store: SQLiteStore) -> None:
    store.add_analysis(analysis("Gunmen killed 3 villagers in Kano. Market day."))
    con = store._conn  # the plan of the store's own candidate query
    plan = [
        r["detail"]
        for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE e.id IN "
            "(SELECT event_id FROM event_keys WHERE key IN (?, ?)) ORDER BY e.seq",
            ("a", "b"),
        )
    ]
    assert not [p for p in plan if p.startswith("SCAN")], plan


@pytest.mark.parametrize("name", ["since", "near", "text", "country"])
def test_counts_use_an_index(store: SQLiteStore, name: str) -> None:
    store.add_analysis(analysis("Gunmen killed 3 villagers in Kano. Market day."))
    plan = store.explain(QUERIES[name], count=True)
    assert not [p for p in plan if p.startswith("SCAN events") and "VIRTUAL" not in p], plan
