"""Two processes ingesting overlapping articles into one PostgreSQL store at the same
time: every article is stored once, and each incident has exactly one canonical event,
as in a run by one process."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from pg_articles import article, incident_of
from pg_server import Server

from sitroom.store import open_store

DRIVER = Path(__file__).with_name("pg_ingest_driver.py")
ARTICLES = 32


def start(url: str, gate: Path, numbers: list[int]) -> subprocess.Popen[str]:
    args = [sys.executable, str(DRIVER), url, str(gate), *map(str, numbers)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_concurrent_writers_store_each_article_and_event_once(
    pg_server: Server, tmp_path: Path
) -> None:
    url = pg_server.database("race")  # empty: the writers also race to create the schema
    gate = tmp_path / "go"
    first = list(range(0, 24))
    second = list(range(ARTICLES - 1, 7, -1))  # overlapping 8..23, in the other order
    workers = [start(url, gate, first), start(url, gate, second)]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    gate.touch()
    outcomes: Counter[str] = Counter()
    for w in workers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        outcomes.update(out.split())
    assert outcomes == {"stored": ARTICLES, "duplicate": 16}

    with open_store(url) as store:
        counts = store.counts()
        events = store.events()
    assert (counts.articles, counts.reports) == (ARTICLES, ARTICLES)
    assert len({e.id for e in events}) == len(events) == ARTICLES // 2
    for event in events:
        told = {incident_of(n) for n in range(ARTICLES) if article(n).article.id in
                {r.article_id for r in event.reports}}  # fmt: skip
        assert len(event.reports) == 2 and len(told) == 1, event.to_dict()


def test_one_writer_gives_the_same_grouping(pg_server: Server) -> None:
    """The reference for the race above: one process, one incident per event."""
    with open_store(pg_server.database("serial")) as store:
        for n in range(ARTICLES):
            store.add_analysis(article(n))
        assert sorted(len(e.reports) for e in store.events()) == [2] * (ARTICLES // 2)
