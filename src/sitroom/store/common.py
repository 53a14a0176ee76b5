"""What every SQL backend shares: the article payload a write transaction stores, its
validation, the text and place filters' inputs, and value encodings. Each backend keeps
only its own SQL, so SQLite and PostgreSQL store and answer exactly the same things.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.model import Analysis, Article, stable_id
from sitroom.store.base import EventQuery, InvalidArticle
from sitroom.store.canonical import ReportRecord

KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Payload:
    """One article's extraction in contract shape, with each evidence span's context."""

    article: Article
    events: list[dict[str, Any]]
    contexts: list[list[tuple[Any, Any]]]  # (start, end) ints once validated
    statistics: list[dict[str, Any]]
    places: list[dict[str, Any]]
    times: list[dict[str, Any]]


@dataclass(frozen=True)
class BoundingBox:
    """The lat/lon box around a `near` circle: the spatial index's prefilter (the whole
    longitude range when the circle crosses the antimeridian)."""

    lat0: float
    lat1: float
    lon0: float
    lon1: float


def validate(p: Payload) -> None:
    """Refuse, before any write, an extraction the store cannot keep."""
    if not p.article.id:
        raise InvalidArticle("an article needs an id before it is stored")
    for ev in p.events:
        if not isinstance(ev.get("event_type"), str) or not isinstance(
            ev.get("sub_event_type"), str
        ):
            raise InvalidArticle(
                f"article {p.article.id}: an event has no event_type/sub_event_type"
            )
        for span in ev.get("evidence") or []:
            if not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
                raise InvalidArticle(f"article {p.article.id}: evidence without offsets")


def payload_from_analysis(item: Analysis) -> Payload:
    events = [i.to_dict() for i in item.incidents]
    contexts = []
    for inc in item.incidents:
        contexts.append([context_of(item, s.start, s.end) for s in inc.evidence])
    return Payload(
        article=item.article,
        events=events,
        contexts=contexts,
        statistics=[s.to_dict() for s in item.statistics],
        places=[p.to_dict() for p in item.places],
        times=[t.to_dict() for t in item.times],
    )


def payload_from_output(article: Article, out: dict[str, Any]) -> Payload:
    events = list(out.get("events") or [])
    contexts = [[(s.get("start"), s.get("end")) for s in ev.get("evidence") or []] for ev in events]
    return Payload(
        article=article,
        events=events,
        contexts=contexts,
        statistics=list(out.get("statistics") or []),
        places=list(out.get("places") or []),
        times=list(out.get("times") or []),
    )


def context_of(item: Analysis, start: int, end: int) -> tuple[int, int]:
    """The evidence's sentences and one on each side, so `show` can mark the evidence
    within the text around it (the span itself when sentences are unknown)."""
    first, last = item.sentence_of(start), item.sentence_of(max(start, end - 1))
    if first < 0 or last < 0:
        return start, end
    before, after = max(first - 1, 0), min(last + 1, len(item.sentences) - 1)
    return min(item.sentences[before].start, start), max(item.sentences[after].end, end)


def report_id_candidates(wanted: str, article_id: str, ordinal: int) -> list[list[str]]:
    """Report ids to try in turn: the extraction's own, then content-derived ones."""
    first = ([wanted] if wanted else []) + [stable_id(article_id, ordinal, prefix="r-")]
    return [first] + [[stable_id(article_id, ordinal, n, prefix="r-")] for n in range(99)]


def event_id_candidates(wanted: str, *salt: object) -> list[str]:
    """Event ids to try in turn: the wanted one, then salted content-derived ones."""
    return [wanted] + [stable_id(wanted, *salt, n, prefix="e-") for n in range(99)]


def plain_filters(q: EventQuery, mark: Callable[[str], str]) -> tuple[list[str], dict[str, Any]]:
    """The B-tree-indexed conditions of a query (time, country, type, status), with
    placeholders written by `mark(name)` in the backend's parameter style."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if q.since:
        where.append(f"date >= {mark('since')}")
        params["since"] = q.since.isoformat()
    if q.until:
        where.append(f"date <= {mark('until')}")
        params["until"] = q.until.isoformat()
    if q.since is None and q.until is not None:
        where.append("date IS NOT NULL")
    if q.country:
        where.append(f"country = {mark('country')}")
        params["country"] = q.country
    if q.event_type:
        column = "event_type" if q.event_type in canonical_types() else "sub_event_type"
        where.append(f"{column} = {mark('etype')}")
        params["etype"] = q.event_type
    if q.status:
        where.append(f"status = {mark('status')}")
        params["status"] = q.status
    return where, params


def bounding_box(lat: float, lon: float, radius: float) -> BoundingBox:
    dlat = radius / KM_PER_DEGREE
    dlon = min(360.0, radius / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01)))
    wraps = lon - dlon < -180 or lon + dlon > 180
    return BoundingBox(
        lat0=lat - dlat,
        lat1=lat + dlat,
        lon0=-180.0 if wraps else lon - dlon,
        lon1=180.0 if wraps else lon + dlon,
    )


@functools.lru_cache(maxsize=1)
def canonical_types() -> frozenset[str]:
    from sitroom.model import EVENT_TYPES

    return frozenset(EVENT_TYPES)


def fts_text(records: Sequence[ReportRecord]) -> tuple[str, str]:
    """The searchable text of a canonical event: (body, actors)."""
    body: list[str] = []
    actors: list[str] = []
    for r in records:
        ev = r.event
        body.extend(s.get("text", "") for s in ev.get("evidence") or [])
        body.extend(str(v) for v in (ev.get("explanation") or {}).values())
        loc = ev.get("location") or {}
        body.extend(str(loc[k]) for k in ("name", "mention", "admin1") if loc.get(k))
        for key in ("actor1", "actor2"):
            actor = ev.get(key) or {}
            actors.extend(str(actor[k]) for k in ("name", "mention") if actor.get(k))
        resp = ev.get("responsibility") or {}
        actors.extend(str(resp[k]) for k in ("actor", "by") if resp.get(k))
    return "\n".join(body), "\n".join(actors)


def km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float | None:
    """Great-circle distance in km (haversine)."""
    if lat1 is None or lon1 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
