"""Toll figures in the shapes wire leads write them (sentences written for these tests)."""

import datetime as dt

from actor_helpers import incident_at

from sitroom.stages.toll_text import figures_in
from sitroom.stages.tolls import TollStage, _choose


def toll(text: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.value) for f in figures_in(text)]


def killed(text: str) -> int | None:
    """The killed figure the stage would keep for one incident told in `text`."""
    chosen = _choose([f for f in figures_in(text) if f.kind == "killed"])
    assert chosen is not None
    return chosen.value


def test_one_more_victim_after_a_count_or_a_single() -> None:
    assert toll("Three guards were killed and a fourth wounded at the depot.") == [
        ("killed", 3),
        ("injured", 1),
    ]
    assert toll("A nurse was killed and her driver injured when the convoy was hit.") == [
        ("killed", 1),
        ("injured", 1),
    ]
    assert toll("Raiders shot dead a farmer and wounding another near the river.") == [
        ("killed", 1),
        ("injured", 1),
    ]
    assert toll("The blast killed four people and wounded another twelve.") == [
        ("killed", 4),
        ("injured", 12),
    ]


def test_a_count_and_one_more_person() -> None:
    assert toll("Three farmers and a child were hacked to death overnight.") == [("killed", 4)]
    assert toll("Nine people and one officer among them were killed at the gate.") == [
        ("killed", 9)
    ]


def test_time_words_between_victims_and_verb() -> None:
    assert toll("Seven traders were on Monday night killed near the market.") == [("killed", 7)]
    assert toll("A village chief was yesterday shot dead by gunmen.") == [("killed", 1)]
    assert toll("A teacher was fatally shot outside the school.") == [("killed", 1)]
    assert toll("An elder was beaten to death by a mob.") == [("killed", 1)]


def test_killers_counted_are_no_victims() -> None:
    assert toll("Three armed men on motorbikes have shot dead a magistrate.") == [("killed", 1)]
    assert toll("Clashes between two rival militias have killed 11 people.") == [("killed", 11)]
    assert toll("Two airstrikes by the coalition killed at least 14 civilians.") == [("killed", 14)]


def test_injury_phrasings() -> None:
    assert toll("Five died and 23 others sustained gunshot injuries.") == [
        ("killed", 5),
        ("injured", 23),
    ]
    assert toll("The shelling resulted in the killing of 6 people and the wounding of 19.") == [
        ("killed", 6),
        ("injured", 19),
    ]
    assert toll("Four were killed, with 9 sustaining wounds.") == [("killed", 4), ("injured", 9)]
    assert toll("The bodies of eleven men were found in a ditch.") == [("killed", 11)]


def test_asides_dates_and_periods() -> None:
    assert toll("Nine people, most of them pupils, were killed in the fire.") == [("killed", 9)]
    assert toll("Eight people including two toddlers were fatally wounded.") == [("killed", 8)]
    assert toll("A raid on the morning of March 3 killed at least 6 people.") == [("killed", 6)]
    assert toll(
        "A reporter was found dead, the 12th activist killed in the province since 2019."
    ) == [("killed", 1)]
    assert toll("Since January, 300 people have been killed in the province.") == []
    assert toll("In 2014, gunmen killed 40 people at the market.") == [("killed", 40)]


def test_family_total_and_killing_verbs() -> None:
    assert toll("A shell hit the farm, killing a family of seven.") == [("killed", 7)]
    assert toll("Two blasts killed a total of 12 people and wounded 30.") == [
        ("killed", 12),
        ("injured", 30),
    ]
    assert toll("A crowd beat to death a trader accused of theft.") == [("killed", 1)]


def test_short_windows_are_one_incident_but_war_tolls_are_not() -> None:
    assert toll("Shelling killed 9 civilians over the past 24 hours, officials said.") == [
        ("killed", 9)
    ]
    assert toll("The deadliest raid in the region this year killed 15 villagers.") == [
        ("killed", 15)
    ]
    assert toll("A series of attacks in the capital has killed six people.") == [("killed", 6)]
    assert toll("The war has killed more than 20,000 people, the agency said.") == []


