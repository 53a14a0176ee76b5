"""Property tests: whatever the bytes, the readers never raise, give at least one item,
and every item can be written as one UTF-8 JSON line."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.errors import CODES
from sitroom.model import Analysis
from sitroom.read import html_to_text, read_bytes

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# openings that steer the bytes into each reader
PREFIXES = [
    b"",
    b"date 2023-12-08 ",
    b"date 2023-02-30\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"{",
    b'{"text": "',
    b"[",
    b"<html><body><p>",
    b"<!doctype html><script>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>',
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">',
]
FRAGMENTS = st.sampled_from(
    [
        b"\n",
        b"\r\n",
        b"\x00",
        b"\xff",
        b"\xc3",
        b"\xe2\x80\x94",
        b'"',
        b"\\ud800",
        b"}",
        b"]",
        b"[",
        b"<p>",
        b"</p>",
        b"<script>x()</script>",
        b"&amp;",
        b"&#0;",
        b"<![CDATA[",
        b'{"text": "a"}',
        b'{"text": 1}',
        b'"published": "2023-13-01"',
        b"Rebels attacked the town.",
    ]
)


def check(items: list[Analysis]) -> None:
    assert items
    for item in items:
        line = json.dumps(item.to_dict(), ensure_ascii=False)
        line.encode("utf-8")
        if item.error is not None:
            assert item.error.code in CODES
            assert item.error.code != "internal", item.error.message
        else:
            assert item.article.text.strip()
            assert item.article.id
            item.article.text.encode("utf-8")


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(list(read_bytes(data, "fuzz")))


@FUZZ
@given(st.sampled_from(PREFIXES), st.lists(st.one_of(FRAGMENTS, st.binary(max_size=40))))
def test_structured_garbage(prefix: bytes, parts: list[bytes]) -> None:
    check(list(read_bytes(prefix + b"".join(parts), "fuzz")))


@FUZZ
@given(st.text(max_size=500))
def test_arbitrary_text_as_utf8(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    check(list(read_bytes(data, "fuzz")))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)
RECORDS = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {"text": st.one_of(st.text(max_size=50), JSON_VALUES)},
        optional={
            "id": JSON_VALUES,
            "published": st.one_of(st.dates().map(str), st.text(max_size=12), JSON_VALUES),
            "title": JSON_VALUES,
            "url": JSON_VALUES,
        },
    ),
)


@FUZZ
@given(st.lists(RECORDS, min_size=1, max_size=6))
def test_one_item_per_json_line(records: list[object]) -> None:
    lines = [json.dumps(r) for r in records]
    data = ('{"text": "first"}\n' + "\n".join(lines)).encode()
    items = list(read_bytes(data, "fuzz"))
    check(items)
    assert len(items) == len(records) + 1


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>/ab pscriptyle=\"'&;!-\n")), max_size=300))
def test_html_text_never_carries_script_markup(fragment: str) -> None:
    text = html_to_text(fragment)
    assert "<script" not in text.lower()
