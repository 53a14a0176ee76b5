"""Detection patterns: towns taken, agreements, protests dispersed, arrests in
a raid, campaigns, disasters, weapons taken in a fight, clauses of their own.

Each sentence is written for these tests and set inside neutral padding long enough to
make the text a full article (so weak cues need their context, as in real stories)."""

from __future__ import annotations

import pytest
from padded import PAD, TAIL, Detect, padded_types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In March, rebel fighters took Bunia, the provincial capital, after two days of "
            "fighting.",
            "Non-state actor overtakes territory",
        ),
        (
            "In October, its fighters swept into Tessalit, a town in the north, after the "
            "army withdrew.",
            "Non-state actor overtakes territory",
        ),
        (
            "Rebel fighters entered the town of Kadugli on Monday without meeting resistance.",
            "Non-violent transfer of territory",
        ),
        (
            "The coalition handed over its last positions at the Ain al-Asad air base to the "
            "national army on Sunday.",
            "Non-violent transfer of territory",
        ),
        (
            "The militants held the city for two years until federal forces took it back in "
            "an operation in October 2017.",
            "Government regains territory",
        ),
    ],
)
def test_a_town_taken_or_handed_over(detect: Detect, sentence: str, expected: str) -> None:
    assert padded_types(detect, sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army said it remains in full control of Jowhar and its surroundings.",
        "The new governor took office in the provincial capital on Monday.",
        "The government also took control of a gold mine operated by a foreign company.",
        "The gathering outside the cathedral took place on Saturday as police looked on.",
    ],
)
def test_no_town_taken(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The truce, brokered by Qatar, took effect on March 3.",
        "In June, the government and the rebels agreed to stop attacking each other.",
        "The two sides signed a deal in Nairobi on Monday to end the fighting.",
    ],
)
def test_agreements_between_the_sides(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == ["Agreement"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The president discussed the ceasefire in a phone call with his counterpart.",
        "The army has dealt a heavy blow to the rebels' supply lines, officials said.",
        "Britain and France agreed to hold a summit on trade in the spring.",
        "The leaders of the two countries held talks in Geneva on Monday about the war.",
    ],
)
def test_no_agreement(detect: Detect, sentence: str) -> None:
    assert "Agreement" not in padded_types(detect, sentence)


def test_tear_gas_on_marchers_is_an_intervention(detect: Detect) -> None:
    sentence = "Police fired tear gas to disperse the marchers outside the governor's office."
    assert padded_types(detect, sentence) == ["Protest with intervention"]


def test_residents_marching_beside_security_forces_protest(detect: Detect) -> None:
    sentence = (
        "Residents of the town marched through the streets on Monday to denounce the "
        "killings and the failure of the security forces to protect them."
    )
    assert "Peaceful protest" in padded_types(detect, sentence)


def test_protests_called_for_are_no_protest(detect: Detect) -> None:
    sentence = "The opposition has called for protests across the country next week."
    assert padded_types(detect, sentence) == []


def test_arrests_in_a_raid_and_of_suspects(detect: Detect) -> None:
    raid = (
        "On Thursday, the Kurdish-led forces arrested 12 suspected members of the group in a "
        "raid on the village of Tal Hamis."
    )
    assert padded_types(detect, raid) == ["Arrests"]
    suspects = "Police said they had arrested two suspects in Tulua on Wednesday morning."
    assert padded_types(detect, suspects) == ["Arrests"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels began attacking ships in the Red Sea in November 2023.",
        "A strong earthquake struck the region on Friday, killing 40 people.",
        "Since 2020, authorities have buried militants killed in gunfights in remote graves.",
    ],
)
def test_campaigns_disasters_and_habits_are_no_incident(detect: Detect, sentence: str) -> None:
    assert padded_types(detect, sentence) == []


def test_weapons_taken_in_a_fight_are_part_of_it(detect: Detect) -> None:
    sentence = "Troops killed five insurgents and recovered weapons in the clash on Monday."
    assert padded_types(detect, sentence) == ["Armed clash"]
    found = "Soldiers said a rifle and two grenades had been found at the site of the gunfight."
    assert "Disrupted weapons use" not in padded_types(detect, found)
    assert "Grenade" not in padded_types(detect, found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Attacks have risen since the Taliban took over Kabul in August 2021.",
            "Non-state actor overtakes territory",
        ),
        ("Violence has surged since the president was shot dead in July 2021.", "Attack"),
        (
            "A government task force said separately that its drones had struck gang "
            "positions in the Delmas area.",
            "Air/drone strike",
        ),
    ],
)
def test_acts_in_clauses_of_their_own(detect: Detect, sentence: str, expected: str) -> None:
    assert padded_types(detect, sentence) == [expected]


def test_an_act_in_an_after_clause_is_its_own_incident(detect: Detect) -> None:
    sentence = (
        "Residents said soldiers set fire to more than 20 houses on Tuesday after separatists "
        "ambushed an army patrol nearby."
    )
    assert sorted(padded_types(detect, sentence)) == ["Armed clash", "Looting/property destruction"]


def test_the_killing_a_protest_demands_is_its_own_incident(detect: Detect) -> None:
    sentence = (
        "The protesters were demanding the body of a young man, who police say was one of "
        "two militants killed in a gunfight on Sunday."
    )
    assert "Armed clash" in padded_types(detect, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The group has killed thousands of civilians in the region since it was founded.",
        "China, which has pressed both sides to stop fighting, hosted talks between the two.",
        "The president declared war on the group in 2022, and government forces retook "
        "dozens of towns that year.",
        "The spokesman said the assailants had been pushed back with heavy losses.",
    ],
)
def test_tallies_cessations_and_repelled_attacks(detect: Detect, sentence: str) -> None:
    found = padded_types(detect, sentence)
    assert not [t for t in found if "territory" in t or t == "Armed clash"]


def test_an_attack_discussed_on_a_day_is_not_dated_by_it(detect: Detect) -> None:
    text = PAD + "\n\nIts prime minister discussed the attack in a phone call on Tuesday." + TAIL
    (found,) = detect(text)
    assert found.notes.get("mention") == "anaphoric"
    assert found.notes.get("dated") == "elsewhere"


def test_a_clause_after_a_semicolon_with_its_own_place(detect: Detect) -> None:
    sentence = (
        "In 2019, gunmen shot dead the regional president and two of his advisers in Gondar, "
        "in what the government called a coup attempt; the army chief of staff was killed in "
        "Addis Ababa the same evening."
    )
    assert len(padded_types(detect, sentence)) == 2


def test_people_marched_away_by_attackers_are_no_protest(detect: Detect) -> None:
    sentence = (
        "Police said the attackers, who arrived on motorcycles and fired into the air, marched "
        "the worshippers into the forest on Sunday."
    )
    assert "Peaceful protest" not in padded_types(detect, sentence)


def test_fighting_told_as_a_sides_part_in_a_war(detect: Detect) -> None:
    sentence = (
        "Since the militias, which fought alongside the federal army in the Tigray war, turned "
        "against the government in 2023, the region has slid into an insurgency."
    )
    assert padded_types(detect, sentence) == []
    fight = "Three soldiers and four militiamen were killed when the two sides fought on Monday."
    assert padded_types(detect, fight) == ["Armed clash"]
