"""DateStage on parsed texts, with incidents built here (trigger = the event word)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Analysis, Incident, Span
from sitroom.stages.dating import DateStage

Analyse = Callable[[str, dt.date | None], Analysis]
FRIDAY = dt.date(2023, 12, 8)


def incident(item: Analysis, word: str, nth: int = 0, sub: str = "Air/drone strike") -> Incident:
    """An incident whose trigger is the nth occurrence of `word` in the text."""
    text = item.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    trigger = Span(word, start, start + len(word))
    main = "Explosions/Remote violence"
    return Incident(main, sub, trigger, sentences=[item.sentence_of(start)])


def dated(item: Analysis, *incidents: Incident) -> list[Incident]:
    item.incidents = list(incidents)
    DateStage().process([item])
    return item.incidents


def test_timex_attached_to_trigger_wins_over_another_events_date(analyse: Analyse) -> None:
    item = analyse(
        "Rockets were fired on Friday at the base, weeks after the October 7 attack.", FRIDAY
    )
    rockets, attack = dated(item, incident(item, "fired"), incident(item, "attack"))
    assert (rockets.date, rockets.date_precision) == (FRIDAY, "day")
    assert (attack.date, attack.date_precision) == (dt.date(2023, 10, 7), "day")
    assert "Friday" in rockets.notes["date"]


def test_weekday_in_the_sentence_and_clock_time(analyse: Analyse) -> None:
    item = analyse(
        "On Wednesday a drone struck a convoy near the border at 4:15am (1:15am GMT).", FRIDAY
    )
    (drone,) = dated(item, incident(item, "struck"))
    assert drone.date == dt.date(2023, 12, 6)
    assert drone.time == "04:15"


def test_precision_week_month_year(analyse: Analyse) -> None:
    item = analyse(
        "Militants attacked a checkpoint this week. Gunmen raided a village last month. "
        "A bomb exploded in the market in 2017.",
        FRIDAY,
    )
    week, month, year = dated(
        item, incident(item, "attacked"), incident(item, "raided"), incident(item, "exploded")
    )
    assert (week.date, week.date_precision) == (dt.date(2023, 12, 4), "week")
    assert (month.date, month.date_precision) == (dt.date(2023, 11, 1), "month")
    assert (year.date, year.date_precision) == (dt.date(2017, 1, 1), "year")


def test_no_clue_falls_back_to_publication(analyse: Analyse) -> None:
    item = analyse("Gunmen attacked a police post in the north.", FRIDAY)
    (only,) = dated(item, incident(item, "attacked"))
    assert (only.date, only.date_precision) == (FRIDAY, "unknown")
    assert only.notes["date"] == "no date in the text"


def test_durations_sets_and_since_never_date(analyse: Analyse) -> None:
    item = analyse(
        "Militias have staged 78 attacks since October 17 during a two-month conflict "
        "and shell the town every week.",
        FRIDAY,
    )
    (attacks,) = dated(item, incident(item, "attacks"))
    assert attacks.date_precision == "unknown"


def test_yesterday_and_preceding_sentence(analyse: Analyse) -> None:
    item = analyse(
        "Fighting broke out yesterday in the capital. Dozens of shells hit the airport.",
        FRIDAY,
    )
    fight, shells = dated(item, incident(item, "Fighting"), incident(item, "hit"))
    assert fight.date == dt.date(2023, 12, 7)
    assert shells.date == dt.date(2023, 12, 7)
    assert "sentence before" in shells.notes["date"]


def test_a_day_after_resolves_through_the_other_event(analyse: Analyse, seed_text: str) -> None:
    item = analyse(seed_text, FRIDAY)
    strike = incident(item, "self-defence strike")
    call = incident(item, "phone call", sub="Other")
    strike_out, call_out = dated(item, strike, call)
    assert strike_out.date == dt.date(2023, 12, 3)
    assert (call_out.date, call_out.date_precision) == (dt.date(2023, 12, 2), "day")


def test_later_counts_from_the_previous_incident(analyse: Analyse) -> None:
    item = analyse(
        "Rebels seized the town on Monday. Two days later, troops shelled their positions.",
        FRIDAY,
    )
    seized, shelled = dated(item, incident(item, "seized"), incident(item, "shelled"))
    assert seized.date == dt.date(2023, 12, 4)
    assert shelled.date == dt.date(2023, 12, 6)


def test_dateline_dates_an_undated_wire(analyse: Analyse) -> None:
    item = analyse("LIMA, 10 JAN 90 (RADIO) -- GUERRILLAS ATTACKED A POLICE POST YESTERDAY.", None)
    (attack,) = dated(item, incident(item, "ATTACKED"))
    assert (attack.date, attack.date_precision) == (dt.date(1990, 1, 9), "day")


def test_a_past_period_dates_to_its_first_day(analyse: Analyse) -> None:
    item = analyse(
        "Shelling has killed 74 civilians in the past three days, officials said.", FRIDAY
    )
    (shelling,) = dated(item, incident(item, "Shelling"))
    assert (shelling.date, shelling.date_precision) == (dt.date(2023, 12, 6), "week")
    assert "first day" in shelling.notes["date"]


def test_the_reporting_verbs_day_yields_to_the_incidents_own_day(analyse: Analyse) -> None:
    item = analyse(
        "Gunmen killed five farmers in a village, police said on Friday. "
        "The attack took place on Wednesday night.",
        FRIDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert killed.date == dt.date(2023, 12, 6)
    assert "report" in killed.notes["date"]


def test_the_reporting_day_stands_when_nothing_else_is_said(analyse: Analyse) -> None:
    item = analyse("Gunmen killed five farmers in a village, police said on Thursday.", FRIDAY)
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2023, 12, 7), "day")


def test_a_date_after_publication_never_dates_an_incident(analyse: Analyse) -> None:
    item = analyse("A boy was killed in the east ahead of a referendum next month.", FRIDAY)
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (FRIDAY, "unknown")


def test_an_old_date_not_tied_to_the_trigger_is_background(analyse: Analyse) -> None:
    item = analyse(
        "A teacher who fled the north in 1995 has been shot dead in the capital.", FRIDAY
    )
    (shot,) = dated(item, incident(item, "shot"))
    assert (shot.date, shot.date_precision) == (FRIDAY, "unknown")


def test_a_possessive_date_dates_only_what_it_owns(analyse: Analyse) -> None:
    item = analyse(
        "This year's harvest festival turned sour when gunmen killed four people.", FRIDAY
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (FRIDAY, "unknown")
    item = analyse("Thirteen people died in Thursday's twin bomb explosions.", FRIDAY)
    (died,) = dated(item, incident(item, "died"))
    assert died.date == dt.date(2023, 12, 7)
