"""Plain text, optionally opened by a `date YYYY-MM-DD` header (CONTRACT.md format 1).

The article text is everything after the header and the whitespace that follows it,
exactly as written (no newline or Unicode normalisation), so every offset the pipeline
reports points into the text the user sees after the header.
"""

from __future__ import annotations

import datetime as dt
import re

from sitroom.errors import InputError
from sitroom.model import Article

# "date 2023-12-08", leading whitespace allowed; lenient on case, a colon and padding
_HEADER = re.compile(r"\A\s*date:?[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})(?=\s|\Z)\s*", re.I)


def split_header(text: str) -> tuple[dt.date | None, str] | None:
    """(date, body) when `text` opens with a date header, else None.

    Raises InputError(bad_date) for a header naming an impossible day (2023-02-30):
    the header is the author's explicit statement of the date, so guessing is worse
    than saying so.
    """
    match = _HEADER.match(text)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        published = dt.date(year, month, day)
    except ValueError as exc:
        message = f"impossible date in header: {match.group(0).strip()}"
        raise InputError(message, "bad_date") from exc
    return published, text[match.end() :]


def read_text(text: str, origin: str, published: dt.date | None) -> Article:
    """The article in a plain-text file; InputError for an empty one or a bad header."""
    header = split_header(text)
    if header is not None:
        date, body = header
        if not body.strip():
            raise InputError("only a date header, no article text", "empty")
        return Article(text=body, published=date, origin=origin).with_id()
    if not text.strip():
        raise InputError("the text is blank", "empty")
    return Article(text=text, published=published, origin=origin).with_id()
