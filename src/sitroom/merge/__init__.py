"""Cross-article merging: many reports of one incident become one canonical event.

A pure library (no I/O, no store). The public surface:

- `MentionRecord.from_dict(event_dict)` builds a typed report from a contract EVENT
  dict (plus `id`, `article_id`, `published`, `source`); any field may be missing or
  null. `RecordError` is raised only for a record with no usable `id`. Its actors are
  `ActorKey`s: the words that name who acts, apart from the words saying what kind.
- `compare(a, b, policy) -> Compatibility`: a pairwise verdict (`same`, `score`,
  `probability`, `veto`, `reasons` as `Reason(factor, weight, note)`, `explain()`).
- `index_keys(record)` / `query_keys(record)`: blocking keys. File each canonical event
  under the `index_keys` of its members; fetch the candidates for a new report by its
  `query_keys`. `query_plan(record)` pairs each query key with narrower keys (shared
  actor words) to use instead when that key files too many events, as `cluster` does.
- `link(record, candidates) -> Decision(event_id | None, score, reasons)`: the store's
  incremental path. `candidates` are `Candidate(event_id, members)`, oldest event
  first; `event_id` None means "start a new canonical event" (named after the report).
- `cluster(records) -> list[str]`: batch grouping for `sitroom dedup`, independent of
  input order; each record's canonical event id (the id of the group's earliest report).
- `Policy`, `DEFAULT_POLICY`: thresholds and weights (`same_article_distinct=True` for
  reports that one extraction already split into distinct incidents).
- `signature(text) -> Signature`, `near_duplicate(sig_a, sig_b)`, `ArticleIndex`
  (`add(article_id, sig)`, `duplicates_of(sig)`): syndicated copies of one article (the
  same wire text under several sources, lightly edited or trimmed) are one report, not
  corroboration. `Signature.to_bytes()` / `from_bytes()` let the store keep them.
"""

from sitroom.merge.articles import ArticleIndex, Signature, near_duplicate, signature
from sitroom.merge.blocking import index_keys, query_keys, query_plan
from sitroom.merge.cluster import cluster
from sitroom.merge.incremental import Candidate, Decision, link
from sitroom.merge.records import ActorKey, MentionRecord, RecordError
from sitroom.merge.score import DEFAULT_POLICY, Compatibility, Policy, Reason, compare

__all__ = [
    "DEFAULT_POLICY",
    "ActorKey",
    "ArticleIndex",
    "Candidate",
    "Compatibility",
    "Decision",
    "MentionRecord",
    "Policy",
    "Reason",
    "RecordError",
    "Signature",
    "cluster",
    "compare",
    "index_keys",
    "link",
    "near_duplicate",
    "query_keys",
    "query_plan",
    "signature",
]
