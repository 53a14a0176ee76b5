import datetime as dt

from actor_helpers import incident_at

from sitroom.stages.toll_text import figures_in
from sitroom.stages.tolls import TollStage


def toll(text: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.value) for f in figures_in(text)]


def test_killed_and_wounded_forms() -> None:
    assert toll("Gunmen shot dead five traders in the town.") == [("killed", 5)]
    assert toll("A car bomb killed 9 people and wounded 40 others.") == [
        ("killed", 9),
        ("injured", 40),
    ]
    assert toll("The explosion left 4 people dead and 11 injured.") == [
        ("killed", 4),
        ("injured", 11),
    ]
    assert toll("At least eight civilians were killed.") == [("killed", 8)]
    assert toll("The group announced the death of “three martyrs”.") == [("killed", 3)]


def test_single_victim_and_no_casualties() -> None:
    assert toll("A soldier was shot dead at a checkpoint.") == [("killed", 1)]
    assert toll("The shell hit a school but there were no casualties.") == [
        ("killed", 0),
        ("injured", 0),
    ]
    assert toll("There were no immediate reports of casualties.") == []


def test_aggregates_are_not_tolls() -> None:
    assert toll("The war that has killed 40,000 people since 2020 goes on.") == []
    assert toll("Militants have killed 300 people so far this year.") == []


def test_stage_update_wins_and_tolls_stay_with_their_incident(parse) -> None:
    text = (
        "A roadside bomb killed four soldiers near Gao on Monday, the army said. "
        "Later the death toll rose to seven. "
        "Separately, gunmen attacked a village in the south, killing two farmers."
    )
    item = parse(text, dt.date(2024, 5, 6))
    bomb = incident_at(item, "roadside bomb", "Remote explosive/landmine/IED")
    raid = incident_at(item, "attacked", "Attack")
    item.incidents = [bomb, raid]
    TollStage().process([item])
    assert item.error is None
    assert (bomb.fatalities, raid.fatalities) == (7, 2)
    assert "fatalities" in bomb.notes


def test_parse_counts_victims_far_from_the_verb(parse) -> None:
    text = (
        "Ten residents of Kunduz, including the police chief of the province and his "
        "deputy, have been killed in a suicide attack, officials said."
    )
    item = parse(text, dt.date(2014, 3, 1))
    item.incidents = [incident_at(item, "suicide attack", "Suicide bomb")]
    TollStage().process([item])
    assert item.incidents[0].fatalities == 10


def test_single_named_victim(parse) -> None:
    item = parse("Gunmen shot dead a television presenter in Mosul on Sunday.", dt.date(2014, 3, 1))
    item.incidents = [incident_at(item, "shot", "Attack")]
    TollStage().process([item])
    assert item.incidents[0].fatalities == 1


def test_list_of_victims_is_summed_and_weapons_are_not_victims() -> None:
    assert toll("3 bombings in Kirkuk killed 10 and wounded at least 9.") == [
        ("killed", 10),
        ("injured", 9),
    ]
    assert toll("The army said soldiers killed five men and at least 20 injured.")[-1] == (
        "injured",
        20,
    )
