"""Readers: files, folders and standard input -> `Analysis` items (an `Article`, or
an `ArticleError` for input that cannot be read), in input order.

The format is recognised by content: `date YYYY-MM-DD` text, plain text, JSON Lines,
HTML pages and RSS/Atom feeds. One module per format; this module only dispatches.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

from sitroom.model import Analysis, Article, ArticleError

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s*")


def read_inputs(
    sources: list[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = 10_000_000,
    exclude: Collection[Path] = (),
) -> Iterator[Analysis]:
    for source in sources or ["-"]:
        if source == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "-", published, max_bytes)
            continue
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.resolve() in exclude:
                continue
            yield from _read_bytes(f.read_bytes(), str(f), published, max_bytes)


def _read_bytes(
    data: bytes, origin: str, published: dt.date | None, max_bytes: int
) -> Iterator[Analysis]:
    text = data.decode("utf-8")
    if text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                pub = dt.date.fromisoformat(rec["published"][:10]) if rec.get("published") else None
                art = Article(
                    text=rec["text"], id=rec.get("id") or "", published=pub,
                    title=rec.get("title"), source=rec.get("source"), url=rec.get("url"),
                    origin=f"{origin}:{n}",
                )
                yield Analysis(article=art.with_id())
        return
    m = _HEADER.match(text)
    if m:
        art = Article(text=text[m.end():], published=dt.date.fromisoformat(m.group(1)), origin=origin)
    else:
        art = Article(text=text, published=published, origin=origin)
    if not art.text.strip():
        yield Analysis(article=art.with_id(), error=ArticleError("empty", "no text"))
        return
    yield Analysis(article=art.with_id())
