"""Regenerate `known_gaps.json` from a real run: `python tests/golden/update_ledger.py`.

Reasons already written for a gap are kept while its actual value stays the same; a new
or changed gap gets a draft reason starting with "TODO" that a person must replace after
looking at it (the tests refuse "TODO").
Gaps that are gone are dropped. Run it from the repository root.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from golden.conftest import ARTICLES, LEDGER, SEED, expected_specs, read_file  # noqa: E402
from golden.test_golden import golden_gaps  # noqa: E402
from golden.test_seed import seed_gaps  # noqa: E402
from sitroom import config, pipeline  # noqa: E402
from sitroom.evaluate.seed import Gap  # noqa: E402


def outputs() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    pipe = pipeline.build(config.load())
    specs = expected_specs()
    by_file = {p.name: read_file(p) for p in sorted(ARTICLES.iterdir()) if p.is_file()}
    seed = read_file(SEED)
    everything = [i for items in by_file.values() for i in items] + seed
    for _done in pipeline.run(pipe, everything):
        pass
    golden = {n: by_file[s["input"]][s["index"]].to_dict() for n, s in specs.items()}
    return golden, seed[0].to_dict()


COMMENT = (
    "Known gaps of the golden corpus and the seed: each (article, item, field) the pipeline "
    "does not get right yet, with the reason. The tests fail on a gap not listed here and on "
    "a listed gap that is fixed: remove fixed entries (tests/golden/update_ledger.py)."
)


def entry(gap: Gap, old: dict[tuple[str, str, str], dict[str, Any]]) -> dict[str, Any]:
    """The ledger line of a gap; its old reason is kept only if nothing changed."""
    before = old.get(gap.key)
    if before is None:
        reason = f"TODO: {gap.field} differs"
    elif before.get("actual") != json.loads(json.dumps(gap.actual)):
        reason = f"TODO (was {before.get('actual')!r}): {before['reason']}"
    else:
        reason = before["reason"]
    return {
        "article": gap.article,
        "item": gap.item,
        "field": gap.field,
        "expected": gap.expected,
        "actual": gap.actual,
        "reason": reason,
    }


def main() -> None:
    old = json.loads(LEDGER.read_text()) if LEDGER.exists() else {"golden": [], "seed": []}
    reasons = {(e["article"], e["item"], e["field"]): e for e in old["golden"] + old["seed"]}
    golden, seed = outputs()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    new = {
        "comment": f"{COMMENT} Last refreshed from a real run and reviewed: {now}.",
        "updated": now,
        "golden": [entry(g, reasons) for n in sorted(golden) for g in golden_gaps(n, golden[n])],
        "seed": [entry(g, reasons) for g in seed_gaps(seed)],
    }
    LEDGER.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n")
    todo = sum(e["reason"].startswith("TODO") for e in new["golden"] + new["seed"])
    print(f"{len(new['golden'])} golden gaps, {len(new['seed'])} seed gaps, {todo} to review")


if __name__ == "__main__":
    main()
