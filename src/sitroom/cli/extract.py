"""`sitroom extract`: articles in, one JSON object per article out (CONTRACT.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from sitroom import config as config_mod
from sitroom import pipeline
from sitroom.errors import UsageError
from sitroom.read import read_inputs


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="extract incidents from articles and print JSON Lines")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p.add_argument("--no-store", action="store_true", help="never touch a database")
    p.add_argument("--published", type=parse_date_arg, help="date of header-less text")
    p.add_argument("--max-bytes", type=int, default=None, help="size limit per article")
    from sitroom.cli import add_db_option

    add_db_option(p)  # where results are stored unless --no-store
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="extraction processes (default: one per core, at most 4; 1 for none)",
    )
    p.set_defaults(handler=run)


def parse_date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def run(args: argparse.Namespace) -> int:
    cfg = config_mod.load()
    max_bytes = args.max_bytes or cfg.max_bytes
    if max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    store = None
    if not args.no_store:
        from sitroom.store import open_store

        store = open_store(getattr(args, "db", None))
    exclude = {f.resolve() for f in store.files()} if store else set()
    items = read_inputs(args.paths, published=args.published, max_bytes=max_bytes, exclude=exclude)
    pipe = pipeline.build(cfg)
    out = sys.stdout
    workers = args.workers if args.workers is not None else cfg.workers
    workers = workers or pipeline.default_workers()
    batch = cfg.batch_size if workers == 1 else max(1, cfg.batch_size // 4)
    results = pipeline.run(pipe, items, batch_size=batch, workers=workers)
    if store is not None:
        from sitroom.ingest import store_results

        results = store_results(store, results)
    try:
        for item in results:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if store is not None:
            store.close()
    out.flush()
    return 0
