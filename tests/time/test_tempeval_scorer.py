"""The TempEval-3 scorer on a hand-made TimeML file, then on the real gold set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitroom.evaluate.tempeval import Counts, GoldTimex, read_tml, run

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-12"
  functionInDocument="CREATION_TIME">2024-03-12</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1">attacked</EVENT> the town on <TIMEX3 tid="t1" type="DATE"
value="2024-03-08">Friday</TIMEX3>, after <TIMEX3 tid="t2" type="DURATION"
value="P3W">three weeks</TIMEX3> of calm.
</TEXT>
</TimeML>
"""


def test_read_tml_flattens_text_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert str(doc.dct) == "2024-03-12"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Friday", "three weeks"]
    assert "2024-03-12" not in doc.text  # the DCT is not part of the scored text
    assert [t.value for t in doc.timexes] == ["2024-03-08", "P3W"]


def test_counts_strict_relaxed_and_value() -> None:
    gold = [
        GoldTimex(10, 16, "DATE", "2024-03-08", "Friday"),
        GoldTimex(30, 41, "DURATION", "P3W", "three weeks"),
    ]
    system = [(7, 16, "DATE", "2024-03-08"), (30, 41, "DURATION", "P2W"), (50, 55, "DATE", "2024")]
    c = Counts()
    c.add(system, gold)
    m = c.metrics()
    assert m["strict_p"] == pytest.approx(1 / 3) and m["strict_r"] == pytest.approx(1 / 2)
    assert m["relaxed_p"] == pytest.approx(2 / 3) and m["relaxed_r"] == 1.0
    assert m["value_accuracy"] == pytest.approx(1 / 2)
    assert m["value_p"] == pytest.approx(1 / 3) and m["value_r"] == pytest.approx(1 / 2)


@pytest.mark.gold
def test_tempeval3_gold_numbers() -> None:
    gold = Path(
        os.environ.get(
            "SITROOM_GOLD", Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"
        )
    )
    report = run(gold)
    assert report.metrics["strict_f1"] >= 0.85
    assert report.metrics["relaxed_f1"] >= 0.90
    assert report.metrics["value_f1"] >= 0.79
    assert (
        report.metrics["gold_span_value_accuracy"]
        > report.baselines["dateparser"]["gold_span_value_accuracy"]
    )
