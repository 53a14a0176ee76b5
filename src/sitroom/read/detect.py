"""Recognise what a file is from its bytes: binary or text, which encoding, which format.

Decisions (the user-facing side is in docs/errors.md):
- NUL bytes mean binary (`not_text`) unless the NULs follow the pattern of UTF-16 text;
  so do known binary signatures and a text with many control characters.
- UTF-8 (with or without BOM) and UTF-16/32 with BOM are decoded as such.
- Text that is mostly valid UTF-8 with a few broken sequences is decoded with U+FFFD
  replacing the broken bytes (the article is kept, a warning goes to standard error):
  losing a whole article for one bad byte helps no one.
- Text with no valid UTF-8 multi-byte sequence is a legacy single-byte encoding:
  cp1252 (Latin-1's superset, the usual one for English news) unless charset-normalizer
  finds a non-Latin script (Cyrillic, Greek, CJK ...).
- The format comes from the content, never the file name: `{` opens JSON Lines, `[` a
  JSON array or JSON Lines, `<rss`/`<feed`/`<rdf:RDF` a feed, other markup an HTML page,
  anything else plain text.
"""

from __future__ import annotations

import codecs
import enum
import re
import unicodedata
from dataclasses import dataclass

from sitroom.errors import InputError

SNIFF_BYTES = 64 * 1024

_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"%PDF-",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"\xfd7zXZ",
    b"\x7fELF",
    b"SQLite format 3",
    b"\xca\xfe\xba\xbe",
    b"OggS",
)
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newlines, form feed and escape; DEL. Not C1 controls:
# those come from mojibake ("donâ\x80\x99t"), common in scraped news, never from binary
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# multi-byte encodings and scripts where charset-normalizer's guess beats cp1252
_LEGACY_DEFAULT = "cp1252"


class Format(enum.Enum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON_ARRAY = "json-document"  # an array of records, or one record over many lines
    HTML = "html"
    FEED = "feed"


@dataclass(frozen=True)
class Encoding:
    """How to decode a file: `codec` after skipping `bom` bytes. `codec` "8bit" means
    UTF-8 if it decodes, else broken UTF-8 or a legacy encoding (decided on the data)."""

    codec: str
    bom: int = 0

    @property
    def ascii_compatible(self) -> bool:
        return self.codec in ("utf-8", "8bit")


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None  # why the text may not be exactly what the author wrote


def sniff_encoding(head: bytes) -> Encoding:
    """The encoding of a file from its first bytes; InputError(not_text) if binary."""
    if head.startswith(_BINARY_MAGIC):
        raise InputError("binary file (not text)", "not_text")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, len(bom))
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise InputError("binary file (NUL bytes)", "not_text")
        return Encoding(utf16)
    return Encoding("utf-8" if _is_utf8_prefix(head) else "8bit")


def _is_utf8_prefix(head: bytes) -> bool:
    """True if `head` is valid UTF-8, allowing a sequence cut off at its end."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly ASCII letters has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.02 * len(other):
            return codec
    return None


def decode(data: bytes, enc: Encoding) -> Decoded:
    """Decode a whole file (or record) according to `enc`; InputError if not text."""
    body = data[enc.bom :]
    if enc.codec == "8bit" or enc.codec == "utf-8":
        decoded = decode_8bit(body)
    else:
        text = body.decode(enc.codec, errors="replace")
        bad = text.count("\ufffd")
        decoded = Decoded(text, f"{bad} invalid {enc.codec} sequences replaced" if bad else None)
    check_text(decoded.text)
    return decoded


def decode_8bit(body: bytes) -> Decoded:
    """UTF-8, else broken UTF-8 (replaced), else a legacy single-byte encoding."""
    try:
        return Decoded(body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    loose = body.decode("utf-8", errors="replace")
    replaced = loose.count("\ufffd") - body.count(b"\xef\xbf\xbd")
    valid_multibyte = sum(1 for ch in loose if ord(ch) > 0x7F) - replaced
    if valid_multibyte > 0 and replaced <= 4 * valid_multibyte:
        return Decoded(loose, f"{replaced} invalid UTF-8 sequences replaced with U+FFFD")
    codec = legacy_codec(body)
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        codec = "latin-1"
        text = body.decode(codec)
    return Decoded(text, f"not UTF-8; decoded as {codec}")


def legacy_codec(body: bytes) -> str:
    """cp1252 unless charset-normalizer finds text in a non-Latin script."""
    from charset_normalizer import from_bytes

    sample = body[: 4 * SNIFF_BYTES]
    if sum(1 for b in sample if b > 0x7F) < 0.1 * len(sample):
        return _LEGACY_DEFAULT  # mostly ASCII: English with a few accents or symbols
    best = from_bytes(sample).best()
    if best is None or best.encoding in ("ascii", "utf_8"):
        return _LEGACY_DEFAULT
    letters = [ch for ch in str(best) if ord(ch) > 0x7F and ch.isalpha()]
    if not letters:
        return _LEGACY_DEFAULT
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return _LEGACY_DEFAULT if latin >= len(letters) / 2 else best.encoding


def check_text(text: str) -> None:
    """InputError(not_text) when decoded 'text' is mostly control characters."""
    sample = text[: SNIFF_BYTES * 4]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample) or "\x00" in sample:
        raise InputError("binary content (control characters)", "not_text")


_MARKUP_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!(?!--)[^>]*>)*", re.S)
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_HTML_TAGS = {
    "html", "head", "body", "title", "meta", "link", "div", "p", "article", "main",
    "section", "span", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "header",
    "nav", "script", "style", "base", "br", "a", "b", "i", "em", "strong", "img", "form",
    "noscript", "iframe", "pre", "blockquote", "figure", "font", "center", "frameset",
}  # fmt: skip


def sniff_format(head: str) -> Format:
    """The input format from the decoded start of a file."""
    lead = head.lstrip("\ufeff \t\r\n\f\v")
    if lead.startswith("{"):
        first = lead.split("\n", 1)[0].strip()
        # one record per line ends its line with "}"; "{" alone opens a pretty-printed
        # document (read whole, and as JSON Lines if it does not parse)
        return Format.JSONL if first.endswith("}") or len(first) > 1000 else Format.JSON_ARRAY
    if lead.startswith("["):
        return Format.JSON_ARRAY
    if not lead.startswith("<"):
        return Format.TEXT
    prologue = _MARKUP_PROLOGUE.match(lead)
    rest = lead[prologue.end() if prologue else 0 :]
    tag = _TAG.match(rest)
    name = tag.group(1).lower() if tag else ""
    if name in _FEED_ROOTS:
        return Format.FEED
    if name in _HTML_TAGS or "<!doctype html" in lead[:2048].lower():
        return Format.HTML
    return Format.TEXT
