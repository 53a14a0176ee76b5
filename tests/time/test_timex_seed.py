"""The seed article's time expressions (seed-expected.md, published 2023-12-08)."""

from __future__ import annotations

import datetime as dt

from sitroom.stages.times import find_times, resolve_relative

PUBLISHED = dt.date(2023, 12, 8)

# text as written -> (type, value, mod); our own expectations from seed-expected.md
EXPECTED = {
    "Friday": ("DATE", "2023-12-08", None),
    "around 4:15am": ("TIME", "2023-12-08T04:15", "APPROX"),
    "1:15am GMT": ("TIME", "2023-12-08T01:15", None),
    "Sunday": ("DATE", "2023-12-03", None),
    "Wednesday": ("DATE", "2023-12-06", None),
    "last week": ("DATE", "2023-W48", None),
    "October 7": ("DATE", "2023-10-07", None),
    "October 17": ("DATE", "2023-10-17", None),
    "mid-October": ("DATE", "2023-10", "MID"),
    "more than two-month": ("DURATION", "P2M", "MORE_THAN"),
    "seven-day": ("DURATION", "P7D", None),
    "a day": ("DATE", "2023-12-02", None),  # the phone call the strike "came a day after"
}


def test_every_seed_time_value(seed_text: str) -> None:
    found = {t.text: (t.type, t.value, t.mod) for t in find_times(seed_text, PUBLISHED)}
    for text, expected in EXPECTED.items():
        assert found.get(text) == expected, text


def test_gmt_time_carries_its_zone(seed_text: str) -> None:
    gmt = [t for t in find_times(seed_text, PUBLISHED) if t.text == "1:15am GMT"]
    assert [t.zone for t in gmt] == ["UTC"]
    assert gmt[0].to_dict()["zone"] == "UTC"


def test_offsets_index_the_text(seed_text: str) -> None:
    for t in find_times(seed_text, PUBLISHED):
        assert seed_text[t.start : t.end] == t.text


def test_since_is_outside_the_span_and_resolves(seed_text: str) -> None:
    times = find_times(seed_text, PUBLISHED)
    for t in times:
        assert not t.text.lower().startswith(("since", "on "))
    assert resolve_relative("since October 17", PUBLISHED) == dt.date(2023, 10, 17)
    assert resolve_relative("since mid-October", PUBLISHED) == dt.date(2023, 10, 1)
