"""Run by test_pg_concurrency in a separate process: store some of the shared test
articles into one PostgreSQL store, starting when the gate file appears.

usage: python pg_ingest_driver.py URL GATE N [N ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from pg_articles import article

from sitroom.store import open_store


def main(url: str, gate: str, numbers: list[int]) -> None:
    items = [article(n) for n in numbers]
    print("ready", flush=True)
    while not Path(gate).exists():
        time.sleep(0.005)
    with open_store(url) as store:
        for item in items:
            print(store.add_analysis(item).outcome, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]])
