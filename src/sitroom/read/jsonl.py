"""JSON Lines (CONTRACT.md format 2): one article per line, and JSON arrays of them.

Each record is judged on its own: a bad line gives its own error item (`malformed_record`
for invalid JSON, a non-object or a missing `text`; `not_text` for a `text` that is not a
string; `bad_date` for a `published` that is not a possible day; `empty`, `too_large`)
and the next line is read. Lines are split on "\\n" only: U+2028 and friends may sit
inside JSON strings. The `text` field becomes the article text unchanged, so offsets
index it exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sitroom.errors import InputError
from sitroom.model import Analysis, Article
from sitroom.read.common import (
    ReadOptions,
    check_size,
    clean_str,
    error_item,
    optional_str,
    parse_published,
    raw_id,
)
from sitroom.read.detect import decode_8bit

# a JSON line may escape every character as \uXXXX: six bytes for one
LINE_FACTOR = 6


@dataclass(frozen=True)
class RawLine:
    """One line of a file: its bytes, or only its first bytes when it is over the limit."""

    number: int
    data: bytes
    size: int  # the whole line's length in bytes
    complete: bool = True


def iter_lines(first: bytes, rest: Iterator[bytes], limit: int) -> Iterator[RawLine]:
    """Split a byte stream into lines without ever holding a line over `limit` bytes."""
    buf = bytearray()
    size, number = 0, 0
    for chunk in _chain(first, rest):
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            end = len(chunk) if nl < 0 else nl
            size += end - start
            if size <= limit:
                buf += chunk[start:end]
            elif len(buf) < 65536:
                buf += chunk[start : start + 65536 - len(buf)]
            if nl < 0:
                break
            number += 1
            yield RawLine(number, bytes(buf), size, size <= limit)
            buf, size, start = bytearray(), 0, nl + 1
    if size or buf:
        yield RawLine(number + 1, bytes(buf), size, size <= limit)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def read_lines(lines: Iterator[RawLine], origin: str, opts: ReadOptions) -> Iterator[Analysis]:
    """One item per non-blank line."""
    for line in lines:
        if not line.data.strip() and line.complete:
            continue
        where = f"{origin}:{line.number}"
        if not line.complete:
            exc = InputError(f"record is {line.size} bytes, over the size limit", "too_large")
            yield error_item(exc, where, raw_id(line.data + str(line.size).encode()))
            continue
        yield read_line(line.data, where, opts)


def read_line(data: bytes, origin: str, opts: ReadOptions) -> Analysis:
    """The item for one JSON Lines record given as bytes."""
    try:
        text = decode_8bit(data.removeprefix(b"\xef\xbb\xbf").rstrip(b"\r")).text
        record = loads(text)
    except InputError as exc:
        return error_item(exc, origin, raw_id(data))
    return read_record(record, origin, opts, fallback_id=raw_id(data))


def loads(text: str) -> object:
    """json.loads, with every failure (deep nesting included) as malformed_record."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise InputError("JSON nested too deeply", "malformed_record") from exc
    except ValueError as exc:  # JSONDecodeError, and ints over Python's digit limit
        raise InputError(f"invalid JSON: {exc}", "malformed_record") from exc


def read_record(record: object, origin: str, opts: ReadOptions, fallback_id: str = "") -> Analysis:
    """The item for one decoded record (also what `POST /articles` receives)."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        exc = InputError(f"record is a JSON {kind}, not an object", "malformed_record")
        return error_item(exc, origin, fallback_id)
    given_id = _record_id(record.get("id"))
    meta = {k: optional_str(record.get(k)) for k in ("title", "source", "url")}
    try:
        article = _article(record, origin, opts, given_id, meta)
    except InputError as exc:
        return error_item(exc, origin, given_id or fallback_id, **meta)
    return Analysis(article=article)


def _article(
    record: dict[str, object],
    origin: str,
    opts: ReadOptions,
    given_id: str,
    meta: dict[str, str | None],
) -> Article:
    if "text" not in record:
        raise InputError("record has no text field", "malformed_record")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"text is a JSON {_json_kind(text)}, not a string", "not_text")
    if not text.strip():
        raise InputError("the text is blank", "empty")
    text = clean_str(text)
    check_size(text, opts.max_bytes)
    published = parse_published(record.get("published")) or opts.published
    article = Article(
        text=text,
        id=given_id,
        published=published,
        language=optional_str(record.get("language")),
        origin=origin,
        **meta,
    )
    return article.with_id()


def _record_id(value: object) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    return optional_str(value) or ""


def _json_kind(value: object) -> str:
    names = {type(None): "null", bool: "boolean", int: "number", float: "number"}
    names.update({str: "string", list: "array", dict: "object"})
    return names.get(type(value), type(value).__name__)


def read_array(text: str, origin: str, opts: ReadOptions) -> Iterator[Analysis] | None:
    """The items of a JSON document holding an array of records, or one record spread
    over several lines; None when `text` is not one (then it is read as JSON Lines)."""
    try:
        records = json.loads(text)
    except (RecursionError, ValueError):
        return None
    if isinstance(records, dict):
        return iter([read_record(records, origin, opts, fallback_id=_record_raw_id(records))])
    if not isinstance(records, list) or not records:
        return None
    if not all(isinstance(r, dict) for r in records):
        return None
    return (
        read_record(r, f"{origin}:[{n}]", opts, fallback_id=_record_raw_id(r))
        for n, r in enumerate(records)
    )


def _record_raw_id(record: object) -> str:
    try:
        return raw_id(json.dumps(record, sort_keys=True).encode())
    except (RecursionError, ValueError, TypeError):
        return ""
