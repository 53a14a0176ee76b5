"""One input (a file or standard input) -> its items, by the format its content shows.

Only the first 64 KB are read to decide what the input is. JSON Lines then streams line
by line (a file of many articles may be far larger than one article's limit; a line
over the limit is skipped without being held whole); any other format is one document,
read only up to its size cap, so a huge file is rejected as `too_large` without being
read into memory.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from sitroom.errors import InputError
from sitroom.model import Analysis
from sitroom.read.common import ReadOptions, check_size, error_item, raw_id
from sitroom.read.detect import (
    SNIFF_BYTES,
    Encoding,
    Format,
    decode,
    sniff_encoding,
    sniff_format,
)
from sitroom.read.feeds import read_feed
from sitroom.read.html import read_html
from sitroom.read.jsonl import LINE_FACTOR, iter_lines, read_array, read_lines
from sitroom.read.text import read_text

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 20
# how many bytes of a document may carry max_bytes of article text
_MARKUP_FACTOR = 4
_CODE_UNIT = {"utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}


def read_stream(
    stream: BinaryIO, origin: str, size: int | None, opts: ReadOptions
) -> Iterator[Analysis]:
    """Every item of one input; `size` is its length when known (a regular file)."""
    head = read_up_to(stream, SNIFF_BYTES)
    if not head:
        yield error_item(InputError("the input is empty", "empty"), origin, raw_id(b""))
        return
    try:
        enc = sniff_encoding(head)
    except InputError as exc:
        yield error_item(exc, origin, raw_id(head))
        return
    fmt = sniff_format(_head_text(head, enc))
    if fmt is Format.JSONL and enc.ascii_compatible:
        limit = LINE_FACTOR * opts.max_bytes + SNIFF_BYTES
        lines = iter_lines(head[enc.bom :], _chunks(stream), limit)
        yield from read_lines(lines, origin, opts)
        return
    cap = size_cap(fmt, enc, opts.max_bytes)
    if size is None or size <= cap:
        data = head + read_up_to(stream, cap + 1 - len(head))
        size = len(data)
    if size > cap:
        too_large = InputError(f"input is {size} bytes, over the size limit", "too_large")
        yield error_item(too_large, origin, raw_id(head + str(size).encode()))
        return
    try:
        yield from read_document(data, enc, fmt, origin, opts)
    except InputError as exc:
        yield error_item(exc, origin, raw_id(data))


def read_document(
    data: bytes, enc: Encoding, fmt: Format, origin: str, opts: ReadOptions
) -> Iterator[Analysis]:
    """The items of a whole document already in memory."""
    decoded = decode(data, enc)
    if decoded.warning:
        log.warning("%s: %s", origin, decoded.warning)
    text = decoded.text
    if fmt is Format.FEED:
        yield from read_feed(data, origin, opts)  # feedparser reads the XML declaration
    elif fmt is Format.HTML:
        yield read_html(text, origin, opts)
    elif fmt is Format.TEXT:
        article = read_text(text, origin, opts.published)
        check_size(article.text, opts.max_bytes)
        yield Analysis(article=article)
    else:
        records = read_array(text, origin, opts) if fmt is Format.JSON_ARRAY else None
        if records is None:  # JSON Lines (in UTF-16, or lines opening with "[")
            lines = iter_lines(text.encode("utf-8", "surrogatepass"), iter(()), len(data) + 1)
            records = read_lines(lines, origin, opts)
        yield from records


def size_cap(fmt: Format, enc: Encoding, max_bytes: int) -> int:
    """The most bytes a document may have and still hold at most `max_bytes` of text."""
    factor = {Format.TEXT: 1, Format.HTML: _MARKUP_FACTOR, Format.FEED: _MARKUP_FACTOR}
    return factor.get(fmt, LINE_FACTOR) * _CODE_UNIT.get(enc.codec, 1) * max_bytes + SNIFF_BYTES


def _head_text(head: bytes, enc: Encoding) -> str:
    codec = "utf-8" if enc.codec == "8bit" else enc.codec
    return head[enc.bom :].decode(codec, errors="replace")


def read_up_to(stream: BinaryIO, n: int) -> bytes:
    """Up to `n` bytes (fewer only at the end of the stream: pipes return short reads)."""
    parts: list[bytes] = []
    while n > 0:
        chunk = stream.read(min(n, CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk
