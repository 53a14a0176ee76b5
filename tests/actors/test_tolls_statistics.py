"""Statistics (sentences written for these tests): an incident's toll told
before a period clause is no statistic, and a count "in 2024", "last year", "this year"
or "in March" covers that calendar period."""

import datetime as dt

from sitroom.stages.statistics import StatisticStage
from sitroom.stages.times import TimexStage

DAY = dt.date(2025, 6, 1)


def stats(parse, text: str) -> dict[float, tuple[dt.date | None, dt.date | None]]:
    item = parse(text, DAY)
    TimexStage().process([item])
    StatisticStage().process([item])
    return {s.quantity: (s.since, s.until) for s in item.statistics if s.unit == "killed"}


def test_the_incident_part_of_a_clause_is_no_statistic(parse) -> None:
    got = stats(
        parse,
        "Gunmen killed 17 villagers in a raid on a hamlet, police said on Sunday, the "
        "latest in a wave of attacks that has killed more than 300 people this year.",
    )
    assert 17 not in got
    assert got[300] == (dt.date(2025, 1, 1), None)


def test_calendar_periods(parse) -> None:
    got = stats(
        parse,
        "The militia killed 120 people last year and 40 so far this year, a monitor said. "
        "In March, 300 civilians were killed in the province, the UN said. More than 9,000 "
        "people have been killed since the invasion in February 2022, officials said.",
    )
    assert got[120] == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert got[40] == (dt.date(2025, 1, 1), None)
    assert got[300] == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert got[9000] == (dt.date(2022, 2, 1), None)
