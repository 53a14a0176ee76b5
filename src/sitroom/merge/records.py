"""One incident report as the merger sees it, built from a contract EVENT dict.

Reports come from our own extraction and from structured feeds, so any field may be
missing or null. `MentionRecord.from_dict` never guesses a value: it normalises what is
there (a date window that honours the stated precision, actor keys that separate who
from what kind, a place with the radius its precision allows) and leaves the rest None,
so that the scorer can say "unknown" instead of "different".
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sitroom.knowledge import data_path
from sitroom.model import SUB_EVENT_TYPES

# How far before publication an undated report's incident may lie: wire stories are
# mostly about the last few days.
UNDATED_LOOKBACK_DAYS = 3
WEEK_HALF_WIDTH_DAYS = 3
# Radius (km) within which two coordinates can name the same spot, by PLACE precision.
PRECISION_RADIUS_KM = {1: 25.0, 2: 60.0, 3: 400.0}
_PRECISIONS = ("day", "week", "month", "year", "unknown")
_WORD = re.compile(r"[a-z0-9]+")
_ID_WORD = re.compile(r"[a-z0-9_]+")
_MIN_YEAR, _MAX_YEAR = 1000, 9000


class RecordError(ValueError):
    """A record that cannot be read at all (not an object, no usable id)."""


@dataclass(frozen=True, slots=True)
class ActorKey:
    """An actor reduced to what matters for identity.

    `who` holds the words that name a specific state, group or person ("pakistan",
    "taliban"); `roles` the words that say what kind of actor it is ("military",
    "police"). An actor with no `who` words is generic ("gunmen", "troops"): it is
    compatible with any named actor.
    """

    name: str
    who: frozenset[str]
    roles: frozenset[str]
    country: str | None = None
    unnamed: bool = False  # an armed actor known only by its country ("Pakistan gunmen")

    @property
    def generic(self) -> bool:
        return not self.who


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """A report of one incident by one article (or one feed row)."""

    id: str
    article_id: str | None = None
    source: str | None = None
    published: dt.date | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"
    date_lo: dt.date | None = None  # earliest day the incident may have happened
    date_hi: dt.date | None = None  # latest day
    event_type: str | None = None
    sub_event_type: str | None = None
    status: str | None = None
    actor1: ActorKey | None = None
    actor2: ActorKey | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: frozenset[str] = frozenset()
    evidence: str = ""
    order_key: str = field(default="", compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MentionRecord:
        """Build a record from an EVENT-like dict; raises RecordError if unusable."""
        if not isinstance(data, Mapping):
            raise RecordError("record is not a JSON object")
        rid = data.get("id")
        if not isinstance(rid, str | int) or isinstance(rid, bool) or str(rid) == "":
            raise RecordError("record has no id")
        published = _parse_date(data.get("published"))
        date = _parse_date(data.get("date"))
        precision = data.get("date_precision")
        precision = precision if precision in _PRECISIONS else "unknown"
        lo, hi = date_window(date, precision, published)
        event_type, sub = _types(data.get("event_type"), data.get("sub_event_type"))
        loc = data.get("location")
        lat, lon, country, geo_prec = _place(loc if isinstance(loc, Mapping) else {})
        return cls(
            id=str(rid),
            article_id=_text(data.get("article_id")),
            source=_text(data.get("source")),
            published=published,
            date=date or published,
            date_precision=precision if date else "unknown",
            date_lo=lo,
            date_hi=hi,
            event_type=event_type,
            sub_event_type=sub,
            status=_text(data.get("status")),
            actor1=actor_key(data.get("actor1")),
            actor2=actor_key(data.get("actor2")),
            lat=lat,
            lon=lon,
            country=country,
            geo_precision=geo_prec,
            fatalities=_count(data.get("fatalities")),
            injured=_count(data.get("injured")),
            weapons=frozenset(
                w.strip().lower() for w in _list(data.get("weapons")) if isinstance(w, str)
            ),
            evidence=_evidence_text(data.get("evidence")),
            order_key=_order_key(data, published),
        )

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def radius_km(self) -> float:
        return PRECISION_RADIUS_KM.get(self.geo_precision or 1, 25.0)


def date_window(
    date: dt.date | None, precision: str, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The days an incident may have happened on, given how precise its date is.

    With no date at all, the publication date stands in as an imprecise date: the
    incident happened on it or in the few days before.
    """
    if date is None:
        if published is None:
            return None, None
        return published - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), published
    if precision == "day":
        return date, date
    if precision == "week":
        half = dt.timedelta(days=WEEK_HALF_WIDTH_DAYS)
        return date - half, date + half
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1), date.replace(day=last)
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    # "unknown": the date is the publication date standing in for the real one
    return date - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), date


def actor_key(value: Any) -> ActorKey | None:
    """Reduce an ACTOR dict (or a bare name) to its identity words; None if empty.

    Known group aliases become the group's canonical name ("ISIS" -> Islamic State) and
    country names and demonyms one token per country ("Afghan", "Afghanistan" ->
    `cty_afg`), so that outlets' spellings of one actor compare equal.
    """
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, Mapping):
        return None
    name = _text(value.get("name")) or _text(value.get("mention"))
    if not name:
        return None
    country = _text(value.get("country"))
    return _actor_key(name, _text(value.get("mention")), country.upper() if country else None)


