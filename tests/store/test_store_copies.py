"""Near-duplicate articles in the store: a wire story printed under several mastheads
(small edits, a trimmed paragraph) is one report of each incident with its copies
listed, not several independent confirmations; a differently written story about the
same incident still corroborates it. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from store_helpers import analysis, lead_pipeline, wire_lead

from sitroom.ingest import ingest
from sitroom.merge.articles import band_keys, signature
from sitroom.store import open_store
from sitroom.store.base import Store
from sitroom.store.migrations import latest_version

STORY = (
    "Gunmen on motorcycles killed 4 villagers in Kano on Friday, a local official said. "
    "The attackers arrived at the weekly cattle market shortly after dawn and opened fire "
    "on traders and farmers who had gathered to sell livestock before the rains. "
    "Witnesses said the assailants set fire to several stalls and drove off with dozens "
    "of cows towards the forest that borders the district. Security forces reached the "
    "area two hours later and began a search of nearby villages. No group has claimed "
    "the attack, but herders and farmers in the region have clashed repeatedly over land "
    "and water this year. The state governor condemned the killings and promised to send "
    "more police to protect markets across the rural districts."
)
EDITED = "By a staff correspondent. " + STORY.replace("a local official", "a district official")
TRIMMED = STORY.rsplit(" The state governor", 1)[0]
OTHER = (
    "Four people died when armed men stormed a livestock market in Kano state, residents "
    "told reporters on Saturday. One trader said he hid under a truck while the raiders "
    "shot at anyone who ran, and that the village chief later counted the dead. Police "
    "spokesmen confirmed a raid had taken place but gave no figures."
)
DAY = dt.date(2024, 3, 2)


def add_copies(store: Store) -> list[str]:
    """Store the story under three sources; the ids of the three articles."""
    ids = []
    for source, text, killed in (("AFP", STORY, 4), ("Daily", EDITED, 4), ("Star", TRIMMED, 9)):
        item = analysis(text, source=source, published=DAY, incidents=[{"killed": killed}])
        result = store.add_analysis(item)
        assert result.outcome == "stored"
        ids.append(item.article.id)
    return ids


def test_copies_are_one_report_with_copies_listed(store: Store) -> None:
    first, edited, trimmed = add_copies(store)
    (event,) = store.events()
    assert [r.article_id for r in event.reports] == [first]
    (report,) = event.reports
    assert [(c.article_id, c.source) for c in report.copies] == [
        (edited, "Daily"),
        (trimmed, "Star"),
    ]
    assert all(c.similarity >= 0.7 for c in report.copies)
    # the copy's toll of 9 is neither a second report nor part of the range
    assert (event.fatalities_low, event.fatalities_high) == (4, 4)
    listed = event.to_dict()["reports"][0]["copies"]
    assert [c["article_id"] for c in listed] == [edited, trimmed]
    copies = [d for d in store.decisions(event.id) if d.action == "copy"]
    assert [d.other_id for d in copies] == [edited, trimmed]
    assert all("near-duplicate" in d.explanation for d in copies)
    detail = store.event_detail(event.id)
    assert detail is not None and len(detail.reports) == 1
    assert detail.to_dict()["reports"][0]["copies"] == listed
    assert store.counts().extra["copies"] == 2
    assert store.counts().reports == 1 and store.counts().articles == 3


def test_copy_result_names_its_original(store: Store) -> None:
    store.add_analysis(analysis(STORY, source="AFP", published=DAY))
    copy = analysis(EDITED, source="Daily", published=DAY)
    result = store.add_analysis(copy)
    assert (result.outcome, result.reports, result.event_ids) == ("stored", 0, ())
    assert result.copy_of == analysis(STORY).article.id
    assert store.article(copy.article.id) is not None  # its id and source are kept


def test_a_differently_written_story_corroborates(store: Store) -> None:
    first, _, _ = add_copies(store)
    other = analysis(OTHER, source="Radio", published=DAY, incidents=[{"killed": 5}])
    result = store.add_analysis(other)
    assert result.copy_of is None and result.reports == 1
    (event,) = store.events()
    assert [r.article_id for r in event.reports] == [first, other.article.id]
    assert [len(r.copies) for r in event.reports] == [2, 0]
    assert (event.fatalities_low, event.fatalities_high) == (4, 5)


def test_reingesting_copies_changes_nothing(store: Store) -> None:
    add_copies(store)
    before = [e.to_dict() for e in store.events()], store.counts()
    for source, text in (("AFP", STORY), ("Daily", EDITED), ("Star", TRIMMED)):
        again = store.add_analysis(analysis(text, source=source, published=DAY))
        assert again.outcome == "duplicate"
    assert ([e.to_dict() for e in store.events()], store.counts()) == before


def test_short_template_leads_are_not_copies(store: Store) -> None:
    # wire_lead(0) and wire_lead(6): the same template, town and verb, other figures
    for n in (0, 6):
        result = store.add_analysis(analysis(wire_lead(n), incidents=[{"town": "Maiduguri"}]))
        assert result.copy_of is None and result.reports == 1
    assert store.counts().extra["copies"] == 0


def test_copy_of_an_article_without_incidents_keeps_its_own(store: Store) -> None:
    store.add_analysis(analysis(STORY, source="AFP", published=DAY, incidents=[]))
    result = store.add_analysis(analysis(EDITED, source="Daily", published=DAY))
    assert result.copy_of is None and result.reports == 1


def test_ingest_summary_counts_copies(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lead = "3 villagers killed in Kano when gunmen attacked. "
    for n, text in enumerate((STORY, EDITED, TRIMMED)):
        (folder / f"a{n}.txt").write_text(lead + text, encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as store:
        summary = ingest(store, [str(folder)], pipeline=lead_pipeline())
        assert (summary.stored, summary.incidents, summary.copies) == (3, 1, 2)
        assert "linked as copies: 2" in "\n".join(summary.lines())
        assert len(store.events()) == 1


def test_a_version_1_store_upgrades_and_keeps_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store.add_analysis(analysis(STORY, source="AFP", published=DAY))
    con = sqlite3.connect(path)  # back to schema 1: as a store made before copies
    for table in ("article_copies", "article_bands", "article_signatures"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_migrations WHERE version > 1")
    con.commit()
    con.close()
    with open_store(str(path)) as store:
        assert store.schema_version() == latest_version()
        # an article stored before signatures existed is not found as an original
        result = store.add_analysis(analysis(EDITED, source="Daily", published=DAY))
        assert result.copy_of is None and result.reports == 1
        trimmed = store.add_analysis(analysis(TRIMMED, source="Star", published=DAY))
        assert trimmed.copy_of == analysis(EDITED).article.id


def test_copy_lookup_uses_the_band_index(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    con = sqlite3.connect(path)
    keys = band_keys(signature(STORY))
    plan = con.execute(
        "EXPLAIN QUERY PLAN SELECT s.article_id FROM article_signatures s WHERE s.article_id "
        f"IN (SELECT article_id FROM article_bands WHERE band_key IN ({','.join('?' * 42)}))",
        keys,
    ).fetchall()
    con.close()
    assert len(keys) == 42
    assert not any(row[3].startswith("SCAN") for row in plan), plan
