"""The SQLite store: one file in WAL mode, one writer (`BEGIN IMMEDIATE`), one
transaction per article, synchronous commits so nothing acknowledged is lost.

Time and type queries use B-tree indexes, place queries the `events_rtree` R*Tree and
text queries the `events_fts` FTS5 table; `tests/store/test_indexes.py` checks with
EXPLAIN QUERY PLAN that none of them scans the events table.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sitroom.errors import StoreError
from sitroom.model import Analysis, Article, stable_id
from sitroom.store import canonical
from sitroom.store.base import (
    AddResult,
    CanonicalEvent,
    EventDetail,
    EventQuery,
    EvidenceView,
    MergeDecision,
    Reject,
    ReportDetail,
    ReportRef,
    Store,
    StoreCounts,
)
from sitroom.store.canonical import Candidate, ReportRecord
from sitroom.store.common import Payload as _Payload
from sitroom.store.common import bounding_box, plain_filters
from sitroom.store.common import canonical_types as canonical_types
from sitroom.store.common import fts_text as _fts_text
from sitroom.store.common import iso as _iso
from sitroom.store.common import km as _km
from sitroom.store.common import now as _now
from sitroom.store.common import payload_from_analysis as _payload_from_analysis
from sitroom.store.common import payload_from_output as _payload_from_output
from sitroom.store.common import to_json as _json
from sitroom.store.common import token_hash as _hash
from sitroom.store.common import validate as _validate
from sitroom.store.migrations import latest_version, pending

_SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
WAL_ATTEMPTS = 100
RECORD_CACHE = 100_000  # stored reports kept parsed for linking
T = TypeVar("T")


def _guarded(fn: Callable[..., T]) -> Callable[..., T]:
    """Serialise calls (one connection, many threads) and turn SQLite failures into
    a one-line `StoreError` at the boundary."""

    @functools.wraps(fn)
    def wrapper(self: SQLiteStore, *args: Any, **kwargs: Any) -> T:
        try:
            with self._lock:
                return fn(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store {self.url}: {exc}") from exc

    return wrapper


class SQLiteStore(Store):
    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.url = str(path)
        self._lock = threading.RLock()
        self._records: dict[tuple[Any, ...], ReportRecord] = {}
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

    @_guarded
    def schema_version(self) -> int:
        return self._version()

    @_guarded
    def counts(self) -> StoreCounts:
        def n(table: str) -> int:
            return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return StoreCounts(
            articles=n("articles"),
            reports=n("reports"),
            events=n("events"),
            rejects=n("rejects"),
            schema_version=self._version(),
            extra={"aliases": n("event_aliases"), "decisions": n("merge_decisions")},
        )

    # -- article writes --------------------------------------------------------------
    @_guarded
    def has_article(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def add_analysis(self, item: Analysis) -> AddResult:
        if item.error is not None:
            return self._add_reject(item)
        return self._add(_payload_from_analysis(item))

    def add_output(self, article: Article, output: dict[str, Any]) -> AddResult:
        if output.get("error"):
            from sitroom.model import ArticleError

            err = output["error"]
            return self._add_reject(
                Analysis(article=article, error=ArticleError(err["code"], err["message"]))
            )
        return self._add(_payload_from_output(article, output))

    @_guarded
    def _add_reject(self, item: Analysis) -> AddResult:
        art, err = item.article, item.error
        if err is None:
            raise ValueError("only an article with an error is a reject")
        key = stable_id(art.id, art.origin, err.code, prefix="x-")
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO rejects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    art.id,
                    art.origin,
                    err.code,
                    err.message[:500],
                    _iso(art.published),
                    art.title,
                    art.source,
                    _now(),
                ),
            )
        return AddResult("rejected", art.id, code=err.code)

    @_guarded
    def _add(self, payload: _Payload) -> AddResult:
        art = payload.article
        _validate(payload)
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (art.id,)).fetchone():
                return AddResult("duplicate", art.id)
            self._insert_article(payload)
            linked = [self._insert_report(payload, n, ev) for n, ev in enumerate(payload.events)]
        event_ids = tuple(event_id for event_id, _ in linked)
        new = sum(1 for _, is_new in linked if is_new)
        return AddResult("stored", art.id, len(event_ids), event_ids, new)

    def _insert_article(self, p: _Payload) -> None:
        a, db = p.article, self._conn
        db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                _iso(a.published),
                a.title,
                a.source,
                a.url,
                a.language,
                a.origin,
                a.text,
                _now(),
            ),
        )
        for n, pl in enumerate(p.places):
            db.execute(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id,
                    n,
                    pl.get("name") or "",
                    pl.get("mention") or "",
                    pl.get("start"),
                    pl.get("end"),
                    pl.get("country"),
                    pl.get("lat"),
                    pl.get("lon"),
                    pl.get("geonames_id"),
                    _json(pl),
                ),
            )
        for n, t in enumerate(p.times):
            db.execute(
                "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, n, t["text"], t["start"], t["end"], t["type"], t["value"], _json(t)),
            )
        for n, s in enumerate(p.statistics):
            db.execute(
                "INSERT INTO statistics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id,
                    n,
                    s.get("quantity"),
                    s.get("qualifier"),
                    s.get("unit") or "",
                    s.get("scope") or "",
                    s.get("since"),
                    s.get("until"),
                    s.get("by"),
                    _json(s),
                ),
            )

    def _insert_report(self, p: _Payload, ordinal: int, ev: dict[str, Any]) -> tuple[str, bool]:
        """Store one report and attach it to a canonical event: (its id, whether new)."""
        db, art = self._conn, p.article
        report_id = self._free_report_id(ev.get("id") or "", art.id, ordinal)
        published = _iso(art.published)
        record = ReportRecord(report_id, art.id, art.source, published, ev, order=1 << 62)
        decision = canonical.decide(record, self._candidates(record))
        event_id = decision.event_id or self._new_event(report_id, ev)
        db.execute(
            "INSERT INTO reports (id, article_id, ordinal, event_id, event_type, "
            "sub_event_type, date, status, fatalities, injured, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                art.id,
                ordinal,
                event_id,
                ev["event_type"],
                ev["sub_event_type"],
                ev.get("date"),
                ev.get("status") or "new",
                ev.get("fatalities"),
                ev.get("injured"),
                _json(ev),
            ),
        )
        for n, span in enumerate(ev.get("evidence") or []):
            c_start, c_end = p.contexts[ordinal][n]
            db.execute(
                "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)",
                (report_id, n, span["start"], span["end"], span["text"], c_start, c_end),
            )
        action = "link" if decision.event_id else "new"
        self._record_decision(
            report_id, event_id, None, action, decision.score, "auto", decision.explanation
        )
        self._refresh_event(event_id)
        return event_id, decision.event_id is None

    def _free_report_id(self, wanted: str, article_id: str, ordinal: int) -> str:
        candidates = [wanted] if wanted else []
        candidates.append(stable_id(article_id, ordinal, prefix="r-"))
        for n in range(100):
            for cand in candidates:
                if not self._conn.execute("SELECT 1 FROM reports WHERE id = ?", (cand,)).fetchone():
                    return cand
            candidates = [stable_id(article_id, ordinal, n, prefix="r-")]
        raise StoreError(f"no free report id for article {article_id}")

    def _free_event_id(self, wanted: str, *salt: object) -> str:
        cand = wanted
        for n in range(100):
            taken = self._conn.execute(
                "SELECT 1 FROM events WHERE id = ? UNION ALL "
                "SELECT 1 FROM event_aliases WHERE alias = ?",
                (cand, cand),
            ).fetchone()
            if not taken:
                return cand
            cand = stable_id(wanted, *salt, n, prefix="e-")
        raise StoreError(f"no free event id for {wanted}")

    def _new_event(self, report_id: str, ev: dict[str, Any]) -> str:
        event_id = self._free_event_id(report_id, "event")
        self._conn.execute(
            "INSERT INTO events (id, event_type, sub_event_type, date_precision, status, "
            "n_reports, data, updated_at) VALUES (?, ?, ?, 'unknown', 'new', 0, '{}', ?)",
            (event_id, ev["event_type"], ev["sub_event_type"], _now()),
        )
        return event_id

    def _candidates(self, record: ReportRecord) -> list[Candidate]:
        """Canonical events filed under one of the report's blocking keys, oldest first."""
        keys = canonical.query_keys(record)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(
            f"SELECT e.id FROM events e WHERE e.id IN "
            f"(SELECT event_id FROM event_keys WHERE key IN ({marks})) ORDER BY e.seq",
            keys,
        ).fetchall()
        return [Candidate(r["id"], tuple(self._report_records(r["id"]))) for r in rows]

    def _report_records(self, event_id: str) -> list[ReportRecord]:
        rows = self._conn.execute(
            "SELECT r.rowid AS n, r.id, r.article_id, r.data, a.source, a.published "
            "FROM reports r JOIN articles a ON a.id = r.article_id "
            "WHERE r.event_id = ? ORDER BY r.rowid",
            (event_id,),
        ).fetchall()
        return [self._record(r) for r in rows]

    def _record(self, row: sqlite3.Row) -> ReportRecord:
        """A stored report as a `ReportRecord`, cached by its full content: reports never
        change once written, and building the merger's view of each is the costly part
        of linking."""
        key = (row["id"], row["n"], row["article_id"], row["source"], row["published"], row["data"])
        record = self._records.get(key)
        if record is None:
            if len(self._records) >= RECORD_CACHE:
                self._records.clear()
            record = ReportRecord(
                row["id"],
                row["article_id"],
                row["source"],
                row["published"],
                json.loads(row["data"]),
                order=row["n"],
            )
            self._records[key] = record
        return record

    def _refresh_event(self, event_id: str) -> None:
        """Recompute a canonical event's summary, spatial entry and text entry."""
        db = self._conn
        records = self._report_records(event_id)
        seq = db.execute("SELECT seq FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        db.execute("DELETE FROM events_rtree WHERE seq = ?", (seq,))
        db.execute("DELETE FROM events_fts WHERE rowid = ?", (seq,))
        db.execute("DELETE FROM event_keys WHERE event_id = ?", (event_id,))
        if not records:
            db.execute("DELETE FROM events WHERE seq = ?", (seq,))
            return
        data, low, high = canonical.summarize(records)
        loc = data.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        db.execute(
            "UPDATE events SET event_type = ?, sub_event_type = ?, date = ?, "
            "date_precision = ?, status = ?, country = ?, lat = ?, lon = ?, fatalities = ?, "
            "fatalities_low = ?, fatalities_high = ?, injured = ?, n_reports = ?, data = ?, "
            "updated_at = ? WHERE seq = ?",
            (
                data["event_type"],
                data["sub_event_type"],
                data.get("date"),
                data.get("date_precision") or "unknown",
                data["status"],
                loc.get("country"),
                lat,
                lon,
                data.get("fatalities"),
                low,
                high,
                data.get("injured"),
                len(records),
                _json(data),
                _now(),
                seq,
            ),
        )
        if lat is not None and lon is not None:
            db.execute("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", (seq, lat, lat, lon, lon))
        keys = {k for r in records for k in canonical.index_keys(r)}
        db.executemany(
            "INSERT INTO event_keys VALUES (?, ?)", [(k, event_id) for k in sorted(keys)]
        )
        body, actors = _fts_text(records)
        db.execute(
            "INSERT INTO events_fts (rowid, body, actors) VALUES (?, ?, ?)", (seq, body, actors)
        )

    def _record_decision(
        self,
        report_id: str | None,
        event_id: str,
        other_id: str | None,
        action: str,
        score: float | None,
        by: str,
        explanation: str,
    ) -> None:
        self._conn.execute(
            "INSERT INTO merge_decisions (report_id, event_id, other_id, action, score, "
            "decided_by, explanation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, event_id, other_id, action, score, by, explanation, _now()),
        )

    # -- user decisions --------------------------------------------------------------
    @_guarded
    def merge_events(self, keep: str, other: str, note: str = "") -> str:
        with self._transaction() as db:
            a, b = self._must_resolve(keep), self._must_resolve(other)
            if a == b:
                raise StoreError(f"{keep} and {other} are already the same event ({a})")
            seqs = {
                r["id"]: r["seq"]
                for r in db.execute("SELECT id, seq FROM events WHERE id IN (?, ?)", (a, b))
            }
            survivor, loser = (a, b) if seqs[a] < seqs[b] else (b, a)
            moved = [
                r[0] for r in db.execute("SELECT id FROM reports WHERE event_id = ?", (loser,))
            ]
            kept = [
                r[0] for r in db.execute("SELECT id FROM reports WHERE event_id = ?", (survivor,))
            ]
            db.execute("UPDATE reports SET event_id = ? WHERE event_id = ?", (survivor, loser))
            db.execute(
                "UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (survivor, loser)
            )
            db.execute(
                "INSERT INTO event_aliases VALUES (?, ?, ?, ?)",
                (loser, survivor, "user merge", _now()),
            )
            for r1 in moved:
                for r2 in kept:
                    db.execute(
                        "DELETE FROM cannot_link WHERE (report_a = ? AND report_b = ?) "
                        "OR (report_a = ? AND report_b = ?)",
                        (r1, r2, r2, r1),
                    )
            self._refresh_event(loser)
            self._refresh_event(survivor)
            self._record_decision(
                None,
                survivor,
                loser,
                "user_merge",
                None,
                "user",
                note or f"user merged {loser} into {survivor}",
            )
        return survivor

    @_guarded
    def split_event(self, event_id: str, report_ids: Sequence[str], note: str = "") -> str:
        with self._transaction() as db:
            canon = self._must_resolve(event_id)
            members = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM reports WHERE event_id = ? ORDER BY rowid", (canon,)
                )
            ]
            wanted = list(dict.fromkeys(report_ids))
            strangers = [r for r in wanted if r not in members]
            if strangers:
                raise StoreError(f"not reports of event {canon}: {', '.join(strangers)}")
            staying = [r for r in members if r not in wanted]
            if not wanted or not staying:
                raise StoreError("a split must leave at least one report on each side")
            new_id = self._free_event_id(stable_id(canon, *sorted(wanted), prefix="e-"), "split")
            ev = json.loads(
                db.execute("SELECT data FROM reports WHERE id = ?", (wanted[0],)).fetchone()[0]
            )
            db.execute(
                "INSERT INTO events (id, event_type, sub_event_type, date_precision, status, "
                "n_reports, data, updated_at) VALUES (?, ?, ?, 'unknown', 'new', 0, '{}', ?)",
                (new_id, ev["event_type"], ev["sub_event_type"], _now()),
            )
            for r in wanted:
                db.execute("UPDATE reports SET event_id = ? WHERE id = ?", (new_id, r))
                for s in staying:
                    db.execute(
                        "INSERT OR IGNORE INTO cannot_link VALUES (?, ?, ?)",
                        (min(r, s), max(r, s), _now()),
                    )
            self._refresh_event(canon)
            self._refresh_event(new_id)
            self._record_decision(
                None,
                canon,
                new_id,
                "user_split",
                None,
                "user",
                note or f"user split {', '.join(wanted)} off into {new_id}",
            )
        return new_id

    def _must_resolve(self, event_id: str) -> str:
        canon = self._resolve(event_id)
        if canon is None:
            raise StoreError(f"no event {event_id}")
        return canon

    # -- reads -----------------------------------------------------------------------
    @_guarded
    def resolve(self, event_id: str) -> str | None:
        return self._resolve(event_id)

    def _resolve(self, event_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT id FROM events WHERE id = :x UNION ALL "
            "SELECT event_id FROM event_aliases WHERE alias = :x UNION ALL "
            "SELECT event_id FROM reports WHERE id = :x LIMIT 1",
            {"x": event_id},
        ).fetchone()
        return row[0] if row else None

    @_guarded
    def events(self, query: EventQuery | None = None) -> list[CanonicalEvent]:
        sql, params = event_query_sql(query or EventQuery())
        rows = self._conn.execute(sql, params).fetchall()
        return [self._canonical(r) for r in rows]

    @_guarded
    def count_events(self, query: EventQuery | None = None) -> int:
        sql, params = event_query_sql(query or EventQuery(), count=True)
        return int(self._conn.execute(sql, params).fetchone()[0])

    def _canonical(self, row: sqlite3.Row) -> CanonicalEvent:
        refs = self._conn.execute(
            "SELECT r.id, r.article_id, a.source, a.published, r.fatalities, r.injured "
            "FROM reports r JOIN articles a ON a.id = r.article_id "
            "WHERE r.event_id = ? ORDER BY r.rowid",
            (row["id"],),
        ).fetchall()
        aliases = self._conn.execute(
            "SELECT alias FROM event_aliases WHERE event_id = ? ORDER BY alias", (row["id"],)
        ).fetchall()
        return CanonicalEvent(
            seq=row["seq"],
            id=row["id"],
            event=json.loads(row["data"]),
            reports=tuple(ReportRef(*r) for r in refs),
            fatalities_low=row["fatalities_low"],
            fatalities_high=row["fatalities_high"],
            aliases=tuple(a[0] for a in aliases),
        )

    @_guarded
    def event(self, event_id: str) -> CanonicalEvent | None:
        canon = self._resolve(event_id)
        if canon is None:
            return None
        row = self._conn.execute("SELECT * FROM events WHERE id = ?", (canon,)).fetchone()
        return self._canonical(row)

    @_guarded
    def event_detail(self, event_id: str) -> EventDetail | None:
        canon = self.event(event_id)
        if canon is None:
            return None
        details = []
        for ref in canon.reports:
            article = self._article(ref.article_id)
            if article is None:
                raise StoreError(f"report {ref.report_id} has no article (damaged store)")
            row = self._conn.execute("SELECT data FROM reports WHERE id = ?", (ref.report_id,))
            spans = self._conn.execute(
                'SELECT start, "end", text, context_start, context_end FROM evidence '
                "WHERE report_id = ? ORDER BY ordinal",
                (ref.report_id,),
            ).fetchall()
            evidence = tuple(
                EvidenceView(s[0], s[1], s[2], s[3], s[4], article.text[s[3] : s[4]]) for s in spans
            )
            details.append(
                ReportDetail(ref.report_id, article, json.loads(row.fetchone()[0]), evidence)
            )
        return EventDetail(canon, tuple(details), tuple(self._decisions(canon)), event_id)

    @_guarded
    def article(self, article_id: str) -> Article | None:
        return self._article(article_id)

    def _article(self, article_id: str) -> Article | None:
        r = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        published = dt.date.fromisoformat(r["published"]) if r["published"] else None
        return Article(
            text=r["text"],
            id=r["id"],
            published=published,
            title=r["title"],
            source=r["source"],
            url=r["url"],
            language=r["language"],
            origin=r["origin"],
        )

    @_guarded
    def article_output(self, article_id: str) -> dict[str, Any] | None:
        article = self._article(article_id)
        if article is None:
            return None

        def rows(sql: str) -> list[Any]:
            return [json.loads(r[0]) for r in self._conn.execute(sql, (article_id,))]

        return {
            "article": article.meta_dict(),
            "events": rows("SELECT data FROM reports WHERE article_id = ? ORDER BY ordinal"),
            "statistics": rows("SELECT data FROM statistics WHERE article_id = ? ORDER BY ordinal"),
            "places": rows("SELECT data FROM places WHERE article_id = ? ORDER BY ordinal"),
            "times": rows("SELECT data FROM times WHERE article_id = ? ORDER BY ordinal"),
        }

    @_guarded
    def rejects(self) -> list[Reject]:
        rows = self._conn.execute(
            "SELECT article_id, origin, code, message, published, rejected_at FROM rejects "
            "WHERE article_id NOT IN (SELECT id FROM articles) ORDER BY rowid"
        ).fetchall()
        return [Reject(*r) for r in rows]

    @_guarded
    def decisions(self, event_id: str) -> list[MergeDecision]:
        canon = self._resolve(event_id)
        return self._decisions(canon) if canon else []

    def _decisions(self, canon: CanonicalEvent | str) -> list[MergeDecision]:
        cid = canon if isinstance(canon, str) else canon.id
        rows = self._conn.execute(
            "SELECT report_id, event_id, other_id, action, score, decided_by, explanation, "
            "created_at FROM merge_decisions WHERE event_id = :e OR other_id = :e "
            "OR event_id IN (SELECT alias FROM event_aliases WHERE event_id = :e) "
            "OR report_id IN (SELECT id FROM reports WHERE event_id = :e) ORDER BY seq",
            {"e": cid},
        ).fetchall()
        return [MergeDecision(*r) for r in rows]

    # -- service and feed state ------------------------------------------------------
    @_guarded
    def add_token(self, name: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._transaction() as db:
            db.execute("INSERT INTO api_tokens VALUES (?, ?, ?)", (_hash(token), name, _now()))
        return token

    @_guarded
    def check_token(self, token: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM api_tokens WHERE token_hash = ?", (_hash(token),)
        ).fetchone()
        return row is not None

    @_guarded
    def feed_state(self, url: str) -> dict[str, Any]:
        row = self._conn.execute("SELECT state FROM feed_state WHERE url = ?", (url,)).fetchone()
        return dict(json.loads(row[0])) if row else {}

    @_guarded
    def set_feed_state(self, url: str, state: dict[str, Any]) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO feed_state VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE "
                "SET state = excluded.state, updated_at = excluded.updated_at",
                (url, _json(state), _now()),
            )

    # -- maintenance -----------------------------------------------------------------
    @_guarded
    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    @_guarded
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
        return "SELECT count(*) FROM events" + _where(where), params
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