@lru_cache(maxsize=1 << 16)
def _actor_key(name: str, mention: str | None, country: str | None) -> ActorKey:
    """Cached: feeds repeat the same few thousand actor spellings."""
    words = _identity_words(name)
    kinds = actor_terms()
    who = frozenset(w for w in words if w not in kinds)
    roles = {w for w in words if kinds.get(w) in ("role", "generic")}
    if mention and mention != name:
        roles |= {w for w in _identity_words(mention) if kinds.get(w) in ("role", "generic")}
    armed_unknown = bool(roles) and all(kinds.get(w) == "generic" for w in roles)
    return ActorKey(
        name=name,
        who=who,
        roles=frozenset(roles),
        country=country,
        unnamed=armed_unknown and all(w.startswith("cty_") for w in who),
    )


def _identity_words(text: str) -> list[str]:
    """Words of the name as written and of its canonical name, when it is a known alias
    (both: the alias table may file one spelling under a wider group)."""
    folded = fold(text).strip()
    canonical = actor_aliases().get(folded)
    if canonical is not None and fold(canonical) != folded:
        folded = f"{folded} {fold(canonical)}"
    pattern = _country_pattern()
    if pattern is not None:
        phrases = country_phrases()
        folded = pattern.sub(lambda m: f" cty_{phrases[m.group(0)].lower()} ", folded)
    return [w for w in _ID_WORD.findall(folded) if len(w) > 1 or w.isdigit()]


@lru_cache(maxsize=1)
def country_phrases() -> dict[str, str]:
    """Folded country name, alias or demonym -> ISO alpha-3 (from countries.tsv)."""
    table: dict[str, str] = {}
    for row in _tsv_rows("countries.tsv"):
        iso3 = row.get("iso3", "")
        names = [row.get("name", ""), *_bar(row.get("aliases")), *_bar(row.get("demonyms"))]
        for phrase in names:
            key = " ".join(_WORD.findall(fold(phrase)))
            if len(key) >= 2 and iso3:
                table.setdefault(key, iso3)
    return table


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str] | None:
    phrases = sorted(country_phrases(), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, phrases)) + r")(?![a-z0-9])")


@lru_cache(maxsize=1)
def actor_aliases() -> dict[str, str]:
    """Folded alias -> canonical group name (from actors.tsv)."""
    table: dict[str, str] = {}
    for row in _tsv_rows("actors.tsv"):
        name = row.get("name", "")
        for alias in [name, *_bar(row.get("aliases"))]:
            if alias:
                table.setdefault(fold(alias).strip(), name)
    return table


def _tsv_rows(name: str) -> list[dict[str, str]]:
    """Rows of a knowledge data file shared with other stages; [] if it is absent."""
    path = data_path(name)
    if not path.is_file():
        return []
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def _bar(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def fold(text: str) -> str:
    """Lower-case ASCII folding, so that "Šemeta" and "Semeta" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def actor_terms() -> dict[str, str]:
    """word -> kind ('generic', 'role' or 'stop') from the shipped data file."""
    terms: dict[str, str] = {}
    lines = data_path("merge_actor_terms.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        term, kind = line.split("\t")[:2]
        terms[term.strip().lower()] = kind.strip()
    return terms


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    # far-off years are typos, and date windows must not overflow dt.date
    return day if _MIN_YEAR <= day.year <= _MAX_YEAR else None


def _types(event_type: Any, sub: Any) -> tuple[str | None, str | None]:
    sub_s = sub if isinstance(sub, str) and sub else None
    main = event_type if isinstance(event_type, str) and event_type else None
    if main is None and sub_s in SUB_EVENT_TYPES:
        main = SUB_EVENT_TYPES[sub_s]
    return main, sub_s


def _place(loc: Mapping[str, Any]) -> tuple[float | None, float | None, str | None, int | None]:
    lat, lon = _coord(loc.get("lat"), 90.0), _coord(loc.get("lon"), 180.0)
    if lat is None or lon is None:
        lat = lon = None
    prec = loc.get("precision")
    precision = prec if isinstance(prec, int) and prec in PRECISION_RADIUS_KM else None
    country = _text(loc.get("country"))
    return lat, lon, country.upper() if country else None, precision


def _coord(value: Any, bound: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and -bound <= number <= bound else None


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return int(value)


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _evidence_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    parts = [s.get("text") for s in _list(value) if isinstance(s, Mapping)]
    return " ".join(p for p in parts if isinstance(p, str))


def _order_key(data: Mapping[str, Any], published: dt.date | None) -> str:
    """A total order on content: earliest report first, ties broken by a digest of the
    whole record (so equal keys mean equal records)."""
    day = published.isoformat() if published else "9999-12-31"
    body = json.dumps(data, sort_keys=True, ensure_ascii=True, default=str)
    return f"{day}:{hashlib.blake2b(body.encode('utf-8'), digest_size=12).hexdigest()}"
