"""The toll figure: one killed or injured count read from the text, with where it stands,
whether it updates an earlier count, who reported it and which side its victims are on.
Shared by the readers (toll_text, toll_lists, toll_parsed) and the toll stage.
"""

from __future__ import annotations

from dataclasses import dataclass

_NOT_PEOPLE = {
    "attack",
    "bomb",
    "blast",
    "explosion",
    "vehicle",
    "car",
    "building",
    "toll",
    "number",
}


@dataclass(frozen=True)
class Figure:
    """One toll figure in the text: `kind` is "killed" or "injured"."""

    kind: str
    value: int | None
    start: int
    update: bool = False
    source: str | None = None
    adds: bool = False  # continues a list: "killed three soldiers and two civilians"
    side: str | None = None  # "state" or "armed" when the victims' noun says which side
    others: bool = False  # "killed the commander and 33 others": the count holds the one too
