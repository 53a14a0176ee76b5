"""A blank line always ends a sentence: a trigger in one paragraph must not take the date
or place of the next one. Texts written for this test."""

from __future__ import annotations

import datetime as dt

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.model import Analysis, Article
from sitroom.stages.parse import ParseStage

LIVE_PAGE = (
    "UPDATES: Drones hit the river port\n\n"
    "KHERSON, Ukraine — The latest from the front on Wednesday.\n\n"
    '10:20 — A drone struck a ferry landing, the mayor said, calling it "a deliberate strike\n\n'
    'We will rebuild" before noon.\n'
    "Wrapped lines inside one paragraph\nstay one sentence."
)


def _sentences(text: str) -> list[str]:
    item = Analysis(article=Article(text=text, published=dt.date(2025, 3, 5)).with_id())
    ParseStage(nlp.load(DEFAULT_MODEL)).process([item])
    return [s.text.strip() for s in item.sentences]


def test_a_blank_line_starts_a_sentence_even_without_a_full_stop() -> None:
    sents = _sentences(LIVE_PAGE)
    assert any(s.startswith("KHERSON, Ukraine") for s in sents)
    assert any(s.startswith("We will rebuild") for s in sents)
    assert not any("Drones hit the river port" in s and "KHERSON" in s for s in sents)


def test_a_single_line_break_does_not_split_a_sentence() -> None:
    sents = _sentences(LIVE_PAGE)
    assert any("Wrapped lines inside one paragraph\nstay one sentence." in s for s in sents)
