"""TempEval-3 scoring of the timex recogniser on TimeBank + AQUAINT (gold/tempeval3).

Each .tml file gives the article text (the TEXT element with its tags removed), the
creation time (the DCT TIMEX3, functionInDocument="CREATION_TIME", given to sitroom as
the publication date and, as in TempEval-3, not scored itself) and the gold TIMEX3
spans. Extraction is scored strictly (same span) and relaxed (overlapping span);
values and types on relaxed matches (TempEval-3 "value accuracy"), and value F1 the way
the outside check does: a system expression counts when it overlaps a gold one with
exactly its value, and a gold one is found when such a system expression exists.

The baseline is `dateparser`, run in the same command on the same gold spans (it finds
no spans itself): the share of gold DATE/TIME values it gets right, beside sitroom's
share on the same spans.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report
from sitroom.stages.times import find_times, normalise_at


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


CORPORA = ("TimeBank", "AQUAINT")  # the set's other folder (testpipeline) repeats a file


def load(folder: Path) -> list[GoldDoc]:
    """Every .tml document of the TimeBank and AQUAINT parts (else all under `folder`)."""
    parts = [folder / c for c in CORPORA if (folder / c).is_dir()] or [folder]
    return [read_tml(p) for part in parts for p in sorted(part.rglob("*.tml"))]


def read_tml(path: Path) -> GoldDoc:
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    dct_node = root.find(".//DCT/TIMEX3")
    if dct_node is None:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date.fromisoformat(str(dct_node.get("value"))[:10])
    text_node = root.find(".//TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no TEXT")
    parts: list[str] = []
    spans: list[GoldTimex] = []
    _walk(text_node, parts, spans)
    return GoldDoc(path.stem, dct, "".join(parts), tuple(spans))


def _walk(node: Any, parts: list[str], spans: list[GoldTimex]) -> None:
    """Flatten the TEXT element, recording each TIMEX3's character span."""
    if node.text:
        parts.append(node.text)
    for child in node:
        start = sum(len(p) for p in parts)
        _walk(child, parts, spans)
        if child.tag == "TIMEX3":
            end = sum(len(p) for p in parts)
            surface = "".join(parts)[start:end]
            spans.append(
                GoldTimex(start, end, child.get("type", ""), child.get("value", ""), surface)
            )
        if child.tail:
            parts.append(child.tail)


@dataclass
class Counts:
    """Tallies over documents; the metrics are computed from them at the end."""

    n_sys: int = 0
    n_gold: int = 0
    strict: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value_ok: int = 0
    type_ok: int = 0
    matched: int = 0
    value_sys: int = 0
    value_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, system: Sequence[tuple[int, int, str, str]], gold: Sequence[GoldTimex]) -> None:
        self.n_sys += len(system)
        self.n_gold += len(gold)
        gold_spans = {(g.start, g.end) for g in gold}
        self.strict += sum(1 for s in system if (s[0], s[1]) in gold_spans)
        for s in system:
            over = [g for g in gold if _overlap(s[0], s[1], g.start, g.end)]
            self.relaxed_sys += bool(over)
            self.value_sys += any(g.value == s[3] for g in over)
        for g in gold:
            over_s = [s for s in system if _overlap(s[0], s[1], g.start, g.end)]
            self.relaxed_gold += bool(over_s)
            self.value_gold += any(s[3] == g.value for s in over_s)
            if over_s:
                best = max(over_s, key=lambda s: min(s[1], g.end) - max(s[0], g.start))
                self.matched += 1
                self.value_ok += best[3] == g.value
                self.type_ok += best[2] == g.type

    def metrics(self) -> dict[str, float]:
        sp, sr = _div(self.strict, self.n_sys), _div(self.strict, self.n_gold)
        rp, rr = _div(self.relaxed_sys, self.n_sys), _div(self.relaxed_gold, self.n_gold)
        vp, vr = _div(self.value_sys, self.n_sys), _div(self.value_gold, self.n_gold)
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": _f1(sp, sr),
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": _f1(rp, rr),
            "value_accuracy": _div(self.value_ok, self.matched),
            "type_accuracy": _div(self.type_ok, self.matched),
            "value_p": vp,
            "value_r": vr,
            "value_f1": _f1(vp, vr),
        }


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs: Sequence[GoldDoc], rounds: int = 3) -> tuple[Counts, float, int]:
    """Run the recogniser over each document: counts, CPU seconds spent (best of `rounds`
    passes, as the machine is shared) and expressions found."""
    counts = Counts()
    found = 0
    for doc in docs:
        times = find_times(doc.text, doc.dct)
        found += len(times)
        counts.add([(t.start, t.end, t.type, t.value) for t in times], doc.timexes)
    spent = min(_timed(docs) for _ in range(rounds))
    return counts, spent, found


