"""Consolidation: one record per incident, status, order, ids, on a written article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article

ARTICLE = (
    "Rockets were fired at an army base outside Kirkuk on Thursday, officials said. "
    "The attack caused no casualties, a military spokesman said. "
    "Two rockets landed inside the perimeter of the base, he added. "
    "The prime minister condemned the attack in a phone call with the president. "
    "In total, the base has come under at least 30 attacks since January. "
    "In March, a drone strike on a convoy near Mosul killed four fighters."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _extract(p: pipeline.Pipeline, text: str, published: dt.date) -> Analysis:
    item = Analysis(article=Article(text=text, published=published).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out


def test_mentions_merge_and_background_follows(run_pipeline: pipeline.Pipeline) -> None:
    out = _extract(run_pipeline, ARTICLE, dt.date(2024, 5, 10))
    kinds = [(i.sub_event_type, i.status) for i in out.incidents]
    assert kinds == [
        ("Shelling/artillery/missile attack", "new"),
        ("Air/drone strike", "background"),
    ]
    lead = out.incidents[0]
    assert lead.sentences[:3] == [0, 1, 2]
    assert [e.start for e in lead.evidence] == [out.sentences[i].start for i in lead.sentences]
    assert "rocket" in lead.weapons


def test_ids_are_stable_and_distinct(run_pipeline: pipeline.Pipeline) -> None:
    a = _extract(run_pipeline, ARTICLE, dt.date(2024, 5, 10))
    b = _extract(run_pipeline, ARTICLE, dt.date(2024, 5, 10))
    ids = [i.id for i in a.incidents]
    assert ids == [i.id for i in b.incidents]
    assert len(set(ids)) == len(ids)


SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "seed-article.txt"


@pytest.mark.gold
def test_seed_article_gives_its_four_incidents(run_pipeline: pipeline.Pipeline) -> None:
    raw = SEED.read_text(encoding="utf-8").lstrip()
    assert raw.startswith("date 2023-12-08")
    text = raw[len("date 2023-12-08") :].lstrip()
    out = _extract(run_pipeline, text, dt.date(2023, 12, 8))
    got = [(i.sub_event_type, i.status, i.date) for i in out.incidents]
    assert got[0] == ("Shelling/artillery/missile attack", "new", dt.date(2023, 12, 8))
    assert sorted(got[1:], key=lambda g: str(g[2])) == [
        ("Attack", "background", dt.date(2023, 10, 7)),
        ("Air/drone strike", "background", dt.date(2023, 12, 3)),
        ("Air/drone strike", "background", dt.date(2023, 12, 6)),
    ]


RECALLS = (
    "Gunmen killed at least 12 villagers near Djibo on Sunday, local officials said. "
    "The assailants arrived on motorbikes and opened fire at the market. "
    "Last month, militants killed dozens of farmers who were working in fields around "
    "the town of Kaya. In 2021, gunmen ambushed a convoy of miners near Dori, killing 25 "
    "people."
)


def test_recalled_incidents_keep_their_own_dates(run_pipeline: pipeline.Pipeline) -> None:
    out = _extract(run_pipeline, RECALLS, dt.date(2024, 9, 5))
    dated = [(i.status, i.date_precision) for i in out.incidents]
    assert dated == [("new", "day"), ("background", "month"), ("background", "year")]


MARCH = (
    "Thousands of people marched peacefully through Valencia on Sunday. "
    "Many carried placards denouncing the killing of six aid workers in Darfur."
)


def test_a_killing_a_march_denounces_is_not_the_march(run_pipeline: pipeline.Pipeline) -> None:
    out = _extract(run_pipeline, MARCH, dt.date(2024, 3, 4))
    subs = [i.sub_event_type for i in out.incidents]
    assert subs[0] == "Peaceful protest"
    assert "Attack" in subs


KIDNAP = (
    "Rebels kidnapped three honorary consuls and two journalists in the north, the "
    "radio reported. The group named the operation after a union leader who was "
    "murdered in Barrancabermeja in February. The hostages will be taken to undisclosed "
    "locations, the rebels said."
)


def test_an_undated_lead_keeps_apart_from_a_murder_months_before(
    run_pipeline: pipeline.Pipeline,
) -> None:
    out = _extract(run_pipeline, KIDNAP, dt.date(2024, 5, 4))
    kinds = [(i.sub_event_type, i.status) for i in out.incidents]
    assert kinds[0] == ("Abduction/forced disappearance", "new")
    assert ("Attack", "background") in kinds
    assert out.incidents[0].date_precision == "unknown"


PARTY = (
    "Rebels attacked the party's offices in Bogota with explosives, the party said. "
    "The party has lost most of its leaders, including its founder, who was murdered "
    "in 1987."
)


def test_a_murder_years_before_an_undated_lead_stays_apart(
    run_pipeline: pipeline.Pipeline,
) -> None:
    out = _extract(run_pipeline, PARTY, dt.date(1990, 1, 24))
    years = sorted(i.date.year for i in out.incidents if i.date)
    assert years == [1987, 1990]


RAID = (
    "Soldiers arrested three suspected militants in a raid on a farm outside Kaduna on "
    "Monday, the army said. Troops stormed the compound at dawn after a tip-off. "
    "In 2019, gunmen stormed a church in the same district and killed 11 worshippers."
)


def test_a_borrowed_date_does_not_pull_in_an_attack_years_before(
    run_pipeline: pipeline.Pipeline,
) -> None:
    out = _extract(run_pipeline, RAID, dt.date(2024, 6, 5))
    old = [i for i in out.incidents if i.date and i.date.year == 2019]
    assert len(old) == 1
    assert old[0].fatalities == 11
    assert min(old[0].sentences) == 2  # the dawn storming stays out of the 2019 attack
