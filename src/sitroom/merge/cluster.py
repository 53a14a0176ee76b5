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

from sitroom.merge.blocking import index_keys, query_keys
from sitroom.merge.records import MentionRecord
from sitroom.merge.score import DEFAULT_POLICY, Policy, compare


def candidate_pairs(
    records: Sequence[MentionRecord], policy: Policy = DEFAULT_POLICY
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a blocking key."""
    filed: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        for key in index_keys(record, policy):
            filed[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, record in enumerate(records):
        for key in query_keys(record, policy):
            for j in filed.get(key, ()):
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


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
    edges = []
    vetoed: set[tuple[int, int]] = set()
    for i, j in candidate_pairs(ranked, policy):
        verdict = compare(ranked[i], ranked[j], policy)
        if not verdict.compatible:
            vetoed.add((i, j))
        elif verdict.same:
            edges.append((-verdict.score, i, j))
    edges.sort()
    groups = _Groups(len(ranked))
    for _, i, j in edges:
        ri, rj = groups.find(i), groups.find(j)
        if ri != rj and _may_join(groups.members[ri], groups.members[rj], ranked, vetoed, policy):
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
    vetoed: set[tuple[int, int]],
    policy: Policy,
) -> bool:
    """No pair across the two groups is vetoed (pairs never blocked together are
    compared now)."""
    for i in left:
        for j in right:
            pair = (i, j) if i < j else (j, i)
            if pair in vetoed:
                return False
            if not compare(ranked[pair[0]], ranked[pair[1]], policy).compatible:
                vetoed.add(pair)
                return False
    return True
