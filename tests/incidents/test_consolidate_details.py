"""An island-post attack told with its details and two recalled attacks: the details
(the wounded flown to the capital, the barracks set on fire, nobody claiming it) stay
with the lead; a clock time with no day does not move the toll's sentence to the report's
day; 'the deadliest since October 2024, when ...' dates the when-clause, not the lead;
and a gerund subject ('fighting ... killed') takes the date its verb carries. Article
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident

TUESDAY = dt.date(2026, 3, 17)
POST = (
    "MOUNDOU, Chad — Armed men in canoes attacked an army post on an island near the town "
    "of Bol before dawn on Sunday, killing 12 soldiers, the army said on Tuesday.\n\n"
    "The attackers landed at around 3 a.m. and fought the garrison for two hours.\n\n"
    "A spokesman said 12 soldiers were killed and that eight attackers died in the "
    "fighting.\n\n"
    "A local official said the wounded had been flown to N'Djamena for treatment.\n\n"
    "No group claimed the attack, but the army blamed Boko Haram.\n\n"
    "The attack was the deadliest on the army since October 2024, when militants killed "
    "about 40 soldiers at a base near Ngouboua.\n\n"
    "In March 2020, fighting between the army and the militants near Bohoma killed 98 "
    "soldiers."
)


@pytest.fixture(scope="module")
def incidents() -> list[Incident]:
    p = pipeline.build(config.load())
    item = Analysis(article=Article(text=POST, published=TUESDAY).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


def test_the_details_stay_with_the_lead(incidents: list[Incident]) -> None:
    lead = incidents[0]
    assert lead.status == "new"
    assert lead.date == dt.date(2026, 3, 15)
    assert lead.location is not None and lead.location.name != "N'Djamena"
    told = " ".join(span.text for span in lead.evidence)
    assert "flown to N'Djamena" in told and "No group claimed" in told
    assert not any(i.location and i.location.name == "N'Djamena" for i in incidents)


def test_the_yardstick_and_the_gerund_date_their_own_incidents(
    incidents: list[Incident],
) -> None:
    dates = sorted((i.date, i.date_precision) for i in incidents if i.status == "background")
    assert dates == [(dt.date(2020, 3, 1), "month"), (dt.date(2024, 10, 1), "month")]
    assert sum(i.status == "new" for i in incidents) == 1


LIVE = (
    "Curfew in Tamenglong after gunmen kill two farmers\n\n"
    "Updates from Monday, May 4. All times are local.\n\n"
    "6:50 a.m. — Gunmen opened fire on farmers working in fields at a village in "
    "Tamenglong district early on Monday, killing two men, police said.\n\n"
    "9:10 a.m. — The district had been calm until March 2024, when the killing of a "
    "village chief set off a week of arson attacks.\n\n"
    "12:30 p.m. — Hundreds of people marched in Tamenglong town to demand arrests."
)


def test_a_headline_without_dateline_joins_the_body_and_the_when_clause_stays_apart() -> None:
    p = pipeline.build(config.load())
    item = Analysis(article=Article(text=LIVE, published=dt.date(2026, 5, 4)).with_id())
    (out,) = list(pipeline.run(p, [item]))
    lead = out.incidents[0]
    assert lead.status == "new" and lead.date == dt.date(2026, 5, 4)
    assert lead.fatalities == 2
    assert 0 in lead.sentences and len(lead.sentences) > 1  # the title told in the body
    recalled = [i for i in out.incidents if i.date == dt.date(2024, 3, 1)]
    assert len(recalled) == 1 and recalled[0].status == "background"


def test_an_incident_of_any_lead_day_is_news() -> None:
    """The clash on Wednesday and the truce that ended it on Thursday are both news: an
    abduction told after them on Wednesday is another incident of a lead day."""
    from sitroom.model import Sentence, Span
    from sitroom.stages.consolidate import promote_developments

    texts = [
        "Two armed groups agreed on Thursday to a ceasefire.",
        "Fighters of the two brigades fought from late on Wednesday until dawn.",
        "The fighting began after gunmen abducted a commander on Wednesday afternoon.",
    ]
    sentences, start = [], 0
    for text in texts:
        sentences.append(Sentence(start, start + len(text), text))
        start += len(text) + 1

    def told(sub: str, kind: str, day: int, n: int, status: str) -> Incident:
        trigger = Span("x", sentences[n].start, sentences[n].start + 1)
        return Incident(
            kind, sub, trigger, [n], date=dt.date(2026, 2, day), date_precision="day", status=status
        )

    merged = [
        told("Agreement", "Strategic developments", 5, 0, "new"),
        told("Armed clash", "Battles", 4, 1, "new"),
        told("Abduction/forced disappearance", "Violence against civilians", 4, 2, "background"),
    ]
    promote_developments(merged, sentences, dt.date(2026, 2, 6))
    assert merged[2].status == "new"
