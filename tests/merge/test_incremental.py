import json
from collections import defaultdict
from pathlib import Path

from merge_helpers import place, record

from sitroom.merge import Candidate, MentionRecord, Policy, index_keys, link, query_keys

STORIES = Path(__file__).parent / "stories.jsonl"

BOMB = {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}
DAY = {"date": "2022-08-19", "date_precision": "day"}


def test_links_to_the_matching_event_and_explains():
    first = record("r1", **BOMB, **DAY, location=place(2.04, 45.34, "SOM"), fatalities=12)
    other = record("r2", **BOMB, **DAY, location=place(11.28, 49.18, "SOM"), fatalities=3)
    new = record("r3", **BOMB, **DAY, location=place(2.05, 45.32, "SOM"), fatalities=13)
    decision = link(new, [Candidate("e-bosaso", [other]), Candidate("e-mogadishu", [first])])
    assert decision.event_id == "e-mogadishu"
    assert 0.5 < decision.score <= 1 and "merged into e-mogadishu" in decision.explanation


def test_no_candidate_means_a_new_event():
    new = record("r1", **BOMB, **DAY)
    decision = link(new, [])
    assert decision.event_id is None and decision.reasons


def test_one_vetoing_member_blocks_the_event():
    vague = record("v", **BOMB, date=None, published="2022-08-20")
    named = record("n", **BOMB, **DAY, actor1="Islamic State Somalia")
    new = record("x", **BOMB, **DAY, actor1="al-Shabaab")
    assert link(new, [Candidate("e1", [vague, named])]).event_id is None


def test_same_article_reports_stay_apart_when_asked():
    a = record("a", **BOMB, **DAY, article_id="art-1", location=place(2.04, 45.34, "SOM"))
    b = record("b", **BOMB, **DAY, article_id="art-1", location=place(2.04, 45.34, "SOM"))
    assert link(b, [Candidate("e1", [a])]).event_id == "e1"
    assert link(b, [Candidate("e1", [a])], Policy(same_article_distinct=True)).event_id is None


def test_linking_the_stories_one_by_one_finds_the_written_groups():
    """The store's path (one report at a time, candidates by blocking keys) agrees with
    the hand-made groups, like the batch path."""
    stories = [json.loads(x) for x in STORIES.read_text().splitlines()]
    stories.sort(key=lambda s: (s["published"] or "", s["id"]))
    members: dict[str, list[MentionRecord]] = {}
    filed: dict[str, list[str]] = defaultdict(list)
    got: dict[str, str] = {}
    for story in stories:
        rec = MentionRecord.from_dict(story)
        found = {e for key in query_keys(rec) for e in filed.get(key, ())}
        cands = [Candidate(e, members[e]) for e in sorted(found)]
        event_id = link(rec, cands).event_id or rec.id
        members.setdefault(event_id, []).append(rec)
        got[rec.id] = event_id
        for key in index_keys(rec):
            if event_id not in filed[key]:
                filed[key].append(event_id)
    by_expected: dict[str, set[str]] = defaultdict(set)
    for story in stories:
        by_expected[story["expected"]].add(got[story["id"]])
    assert all(len(ids) == 1 for ids in by_expected.values())
    assert len(set(got.values())) == len(by_expected)