def _timed(docs: Sequence[GoldDoc]) -> float:
    """CPU seconds of one pass: the recogniser's own cost, not the machine's load."""
    t0 = time.process_time()
    for doc in docs:
        find_times(doc.text, doc.dct)
    return time.process_time() - t0


def gold_span_values(docs: Sequence[GoldDoc]) -> dict[str, float]:
    """Value accuracy on the gold DATE/TIME spans: sitroom and dateparser side by side."""
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(2000, 1, 1), "RETURN_AS_TIMEZONE_AWARE": False}
    ours = theirs = total = 0
    for doc in docs:
        base = dt.datetime.combine(doc.dct, dt.time(12, 0))
        for g in doc.timexes:
            if g.type not in ("DATE", "TIME"):
                continue
            total += 1
            got = normalise_at(doc.text, g.start, g.end, doc.dct)
            ours += got is not None and got.value == g.value
            settings["RELATIVE_BASE"] = base
            parsed = dateparser.parse(g.text, languages=["en"], settings=settings)
            theirs += parsed is not None and _at_granularity(parsed, g.value) == g.value
    return {"sitroom": _div(ours, total), "dateparser": _div(theirs, total), "n": total}


def _at_granularity(parsed: dt.datetime, gold_value: str) -> str:
    """dateparser's answer written at the gold value's granularity (its best chance)."""
    if re.fullmatch(r"\d{4}", gold_value):
        return f"{parsed.year}"
    if re.fullmatch(r"\d{4}-\d\d", gold_value):
        return f"{parsed.year}-{parsed.month:02d}"
    if re.fullmatch(r"\d{4}-W\d\d?", gold_value):
        y, w, _ = parsed.isocalendar()
        return f"{y}-W{w:02d}" if len(gold_value) == 8 else f"{y}-W{w}"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", gold_value):
        return parsed.strftime("%Y-%m-%dT%H:%M")
    return parsed.date().isoformat()


def run(gold: Path) -> Report:
    folder = gold / "tempeval3" / "TBAQ-cleaned"
    docs = load(folder)
    counts, spent, found = score(docs)
    metrics = counts.metrics()
    metrics["expressions_per_s"] = _div(found, spent)
    spans = gold_span_values(docs)
    metrics["gold_span_value_accuracy"] = spans["sitroom"]
    baseline = {"gold_span_value_accuracy": spans["dateparser"]}
    rows: list[list[Any]] = [[k, v, baseline.get(k, "")] for k, v in metrics.items()]
    return Report(
        suite="tempeval3",
        metrics=metrics,
        baselines={"dateparser": baseline},
        rows=rows,
        header=["metric", "sitroom", "dateparser"],
        notes=[
            f"{len(docs)} documents, {counts.n_gold} gold TIMEX3 (DCT excluded), "
            f"{counts.n_sys} found; gold-span values over {int(spans['n'])} DATE/TIME spans",
            "dateparser finds no spans: it is scored only on the gold spans",
        ],
    )
