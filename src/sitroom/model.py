"""The domain types every stage reads and writes.

Output records (`Incident`, `Place`, `Statistic`, `Timex`, `Actor`, ...) mirror the
contract in CONTRACT.md field for field; `to_dict()` gives exactly the contract's JSON
shape. Working state that only the pipeline needs lives in `Analysis`, never in the
output records' dicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: main for main, subs in EVENT_TYPES.items() for sub in subs}

ACTOR_TYPES = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
)

Precision = Literal["day", "week", "month", "year", "unknown"]
Status = Literal["new", "background"]
ResponsibilityStatus = Literal["claimed", "attributed", "unclaimed", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A short content-derived id: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return prefix + digest.hexdigest()[:length]


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Article:
    """One input article. `text` is exactly as given: every offset points into it."""

    text: str
    id: str = ""
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # file path or "-" and record number, for messages only

    @staticmethod
    def content_id(text: str) -> str:
        return stable_id(text, prefix="a-")

    def with_id(self) -> Article:
        if self.id:
            return self
        return _replace(self, id=self.content_id(self.text))

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class ArticleError:
    """Why an article could not be processed; `code` is one of `errors.CODES`."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Timex:
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, ...
    anchor: str | None = None  # what a relative value was resolved against
    zone: str | None = None  # time zone a clock time was stated in ("UTC" for GMT), if any

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            out["mod"] = self.mod
        if self.zone:
            out["zone"] = self.zone
        return out


@dataclass(frozen=True)
class Place:
    name: str
    mention: str
    start: int | None
    end: int | None
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int = 1  # 1 the place itself, 2 near it / part of it, 3 region or country
    feature: str | None = None  # city, admin1, country, base, camp, river, region, ...

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
            "feature": self.feature,
        }


@dataclass(frozen=True)
class Actor:
    name: str
    mention: str
    type: str | None = None  # one of ACTOR_TYPES
    country: str | None = None  # ISO alpha-3

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "type": self.type,
            "country": self.country,
        }


@dataclass(frozen=True)
class Responsibility:
    status: ResponsibilityStatus = "unknown"
    actor: str | None = None
    by: str | None = None
    unclaimed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "actor": self.actor,
            "by": self.by,
            "unclaimed": self.unclaimed,
        }


@dataclass(frozen=True)
class Statistic:
    quantity: float | None
    qualifier: str | None
    unit: str
    scope: str
    evidence: Span
    since: dt.date | None = None
    until: dt.date | None = None
    by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        q = self.quantity
        return {
            "quantity": int(q) if q is not None and float(q).is_integer() else q,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "scope": self.scope,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "by": self.by,
            "evidence": self.evidence.to_dict(),
        }


@dataclass
class Incident:
    """One real-world incident as this article reports it (contract EVENT).

    Mutable while the pipeline fills it; `trigger` and `sentences` are working state
    that tie it to the text (never serialised except through `evidence`).
    """

    event_type: str
    sub_event_type: str
    trigger: Span
    sentences: list[int] = field(default_factory=list)  # indices into Analysis.sentences
    id: str = ""
    date: dt.date | None = None
    date_precision: Precision = "unknown"
    time: str | None = None
    status: Status = "new"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    responsibility: Responsibility = field(default_factory=Responsibility)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    notes: dict[str, str] = field(default_factory=dict)  # per-field explanations

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "time": self.time,
            "status": self.status,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "weapons": list(self.weapons),
            "responsibility": self.responsibility.to_dict(),
            "evidence": [s.to_dict() for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "explanation": dict(self.notes),
        }


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    def span(self) -> Span:
        return Span(self.text, self.start, self.end)


@dataclass
class Analysis:
    """Everything the pipeline knows about one article so far.

    Each stage declares which of these attributes it reads and writes
    (`stages.Stage.reads` / `.writes`); nothing else is passed between stages.
    """

    article: Article
    doc: Any = None  # spacy Doc over article.text: tokens, entities, sentence starts
    sentences: list[Sentence] = field(default_factory=list)
    # sentence index -> spacy Doc of that sentence alone, tagged and dependency-parsed;
    # only sentences that may report an incident or a figure are parsed (token.idx
    # there is relative to the sentence: add sentences[i].start)
    parses: dict[int, Any] = field(default_factory=dict)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    error: ArticleError | None = None

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding character offset `char` (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if char < s.start:
                hi = mid - 1
            elif char >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"article": self.article.meta_dict(), "error": self.error.to_dict()}
        return {
            "article": self.article.meta_dict(),
            "events": [i.to_dict() for i in self.incidents],
            "statistics": [s.to_dict() for s in self.statistics],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
        }


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)
