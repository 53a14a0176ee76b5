"""Trigger words used in another sense, or for something that is no incident: 'this
demonstrates that', a protest voiced by a ministry, a car intercepted before a
kidnapping, drugs seized, an accident, a suicide, a condition, a purpose, a labour
strike, a campaign, the month of March. Texts written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]
DAY = dt.date(2024, 3, 14)
LEAD = "Gunmen killed two farmers near Gao on Monday, local officials said. "


def subs(found: list[Incident]) -> list[str]:
    return [m.sub_event_type for m in found]


def test_demonstrate_that_is_to_show(detect: Detect) -> None:
    for text in (
        "The minister said the raid demonstrates that the rebels want no peace.",
        "It has been demonstrated that no territory is held by the insurgents.",
        "The students have demonstrated their commitment to the reforms.",
    ):
        assert "Peaceful protest" not in subs(detect(text, DAY)), text


def test_people_who_demonstrated_are_a_protest(detect: Detect) -> None:
    found = detect("About 2,000 people demonstrated in the capital on Sunday.", DAY)
    assert subs(found) == ["Peaceful protest"]


def test_a_protest_voiced_by_a_government_is_diplomacy(detect: Detect) -> None:
    text = "The ministry expressed its surprise and strong protest over the decision."
    assert detect(text, DAY) == []


def test_a_car_intercepted_before_a_kidnapping_is_no_disrupted_weapon(detect: Detect) -> None:
    text = "Armed men intercepted the mayor's car on Tuesday and kidnapped him."
    assert subs(detect(text, DAY)) == ["Abduction/forced disappearance"]


def test_an_intercepted_missile_is_disrupted_weapons_use(detect: Detect) -> None:
    text = "Air defences intercepted a ballistic missile over the city on Tuesday."
    assert subs(detect(text, DAY)) == ["Disrupted weapons use"]


def test_seizing_drugs_or_papers_takes_no_territory(detect: Detect) -> None:
    for text in (
        "Police said the cocaine was seized near the port on Monday.",
        "The army said the documents it seized describe the rebels' plans.",
    ):
        taken = [s for s in subs(detect(text, DAY)) if "territory" in s]
        assert taken == [], text


def test_seizing_a_town_is_territory(detect: Detect) -> None:
    found = detect("Rebels seized the town of Bunia on Saturday after heavy fighting.", DAY)
    assert "Non-state actor overtakes territory" in subs(found)


def test_deaths_in_a_crash_are_no_incident(detect: Detect) -> None:
    text = LEAD + "Four soldiers were killed when their helicopter crashed near the base."
    assert len(detect(text, DAY)) == 1


def test_committing_suicide_is_no_suicide_bombing(detect: Detect) -> None:
    text = LEAD + "A detained suspect later committed suicide in his cell."
    assert "Suicide bomb" not in subs(detect(text, DAY))


def test_a_condition_is_no_report(detect: Detect) -> None:
    text = "If the troops are fighting on the last line, the city will fall within days."
    assert detect(text, DAY) == []


def test_a_purpose_told_in_two_verbs_is_no_report(detect: Detect) -> None:
    text = "The government deployed 3,000 troops in order to intimidate and kill its opponents."
    assert "Attack" not in subs(detect(text, DAY))


def test_a_strike_that_lasted_a_week_is_a_work_stoppage(detect: Detect) -> None:
    text = "A similar strike last November, imposed by the rebels, lasted a week."
    assert subs(detect(text, DAY)) == ["Peaceful protest"]


def test_a_strike_beside_a_miners_strike_is_a_work_stoppage(detect: Detect) -> None:
    text = "This was shown by the bus strike and by the current strike by coal miners."
    assert "Air/drone strike" not in subs(detect(text, DAY))


def test_an_offensive_as_a_whole_is_a_campaign(detect: Detect) -> None:
    text = LEAD + "The rebel offensive launched in November changed the course of the war."
    assert len(detect(text, DAY)) == 1


def test_an_offensive_launched_on_a_day_is_an_incident(detect: Detect) -> None:
    text = LEAD + "The rebel offensive launched on Saturday 11 November hit the capital."
    assert len(detect(text, DAY)) == 2


def test_the_month_of_march_is_no_protest(detect: Detect) -> None:
    text = "The agreement signed on 9 March will be affected by the murder of the candidate."
    assert subs(detect(text, DAY)) == ["Attack"]


def test_a_murder_that_set_off_protests_stays_an_attack(detect: Detect) -> None:
    text = "The judge's murder in Medellin on Friday unleashed a wave of protests."
    assert subs(detect(text, DAY)) == ["Attack"]


def test_last_month_is_a_time_not_a_duration(detect: Detect) -> None:
    text = (
        "Last month, militants killed dozens of people who were digging trenches "
        "around the town of Barsalogho."
    )
    assert subs(detect(text, DAY)) == ["Attack"]
    assert not any(m.notes.get("doubt") for m in detect(text, DAY))


def test_a_number_of_killings_is_a_count(detect: Detect) -> None:
    text = LEAD + "Since June the group has increased its number of killings in the north."
    assert len(detect(text, DAY)) == 1


def test_a_bomb_that_destroyed_a_bank_was_used(detect: Detect) -> None:
    text = "The device, which exploded in the market, destroyed a bank on Monday."
    assert subs(detect(text, DAY)) == ["Remote explosive/landmine/IED"]


def test_an_arrest_beside_an_assassination_does_not_type_it(detect: Detect) -> None:
    text = (
        "Police confirmed foreign help in the assassination of the senator on 18 August; "
        "a suspect is under arrest."
    )
    assert subs(detect(text, DAY))[0] == "Attack"


def test_a_sign_of_protest_or_resigning_in_protest_is_no_demonstration(detect: Detect) -> None:
    for text in (
        "As a sign of protest, the party will not attend the session on 8 June.",
        "Two ministers resigned in protest on Monday.",
    ):
        assert detect(text, DAY) == [], text


def test_a_crowd_in_a_peaceful_protest_is_a_protest(detect: Detect) -> None:
    text = "About 20,000 people gathered on the boulevard in a peaceful protest on Sunday."
    assert subs(detect(text, DAY)) == ["Peaceful protest"]


def test_verbally_attacking_a_president_is_no_violence(detect: Detect) -> None:
    text = "The demonstrators verbally attacked the president and asked for mediation."
    assert not [s for s in subs(detect(text, DAY)) if s != "Peaceful protest"]


PAD = (
    "The ministry gave no further details on Monday, officials in the capital said. "
    "Analysts said the situation remained tense in the region after weeks of talks. "
    "The talks are expected to resume next month, according to diplomats familiar with "
    "them. Observers said both delegations had agreed to meet again before the end of the "
    "year to discuss the remaining issues, including prisoners and the return of the "
    "displaced. Residents said markets and schools had reopened across the district and "
    "that traffic had returned to normal on the main road to the border. "
)


def test_shells_bought_are_no_shelling(detect: Detect) -> None:
    text = PAD * 2 + "In 1988, mortars, shells and sniper rifles were purchased abroad."
    assert detect(text, DAY) == []


def test_shells_that_fell_are_shelling(detect: Detect) -> None:
    text = PAD * 2 + "Shells fell on the central market of Kharkiv on Monday."
    assert subs(detect(text, DAY)) == ["Shelling/artillery/missile attack"]


def test_a_scheduled_demonstration_has_not_happened(detect: Detect) -> None:
    text = "Unions have scheduled a demonstration in Barcelona for 22 November."
    assert detect(text, DAY) == []


def test_this_is_the_second_attack_points_back(detect: Detect) -> None:
    text = (
        "Rebels attacked the army headquarters in the capital on Tuesday. "
        "This is the second attack on the headquarters in less than a day."
    )
    found = detect(text, DAY)
    assert found[-1].notes.get("mention") == "anaphoric"


def test_what_the_attackers_did_next_is_the_same_attack(detect: Detect) -> None:
    text = (
        "Militants attacked a police post in Bannu district late on Monday. "
        "The attackers struck the post shortly after 11 p.m., police told reporters."
    )
    found = detect(text, DAY)
    assert found[-1].notes.get("mention") == "anaphoric"
    assert found[-1].sub_event_type != "Air/drone strike"


def test_a_drug_gang_arrested_is_organised_crime(detect: Detect) -> None:
    crime = "Federal agents arrested five members of a drug trafficking gang in Sonora."
    armed = "Police arrested three members of an armed gang that attacked a bus on Monday."
    assert "Arrests" not in subs(detect(PAD * 2 + crime, DAY))
    assert "Arrests" in subs(detect(PAD * 2 + armed, DAY))


def test_killing_each_other_is_no_report(detect: Detect) -> None:
    text = LEAD + "The people are in no condition to go on killing each other with impunity."
    assert len(detect(text, DAY)) == 1


def test_casualties_a_side_has_inflicted_are_a_tally(detect: Detect) -> None:
    text = LEAD + "The army says it has inflicted heavy casualties on the rebels: 300 dead."
    assert len(detect(text, DAY)) == 1


def test_a_disasters_toll_is_no_incident(detect: Detect) -> None:
    for text in (
        "Floods killed 40 people in the district on Monday.",
        "Aid came after the earthquake of March 28, which was centred near the city and "
        "killed more than 3,700 people.",
    ):
        assert [s for s in subs(detect(text, DAY)) if s == "Attack"] == [], text


def test_captives_marched_into_the_bush_are_no_march(detect: Detect) -> None:
    text = LEAD + "We heard the children crying as they were marched into the bush."
    assert "Peaceful protest" not in subs(detect(text, DAY))
