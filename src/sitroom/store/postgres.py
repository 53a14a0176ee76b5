"""The PostgreSQL store, for teams: the same tables, values and semantics as the SQLite
store, shared by many processes.

Every write transaction first takes one transaction-level advisory lock, so writers
queue as SQLite's single writer does: two processes ingesting the same or overlapping
articles never store an article twice nor start the same canonical event twice, and
readers never wait. Time and type queries use B-tree indexes, place queries a GiST
index on `events.pt` behind a bounding-box prefilter, text queries GIN indexes on the
events' tsvectors; `tests/store_pg` checks the plans with EXPLAIN.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg
from psycopg.rows import dict_row

from sitroom.errors import StoreError
from sitroom.model import Analysis, Article, ArticleError, stable_id
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
from sitroom.store.common import (
    Payload,
    bounding_box,
    event_id_candidates,
    fts_text,
    iso,
    now,
    payload_from_analysis,
    payload_from_output,
    plain_filters,
    report_id_candidates,
    to_json,
    token_hash,
    validate,
)
from sitroom.store.migrations import latest_version, pending

DIALECT = "postgres"
WRITE_LOCK = 0x5117_2003  # the advisory lock every sitroom write transaction holds
TEXT_CONFIG = "simple"  # no stemming, as SQLite's unicode61 tokenizer
RECORD_CACHE = 100_000  # stored reports kept parsed for linking
T = TypeVar("T")
Row = dict[str, Any]


def _guarded(fn: Callable[..., T]) -> Callable[..., T]:
    """Serialise calls (one connection, many threads) and turn database failures into
    a one-line `StoreError` at the boundary."""

    @functools.wraps(fn)
    def wrapper(self: PostgresStore, *args: Any, **kwargs: Any) -> T:
        try:
            with self._lock:
                return fn(self, *args, **kwargs)
        except psycopg.Error as exc:
            raise StoreError(f"store {self.url}: {_first_line(exc)}") from exc

    return wrapper


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        self.url = _masked(url)
        self._lock = threading.RLock()
        self._records: dict[tuple[Any, ...], ReportRecord] = {}
        try:
            self._conn: psycopg.Connection[Row] = psycopg.connect(
                url, autocommit=True, row_factory=dict_row
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.url}: {_first_line(exc)}") from exc
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open store {self.url}: {_first_line(exc)}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------
    def _migrate(self) -> None:
        if self._tables() and self._version() == latest_version(DIALECT):
            return  # the common case takes no lock
        with self._transaction():
            tables = self._tables()
            if tables and "schema_migrations" not in tables:
                raise StoreError(f"{self.url} is a PostgreSQL database but not a sitroom store")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for mig in pending(self._version(), DIALECT, where=self.url):
                self._conn.execute(mig.sql.encode("utf-8"))  # no parameters: one script
                self._conn.execute(
                    "INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                    (mig.version, mig.name, now()),
                )

    def _tables(self) -> set[str]:
        rows = self._conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
        return {r["tablename"] for r in rows}

    def _version(self) -> int:
        if "schema_migrations" not in self._tables():
            return 0
        row = self._conn.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()
        return int(row["v"] or 0) if row else 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Row]]:
        """One write transaction, queued behind every other sitroom writer."""
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield self._conn

    def _one(self, sql: str, params: Any = None) -> Row | None:
        return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Any = None) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()

    @_guarded
    def schema_version(self) -> int:
        return self._version()

    @_guarded
    def counts(self) -> StoreCounts:
        def n(table: str) -> int:
            row = self._one(f"SELECT count(*) AS n FROM {table}")
            return int(row["n"]) if row else 0

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
        return self._one("SELECT 1 FROM articles WHERE id = %s", (article_id,)) is not None

    def add_analysis(self, item: Analysis) -> AddResult:
        if item.error is not None:
            return self._add_reject(item)
        return self._add(payload_from_analysis(item))

    def add_output(self, article: Article, output: dict[str, Any]) -> AddResult:
        if output.get("error"):
            err = output["error"]
            return self._add_reject(
                Analysis(article=article, error=ArticleError(err["code"], err["message"]))
            )
        return self._add(payload_from_output(article, output))

    @_guarded
    def _add_reject(self, item: Analysis) -> AddResult:
        art, err = item.article, item.error
        if err is None:
            raise ValueError("only an article with an error is a reject")
        key = stable_id(art.id, art.origin, err.code, prefix="x-")
        with self._transaction() as db:
            db.execute(
                "INSERT INTO rejects (id, article_id, origin, code, message, published, title, "
                "source, rejected_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                (
                    key,
                    art.id,
                    art.origin,
                    err.code,
                    err.message[:500],
                    iso(art.published),
                    art.title,
                    art.source,
                    now(),
                ),
            )
        return AddResult("rejected", art.id, code=err.code)

    @_guarded
    def _add(self, payload: Payload) -> AddResult:
        art = payload.article
        validate(payload)
        with self._transaction():
            if self._one("SELECT 1 FROM articles WHERE id = %s", (art.id,)):
                return AddResult("duplicate", art.id)
            self._insert_article(payload)
            linked = [self._insert_report(payload, n, ev) for n, ev in enumerate(payload.events)]
        event_ids = tuple(event_id for event_id, _ in linked)
        new = sum(1 for _, is_new in linked if is_new)
        return AddResult("stored", art.id, len(event_ids), event_ids, new)

    def _insert_article(self, p: Payload) -> None:
        a, db = p.article, self._conn
        db.execute(
            "INSERT INTO articles VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (a.id, iso(a.published), a.title, a.source, a.url, a.language, a.origin, a.text, now()),
        )
        with db.cursor() as cur:
            cur.executemany(
                "INSERT INTO places VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [_place_row(a.id, n, pl) for n, pl in enumerate(p.places)],
            )
            cur.executemany(
                "INSERT INTO times VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (a.id, n, t["text"], t["start"], t["end"], t["type"], t["value"], to_json(t))
                    for n, t in enumerate(p.times)
                ],
            )
            cur.executemany(
                "INSERT INTO statistics VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [_statistic_row(a.id, n, s) for n, s in enumerate(p.statistics)],
            )

    def _insert_report(self, p: Payload, ordinal: int, ev: dict[str, Any]) -> tuple[str, bool]:
        """Store one report and attach it to a canonical event: (its id, whether new)."""
        db, art = self._conn, p.article
        report_id = self._free_report_id(ev.get("id") or "", art.id, ordinal)
        published = iso(art.published)
        record = ReportRecord(report_id, art.id, art.source, published, ev, order=1 << 62)
        decision = canonical.decide(record, self._candidates(record))
        event_id = decision.event_id or self._new_event(report_id, ev)
        db.execute(
            "INSERT INTO reports (id, article_id, ordinal, event_id, event_type, "
            "sub_event_type, date, status, fatalities, injured, data) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
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
                to_json(ev),
            ),
        )
        spans = [
            (report_id, n, s["start"], s["end"], s["text"], *p.contexts[ordinal][n])
            for n, s in enumerate(ev.get("evidence") or [])
        ]
        with db.cursor() as cur:
            cur.executemany(
                "INSERT INTO evidence VALUES (%s, %s, %s, %s, %s, %s, %s)",
                spans,
            )
        action = "link" if decision.event_id else "new"
        self._record_decision(
            report_id, event_id, None, action, decision.score, "auto", decision.explanation
        )
        self._refresh_event(event_id)
        return event_id, decision.event_id is None

    def _free_report_id(self, wanted: str, article_id: str, ordinal: int) -> str:
        for group in report_id_candidates(wanted, article_id, ordinal):
            for cand in group:
                if not self._one("SELECT 1 FROM reports WHERE id = %s", (cand,)):
                    return cand
        raise StoreError(f"no free report id for article {article_id}")

    def _free_event_id(self, wanted: str, *salt: object) -> str:
        for cand in event_id_candidates(wanted, *salt):
            taken = self._one(
                "SELECT 1 FROM events WHERE id = %(x)s UNION ALL "
                "SELECT 1 FROM event_aliases WHERE alias = %(x)s",
                {"x": cand},
            )
            if not taken:
                return cand
        raise StoreError(f"no free event id for {wanted}")

    def _new_event(self, report_id: str, ev: dict[str, Any], *salt: object) -> str:
        event_id = self._free_event_id(report_id, *(salt or ("event",)))
        self._insert_event(event_id, ev)
        return event_id

    def _insert_event(self, event_id: str, ev: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO events (id, event_type, sub_event_type, date_precision, status, "
            "n_reports, data, updated_at) VALUES (%s, %s, %s, 'unknown', 'new', 0, '{}', %s)",
            (event_id, ev["event_type"], ev["sub_event_type"], now()),
        )

    def _candidates(self, record: ReportRecord) -> list[Candidate]:
        """Canonical events filed under one of the report's blocking keys, oldest first."""
        keys = canonical.query_keys(record)
        if not keys:
            return []
        rows = self._all(CANDIDATES_SQL, (keys,))
        return [Candidate(r["id"], tuple(self._report_records(r["id"]))) for r in rows]

    def _report_records(self, event_id: str) -> list[ReportRecord]:
        rows = self._all(
            "SELECT r.seq AS n, r.id, r.article_id, r.data, a.source, a.published "
            "FROM reports r JOIN articles a ON a.id = r.article_id "
            "WHERE r.event_id = %s ORDER BY r.seq",
            (event_id,),
        )
        return [self._record(r) for r in rows]

    def _record(self, row: Row) -> ReportRecord:
        """A stored report as a `ReportRecord`, cached by its full content (reports never
        change once written; building the merger's view of each is the costly part)."""
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
        """Recompute a canonical event's summary, place point, text vectors and keys."""
        db = self._conn
        records = self._report_records(event_id)
        db.execute("DELETE FROM event_keys WHERE event_id = %s", (event_id,))
        if not records:
            db.execute("DELETE FROM events WHERE id = %s", (event_id,))
            return
        data, low, high = canonical.summarize(records)
        loc = data.get("location") or {}
        body, actors = fts_text(records)
        db.execute(
            "UPDATE events SET event_type = %(event_type)s, sub_event_type = %(sub)s, "
            "date = %(date)s, date_precision = %(precision)s, status = %(status)s, "
            "country = %(country)s, lat = %(lat)s, lon = %(lon)s, "
            "pt = point(%(lon)s::float8, %(lat)s::float8), fatalities = %(fatalities)s, "
            "fatalities_low = %(low)s, fatalities_high = %(high)s, injured = %(injured)s, "
            "n_reports = %(n)s, data = %(data)s, "
            f"search = to_tsvector('{TEXT_CONFIG}', %(body)s || E'\\n' || %(actors)s), "
            f"actors_search = to_tsvector('{TEXT_CONFIG}', %(actors)s), "
            "updated_at = %(now)s WHERE id = %(id)s",
            {
                "event_type": data["event_type"],
                "sub": data["sub_event_type"],
                "date": data.get("date"),
                "precision": data.get("date_precision") or "unknown",
                "status": data["status"],
                "country": loc.get("country"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "fatalities": data.get("fatalities"),
                "low": low,
                "high": high,
                "injured": data.get("injured"),
                "n": len(records),
                "data": to_json(data),
                "body": body,
                "actors": actors,
                "now": now(),
                "id": event_id,
            },
        )
        keys = sorted({k for r in records for k in canonical.index_keys(r)})
        with db.cursor() as cur:
            cur.executemany("INSERT INTO event_keys VALUES (%s, %s)", [(k, event_id) for k in keys])

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
            "decided_by, explanation, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (report_id, event_id, other_id, action, score, by, explanation, now()),
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
                for r in self._all("SELECT id, seq FROM events WHERE id IN (%s, %s)", (a, b))
            }
            survivor, loser = (a, b) if seqs[a] < seqs[b] else (b, a)
            moved = self._member_ids(loser)
            kept = self._member_ids(survivor)
            db.execute("UPDATE reports SET event_id = %s WHERE event_id = %s", (survivor, loser))
            db.execute(
                "UPDATE event_aliases SET event_id = %s WHERE event_id = %s", (survivor, loser)
            )
            db.execute(
                "INSERT INTO event_aliases VALUES (%s, %s, %s, %s)",
                (loser, survivor, "user merge", now()),
            )
            pairs = [(r1, r2) for r1 in moved for r2 in kept]
            with db.cursor() as cur:
                cur.executemany(
                    "DELETE FROM cannot_link WHERE (report_a = %(a)s AND report_b = %(b)s) "
                    "OR (report_a = %(b)s AND report_b = %(a)s)",
                    [{"a": r1, "b": r2} for r1, r2 in pairs],
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

    def _member_ids(self, event_id: str) -> list[str]:
        rows = self._all("SELECT id FROM reports WHERE event_id = %s ORDER BY seq", (event_id,))
        return [r["id"] for r in rows]

    @_guarded
    def split_event(self, event_id: str, report_ids: Sequence[str], note: str = "") -> str:
        with self._transaction() as db:
            canon = self._must_resolve(event_id)
            members = self._member_ids(canon)
            wanted = list(dict.fromkeys(report_ids))
            strangers = [r for r in wanted if r not in members]
            if strangers:
                raise StoreError(f"not reports of event {canon}: {', '.join(strangers)}")
            staying = [r for r in members if r not in wanted]
            if not wanted or not staying:
                raise StoreError("a split must leave at least one report on each side")
            new_id = self._free_event_id(stable_id(canon, *sorted(wanted), prefix="e-"), "split")
            row = self._one("SELECT data FROM reports WHERE id = %s", (wanted[0],))
            self._insert_event(new_id, json.loads(row["data"]) if row else {})
            for r in wanted:
                db.execute("UPDATE reports SET event_id = %s WHERE id = %s", (new_id, r))
                with db.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO cannot_link VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                        [(min(r, s), max(r, s), now()) for s in staying],
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
        for sql in (
            "SELECT id AS e FROM events WHERE id = %s",
            "SELECT event_id AS e FROM event_aliases WHERE alias = %s",
            "SELECT event_id AS e FROM reports WHERE id = %s",
        ):
            row = self._one(sql, (event_id,))
            if row:
                return str(row["e"])
        return None

    @_guarded
    def events(self, query: EventQuery | None = None) -> list[CanonicalEvent]:
        sql, params = event_query_sql(query or EventQuery())
        return [self._canonical(r) for r in self._all(sql, params)]

    @_guarded
    def count_events(self, query: EventQuery | None = None) -> int:
        sql, params = event_query_sql(query or EventQuery(), count=True)
        row = self._one(sql, params)
        return int(row["n"]) if row else 0

    def _canonical(self, row: Row) -> CanonicalEvent:
        refs = self._all(
            "SELECT r.id AS report_id, r.article_id, a.source, a.published, r.fatalities, "
            "r.injured FROM reports r JOIN articles a ON a.id = r.article_id "
            "WHERE r.event_id = %s ORDER BY r.seq",
            (row["id"],),
        )
        aliases = self._all(
            'SELECT alias FROM event_aliases WHERE event_id = %s ORDER BY alias COLLATE "C"',
            (row["id"],),
        )
        return CanonicalEvent(
            seq=row["seq"],
            id=row["id"],
            event=json.loads(row["data"]),
            reports=tuple(ReportRef(**r) for r in refs),
            fatalities_low=row["fatalities_low"],
            fatalities_high=row["fatalities_high"],
            aliases=tuple(a["alias"] for a in aliases),
        )

    @_guarded
    def event(self, event_id: str) -> CanonicalEvent | None:
        canon = self._resolve(event_id)
        if canon is None:
            return None
        row = self._one("SELECT * FROM events WHERE id = %s", (canon,))
        return self._canonical(row) if row else None

    @_guarded
    def event_detail(self, event_id: str) -> EventDetail | None:
        canon = self.event(event_id)
        if canon is None:
            return None
        details = [self._report_detail(ref) for ref in canon.reports]
        return EventDetail(canon, tuple(details), tuple(self._decisions(canon.id)), event_id)

    def _report_detail(self, ref: ReportRef) -> ReportDetail:
        article = self._article(ref.article_id)
        if article is None:
            raise StoreError(f"report {ref.report_id} has no article (damaged store)")
        row = self._one("SELECT data FROM reports WHERE id = %s", (ref.report_id,))
        spans = self._all(
            'SELECT start, "end", text, context_start, context_end FROM evidence '
            "WHERE report_id = %s ORDER BY ordinal",
            (ref.report_id,),
        )
        evidence = tuple(
            EvidenceView(
                s["start"],
                s["end"],
                s["text"],
                s["context_start"],
                s["context_end"],
                article.text[s["context_start"] : s["context_end"]],
            )
            for s in spans
        )
        data = json.loads(row["data"]) if row else {}
        return ReportDetail(ref.report_id, article, data, evidence)

    @_guarded
    def article(self, article_id: str) -> Article | None:
        return self._article(article_id)

    def _article(self, article_id: str) -> Article | None:
        import datetime as dt

        r = self._one("SELECT * FROM articles WHERE id = %s", (article_id,))
        if r is None:
            return None
        return Article(
            text=r["text"],
            id=r["id"],
            published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
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

        def rows(table: str) -> list[Any]:
            sql = f"SELECT data FROM {table} WHERE article_id = %s ORDER BY ordinal"
            return [json.loads(r["data"]) for r in self._all(sql, (article_id,))]

        return {
            "article": article.meta_dict(),
            "events": rows("reports"),
            "statistics": rows("statistics"),
            "places": rows("places"),
            "times": rows("times"),
        }

    @_guarded
    def rejects(self) -> list[Reject]:
        rows = self._all(
            "SELECT article_id, origin, code, message, published, rejected_at FROM rejects "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = rejects.article_id) "
            "ORDER BY seq"
        )
        return [Reject(**r) for r in rows]

    @_guarded
    def decisions(self, event_id: str) -> list[MergeDecision]:
        canon = self._resolve(event_id)
        return self._decisions(canon) if canon else []

    def _decisions(self, cid: str) -> list[MergeDecision]:
        rows = self._all(
            "SELECT report_id, event_id, other_id, action, score, decided_by, explanation, "
            "created_at FROM merge_decisions WHERE event_id = %(e)s OR other_id = %(e)s "
            "OR event_id IN (SELECT alias FROM event_aliases WHERE event_id = %(e)s) "
            "OR report_id IN (SELECT id FROM reports WHERE event_id = %(e)s) ORDER BY seq",
            {"e": cid},
        )
        return [MergeDecision(**r) for r in rows]

    # -- service and feed state ------------------------------------------------------
    @_guarded
    def add_token(self, name: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO api_tokens VALUES (%s, %s, %s)", (token_hash(token), name, now())
            )
        return token

    @_guarded
    def check_token(self, token: str) -> bool:
        row = self._one("SELECT 1 FROM api_tokens WHERE token_hash = %s", (token_hash(token),))
        return row is not None

    @_guarded
    def feed_state(self, url: str) -> dict[str, Any]:
        row = self._one("SELECT state FROM feed_state WHERE url = %s", (url,))
        return dict(json.loads(row["state"])) if row else {}

    @_guarded
    def set_feed_state(self, url: str, state: dict[str, Any]) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO feed_state VALUES (%s, %s, %s) ON CONFLICT (url) DO UPDATE "
                "SET state = excluded.state, updated_at = excluded.updated_at",
                (url, to_json(state), now()),
            )

    # -- maintenance -----------------------------------------------------------------
    @_guarded
    def explain(self, query: EventQuery, count: bool = False) -> list[str]:
        """The plan of an events query with sequential scans priced out, so the plan
        shows whether an index can answer it however small the test table is."""
        sql, params = event_query_sql(query, count)
        return self.plan(sql, params)

    @_guarded
    def plan(self, sql: str, params: Any = None) -> list[str]:
        with self._conn.transaction():
            self._conn.execute("SET LOCAL enable_seqscan = off")
            rows = self._conn.execute("EXPLAIN " + sql, params).fetchall()
        return [str(next(iter(r.values()))) for r in rows]


