import importlib
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from merge_helpers import place, record

from sitroom.merge import MentionRecord, cluster, compare
from sitroom.merge.cluster import candidate_pairs

# the module, not the function of the same name that sitroom.merge exports
cluster_module = importlib.import_module("sitroom.merge.cluster")
STORIES = [
    json.loads(x) for x in (Path(__file__).parent / "stories.jsonl").read_text().splitlines()
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Air/drone strike"),
]
ACTORS = [None, "gunmen", "Taliban", "Islamic State", "Military Forces of Afghanistan"]


def partition(ids: list[str], event_ids: list[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for rid, eid in zip(ids, event_ids, strict=True):
        groups.setdefault(eid, set()).add(rid)
    return {frozenset(g) for g in groups.values()}


@st.composite
def reports(draw: st.DrawFn) -> MentionRecord:
    """Small-world reports: few days, types, places and actors, so that many pairs
    compete and the order of linking would show if it mattered."""
    n = draw(st.integers(0, 10**6))
    event_type, sub = draw(st.sampled_from(TYPES))
    day = draw(st.integers(1, 4))
    fields = {
        "event_type": event_type,
        "sub_event_type": sub,
        "published": f"2024-01-0{day + draw(st.integers(0, 1))}",
        "date": draw(st.sampled_from([None, f"2024-01-0{day}"])),
        "date_precision": "day",
        "actor1": draw(st.sampled_from(ACTORS)),
        "fatalities": draw(st.sampled_from([None, 2, 3, 10, 12])),
        "article_id": f"art-{draw(st.integers(0, 5))}",
    }
    if draw(st.booleans()):
        fields["location"] = place(34.5 + draw(st.sampled_from([0.0, 0.05, 0.9])), 69.2)
    return record(f"r{n}", **fields)


@settings(max_examples=60, deadline=None)
@given(st.lists(reports(), max_size=18, unique_by=lambda r: r.id), st.randoms())
def test_partition_does_not_depend_on_input_order(records, rnd):
    shuffled = list(records)
    rnd.shuffle(shuffled)
    first = partition([r.id for r in records], cluster(records))
    second = partition([r.id for r in shuffled], cluster(shuffled))
    assert first == second
    # and the canonical id is the same member whichever order came in
    assert dict(zip([r.id for r in records], cluster(records), strict=True)) == dict(
        zip([r.id for r in shuffled], cluster(shuffled), strict=True)
    )


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(STORIES))))
def test_story_corpus_partition_is_order_free(positions):
    stories = [STORIES[i] for i in positions]
    recs = [MentionRecord.from_dict(s) for s in stories]
    got = partition([r.id for r in recs], cluster(recs))
    expected = partition([s["id"] for s in stories], [s["expected"] for s in stories])
    assert got == expected


def test_canonical_id_is_the_earliest_report():
    late = record(
        "late",
        published="2024-01-03",
        event_type="Battles",
        sub_event_type="Armed clash",
        date="2024-01-02",
        date_precision="day",
        actor1="Taliban",
    )
    early = record(
        "early",
        published="2024-01-02",
        event_type="Battles",
        sub_event_type="Armed clash",
        date="2024-01-02",
        date_precision="day",
        actor1="Taliban fighters",
    )
    assert cluster([late, early]) == ["early", "early"]


def test_a_vague_report_does_not_chain_two_incidents():
    common = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Suicide bomb",
        "date": "2024-01-02",
        "date_precision": "day",
    }
    shabaab = record("a", **common, actor1="al-Shabaab", location=place(2.04, 45.34, "SOM"))
    islamic_state = record(
        "b", **common, actor1="Islamic State", location=place(2.05, 45.33, "SOM")
    )
    vague = record("c", **common, actor1="militants", location=place(2.04, 45.34, "SOM"))
    ids = cluster([shabaab, islamic_state, vague])
    assert ids[0] != ids[1] and ids[2] in ids[:2]


def test_blocking_keeps_every_pair_the_scorer_would_merge():
    recs = [MentionRecord.from_dict(s) for s in STORIES]
    pairs = candidate_pairs(recs)
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            if compare(recs[i], recs[j]).same:
                assert (i, j) in pairs, (recs[i].id, recs[j].id)


def test_narrowed_blocks_give_the_same_stories(monkeypatch):
    recs = [MentionRecord.from_dict(s) for s in STORIES]
    wide = cluster(recs)
    monkeypatch.setattr(cluster_module, "MAX_BLOCK", 1)
    assert cluster(recs) == wide
