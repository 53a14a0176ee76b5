"""Merge time and peak memory for N synthetic incident reports (default 1,000,000).

Reports are generated from N / 2.5 made-up incidents spread over three years and a few
thousand towns: each incident is reported 1-5 times, with the noise real outlets add
(a day off, only the publication date, no place or only the country, a generic
perpetrator, a revised toll, sides in either order). The run builds the typed records
and groups them with `sitroom.merge.cluster`, as `sitroom dedup` does, then prints one
result line with reports/s, peak memory and B³ F1 against the generating incidents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sitroom.merge import MentionRecord, cluster
from sitroom.model import EVENT_TYPES

GROUPS = ["Taliban", "Islamic State", "al-Shabaab", "Boko Haram", "PKK", "Houthis", "JNIM"]
STATES = ["Afghanistan", "Iraq", "Somalia", "Nigeria", "Turkey", "Yemen", "Mali", "Syria"]
GENERIC = ["gunmen", "unidentified attackers", "militants"]


def towns(rnd: random.Random, count: int) -> list[tuple[float, float, str]]:
    countries = [f"C{i:02d}" for i in range(60)]
    return [
        (rnd.uniform(-35, 60), rnd.uniform(-20, 120), rnd.choice(countries)) for _ in range(count)
    ]


def incidents(rnd: random.Random, count: int) -> list[dict[str, Any]]:
    places = towns(rnd, 5000)
    start = dt.date(2021, 1, 1)
    types = [(main, sub) for main, subs in EVENT_TYPES.items() for sub in subs]
    out = []
    for k in range(count):
        lat, lon, country = rnd.choice(places)
        main, sub = rnd.choice(types)
        out.append(
            {
                "key": k,
                "date": start + dt.timedelta(days=rnd.randrange(3 * 365)),
                "event_type": main,
                "sub_event_type": sub,
                "lat": lat + rnd.uniform(-0.05, 0.05),
                "lon": lon + rnd.uniform(-0.05, 0.05),
                "country": country,
                "actor1": rnd.choice(GROUPS + STATES),
                "actor2": rnd.choice([None, "civilians", *STATES]),
                "fatalities": rnd.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40]),
            }
        )
    return out


def report(rnd: random.Random, inc: dict[str, Any], n: int) -> dict[str, Any]:
    """One outlet's version of an incident."""
    published = inc["date"] + dt.timedelta(days=rnd.choice([0, 0, 1, 1, 2]))
    undated = rnd.random() < 0.15
    actor1, actor2 = inc["actor1"], inc["actor2"]
    if rnd.random() < 0.2:
        actor1 = rnd.choice(GENERIC)
    if rnd.random() < 0.1:
        actor1, actor2 = actor2, actor1
    place_roll = rnd.random()
    location: dict[str, Any] | None = {
        "name": "town",
        "lat": inc["lat"] + rnd.uniform(-0.02, 0.02),
        "lon": inc["lon"] + rnd.uniform(-0.02, 0.02),
        "country": inc["country"],
        "precision": 1,
    }
    if place_roll < 0.08:
        location = None
    elif place_roll < 0.15:
        location = {"name": "country", "country": inc["country"], "precision": 3}
    toll = inc["fatalities"]
    if toll and rnd.random() < 0.3:
        toll += rnd.randint(0, 2)
    return {
        "id": f"r{n}",
        "article_id": f"a{n}",
        "published": published.isoformat(),
        "date": None if undated else inc["date"].isoformat(),
        "date_precision": "unknown" if undated else "day",
        "event_type": inc["event_type"],
        "sub_event_type": inc["sub_event_type"],
        "actor1": {"name": actor1} if actor1 else None,
        "actor2": {"name": actor2} if actor2 else None,
        "location": location,
        "fatalities": toll,
    }


def generate(n: int, seed: int) -> Iterator[tuple[dict[str, Any], int]]:
    """(report, incident key) pairs, streamed so that only the records stay in memory."""
    rnd = random.Random(seed)
    incs = incidents(rnd, max(1, int(n / 2.5)))
    made = 0
    while made < n:
        inc = rnd.choice(incs)
        for _ in range(min(rnd.randint(1, 5), n - made)):
            yield report(rnd, inc, made), inc["key"]
            made += 1


def b3_f1(predicted: list[str], gold: list[int]) -> float:
    pred_groups: dict[str, set[int]] = defaultdict(set)
    gold_groups: dict[int, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        pred_groups[p].add(i)
        gold_groups[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = len(pred_groups[p] & gold_groups[g])
        precision += both / len(pred_groups[p])
        recall += both / len(gold_groups[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of reports")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    records, labels = [], []
    start, cpu_start = time.perf_counter(), time.process_time()
    for row, label in generate(args.n, args.seed):
        records.append(MentionRecord.from_dict(row))
        labels.append(label)
    built = time.perf_counter()
    event_ids = cluster(records)
    done, cpu = time.perf_counter(), time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seconds = done - start
    print(
        f"RESULT merge: {len(records)} incidents in {seconds:.1f} s wall, {cpu:.1f} s CPU "
        f"(generate+records {built - start:.1f} s, grouping {done - built:.1f} s), "
        f"{len(records) / seconds:,.0f} incidents/s, peak memory {peak_mb:,.0f} MB, "
        f"{len(set(event_ids))} events of {len(set(labels))} incidents, "
        f"B3 F1 {b3_f1(event_ids, labels):.3f}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
