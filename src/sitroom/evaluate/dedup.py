"""Cross-article merging against hand-made groups (gold/dedup-bbn) and our own stories.

The BBN ACCENT mentions are converted to the contract's record shape the way an outside
check would: the report date only (`date` null, `published` = the article's date), the
CAMEO code mapped to an ACLED type, actors from the source/target actor and agent fields,
no place, no text. Rows marked `wrong` are dropped; rows outside an annotated group are
singletons. Two baselines run in the same command: exact match of every field
(GDELT-style) and one event per day, type and place (Phoenix-style).
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report
from sitroom.merge import MentionRecord, cluster

# CAMEO root/base codes -> ACLED (event_type, sub_event_type). Verbal and diplomatic
# codes have no ACLED type; they become Strategic developments / Other (CAMEO 2-digit
# roots: 01-08 cooperation, 10-13 demands/threats, 14 protest, 18 assault, 19 fight).
CAMEO_TO_ACLED: dict[str, tuple[str, str]] = {
    "057": ("Strategic developments", "Agreement"),
    "14": ("Protests", "Peaceful protest"),
    "145": ("Riots", "Violent demonstration"),
    "18": ("Violence against civilians", "Attack"),
    "181": ("Violence against civilians", "Abduction/forced disappearance"),
    "183": ("Explosions/Remote violence", "Suicide bomb"),
    "19": ("Battles", "Armed clash"),
    "195": ("Explosions/Remote violence", "Air/drone strike"),
    "194": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
}
OTHER = ("Strategic developments", "Other")


def cameo_type(code: str) -> tuple[str, str]:
    """The ACLED type of a CAMEO code: the most specific prefix that has one."""
    for size in (len(code), 3, 2):
        if code[:size] in CAMEO_TO_ACLED:
            return CAMEO_TO_ACLED[code[:size]]
    return OTHER


def bbn_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One BBN mention in the contract's record shape (report date only, no place)."""
    event_type, sub = cameo_type(str(row.get("event_code") or ""))
    return {
        "id": row["mention_id"],
        "article_id": row.get("article_id"),
        "published": row.get("date"),
        "date": None,
        "date_precision": "unknown",
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": _bbn_actor(row.get("source_actor"), row.get("source_agent")),
        "actor2": _bbn_actor(row.get("target_actor"), row.get("target_agent")),
        "location": None,
        "source": row.get("news_source"),
    }


def _bbn_actor(actor: str | None, agent: str | None) -> dict[str, str] | None:
    name = " ".join(p for p in (actor, agent) if p)
    return {"name": name, "mention": agent or actor or name} if name else None


