"""The SQLite store on real files: migrations, atomic idempotent writes, rejects,
aliases, user merges and splits, and refusing what it must not open."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from store_helpers import analysis

from sitroom.errors import StoreError
from sitroom.model import Analysis, Article, ArticleError
from sitroom.store import EventQuery, InvalidArticle, open_store
from sitroom.store.migrations import latest_version
from sitroom.store.sqlite import SQLiteStore

LEAD = "Gunmen killed 4 villagers in Kano on Friday. Police confirmed the toll."


def test_new_store_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as s:
        assert s.schema_version() == latest_version()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows[0] == (1, "initial")
    con.close()
    with open_store(str(path)) as s:  # reopening applies nothing twice
        assert s.schema_version() == latest_version()


def test_article_is_stored_once(store: SQLiteStore) -> None:
    item = analysis(LEAD)
    first = store.add_analysis(item)
    assert first.outcome == "stored" and first.reports == 1
    again = store.add_analysis(analysis(LEAD))
    assert again.outcome == "duplicate"
    counts = store.counts()
    assert (counts.articles, counts.reports, counts.events) == (1, 1, 1)
    assert store.has_article(item.article.id)


def test_event_json_has_contract_fields_and_reports(store: SQLiteStore) -> None:
    item = analysis(LEAD)
    store.add_analysis(item)
    (event,) = store.events()
    out = event.to_dict()
    assert out["id"] == item.incidents[0].id
    assert out["fatalities"] == 4 or out["fatalities"] == 3
    assert out["reports"] == [
        {
            "article_id": item.article.id,
            "source": "Wire",
            "published": "2024-03-02",
            "fatalities": item.incidents[0].fatalities,
            "injured": None,
            "report_id": item.incidents[0].id,
        }
    ]
    assert out["fatalities_low"] == out["fatalities_high"] == item.incidents[0].fatalities
    for key in (
        "event_type",
        "sub_event_type",
        "date",
        "date_precision",
        "status",
        "actor1",
        "actor2",
        "location",
        "injured",
        "weapons",
        "responsibility",
        "evidence",
        "confidence",
    ):
        assert key in out


def test_two_reports_of_one_incident_share_a_canonical_event(store: SQLiteStore) -> None:
    a = analysis(
        "Gunmen killed 4 villagers in Kano on Friday.", source="AFP", incidents=[{"killed": 4}]
    )
    b = analysis(
        "Attackers killed 6 villagers in Kano on Friday, officials said.",
        source="Reuters",
        published=dt.date(2024, 3, 3),
        incidents=[{"killed": 6}],
    )
    store.add_analysis(a)
    store.add_analysis(b)
    (event,) = store.events()
    assert event.id == a.incidents[0].id  # keeps the id it was first stored under
    assert [r.article_id for r in event.reports] == [a.article.id, b.article.id]
    assert (event.fatalities_low, event.fatalities_high) == (4, 6)
    assert event.event["fatalities"] == 6  # the later report's update wins
    decisions = store.decisions(event.id)
    assert [d.action for d in decisions] == ["new", "link"]
    assert decisions[1].explanation


def test_distinct_incidents_stay_apart(store: SQLiteStore) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
    store.add_analysis(
        analysis("Gunmen killed 9 villagers in Goma on Friday.", incidents=[{"town": "Goma"}])
    )
    store.add_analysis(
        analysis(
            "Gunmen killed 2 villagers in Kano in May.", incidents=[{"day": dt.date(2024, 5, 20)}]
        )
    )
    assert len(store.events()) == 3


def test_rejects_are_recorded_once_with_reason(store: SQLiteStore) -> None:
    bad = Analysis(
        article=Article(text="", origin="in/empty.txt").with_id(),
        error=ArticleError("empty", "no text"),
    )
    assert store.add_analysis(bad).outcome == "rejected"
    store.add_analysis(bad)
    (rej,) = store.rejects()
    assert (rej.code, rej.message, rej.origin) == ("empty", "no text", "in/empty.txt")
    assert store.counts().articles == 0


def test_user_merge_keeps_older_id_and_alias_resolves(store: SQLiteStore) -> None:
    a = analysis("Gunmen killed 4 villagers in Kano on Friday.")
    b = analysis("Gunmen killed 9 villagers in Goma on Friday.", incidents=[{"town": "Goma"}])
    store.add_analysis(a)
    store.add_analysis(b)
    older, newer = a.incidents[0].id, b.incidents[0].id
    assert store.merge_events(newer, older) == older
    assert store.resolve(newer) == older
    merged = store.event(newer)
    assert merged is not None and merged.id == older and merged.aliases == (newer,)
    assert len(merged.reports) == 2
    assert [d.action for d in store.decisions(older)][-1] == "user_merge"


def test_user_split_gives_new_id_and_is_never_remerged(store: SQLiteStore) -> None:
    a = analysis("Gunmen killed 4 villagers in Kano on Friday.", incidents=[{"killed": 4}])
    b = analysis(
        "Gunmen killed 5 villagers in Kano on Friday, police said.", incidents=[{"killed": 5}]
    )
    store.add_analysis(a)
    store.add_analysis(b)
    (event,) = store.events()
    new_id = store.split_event(event.id, [b.incidents[0].id])
    assert new_id != event.id
    assert {e.id for e in store.events()} == {event.id, new_id}
    assert store.resolve(b.incidents[0].id) == new_id
    # a third report of the same incident joins one side and never bridges the split
    c = analysis(
        "Gunmen killed 5 villagers in Kano on Friday, residents said.", incidents=[{"killed": 5}]
    )
    store.add_analysis(c)
    assert len(store.events()) == 2
    with pytest.raises(StoreError):
        store.split_event(event.id, ["no-such-report"])


def test_detail_has_evidence_in_its_sentence(store: SQLiteStore) -> None:
    item = analysis(LEAD)
    store.add_analysis(item)
    detail = store.event_detail(item.article.id) or store.event_detail(item.incidents[0].id)
    assert detail is not None
    (report,) = detail.reports
    (ev,) = report.evidence
    assert ev.context == LEAD  # the evidence sentence and its neighbour
    assert report.article.text == LEAD


def test_queries_filter_by_time_place_text_and_actor(store: SQLiteStore) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
    store.add_analysis(
        analysis(
            "Rebels killed 9 soldiers in Goma on Friday.",
            incidents=[{"town": "Goma", "actor": "M23", "day": dt.date(2024, 4, 1)}],
        )
    )
    assert len(store.events(EventQuery(since=dt.date(2024, 3, 15)))) == 1
    assert len(store.events(EventQuery(until=dt.date(2024, 3, 15)))) == 1
    (near,) = store.events(EventQuery(near=(-1.6, 29.2, 50)))
    assert near.event["location"]["name"] == "Goma"
    assert store.events(EventQuery(near=(0.0, 0.0, 50))) == []
    (txt,) = store.events(EventQuery(text="rebels goma"))
    assert txt.id == near.id
    assert [e.id for e in store.events(EventQuery(actor="M23"))] == [near.id]
    assert len(store.events(EventQuery(country="NGA"))) == 1
    assert len(store.events(EventQuery(text='"quoted (syntax'))) == 0
    first, second = store.events()
    assert [e.id for e in store.events(EventQuery(limit=1, after=first.seq))] == [second.id]


def test_tokens_are_kept_hashed(store: SQLiteStore) -> None:
    token = store.add_token("ci")
    assert store.check_token(token) and not store.check_token(token + "x")
    con = sqlite3.connect(store.path)
    assert token not in str(con.execute("SELECT * FROM api_tokens").fetchall())
    con.close()


def test_feed_state_round_trips(store: SQLiteStore) -> None:
    assert store.feed_state("https://example.org/rss") == {}
    store.set_feed_state("https://example.org/rss", {"etag": "x", "seen": ["a"]})
    store.set_feed_state("https://example.org/rss", {"etag": "y"})
    assert store.feed_state("https://example.org/rss") == {"etag": "y"}


def test_refuses_files_that_are_not_stores(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(str(junk))
    assert junk.read_bytes().startswith(b"this is not")  # untouched
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a sitroom store"):
        open_store(str(other))
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="no store"):
        open_store(str(tmp_path / "missing.db"), create=False)


def test_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_damaged_store_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as s:
        for n in range(30):
            s.add_analysis(analysis(f"Gunmen killed {n} villagers in Kano on Friday. {'x' * 3000}"))
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\xff" * (4096 * 5)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        s = open_store(str(path))
        s.events()
        s.counts()


def test_stored_article_reads_back_as_extracted(store: SQLiteStore) -> None:
    item = analysis(LEAD, incidents=[{}, {"town": "Goma", "status": "background"}])
    store.add_analysis(item)
    assert store.article_output(item.article.id) == item.to_dict()
    assert store.article_output("a-missing") is None


def test_a_failure_inside_an_article_leaves_nothing_of_it(store: SQLiteStore) -> None:
    store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
    before = store.counts()
    item = analysis(LEAD, incidents=[{}, {"town": "Goma"}])
    output = item.to_dict()
    output["events"][1]["evidence"] = [{"text": "x", "start": 0}]  # damaged second report
    with pytest.raises(InvalidArticle):
        store.add_output(item.article, output)
    output["events"][1]["evidence"] = [{"text": "x", "start": 0, "end": "?"}]
    with pytest.raises(InvalidArticle):
        store.add_output(item.article, output)
    output["events"][1]["evidence"] = item.to_dict()["events"][1]["evidence"]
    output["events"][1]["weapons"] = {"not JSON"}  # fails after the first report is written
    with pytest.raises(TypeError):
        store.add_output(item.article, output)
    assert store.counts() == before
    assert not store.has_article(item.article.id)
    assert store.add_output(item.article, item.to_dict()).outcome == "stored"


def test_opening_waits_for_a_reader_of_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds a read lock
    timer = threading.Timer(0.3, lambda: reader.execute("COMMIT"))
    timer.start()
    try:
        with open_store(str(path)) as s:
            assert s.schema_version() == latest_version()
    finally:
        timer.join()
        reader.close()


def test_newest_first_pages_and_counts(store: SQLiteStore) -> None:
    towns = ["Kano", "Goma", "Gao", "Mosul"]
    for n, town in enumerate(towns):
        store.add_analysis(
            analysis(f"Gunmen killed {n} villagers in {town}.", incidents=[{"town": town}])
        )
    oldest_first = [e.id for e in store.events()]
    newest = store.events(EventQuery(newest_first=True, limit=2))
    assert [e.id for e in newest] == oldest_first[::-1][:2]
    rest = store.events(EventQuery(newest_first=True, after=newest[-1].seq))
    assert [e.id for e in rest] == oldest_first[::-1][2:]
    assert [e.id for e in store.iter_events(EventQuery(newest_first=True), page=3)] == (
        oldest_first[::-1]
    )
    assert store.count_events() == 4
    assert store.count_events(EventQuery(country="NGA", limit=1)) == 1
