import os
from pathlib import Path

import pytest

from sitroom.evaluate.dedup import (
    b_cubed,
    bbn_record,
    cameo_type,
    exact_match,
    load_stories,
    pairwise,
    run,
    stories_path,
)


def gold_dir() -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"
    return Path(os.environ.get("SITROOM_GOLD", default))


def test_b_cubed_and_pairwise_on_a_hand_case():
    gold = ["a", "a", "a", "b"]
    assert b_cubed(gold, gold)["b3_f1"] == 1.0
    merged = b_cubed(["x", "x", "x", "x"], gold)
    assert merged["b3_recall"] == 1.0
    assert merged["b3_precision"] == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)
    split = pairwise(["x", "x", "y", "z"], gold)
    assert split["pair_precision"] == 1.0 and split["pair_recall"] == pytest.approx(1 / 3)


def test_cameo_codes_map_to_acled_families():
    assert cameo_type("193") == ("Battles", "Armed clash")
    assert cameo_type("145") == ("Riots", "Violent demonstration")
    assert cameo_type("141")[0] == "Protests"
    assert cameo_type("046") == ("Strategic developments", "Other")


def test_bbn_rows_become_contract_records():
    row = {
        "mention_id": "m",
        "article_id": "A",
        "date": "2009-03-30",
        "news_source": "AFP",
        "event_code": "193",
        "source_actor": "Pakistan",
        "source_agent": "Military",
        "target_actor": None,
        "target_agent": None,
    }
    rec = bbn_record(row)
    assert rec["date"] is None and rec["published"] == "2009-03-30" and rec["location"] is None
    assert rec["actor1"] == {"name": "Pakistan Military", "mention": "Military"}
    assert rec["actor2"] is None


def test_exact_match_groups_identical_fields_only():
    recs = [{"id": 1, "x": 1}, {"id": 2, "x": 1}, {"id": 3, "x": 2}]
    keys = exact_match(recs)
    assert keys[0] == keys[1] != keys[2]


def test_story_corpus_is_grouped_as_written():
    records, labels = load_stories(stories_path())
    assert len(records) >= 40 and len(set(labels)) >= 15
    report = run(gold_dir()) if gold_dir().is_dir() else None
    assert report is not None, "gold folder ../shared/gold is required"
    assert report.metrics["stories_b3_f1"] == 1.0


@pytest.mark.gold
def test_bbn_gate_above_exact_matching():
    report = run(gold_dir())
    ours = report.metrics["bbn_b3_f1"]
    assert ours >= 0.85
    assert ours > report.baselines["bbn_exact_match"]["b3_f1"] + 0.05
    assert ours > report.baselines["bbn_day_type_place"]["b3_f1"] + 0.05
