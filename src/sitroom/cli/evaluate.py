"""`sitroom eval SUITE`: score sitroom against a gold suite in ../shared/gold."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from sitroom.errors import UsageError
from sitroom.evaluate import SUITES, check_floors, run_suite


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("eval", help="score sitroom on a gold suite (or 'all')")
    p.add_argument("suite", choices=[*SUITES, "all"])
    p.add_argument(
        "--gold",
        type=Path,
        default=Path(os.environ.get("SITROOM_GOLD", "../shared/gold")),
        help="folder of the gold suites (default: $SITROOM_GOLD or ../shared/gold)",
    )
    p.add_argument("--floors", type=Path, help="JSON of metric floors: fail below them")
    p.add_argument("--json", type=Path, help="also write all reports as JSON to this file")
    # every command takes --db (CONTRACT.md); scoring never opens a store
    p.add_argument("--db", default=None, help="accepted for uniformity; eval uses no store")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.gold.is_dir():
        raise UsageError(f"gold folder not found: {args.gold}")
    names = list(SUITES) if args.suite == "all" else [args.suite]
    floors = json.loads(args.floors.read_text()) if args.floors else {}
    reports, failures = [], []
    for name in names:
        try:
            report = run_suite(name, args.gold)
        except (OSError, ValueError, KeyError) as exc:  # a missing or unreadable gold set
            failures.append(f"{name}: could not run: {exc!r}")
            continue
        print(report.table(), flush=True)
        print(json.dumps(report.to_dict()), flush=True)
        reports.append(report.to_dict())
        failures.extend(check_floors(report, floors))
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))
    for f in failures:
        print(f"FLOOR: {f}")
    return 1 if failures else 0
