"""Dating incidents of full, multi-incident articles: a background mention's own date,
vague distances ("Days later") from the last date told, a paragraph break after the
trigger, live-update timestamps (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from dating_helpers import FRIDAY, Analyse, dated, incident

from sitroom.stages.times import find_times


def test_a_when_clause_takes_the_old_date_it_hangs_from(analyse: Analyse) -> None:
    # not the day of the sentence before: the clause is dated by the timex it follows
    item = analyse(
        "Rebels shelled the airport on Sunday, officials said.\n\n"
        "The group lost its last stronghold in May 2017, when government troops captured "
        "the town of Tamor after a long siege.",
        FRIDAY,
    )
    _, captured = dated(item, incident(item, "shelled"), incident(item, "captured"))
    assert (captured.date, captured.date_precision) == (dt.date(2017, 5, 1), "month")


def test_days_later_counts_from_the_last_date_told_not_the_report(analyse: Analyse) -> None:
    item = analyse(
        "A drone strike killed two men on Wednesday, the ministry said.\n\n"
        "The fighting escalated sharply in September 2022, when dozens of villages were "
        "emptied.\n\n"
        "Days later, an air strike on the capital killed the movement's leader.",
        FRIDAY,
    )
    _, leader = dated(item, incident(item, "drone strike"), incident(item, "air strike"))
    assert (leader.date, leader.date_precision) == (dt.date(2022, 9, 1), "month")
    assert "Days later" in leader.notes["date"]


def test_hours_later_keeps_the_previous_incidents_day(analyse: Analyse) -> None:
    item = analyse(
        "Gunmen ambushed a police convoy on Monday, killing four officers. Hours later, a "
        "bomb exploded at the market in the same town.",
        FRIDAY,
    )
    ambush, bomb = dated(item, incident(item, "ambushed"), incident(item, "exploded"))
    assert ambush.date == dt.date(2023, 12, 4)
    assert (bomb.date, bomb.date_precision) == (dt.date(2023, 12, 4), "day")


def test_days_later_after_a_day_is_a_bounded_estimate(analyse: Analyse) -> None:
    item = analyse(
        "Militants stormed a school on Saturday [25 November]. A few days later, they "
        "attacked a church in a nearby village.",
        FRIDAY,
    )
    _, church = dated(item, incident(item, "stormed"), incident(item, "attacked"))
    assert (church.date, church.date_precision) == (dt.date(2023, 11, 27), "week")


def test_a_vague_distance_gives_way_to_the_sentences_own_day(analyse: Analyse) -> None:
    item = analyse(
        "Rebels seized the border post in October. Weeks later, on November 20, troops "
        "attacked their camp.",
        FRIDAY,
    )
    _, camp = dated(item, incident(item, "seized"), incident(item, "attacked"))
    assert (camp.date, camp.date_precision) == (dt.date(2023, 11, 20), "day")


def test_a_day_after_a_paragraph_break_dates_nothing_before_it(analyse: Analyse) -> None:
    item = analyse(
        "The raiders entered the village late on Saturday, residents said. Several houses "
        "were set on fire.\n\n"
        '"We have buried twelve people," the chief said on Thursday.',
        FRIDAY,
    )
    (fire,) = dated(item, incident(item, "fire"))
    assert fire.date == dt.date(2023, 12, 2)


def test_a_live_update_stamp_is_the_pages_day() -> None:
    text = "Latest developments.\n\n08:05 — A missile struck the port overnight, the governor said."
    stamp = next(t for t in find_times(text, FRIDAY) if t.text == "08:05")
    assert stamp.value == "2023-12-08T08:05"
    # a clock time inside a sentence still takes the day the sentence names
    inside = find_times("The blast came at 08:05 on Tuesday.", FRIDAY)
    assert any(t.value == "2023-12-05T08:05" for t in inside)


def test_an_overnight_raid_takes_the_night_the_next_sentence_gives(analyse: Analyse) -> None:
    # published on a Tuesday: the next sentence names the night, two days back
    tuesday = dt.date(2023, 12, 5)
    item = analyse(
        "Armed men kidnapped 20 villagers in an overnight raid in the north, police said on "
        "Tuesday.\n\nThe kidnappers arrived on motorbikes shortly before midnight on Sunday "
        "and went from house to house.",
        tuesday,
    )
    (raid,) = dated(item, incident(item, "raid"))
    assert (raid.date, raid.date_precision) == (dt.date(2023, 12, 3), "day")


def test_an_overnight_raid_keeps_its_night_when_the_next_sentence_is_another_story(
    analyse: Analyse,
) -> None:
    tuesday = dt.date(2023, 12, 5)
    item = analyse(
        "Armed men kidnapped 20 villagers in an overnight raid in the north, police said on "
        "Tuesday.\n\nThe governor visited the state capital on Sunday to open a hospital.",
        tuesday,
    )
    (raid,) = dated(item, incident(item, "raid"))
    # "overnight" alone is the night into the publication day, a day only bounded
    assert (raid.date, raid.date_precision) == (tuesday, "week")


def test_a_sentence_telling_the_attack_again_is_not_dated_by_its_report(
    analyse: Analyse,
) -> None:
    item = analyse(
        "Militants attacked a police station in the district late on Wednesday, killing "
        "three officers, police said. The attackers struck the station shortly after 10 "
        "p.m., the district police chief told reporters on Thursday.",
        FRIDAY,
    )
    attacked, struck = dated(item, incident(item, "attacked"), incident(item, "struck"))
    assert attacked.date == dt.date(2023, 12, 6)
    assert (struck.date, struck.date_precision) == (dt.date(2023, 12, 6), "day")


def test_a_new_subject_told_on_the_report_day_keeps_the_report_day(analyse: Analyse) -> None:
    item = analyse(
        "Militants attacked a police station late on Wednesday, police said. Soldiers "
        "killed two suspects at a checkpoint, an army spokesman told reporters on Thursday.",
        FRIDAY,
    )
    _, killed = dated(item, incident(item, "attacked"), incident(item, "killed"))
    assert killed.date == dt.date(2023, 12, 7)


def test_later_that_night_keeps_the_day_told_before(analyse: Analyse) -> None:
    item = analyse(
        "A car bomb exploded outside the police station on Tuesday afternoon. The army "
        "said it had shot down a drone over its base later that night.",
        FRIDAY,
    )
    _, shot = dated(item, incident(item, "exploded"), incident(item, "shot"))
    assert (shot.date, shot.date_precision) == (dt.date(2023, 12, 5), "day")


def test_a_when_clause_after_the_trigger_gives_its_day(analyse: Analyse) -> None:
    item = analyse(
        "Mourners filled the church on Thursday for the funeral of two pupils shot dead "
        "when gunmen opened fire on their bus at the weekend.",
        FRIDAY,
    )
    (shot,) = dated(item, incident(item, "shot"))
    assert shot.date == dt.date(2023, 12, 2)


def test_a_clock_time_alone_takes_the_day_told_before(analyse: Analyse) -> None:
    item = analyse(
        "Two farmers were killed on Sunday in the valley. They were working in the fields "
        "when shots were fired from the hills at around 11 a.m.",
        FRIDAY,
    )
    _, shots = dated(item, incident(item, "killed"), incident(item, "shots"))
    assert shots.date == dt.date(2023, 12, 3)


def test_a_long_when_clause_with_commas_takes_the_old_month(analyse: Analyse) -> None:
    item = analyse(
        "The worst attack came in March 2021, when six villagers, two of them children, "
        "were abducted from a camp and later found dead.",
        FRIDAY,
    )
    (abducted,) = dated(item, incident(item, "abducted"))
    assert (abducted.date, abducted.date_precision) == (dt.date(2021, 3, 1), "month")
