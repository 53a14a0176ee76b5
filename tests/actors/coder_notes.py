"""Score the pipeline on `coder_notes.jsonl`: short event descriptions in the style of
conflict-data coders (ACLED notes), written for this project, with the coding we expect.

Measured like the "coder notes" outside check (CHECKS.md) by the `notes` eval suite
(`sitroom.evaluate.notes`), whose loading, judging and actor matching this module reuses:
these are that suite's `tuned` set. Run as a script to print the misses.
"""

from __future__ import annotations

from pathlib import Path

from sitroom.evaluate import notes as suite
from sitroom.evaluate.notes import Note, judge, same_actor
from sitroom.model import Analysis

NOTES = Path(__file__).with_name("coder_notes.jsonl")

__all__ = ["NOTES", "Note", "judge", "load", "run", "same_actor", "score"]


def load() -> list[Note]:
    return suite.load(NOTES)


def run(notes: list[Note]) -> list[Analysis]:
    return suite.analyse_notes(notes)


def score(notes: list[Note], results: list[Analysis]) -> dict[str, float]:
    """Share of notes right per metric, on each note's main incident."""
    return suite.score(notes, [suite.main_incident(r) for r in results]).metrics


if __name__ == "__main__":
    notes = load()
    result = suite.score(notes, [suite.main_incident(r) for r in run(notes)])
    for metric, misses in result.misses.items():
        for miss in misses:
            print(f"MISS {metric}: {miss}")
    print(result.metrics)
