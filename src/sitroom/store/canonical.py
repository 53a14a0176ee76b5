"""Canonical events from reports: which event a new report joins, and what an event
says once several articles have reported it.

Both are pure functions over contract EVENT dicts, so every store backend (and the
tests) share them. The pairwise decision itself belongs to `sitroom.merge`; `decide` is
the one seam between the store and it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

log = logging.getLogger(__name__)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
RESPONSIBILITY_RANK = {"claimed": 0, "attributed": 1, "unclaimed": 2, "unknown": 3}


@dataclass(frozen=True)
class ReportRecord:
    """A stored report as merging and summarising see it: its EVENT dict with the
    article's id, source and publication date, and its storage order."""

    report_id: str
    article_id: str
    source: str | None
    published: str | None
    event: dict[str, Any]
    order: int = 0

    @cached_property
    def mention(self) -> Any:
        """The merger's typed view of this report (built once per record object)."""
        from sitroom import merge

        return merge.MentionRecord.from_dict(self.merge_record())

    def merge_record(self) -> dict[str, Any]:
        """The EVENT record shape `sitroom.merge` reads (as in `sitroom dedup`)."""
        rec = dict(self.event)
        rec["id"] = self.report_id
        rec["article_id"] = self.article_id
        rec["published"] = self.published
        rec["source"] = self.source
        return rec


@dataclass(frozen=True)
class Candidate:
    """A canonical event that a new report might belong to."""

    event_id: str
    reports: tuple[ReportRecord, ...]


@dataclass(frozen=True)
class Decision:
    """Join `event_id` (None: start a new event); `explanation` is kept with it."""

    event_id: str | None
    score: float | None
    explanation: str
    blocked: tuple[str, ...] = field(default_factory=tuple)


def decide(report: ReportRecord, candidates: Sequence[Candidate]) -> Decision:
    """Which canonical event `report` joins (`sitroom.merge.link`), and why.

    Candidates come oldest first; user decisions have already been applied by the
    caller. One article's reports are distinct incidents (the extraction split them).
    A failure of the merger costs a missed merge, never the article: the report then
    starts its own event and the explanation says why.
    """
    if not candidates:
        return Decision(None, None, "no earlier event shares its blocking keys")
    try:
        return _link(report, candidates)
    except Exception as exc:  # a merge bug must not lose the article
        log.warning("merge failed for report %s: %r", report.report_id, exc)
        return Decision(None, None, f"merge failed ({exc!r}); kept as its own event")


def _link(report: ReportRecord, candidates: Sequence[Candidate]) -> Decision:
    from sitroom import merge

    record = _mention(report)
    cands = [merge.Candidate(c.event_id, [_mention(r) for r in c.reports]) for c in candidates]
    result = merge.link(record, cands, _policy())
    return Decision(result.event_id, result.score, result.explanation)


def index_keys(report: ReportRecord) -> list[str]:
    """Blocking keys to file the report's canonical event under (none if unreadable)."""
    from sitroom import merge

    try:
        return list(merge.index_keys(_mention(report), _policy()))
    except merge.RecordError:
        return []


def query_keys(report: ReportRecord) -> list[str]:
    """Blocking keys under which the candidate events for the report are filed."""
    from sitroom import merge

    try:
        return list(merge.query_keys(_mention(report), _policy()))
    except merge.RecordError:
        return []


def _mention(report: ReportRecord) -> Any:
    return report.mention


@lru_cache(maxsize=1)
def _policy() -> Any:
    from sitroom import merge

    return replace(merge.DEFAULT_POLICY, same_article_distinct=True)


def summarize(reports: Sequence[ReportRecord]) -> tuple[dict[str, Any], int | None, int | None]:
    """The canonical EVENT fields from its reports, with the low and high death toll.

    The first stored report gives the base; the most precise date and place win; the
    toll is the latest-published figure (updates supersede early counts, as in one
    article), and the range of all figures is kept beside it.
    """
    if not reports:
        raise ValueError("a canonical event needs at least one report")
    ordered = sorted(reports, key=lambda r: r.order)
    base = dict(ordered[0].event)
    dated = min(ordered, key=lambda r: PRECISION_RANK.get(str(r.event.get("date_precision")), 4))
    for key in ("date", "date_precision", "time"):
        base[key] = dated.event.get(key)
    if base.get("date") is None:
        base["date"] = _earliest_published(ordered)
    base["location"] = _best_location(ordered)
    base["status"] = "new" if any(r.event.get("status") == "new" for r in ordered) else "background"
    for key in ("actor1", "actor2"):
        base[key] = next((r.event[key] for r in ordered if r.event.get(key)), None)
    base["fatalities"] = _latest_figure(ordered, "fatalities")
    base["injured"] = _latest_figure(ordered, "injured")
    base["weapons"] = _union(ordered, "weapons")
    base["responsibility"] = _strongest_responsibility(ordered)
    base["confidence"] = max(float(r.event.get("confidence") or 0.0) for r in ordered)
    base["article_id"] = ordered[0].article_id
    base["published"] = _earliest_published(ordered)
    figures = [r.event["fatalities"] for r in ordered if r.event.get("fatalities") is not None]
    return base, (min(figures) if figures else None), (max(figures) if figures else None)


def _earliest_published(reports: Sequence[ReportRecord]) -> str | None:
    dates = [r.published for r in reports if r.published]
    return min(dates) if dates else None


def _best_location(reports: Sequence[ReportRecord]) -> dict[str, Any] | None:
    located: list[dict[str, Any]] = [
        r.event["location"] for r in reports if r.event.get("location")
    ]
    resolved = [p for p in located if p.get("lat") is not None and p.get("lon") is not None]
    pool = resolved or located
    if not pool:
        return None
    best: dict[str, Any] = min(pool, key=lambda p: int(p.get("precision") or 3))
    return dict(best)


def _latest_figure(reports: Sequence[ReportRecord], key: str) -> int | None:
    stated = [r for r in reports if r.event.get(key) is not None]
    if not stated:
        return None
    latest = max(stated, key=lambda r: (r.published or "", r.order))
    return int(latest.event[key])


def _union(reports: Sequence[ReportRecord], key: str) -> list[Any]:
    out: list[Any] = []
    for r in reports:
        for value in r.event.get(key) or []:
            if value not in out:
                out.append(value)
    return out


def _strongest_responsibility(reports: Sequence[ReportRecord]) -> dict[str, Any]:
    given = [r.event.get("responsibility") or {} for r in reports]
    best = min(given, key=lambda g: RESPONSIBILITY_RANK.get(g.get("status", "unknown"), 3))
    out = dict(best) if best else {"status": "unknown", "actor": None, "by": None}
    out["unclaimed"] = any(bool(g.get("unclaimed")) for g in given)
    return out
