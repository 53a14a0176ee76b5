"""Fixtures of the golden corpus: the real pipeline runs once per session over every
example article and the seed, and each test reads the outputs it needs."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis
from sitroom.read import read_inputs
from sitroom.stages import Pipeline

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTICLES = REPO / "examples" / "articles"
EXPECTED_DIR = HERE / "expected"
LEDGER = HERE / "known_gaps.json"
# the seed sits beside the gold folder: $SITROOM_GOLD/../examples, else ../shared/examples
SEED = (
    (
        Path(os.environ["SITROOM_GOLD"]) / ".."
        if os.environ.get("SITROOM_GOLD")
        else REPO / ".." / "shared"
    )
    / "examples"
    / "seed-article.txt"
)


def expected_specs() -> dict[str, dict[str, Any]]:
    """Expected records by name (the file stem), read at collection time."""
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(EXPECTED_DIR.glob("*.json"))
    }


def ledger() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(LEDGER.read_text(encoding="utf-8"))
    return loaded


def read_file(path: Path) -> list[Analysis]:
    return list(read_inputs([str(path)]))


@pytest.fixture(scope="session")
def golden_pipeline() -> Pipeline:
    return pipeline.build(config.load())


@pytest.fixture(scope="session")
def example_items(golden_pipeline: Pipeline) -> dict[str, list[Analysis]]:
    """file name under examples/articles -> its articles, run through the pipeline once."""
    files = sorted(p.name for p in ARTICLES.iterdir() if p.is_file())
    by_file = {name: read_file(ARTICLES / name) for name in files}
    everything = [item for name in files for item in by_file[name]]
    for _done in pipeline.run(golden_pipeline, everything):
        pass
    return by_file


@pytest.fixture(scope="session")
def golden_outputs(example_items: dict[str, list[Analysis]]) -> dict[str, dict[str, Any]]:
    """expected-file name -> the extract output object of the article it describes."""
    outputs = {}
    for name, spec in expected_specs().items():
        items = example_items.get(spec["input"], [])
        if spec["index"] < len(items):
            outputs[name] = items[spec["index"]].to_dict()
    return outputs


@pytest.fixture(scope="session")
def seed_output(golden_pipeline: Pipeline) -> dict[str, Any]:
    items = read_file(SEED)
    assert len(items) == 1, f"the seed should be one article, read {len(items)}"
    for _done in pipeline.run(golden_pipeline, items):
        pass
    return items[0].to_dict()
