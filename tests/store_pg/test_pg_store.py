"""The PostgreSQL store on a real server: migrations recorded in the database, the same
results as SQLite for the same articles, hashed tokens, index-only query plans, and
refusing what it must not open."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pg_server import Server
from store_helpers import analysis
from test_store_idempotent import TABLES, TIME_COLUMNS, article_spec, build
from test_store_indexes import QUERIES

from sitroom.errors import StoreError
from sitroom.store import EventQuery, open_store
from sitroom.store.migrations import all_migrations, latest_version
from sitroom.store.postgres import CANDIDATES_SQL, PostgresStore

SPECS = [
    ("Kano", 0, 4, ("Violence against civilians", "Attack"), 0, False),
    ("Kano", 0, 6, ("Violence against civilians", "Attack"), 1, True),
    ("Goma", 2, None, ("Battles", "Armed clash"), 2, False),
    ("Mosul", 3, 12, ("Explosions/Remote violence", "Air/drone strike"), 0, True),
    ("Mosul", 3, 15, ("Explosions/Remote violence", "Air/drone strike"), 3, False),
    ("Gao", 5, 1, ("Battles", "Armed clash"), 1, False),
]


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


def test_new_store_records_its_migrations(pg_url: str) -> None:
    with open_store(pg_url) as s:
        assert s.schema_version() == latest_version("postgres") == len(all_migrations("postgres"))
    recorded = rows(pg_url, "SELECT version, name FROM schema_migrations ORDER BY version")
    assert recorded == [(m.version, m.name) for m in all_migrations("postgres")]
    with open_store(pg_url) as s:  # reopening applies nothing twice
        assert s.schema_version() == latest_version("postgres")
    assert len(rows(pg_url, "SELECT * FROM schema_migrations")) == len(all_migrations("postgres"))


def test_refuses_a_newer_schema_and_foreign_databases(pg_server: Server) -> None:
    newer = pg_server.database()
    open_store(newer).close()
    with psycopg.connect(newer) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="newer"):
        open_store(newer)
    foreign = pg_server.database()
    with psycopg.connect(foreign) as con:
        con.execute("CREATE TABLE t (x int)")
    with pytest.raises(StoreError, match="not a sitroom store"):
        open_store(foreign)
    assert rows(foreign, "SELECT count(*) FROM pg_tables WHERE tablename = 'articles'") == [(0,)]


def test_unreachable_server_is_a_one_line_error_without_the_password(pg_server: Server) -> None:
    url = f"postgresql://postgres:s3cret@127.0.0.1:{pg_server.port}/no_such_db"
    with pytest.raises(StoreError) as err:
        open_store(url)
    message = str(err.value)
    assert "s3cret" not in message and "\n" not in message and "no_such_db" in message


def test_same_articles_give_the_same_store_as_sqlite(store: PostgresStore, tmp_path: Any) -> None:
    items = build(SPECS)
    with open_store(str(tmp_path / "ref.db")) as ref:
        expected = [ref.add_analysis(item) for item in items]
        ref_events = [e.to_dict() for e in ref.events()]
        ref_outputs = [ref.article_output(i.article.id) for i in items]
        ref_decisions = {e["id"]: [d.action for d in ref.decisions(e["id"])] for e in ref_events}
        ref_counts = ref.counts()
    got = [store.add_analysis(item) for item in build(SPECS)]
    assert got == expected
    assert [e.to_dict() for e in store.events()] == ref_events
    assert [store.article_output(i.article.id) for i in items] == ref_outputs
    assert {e: [d.action for d in store.decisions(e)] for e in ref_decisions} == ref_decisions
    counts = store.counts()
    assert (counts.articles, counts.reports, counts.events, counts.extra) == (
        ref_counts.articles,
        ref_counts.reports,
        ref_counts.events,
        ref_counts.extra,
    )


def test_tokens_are_kept_hashed(store: PostgresStore, pg_url: str) -> None:
    token = store.add_token("ci")
    assert store.check_token(token) and not store.check_token(token + "x")
    assert token not in str(rows(pg_url, "SELECT * FROM api_tokens"))


def test_place_query_crossing_the_antimeridian(store: PostgresStore) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
    assert len(store.events(EventQuery(near=(12.0, 8.5, 50.0)))) == 1
    assert store.events(EventQuery(near=(-17.0, 179.9, 100.0))) == []
    assert store.count_events(EventQuery(near=(12.0, 8.5, 50.0), text="kano")) == 1


EXPECTED_INDEX = {
    "near": "events_pt",
    "near-dateline": "events_pt",
    "text": "events_search",
    "actor": "events_actors_search",
    "page": "events_pkey",
    "page-newest": "events_pkey",
}


@pytest.fixture(scope="module")
def filled(pg_server: Server) -> Iterator[PostgresStore]:
    store = PostgresStore(pg_server.database("plans"))
    for n in range(20):
        store.add_analysis(analysis(f"Gunmen killed {n} villagers in Kano. Market day."))
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_uses_an_index(filled: PostgresStore, name: str) -> None:
    plan = filled.explain(QUERIES[name])
    text = "\n".join(plan)
    assert "Seq Scan" not in text, f"{name}: {text}"
    assert EXPECTED_INDEX.get(name, "Index") in text, f"{name}: {text}"


@pytest.mark.parametrize("name", ["since", "near", "text", "country", "actor"])
def test_counts_use_an_index(filled: PostgresStore, name: str) -> None:
    text = "\n".join(filled.explain(QUERIES[name], count=True))
    assert "Seq Scan" not in text and EXPECTED_INDEX.get(name, "Index") in text, text


def test_candidate_lookup_uses_blocking_key_index(filled: PostgresStore) -> None:
    text = "\n".join(filled.plan(CANDIDATES_SQL, (["a", "b"],)))
    assert "Seq Scan" not in text and "event_keys_pkey" in text, text


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with psycopg.connect(url) as con:
        for table in (*TABLES, "cannot_link"):
            cur = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
            names = [d.name for d in cur.description or []]
            keep = [i for i, name in enumerate(names) if name not in TIME_COLUMNS]
            out[table] = [tuple(str(row[i]) for i in keep) for row in cur.fetchall()]
    return out


@settings(max_examples=6, deadline=None)
@given(st.lists(article_spec, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_reingesting_changes_nothing(
    pg_server: Server,
    specs: list[tuple[Any, ...]],
    rnd: random.Random,
) -> None:
    url = pg_server.database("idem")
    with open_store(url) as store:
        for item in build(specs):
            store.add_analysis(item)
    before = snapshot(url)
    again = build(specs)
    rnd.shuffle(again)
    with open_store(url) as store:
        assert all(store.add_analysis(item).outcome == "duplicate" for item in again)
    assert snapshot(url) == before


def test_dates_compare_as_iso_text(store: PostgresStore) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano.", incidents=[{"day": None}]))
    store.add_analysis(analysis("Gunmen killed 2 villagers in Goma.", incidents=[{"town": "Goma"}]))
    assert store.count_events(EventQuery(until=dt.date(2024, 3, 1))) == 1
    assert store.count_events() == 2


def test_text_search_ignores_case_and_diacritics(store: PostgresStore, tmp_path: Any) -> None:
    item = analysis("Séléka fighters killed 5 villagers in Gao.", incidents=[{"actor": "Séléka"}])
    store.add_analysis(item)
    for words in ("seleka", "SÉLÉKA", "Séléka villagers", "séléka gao"):
        assert len(store.events(EventQuery(text=words))) == 1, words
    assert len(store.events(EventQuery(actor="Seleka"))) == 1
    assert store.events(EventQuery(actor="villagers gao")) == []  # not actor names
    with open_store(str(tmp_path / "ref.db")) as ref:  # as SQLite answers
        ref.add_analysis(item)
        assert len(ref.events(EventQuery(text="seleka"))) == 1
        assert ref.events(EventQuery(actor="villagers gao")) == []


def test_a_lost_connection_fails_one_call_then_reconnects(
    store: PostgresStore, pg_url: str
) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
    with psycopg.connect(pg_url, autocommit=True) as admin:  # as a server restart would
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    with pytest.raises(StoreError):
        store.counts()
    assert store.counts().events == 1
