"""`python store_kill_driver.py DB PATH...`: ingest with the cheap lead pipeline, in a
process the crash test can kill (the store code is the real one; only extraction is
cheap, so kills land during writes far more often than with spaCy)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_helpers import lead_pipeline

from sitroom.ingest import ingest
from sitroom.store import open_store


def main(db: str, paths: list[str]) -> None:
    with open_store(db) as store:
        summary = ingest(store, paths, pipeline=lead_pipeline(), progress=False)
    print("\n".join(summary.lines()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
