"""The PostgreSQL store, for teams: the same tables, values and semantics as the SQLite
store (the logic is shared, in `sitroom.store.sql`), open to many processes at once.

Every write transaction first takes one transaction-level advisory lock, so writers
queue as SQLite's single writer does: two processes ingesting the same or overlapping
articles never store an article twice nor start the same canonical event twice, and
readers never wait. Time and type queries use B-tree indexes, place queries a GiST
index on `events.pt` behind a bounding-box prefilter, text queries GIN indexes on the
events' tsvectors; `tests/store_pg` checks the plans with EXPLAIN.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from sitroom.errors import StoreError
from sitroom.store.base import EventQuery
from sitroom.store.common import bounding_box, now, plain_filters
from sitroom.store.migrations import latest_version, pending
from sitroom.store.sql import SQLStore, first_line, guarded

DIALECT = "postgres"
WRITE_LOCK = 0x5117_2003  # the advisory lock every sitroom write transaction holds
TEXT_CONFIG = "simple"  # no stemming, as SQLite's unicode61 tokenizer
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """A statement with `?` and `:name` placeholders in psycopg's style."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%").replace("?", "%s"))


class PostgresStore(SQLStore):
    DB_ERRORS = (psycopg.Error,)
    ORDER = "seq"
    BINARY = ' COLLATE "C"'

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = _masked(url)
        self._dsn = url
        self._conn = self._connect()
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open store {self.url}: {first_line(exc)}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection[dict[str, Any]]:
        try:
            return psycopg.connect(self._dsn, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.url}: {first_line(exc)}") from exc

    def _ensure_open(self) -> None:
        if self._conn.broken:
            self._conn.close()
            self._conn = self._connect()

    def _migrate(self) -> None:
        if self._tables() and self._version() == latest_version(DIALECT):
            return  # the common case takes no lock
        with self._transaction():
            tables = self._tables()
            if tables and "schema_migrations" not in tables:
                raise StoreError(f"{self.url} is a PostgreSQL database but not a sitroom store")
            self._run(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for mig in pending(self._version(), DIALECT, where=self.url):
                self._conn.execute(mig.sql.encode("utf-8"))  # no parameters: one script
                self._run(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (mig.version, mig.name, now()),
                )

    def _tables(self) -> set[str]:
        rows = self._all("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {r["tablename"] for r in rows}

    def _version(self) -> int:
        if "schema_migrations" not in self._tables():
            return 0
        return int(self._one("SELECT max(version) AS v FROM schema_migrations")["v"] or 0)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, queued behind every other sitroom writer."""
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield

    # -- the backend's part of the shared logic ---------------------------------------
    def _run(self, sql: str, params: Any = None) -> psycopg.Cursor[dict[str, Any]]:
        return self._conn.execute(pg_sql(sql), params)

    def _run_many(self, sql: str, rows: Sequence[Any]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(pg_sql(sql), rows)

    def _unindex(self, seq: int) -> None:
        """Nothing to do: an event's point and text vectors live in its own row and are
        rewritten by `_index` (or go with the row)."""

    def _index(self, seq: int, lat: Any, lon: Any, body: str, actors: str) -> None:
        self._run(
            "UPDATE events SET pt = point(:lon::float8, :lat::float8), "
            f"search = to_tsvector('{TEXT_CONFIG}', :body || E'\\n' || :actors), "
            f"actors_search = to_tsvector('{TEXT_CONFIG}', :actors) WHERE seq = :seq",
            {"lat": lat, "lon": lon, "body": fold(body), "actors": fold(actors), "seq": seq},
        )

    def _candidate_ids(self, keys: list[str]) -> list[str]:
        return [r["id"] for r in self._all(CANDIDATES_SQL, (keys,))]

    def _event_query(self, q: EventQuery, count: bool) -> tuple[str, dict[str, Any]]:
        return event_query_sql(q, count)

    # -- maintenance -----------------------------------------------------------------
    @guarded
    def explain(self, query: EventQuery, count: bool = False) -> list[str]:
        """The plan of an events query with sequential scans priced out, so the plan
        shows whether an index can answer it however small the test table is."""
        sql, params = event_query_sql(query, count)
        return self.plan(sql, params)

    @guarded
    def plan(self, sql: str, params: Any = None) -> list[str]:
        """EXPLAIN of a statement in `?`/`:name` style, sequential scans priced out."""
        with self._conn.transaction():
            self._conn.execute("SET LOCAL enable_seqscan = off")
            rows = self._run("EXPLAIN " + sql, params).fetchall()
        return [str(next(iter(r.values()))) for r in rows]


CANDIDATES_SQL = (
    "SELECT e.id FROM events e WHERE e.id IN "
    "(SELECT event_id FROM event_keys WHERE key = ANY(?)) ORDER BY e.seq"
)


def event_query_sql(q: EventQuery, count: bool = False) -> tuple[str, dict[str, Any]]:
    """The SELECT for an `EventQuery` (or its count): every filter goes through an index."""
    where, params = plain_filters(q, lambda name: f":{name}")
    if q.text:
        where.append(f"search @@ plainto_tsquery('{TEXT_CONFIG}', :text)")
        params["text"] = fold(q.text)
    if q.actor:
        where.append(f"actors_search @@ plainto_tsquery('{TEXT_CONFIG}', :actor)")
        params["actor"] = fold(q.actor)
    if q.near:
        lat, lon, radius = q.near
        box = bounding_box(lat, lon, radius)
        where.append(
            "pt <@ box(point(:lon0::float8, :lat0::float8), "
            "point(:lon1::float8, :lat1::float8)) "
            "AND sitroom_km(lat, lon, :lat::float8, :lon::float8) <= :km::float8"
        )
        params.update(
            lat0=box.lat0, lat1=box.lat1, lon0=box.lon0, lon1=box.lon1, lat=lat, lon=lon, km=radius
        )
    if count:
        return "SELECT count(*) AS n FROM events" + _where(where), params
    if q.after is not None:
        where.append("seq < :after" if q.newest_first else "seq > :after")
        params["after"] = q.after
    sql = "SELECT seq, id, data, fatalities_low, fatalities_high FROM events" + _where(where)
    sql += " ORDER BY seq" + (" DESC" if q.newest_first else "")
    if q.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = q.limit
    return sql, params


def fold(text: str) -> str:
    """Text without diacritics, for the text vectors and their queries alike: 'Séléka'
    finds 'Seleka' and back, as SQLite's `remove_diacritics` tokenizer does, without
    needing the `unaccent` extension on the server."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _masked(url: str) -> str:
    """The URL with its password hidden (it appears in error messages)."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)
