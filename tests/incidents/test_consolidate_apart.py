"""Incidents of different kinds and days stay apart: 'the offensive' names a battle, not
the gunship strikes told before it, and a bombing '13 days ago' is not an undated lead
of this week. Article written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

OFFENSIVE = (
    "SAN SALVADOR — The army is attacking rebel positions in the north of the capital "
    "with helicopter gunships, residents said.\n\n"
    "Rebel commanders said the offensive would go on for several days.\n\n"
    "The offensive is named after a union leader who was killed along with nine other "
    "workers 13 days ago in a dynamite explosion at a union office in the capital."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str, published: dt.date) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=published).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def test_strikes_offensive_and_old_bombing_stay_apart(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, OFFENSIVE, dt.date(1989, 11, 13))
    kinds = [(i.sub_event_type, i.status) for i in incidents]
    assert kinds == [
        ("Air/drone strike", "new"),
        ("Armed clash", "new"),
        ("Remote explosive/landmine/IED", "background"),
    ]
    assert incidents[2].date == dt.date(1989, 10, 31)
    assert incidents[0].date_precision == "unknown"
