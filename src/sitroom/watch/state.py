"""What `sitroom watch` remembers about each source, kept in the store.

The store's feed-state interface (`Store.feed_state` / `set_feed_state`, one JSON
object per key) holds one `SourceState` per watched source, plus an index under
`INDEX_KEY` listing them, so `sitroom status` can report on every source from any
process. Nothing lives in a side file: the state moves with the database.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sitroom.store.base import Store

INDEX_KEY = "sitroom:watch"
MAX_SEEN = 5000  # item keys remembered per feed (feeds carry far fewer items)


@dataclass
class SourceState:
    """One watched source: where it is, how it was last polled, what it gave."""

    key: str
    kind: str  # "feed" (URL or file) or "inbox" (folder)
    location: str
    interval: float = 300.0
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    file_signature: str | None = None  # size and mtime of a feed file at its last read
    last_poll: str | None = None  # ISO time (UTC)
    last_status: str = "never polled"
    failures: int = 0
    next_poll: float = 0.0  # epoch seconds
    seen: list[str] = field(default_factory=list)  # feed item keys already handed over
    files: dict[str, str] = field(default_factory=dict)  # inbox: path -> signature
    counts: dict[str, int] = field(default_factory=dict)  # new, stored, rejected, skipped

    def remember(self, keys: list[str]) -> None:
        known = set(self.seen)
        self.seen.extend(k for k in keys if k not in known)
        del self.seen[:-MAX_SEEN]

    def add_counts(self, **counts: int) -> None:
        for name, n in counts.items():
            self.counts[name] = self.counts.get(name, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceState:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def source_key(source: str) -> tuple[str, str, str]:
    """(key, kind, location) of a source given on the command line."""
    if source.startswith(("http://", "https://")):
        return source, "feed", source
    path = Path(source).resolve()
    if path.is_dir():
        return f"inbox:{path}", "inbox", str(path)
    return f"file:{path}", "feed", str(path)


def load(store: Store, key: str) -> SourceState | None:
    data = store.feed_state(key)
    return SourceState.from_dict(data) if data else None


def save(store: Store, state: SourceState) -> None:
    store.set_feed_state(state.key, state.to_dict())
    index = list(store.feed_state(INDEX_KEY).get("sources", []))
    if state.key not in index:
        store.set_feed_state(INDEX_KEY, {"sources": [*index, state.key]})


def all_states(store: Store) -> list[SourceState]:
    """Every source any `sitroom watch` has followed in this store."""
    keys = store.feed_state(INDEX_KEY).get("sources", [])
    return [s for s in (load(store, k) for k in keys) if s is not None]
