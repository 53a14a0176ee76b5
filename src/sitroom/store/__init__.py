"""Where articles, their reports and canonical events are kept.

`open_store(url)` gives a `Store`: SQLite for a path, PostgreSQL for `postgresql://`
URLs (when that backend is installed). Nothing outside this package writes SQL.
"""

from __future__ import annotations

import os
from pathlib import Path

from sitroom.errors import StoreError
from sitroom.store.base import (
    AddResult,
    CanonicalEvent,
    EventDetail,
    EventQuery,
    InvalidArticle,
    MergeDecision,
    Reject,
    ReportRef,
    Store,
    StoreCounts,
)

__all__ = [
    "AddResult",
    "CanonicalEvent",
    "EventDetail",
    "EventQuery",
    "InvalidArticle",
    "MergeDecision",
    "Reject",
    "ReportRef",
    "Store",
    "StoreCounts",
    "default_url",
    "open_store",
]


def default_url(given: str | None = None) -> str:
    """`--db` if given, else `$SITROOM_DB`, else `db` in `sitroom.toml`, else
    `sitroom.db` in the working directory."""
    if given:
        return given
    if os.environ.get("SITROOM_DB"):
        return os.environ["SITROOM_DB"]
    from sitroom import config

    return config.load().db or "sitroom.db"


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `url`; `create=False` refuses a missing one."""
    target = default_url(url)
    if target.startswith(("postgresql://", "postgres://")):
        try:
            from sitroom.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError("the PostgreSQL store is not available in this version") from exc
        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    from sitroom.store.sqlite import SQLiteStore

    return SQLiteStore(Path(target), create=create)
