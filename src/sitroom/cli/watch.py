"""`sitroom watch` (follow feeds and inboxes into the store) and `sitroom status`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sitroom import config as config_mod
from sitroom.cli import add_db_option
from sitroom.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch",
        help="follow RSS/Atom feeds and inbox folders, storing new articles",
        description="Poll feeds (URLs or files) and inbox folders; store each new article. "
        "SOURCE@SECONDS sets one source's interval. Stops cleanly on SIGTERM or Ctrl-C.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL, feed file or folder")
    add_db_option(p)
    p.add_argument("--interval", type=float, default=300.0, help="seconds between polls")
    p.add_argument("--once", action="store_true", help="poll every source once, then exit")
    p.add_argument("--max-backoff", type=float, default=21600.0, help="longest wait on errors")
    p.add_argument("--no-pages", action="store_true", help="use feed text, never fetch pages")
    p.add_argument(
        "--host-delay", type=float, default=1.0, help="seconds between requests to a host"
    )
    p.add_argument("--timeout", type=float, default=20.0, help="HTTP timeout in seconds")
    p.add_argument("--settle", type=float, default=2.0, help="inbox files younger than this wait")
    p.add_argument("--max-bytes", type=int, default=None, help="size limit per article")
    p.set_defaults(handler=run_watch)

    s = sub.add_parser("status", help="what `sitroom watch` follows, and how it went")
    add_db_option(s)
    s.add_argument("--format", choices=["table", "jsonl"], default="table")
    s.set_defaults(handler=run_status)


def run_watch(args: argparse.Namespace) -> int:
    from sitroom.store import open_store
    from sitroom.watch import Fetcher, Watcher, WatchOptions

    cfg = config_mod.load()
    if args.interval <= 0 or args.max_backoff <= 0 or args.timeout <= 0:
        raise UsageError("--interval, --max-backoff and --timeout must be positive")
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    max_bytes = args.max_bytes or cfg.max_bytes
    options = WatchOptions(
        interval=args.interval,
        max_backoff=args.max_backoff,
        pages=not args.no_pages,
        settle=0.0 if args.once else args.settle,
        max_bytes=max_bytes,
    )
    fetcher = Fetcher(timeout=args.timeout, host_delay=args.host_delay, max_bytes=4 * max_bytes)
    with open_store(args.db) as store:
        watcher = Watcher(store, args.sources, fetcher=fetcher, options=options, config=cfg)
        with _stop_on_signals(watcher.stop):
            watcher.run(once=args.once, report=_status_line)
    fetcher.close()
    if not args.once:
        print("sitroom: watch stopped", file=sys.stderr)
    return 0


def _status_line(line: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    print(f"sitroom: {stamp} {line}", file=sys.stderr, flush=True)


@contextmanager
def _stop_on_signals(stop: Any) -> Iterator[None]:
    """SIGTERM and the first Ctrl-C end the loop after the current article; a second
    Ctrl-C interrupts at once."""

    def handler(signum: int, frame: object) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_status(args: argparse.Namespace) -> int:
    from sitroom.store import open_store
    from sitroom.watch import all_states

    with open_store(args.db, create=False) as store:
        states = all_states(store)
        counts = store.counts()
    now = time.time()
    if args.format == "jsonl":
        for s in states:
            print(json.dumps(_row(s, now)))
        return 0
    print(f"store: {counts.articles} articles, {counts.events} events, {counts.rejects} rejected")
    if not states:
        print("no watched sources (start one with `sitroom watch SOURCE`)")
    for s in states:
        row = _row(s, now)
        print(
            f"{row['kind']:5} {row['location']}\n"
            f"      {row['title'] or ''}{' - ' if row['title'] else ''}last poll "
            f"{row['last_poll'] or 'never'}: {row['last_status']}"
            f"{f' ({s.failures} failures in a row)' if s.failures else ''}\n"
            f"      seen {row['seen']}, stored {row['stored']}, rejected {row['rejected']}, "
            f"already stored {row['skipped']}; next poll {row['next_poll'] or 'when watched'}"
        )
    return 0


def _row(s: Any, now: float) -> dict[str, Any]:
    next_poll = (
        dt.datetime.fromtimestamp(s.next_poll, dt.UTC).isoformat(timespec="seconds")
        if s.next_poll
        else None
    )
    return {
        "source": s.key,
        "kind": s.kind,
        "location": s.location,
        "title": s.title,
        "interval": s.interval,
        "last_poll": s.last_poll,
        "last_status": s.last_status,
        "failures": s.failures,
        "next_poll": next_poll,
        "seen": s.counts.get("new", 0),
        "stored": s.counts.get("stored", 0),
        "rejected": s.counts.get("rejected", 0),
        "skipped": s.counts.get("skipped", 0),
    }
