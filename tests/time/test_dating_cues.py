"""Dating rules: the night into the publication day, a day named beside
"overnight", spells of days of violence (texts written for these tests; DateStage on
incidents built by hand)."""

from __future__ import annotations

import datetime as dt

from dating_helpers import Analyse, dated, incident

WEDNESDAY = dt.date(2024, 3, 13)


def test_a_bare_overnight_is_the_night_into_the_publication_day(analyse: Analyse) -> None:
    item = analyse(
        "Rebels killed nine farmers in an overnight attack on a hamlet near the river, "
        "the district officer said.",
        WEDNESDAY,
    )
    (attack,) = dated(item, incident(item, "attack"))
    assert (attack.date, attack.date_precision) == (WEDNESDAY, "week")


def test_overnight_hits_after_midnight_fix_the_day(analyse: Analyse) -> None:
    item = analyse(
        "Drones struck a fuel depot in the port overnight. The first blast came shortly "
        "after 3 a.m., the mayor said.",
        WEDNESDAY,
    )
    (struck,) = dated(item, incident(item, "struck"))
    assert (struck.date, struck.date_precision) == (WEDNESDAY, "day")


def test_a_weekday_beside_overnight_names_the_night(analyse: Analyse) -> None:
    item = analyse(
        "A lawyer was shot dead outside his office overnight Monday, police said.", WEDNESDAY
    )
    (shot,) = dated(item, incident(item, "shot"))
    assert (shot.date, shot.date_precision) == (dt.date(2024, 3, 11), "day")
    item = analyse("Militants stormed the checkpoint overnight on Sunday.", WEDNESDAY)
    (stormed,) = dated(item, incident(item, "stormed"))
    assert stormed.date == dt.date(2024, 3, 10)


def test_a_spell_of_days_of_fighting_dates_to_its_first_day(analyse: Analyse) -> None:
    item = analyse(
        "At least 30 people have been killed in three days of clashes between two clans "
        "in the valley, elders said.",
        WEDNESDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2024, 3, 11), "week")
    item = analyse("Raids on four villages killed 25 people over two days.", WEDNESDAY)
    (raids,) = dated(item, incident(item, "Raids"))
    assert (raids.date, raids.date_precision) == (dt.date(2024, 3, 12), "week")


def test_a_distance_in_days_is_no_spell(analyse: Analyse) -> None:
    # "two days after" measures from an event the text does not date: no clue at all
    item = analyse("A trader was killed two days after he was abducted from the market.", WEDNESDAY)
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (WEDNESDAY, "unknown")


def test_a_clock_time_before_or_after_a_moment_still_names_its_day(analyse: Analyse) -> None:
    item = analyse(
        "The gunmen arrived shortly before midnight on Sunday and killed four herders.",
        WEDNESDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2024, 3, 10), "day")
    # a day after "since" still starts a count and dates nothing
    item = analyse("Fighting has killed 40 people since Sunday, medics said.", WEDNESDAY)
    (fighting,) = dated(item, incident(item, "Fighting"))
    assert fighting.date_precision == "unknown"


def test_a_day_right_after_the_trigger_beats_the_report_day(analyse: Analyse) -> None:
    # told two weeks after it happened: the report's day is not the incident's
    item = analyse(
        "The security chief today confirmed foreign help in the murder of the mayor on "
        "24 February in the capital.",
        WEDNESDAY,
    )
    (murder,) = dated(item, incident(item, "murder"))
    assert (murder.date, murder.date_precision) == (dt.date(2024, 2, 24), "day")


def test_a_statement_day_gives_way_to_the_day_of_the_act(analyse: Analyse) -> None:
    item = analyse(
        "In a statement read on state radio on Tuesday evening, the army said jets had "
        "struck rebel columns near the border on Monday afternoon.",
        WEDNESDAY,
    )
    (struck,) = dated(item, incident(item, "struck"))
    assert (struck.date, struck.date_precision) == (dt.date(2024, 3, 11), "day")
    item = analyse("The group claimed the ambush in a statement on Tuesday.", WEDNESDAY)
    (ambush,) = dated(item, incident(item, "ambush"))
    assert ambush.date == dt.date(2024, 3, 12)  # the report's day: nothing else is given


def test_a_bare_month_of_a_reported_attack_lies_before_publication(analyse: Analyse) -> None:
    december = dt.date(2024, 12, 11)
    item = analyse(
        "In January, militants attacked an army post north of the capital, killing two soldiers.",
        december,
    )
    (attacked,) = dated(item, incident(item, "attacked"))
    assert (attacked.date, attacked.date_precision) == (dt.date(2024, 1, 1), "month")


def test_a_bound_heading_a_when_clause_dates_the_clause(analyse: Analyse) -> None:
    item = analyse(
        "The town was held by rebels from 2014 until October 2017, when federal forces "
        "took it back in an operation.",
        WEDNESDAY,
    )
    (took,) = dated(item, incident(item, "took"))
    assert (took.date, took.date_precision) == (dt.date(2017, 10, 1), "month")


def test_the_same_month_takes_the_month_last_told(analyse: Analyse) -> None:
    item = analyse(
        "The turning point came in August 2023. Militiamen briefly took control of a "
        "hill town. The same month, a drone strike on a busy square killed 26 people.",
        WEDNESDAY,
    )
    took, strike = dated(item, incident(item, "took"), incident(item, "strike"))
    assert (took.date, took.date_precision) == (dt.date(2023, 8, 1), "month")
    assert (strike.date, strike.date_precision) == (dt.date(2023, 8, 1), "month")
    item = analyse(
        "Gunmen shot dead a judge on 2 March. The same day, a bomb wrecked a court.",
        WEDNESDAY,
    )
    _shot, bomb = dated(item, incident(item, "shot"), incident(item, "bomb"))
    assert (bomb.date, bomb.date_precision) == (dt.date(2024, 3, 2), "day")


def test_a_sentence_telling_the_attack_again_gives_its_day_two_sentences_on(
    analyse: Analyse,
) -> None:
    item = analyse(
        "Nine farmers were killed in a raid on a village, a local official said on "
        "Wednesday. Four others were wounded. The attack happened at about 9 p.m. on "
        "Monday near the river.",
        WEDNESDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2024, 3, 11), "day")


def test_a_spell_before_a_report_day_dates_to_its_first_day(analyse: Analyse) -> None:
    item = analyse(
        "Fighting in the hills has killed 30 people over the past three days, aid workers "
        "said on Wednesday.",
        WEDNESDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2024, 3, 11), "week")
