"""The PITF scorer's publication date: read from the first Factiva citation (any source
code length), never borrowed from the coded event date it is scored against."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitroom.evaluate import pitf
from sitroom.model import Analysis, Article, Incident, Span

COLUMNS = 73


def _cells(description: str, citation: str) -> list[str]:
    cells = [""] * COLUMNS
    cells[0] = "Incident"
    cells[3:6] = ["14", "03", "2014"]  # the coded start date
    cells[41], cells[43] = "4", "0"
    cells[62] = description
    cells[70] = citation
    return cells


def _load(tmp_path: Path, *rows: list[str]) -> list[pitf.Row]:
    header = "\t".join(f"h{i}" for i in range(COLUMNS))
    lines = ["note", "groups", header, header, *("\t".join(r) for r in rows)]
    (tmp_path / "leads.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pitf.load(tmp_path)


def test_a_seven_letter_source_code_is_read(tmp_path: Path) -> None:
    (row,) = _load(
        tmp_path,
        _cells("Gunmen shot four herders.", "NYTFEED020140315ea3f000ab, AFPR000020140316ea3g001xy"),
    )
    assert row.published == dt.date(2014, 3, 15)  # the first citation, not the second


def test_a_row_citing_no_story_has_no_publication_date(tmp_path: Path) -> None:
    (row,) = _load(tmp_path, _cells("Gunmen shot four herders.", ""))
    assert row.published is None
    assert row.date == dt.date(2014, 3, 14)


def test_rows_without_a_publication_date_are_not_scored_on_date() -> None:
    coded = dt.date(2014, 3, 14)
    with_day = pitf.Row("Gunmen shot four herders.", coded, coded, None, None, "", 4, 0)
    without = pitf.Row("Gunmen shot four herders.", None, coded, None, None, "", 4, 0)
    results = []
    for row in (with_day, without):
        event = Incident("Violence against civilians", "Attack", Span("shot", 7, 11))
        event.date, event.fatalities = coded, 4
        item = Analysis(article=Article(text=row.text, published=row.published))
        item.incidents = [event]
        results.append(item)
    report = pitf.score([with_day, without], results, 2)
    scored = {name: count for name, _, count in report.rows}
    assert scored["date"] == 1  # only the row with a publication date
    assert scored["killed"] == 2
    assert report.metrics["date"] == 1.0
