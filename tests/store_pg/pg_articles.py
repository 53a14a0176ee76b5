"""A family of articles for the concurrency test: pairs of articles from different
sources telling the same incident (same town and day), so concurrent writers race both
to store the same article and to start the same canonical event."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_helpers import analysis

from sitroom.model import Analysis

TOWNS = ("Kano", "Goma", "Mosul", "Gao")
WORDING = (
    "Gunmen killed {k} villagers in {town} on {day}, a local official said.",
    "Attackers shot dead {k} people in {town} on {day}, residents told reporters.",
)


def incident_of(n: int) -> tuple[str, dt.date]:
    """Articles 2i and 2i+1 tell incident i (one town's incidents are weeks apart)."""
    i = n // 2
    return TOWNS[i % len(TOWNS)], dt.date(2024, 3, 1) + dt.timedelta(weeks=3 * (i // len(TOWNS)))


def article(n: int) -> Analysis:
    town, day = incident_of(n)
    killed = 3 + n % 2
    text = WORDING[n % 2].format(k=killed, town=town, day=day.strftime("%A %d %B"))
    return analysis(
        text,
        source=("AFP", "Reuters")[n % 2],
        published=day + dt.timedelta(days=1),
        incidents=[{"town": town, "day": day, "killed": killed}],
    )
