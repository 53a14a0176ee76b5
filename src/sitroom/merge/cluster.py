"""Batch grouping of reports into incidents, independent of the input order.

Candidate pairs come from the blocking keys; every pair that scores above the policy's
threshold is an edge. Edges are taken strongest first (ties broken by the reports'
content keys, never by input position) and join two groups only when no pair across
them is vetoed. That complete-linkage guard stops chaining: a vague report that fits
two distinct incidents joins one of them and never glues them together. Each group is
named after its earliest report (by publication date, then content), as the store
names a canonical event after its first stored report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sitroom.merge.blocking import ANY_TYPE, index_keys, query_plan
from sitroom.merge.records import MentionRecord
from sitroom.merge.score import DEFAULT_POLICY, Policy, compare

# a query key filing more reports than this is replaced by its narrower keys
MAX_BLOCK = 64


class _Blocks:
    """Report positions filed under their blocking keys (hashed: a collision only adds
    a candidate, which the scorer then rejects)."""

    def __init__(self, records: Sequence[MentionRecord], policy: Policy) -> None:
        self.records, self.policy = records, policy
        self.filed: dict[int, list[int]] = defaultdict(list)
        self.families = {r.event_type or ANY_TYPE for r in records}
        # day ordinals of each date window, to drop far-apart candidates before scoring
        self.lo = [r.date_lo.toordinal() if r.date_lo else -(1 << 40) for r in records]
        self.hi = [r.date_hi.toordinal() if r.date_hi else 1 << 40 for r in records]
        self.gap = max(policy.max_gap_days, policy.max_gap_days_precise)
        for i, record in enumerate(records):
            for key in set(index_keys(record, policy)):
                self.filed[hash(key)].append(i)

    def later_candidates(self, i: int) -> set[int]:
        """Positions after `i` that share a blocking key with it. The keys are built so
        that j is among i's candidates when i is among j's, except where an oversized
        key was narrowed (positions follow content order, so the result still does not
        depend on the input order)."""
        found: set[int] = set()
        for key, narrow in query_plan(self.records[i], self.policy, self.families):
            filed = self.filed.get(hash(key), ())
            if narrow is not None and len(filed) > MAX_BLOCK:
                for k in narrow:
                    found.update(j for j in self.filed.get(hash(k), ()) if j > i)
            else:
                found.update(j for j in filed if j > i)
        lo, hi, gap = self.lo, self.hi, self.gap
        return {j for j in found if lo[j] <= hi[i] + gap and lo[i] <= hi[j] + gap}


def candidate_pairs(
    records: Sequence[MentionRecord], policy: Policy = DEFAULT_POLICY
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a blocking key (for tests and diagnostics)."""
    blocks = _Blocks(records, policy)
    return {(i, j) for i in range(len(records)) for j in blocks.later_candidates(i)}


class _Groups:
    """Union-find over record positions that remembers each group's members."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))


def cluster(records: Sequence[MentionRecord], policy: Policy = DEFAULT_POLICY) -> list[str]:
    """The canonical event id of each record, in input order."""
    order = sorted(range(len(records)), key=lambda i: (records[i].order_key, records[i].id))
    ranked = [records[i] for i in order]
    blocks = _Blocks(ranked, policy)
    edges = []
    for i in range(len(ranked)):
        for j in blocks.later_candidates(i):
            verdict = compare(ranked[i], ranked[j], policy)
            if verdict.same:
                edges.append((-verdict.score, i, j))
    del blocks
    edges.sort()
    linked = {(i, j) for _, i, j in edges}
    groups = _Groups(len(ranked))
    for _, i, j in edges:
        ri, rj = groups.find(i), groups.find(j)
        if ri != rj and _may_join(groups.members[ri], groups.members[rj], ranked, linked, policy):
            groups.union(ri, rj)
    ids = [""] * len(records)
    for rank, original in enumerate(order):
        first = min(groups.members[groups.find(rank)])
        ids[original] = ranked[first].id
    return ids


def _may_join(
    left: list[int],
    right: list[int],
    ranked: Sequence[MentionRecord],
    linked: set[tuple[int, int]],
    policy: Policy,
) -> bool:
    """No pair across the two groups is vetoed (pairs that were not linked are
    compared again: a join of two groups is rare next to the pairs compared)."""
    for i in left:
        for j in right:
            pair = (i, j) if i < j else (j, i)
            if (
                pair not in linked
                and not compare(ranked[pair[0]], ranked[pair[1]], policy).compatible
            ):
                return False
    return True
