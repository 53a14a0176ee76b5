"""The seed article against the analyst's reading in `seed-expected.md`.

The text is read from `../shared/examples/seed-article.txt` (never copied into the
repository); the expected values live in `sitroom/evaluate/seed_expected.json`, shared
with `sitroom eval seed`. Known gaps are listed under "seed" in `known_gaps.json`.
"""

from __future__ import annotations

from typing import Any

from sitroom.evaluate.seed import Gap, check_ledger, compare_article, expectations

from .conftest import ledger


def seed_gaps(output: dict[str, Any]) -> list[Gap]:
    gaps = list(compare_article("seed", expectations(), output).gaps)
    if output["article"]["published"] != expectations()["published"]:
        gaps.append(
            Gap(
                "seed",
                "(article)",
                "published",
                expectations()["published"],
                output["article"]["published"],
            )
        )
    return gaps


def test_seed_matches_expectations(seed_output: dict[str, Any]) -> None:
    unlisted, fixed = check_ledger(seed_gaps(seed_output), ledger()["seed"])
    problems = [f"new gap: {g.describe()}" for g in unlisted]
    problems += [f"fixed, remove from known_gaps.json: {' / '.join(k)}" for k in fixed]
    assert not problems, "\n".join(problems)


def test_seed_expectations_cover_the_analysis() -> None:
    """The encoded expectations hold every item of seed-expected.md."""
    exp = expectations()
    assert len(exp["incidents"]) == 4
    assert len(exp["statistics"]) == 8
    assert len(exp["times"]) == 12
    assert [i["status"] for i in exp["incidents"]] == [
        "new",
        "background",
        "background",
        "background",
    ]
