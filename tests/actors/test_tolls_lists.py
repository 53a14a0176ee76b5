"""Tolls (sentences written for these tests): one more victim after a count,
"one of two" counting two, participle victims, "neutralised" fighters, a body asked for
that is no toll, and a bare toll sentence or the other side's dead right after an
incident in its paragraph."""

import datetime as dt

from actor_helpers import incident_at

from sitroom.stages.toll_text import figures_in
from sitroom.stages.tolls import TollStage, _choose

DAY = dt.date(2025, 4, 8)


def killed(text: str) -> int | None:
    chosen = _choose([f for f in figures_in(text) if f.kind == "killed"])
    return chosen.value if chosen else None


def test_one_more_victim_after_the_count() -> None:
    assert killed("A car bomb went off at a checkpoint, killing three guards and a boy.") == 4
    assert killed("The shelling killed two nurses and an ambulance driver, medics said.") == 3
    # "one" is its own count in the list; a vehicle or an escaped driver is no victim
    assert killed("Police said six bandits and one vigilante were killed in the fight.") == 7
    assert killed("Gunmen killed 4 farmers and one herder near the river.") == 5
    assert killed("Raiders killed two guards and a driver escaped unhurt.") == 2
    assert killed("Rebels killed 3 soldiers and an unknown number of civilians.") == 3
    assert killed("Soldiers killed 6 rebels and a corporal was wounded.") == 6


def test_one_of_two_counts_two_and_participles_count() -> None:
    assert killed("He was one of two insurgents killed in a raid on Friday, police said.") == 2
    assert killed("Four gunmen killed during the assault were buried on Sunday.") == 4
    assert killed("Two gunmen killed three herders at a well.") == 3
    assert killed('The army said it had "neutralised" nine terrorists near the lake.') == 9


def test_a_body_asked_for_is_no_toll() -> None:
    assert killed("Hundreds marched to demand the return of the body of a youth.") is None
    assert killed("Villagers found the body of a shepherd in a ditch on Monday.") == 1


def test_the_other_side_right_after_in_the_paragraph(parse) -> None:
    item = parse(
        "Rebels attacked a border post overnight, killing four customs officers, the "
        "governor said. Troops sent as reinforcements killed six of the attackers, the army "
        "said.\n\nIn another attack, two soldiers were killed near the lake.",
        DAY,
    )
    post = incident_at(item, "attacked", "Armed clash")
    troops = incident_at(item, "killed", "Attack", nth=1)
    other = incident_at(item, "attack", "Attack", nth=1)
    post.sentences, troops.sentences, other.sentences = [0], [1], [2]
    troops.notes["basis"] = other.notes["basis"] = "generic"
    item.incidents = [post, troops, other]
    TollStage().process([item])
    assert post.fatalities == 10
    assert other.fatalities == 2


def test_a_bare_toll_right_after_in_the_paragraph(parse) -> None:
    item = parse(
        "Settlers raided a hamlet near the hills late on Monday, burning three cars. A "
        "farmer was shot dead as residents tried to push them back, medics said.\n\n"
        "Troops arrested four men in a nearby town.",
        DAY,
    )
    raid = incident_at(item, "raided", "Looting/property destruction")
    shot = incident_at(item, "shot dead", "Attack")
    shot.notes["basis"] = "generic"
    raid.sentences, shot.sentences = [0], [1]
    item.incidents = [raid, shot]
    TollStage().process([item])
    assert (raid.fatalities, shot.fatalities) == (1, 1)


def test_victims_named_one_by_one_add_up() -> None:
    assert killed("Gunmen stormed a farm, killing a farmer, his wife and their four sons.") == 6
    assert killed("The shell killed a doctor, two nurses and a patient, medics said.") == 4
    assert killed("Bandits shot dead a trader and his driver on the highway.") == 2
    assert killed("A teacher, her husband and two pupils were burned to death.") == 4
    # a last item with its own verb, a speaker, or a part of a count is no victim
    assert killed("Raiders shot dead a guard and a cook was wounded.") == 1
    assert killed("Troops killed nine rebels and six others sustained minor injuries.") == 9


def test_parts_of_the_dead_are_no_second_toll() -> None:
    assert killed("Four of the dead were women, a medic said.") is None
    toll = figures_in("The toll rose to 22 after four of the wounded died in hospital.")
    assert [(f.kind, f.value) for f in toll] == [("killed", 22)]
    assert killed("Police said 12 bandits were neutralised in the operation.") == 12


def test_killed_in_a_gunfight_is_the_gunfight_toll(parse) -> None:
    item = parse(
        "Mourners marched behind the coffin of a youth who was one of three rebels killed "
        "in a gunfight with troops on Friday, witnesses said.",
        DAY,
    )
    march = incident_at(item, "marched", "Peaceful protest")
    fight = incident_at(item, "gunfight", "Armed clash")
    item.incidents = [march, fight]
    TollStage().process([item])
    assert (march.fatalities, fight.fatalities) == (None, 3)


def test_an_attack_counted_in_a_series_keeps_its_toll() -> None:
    assert killed("The bombing, the third such attack this month, killed 6 people.") == 6
    assert killed("In the second raid this week, bandits killed 4 herders.") == 4
    assert killed("The militia has killed 300 people this month.") is None
    assert killed('"They shot my father and killed my brother and my two cousins," she said.') == 3


def test_a_dated_sentence_after_an_incident_keeps_its_toll(parse) -> None:
    from sitroom.stages.times import TimexStage

    item = parse(
        "Last week, troops fought gunmen near the port, killing several of them. In "
        "October, gangs killed more than 70 people in an attack on a river town.",
        DAY,
    )
    TimexStage().process([item])
    fight = incident_at(item, "fought", "Armed clash")
    attack = incident_at(item, "attack", "Attack")
    attack.notes["basis"] = "generic"
    fight.sentences, attack.sentences = [0], [1]
    item.incidents = [fight, attack]
    TollStage().process([item])
    assert (fight.fatalities, attack.fatalities) == (None, 70)


def test_fighters_who_died_and_one_more_dead() -> None:
    assert killed("Two guards and four raiders died in the shootout at the gate.") == 6
    assert killed("Three died at the scene and another later succumbed to his wounds.") == 4
    assert killed("Five people were killed and another was wounded.") == 5