def load_bbn(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Records and their gold group labels (wrong rows dropped, unannotated singletons)."""
    records, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("wrong"):
            continue
        records.append(bbn_record(row))
        labels.append(
            row["cluster_id"] if row.get("gid_annotated") else f"solo:{row['mention_id']}"
        )
    return records, labels


def load_stories(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Our hand-written stories: each record carries its expected group in `expected`."""
    records, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels.append(str(row.pop("expected")))
            records.append(row)
    return records, labels


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """B³ precision/recall/F1: per record, the overlap of its predicted and gold groups."""
    pred_groups, gold_groups = _groups(predicted), _groups(gold)
    precision = recall = 0.0
    for i in range(len(gold)):
        p, g = pred_groups[predicted[i]], gold_groups[gold[i]]
        both = len(p & g)
        precision += both / len(p)
        recall += both / len(g)
    n = max(1, len(gold))
    return _prf("b3", precision / n, recall / n)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Precision/recall/F1 over the pairs of records put in one group."""
    pred_pairs, gold_pairs = _pairs(predicted), _pairs(gold)
    both = len(pred_pairs & gold_pairs)
    precision = both / len(pred_pairs) if pred_pairs else 1.0
    recall = both / len(gold_pairs) if gold_pairs else 1.0
    return _prf("pair", precision, recall)


def _groups(labels: Sequence[Hashable]) -> dict[Hashable, set[int]]:
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        groups[label].add(i)
    return groups


def _pairs(labels: Sequence[Hashable]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for members in _groups(labels).values():
        ordered = sorted(members)
        pairs.update((a, b) for k, a in enumerate(ordered) for b in ordered[k + 1 :])
    return pairs


def _prf(prefix: str, precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{prefix}_precision": precision, f"{prefix}_recall": recall, f"{prefix}_f1": f1}


def exact_match(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """GDELT-style: reports merge only when every field but the ids agrees."""
    ignored = {"id", "article_id", "source", "url", "evidence", "confidence"}
    return [
        json.dumps({k: v for k, v in r.items() if k not in ignored}, sort_keys=True)
        for r in records
    ]


def day_type_place(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Phoenix-style: one event per day, event type and place."""
    keys = []
    for r in records:
        loc = r.get("location") or {}
        place = (loc.get("name"), loc.get("country")) if isinstance(loc, Mapping) else None
        day = r.get("date") or r.get("published")
        keys.append(json.dumps([day, r.get("sub_event_type"), place]))
    return keys


def sitroom_groups(records: Sequence[Mapping[str, Any]]) -> list[str]:
    return cluster([MentionRecord.from_dict(r) for r in records])


def score_all(
    records: Sequence[Mapping[str, Any]], labels: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Metrics of sitroom and both baselines on one set of records."""
    methods: dict[str, Callable[[Sequence[Mapping[str, Any]]], list[str]]] = {
        "sitroom": sitroom_groups,
        "exact_match": exact_match,
        "day_type_place": day_type_place,
    }
    out = {}
    for name, method in methods.items():
        predicted = method(records)
        out[name] = {**b_cubed(predicted, labels), **pairwise(predicted, labels)}
    return out


def stories_path() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "merge" / "stories.jsonl"


def folds(labels: Sequence[str], k: int = 3) -> list[list[int]]:
    """Positions split into k parts by a hash of the gold group: sets of about the size
    of the held-back check (~300 records), with whole groups on one side."""
    return [
        [i for i, g in enumerate(labels) if zlib.crc32(g.encode()) % k == part] for part in range(k)
    ]


def run(gold: Path) -> Report:
    bbn_records, bbn_labels = load_bbn(gold / "dedup-bbn" / "mentions.jsonl")
    results = {"bbn": score_all(bbn_records, bbn_labels)}
    fold_f1 = [
        b_cubed(sitroom_groups([bbn_records[i] for i in part]), [bbn_labels[i] for i in part])[
            "b3_f1"
        ]
        for part in folds(bbn_labels)
    ]
    if stories_path().is_file():
        results["stories"] = score_all(*load_stories(stories_path()))
    metrics = {f"{suite}_{k}": v for suite, r in results.items() for k, v in r["sitroom"].items()}
    metrics["bbn_fold_min_b3_f1"] = min(fold_f1)
    baselines = {
        f"{suite}_{name}": values
        for suite, r in results.items()
        for name, values in r.items()
        if name != "sitroom"
    }
    keys = ["b3_precision", "b3_recall", "b3_f1", "pair_precision", "pair_recall", "pair_f1"]
    rows = [
        [f"{suite} {k}", r["sitroom"][k], r["exact_match"][k], r["day_type_place"][k]]
        for suite, r in results.items()
        for k in keys
    ]
    return Report(
        suite="dedup",
        metrics=metrics,
        baselines=baselines,
        rows=rows,
        header=["metric", "sitroom", "exact match", "day-type-place"],
        notes=[
            f"bbn: {len(bbn_records)} mentions, {len(set(bbn_labels))} gold groups",
            "bbn B3 F1 on thirds (split by group): " + ", ".join(f"{f:.3f}" for f in fold_f1),
        ],
    )
