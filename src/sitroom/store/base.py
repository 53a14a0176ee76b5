"""The store interface: everything the CLI, the API, Spark backfills and feeds may ask
of a database. SQLite implements it today, PostgreSQL later; no SQL lives outside
`sitroom.store`.

Writes are per article: `add_analysis` commits an article together with its reports
(incidents as that article tells them), statistics, places, times and evidence, and
links each report to a canonical event, or commits nothing. Reads return canonical
events as contract EVENT dicts plus their `reports`.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sitroom.model import Analysis, Article

Outcome = Literal["stored", "duplicate", "rejected"]


class InvalidArticle(ValueError):
    """An extraction the store cannot keep (no types, evidence without offsets): the
    article's fault, not the store's, so ingest records it as a reject and goes on."""


@dataclass(frozen=True)
class AddResult:
    """What became of one article: `stored` (committed now), `duplicate` (already in the
    store, nothing changed) or `rejected` (its error was recorded)."""

    outcome: Outcome
    article_id: str
    reports: int = 0
    event_ids: tuple[str, ...] = ()
    new_events: int = 0  # reports that started a canonical event (the rest joined one)
    code: str | None = None  # the error code of a rejected article
    copy_of: str | None = None  # stored as a near-duplicate of this earlier article


@dataclass(frozen=True)
class EventQuery:
    """Filters for `Store.events`; every one is answered from an index.

    `near` is (lat, lon, km); `text` is a full-text query over evidence, notes and place
    names; `actor` matches actor names and mentions. `after` is a cursor: the `seq` of
    the last event of the previous page.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    status: str | None = None
    text: str | None = None
    limit: int | None = None
    after: int | None = None
    newest_first: bool = False  # order by storage, newest first (`after` then pages down)


@dataclass(frozen=True)
class CopyRef:
    """A near-duplicate (syndicated or lightly edited) copy of a report's article: its
    source stays visible, but it is not an independent report of the event."""

    article_id: str
    source: str | None
    published: str | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "source": self.source,
            "published": self.published,
            "similarity": round(self.similarity, 3),
        }


@dataclass(frozen=True)
class ReportRef:
    """One article's report of a canonical event, as listed in the event's `reports`,
    with the copies of its article (other mastheads printing the same story)."""

    report_id: str
    article_id: str
    source: str | None
    published: str | None
    fatalities: int | None
    injured: int | None
    copies: tuple[CopyRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article_id": self.article_id,
            "source": self.source,
            "published": self.published,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "report_id": self.report_id,
        }
        if self.copies:  # additive: present only when the article has copies
            out["copies"] = [c.to_dict() for c in self.copies]
        return out


@dataclass(frozen=True)
class CanonicalEvent:
    """A real-world incident: the contract EVENT fields (`event`, summarised over its
    reports) plus the reports themselves and the range of their death tolls."""

    seq: int
    id: str
    event: dict[str, Any]
    reports: tuple[ReportRef, ...]
    fatalities_low: int | None
    fatalities_high: int | None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.event)
        out["id"] = self.id
        out["reports"] = [r.to_dict() for r in self.reports]
        out["fatalities_low"] = self.fatalities_low
        out["fatalities_high"] = self.fatalities_high
        out["aliases"] = list(self.aliases)
        return out


@dataclass(frozen=True)
class EvidenceView:
    """An evidence span and the sentence(s) around it, both in article offsets."""

    start: int
    end: int
    text: str
    context_start: int
    context_end: int
    context: str


@dataclass(frozen=True)
class ReportDetail:
    report_id: str
    article: Article
    event: dict[str, Any]
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class MergeDecision:
    report_id: str | None
    event_id: str
    other_id: str | None
    action: str  # new | link | merge | copy | user_merge | user_split
    score: float | None
    decided_by: str  # auto | user
    explanation: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "event_id": self.event_id,
            "other_id": self.other_id,
            "action": self.action,
            "score": self.score,
            "decided_by": self.decided_by,
            "explanation": self.explanation,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class EventDetail:
    """Everything `sitroom show` and `GET /events/{id}` tell about one event."""

    event: CanonicalEvent
    reports: tuple[ReportDetail, ...]
    decisions: tuple[MergeDecision, ...]
    asked_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = self.event.to_dict()
        out["report_details"] = [
            {
                "report_id": r.report_id,
                "article": r.article.meta_dict(),
                "event": r.event,
                "evidence": [
                    {"text": e.text, "start": e.start, "end": e.end, "context": e.context}
                    for e in r.evidence
                ],
            }
            for r in self.reports
        ]
        out["merge_decisions"] = [d.to_dict() for d in self.decisions]
        return out


