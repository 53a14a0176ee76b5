"""The CHECKS.md bad-input corpus through `read_inputs` directly: one item per article or
record, the right error codes, nothing from scripts, no huge file read into memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
import read_corpus

from sitroom.errors import CODES
from sitroom.read import read_inputs


def codes(path: Path, **kwargs: object) -> list[str | None]:
    return [a.error.code if a.error else None for a in read_inputs([str(path)], **kwargs)]


@pytest.mark.parametrize("expect", read_corpus.EXPECTED, ids=lambda e: e.name)
def test_each_file_gives_one_item_per_article_or_record(
    bad_input: Path, expect: read_corpus.Expect
) -> None:
    items = list(read_inputs([str(bad_input / expect.name)]))
    assert [a.error.code if a.error else None for a in items] == list(expect.items)
    for item in items:
        line = json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")
        assert b"\n" not in line
        if item.error is not None:
            assert item.error.code in CODES
            assert item.error.message and "\n" not in item.error.message
            assert item.article.id  # rejects are keyed by content too
        else:
            assert item.article.text.strip()
            assert item.article.id.startswith("a-") or not item.article.id.startswith(" ")


def test_whole_folder_keeps_sorted_file_order(bad_input: Path) -> None:
    expected = [
        code for e in sorted(read_corpus.EXPECTED, key=lambda e: e.name) for code in e.items
    ]
    assert codes(bad_input) == expected


def test_latin1_is_decoded_as_latin1(bad_input: Path) -> None:
    (item,) = read_inputs([str(bad_input / "latin1.txt")])
    assert item.article.text.startswith("Le café de la gare à Málaga a été touché")
    assert item.article.published is not None and item.article.published.isoformat() == "2024-03-14"


def test_broken_utf8_keeps_the_article_with_replacement_characters(bad_input: Path) -> None:
    (item,) = read_inputs([str(bad_input / "broken-utf8.txt")])
    text = item.article.text
    assert text.startswith("Rebels — said the mayor — shelled the town on Monday, killing ")
    assert text.count("\ufffd") >= 3 and "wounding" in text and "five." in text


def test_long_line_under_the_limit_is_read_whole(bad_input: Path) -> None:
    (item,) = read_inputs([str(bad_input / "long-line.txt")])
    assert item.error is None
    assert len(item.article.text) == read_corpus.LONG_LINE_CHARS + 1  # and its newline


def test_oversized_file_is_rejected_without_reading_it(bad_input: Path) -> None:
    tracemalloc.start()
    try:
        (item,) = read_inputs([str(bad_input / "huge-54mb.txt")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert item.error is not None and item.error.code == "too_large"
    assert peak < 2_000_000


def test_a_larger_limit_accepts_the_huge_file(bad_input: Path) -> None:
    assert codes(bad_input / "huge-54mb.txt", max_bytes=60_000_000) == [None]


def test_script_laden_page_gives_its_article_without_scripts(bad_input: Path) -> None:
    (item,) = read_inputs([str(bad_input / "scripts.html")])
    art = item.article
    assert art.title == "Market bombing kills six"
    assert art.published is not None and art.published.isoformat() == "2024-03-14"
    assert art.source == "Riverside Daily"
    assert art.text.startswith("Market bombing kills six\n\nA bomb hidden in a vegetable cart")
    assert "killing six people and wounding eleven" in " ".join(art.text.split())
    assert "Witnesses said the blast shattered windows" in " ".join(art.text.split())
    dumped = json.dumps(item.to_dict()) + art.text
    for marker in read_corpus.SCRIPT_MARKERS:
        assert marker not in dumped, marker


def test_malformed_jsonl_keeps_the_good_record(bad_input: Path) -> None:
    items = list(read_inputs([str(bad_input / "malformed.jsonl")]))
    assert items[0].article.id == "good-1"
    assert items[0].article.title == "Clash near river crossing"
    assert [a.article.origin for a in items] == [
        f"{bad_input / 'malformed.jsonl'}:{n}" for n in (1, 2, 3, 4)
    ]
    assert items[3].article.id == "bad-3"  # a reject keeps the id its record gave


def test_missing_path_is_an_error_line_and_the_run_goes_on(bad_input: Path) -> None:
    items = list(read_inputs([str(bad_input / "nope.txt"), str(bad_input / "good-article.txt")]))
    assert [a.error.code if a.error else None for a in items] == ["not_found", None]


def test_store_files_inside_the_folder_are_never_read(tmp_path: Path) -> None:
    read_corpus.build(tmp_path, huge=False)
    db = tmp_path / "sitroom.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").write_bytes(b"SQLite format 3\x00" + bytes(100))
    with_db = list(read_inputs([str(tmp_path)]))
    without = list(read_inputs([str(tmp_path)], exclude={db}))
    assert len(with_db) - len(without) == 4
    assert all("sitroom.db" not in (a.article.origin or "") for a in without)


def test_hidden_entries_are_skipped_in_folders_but_read_when_named(tmp_path: Path) -> None:
    hidden = tmp_path / ".notes.txt"
    hidden.write_text("Rebels shelled the town.", encoding="utf-8")
    assert list(read_inputs([str(tmp_path)])) == []
    assert codes(hidden) == [None]
