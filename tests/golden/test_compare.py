"""The expectation scorer shared by the golden tests and `sitroom eval seed`, on
hand-made outputs (no pipeline): matching, field checks and the ledger ratchet."""

from __future__ import annotations

from typing import Any

from sitroom.evaluate.seed import (
    UNEXPECTED,
    Gap,
    check_ledger,
    compare_article,
    km,
    score,
)

EXPECTED: dict[str, Any] = {
    "incidents": [
        {
            "key": "bomb",
            "status": "new",
            "date": "2024-03-13",
            "date_precision": "day",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Suicide bomb",
            "lat": 2.05,
            "lon": 45.36,
            "fatalities": 12,
            "actor1": ["al-Shabaab"],
            "responsibility": "claimed",
        },
        {
            "key": "old-bombs",
            "status": "background",
            "date": "2022-10-01",
            "date_precision": "month",
            "event_type": "Explosions/Remote violence",
            "lat": 2.04,
            "lon": 45.34,
            "fatalities": 120,
        },
    ],
    "statistics": [{"quantity": 1600, "unit": "events"}, {"quantity": 12000, "unit": "troops"}],
    "times": [{"text": "1:15am GMT", "value": "2023-12-08T01:15"}],
}


def event(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "status": "new",
        "date": "2024-03-13",
        "date_precision": "day",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Suicide bomb",
        "location": {"name": "Mogadishu", "lat": 2.037, "lon": 45.344, "country": "SOM"},
        "fatalities": 12,
        "actor1": {"name": "al-Shabaab", "mention": "the militants"},
        "responsibility": {"status": "claimed", "unclaimed": False},
    }
    base.update(fields)
    return base


def output(events: list[dict[str, Any]], **rest: Any) -> dict[str, Any]:
    return {"article": {}, "events": events, "statistics": [], "times": [], **rest}


def keys(gaps: list[Gap]) -> set[tuple[str, str]]:
    return {(g.item, g.field) for g in gaps}


def background() -> dict[str, Any]:
    return event(
        status="background",
        date="2022-10-29",
        date_precision="month",
        sub_event_type="Remote explosive/landmine/IED",
        fatalities=120,
    )


def test_perfect_output_has_no_gap() -> None:
    stats = [{"quantity": 1600, "unit": "violent events"}, {"quantity": 12000, "unit": "troops"}]
    times = [{"text": "1:15am GMT", "value": "2023-12-08T01:15Z"}]
    out = compare_article(
        "a", EXPECTED, output([event(), background()], statistics=stats, times=times)
    )
    assert out.gaps == []
    assert score(out)["checks_passed"] == 1.0


def test_fields_are_compared_on_matched_pairs() -> None:
    wrong = event(
        fatalities=9, actor1={"name": "Unidentified Armed Group (Somalia)", "mention": "a bomber"}
    )
    out = compare_article("a", EXPECTED, output([wrong, background()]))
    assert keys(out.gaps) >= {("bomb", "fatalities"), ("bomb", "actor1")}
    assert ("bomb", "found") not in keys(out.gaps)


def test_a_misplaced_incident_is_named_as_such() -> None:
    far = event(location={"name": "Lido Beach", "lat": 40.59, "lon": -73.63, "country": "USA"})
    out = compare_article("a", EXPECTED, output([far, background()]))
    assert ("bomb", "place") in keys(out.gaps)
    assert out.found["incidents"] == 1  # only the background one matched by date and place


def test_a_misdated_incident_is_named_as_such() -> None:
    out = compare_article("a", EXPECTED, output([event(date="2024-03-12"), background()]))
    assert ("bomb", "date") in keys(out.gaps)


def test_month_precision_matches_any_day_of_the_month() -> None:
    out = compare_article("a", EXPECTED, output([event(), background()]))
    assert ("old-bombs", "found") not in keys(out.gaps)
    late = event(status="background", date="2022-11-01", date_precision="month", fatalities=120)
    assert ("old-bombs", "date") in keys(
        compare_article("a", EXPECTED, output([event(), late])).gaps
    )


def test_missing_and_unexpected_incidents() -> None:
    protest = event(date="2024-03-14", event_type="Protests", sub_event_type="Peaceful protest")
    out = compare_article("a", EXPECTED, output([protest]))
    assert {("bomb", "found"), ("old-bombs", "found"), (UNEXPECTED, "count")} <= keys(out.gaps)


def test_actor_names_match_at_word_starts_and_null_means_unnamed() -> None:
    exp = {"incidents": [dict(EXPECTED["incidents"][0], actor1=["Russia"])]}
    ok = event(actor1={"name": "Military Forces of Russia", "mention": "Russian troops"})
    assert ("bomb", "actor1") not in keys(compare_article("a", exp, output([ok])).gaps)
    prussia = event(actor1={"name": "Prussian army", "mention": "Prussians"})
    assert ("bomb", "actor1") in keys(compare_article("a", exp, output([prussia])).gaps)
    exp = {"incidents": [dict(EXPECTED["incidents"][0], actor1=None)]}
    unnamed = event(actor1={"name": "Unidentified Armed Group (Somalia)", "mention": "gunmen"})
    assert ("bomb", "actor1") not in keys(compare_article("a", exp, output([unnamed])).gaps)


def test_country_only_incidents_match_by_country() -> None:
    exp = {
        "incidents": [
            {"key": "deal", "date": "2014-01-01", "date_precision": "year", "country": "PHL"},
        ]
    }
    inside = event(
        date="2014-01-01",
        date_precision="year",
        location={"name": "Manila", "lat": 14.6, "lon": 121.0, "country": "PHL"},
    )
    outside = event(
        date="2014-03-27", location={"name": "Jakarta", "lat": -6.2, "lon": 106.8, "country": "IDN"}
    )
    assert compare_article("a", exp, output([inside])).gaps == []
    misplaced = compare_article("a", exp, output([outside]))
    assert ("deal", "place") in keys(misplaced.gaps)
    assert misplaced.found["incidents"] == 0


def test_statistics_need_quantity_then_unit() -> None:
    stats = [{"quantity": 1600, "unit": "people"}]
    out = compare_article("a", {"statistics": EXPECTED["statistics"]}, output([], statistics=stats))
    assert keys(out.gaps) == {("stat:1600", "unit"), ("stat:12000", "found")}


def test_error_lines_are_one_gap() -> None:
    out = compare_article("a", EXPECTED, {"article": {}, "error": {"code": "empty", "message": ""}})
    assert keys(out.gaps) == {("(article)", "error")}


def test_ledger_ratchets_both_ways() -> None:
    gaps = [Gap("a", "bomb", "fatalities", 12, 9), Gap("a", "bomb", "actor1", ["x"], None)]
    entries = [
        {"article": "a", "item": "bomb", "field": "fatalities"},
        {"article": "a", "item": "old", "field": "found"},
    ]
    unlisted, fixed = check_ledger(gaps, entries)
    assert [g.key for g in unlisted] == [("a", "bomb", "actor1")]
    assert fixed == [("a", "old", "found")]


def test_km_is_great_circle() -> None:
    assert abs(km(0, 0, 0, 1) - 111.19) < 0.1
