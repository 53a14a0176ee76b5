"""Status of incidents in a full article: the lead incident, its direct developments and
the other items of the news cycle told for themselves ('In a separate incident on
Monday', a roundup entry, a live-update entry) are new; what came before the lead and is
told as context, or outside the cycle, is background (CODEBOOK, status). Articles written
for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident, Sentence, Span
from sitroom.stages.consolidate import _dateline_start, promote_developments

DEVELOPMENTS = (
    "KADUNA, Nigeria — Gunmen killed nine villagers in a raid on the village of Kufana "
    "on Sunday night, police said.\n\n"
    "The attackers set fire to several houses before fleeing into the forest.\n\n"
    "On Monday, soldiers pursuing the gunmen clashed with them near Kufana, killing "
    "six of the attackers, an army spokesman said.\n\n"
    "In a separate incident on Monday, a roadside bomb killed two police officers near "
    "Zaria.\n\n"
    "On Friday, bandits abducted 14 travellers on the Kaduna-Abuja highway."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str, published: dt.date) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=published).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def _status_of(incidents: list[Incident], word: str) -> str:
    (match,) = [i for i in incidents if word in i.trigger.text or word in i.notes.get("status", "")]
    return match.status


def test_pursuit_clash_the_next_day_is_new(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, DEVELOPMENTS, dt.date(2024, 6, 11))
    by_type = {(i.sub_event_type, i.date): i.status for i in incidents}
    assert by_type[("Armed clash", dt.date(2024, 6, 10))] == "new"
    assert by_type[("Remote explosive/landmine/IED", dt.date(2024, 6, 10))] == "new"
    assert by_type[("Abduction/forced disappearance", dt.date(2024, 6, 7))] == "background"


def _told(sentences: list[Sentence], text: str, trigger: str) -> Incident:
    """A mention told as `text`, the next sentence of the page, triggered by `trigger`."""
    start = sentences[-1].end + 2 if sentences else 0
    sentences.append(Sentence(start, start + len(text), text))
    at = start + text.index(trigger)
    return Incident(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        Span(trigger, at, at + len(trigger)),
        sentences=[len(sentences) - 1],
    )


def test_each_stamped_entry_of_the_day_is_new() -> None:
    sentences: list[Sentence] = []
    unstamped = _told(
        sentences,
        "Before any entry, troops shelled a village near Kupiansk, officials said.",
        "shelled",
    )
    lead = _told(sentences, "08:10 — A drone hit a block in Kharkiv, killing two.", "hit")
    same_day = _told(sentences, "09:45 — Artillery shelled Nikopol, killing one man.", "shelled")
    earlier = _told(sentences, "11:30 — Last Thursday a missile hit a mall in Sumy.", "hit")
    day = dt.date(2024, 6, 12)
    for m, date in (
        (lead, day),
        (same_day, day),
        (earlier, day - dt.timedelta(6)),
        (unstamped, day),
    ):
        m.date, m.date_precision = date, "day"
    for m in (same_day, earlier, unstamped):
        m.status = "background"
    promote_developments([lead, same_day, earlier, unstamped], sentences, day)
    assert [m.status for m in (same_day, earlier)] == ["new", "background"]
    assert unstamped.status == "background"


def test_dateline_ends_the_title() -> None:
    assert _dateline_start("Bombs keep falling on the north\n\nLAGOS, Nigeria — Jets hit") > 0
    assert _dateline_start("ANALYSIS — Talks open\n\nPORT SUDAN, Sudan — Shells hit") > 20
    assert _dateline_start("KANO, Nigeria — Gunmen killed five people on Monday.") == 0
    assert _dateline_start("Gunmen killed five people in Kano on Monday.") == 0


TITLED = (
    "Village burns as gunmen strike again in the north\n\n"
    "KADUNA, Nigeria — Gunmen killed nine villagers in a raid on the village of Kufana "
    "on Sunday night, police said."
)


def test_a_title_line_announces_the_lead(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, TITLED, dt.date(2024, 6, 11))
    assert [i.status for i in incidents] == ["new"]


HAUL = (
    "TORREON, Mexico — Soldiers killed 12 suspected cartel gunmen in a shootout outside "
    "Torreon on Monday, the defence ministry said.\n\n"
    "Two soldiers were wounded.\n\n"
    "Troops seized 18 rifles, a machine gun and several homemade explosive devices, the "
    "ministry said."
)


def test_weapons_seized_after_the_gunfight_are_its_haul(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, HAUL, dt.date(2024, 6, 11))
    assert [i.sub_event_type for i in incidents] == ["Armed clash"]
