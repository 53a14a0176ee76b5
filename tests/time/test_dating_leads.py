"""Dating wire leads: editors' bracketed dates, coordinated days, paragraphs, participle
adjuncts (texts written for these tests; DateStage on incidents built by hand)."""

from __future__ import annotations

import datetime as dt

from dating_helpers import FRIDAY, Analyse, dated, incident

from sitroom.model import Incident, Span


def test_a_bracketed_date_fixes_the_day_a_weekday_implies(analyse: Analyse) -> None:
    # the editor's gloss wins even where the weekday alone would count differently
    item = analyse("Four traders were killed in the market on Wednesday [7 December].", FRIDAY)
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2023, 12, 7), "day")
    assert "[7 December]" in killed.notes["date"]


def test_a_bracketed_date_after_yesterday_and_last_night(analyse: Analyse) -> None:
    item = analyse(
        "A reporter's body was found in the river yesterday [3 December]. "
        "Militiamen burned a clinic in the valley last night [5 December].",
        FRIDAY,
    )
    found, burned = dated(item, incident(item, "found"), incident(item, "burned"))
    assert found.date == dt.date(2023, 12, 3)
    assert burned.date == dt.date(2023, 12, 5)


def test_a_date_in_parentheses_glosses_too(analyse: Analyse) -> None:
    item = analyse("Gunmen shot dead a cleric on Sunday night (December 3rd), radio said.", FRIDAY)
    (shot,) = dated(item, incident(item, "shot"))
    assert shot.date == dt.date(2023, 12, 3)
    assert "December 3rd" in shot.notes["date"]


def test_a_gloss_on_the_reporting_day_still_dates_the_report(analyse: Analyse) -> None:
    item = analyse(
        "An army spokesman announced Thursday [7 December] that a rocket had hit a school. "
        "The rocket struck on Tuesday afternoon.",
        FRIDAY,
    )
    (hit,) = dated(item, incident(item, "hit"))
    assert hit.date == dt.date(2023, 12, 5)


def test_a_clock_time_in_brackets_is_no_date_gloss(analyse: Analyse) -> None:
    item = analyse("A car bomb exploded near the court at 9 a.m. [0600 GMT] on Tuesday.", FRIDAY)
    (bomb,) = dated(item, incident(item, "exploded"))
    assert bomb.date == dt.date(2023, 12, 5)


def test_coordinated_days_date_to_the_first(analyse: Analyse) -> None:
    item = analyse(
        "Raiders went from village to village on Monday and Tuesday night and killed 40.",
        FRIDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert killed.date == dt.date(2023, 12, 4)


def test_a_date_in_the_previous_paragraph_does_not_date_the_next(analyse: Analyse) -> None:
    text = (
        "A chief said on Thursday that the captors had asked for a ransom.\n\n"
        "Abductions for money have plagued the highway. "
        "In June 2019, bandits raided a bus on the same road and seized 30 passengers."
    )
    item = analyse(text, FRIDAY)
    start = text.index("Abductions")
    generic = Incident(
        "Violence against civilians",
        "Abduction/forced disappearance",
        Span("Abductions", start, start + 10),
        [item.sentence_of(start), item.sentence_of(text.index("raided"))],
    )
    (abductions,) = dated(item, generic)
    assert (abductions.date, abductions.date_precision) == (dt.date(2019, 6, 1), "month")


def test_a_participle_adjunct_shares_the_main_verbs_old_date(analyse: Analyse) -> None:
    item = analyse(
        "In May 2021, gunmen stormed a boarding school in the hills, wounding two guards "
        "and abducting 80 pupils.",
        FRIDAY,
    )
    (abducting,) = dated(item, incident(item, "abducting"))
    assert (abducting.date, abducting.date_precision) == (dt.date(2021, 5, 1), "month")


def test_killed_and_injured_on_one_day_both_take_it(analyse: Analyse) -> None:
    item = analyse("Six people were killed and 20 injured on Sunday in the port town.", FRIDAY)
    killed, injured = dated(item, incident(item, "killed"), incident(item, "injured"))
    assert killed.date == injured.date == dt.date(2023, 12, 3)


def test_a_conjunct_verb_keeps_its_own_date(analyse: Analyse) -> None:
    item = analyse(
        "The rebels resumed their war in late 2019 and captured the river port in March 2021.",
        FRIDAY,
    )
    (captured,) = dated(item, incident(item, "captured"))
    assert (captured.date, captured.date_precision) == (dt.date(2021, 3, 1), "month")


def test_a_next_sentence_that_tells_the_incident_again_gives_its_day(analyse: Analyse) -> None:
    item = analyse(
        "Eleven miners were killed when armed men raided a gold site near the border. "
        "The attack took place on Tuesday, a local official said.",
        FRIDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (dt.date(2023, 12, 5), "day")


def test_a_date_naming_a_vote_does_not_date_the_killing(analyse: Analyse) -> None:
    item = analyse(
        "A candidate who lost the January 14 election was shot dead outside his home.",
        dt.date(2024, 2, 9),
    )
    (shot,) = dated(item, incident(item, "shot"))
    assert shot.date_precision == "unknown"


def test_a_toll_told_as_part_of_a_dated_attack_takes_its_date(analyse: Analyse) -> None:
    item = analyse(
        "At least 30 villagers were killed in the hills following Wednesday's raid by "
        "cattle rustlers on three hamlets.",
        FRIDAY,
    )
    killed, raid = dated(item, incident(item, "killed"), incident(item, "raid"))
    assert raid.date == dt.date(2023, 12, 6)
    assert (killed.date, killed.date_precision) == (dt.date(2023, 12, 6), "day")
    assert "raid" in killed.notes["date"]


def test_a_toll_in_the_next_sentence_is_dated_by_that_sentence(analyse: Analyse) -> None:
    item = analyse(
        "Wednesday's raid by cattle rustlers hit three hamlets. Thirty villagers were killed.",
        FRIDAY,
    )
    raid, killed = dated(item, incident(item, "raid"), incident(item, "killed"))
    assert raid.date == dt.date(2023, 12, 6)
    assert killed.date == dt.date(2023, 12, 6)
    assert "sentence before" in killed.notes["date"]


def test_a_next_sentence_about_something_else_gives_no_day(analyse: Analyse) -> None:
    item = analyse(
        "Eleven miners were killed when armed men raided a gold site near the border. "
        "The government began talks with the miners' union on Tuesday.",
        FRIDAY,
    )
    (killed,) = dated(item, incident(item, "killed"))
    assert (killed.date, killed.date_precision) == (FRIDAY, "unknown")
