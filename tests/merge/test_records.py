import datetime as dt

import pytest

from sitroom.merge import MentionRecord, RecordError
from sitroom.merge.records import actor_key, date_window


def test_contract_example_builds_with_nulls():
    rec = MentionRecord.from_dict(
        {
            "id": "m1",
            "article_id": "a7",
            "published": "2009-03-02",
            "date": None,
            "date_precision": "unknown",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": {"name": "Pakistan Military", "mention": "troops"},
            "actor2": None,
            "location": None,
            "source": "AFP",
        }
    )
    assert rec.date == dt.date(2009, 3, 2) and rec.date_precision == "unknown"
    # an undated report: the incident happened on publication day or a few days before
    assert rec.date_lo == dt.date(2009, 2, 27) and rec.date_hi == dt.date(2009, 3, 2)
    assert rec.actor1 is not None and rec.actor1.who == {"cty_pak"}
    assert rec.actor2 is None and not rec.located


@pytest.mark.parametrize("bad", [None, [], "x", {"id": None}, {"id": ""}, {"id": True}, {}])
def test_unusable_records_raise(bad):
    with pytest.raises(RecordError):
        MentionRecord.from_dict(bad)


def test_garbage_fields_become_unknown():
    rec = MentionRecord.from_dict(
        {
            "id": 7,
            "published": "not a date",
            "date": "0001-01-01",
            "fatalities": -3,
            "injured": float("nan"),
            "location": {"lat": "33", "lon": 44},
            "actor1": 12,
            "weapons": "rifle",
        }
    )
    assert rec.id == "7" and rec.date is None and rec.date_lo is None
    assert rec.fatalities is None and rec.injured is None and not rec.located
    assert rec.actor1 is None and rec.weapons == frozenset()


def test_date_windows_follow_precision():
    day = dt.date(2024, 2, 14)
    assert date_window(day, "day", None) == (day, day)
    assert date_window(day, "month", None) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_window(day, "year", None) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    lo, hi = date_window(day, "week", None)
    assert lo < day < hi


def test_actor_keys_fold_spellings_of_one_actor():
    assert actor_key("Afghan soldiers").who == actor_key("Military Forces of Afghanistan").who
    assert actor_key({"name": "Turkish police"}).who == actor_key("Police Forces of Turkey").who
    assert actor_key("gunmen").generic
    assert actor_key("Pakistan Armed Gang").unnamed
    assert actor_key({"name": None, "mention": None}) is None
