"""Blocking keys: which reports are worth comparing at all.

Two reports can only merge when their type families agree, their date windows lie
within `Policy.max_gap_days` of each other and their places are near. Each report is
filed under a few string keys (type family x week bucket x 1-degree cell) and looks up
candidates under a few query keys, so the work grows with the number of reports rather
than with its square. The keys are asymmetric on purpose: a report with no place (or
only a region) must meet every report of its week and family in its country (or
everywhere, when it has no country), and every located report must meet those, without
located reports meeting each other across the map. Located reports with no country
miss the placeless reports that only know a country: a rare case, accepted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection

from sitroom.merge.records import MentionRecord
from sitroom.merge.score import DEFAULT_POLICY, Policy
from sitroom.model import EVENT_TYPES

BUCKET_DAYS = 7
CELL_DEGREES = 1.0
ANY_PLACE = "*"  # filed under by every report; queried by reports with no place or country
NO_PLACE = "?"  # filed under by reports with no place and no country
# "in:CTRY": located reports in that country; "nc:CTRY": reports that only know the country
ANY_TYPE = "?"


def index_keys(record: MentionRecord, policy: Policy = DEFAULT_POLICY) -> list[str]:
    """Keys to file `record` (or the event it belongs to) under."""
    family = record.event_type or ANY_TYPE
    buckets = _buckets(record, policy)
    keys = [f"{family}|{b}|{p}" for b in buckets for p in _filed_places(record)]
    placeless = _cell(record) is None
    for token in actor_tokens(record):
        keys.extend(f"{family}|{b}|t:{token}" for b in buckets)
        if placeless:
            keys.extend(f"{family}|{b}|nt:{token}" for b in buckets)
    if record.article_id:
        keys.append(f"art:{record.article_id}")
    return keys


def query_keys(record: MentionRecord, policy: Policy = DEFAULT_POLICY) -> list[str]:
    """Keys under which the candidates for `record` are filed (all of them)."""
    return [key for key, _ in query_plan(record, policy)]


def query_plan(
    record: MentionRecord,
    policy: Policy = DEFAULT_POLICY,
    present: Collection[str] | None = None,
) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each query key, with the narrower keys to use instead when it files too many
    reports: a placeless report then meets only the reports that share an actor word
    with it (or its article), instead of every report of its week and type. `present`
    limits the type families to those that hold any report."""
    families = [record.event_type, ANY_TYPE] if record.event_type else [*EVENT_TYPES, ANY_TYPE]
    if present is not None:
        families = [f for f in families if f in present]
    tokens = actor_tokens(record)
    plan: list[tuple[str, tuple[str, ...] | None]] = []
    for f in families:
        for b in _buckets(record, policy):
            for p in _wanted_places(record):
                narrow = None
                if p == ANY_PLACE:
                    narrow = tuple(f"{f}|{b}|t:{t}" for t in tokens)
                elif p == NO_PLACE:
                    narrow = tuple(f"{f}|{b}|nt:{t}" for t in tokens)
                plan.append((f"{f}|{b}|{p}", narrow))
    if record.article_id:
        plan.append((f"art:{record.article_id}", None))
    return plan


def actor_tokens(record: MentionRecord) -> list[str]:
    """Words naming the record's actors (role words for a generic actor)."""
    tokens: set[str] = set()
    for actor in (record.actor1, record.actor2):
        if actor is not None:
            tokens.update(actor.who or {f"r:{r}" for r in actor.roles})
    return sorted(tokens)


def _filed_places(record: MentionRecord) -> list[str]:
    cell = _cell(record)
    if cell is not None:
        places = [ANY_PLACE, f"{cell[0]}:{cell[1]}"]
        return [*places, f"in:{record.country}"] if record.country else places
    return [ANY_PLACE, f"nc:{record.country}" if record.country else NO_PLACE]


def _wanted_places(record: MentionRecord) -> list[str]:
    """Located reports meet their neighbour cells and the placeless reports (of their
    country, when it is known); placeless ones meet their country, or everything."""
    cell = _cell(record)
    if cell is not None:
        row, col = cell
        places = [f"{row + dr}:{col + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
        return [*places, NO_PLACE, *([f"nc:{record.country}"] if record.country else [])]
    if record.country:
        return [f"in:{record.country}", f"nc:{record.country}", NO_PLACE]
    return [ANY_PLACE]


def _buckets(record: MentionRecord, policy: Policy) -> list[int]:
    """Week buckets covering [date_lo, date_hi + max gap]: two windows within the gap
    always share one of them. Undated reports share one bucket of their own."""
    if record.date_lo is None or record.date_hi is None:
        return [-1]
    first = record.date_lo.toordinal() // BUCKET_DAYS
    last = (record.date_hi + dt.timedelta(days=policy.max_gap_days)).toordinal() // BUCKET_DAYS
    return list(range(first, last + 1))


def _cell(record: MentionRecord) -> tuple[int, int] | None:
    """The grid cell of a precisely located report; None for no place or a region."""
    if record.lat is None or record.lon is None or (record.geo_precision or 1) >= 3:
        return None
    return math.floor(record.lat / CELL_DEGREES), math.floor(record.lon / CELL_DEGREES)
