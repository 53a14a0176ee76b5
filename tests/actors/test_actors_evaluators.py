"""The PITF and PLOVER scorers on hand-made records (no gold data needed)."""

import datetime as dt
import json
from pathlib import Path

from sitroom.evaluate import pitf, plover
from sitroom.model import Actor, Incident, Place, Span

HEADER = ["Event Type", *[f"c{i}" for i in range(1, 73)]]


def _row(description: str, deaths: str = "3", perp: str = "Boko Haram") -> list[str]:
    cells = [""] * 73
    cells[0] = "Incident"
    cells[3:6] = ["05", "02", "2014"]
    cells[13:17] = ["11", "30", "0", "N"]
    cells[17:21] = ["13", "9", "0", "E"]
    cells[27] = perp
    cells[41] = deaths
    cells[43] = "0"
    cells[62] = description
    cells[70] = "AFPR000020140206e9260001a"
    return cells


def _write_tsv(path: Path, rows: list[list[str]]) -> None:
    lines = ["disclaimer", "groups", "\t".join(HEADER), "\t".join(HEADER)]
    lines += ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_pitf_reads_by_position_and_skips_rows_without_story(tmp_path: Path) -> None:
    _write_tsv(
        tmp_path / "pitf.tsv",
        [
            _row("Gunmen killed three farmers near Maiduguri on Wednesday."),
            _row(" Daily death total reported in http://example.org/x"),
        ],
    )
    rows = pitf.load(tmp_path)
    assert len(rows) == 1
    row = rows[0]
    assert row.published == dt.date(2014, 2, 6)  # from the citation id
    assert row.date == dt.date(2014, 2, 5)
    assert row.lat is not None and abs(row.lat - 11.5) < 1e-6
    assert (row.deaths, row.injured, row.perpetrator) == (3, 0, "Boko Haram")


def test_pitf_judge() -> None:
    row = pitf.Row(
        "Gunmen killed three farmers.",
        None,
        dt.date(2014, 2, 5),
        11.5,
        13.15,
        "Unknown gunmen",
        3,
        0,
    )
    event = Incident("Violence against civilians", "Attack", Span("killed", 7, 13))
    event.fatalities, event.date = 3, dt.date(2014, 2, 5)
    event.actor1 = Actor("Unidentified Armed Group (Nigeria)", "Gunmen", "political militia", "NGA")
    event.location = Place("Maiduguri", "Maiduguri", 0, 9, country="NGA", lat=11.85, lon=13.16)
    verdicts = pitf.judge(row, event)
    assert verdicts == {
        "killed": True,
        "injured": True,
        "perpetrator": True,
        "place": True,
        "date": True,
    }
    assert pitf.actor_matches("ISIS", Actor("Islamic State", "IS fighters"))
    assert not pitf.actor_matches("Taliban", Actor("Al Shabaab", "al-Shabaab"))


def test_plover_scores_roles(tmp_path: Path) -> None:
    record = {
        "id": "x",
        "event": "ASSAULT",
        "date": "2004-05-01",
        "text": "Rebels attacked a village.",
        "source": [{"actorText": "Rebels"}],
        "target": "villagers",
        "dead": "2",
    }
    path = tmp_path / "plover.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    items = plover.load(path)
    assert items[0].targets == ("villagers",) and items[0].dead == 2
