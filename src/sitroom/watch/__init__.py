"""`sitroom watch`: follow RSS/Atom feeds (URLs or files) and inbox folders, and store
every new article as it appears.

- `transport`: the one HTTP seam (polite GETs over an httpx client, robots.txt).
- `feeds`, `inbox`: what is new in one source since its last poll.
- `state`: what is remembered per source, kept in the store (`sitroom status` reads it).
- `loop`: scheduling, backoff, hand-over to `sitroom.ingest.ingest_items`, clean stop.
"""

from __future__ import annotations

from sitroom.watch.loop import CycleReport, Watcher, WatchOptions
from sitroom.watch.state import SourceState, all_states
from sitroom.watch.transport import USER_AGENT, Fetcher, FetchError

__all__ = [
    "USER_AGENT",
    "CycleReport",
    "FetchError",
    "Fetcher",
    "SourceState",
    "WatchOptions",
    "Watcher",
    "all_states",
]
