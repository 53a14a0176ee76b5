"""What an aggregate figure counts, and which figures are no statistic at all."""

import datetime as dt

from sitroom.knowledge.numbers import find_numbers, has_aggregate_cue
from sitroom.stages.statistics import StatisticStage

PUBLISHED = dt.date(2025, 3, 4)


def stats(parse, text: str) -> dict[float, str]:
    item = parse(text, PUBLISHED)
    StatisticStage().process([item])
    assert item.error is None
    return {s.quantity: s.unit for s in item.statistics if s.quantity is not None}


def test_counted_noun_after_modifiers(parse) -> None:
    got = stats(
        parse,
        "Rebels staged more than 300 mortar and rocket strikes on the valley in 2024. "
        "Monitors logged 45 roadside bomb incidents since October. "
        "The mission relies on about 9,000 West African troops.",
    )
    assert got[300] == "strikes"
    assert got[45] == "incidents"
    assert got[9000] == "troops"


def test_what_happened_to_the_people_counted(parse) -> None:
    got = stats(
        parse,
        "Aid agencies say some 400,000 people have been displaced by the floods and fighting. "
        "More than 1,100 people were abducted across the region between May and November. "
        "Over 50,000 people have fled their homes, the agency said.",
    )
    assert got[400_000] == "displaced"
    assert got[1100] == "kidnapped"
    assert got[50_000] == "displaced"


def test_figure_after_a_verb_and_elliptic_figures(parse) -> None:
    got = stats(
        parse,
        "The fighting has displaced 90,000 this year and forced another 20,000 from their "
        "homes. Roughly 3 million are displaced nationwide, including about 800,000 in the "
        "east. The ministry counted 48 ambushes in 2023, up from 31 the year before.",
    )
    assert got[90_000] == "displaced"
    assert got[20_000] == "displaced"
    assert got[800_000] == "displaced"
    assert got[48] == "ambushes"
    assert got[31] == "ambushes"


def test_attacked_so_many_times(parse) -> None:
    got = stats(parse, "The base has been targeted more than 40 times since January.")
    assert got[40] == "attacks"


def test_incident_details_are_no_statistics(parse) -> None:
    got = stats(
        parse,
        "Gunmen seized 35 passengers from a bus near the border on Monday. "
        "Several thousand protesters marched to the palace. "
        "In 2017, militants raided a barracks, killing 140 soldiers. "
        "The town fell after 1,500 soldiers surrendered. "
        "It was the deadliest attack on the town since 2009, when 120 people were killed.",
    )
    assert got == {}


def test_vague_hundreds_and_dated_openings() -> None:
    numbers = find_numbers("several hundred residents and a few thousand others")
    assert [n.vague for n in numbers] == [True, True]
    assert not has_aggregate_cue("In 2016, a bomb killed 30 people at the market.")
    assert has_aggregate_cue("The group killed 300 people in 2016.")
    assert has_aggregate_cue("At least 70 people died during the unrest between March and May.")
    assert not has_aggregate_cue("The blast was the deadliest since 2015, killing 12.")


def test_counts_a_monitor_records_and_people_missing_or_driven_out(parse) -> None:
    got = stats(
        parse,
        "The army said 38 armed clashes were recorded along the river over the past day. "
        "About 120 have been reported missing since the dam fighting began. "
        "More than 2 million have been driven from their homes, the agency said.",
    )
    assert got[38] == "clashes"
    assert got[120] == "missing"
    assert got[2_000_000] == "displaced"


def test_parts_of_a_toll_small_core_counts_and_disasters(parse) -> None:
    got = stats(
        parse,
        "Gun battles in the port left 31 people dead, among them 12 police officers. "
        "Soldiers freed three hostages on Sunday. "
        "The earthquake in 2023 killed more than 4,000 people, the United Nations said.",
    )
    assert got == {}


def test_source_of_a_count_is_a_name_not_a_clause(parse) -> None:
    item = parse(
        "The governor met elders in the capital on Monday and pledged 1,500 more guards. "
        "The Regional Centre for Conflict and Peace Studies recorded 240 attacks in 2024.",
        PUBLISHED,
    )
    StatisticStage().process([item])
    by = {s.quantity: s.by for s in item.statistics}
    assert by.get(1500) is None
    assert by[240] == "The Regional Centre for Conflict and Peace Studies"


def test_aggregates_of_other_things_need_a_conflict(parse) -> None:
    got = stats(
        parse,
        "Since 1990, the country has signed 31 trade agreements with its neighbours. "
        "Since May, the army has set up 45 checkpoints around the city.",
    )
    assert got == {45: "checkpoints"}


def test_people_arrested_or_fleeing_in_one_incident_are_no_statistics(parse) -> None:
    got = stats(
        parse,
        "Police arrested 1,200 people during Friday's protest in the capital. "
        "About 300 protesters were detained after the march on Monday. "
        "Gunmen abducted 150 students from the school on Tuesday. "
        "Some 1,500 residents fled the village after the attack on Saturday. "
        "The victims, aged 25 to 40, were buried on Sunday.",
    )
    assert got == {}
