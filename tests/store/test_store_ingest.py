"""`sitroom.ingest.ingest` with a cheap injected pipeline: skips what is stored, never
reads its own database files, counts what happened."""

from __future__ import annotations

from pathlib import Path

from store_helpers import lead_pipeline, wire_lead

from sitroom.ingest import ingest
from sitroom.stages import Pipeline, Stage
from sitroom.store import open_store


class CountingPipeline(Pipeline):
    """The lead pipeline, remembering which articles it was asked to extract."""

    def __init__(self) -> None:
        super().__init__(lead_pipeline().stages)
        self.seen: list[str] = []

    def run(self, batch):  # type: ignore[no-untyped-def]
        self.seen.extend(a.article.id for a in batch if a.error is None)
        return super().run(batch)


def write_leads(folder: Path, n: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"lead{i:03d}.txt").write_text(f"date 2024-03-0{1 + i % 9}\n{wire_lead(i)}")


def test_ingest_stores_and_rerun_skips_before_extraction(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_leads(folder, 12)
    (folder / "empty.txt").write_text("")
    db = folder / "store.db"  # the store lives inside the folder it ingests
    first_pipe = CountingPipeline()
    with open_store(str(db)) as store:
        summary = ingest(store, [str(folder)], pipeline=first_pipe)
    assert (summary.read, summary.stored, summary.skipped) == (13, 12, 0)
    assert summary.rejected == {"empty": 1}
    assert summary.incidents == 12
    assert len(first_pipe.seen) == 12
    again = CountingPipeline()
    with open_store(str(db)) as store:
        summary = ingest(store, [str(folder)], pipeline=again)
        assert store.counts().articles == 12
    assert again.seen == []  # nothing extracted twice
    assert (summary.read, summary.stored, summary.skipped) == (13, 0, 12)
    assert "stored: 0" in summary.lines()


def test_ingest_never_reads_the_store_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_leads(folder, 3)
    db = folder / "sitroom.db"
    with open_store(str(db)) as store:
        for _ in range(2):  # the second run sees the db, -wal and -shm in the folder
            summary = ingest(store, [str(folder)], pipeline=lead_pipeline())
            assert summary.read == 3
            assert not summary.rejected
        assert {r.origin for r in store.rejects()} == set()


def test_nothing_new_needs_no_pipeline(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_leads(folder, 2)
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        ingest(store, [str(folder)], pipeline=lead_pipeline())
        # no pipeline given: building the real one would be needed only for new articles
        summary = ingest(store, [str(folder)])
    assert summary.skipped == 2


class ExplodingStage(Stage):
    """A batch stage with a bug: it fails the whole batch when one article says BOOM."""

    name = "exploding"

    def process(self, batch):  # type: ignore[no-untyped-def]
        if any("BOOM" in a.article.text for a in batch):
            raise RuntimeError("bug")


def test_a_failing_batch_costs_one_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_leads(folder, 5)
    (folder / "lead002.txt").write_text("date 2024-03-01\nBOOM 3 villagers killed in Kano.")
    pipe = Pipeline([ExplodingStage(), *lead_pipeline().stages])
    with open_store(str(tmp_path / "s.db")) as store:
        summary = ingest(store, [str(folder)], pipeline=pipe)
        (reject,) = store.rejects()
    assert (summary.stored, summary.rejected) == (4, {"internal": 1})
    assert reject.code == "internal" and "bug" in reject.message


class UnstorableStage(Stage):
    """A stage with a bug that only shows at storage: a value JSON cannot hold."""

    name = "unstorable"
    reads = ("incidents",)

    def process_one(self, item):  # type: ignore[no-untyped-def]
        if "SETBUG" in item.article.text:
            for inc in item.incidents:
                inc.notes = {"why": {1, 2}}


def test_an_unstorable_article_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_leads(folder, 4)
    (folder / "lead001.txt").write_text("date 2024-03-01\nSETBUG 3 villagers killed in Kano.")
    pipe = Pipeline([*lead_pipeline().stages, UnstorableStage()])
    with open_store(str(tmp_path / "s.db")) as store:
        summary = ingest(store, [str(folder)], pipeline=pipe)
        (reject,) = store.rejects()
        counts = store.counts()
    assert (summary.stored, summary.rejected) == (3, {"internal": 1})
    assert reject.message.startswith("store: TypeError")
    assert (counts.articles, counts.reports) == (3, 3)
