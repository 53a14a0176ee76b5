"""The scorers of the incident suites on hand-made cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.evaluate import case2021, muc4, voa
from sitroom.model import Incident, Place, Responsibility, Span


def _event(
    event_type: str = "Battles",
    sub: str = "Armed clash",
    date: dt.date | None = dt.date(2024, 5, 1),
    precision: str = "day",
    place: Place | None = None,
    status: str = "new",
    claimed: bool = False,
) -> Incident:
    return Incident(
        event_type=event_type,
        sub_event_type=sub,
        trigger=Span("x", 0, 1),
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=place,
        status=status,  # type: ignore[arg-type]
        responsibility=Responsibility(status="claimed" if claimed else "unknown"),
    )


def test_case_f1_is_weighted_by_support_and_none_is_not_a_class() -> None:
    gold = ["Armed clash", "Armed clash", "Attack", "none"]
    pred = ["Armed clash", "Attack", "Attack", "Attack"]
    scores = case2021.score(gold, pred)
    assert scores["acled_accuracy"] == pytest.approx(2 / 3)
    # Armed clash: P 1, R 0.5 -> 2/3; Attack: P 0.5, R 1 -> 2/3 (on ACLED-gold snippets)
    assert scores["acled_weighted_f1"] == pytest.approx(2 / 3)
    assert scores["none_accuracy"] == 0.0
    perfect = case2021.score(gold, ["Armed clash", "Armed clash", "Attack", "none"])
    assert perfect["acled_weighted_f1"] == 1.0 and perfect["none_accuracy"] == 1.0


def test_case_codes_cover_the_25_acled_classes() -> None:
    from sitroom.model import SUB_EVENT_TYPES

    assert sorted(case2021.CODES.values()) == sorted(SUB_EVENT_TYPES)


def test_voa_matching_needs_date_and_place() -> None:
    kabul = Place("Kabul", "Kabul", 0, 5, country="AFG", lat=34.53, lon=69.17)
    gold = voa.GoldIncident(
        status="background",
        date=dt.date(2019, 1, 1),
        precision="year",
        event_type="Battles",
        sub_event_type="Armed clash",
        country="AFG",
        lat=34.5,
        lon=69.2,
        geo_precision=1,
        fatalities=None,
    )
    same_year = _event(date=dt.date(2019, 6, 3), place=kabul, status="background")
    other_year = _event(date=dt.date(2020, 6, 3), place=kabul)
    no_place = _event(date=dt.date(2019, 6, 3))
    assert voa.match([other_year, no_place, same_year], [gold]) == [(2, 0)]
    metrics = voa.score([([same_year, other_year], [gold]), ([no_place], [])])
    assert metrics["background_recall"] == 1.0
    assert metrics["precision"] == pytest.approx(1 / 3)
    assert metrics["false_positives_on_empty"] == 1.0
    assert metrics["status_accuracy"] == 1.0


KEY = """0.  MESSAGE: ID                    TST3-MUC4-9001
1.  MESSAGE: TEMPLATE              1
2.  INCIDENT: DATE                 - 12 JAN 90
3.  INCIDENT: LOCATION             PERU
4.  INCIDENT: TYPE                 BOMBING
11. PERP: ORGANIZATION CONFIDENCE  CLAIMED OR ADMITTED: "SHINING PATH"

0.  MESSAGE: ID                    TST3-MUC4-9001
1.  MESSAGE: TEMPLATE              2 (OPTIONAL)
2.  INCIDENT: DATE                 10 JAN 90
4.  INCIDENT: TYPE                 KIDNAPPING

0.  MESSAGE: ID                    TST3-MUC4-9002
1.  MESSAGE: TEMPLATE              *
"""


def test_muc4_key_dates_types_and_claims(tmp_path: Path) -> None:
    path = tmp_path / "key"
    path.write_text(KEY, encoding="latin-1")
    key = muc4.read_key(path)
    assert key["TST3-MUC4-9002"] == []
    bombing, kidnapping = key["TST3-MUC4-9001"]
    assert bombing.types == ("BOMBING",) and bombing.claimed and not bombing.optional
    assert bombing.latest == dt.date(1990, 1, 12)
    assert bombing.earliest is not None and bombing.earliest < bombing.latest
    assert kidnapping.optional and kidnapping.earliest == dt.date(1990, 1, 10)
    blast = _event(
        "Explosions/Remote violence", "Remote explosive/landmine/IED", dt.date(1990, 1, 11)
    )
    blast.responsibility = Responsibility(status="claimed")
    march = _event("Protests", "Peaceful protest", dt.date(1990, 1, 11))
    assert muc4.fits(blast, bombing) and not muc4.fits(march, bombing)
    metrics = muc4.score([([blast, march], [bombing, kidnapping])])
    assert metrics["incident_recall"] == 1.0
    assert metrics["incident_precision"] == 0.5
    assert metrics["claim_recall"] == 1.0 and metrics["claim_precision"] == 1.0
