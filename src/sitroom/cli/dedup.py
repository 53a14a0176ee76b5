"""`sitroom dedup FILE.jsonl|-`: cross-article merging on its own, with no store.

Prints one line per input record, in input order: `{"id": ..., "event_id": ...}`, where
`event_id` is the id of the earliest report of the same incident. A line that is not a
JSON object with an `id` gives `{"id": null, "event_id": null, "error": {"code", "message"}}`
(with the id when there is one) and one line on standard error; the run goes on.
Blank lines are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sitroom.errors import InputError
from sitroom.merge import MentionRecord, RecordError, cluster


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "dedup",
        help="group incident records that report the same event (no store)",
        description="Read incident records (JSON Lines, EVENT fields plus id, article_id, "
        "published) and print, per input line, the canonical event it merges into.",
    )
    p.add_argument("path", metavar="FILE", help="a JSON Lines file, or - for standard input")
    # every command takes --db (CONTRACT.md); dedup accepts it and never opens a store
    p.add_argument("--db", default=None, help="accepted for uniformity; dedup uses no store")
    p.set_defaults(handler=run)


@dataclass(frozen=True)
class _Line:
    """One input line: a usable record, or the error that replaces it."""

    number: int
    record: MentionRecord | None
    id: Any = None  # the id exactly as given (a string or a number)
    error: dict[str, str] | None = None


def run(args: argparse.Namespace) -> int:
    lines = list(_read(args.path))
    given = {line.record.id: line.id for line in lines if line.record is not None}
    event_ids = iter(cluster([line.record for line in lines if line.record is not None]))
    out = sys.stdout
    for line in lines:
        if line.record is not None:
            obj: dict[str, Any] = {"id": line.id, "event_id": given[next(event_ids)]}
        else:
            obj = {"id": line.id, "event_id": None, "error": line.error}
            message = line.error["message"] if line.error else "unreadable record"
            print(f"sitroom: dedup: line {line.number}: {message}", file=sys.stderr)
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def _read(path: str) -> Iterator[_Line]:
    for number, raw in enumerate(_raw_lines(path), 1):
        if raw.strip():
            yield _parse(number, raw)


def _raw_lines(path: str) -> Iterator[bytes]:
    if path == "-":
        yield from _split(sys.stdin.buffer)
        return
    try:
        with Path(path).open("rb") as handle:
            yield from _split(handle)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", "not_found") from exc


def _split(handle: BinaryIO) -> Iterator[bytes]:
    for raw in handle:
        yield raw.rstrip(b"\r\n")


def _parse(number: int, raw: bytes) -> _Line:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _error(number, "bad_encoding", "the line is not valid UTF-8")
    except (ValueError, RecursionError):
        return _error(number, "malformed_record", "the line is not valid JSON")
    rid = data.get("id") if isinstance(data, dict) else None
    try:
        return _Line(number, MentionRecord.from_dict(data), rid)
    except (RecordError, RecursionError) as exc:
        usable = rid if isinstance(rid, str | int) and not isinstance(rid, bool) else None
        return _error(number, "malformed_record", str(exc), usable)


def _error(number: int, code: str, message: str, rid: Any = None) -> _Line:
    return _Line(number, None, rid, {"code": code, "message": message})
