"""`sitroom spark-extract IN OUT`: extraction on Apache Spark, Parquet out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitroom.errors import SitroomError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("spark-extract", help="extract on Apache Spark and write Parquet")
    p.add_argument("input", help="file or folder of articles (any input format)")
    p.add_argument("output", type=Path, help="folder for events/, statistics/, places/, times/")
    p.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    p.add_argument("--partitions", type=int, default=0, help="number of partitions")
    p.add_argument("--db", default=None, help="also store every article's results in this store")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        from sitroom.scale import spark
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SitroomError("pyspark is not installed: pip install 'sitroom[spark]'") from exc
    counts = spark.run(
        [args.input], args.output, master=args.master, partitions=args.partitions, db=args.db
    )
    print(json.dumps(counts))
    return 0
