from merge_helpers import place, record

from sitroom.merge import Candidate, Policy, link

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
