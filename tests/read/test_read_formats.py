"""Each input format through `read_bytes`, the same path a file takes."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import time

import pytest

from sitroom.model import Analysis
from sitroom.read import read_bytes, read_record
from sitroom.read.common import ReadOptions
from sitroom.read.detect import Format, sniff_format

D = dt.date


def one(data: bytes, **kwargs: object) -> Analysis:
    items = list(read_bytes(data, "t", **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def code(item: Analysis) -> str | None:
    return item.error.code if item.error else None


# --- plain text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "published"),
    [
        ("date 2023-12-08 Gunmen attacked.", "Gunmen attacked.", D(2023, 12, 8)),
        ("  \n date 2023-12-08\n\nGunmen attacked.\n", "Gunmen attacked.\n", D(2023, 12, 8)),
        ("Date: 2023-12-08\r\nGunmen\r\nattacked.", "Gunmen\r\nattacked.", D(2023, 12, 8)),
        ("date 2023-1-5 Body", "Body", D(2023, 1, 5)),
        ("Gunmen attacked on date 2023-12-08.", "Gunmen attacked on date 2023-12-08.", None),
        ("date 2023-12-081 is not a header", "date 2023-12-081 is not a header", None),
        ("  Indented text, no header.", "  Indented text, no header.", None),
    ],
)
def test_text_header(raw: str, text: str, published: dt.date | None) -> None:
    item = one(raw.encode())
    assert item.article.text == text
    assert item.article.published == published


def test_text_without_header_uses_the_given_date() -> None:
    item = one(b"Rebels shelled the town.", published=D(2020, 5, 1))
    assert item.article.published == D(2020, 5, 1)


def test_header_wins_over_the_given_date() -> None:
    assert one(b"date 2021-01-02 X", published=D(2020, 5, 1)).article.published == D(2021, 1, 2)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"date 2023-02-30\nBody", "bad_date"),
        (b"date 2023-13-01 Body", "bad_date"),
        (b"date 2023-12-08", "empty"),
        (b"date 2023-12-08 \n\t\n", "empty"),
        (b" \n\t ", "empty"),
        (b"", "empty"),
    ],
)
def test_text_errors(raw: bytes, error: str) -> None:
    assert code(one(raw)) == error


def test_article_id_is_derived_from_the_text() -> None:
    a, b = one(b"date 2023-12-08 Same body."), one(b"date 2024-01-01 Same body.")
    assert a.article.id == b.article.id and a.article.id.startswith("a-")


# --- encodings --------------------------------------------------------------------

BODY = "date 2023-12-08\nThe café in Málaga was hit, the señor said."


@pytest.mark.parametrize(
    "data",
    [
        BODY.encode("utf-8"),
        codecs.BOM_UTF8 + BODY.encode("utf-8"),
        codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"),
        BODY.encode("utf-16-le"),
        BODY.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + BODY.encode("utf-32-le"),
        BODY.encode("latin-1"),
        BODY.encode("cp1252"),
    ],
)
def test_encodings_are_recognised(data: bytes) -> None:
    item = one(data)
    assert item.article.text == "The café in Málaga was hit, the señor said."
    assert item.article.published == D(2023, 12, 8)


def test_cp1252_quotes_and_dashes() -> None:
    item = one("“Terrible” – he said, paying €5.".encode("cp1252"))
    assert item.article.text == "“Terrible” – he said, paying €5."


def test_mojibake_with_c1_controls_is_still_text() -> None:
    text = "Officials said it " + "donâ\x80\x99t matter, â\x80\x9cwe\x80\x9d said. " * 20
    item = one(text.encode("utf-8"))
    assert item.error is None and item.article.text == text


def test_cyrillic_legacy_text_is_not_read_as_latin() -> None:
    text = "Повстанцы атаковали город в понедельник, погибли двенадцать человек. " * 3
    item = one(text.encode("cp1251"))
    assert code(item) is None
    assert sum(1 for ch in item.article.text if "А" <= ch <= "я") > 100


@pytest.mark.parametrize(
    "data",
    [
        b"\x00",
        b"abc\x00def",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"SQLite format 3\x00",
        bytes(range(1, 32)) * 4,
        b"text with many \x01\x02\x03\x04\x05 control bytes",
    ],
)
def test_binary_is_not_text(data: bytes) -> None:
    assert code(one(data)) == "not_text"


# --- JSON Lines -------------------------------------------------------------------


def jsonl(*records: object) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode() + b"\n"


def test_jsonl_record_fields() -> None:
    record = {
        "id": "x1",
        "published": "2023-12-08T23:30:00-05:00",
        "title": " A title ",
        "text": "  Text kept exactly,\n with its spaces.  ",
        "source": "Wire",
        "url": "https://example.org/a",
        "language": "en",
    }
    art = one(jsonl(record)).article
    assert art.id == "x1"
    assert art.text == record["text"]
    assert art.published == D(2023, 12, 8)  # the day as written, not converted to UTC
    assert (art.title, art.source, art.url, art.language) == (
        "A title",
        "Wire",
        "https://example.org/a",
        "en",
    )
    assert art.origin == "t:1"


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2023-12-08", D(2023, 12, 8)),
        ("2023-12-08T10:00:00Z", D(2023, 12, 8)),
        ("2023-12-08 10:00", D(2023, 12, 8)),
        ("20231208", D(2023, 12, 8)),
        ("Fri, 08 Dec 2023 10:00:00 GMT", D(2023, 12, 8)),
        (None, None),
        ("", None),
    ],
)
def test_jsonl_published_forms(published: str | None, day: dt.date | None) -> None:
    assert one(jsonl({"text": "x", "published": published})).article.published == day


@pytest.mark.parametrize(
    ("record", "error"),
    [
        ({"text": "x", "published": "2023-02-30"}, "bad_date"),
        ({"text": "x", "published": "0000-01-01"}, "bad_date"),
        ({"text": "x", "published": "next Tuesday"}, "bad_date"),
        ({"text": "x", "published": 20231208}, "bad_date"),
        ({"text": 5}, "not_text"),
        ({"text": None}, "not_text"),
        ({"text": {"body": "x"}}, "not_text"),
        ({"text": "  "}, "empty"),
        ({"title": "no text"}, "malformed_record"),
    ],
)
def test_jsonl_record_errors(record: dict[str, object], error: str) -> None:
    assert code(one(jsonl(record))) == error


def test_array_line_that_is_not_a_list_of_records_is_one_malformed_record() -> None:
    assert code(one(b'[{"text": "x"}, 1]\n')) == "malformed_record"


def test_non_object_lines_inside_jsonl() -> None:
    items = list(read_bytes(jsonl({"text": "a"}, [1, 2], "s", 3, None, {"text": "b"}), "t"))
    assert [code(i) for i in items] == [None, *["malformed_record"] * 4, None]


def test_blank_lines_are_not_records_and_line_numbers_count_them() -> None:
    data = b'\n{"text": "a"}\n\n  \r\n{"text": "b"}\r\n'
    items = list(read_bytes(data, "f"))
    assert [i.article.origin for i in items] == ["f:2", "f:5"]
    assert [i.article.text for i in items] == ["a", "b"]


def test_jsonl_splits_on_newline_only() -> None:
    text = "one\u2028two\u2029three\x85four\x0bfive"
    (item,) = read_bytes(json.dumps({"text": text}, ensure_ascii=False).encode(), "t")
    assert item.article.text == text


def test_lone_surrogates_become_replacement_characters() -> None:
    data = b'{"text": "bad \\ud800 surrogate", "title": "t\\udfff", "id": "i\\ud800"}'
    art = one(data).article
    assert art.text == "bad \ufffd surrogate" and art.title == "t\ufffd"
    json.dumps(one(data).to_dict(), ensure_ascii=False).encode("utf-8")


def test_giant_integer_is_a_malformed_record_not_a_crash() -> None:
    assert code(one(b'{"text": "x", "n": ' + b"9" * 5000 + b"}")) == "malformed_record"


def test_numeric_id_is_kept_as_text() -> None:
    assert one(b'{"id": 42, "text": "x"}').article.id == "42"


def test_too_large_record_and_the_next_one_is_read() -> None:
    data = jsonl({"text": "y" * 2000}, {"text": "ok"}, {"text": "é" * 600})
    items = list(read_bytes(data, "t", max_bytes=1000))
    assert [code(i) for i in items] == ["too_large", None, "too_large"]


def test_line_far_over_the_limit_is_skipped_without_parsing() -> None:
    data = b'{"text": "' + b"z" * 50_000 + b'"}\n{"text": "next"}\n'
    items = list(read_bytes(data, "t", max_bytes=1000))
    assert [code(i) for i in items] == ["too_large", None]


def test_json_array_of_records() -> None:
    data = json.dumps([{"text": "a"}, {"text": "b", "id": "B"}], indent=2).encode()
    items = list(read_bytes(data, "f"))
    assert [(i.article.text, i.article.origin) for i in items] == [("a", "f:[0]"), ("b", "f:[1]")]


def test_pretty_printed_record_is_one_article() -> None:
    data = json.dumps({"text": "Rebels shelled the port.", "id": "p1"}, indent=2).encode()
    (item,) = read_bytes(data, "f")
    assert item.article.id == "p1" and item.article.text == "Rebels shelled the port."


def test_broken_first_line_still_reads_the_other_lines() -> None:
    data = b'{"text": "cut\n{"text": "fine"}\n[1]\n'
    assert [code(i) for i in read_bytes(data, "f")] == [
        "malformed_record",
        None,
        "malformed_record",
    ]


def test_read_record_for_the_api() -> None:
    item = read_record({"text": "x", "published": "2023-12-08"}, "api", ReadOptions())
    assert item.error is None and item.article.published == D(2023, 12, 8)


def test_deep_nesting_is_a_record_error() -> None:
    data = b"[" * 200_000 + b"]" * 200_000 + b'\n{"text": "fine"}\n'
    start = time.monotonic()
    items = list(read_bytes(data, "t"))
    assert [code(i) for i in items] == ["malformed_record", None]
    assert time.monotonic() - start < 5


# --- format sniffing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        ('{"text": "x"}', Format.JSONL),
        ('\ufeff  {"text": "x"}', Format.JSONL),
        ('[{"text": "x"}]', Format.JSON_ARRAY),
        ('{\n  "text": "x"\n}', Format.JSON_ARRAY),
        ('{"text": "cut\n{"text": "x"}', Format.JSON_ARRAY),
        ("<!DOCTYPE html><p>x", Format.HTML),
        ("<?xml version='1.0'?><!-- c --><rss version='2.0'>", Format.FEED),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', Format.FEED),
        ("<rdf:RDF xmlns:rdf='x'>", Format.FEED),
        ("<div>x</div>", Format.HTML),
        ("<Reuters> said rebels attacked", Format.TEXT),
        ("date 2023-12-08 <p>x</p>", Format.TEXT),
        ("Plain text.", Format.TEXT),
    ],
)
def test_format_is_recognised_by_content(head: str, fmt: Format) -> None:
    assert sniff_format(head) is fmt