@dataclass(frozen=True)
class Reject:
    article_id: str
    origin: str | None
    code: str
    message: str
    published: str | None
    rejected_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "origin": self.origin,
            "code": self.code,
            "message": self.message,
            "published": self.published,
            "rejected_at": self.rejected_at,
        }


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    reports: int
    events: int
    rejects: int
    schema_version: int
    extra: dict[str, int] = field(default_factory=dict)


class Store(ABC):
    """One database of articles, reports and canonical events (see module docstring)."""

    url: str

    # -- lifecycle -------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def files(self) -> list[Path]:
        """The store's own files on disk (ingest must never read them as input)."""
        return []

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def counts(self) -> StoreCounts: ...

    # -- writes ----------------------------------------------------------------------
    @abstractmethod
    def has_article(self, article_id: str) -> bool:
        """True when the article is stored (so ingest can skip it before extraction)."""

    @abstractmethod
    def add_analysis(self, item: Analysis) -> AddResult:
        """Store one processed article atomically, or record its error as a reject.
        Idempotent: an article already stored changes nothing."""

    @abstractmethod
    def add_output(self, article: Article, output: dict[str, Any]) -> AddResult:
        """Store one article from the contract's output object (`extract` JSON, Spark
        rows): the same transaction as `add_analysis`, without sentence contexts."""

    @abstractmethod
    def merge_events(self, keep: str, other: str, note: str = "") -> str:
        """User merge: the older event survives, the other id becomes its alias.
        Returns the surviving id."""

    @abstractmethod
    def split_event(self, event_id: str, report_ids: Sequence[str], note: str = "") -> str:
        """User split: the reports leave `event_id` for a new event (returned id); they
        are never merged back automatically."""

    # -- reads -----------------------------------------------------------------------
    @abstractmethod
    def events(self, query: EventQuery | None = None) -> list[CanonicalEvent]: ...

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match (ignoring `limit` and `after`)."""

    def iter_events(
        self, query: EventQuery | None = None, page: int = 500
    ) -> Iterator[CanonicalEvent]:
        """Every matching event, fetched a page at a time (exports of any size)."""
        base = query or EventQuery()
        after = base.after
        while True:
            batch = self.events(_with_page(base, page, after))
            yield from batch
            if len(batch) < page:
                return
            after = batch[-1].seq

    @abstractmethod
    def resolve(self, event_id: str) -> str | None:
        """The canonical id for an event id, an alias or a report id (None if unknown)."""

    @abstractmethod
    def event(self, event_id: str) -> CanonicalEvent | None: ...

    @abstractmethod
    def event_detail(self, event_id: str) -> EventDetail | None: ...

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def article_output(self, article_id: str) -> dict[str, Any] | None:
        """A stored article as the contract's output object (what `extract` printed for
        it): its reports as `events`, with its statistics, places and times."""

    @abstractmethod
    def rejects(self) -> list[Reject]: ...

    @abstractmethod
    def decisions(self, event_id: str) -> list[MergeDecision]: ...

    # -- service and feed state ------------------------------------------------------
    @abstractmethod
    def add_token(self, name: str) -> str:
        """Create an API token; only its hash is stored. Returns the token itself."""

    @abstractmethod
    def check_token(self, token: str) -> bool: ...

    @abstractmethod
    def feed_state(self, url: str) -> dict[str, Any]: ...

    @abstractmethod
    def set_feed_state(self, url: str, state: dict[str, Any]) -> None: ...


def _with_page(query: EventQuery, limit: int, after: int | None) -> EventQuery:
    from dataclasses import replace

    return replace(query, limit=limit, after=after)


def report_ids_of(events: Iterable[CanonicalEvent]) -> list[str]:
    return [r.report_id for e in events for r in e.reports]
