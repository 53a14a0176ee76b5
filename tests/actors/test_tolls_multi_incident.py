"""Tolls in long articles that tell several incidents (sentences written for these
tests): a war-long count never becomes an incident's toll, victims listed one by one add
up, and the other side's dead told "also" join the fight told just before."""

import datetime as dt

from actor_helpers import incident_at

from sitroom.knowledge.numbers import has_period_cue
from sitroom.stages.toll_text import figures_in
from sitroom.stages.tolls import TollStage, _choose

DAY = dt.date(2025, 3, 12)


def killed(text: str) -> int | None:
    chosen = _choose([f for f in figures_in(text) if f.kind == "killed"])
    return chosen.value if chosen else None


def test_a_period_cue_that_cannot_date_one_incident() -> None:
    assert has_period_cue("The militia has killed more than 4,000 villagers since 2015.")
    assert has_period_cue("Some 90,000 people have died so far in the fighting.")
    assert not has_period_cue("In 2019, gunmen ambushed a convoy and killed nine guards.")
    assert not has_period_cue("It was the deadliest raid since 2017.")


def test_a_war_long_count_in_a_sentence_the_incident_owns(parse) -> None:
    item = parse(
        "Rebels killed 21 farmers in a raid on a hamlet near the river on Sunday, officials "
        "said on Monday. Residents fled to the nearest town. The rebels have killed more "
        "than 5,000 civilians since 2014, according to a local monitoring group.",
        DAY,
    )
    raid = incident_at(item, "raid", "Attack")
    count = incident_at(item, "killed", "Attack", nth=1)
    raid.sentences, count.sentences = [0, 2], [2]
    item.incidents = [raid, count]
    TollStage().process([item])
    assert raid.fatalities == 21
    assert count.fatalities is None


def test_victims_listed_one_by_one_add_up() -> None:
    assert killed("Gunmen fired on a bus in the city, killing a driver and his two sons.") == 3
    assert killed("The shell killed a nurse and three of her patients, a doctor said.") == 4
    assert killed("A farmer and his four daughters were hacked to death overnight.") == 5
    # a count after "an estimated" or "a further" is still the count itself
    assert killed("The strike killed an estimated 30 people.") == 30
    assert killed("Soldiers killed a further six insurgents.") == 6
    # wounded after a single victim stays wounded
    toll = [(f.kind, f.value) for f in figures_in("Bandits killed a trader and wounded two.")]
    assert toll == [("killed", 1), ("injured", 2)]


def test_the_other_side_also_killed_joins_the_fight(parse) -> None:
    item = parse(
        "Troops raided a rebel camp in the hills on Tuesday, killing 11 militants, the army "
        "said. Three soldiers were also killed in the exchange of fire, it said.",
        DAY,
    )
    raid = incident_at(item, "raided", "Armed clash")
    exchange = incident_at(item, "exchange of fire", "Armed clash")
    raid.sentences, exchange.sentences = [0], [1]
    raid.notes["basis"] = "generic"
    item.incidents = [raid, exchange]
    TollStage().process([item])
    assert raid.fatalities == 14
    assert exchange.fatalities == 3


def test_a_second_fight_without_also_stays_apart(parse) -> None:
    item = parse(
        "Troops raided a rebel camp in the hills on Tuesday, killing 11 militants, the army "
        "said. In another clash near the border, three soldiers were killed, it said.",
        DAY,
    )
    raid = incident_at(item, "raided", "Armed clash")
    other = incident_at(item, "clash", "Armed clash")
    raid.sentences, other.sentences = [0], [1]
    item.incidents = [raid, other]
    TollStage().process([item])
    assert raid.fatalities == 11
    assert other.fatalities == 3


def test_a_bigger_claim_merged_in_does_not_beat_the_first_count(parse) -> None:
    from sitroom.stages.consolidate import _toll

    item = parse(
        "Insurgents stormed an army outpost at dawn, killing nine soldiers, an officer said. "
        "The group claimed its fighters killed 60 soldiers. Later the toll rose to 12.",
        DAY,
    )
    first = incident_at(item, "stormed", "Armed clash")
    claim = incident_at(item, "claimed", "Armed clash")
    update = incident_at(item, "rose", "Armed clash")
    first.sentences, claim.sentences, update.sentences = [0], [1], [2]
    item.incidents = [first, claim, update]
    TollStage().process([item])
    assert (first.fatalities, claim.fatalities, update.fatalities) == (9, 60, 12)
    assert _toll([first, claim], "fatalities") is first
    assert _toll([first, claim, update], "fatalities") is update


def test_both_sides_in_one_list_and_the_bombers_own_death() -> None:
    assert killed("The raid was repelled; 9 insurgents and 2 policemen were killed.") == 11
    assert killed("At least 6 fighters and 4 soldiers were reported killed.") == 10
    assert killed("Troops killed 7 gunmen and lost 2 soldiers in the battle.") == 9
    assert killed("A bomber blew himself up at the market, killing 5 shoppers and himself.") == 6


def test_a_toll_update_far_from_the_lead_revises_the_main_incident(parse) -> None:
    item = parse(
        "Gunmen killed at least 12 villagers in a raid on a hamlet near the river on "
        "Sunday, officials said. Residents fled towards the district town. A relief group "
        "said it had sent food. On Tuesday a councillor said the death toll had risen to 19 "
        "after more bodies were found.",
        DAY,
    )
    raid = incident_at(item, "raid", "Attack")
    item.incidents = [raid]
    raid.sentences = [0]
    TollStage().process([item])
    assert raid.fatalities == 19
    assert "a later update" in raid.notes["fatalities"]
