"""The golden corpus: hand-written example articles against hand-coded expectations.

Each `expected/<name>.json` codes the incidents (matched one to one by date and place
within 50 km), statistics and fields a careful analyst reads from one article of
`examples/articles/`. What the pipeline does not yet get right is listed in
`known_gaps.json` with a reason; a gap not listed fails, and so does a listed gap that
has been fixed, so the ledger only ever shrinks (regenerate it with
`python tests/golden/update_ledger.py` and review every reason).
"""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.evaluate.seed import Gap, check_ledger, compare_article

from .conftest import ARTICLES, expected_specs, ledger

SPECS = expected_specs()


def golden_gaps(name: str, output: dict[str, Any]) -> list[Gap]:
    """Every gap of one article, including a wrong publication date."""
    spec = SPECS[name]
    gaps = list(compare_article(name, spec, output).gaps)
    published = output["article"]["published"]
    if published != spec["published"]:
        gaps.append(Gap(name, "(article)", "published", spec["published"], published))
    return gaps


def test_every_example_article_has_expectations(example_items: dict[str, list[Any]]) -> None:
    covered = {(s["input"], s["index"]) for s in SPECS.values()}
    articles = {(f, i) for f, items in example_items.items() for i in range(len(items))}
    assert articles == covered, "examples/articles and tests/golden/expected disagree"
    assert len(articles) >= 15


@pytest.mark.parametrize("name", sorted(SPECS))
def test_article_matches_expectations(name: str, golden_outputs: dict[str, Any]) -> None:
    assert name in golden_outputs, f"{SPECS[name]['input']} gave no article {SPECS[name]['index']}"
    entries = [e for e in ledger()["golden"] if e["article"] == name]
    unlisted, fixed = check_ledger(golden_gaps(name, golden_outputs[name]), entries)
    problems = [f"new gap: {g.describe()}" for g in unlisted]
    problems += [f"fixed, remove from known_gaps.json: {' / '.join(k)}" for k in fixed]
    assert not problems, "\n".join(problems)


def test_ledger_is_reviewed() -> None:
    """Every known gap names a real article and says why it is a gap."""
    data = ledger()
    assert data.get("updated"), "known_gaps.json needs the date of its last review"
    for entry in data["golden"] + data["seed"]:
        assert entry["article"] in SPECS or entry["article"] == "seed", entry
        reason = entry.get("reason", "")
        assert reason and not reason.startswith("TODO"), f"no reviewed reason: {entry}"


def test_examples_are_showcase_sized() -> None:
    """Example articles stay short wire stories (120-400 words each)."""
    for path in ARTICLES.glob("*.txt"):
        words = len(path.read_text(encoding="utf-8").split())
        assert 120 <= words <= 400, f"{path.name}: {words} words"
