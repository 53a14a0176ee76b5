"""`spark-extract`: the same extraction on Apache Spark.

Articles are read on the driver with the same readers as `sitroom extract`, so every
input format behaves identically. Executors run the very same pipeline inside
`mapInPandas`, loading it once per Python worker (`_worker_pipeline` is cached), and
return each article's contract JSON; the driver then explodes it into Parquet tables
under OUT/events, OUT/statistics, OUT/places and OUT/times.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitroom.model import Analysis, Article

ARTICLE_COLUMNS = ("id", "text", "published", "title", "source", "url")

_PLACE = (
    "struct<name:string,mention:string,start:int,end:int,admin1:string,country:string,"
    "lat:double,lon:double,geonames_id:bigint,precision:int,feature:string>"
)
_ACTOR = "struct<name:string,mention:string,type:string,country:string>"
_SPAN = "struct<text:string,start:int,end:int>"
EVENT_DDL = (
    f"struct<id:string,event_type:string,sub_event_type:string,date:string,"
    f"date_precision:string,time:string,status:string,actor1:{_ACTOR},actor2:{_ACTOR},"
    f"location:{_PLACE},fatalities:int,injured:int,weapons:array<string>,"
    f"responsibility:struct<status:string,actor:string,by:string,unclaimed:boolean>,"
    f"evidence:array<{_SPAN}>,confidence:double>"
)
STATISTIC_DDL = (
    f"struct<quantity:double,qualifier:string,unit:string,scope:string,since:string,"
    f"until:string,by:string,evidence:{_SPAN}>"
)
TIMEX_DDL = "struct<text:string,start:int,end:int,type:string,value:string,mod:string>"
OUTPUT_DDL = (
    f"struct<events:array<{EVENT_DDL}>,statistics:array<{STATISTIC_DDL}>,"
    f"places:array<{_PLACE}>,times:array<{TIMEX_DDL}>,"
    f"error:struct<code:string,message:string>>"
)


@functools.lru_cache(maxsize=1)
def _worker_pipeline() -> Any:
    from sitroom import config, pipeline

    return pipeline.build(config.load())


def extract_partition(frames: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas body: articles in, one JSON document per article out."""
    import pandas as pd

    from sitroom import pipeline

    pipe = _worker_pipeline()
    for frame in frames:
        items = [_analysis(row) for row in frame.itertuples(index=False)]
        out = [json.dumps(a.to_dict()) for a in pipeline.run(pipe, items)]
        yield pd.DataFrame({"article_id": [a.article.id for a in items], "output": out})


def _analysis(row: Any) -> Analysis:
    published = dt.date.fromisoformat(row.published) if row.published else None
    article = Article(
        text=row.text,
        id=row.id,
        published=published,
        title=row.title,
        source=row.source,
        url=row.url,
    )
    return Analysis(article=article)


def run(
    sources: list[str],
    out: Path,
    master: str = "local[*]",
    partitions: int = 0,
    db: str | None = None,
) -> dict[str, int]:
    """Extract `sources` on Spark and write Parquet tables under `out`; with `db`, also
    store every article's results (and every reject) there, one transaction each."""
    from sitroom import config as config_mod
    from sitroom.read import read_inputs

    cfg = config_mod.load()
    articles: dict[str, Article] = {}
    rejects: list[Analysis] = []
    for item in read_inputs(sources, max_bytes=cfg.max_bytes):
        if item.error is not None:
            rejects.append(item)
        else:
            articles.setdefault(item.article.id, item.article)
    spark = _session(master)
    try:
        results = _extract(spark, list(articles.values()), partitions).cache()
        counts = _write_tables(results, out)
        counts["articles"] = len(articles)
        counts["rejected"] = len(rejects)
        if db is not None:
            counts["stored"] = _store(db, articles, rejects, results)
        return counts
    finally:
        spark.stop()


def _session(master: str) -> Any:
    from pyspark.sql import SparkSession

    # executors must run this very interpreter (the one with sitroom and its models)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("sitroom-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _extract(spark: Any, articles: list[Article], partitions: int) -> Any:
    rows = [
        (a.id, a.text, a.published.isoformat() if a.published else None, a.title, a.source, a.url)
        for a in articles
    ]
    schema = "id string, text string, published string, title string, source string, url string"
    frame = spark.createDataFrame(rows, schema=schema)
    frame = frame.repartition(partitions or max(1, spark.sparkContext.defaultParallelism))
    return frame.mapInPandas(extract_partition, "article_id string, output string")


def _write_tables(results: Any, out: Path) -> dict[str, int]:
    from pyspark.sql import functions as F

    parsed = results.select("article_id", F.from_json("output", OUTPUT_DDL).alias("o"))
    counts = {}
    for table in ("events", "statistics", "places", "times"):
        exploded = parsed.select("article_id", F.explode(f"o.{table}").alias("r"))
        flat = exploded.select("article_id", "r.*")
        flat.write.mode("overwrite").parquet(str(out / table))
        counts[table] = flat.count()
    return counts


def _store(db: str, articles: dict[str, Article], rejects: list[Analysis], results: Any) -> int:
    from sitroom.store import open_store

    stored = 0
    with open_store(db) as store:
        for item in rejects:
            store.add_analysis(item)
        for row in results.toLocalIterator():
            outcome = store.add_output(articles[row.article_id], json.loads(row.output))
            stored += outcome.outcome == "stored"
    return stored
