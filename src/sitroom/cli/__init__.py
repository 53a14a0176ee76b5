"""Thin command-line client over the library: one module per group of commands.

Each module defines `register(subparsers)`, adding its commands with a `run(args)`
function as the `handler` default. Handled errors print one line to standard error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from sitroom.errors import SitroomError

# modules whose commands make up `sitroom`; `docs/cli.md` documents every command
COMMAND_MODULES = (
    "sitroom.cli.extract",
    "sitroom.cli.store",
    "sitroom.cli.dedup",
    "sitroom.cli.evaluate",
    "sitroom.cli.serve",
    "sitroom.cli.watch",
    "sitroom.cli.spark",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom",
        description="Turn conflict news into a queryable, explainable incident database.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="sitroom: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.handler(args) or 0)
    except SitroomError as exc:
        print(f"sitroom: error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sitroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        help="SQLite path or postgresql:// URL (default: $SITROOM_DB, else sitroom.db)",
    )
