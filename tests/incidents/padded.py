"""A sentence set inside neutral padding long enough to make the text a full article, so
that weak cues need their context as in real stories (the padding reports nothing)."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.model import Incident

PAD = (
    "The weather in the capital was mild and dry for most of the week, according to the "
    "national meteorological service, which publishes its forecasts every morning. "
) * 7
TAIL = (
    "\n\nOfficials are expected to publish the budget figures for the coming year in the "
    "second half of the month, the finance ministry said in its weekly bulletin."
)

Detect = Callable[[str], list[Incident]]


def padded_types(detect: Detect, sentence: str) -> list[str]:
    """Sub-event types the incident stage finds in the padded sentence."""
    return [i.sub_event_type for i in detect(PAD + "\n\n" + sentence + TAIL)]
