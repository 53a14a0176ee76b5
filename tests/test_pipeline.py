"""The pipeline driver: order, pass-through of rejects, and one bad article never the run."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sitroom import pipeline
from sitroom.model import Analysis, Article, ArticleError
from sitroom.stages import Pipeline, Stage


class Shout(Stage):
    """Upper-cases titles; fails on a whole batch that holds the word 'boom'."""

    name = "shout"
    reads = ("article",)
    writes = ("article",)

    def process(self, batch: Sequence[Analysis]) -> None:
        if any("boom" in a.article.text for a in batch):
            raise RuntimeError("boom")
        for a in batch:
            a.statistics = []
            a.article = Article(text=a.article.text.upper(), id=a.article.id)


def _items(texts: list[str]) -> list[Analysis]:
    return [Analysis(article=Article(text=t).with_id()) for t in texts]


def test_output_keeps_input_order_across_batches() -> None:
    texts = [f"article {n}" for n in range(7)]
    out = list(pipeline.run(Pipeline([Shout()]), _items(texts), batch_size=3))
    assert [a.article.text for a in out] == [t.upper() for t in texts]


def test_a_failing_article_costs_only_itself() -> None:
    items = _items(["calm", "boom", "quiet"])
    out = list(pipeline.run(Pipeline([Shout()]), items, batch_size=8))
    assert [a.error.code if a.error else None for a in out] == [None, "internal", None]
    assert out[0].article.text == "CALM" and out[2].article.text == "QUIET"


def test_rejects_pass_through_untouched() -> None:
    bad = Analysis(article=Article(text="", id="x"), error=ArticleError("empty", "no text"))
    out = list(pipeline.run(Pipeline([Shout()]), [bad, *_items(["ok"])]))
    assert out[0] is bad and out[1].article.text == "OK"


def test_a_stage_reading_what_nobody_wrote_is_refused() -> None:
    class NeedsPlaces(Stage):
        name = "needs"
        reads = ("places",)

    with pytest.raises(ValueError, match="reads"):
        Pipeline([NeedsPlaces()])


def test_forked_workers_give_the_same_output_in_the_same_order() -> None:
    texts = [f"article {n}" + (" boom" if n == 5 else "") for n in range(23)]
    one = list(pipeline.run(Pipeline([Shout()]), _items(texts), batch_size=4))
    two = list(pipeline.run(Pipeline([Shout()]), _items(texts), batch_size=4, workers=2))
    assert [a.to_dict() for a in two] == [a.to_dict() for a in one]
    assert two[5].error is not None and two[5].error.code == "internal"
