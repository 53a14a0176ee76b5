"""Typing patterns: the weapon an act was done with, riot-control and mining
words that are no weapons, abductions told with 'seized', crowds that only speak,
property burned in an attack, guards as armed personnel, stones thrown at troops.

Sentences written for these tests, inside neutral full-article padding."""

from __future__ import annotations

import pytest
from padded import PAD, TAIL, Detect, padded_types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The group said on Thursday it had attacked an oil tanker in the Gulf of Aden "
            "with drones, killing two sailors.",
            "Air/drone strike",
        ),
        (
            "The group said on Thursday it had attacked a container ship off the coast with "
            "a ballistic missile.",
            "Shelling/artillery/missile attack",
        ),
        (
            "At least 15 people were killed on Tuesday when artillery rounds struck the camp "
            "for displaced people north of the city.",
            "Shelling/artillery/missile attack",
        ),
        (
            "American aircraft struck the port of Salif on Saturday, killing 12 workers.",
            "Air/drone strike",
        ),
        (
            "On Wednesday, a roadside bomb hit a minibus on the road between the two towns, "
            "killing four passengers.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_the_weapon_types_the_act(detect: Detect, sentence: str, expected: str) -> None:
    assert padded_types(detect, sentence) == [expected]


def test_rocket_propelled_grenades_in_a_gunfight(detect: Detect) -> None:
    sentence = (
        "Gunmen armed with assault rifles and rocket-propelled grenades attacked a checkpoint "
        "on Sunday, sparking a gunfight that lasted two hours."
    )
    assert padded_types(detect, sentence) == ["Armed clash"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A chemical leak at a fertiliser plant killed ten people on Thursday.",
        "Officers fired tear gas shells at the crowd on Monday.",
    ],
)
def test_no_weapon_of_war(detect: Detect, sentence: str) -> None:
    found = padded_types(detect, sentence)
    assert "Chemical weapon" not in found
    assert "Shelling/artillery/missile attack" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "In February 2021, gunmen seized 279 schoolgirls from a boarding school in the north.",
        "Gunmen seized the headmaster and two of his teachers on Friday and took them away.",
    ],
)
def test_people_seized_are_abducted(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == ["Abduction/forced disappearance"]


def test_a_town_recaptured_is_not_people_taken(detect: Detect) -> None:
    sentence = (
        "In August 2021, government troops recaptured the port town of Mocimboa da Praia, "
        "which the insurgents had held for a year."
    )
    assert padded_types(detect, sentence) == ["Government regains territory"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A resident reached by phone said the attackers had also set fire to the market.",
        "Residents of the village said soldiers set fire to more than 20 houses on Tuesday.",
    ],
)
def test_residents_who_speak_are_no_mob(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == ["Looting/property destruction"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gang members stormed the neighbourhood on Monday night, killing at least 12 residents "
        "and setting fire to dozens of homes.",
        "Dozens of armed settlers attacked the village late on Tuesday night, setting fire to "
        "two houses and several cars.",
    ],
)
def test_houses_burned_in_an_attack_are_part_of_it(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == ["Attack"]


def test_property_looted_in_what_is_called_an_attack(detect: Detect) -> None:
    sentence = (
        "Hundreds of shops were looted and set on fire on Sunday in what appears to be a "
        "targeted attack on the market."
    )
    assert padded_types(detect, sentence) == ["Looting/property destruction"]


def test_guards_are_armed_personnel(detect: Detect) -> None:
    sentence = "Fighters stormed the prison in the town on Monday, killing three guards."
    assert padded_types(detect, sentence) == ["Armed clash"]


def test_stones_thrown_at_troops_are_a_riot(detect: Detect) -> None:
    sentence = (
        "On Friday, young men threw stones and burning tyres at soldiers at the entrance to "
        "the town."
    )
    assert padded_types(detect, sentence) == ["Violent demonstration"]


def test_a_strike_commented_on_is_no_labour_strike(detect: Detect) -> None:
    assert "Peaceful protest" not in padded_types(detect, "The RSF did not comment on the strike.")


def test_protests_an_old_killing_set_off_do_not_type_it(detect: Detect) -> None:
    sentence = (
        "The killing of the commander and two other militants in a gunfight with security "
        "forces in July 2016 set off months of street protests."
    )
    assert padded_types(detect, sentence) == ["Armed clash"]


def test_a_bodyguard_is_no_armed_side(detect: Detect) -> None:
    sentence = "Gunmen shot dead a religious leader and his security guard on Tuesday in the city."
    assert padded_types(detect, sentence) == ["Attack"]


def test_stones_thrown_beside_police_fire_do_not_anchor_the_event(detect: Detect) -> None:
    sentence = (
        "Police shot dead at least four protesters on Tuesday as demonstrators threw stones "
        "and petrol bombs in the town."
    )
    (found,) = detect(PAD + "\n\n" + sentence + TAIL)
    assert found.trigger.text == "shot"


def test_a_suicide_car_bomb_attack(detect: Detect) -> None:
    sentence = "A suicide car bomb attack killed seven people on Wednesday in the city."
    assert padded_types(detect, sentence) == ["Suicide bomb"]


def test_villages_seized_are_no_abduction(detect: Detect) -> None:
    sentence = (
        "Militants seized three villages in the province on Wednesday during clashes with "
        "security forces and residents."
    )
    assert "Abduction/forced disappearance" not in padded_types(detect, sentence)
