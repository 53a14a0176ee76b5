"""One sentence, two incidents: coordinated clauses with their own subject and their own
date or place; and one incident told in two verbs stays one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]
LEAD = "The highway has seen many ambushes this year. "


def test_clause_with_its_own_date_is_another_incident(detect: Detect) -> None:
    text = LEAD + (
        "Last month a roadside bomb killed three traders near Kidal, and in August rebels "
        "attacked an army post in Tessalit, killing nine soldiers."
    )
    found = detect(text, dt.date(2024, 11, 20))
    assert len(found) == 2
    assert found[0].sub_event_type == "Remote explosive/landmine/IED"
    assert found[1].trigger.text == "attacked"


def test_clause_with_its_own_place_is_another_incident(detect: Detect) -> None:
    text = LEAD + "Gunmen stormed a church in Kaduna, and bandits raided a market in Zamfara."
    assert len(detect(text, dt.date(2024, 6, 4))) == 2


def test_one_act_in_two_verbs_stays_one(detect: Detect) -> None:
    text = LEAD + (
        "KANO, Nigeria — Gunmen stormed a village near Zaria on Sunday and killed ten "
        "people, and residents said the attackers also burned homes."
    )
    found = detect(text, dt.date(2024, 6, 4))
    assert len(found) == 1


def test_toll_pair_after_a_dateline_stays_one(detect: Detect) -> None:
    text = LEAD + (
        "GAO, Mali — Three soldiers were killed and four others wounded on Friday when "
        "their truck hit a mine near Menaka."
    )
    assert len(detect(text, dt.date(2024, 6, 9))) == 1


def test_drones_shot_down_beside_the_strike_are_their_own_incident(detect: Detect) -> None:
    text = LEAD + (
        "The ministry did not comment on the strike, but the air force said the enemy "
        "launched 30 drones overnight and that 25 of the drones were shot down."
    )
    subs = [m.sub_event_type for m in detect(text, dt.date(2024, 7, 17))]
    assert "Disrupted weapons use" in subs
    assert len(subs) == 2


def test_a_separate_incident_is_not_merged_into_the_last(detect: Detect) -> None:
    text = LEAD + "In a separate incident, bandits killed four farmers in the village."
    (found,) = detect(text, dt.date(2024, 4, 16))
    assert found.notes.get("mention") == "new"


def test_an_army_named_after_a_people_is_not_the_state(detect: Detect) -> None:
    text = LEAD + "In August, the Arakan Army seized the town of Maungdaw after weeks of fighting."
    subs = [m.sub_event_type for m in detect(text, dt.date(2024, 10, 8))]
    assert subs == ["Non-state actor overtakes territory"]


def test_a_date_of_another_clause_does_not_date_an_anaphor(detect: Detect) -> None:
    text = LEAD + (
        "The protests were called by the opposition leader, who says the October 9 vote was rigged."
    )
    (found,) = detect(text, dt.date(2024, 11, 5))
    assert found.notes.get("dated") == "elsewhere"
