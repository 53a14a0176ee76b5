"""Tolls (sentences written for these tests): updates worded without "death
toll rose", the one named victim before "and N others", a live-update entry that revises
the toll of the incident at the place it names, and a toll told as "The attack killed"."""

import datetime as dt

from actor_helpers import incident_at

from sitroom.model import Place
from sitroom.stages.toll_owners import _TOLL_UPDATE
from sitroom.stages.toll_text import figures_in
from sitroom.stages.tolls import TollStage, _choose

DAY = dt.date(2025, 4, 8)


def killed(text: str) -> int | None:
    chosen = _choose([f for f in figures_in(text) if f.kind == "killed"])
    return chosen.value if chosen else None


def test_updates_worded_in_other_ways() -> None:
    assert _TOLL_UPDATE.search("On Friday the district chief put the toll at 27 in all.")
    assert _TOLL_UPDATE.search("Medics later said the number of dead had risen to 19.")
    assert _TOLL_UPDATE.search("Rescuers found two more bodies, raising the death toll to eight.")
    assert not _TOLL_UPDATE.search("The toll road to the port was closed on Monday.")


def test_one_named_victim_and_the_others() -> None:
    assert killed("A drone strike killed the militia's commander and 12 other fighters.") == 13
    assert killed("The blast killed the district governor and four others.") == 5
    # a count after a list stays a list; the killers' own death is not a victim
    assert killed("Troops killed six rebels and two others in the hills.") == 8
    assert killed("Two bombers blew up a car, killing themselves and nine other people.") == 9
    # "others" that were hurt are no dead
    toll = [(f.kind, f.value) for f in figures_in("A guard was killed and six others injured.")]
    assert toll == [("killed", 1), ("injured", 6)]


def test_an_update_that_names_its_place_revises_that_incident(parse) -> None:
    text = (
        "A drone struck a depot in Birchfield on Monday. One guard was killed.\n\n"
        "Rockets also hit the port town of Alder, killing three people.\n\n"
        "In Alder, rescuers pulled two more bodies from a house, raising the death toll to "
        "five."
    )
    item = parse(text, DAY)
    drone = incident_at(item, "drone", "Air/drone strike")
    guard = incident_at(item, "killed", "Attack")
    guard.notes["basis"] = "generic"
    rockets = incident_at(item, "Rockets", "Shelling/artillery/missile attack")
    item.incidents = [drone, guard, rockets]
    for at in (text.index("Alder"), text.rindex("Alder")):  # the place stage's work
        item.places.append(Place("Alder", "Alder", at, at + 5, feature="city"))
    at = text.index("Birchfield")
    item.places.append(Place("Birchfield", "Birchfield", at, at + 10, feature="city"))
    assert item.sentence_of(item.places[1].start or 0) == 3
    TollStage().process([item])
    assert rockets.fatalities == 5
    assert guard.fatalities == 1


def test_the_attack_killed_in_the_next_sentence(parse) -> None:
    item = parse(
        "Militiamen attacked a gold mine in the hills on Sunday. The attack killed 19 miners "
        "and wounded 30, an official said.",
        DAY,
    )
    attack = incident_at(item, "attacked", "Attack")
    toll = incident_at(item, "The attack", "Attack")
    attack.sentences, toll.sentences = [0], [1]
    item.incidents = [attack, toll]
    TollStage().process([item])
    assert (attack.fatalities, attack.injured) == (19, 30)


def test_updates_of_the_number_of_dead() -> None:
    toll = figures_in("The blast brought the total number of dead in the raid to 25.")
    assert [(f.kind, f.value, f.update) for f in toll] == [("killed", 25, True)]
    assert _TOLL_UPDATE.search("Rescuers found two more bodies, bringing the number of dead to 14.")


def test_later_dead_and_own_losses() -> None:
    assert (
        killed("Medics said 3 people died at the scene and 2 others died later in hospital.") == 5
    )
    assert killed("Five people were killed and two others were wounded.") == 5
    assert killed("The army said it lost 12 soldiers in the assault on the base.") == 12


def test_a_year_alone_is_a_period() -> None:
    from sitroom.knowledge.numbers import has_period_cue

    assert has_period_cue("In 2023 alone the militia killed 410 people, the UN said.")
    assert has_period_cue("This year alone, 90 journalists have been killed.")
    assert not has_period_cue("In 2023, the militia killed 41 people in a raid on a market.")


def test_a_raid_running_total_is_its_toll() -> None:
    text = (
        "Medics said three more villagers had been killed on Friday, bringing the number "
        "killed since the raid began on Thursday to eleven."
    )
    chosen = _choose(figures_in(text))
    assert chosen is not None and (chosen.value, chosen.update) == (11, True)
    # a count over "the same period" is a statistic, not an incident's toll
    assert killed("Over the same period, at least 40 soldiers have been killed.") is None
