"""`docs/schema/extract-output.schema.json` describes exactly what `sitroom extract` prints.

Real output of every example article, a rejected article and a hand-built record with
every optional field filled are validated against the schema; the schema's closed lists
(error codes, event types) are checked against the code that defines them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from sitroom.errors import CODES
from sitroom.ingest import ingest
from sitroom.model import (
    EVENT_TYPES,
    Actor,
    Analysis,
    Article,
    ArticleError,
    Incident,
    Place,
    Responsibility,
    Span,
    Statistic,
    Timex,
)
from sitroom.read import read_inputs
from sitroom.stages import Pipeline
from sitroom.store import EventQuery, open_store

from .conftest import ARTICLES, REPO

SCHEMA_PATH = REPO / "docs" / "schema" / "extract-output.schema.json"
STORED_SCHEMA_PATH = REPO / "docs" / "schema" / "stored-event.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(validator: jsonschema.Draft202012Validator, record: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]


def full_record() -> dict[str, Any]:
    """An extraction with every field, optional ones included, holding a value."""
    text = "Rockets hit Erbil on Friday at 1:30 a.m., killing 2; 150 attacks since October."
    place = Place("Erbil", "Erbil", 12, 17, "Erbil", "IRQ", 36.19, 44.01, 95446, 1, "city")
    incident = Incident(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger=Span("Rockets", 0, 7),
        id="e-1",
        date=dt.date(2024, 1, 26),
        date_precision="day",
        time="01:30",
        actor1=Actor("Kataib Hezbollah", "Kataib Hezbollah", "political militia", "IRQ"),
        actor2=Actor("Military Forces of the United States", "US troops", "state forces", "USA"),
        location=place,
        fatalities=2,
        injured=0,
        weapons=["rocket"],
        responsibility=Responsibility("attributed", "Kataib Hezbollah", "a US official", True),
        evidence=[Span(text[:58], 0, 58)],
        confidence=0.8,
        notes={"date": "Friday is the publication day"},
    )
    stat = Statistic(
        quantity=150,
        qualifier="more than",
        unit="attacks",
        scope="on US forces",
        evidence=Span(text[59:], 59, len(text)),
        since=dt.date(2023, 10, 1),
        by="Pentagon",
    )
    times = [
        Timex("Friday", 21, 27, "DATE", "2024-01-26"),
        Timex("1:30 a.m.", 31, 40, "TIME", "2024-01-26T01:30", mod="APPROX", zone="UTC"),
    ]
    item = Analysis(
        article=Article(
            text, id="a-1", published=dt.date(2024, 1, 26), title="t", source="s", url="u"
        ),
        incidents=[incident],
        statistics=[stat],
        places=[place, Place("Syria", "Syria", None, None)],
        times=times,
    )
    return item.to_dict()


def test_schema_accepts_a_record_with_every_field(
    validator: jsonschema.Draft202012Validator,
) -> None:
    assert problems(validator, full_record()) == []


def test_schema_rejects_what_the_contract_forbids(
    validator: jsonschema.Draft202012Validator,
) -> None:
    record = full_record()
    record["events"][0]["sub_event_type"] = "Armed clash"  # not under Explosions/Remote violence
    assert problems(validator, record)
    record = full_record()
    record["events"][0]["status"] = "old"
    assert problems(validator, record)
    record = full_record()
    del record["times"]
    assert problems(validator, record)


def test_schema_accepts_error_lines(validator: jsonschema.Draft202012Validator) -> None:
    for code in CODES:
        item = Analysis(article=Article("x", id="a-2"), error=ArticleError(code, "why"))
        assert problems(validator, item.to_dict()) == []
    bad = Analysis(article=Article("x", id="a-2"), error=ArticleError("no_such_code", "why"))
    assert problems(validator, bad.to_dict())


def test_schema_lists_follow_the_code() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert set(defs["rejection"]["properties"]["error"]["properties"]["code"]["enum"]) == set(CODES)
    assert defs["event"]["properties"]["event_type"]["enum"] == list(EVENT_TYPES)
    subs = [s for group in EVENT_TYPES.values() for s in group]
    assert defs["event"]["properties"]["sub_event_type"]["enum"] == subs


def test_real_output_of_the_examples_is_valid(
    validator: jsonschema.Draft202012Validator, golden_outputs: dict[str, Any]
) -> None:
    assert golden_outputs
    for name, record in golden_outputs.items():
        assert problems(validator, json.loads(json.dumps(record))) == [], name


def test_a_rejected_article_is_valid(
    validator: jsonschema.Draft202012Validator, tmp_path: Any
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("date 2024-01-01\n   \n", encoding="utf-8")
    records = [item.to_dict() for item in read_inputs([str(empty)])]
    assert records and all("error" in r for r in records)
    for r in records:
        assert problems(validator, r) == []


def test_stored_events_are_valid(golden_pipeline: Pipeline, tmp_path: Any) -> None:
    """What `sitroom events --format jsonl` prints matches stored-event.schema.json."""
    schema = json.loads(STORED_SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    sources = [str(ARTICLES / "wire-feed.jsonl"), str(ARTICLES / "iraq-erbil-rockets.txt")]
    with open_store(str(tmp_path / "golden.db"), create=True) as store:
        ingest(store, sources, pipeline=golden_pipeline)
        events = [json.loads(json.dumps(e.to_dict())) for e in store.iter_events(EventQuery())]
    assert events
    for record in events:
        assert problems(validator, record) == [], record["id"]
