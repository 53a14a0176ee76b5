"""The whole pipeline on coder-style event notes (`coder_notes.jsonl`, written for this
project in the style of ACLED notes): the main incident's type, toll, place and
perpetrator, scored like the "coder notes" outside check, must stay above floors."""

from __future__ import annotations

import coder_notes
import pytest

# floors a little under what the pipeline scores on these notes (so that a regression
# shows), and at or above the outside gates (type 0.75, fatalities 0.80, place 0.70,
# actor1 0.60)
FLOORS = {"event_type": 0.85, "fatalities": 0.92, "location": 0.78, "actor1": 0.92}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    notes = coder_notes.load()
    return coder_notes.score(notes, coder_notes.run(notes))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_coder_notes_floor(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], scores


def test_coder_note_phrasing() -> None:
    """ACLED phrasing: "Military Forces of X" is that state's forces; "Fatalities: 6"
    and a list of victim counts make the toll."""
    from sitroom.model import Actor

    forces = Actor("Military Forces of Nigeria", "Nigerian troops", "state forces", "NGA")
    assert coder_notes.same_actor("Military Forces of Nigeria (2023-)", forces)
    other = Actor("Military Forces of Niger", "Niger army", "state forces", "NER")
    assert not coder_notes.same_actor("Military Forces of Nigeria", other)
