"""Case restoration of all-capital wire text: same length, plausible case, and the
parse hands on Docs over the article's own characters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.knowledge import truecase
from sitroom.model import Analysis, Article, Incident
from sitroom.stages.parse import ParseStage

WIRE = (
    "SAN SALVADOR, 12 JAN 90 (RADIO) -- [TEXT] FMLN GUERRILLAS KILLED FIVE SOLDIERS IN "
    "AN AMBUSH NEAR THE CITY OF SAN MIGUEL YESTERDAY.  THE ARMY SAID THE REBELS ALSO "
    "BOMBED A POWER STATION IN GUATEMALA."
)


def test_restored_text_keeps_length_and_names() -> None:
    out = truecase.restore(WIRE)
    assert len(out) == len(WIRE)
    assert out.lower() == WIRE.lower()
    assert "FMLN guerrillas killed five soldiers" in out
    assert "The army said" in out
    assert "Guatemala" in out


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ .,-[]\n0123456789'", max_size=300))
def test_restore_never_changes_length(text: str) -> None:
    out = truecase.restore(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower()


def test_mixed_case_text_is_left_alone() -> None:
    assert not truecase.is_upper_text("Gunmen killed five soldiers near the city on Monday.")
    assert truecase.is_upper_text(WIRE)


def test_parse_keeps_the_article_text_and_reads_the_verbs() -> None:
    item = Analysis(article=Article(text=WIRE, published=dt.date(1990, 1, 12)).with_id())
    ParseStage(nlp.load(DEFAULT_MODEL)).process([item])
    assert item.doc.text == WIRE
    assert all(s.text == WIRE[s.start : s.end] for s in item.sentences)
    for i, sdoc in item.parses.items():
        assert sdoc.text.startswith(item.sentences[i].text)
        assert (
            any(t.pos_ == "VERB" and t.text == "KILLED" for t in sdoc) or "KILLED" not in sdoc.text
        )


def test_upper_case_wire_gives_its_incidents(detect: Callable[..., list[Incident]]) -> None:
    found = detect(WIRE, dt.date(1990, 1, 12))
    assert {m.event_type for m in found} >= {"Battles"} or len(found) >= 2
