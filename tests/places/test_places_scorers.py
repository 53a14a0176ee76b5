"""The geoparsing and event-location scorers on hand-made cases."""

from __future__ import annotations

import math
from pathlib import Path

from sitroom.evaluate.event_location import _hits, read_items
from sitroom.evaluate.geoparsing import (
    MAX_KM,
    GoldArticle,
    GoldToponym,
    Tally,
    _auc,
    _score,
    haversine_km,
    read_corpus,
)
from sitroom.model import Place


def test_haversine_known_distance() -> None:
    assert math.isclose(haversine_km(33.3, 44.4, 33.3, 44.4), 0.0)
    assert 300 < haversine_km(33.34, 44.40, 36.19, 44.01) < 340  # Baghdad-Erbil


def test_auc_bounds() -> None:
    assert _auc([0.0, 0.0]) == 0.0
    assert math.isclose(_auc([MAX_KM]), 1.0)


def test_overlap_recognition_and_161km_resolution() -> None:
    text = "Rockets hit Baghdad and Basra."
    gold = GoldArticle(
        text,
        [GoldToponym(12, 19, "Baghdad", 33.34, 44.40), GoldToponym(24, 29, "Basra", 30.5, 47.8)],
    )
    places = [
        Place("Baghdad", "Baghdad", 12, 19, lat=33.3, lon=44.4),
        Place("Basra", "Basra", 24, 29, lat=25.0, lon=40.0),  # far off
        Place("hit", "hit", 8, 11),  # a false positive
    ]
    tally = Tally()
    _score(gold, places, tally)
    m = tally.metrics()
    assert m["recall"] == 1.0
    assert math.isclose(m["precision"], 2 / 3)
    assert m["acc161_recognised"] == 0.5


def test_event_location_span_overlap() -> None:
    p = Place("Kirkuk", "Kirkuk", 10, 16)
    assert _hits(p, (12, 14)) and not _hits(p, (16, 20)) and not _hits(None, (0, 3))


def test_corpus_readers_keep_only_coded_toponyms(tmp_path: Path) -> None:
    xml = tmp_path / "mini.xml"
    xml.write_text(
        "<articles><article><text>In Mosul, the army.</text><toponyms>"
        "<toponym><extractedName>Mosul</extractedName><start>3</start><end>8</end>"
        "<latitude>36.3</latitude><longitude>43.1</longitude></toponym>"
        "<toponym><extractedName>army</extractedName><start>14</start><end>18</end>"
        "</toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    (art,) = list(read_corpus(xml))
    assert [(t.text, t.start, t.end) for t in art.toponyms] == [("Mosul", 3, 8)]
    jl = tmp_path / "items.jsonl"
    jl.write_text(
        '{"text": "Bombs hit Gao.", "tokens": [{"start": 0, "end": 5}, {"start": 6, "end": 9},'
        ' {"start": 10, "end": 13}], "spans": [{"label": "VERB", "start": 6, "end": 9,'
        ' "token_start": 1, "token_end": 1}, {"label": "LOCATION", "start": 0, "end": 0,'
        ' "token_start": 2, "token_end": 2}]}\n',
        encoding="utf-8",
    )
    (item,) = read_items(jl)
    assert item.verb == (6, 9) and item.location == (10, 13)
