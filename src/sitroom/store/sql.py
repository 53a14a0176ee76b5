"""The store's logic over any SQL database, written once: an article's transaction
(article, places, times, statistics, reports, evidence, canonical linking and merge
decisions), user merges and splits, and every read.

Statements use `?` and `:name` placeholders; a backend translates them to its own
style (`_sql`), runs them (`_run`, `_run_many`, `_transaction`) and maintains its own
place and text indexes (`_unindex`, `_index`), candidate lookup and query builder.
`SQLiteStore` and `PostgresStore` are the two backends.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import secrets
import threading
from abc import abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from sitroom.errors import StoreError
from sitroom.merge import articles as near
from sitroom.model import Analysis, Article, ArticleError, stable_id
from sitroom.store import canonical
from sitroom.store.base import (
    AddResult,
    CanonicalEvent,
    CopyRef,
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
    event_id_candidates,
    fts_text,
    iso,
    now,
    payload_from_analysis,
    payload_from_output,
    report_id_candidates,
    to_json,
    token_hash,
    validate,
)

RECORD_CACHE = 100_000  # stored reports kept parsed for linking
ID_BATCH = 500  # ids per IN (...) list, well under SQLite's limit on parameters
# Below this many distinct 3-word shingles only an identical text is a copy: one-line
# leads written from a template ("N villagers killed in X ...") overlap as much as a
# lightly edited copy does, yet report different incidents.
COPY_MIN_SHINGLES = 40
T = TypeVar("T")


def guarded(fn: Callable[..., T]) -> Callable[..., T]:
    """Serialise calls (one connection, many threads) and turn database failures into
    a one-line `StoreError` at the boundary."""

    @functools.wraps(fn)
    def wrapper(self: SQLStore, *args: Any, **kwargs: Any) -> T:
        try:
            with self._lock:
                self._ensure_open()
                return fn(self, *args, **kwargs)
        except self.DB_ERRORS as exc:
            raise StoreError(f"store {self.url}: {first_line(exc)}") from exc

    return wrapper


class SQLStore(Store):
    """A store over one SQL connection (see the module docstring)."""

    DB_ERRORS: tuple[type[Exception], ...] = ()
    ORDER = "rowid"  # the column giving reports' and rejects' storage order
    BINARY = ""  # the collation clause that sorts strings by code point

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._records: dict[tuple[Any, ...], ReportRecord] = {}

    # -- what a backend provides -----------------------------------------------------
    @abstractmethod
    def _run(self, sql: str, params: Any = None) -> Any:
        """Execute one statement; the result has `fetchone` and `fetchall`, and rows are
        addressed by column name."""

    @abstractmethod
    def _run_many(self, sql: str, rows: Sequence[Any]) -> None: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """One write transaction, queued behind the database's other writers."""

    @abstractmethod
    def _version(self) -> int: ...

    @abstractmethod
    def _unindex(self, seq: int) -> None:
        """Remove an event from the place and text indexes kept outside its row."""

    @abstractmethod
    def _index(self, seq: int, lat: Any, lon: Any, body: str, actors: str) -> None:
        """File an event in the place and text indexes."""

    @abstractmethod
    def _candidate_ids(self, keys: list[str]) -> list[str]:
        """Canonical events filed under any of the blocking keys, oldest first."""

    @abstractmethod
    def _event_query(self, q: EventQuery, count: bool) -> tuple[str, dict[str, Any]]: ...

    def _ensure_open(self) -> None:
        """Before each call: a backend whose connection can break (a server restart)
        reconnects here, so one failed call does not fail every later one."""

    def _one(self, sql: str, params: Any = None) -> Any:
        return self._run(sql, params).fetchone()

    def _all(self, sql: str, params: Any = None) -> list[Any]:
        return list(self._run(sql, params).fetchall())

    # -- lifecycle -------------------------------------------------------------------
    @guarded
    def schema_version(self) -> int:
        return self._version()

    @guarded
    def counts(self) -> StoreCounts:
        def n(table: str) -> int:
            return int(self._one(f"SELECT count(*) AS n FROM {table}")["n"])

        return StoreCounts(
            articles=n("articles"),
            reports=n("reports"),
            events=n("events"),
            rejects=n("rejects"),
            schema_version=self._version(),
            extra={
                "aliases": n("event_aliases"),
                "decisions": n("merge_decisions"),
                "copies": n("article_copies"),
            },
        )

    # -- article writes --------------------------------------------------------------
    @guarded
    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

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

    @guarded
    def _add_reject(self, item: Analysis) -> AddResult:
        art, err = item.article, item.error
        if err is None:
            raise ValueError("only an article with an error is a reject")
        key = stable_id(art.id, art.origin, err.code, prefix="x-")
        with self._transaction():
            self._run(
                "INSERT INTO rejects (id, article_id, origin, code, message, published, title, "
                "source, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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

    @guarded
    def _add(self, payload: Payload) -> AddResult:
        art = payload.article
        validate(payload)
        sig = near.signature(art.text)
        with self._transaction():
            if self._one("SELECT 1 FROM articles WHERE id = ?", (art.id,)):
                return AddResult("duplicate", art.id)
            copy = self._copy_of(sig, bool(payload.events))
            self._insert_article(payload)
            self._file_signature(art.id, sig)
            if copy is not None:
                self._link_copy(payload, *copy)
                return AddResult("stored", art.id, copy_of=copy[0])
            linked = [self._insert_report(payload, n, ev) for n, ev in enumerate(payload.events)]
        event_ids = tuple(event_id for event_id, _ in linked)
        new = sum(1 for _, is_new in linked if is_new)
        return AddResult("stored", art.id, len(event_ids), event_ids, new)

    # -- near-duplicate articles -----------------------------------------------------
    def _file_signature(self, article_id: str, sig: near.Signature) -> None:
        """Keep the article's signature and file it under its LSH band keys."""
        keys = near.band_keys(sig)
        if not keys:
            return
        self._run("INSERT INTO article_signatures VALUES (?, ?)", (article_id, sig.to_bytes()))
        self._run_many(
            "INSERT INTO article_bands VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(k, article_id) for k in keys],
        )

    def _copy_of(self, sig: near.Signature, has_events: bool) -> tuple[str, float] | None:
        """The first-stored article that a new one nearly duplicates, and their
        estimated containment; None for an original. Candidates come from the band-key
        index (no scan) and are confirmed with `near_duplicate`. A copy whose original
        gave no incidents while the copy does is kept as an original, so an incident
        the first extraction missed is not lost."""
        keys = near.band_keys(sig)
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self._all(
            "SELECT s.article_id, s.signature FROM article_signatures s WHERE s.article_id IN "
            f"(SELECT article_id FROM article_bands WHERE band_key IN ({marks}))",
            keys,
        )
        found = []
        for r in rows:
            other = near.Signature.from_bytes(bytes(r["signature"]))
            if _is_copy(other, sig):
                found.append((-other.jaccard(sig), r["article_id"], other.containment(sig)))
        if not found:
            return None
        _, best, similarity = min(found)
        row = self._one("SELECT duplicate_of FROM article_copies WHERE article_id = ?", (best,))
        original = row["duplicate_of"] if row else best
        if has_events and not self._one("SELECT 1 FROM reports WHERE article_id = ?", (original,)):
            return None
        return original, similarity

    def _link_copy(self, p: Payload, original: str, similarity: float) -> None:
        """Record the article as a copy of `original`: no reports of its own (it
        would otherwise count as a second, independent confirmation of each incident),
        and a `copy` decision on every event the original reports, saying why."""
        art = p.article
        row = self._one("SELECT source FROM articles WHERE id = ?", (original,))
        why = (
            f"article {art.id} ({art.source or 'no source'}) is a near-duplicate of "
            f"{original} ({(row and row['source']) or 'no source'}), estimated containment "
            f"{similarity:.2f}: listed as a copy, not counted as an independent report "
            f"({len(p.events)} incident(s) it gives not stored as reports)"
        )
        self._run(
            "INSERT INTO article_copies VALUES (?, ?, ?, ?, ?)",
            (art.id, original, similarity, why, now()),
        )
        events = self._all(
            "SELECT DISTINCT event_id FROM reports WHERE article_id = ? ORDER BY event_id",
            (original,),
        )
        for e in events:
            self._record_decision(None, e["event_id"], art.id, "copy", similarity, "auto", why)

    def _insert_article(self, p: Payload) -> None:
        a = p.article
        self._run(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, iso(a.published), a.title, a.source, a.url, a.language, a.origin, a.text, now()),
        )
        self._run_many(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_place_row(a.id, n, pl) for n, pl in enumerate(p.places)],
        )
        self._run_many(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, n, t["text"], t["start"], t["end"], t["type"], t["value"], to_json(t))
                for n, t in enumerate(p.times)
            ],
        )
        self._run_many(
            "INSERT INTO statistics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_statistic_row(a.id, n, s) for n, s in enumerate(p.statistics)],
        )

    def _insert_report(self, p: Payload, ordinal: int, ev: dict[str, Any]) -> tuple[str, bool]:
        """Store one report and attach it to a canonical event: (its id, whether new)."""
        art = p.article
        report_id = self._free_report_id(ev.get("id") or "", art.id, ordinal)
        published = iso(art.published)
        record = ReportRecord(report_id, art.id, art.source, published, ev, order=1 << 62)
        decision = canonical.decide(record, self._candidates(record))
        event_id = decision.event_id or self._new_event(report_id, ev)
        self._run(
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
                to_json(ev),
            ),
        )
        self._run_many(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (report_id, n, s["start"], s["end"], s["text"], *p.contexts[ordinal][n])
                for n, s in enumerate(ev.get("evidence") or [])
            ],
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
                if not self._one("SELECT 1 FROM reports WHERE id = ?", (cand,)):
                    return cand
        raise StoreError(f"no free report id for article {article_id}")

    def _free_event_id(self, wanted: str, *salt: object) -> str:
        for cand in event_id_candidates(wanted, *salt):
            taken = self._one(
                "SELECT 1 FROM events WHERE id = :x UNION ALL "
                "SELECT 1 FROM event_aliases WHERE alias = :x",
                {"x": cand},
            )
            if not taken:
                return cand
        raise StoreError(f"no free event id for {wanted}")

    def _new_event(self, report_id: str, ev: dict[str, Any]) -> str:
        event_id = self._free_event_id(report_id, "event")
        self._insert_event(event_id, ev)
        return event_id

    def _insert_event(self, event_id: str, ev: dict[str, Any]) -> None:
        self._run(
            "INSERT INTO events (id, event_type, sub_event_type, date_precision, status, "
            "n_reports, data, updated_at) VALUES (?, ?, ?, 'unknown', 'new', 0, '{}', ?)",
            (event_id, ev["event_type"], ev["sub_event_type"], now()),
        )

    def _candidates(self, record: ReportRecord) -> list[Candidate]:
        """Canonical events filed under one of the report's blocking keys, oldest first."""
        keys = canonical.query_keys(record)
        if not keys:
            return []
        ids = self._candidate_ids(keys)
        return [Candidate(event_id, tuple(self._report_records(event_id))) for event_id in ids]

    def _report_records(self, event_id: str) -> list[ReportRecord]:
        rows = self._all(
            f"SELECT r.{self.ORDER} AS n, r.id, r.article_id, r.data, a.source, a.published "
            "FROM reports r JOIN articles a ON a.id = r.article_id "
            f"WHERE r.event_id = ? ORDER BY r.{self.ORDER}",
            (event_id,),
        )
        return [self._record(r) for r in rows]

    def _record(self, row: Any) -> ReportRecord:
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
        """Recompute a canonical event's summary, spatial entry, text entry and keys."""
        records = self._report_records(event_id)
        seq = int(self._one("SELECT seq FROM events WHERE id = ?", (event_id,))["seq"])
        self._unindex(seq)
        self._run("DELETE FROM event_keys WHERE event_id = ?", (event_id,))
        if not records:
            self._run("DELETE FROM events WHERE seq = ?", (seq,))
            return
        data, low, high = canonical.summarize(records)
        loc = data.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        self._run(
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
                to_json(data),
                now(),
                seq,
            ),
        )
        keys = sorted({k for r in records for k in canonical.index_keys(r)})
        self._run_many("INSERT INTO event_keys VALUES (?, ?)", [(k, event_id) for k in keys])
        body, actors = fts_text(records)
        self._index(seq, lat, lon, body, actors)

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
        self._run(
            "INSERT INTO merge_decisions (report_id, event_id, other_id, action, score, "
            "decided_by, explanation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, event_id, other_id, action, score, by, explanation, now()),
        )

    # -- user decisions --------------------------------------------------------------
    @guarded
    def merge_events(self, keep: str, other: str, note: str = "") -> str:
        with self._transaction():
            a, b = self._must_resolve(keep), self._must_resolve(other)
            if a == b:
                raise StoreError(f"{keep} and {other} are already the same event ({a})")
            seqs = {
                r["id"]: r["seq"]
                for r in self._all("SELECT id, seq FROM events WHERE id IN (?, ?)", (a, b))
            }
            survivor, loser = (a, b) if seqs[a] < seqs[b] else (b, a)
            moved, kept = self._member_ids(loser), self._member_ids(survivor)
            self._run("UPDATE reports SET event_id = ? WHERE event_id = ?", (survivor, loser))
            self._run("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (survivor, loser))
            self._run(
                "INSERT INTO event_aliases VALUES (?, ?, ?, ?)",
                (loser, survivor, "user merge", now()),
            )
            self._run_many(
                "DELETE FROM cannot_link WHERE (report_a = :a AND report_b = :b) "
                "OR (report_a = :b AND report_b = :a)",
                [{"a": r1, "b": r2} for r1 in moved for r2 in kept],
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
        rows = self._all(
            f"SELECT id FROM reports WHERE event_id = ? ORDER BY {self.ORDER}", (event_id,)
        )
        return [r["id"] for r in rows]

    @guarded
    def split_event(self, event_id: str, report_ids: Sequence[str], note: str = "") -> str:
        with self._transaction():
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
            row = self._one("SELECT data FROM reports WHERE id = ?", (wanted[0],))
            self._insert_event(new_id, json.loads(row["data"]))
            for r in wanted:
                self._run("UPDATE reports SET event_id = ? WHERE id = ?", (new_id, r))
                self._run_many(
                    "INSERT INTO cannot_link VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
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
    @guarded
    def resolve(self, event_id: str) -> str | None:
        return self._resolve(event_id)

    def _resolve(self, event_id: str) -> str | None:
        """An event id as itself, then as an alias, then as a report id."""
        for sql in (
            "SELECT id AS e FROM events WHERE id = ?",
            "SELECT event_id AS e FROM event_aliases WHERE alias = ?",
            "SELECT event_id AS e FROM reports WHERE id = ?",
        ):
            row = self._one(sql, (event_id,))
            if row:
                return str(row["e"])
        return None

    @guarded
    def events(self, query: EventQuery | None = None) -> list[CanonicalEvent]:
        sql, params = self._event_query(query or EventQuery(), False)
        return self._canonicals(self._all(sql, params))

    @guarded
    def count_events(self, query: EventQuery | None = None) -> int:
        sql, params = self._event_query(query or EventQuery(), True)
        return int(self._one(sql, params)["n"])

    def _canonical(self, row: Any) -> CanonicalEvent:
        return self._canonicals([row])[0]

    def _canonicals(self, rows: Sequence[Any]) -> list[CanonicalEvent]:
        """Events with their reports and aliases, fetched for a whole page at once."""
        refs: dict[str, list[ReportRef]] = {r["id"]: [] for r in rows}
        aliases: dict[str, list[str]] = {r["id"]: [] for r in rows}
        ids = list(refs)
        for at in range(0, len(ids), ID_BATCH):
            batch = ids[at : at + ID_BATCH]
            marks = ",".join("?" * len(batch))
            found = [
                dict(r)
                for r in self._all(
                    "SELECT r.event_id, r.id AS report_id, r.article_id, a.source, "
                    "a.published, r.fatalities, r.injured FROM reports r "
                    "JOIN articles a ON a.id = r.article_id "
                    f"WHERE r.event_id IN ({marks}) ORDER BY r.{self.ORDER}",
                    batch,
                )
            ]
            copies = self._copies({ref["article_id"] for ref in found})
            for ref in found:
                event_id = ref.pop("event_id")
                refs[event_id].append(ReportRef(**ref, copies=copies.get(ref["article_id"], ())))
            for r in self._all(
                f"SELECT event_id, alias FROM event_aliases WHERE event_id IN ({marks}) "
                f"ORDER BY alias{self.BINARY}",
                batch,
            ):
                aliases[r["event_id"]].append(r["alias"])
        return [
            CanonicalEvent(
                seq=row["seq"],
                id=row["id"],
                event=json.loads(row["data"]),
                reports=tuple(refs[row["id"]]),
                fatalities_low=row["fatalities_low"],
                fatalities_high=row["fatalities_high"],
                aliases=tuple(aliases[row["id"]]),
            )
            for row in rows
        ]

    def _copies(self, article_ids: set[str]) -> dict[str, tuple[CopyRef, ...]]:
        """The stored copies of each of these articles, oldest first."""
        out: dict[str, list[CopyRef]] = {}
        ids = sorted(article_ids)
        for at in range(0, len(ids), ID_BATCH):
            batch = ids[at : at + ID_BATCH]
            marks = ",".join("?" * len(batch))
            for r in self._all(
                "SELECT c.duplicate_of, c.article_id, a.source, a.published, c.similarity "
                "FROM article_copies c JOIN articles a ON a.id = c.article_id "
                f"WHERE c.duplicate_of IN ({marks}) ORDER BY a.stored_at, c.article_id",
                batch,
            ):
                out.setdefault(r["duplicate_of"], []).append(
                    CopyRef(r["article_id"], r["source"], r["published"], float(r["similarity"]))
                )
        return {k: tuple(v) for k, v in out.items()}

    @guarded
    def event(self, event_id: str) -> CanonicalEvent | None:
        canon = self._resolve(event_id)
        if canon is None:
            return None
        return self._canonical(self._one("SELECT * FROM events WHERE id = ?", (canon,)))

    @guarded
    def event_detail(self, event_id: str) -> EventDetail | None:
        canon = self.event(event_id)
        if canon is None:
            return None
        details = tuple(self._report_detail(ref) for ref in canon.reports)
        return EventDetail(canon, details, tuple(self._decisions(canon.id)), event_id)

    def _report_detail(self, ref: ReportRef) -> ReportDetail:
        article = self._article(ref.article_id)
        if article is None:
            raise StoreError(f"report {ref.report_id} has no article (damaged store)")
        row = self._one("SELECT data FROM reports WHERE id = ?", (ref.report_id,))
        spans = self._all(
            'SELECT start, "end", text, context_start, context_end FROM evidence '
            "WHERE report_id = ? ORDER BY ordinal",
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
        return ReportDetail(ref.report_id, article, json.loads(row["data"]), evidence)

    @guarded
    def article(self, article_id: str) -> Article | None:
        return self._article(article_id)

    def _article(self, article_id: str) -> Article | None:
        r = self._one("SELECT * FROM articles WHERE id = ?", (article_id,))
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

    @guarded
    def article_output(self, article_id: str) -> dict[str, Any] | None:
        article = self._article(article_id)
        if article is None:
            return None

        def rows(table: str) -> list[Any]:
            sql = f"SELECT data FROM {table} WHERE article_id = ? ORDER BY ordinal"
            return [json.loads(r["data"]) for r in self._all(sql, (article_id,))]

        return {
            "article": article.meta_dict(),
            "events": rows("reports"),
            "statistics": rows("statistics"),
            "places": rows("places"),
            "times": rows("times"),
        }

    @guarded
    def rejects(self) -> list[Reject]:
        rows = self._all(
            "SELECT article_id, origin, code, message, published, rejected_at FROM rejects "
            f"WHERE article_id NOT IN (SELECT id FROM articles) ORDER BY {self.ORDER}"
        )
        return [Reject(**dict(r)) for r in rows]

    @guarded
    def decisions(self, event_id: str) -> list[MergeDecision]:
        canon = self._resolve(event_id)
        return self._decisions(canon) if canon else []

    def _decisions(self, cid: str) -> list[MergeDecision]:
        rows = self._all(
            "SELECT report_id, event_id, other_id, action, score, decided_by, explanation, "
            "created_at FROM merge_decisions WHERE event_id = :e OR other_id = :e "
            "OR event_id IN (SELECT alias FROM event_aliases WHERE event_id = :e) "
            "OR report_id IN (SELECT id FROM reports WHERE event_id = :e) ORDER BY seq",
            {"e": cid},
        )
        return [MergeDecision(**dict(r)) for r in rows]

    # -- service and feed state ------------------------------------------------------
    @guarded
    def add_token(self, name: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._transaction():
            self._run("INSERT INTO api_tokens VALUES (?, ?, ?)", (token_hash(token), name, now()))
        return token

    @guarded
    def check_token(self, token: str) -> bool:
        row = self._one("SELECT 1 FROM api_tokens WHERE token_hash = ?", (token_hash(token),))
        return row is not None

    @guarded
    def feed_state(self, url: str) -> dict[str, Any]:
        row = self._one("SELECT state FROM feed_state WHERE url = ?", (url,))
        return dict(json.loads(row["state"])) if row else {}

    @guarded
    def set_feed_state(self, url: str, state: dict[str, Any]) -> None:
        with self._transaction():
            self._run(
                "INSERT INTO feed_state VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE "
                "SET state = excluded.state, updated_at = excluded.updated_at",
                (url, to_json(state), now()),
            )


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


def _is_copy(stored: near.Signature, new: near.Signature) -> bool:
    """Whether `new` copies `stored`: `near_duplicate` for article-length texts, an
    identical signature for short ones (see COPY_MIN_SHINGLES)."""
    if min(stored.size, new.size) < COPY_MIN_SHINGLES:
        return stored.size == new.size and stored.values == new.values
    return near.near_duplicate(stored, new)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
