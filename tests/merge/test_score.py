from merge_helpers import place, record

from sitroom.merge import compare
from sitroom.merge.records import actor_key
from sitroom.merge.score import actor_relation, tolls_compatible

BOMB = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Remote explosive/landmine/IED",
}
DAY = {"date": "2024-03-05", "date_precision": "day"}


def test_two_reports_of_one_bombing_merge_with_reasons():
    a = record("a", **BOMB, **DAY, location=place(33.34, 44.40), fatalities=12)
    b = record("b", **BOMB, **DAY, location=place(33.31, 44.36), fatalities=15)
    verdict = compare(a, b)
    assert verdict.same and 0.5 < verdict.probability <= 1
    assert {r.factor for r in verdict.reasons} >= {"type", "date", "place"}
    assert "same day" in verdict.explain()


def test_look_alike_bombings_stay_apart_on_tolls():
    a = record("a", **BOMB, **DAY, location=place(33.34, 44.40), fatalities=12)
    b = record("b", **BOMB, **DAY, location=place(33.39, 44.46), fatalities=3)
    assert not compare(a, b).same


def test_vetoes_type_place_date_and_perpetrator():
    base = record(
        "a", **BOMB, **DAY, location=place(33.34, 44.40), actor1={"name": "Islamic State"}
    )
    other_type = record("b", event_type="Battles", sub_event_type="Armed clash", **DAY)
    far = record("c", **BOMB, **DAY, location=place(36.34, 43.13))
    late = record("d", **BOMB, date="2024-03-09", date_precision="day")
    other_group = record("e", **BOMB, **DAY, actor1={"name": "PKK"})
    for other in (other_type, far, late, other_group):
        verdict = compare(base, other)
        assert verdict.veto is not None and verdict.probability == 0.0


def test_missing_place_does_not_veto():
    a = record("a", **BOMB, **DAY, location=place(33.34, 44.40), actor1={"name": "Islamic State"})
    b = record("b", **BOMB, date=None, published="2024-03-06", location=None, actor1="ISIS")
    assert compare(a, b).same


def test_generic_actor_is_compatible_with_a_named_group():
    assert actor_relation(actor_key("gunmen"), actor_key("Boko Haram")) == "compatible"
    assert actor_relation(actor_key("Russia"), actor_key("Syria")) == "conflict"
    assert actor_relation(actor_key("Islamic State"), actor_key("Islamic Jihad")) == "conflict"
    assert actor_relation(actor_key("al-Shabaab"), actor_key("Al Qaeda")) == "conflict"


def test_sides_may_be_reported_in_either_order():
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", **DAY}
    a = record("a", **clash, actor1="Afghan troops", actor2="Taliban")
    b = record("b", **clash, actor1="Taliban", actor2="Military Forces of Afghanistan")
    assert compare(a, b).compatible and "swapped" in compare(a, b).explain()


def test_rising_toll_is_compatible_but_a_different_one_is_not():
    assert tolls_compatible(12, 16) and tolls_compatible(0, 1)
    assert not tolls_compatible(3, 12) and not tolls_compatible(0, 20)


def test_compare_is_symmetric():
    a = record("a", **BOMB, **DAY, actor1="gunmen", fatalities=4, evidence="a blast hit a bus")
    b = record("b", **BOMB, date=None, published="2024-03-06", actor1="ISIS", fatalities=5)
    assert compare(a, b).score == compare(b, a).score
