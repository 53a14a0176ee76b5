"""Helpers for the merge tests: records written the way the contract shapes them."""

from __future__ import annotations

from typing import Any

from sitroom.merge import MentionRecord


def event(id: str, **fields: Any) -> dict[str, Any]:
    """An EVENT-like dict with the few fields a test cares about."""
    base: dict[str, Any] = {"id": id, "article_id": f"art-{id}", "published": "2024-03-05"}
    base.update(fields)
    return base


def record(id: str, **fields: Any) -> MentionRecord:
    return MentionRecord.from_dict(event(id, **fields))


def place(lat: float, lon: float, country: str = "IRQ", precision: int = 1) -> dict[str, Any]:
    return {"name": "somewhere", "lat": lat, "lon": lon, "country": country, "precision": precision}
