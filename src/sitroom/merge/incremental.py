"""Linking one new report to the canonical events already known (the store's path).

The store fetches candidate events by the report's blocking keys (`blocking.keys`),
each with its member reports, and calls `link`. A report joins the event it scores
best with, but only if no member of that event vetoes it: complete-linkage vetoes keep
one event from chaining two distinct incidents together through a vague report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.merge.records import MentionRecord
from sitroom.merge.score import DEFAULT_POLICY, Compatibility, Policy, compare


@dataclass(frozen=True)
class Candidate:
    """An existing canonical event: its id and the reports already merged into it."""

    event_id: str
    members: Sequence[MentionRecord]


@dataclass(frozen=True)
class Decision:
    """Where a report goes: an existing event (`event_id`) or a new one (None)."""

    event_id: str | None
    score: float  # 0..1 confidence in the chosen link (or in the best rejected one)
    reasons: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(self.reasons)


def event_score(
    record: MentionRecord, members: Sequence[MentionRecord], policy: Policy = DEFAULT_POLICY
) -> Compatibility | None:
    """The best pairwise verdict against an event's members; None if any member vetoes."""
    best: Compatibility | None = None
    for member in members:
        verdict = compare(record, member, policy)
        if not verdict.compatible:
            return None
        if best is None or verdict.score > best.score:
            best = verdict
    return best


def link(
    record: MentionRecord, candidates: Sequence[Candidate], policy: Policy = DEFAULT_POLICY
) -> Decision:
    """Decide which candidate event `record` reports, if any, and say why.

    Ties go to the candidate listed first (the store lists the oldest event first).
    """
    best_id, best = None, None
    for cand in candidates:
        members = list(cand.members)
        if policy.same_article_distinct and any(
            m.article_id and m.article_id == record.article_id for m in members
        ):
            continue
        verdict = event_score(record, members, policy)
        if verdict is not None and (best is None or verdict.score > best.score):
            best_id, best = cand.event_id, verdict
    if best is None:
        return Decision(None, 0.0, ("no compatible event among the candidates",))
    reasons = tuple(str(r) for r in best.reasons)
    if not best.same:
        note = f"best candidate {best_id} scored {best.score:.2f} < {best.threshold:.2f}"
        return Decision(None, best.probability, (note, *reasons))
    return Decision(best_id, best.probability, (f"merged into {best_id}", *reasons))
