"""The SQLite store: one file in WAL mode, one writer (`BEGIN IMMEDIATE`), one
transaction per article, synchronous commits so nothing acknowledged is lost. The
store's logic is shared with PostgreSQL (`sitroom.store.sql`); this module holds the
connection, the migrations, and SQLite's own indexes and query plans.

Time and type queries use B-tree indexes, place queries the `events_rtree` R*Tree and
text queries the `events_fts` FTS5 table; `tests/store/test_indexes.py` checks with
EXPLAIN QUERY PLAN that none of them scans the events table.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitroom.errors import StoreError
from sitroom.store.base import EventQuery
from sitroom.store.common import bounding_box, plain_filters
from sitroom.store.common import canonical_types as canonical_types
from sitroom.store.common import km as _km
from sitroom.store.common import now as _now
from sitroom.store.migrations import latest_version, pending
from sitroom.store.sql import SQLStore, guarded

_SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
WAL_ATTEMPTS = 100


class SQLiteStore(SQLStore):
    DB_ERRORS = (sqlite3.DatabaseError,)
    ORDER = "rowid"

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.url = str(path)
        _check_file(self.path, create)
        try:
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=30.0, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.create_function("km", 4, _km, deterministic=True)
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.url}: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------
    def _configure(self) -> None:
        self._conn.execute("PRAGMA busy_timeout=30000")
        mode = ""
        for _ in range(WAL_ATTEMPTS):  # switching a new file to WAL needs it to itself
            mode = str(self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
            if mode == "wal":
                break
            time.sleep(0.1)
        else:
            raise StoreError(f"cannot open store {self.url}: WAL mode unavailable ({mode})")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")

    def _migrate(self) -> None:
        tables = {
            r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if tables and "schema_migrations" not in tables:
            raise StoreError(f"{self.url} is an SQLite database but not a sitroom store")
        if tables and self._version() == latest_version():
            return  # the common case takes no write lock (readers beside a running ingest)
        with self._transaction():
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for mig in pending(self._version(), where=self.url):
                for statement in mig.statements():
                    self._conn.execute(statement)
                self._conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (mig.version, mig.name, _now()),
                )

    def _version(self) -> int:
        row = self._conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def files(self) -> list[Path]:
        return [self.path] + [self.path.with_name(self.path.name + s) for s in COMPANIONS]

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- the backend's part of the shared logic ---------------------------------------
    def _run(self, sql: str, params: Any = None) -> sqlite3.Cursor:
        return self._conn.execute(sql) if params is None else self._conn.execute(sql, params)

    def _run_many(self, sql: str, rows: Sequence[Any]) -> None:
        self._conn.executemany(sql, rows)

    def _unindex(self, seq: int) -> None:
        self._conn.execute("DELETE FROM events_rtree WHERE seq = ?", (seq,))
        self._conn.execute("DELETE FROM events_fts WHERE rowid = ?", (seq,))

    def _index(self, seq: int, lat: Any, lon: Any, body: str, actors: str) -> None:
        if lat is not None and lon is not None:
            self._conn.execute(
                "INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", (seq, lat, lat, lon, lon)
            )
        self._conn.execute(
            "INSERT INTO events_fts (rowid, body, actors) VALUES (?, ?, ?)", (seq, body, actors)
        )

    def _candidate_ids(self, keys: list[str]) -> list[str]:
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(
            f"SELECT e.id FROM events e WHERE e.id IN "
            f"(SELECT event_id FROM event_keys WHERE key IN ({marks})) ORDER BY e.seq",
            keys,
        ).fetchall()
        return [r["id"] for r in rows]

    def _event_query(self, q: EventQuery, count: bool) -> tuple[str, dict[str, Any]]:
        return event_query_sql(q, count)

    # -- maintenance -----------------------------------------------------------------
    @guarded
    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    @guarded
    def explain(self, query: EventQuery, count: bool = False) -> list[str]:
        """EXPLAIN QUERY PLAN of an events query (tests check it uses indexes)."""
        sql, params = event_query_sql(query, count)
        return [r["detail"] for r in self._conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def event_query_sql(q: EventQuery, count: bool = False) -> tuple[str, dict[str, Any]]:
    """The SELECT for an `EventQuery` (or its count): every filter goes through an index."""
    where, params = plain_filters(q, lambda name: f":{name}")
    fts = []
    if q.text:
        fts.append("{body actors} : (" + _fts_terms(q.text) + ")")
    if q.actor:
        fts.append("actors : (" + _fts_terms(q.actor) + ")")
    if fts:
        where.append("seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)")
        params["fts"] = " AND ".join(fts)
    if q.near:
        lat, lon, radius = q.near
        box = bounding_box(lat, lon, radius)
        where.append(
            "seq IN (SELECT seq FROM events_rtree WHERE max_lat >= :lat0 AND min_lat <= :lat1 "
            "AND max_lon >= :lon0 AND min_lon <= :lon1) AND km(lat, lon, :lat, :lon) <= :km"
        )
        params.update(
            lat0=box.lat0, lat1=box.lat1, lon0=box.lon0, lon1=box.lon1, lat=lat, lon=lon, km=radius
        )
    # with a filter, `+seq` keeps the planner on the filter's index (sorting the few
    # matches) instead of walking the whole table in seq order
    direction = " DESC" if q.newest_first else ""
    order = (" ORDER BY +seq" if where else " ORDER BY seq") + direction
    if count:
        return "SELECT count(*) AS n FROM events" + _where(where), params
    if q.after is not None:
        where.append("seq < :after" if q.newest_first else "seq > :after")
        params["after"] = q.after
    sql = "SELECT seq, id, data, fatalities_low, fatalities_high FROM events" + _where(where)
    sql += order
    if q.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = q.limit
    return sql, params


def _fts_terms(text: str) -> str:
    """User words as quoted FTS5 terms (all required): no query syntax errors."""
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    return " AND ".join(f'"{w}"' for w in words) or '""'


def _check_file(path: Path, create: bool) -> None:
    """Refuse, before SQLite touches it, anything that is not a store we may open."""
    if path.is_dir():
        raise StoreError(f"cannot open store {path}: it is a folder")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path} (run `sitroom ingest` first)")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create store {path}: folder {path.parent} does not exist")
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from exc
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"cannot open store {path}: not an SQLite database")