CANDIDATES_SQL = (
    "SELECT e.id FROM events e WHERE e.id IN "
    "(SELECT event_id FROM event_keys WHERE key = ANY(%s)) ORDER BY e.seq"
)


def event_query_sql(q: EventQuery, count: bool = False) -> tuple[str, dict[str, Any]]:
    """The SELECT for an `EventQuery` (or its count): every filter goes through an index."""
    where, params = plain_filters(q, lambda name: f"%({name})s")
    if q.text:
        where.append(f"search @@ plainto_tsquery('{TEXT_CONFIG}', %(text)s)")
        params["text"] = q.text
    if q.actor:
        where.append(f"actors_search @@ plainto_tsquery('{TEXT_CONFIG}', %(actor)s)")
        params["actor"] = q.actor
    if q.near:
        lat, lon, radius = q.near
        box = bounding_box(lat, lon, radius)
        where.append(
            "pt <@ box(point(%(lon0)s::float8, %(lat0)s::float8), "
            "point(%(lon1)s::float8, %(lat1)s::float8)) "
            "AND sitroom_km(lat, lon, %(lat)s::float8, %(lon)s::float8) <= %(km)s::float8"
        )
        params.update(
            lat0=box.lat0, lat1=box.lat1, lon0=box.lon0, lon1=box.lon1, lat=lat, lon=lon, km=radius
        )
    if count:
        return "SELECT count(*) AS n FROM events" + _where(where), params
    if q.after is not None:
        where.append("seq < %(after)s" if q.newest_first else "seq > %(after)s")
        params["after"] = q.after
    sql = "SELECT seq, id, data, fatalities_low, fatalities_high FROM events" + _where(where)
    sql += " ORDER BY seq" + (" DESC" if q.newest_first else "")
    if q.limit is not None:
        sql += " LIMIT %(limit)s"
        params["limit"] = q.limit
    return sql, params


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _place_row(article_id: str, n: int, pl: dict[str, Any]) -> tuple[Any, ...]:
    return (
        article_id,
        n,
        pl.get("name") or "",
        pl.get("mention") or "",
        pl.get("start"),
        pl.get("end"),
        pl.get("country"),
        pl.get("lat"),
        pl.get("lon"),
        pl.get("geonames_id"),
        to_json(pl),
    )


def _statistic_row(article_id: str, n: int, s: dict[str, Any]) -> tuple[Any, ...]:
    return (
        article_id,
        n,
        s.get("quantity"),
        s.get("qualifier"),
        s.get("unit") or "",
        s.get("scope") or "",
        s.get("since"),
        s.get("until"),
        s.get("by"),
        to_json(s),
    )


def _masked(url: str) -> str:
    """The URL with its password hidden (it appears in error messages)."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