def test_both_sides_of_a_fight_add_up() -> None:
    figures = figures_in(
        "Troops clashed with rebels, killing 12 fighters, the army said. "
        "Three soldiers were also killed."
    )
    assert [(f.value, f.side) for f in figures] == [(12, "armed"), (3, "state")]
    assert (
        killed(
            "Troops clashed with rebels, killing 12 fighters, the army said. "
            "Three soldiers were also killed."
        )
        == 15
    )
    assert killed("Gunmen killed 4 soldiers. Later 2 soldiers died of their wounds.") == 4
    assert killed("The attack killed 10 people. Two soldiers were among the dead.") == 10


def test_one_victim_without_a_count() -> None:
    assert toll("Rebels shot dead Amina Yusuf Bello, who led the women's council.") == [
        ("killed", 1)
    ]
    assert toll("The blast claimed the life of a driver and wounded a guard.")[0] == ("killed", 1)
    assert toll("The body of a missing reporter was found near the dam.") == [("killed", 1)]
    assert toll("Gunmen followed the judge home and killed him.") == [("killed", 1)]
    assert toll(
        "The district chief of Kawo, a veteran of three elections, was on Monday shot dead."
    ) == [("killed", 1)]
    assert toll("Militants killed at least nine Hazara miners near Quetta.") == [("killed", 9)]


def test_asides_things_and_lists_of_the_hurt() -> None:
    assert toll("Six farmers -- all members of one cooperative -- were found dead.") == [
        ("killed", 6)
    ]
    assert toll("Raiders killed three people, set 14 houses ablaze and 5 people were injured.") == [
        ("killed", 3),
        ("injured", 5),
    ]
    assert toll("The gunmen killed seven people and four people sustained gunshot wounds.") == [
        ("killed", 7),
        ("injured", 4),
    ]
    assert toll("A strike killed six members of one family and injured 9 others.") == [
        ("killed", 6),
        ("injured", 9),
    ]


def test_names_between_commas() -> None:
    assert toll(
        "Protests began after three of his aides, a driver and two lawyers, were shot dead."
    ) == [("killed", 3)]


def test_the_other_side_in_a_bare_toll_sentence_joins_the_battle(parse) -> None:
    item = parse(
        "Soldiers fought insurgents near the dam on Friday, killing 14 militants, the army "
        "said. Three soldiers were killed, a medic said.",
        dt.date(2025, 2, 9),
    )
    battle = incident_at(item, "fought", "Armed clash")
    bare = incident_at(item, "killed", "Armed clash")
    battle.sentences, bare.sentences = [0], [1]
    bare.notes["basis"] = "generic"
    item.incidents = [battle, bare]
    TollStage().process([item])
    assert battle.fatalities == 17
    assert bare.fatalities == 3


def test_a_toll_of_coordinated_attackers_is_each_ones(parse) -> None:
    item = parse(
        "A truck bomb and a suicide bomber killed 8 people at the gate on Monday.",
        dt.date(2025, 2, 9),
    )
    truck = incident_at(item, "truck bomb", "Remote explosive/landmine/IED")
    bomber = incident_at(item, "suicide bomber", "Suicide bomb")
    item.incidents = [truck, bomber]
    TollStage().process([item])
    assert (truck.fatalities, bomber.fatalities) == (8, 8)


def test_one_person_who_died_but_not_a_crowd() -> None:
    assert toll("A prison guard died after inmates attacked him.") == [("killed", 1)]
    assert toll("Villagers died when the militia burned the granary.") == []
    assert toll("A teacher has been reported killed near the school.") == [("killed", 1)]


def test_a_story_cut_at_a_dash_is_read_whole(parse) -> None:
    item = parse(
        "Six miners from Kalemie [Tanganyika province] -- 30 km from the lake -- were "
        "hacked to death by militiamen on Monday.",
        dt.date(2025, 2, 9),
    )
    item.incidents = [incident_at(item, "hacked", "Attack")]
    TollStage().process([item])
    assert item.incidents[0].fatalities == 6


def test_a_revised_toll_wins() -> None:
    assert killed("Raiders killed 12 people on Monday; the toll was later revised to 19.") == 19
    assert killed("Gunmen killed 40 [later updated to 65] villagers, police said.") == 65
