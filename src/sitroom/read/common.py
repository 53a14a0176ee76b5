"""Small pieces every reader shares: options, dates, ids, size checks, error items."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from dataclasses import dataclass

from sitroom.errors import InputError
from sitroom.model import Analysis, Article, ArticleError


@dataclass(frozen=True)
class ReadOptions:
    published: dt.date | None = None  # the date of articles that carry none
    max_bytes: int = 10_000_000  # articles with more UTF-8 bytes of text are too_large


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_COMPACT_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|T\d)")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_published(value: object) -> dt.date | None:
    """The publication day of a `published` value: None when absent, InputError(bad_date)
    when it is not a date or names an impossible day (2023-02-30).

    Accepts `YYYY-MM-DD`, ISO-8601 date-times (the day as written, whatever the offset),
    `YYYYMMDD` and RFC 2822 dates (feeds write those).
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"published is not a date string: {str(value)[:40]!r}", "bad_date")
    raw = value.strip()
    match = _ISO_DAY.match(raw) or _COMPACT_DAY.match(raw)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError as exc:
            raise InputError(f"impossible date: {raw[:40]!r}", "bad_date") from exc
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise InputError(f"not a date: {raw[:40]!r}", "bad_date") from exc


def clean_str(value: str) -> str:
    """Replace lone surrogates (from JSON escapes such as "\\ud800") with U+FFFD.

    One code point for one, so offsets are unchanged; a lone surrogate cannot be
    written as UTF-8, and would otherwise crash the output or the store.
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def optional_str(value: object) -> str | None:
    """A metadata string, or None for anything that is not a non-blank string."""
    if isinstance(value, str) and value.strip():
        return clean_str(value.strip())
    return None


def raw_id(data: bytes) -> str:
    """A content-derived id for input that never became an article (errors)."""
    return "a-" + hashlib.sha256(data).hexdigest()[:16]


def check_size(text: str, max_bytes: int) -> None:
    """InputError(too_large) when `text` is over `max_bytes` bytes of UTF-8."""
    if len(text) <= max_bytes // 4:
        return
    size = len(text) if len(text) > max_bytes else len(text.encode("utf-8"))
    if size > max_bytes:
        raise InputError(f"article text is {size} bytes, over the {max_bytes} limit", "too_large")


def error_item(exc: InputError, origin: str, article_id: str = "", **meta: object) -> Analysis:
    """The output item for input that cannot become an article."""
    published = meta.get("published")
    article = Article(
        text="",
        id=article_id,
        origin=origin,
        published=published if isinstance(published, dt.date) else None,
        title=_opt(meta.get("title")),
        source=_opt(meta.get("source")),
        url=_opt(meta.get("url")),
    )
    return Analysis(article=article, error=ArticleError(exc.code, _one_line(exc.message)))


def _opt(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _one_line(message: str) -> str:
    return " ".join(message.split())[:300]
