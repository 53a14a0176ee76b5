"""The articles suite: CHECKS.md "full articles", measured on our own hand-coded stories.

Five sets, scored alike and reported side by side:

- `fresh`: `examples/fresh/*.txt`, coded in `tests/golden/fresh/*.json` before the
  pipeline ever ran on them. Used for diagnosis since, so no longer an honest estimate.
- `fresh3`: `examples/fresh3/*.txt`, coded in `tests/golden/fresh3/*.json` before the
  pipeline ever ran on them, in regions and styles the first set lacks (a live page, an
  analysis piece, a town-by-town roundup, a protest or a strategic development as the
  main event, a caption line, a one-paragraph VOA-style story). A diagnosis set like
  `fresh`: its misses, false positives and field errors are printed in the notes.
- `fresh4`: eight stories coded before any run, held out in session 3 (only metrics
  shown) and a diagnosis set since session 4, when `fresh5` replaced it.
- `fresh2` and `fresh5` (`examples/fresh2|fresh5`, `tests/golden/fresh2|fresh5`): held
  out. Coded before any run and never read for tuning: only their metrics are reported,
  each alone and pooled (`heldout_*`), never their misses. The pooled column is the
  honest estimate of the outside check.
- `tuned`: the golden corpus (`examples/articles/`, `tests/golden/expected/`) plus the
  seed (`seed_expected.json`, article read from `gold/../examples/`). These were written
  together with the code, so they overstate; the gap between the two columns is the
  measure of that.

Matching is the golden corpus's (`sitroom.evaluate.seed.match_incidents`): one to one by
date at the coded precision and place (50 km, or the same country when only a country is
coded). An expected incident marked `"optional": true` (a call a careful coder could make
either way) is matched after the others, against the events they left: a match spares the
event from counting as a false positive, a miss costs nothing, and it enters no accuracy.

Metrics, named as CHECKS.md names them: `new_recall`, `background_recall`, `precision`,
and on matched pairs `event_type_accuracy`, `fatalities_accuracy` (pairs whose coded toll
is not null, as the voa suite counts them) and `status_accuracy`; plus counts. A list in
an expectation means "any of these". Baselines: `main-event` keeps only each article's
first event (what a one-incident extractor would give), `nothing` predicts no event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.evaluate import Report
from sitroom.evaluate.seed import (
    ExpectedIncident,
    compare_incidents,
    expectations,
    match_incidents,
    seed_path,
)
from sitroom.model import Analysis

if TYPE_CHECKING:
    from sitroom.stages import Pipeline

REPO = Path(__file__).resolve().parents[3]
FRESH_ARTICLES = REPO / "examples" / "fresh"
FRESH_EXPECTED = REPO / "tests" / "golden" / "fresh"
FRESH2_ARTICLES = REPO / "examples" / "fresh2"
FRESH2_EXPECTED = REPO / "tests" / "golden" / "fresh2"
FRESH3_ARTICLES = REPO / "examples" / "fresh3"
FRESH3_EXPECTED = REPO / "tests" / "golden" / "fresh3"
FRESH4_ARTICLES = REPO / "examples" / "fresh4"
FRESH4_EXPECTED = REPO / "tests" / "golden" / "fresh4"
FRESH5_ARTICLES = REPO / "examples" / "fresh5"
FRESH5_EXPECTED = REPO / "tests" / "golden" / "fresh5"
TUNED_ARTICLES = REPO / "examples" / "articles"
TUNED_EXPECTED = REPO / "tests" / "golden" / "expected"

# CHECKS.md "full articles" gates, shown beside the measurements
GATES: dict[str, float] = {
    "new_recall": 0.85,
    "background_recall": 0.60,
    "precision": 0.70,
    "event_type_accuracy": 0.80,
    "fatalities_accuracy": 0.80,
    "status_accuracy": 0.85,
}
COUNTS = ("articles", "expected_new", "expected_background", "predicted", "matched")


@dataclass(frozen=True)
class Case:
    """One coded article: where its text is, and what a careful coder reads out of it."""

    name: str
    path: Path
    index: int
    incidents: list[dict[str, Any]]


@dataclass
class Tally:
    """Counts over a set of articles, from which the metrics are ratios."""

    expected: dict[str, int] = field(default_factory=lambda: {"new": 0, "background": 0})
    found: dict[str, int] = field(default_factory=lambda: {"new": 0, "background": 0})
    predicted: int = 0
    matched: int = 0  # events paired with a coded incident, optional ones included
    agree: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ("event_type", "fatalities", "status")}
    )
    articles: int = 0

    def metrics(self) -> dict[str, float]:
        out = {
            "new_recall": _ratio(self.found["new"], self.expected["new"]),
            "background_recall": _ratio(self.found["background"], self.expected["background"]),
            "precision": _ratio(self.matched, self.predicted),
        }
        for name, (ok, n) in self.agree.items():
            out[f"{name}_accuracy"] = ok / n if n else 0.0  # no pair: nothing right
        out["articles"] = float(self.articles)
        out["expected_new"] = float(self.expected["new"])
        out["expected_background"] = float(self.expected["background"])
        out["predicted"] = float(self.predicted)
        out["matched"] = float(self.matched)
        return out


def _ratio(a: int, b: int) -> float:
    """a/b, or 1.0 when there is nothing to count (no predictions, no such incidents)."""
    return a / b if b else 1.0


def _any(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------- the coded sets


def fresh_cases(articles: Path = FRESH_ARTICLES, expected: Path = FRESH_EXPECTED) -> list[Case]:
    return _cases(articles, expected)


def fresh2_cases() -> list[Case]:
    """The held-out second batch (an empty list where an installed copy lacks it)."""
    return _cases(FRESH2_ARTICLES, FRESH2_EXPECTED)


def fresh3_cases() -> list[Case]:
    """The third diagnosis batch (an empty list where an installed copy lacks it)."""
    return _cases(FRESH3_ARTICLES, FRESH3_EXPECTED)


def fresh4_cases() -> list[Case]:
    """The fourth batch, a diagnosis set since session 4 (empty where a copy lacks it)."""
    return _cases(FRESH4_ARTICLES, FRESH4_EXPECTED)


def fresh5_cases() -> list[Case]:
    """The held-out fifth batch (an empty list where an installed copy lacks it)."""
    return _cases(FRESH5_ARTICLES, FRESH5_EXPECTED)


def tuned_cases(gold: Path) -> list[Case]:
    """The golden corpus plus the seed (whose text stays in the shared folder)."""
    cases = _cases(TUNED_ARTICLES, TUNED_EXPECTED)
    path = seed_path(gold)
    if path.is_file():
        cases.append(Case("seed", path, 0, list(expectations().get("incidents", []))))
    return cases


def _cases(articles: Path, expected: Path) -> list[Case]:
    out = []
    for spec_path in sorted(expected.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        out.append(
            Case(
                name=spec_path.stem,
                path=articles / spec["input"],
                index=int(spec.get("index", 0)),
                incidents=list(spec.get("incidents", [])),
            )
        )
    return out


def extract_cases(
    cases: Sequence[Case], stages: Pipeline | None = None
) -> list[list[dict[str, Any]]]:
    """`stages` (default: the evaluation's shared pipeline) over every case's article in
    one run: the events of each, in order."""
    from sitroom import pipeline
    from sitroom.evaluate import default_pipeline

    items_by_case = [_read(c) for c in cases]
    everything = [item for item in items_by_case if item is not None]
    for _done in pipeline.run(stages or default_pipeline(), everything):
        pass
    return [list(item.to_dict().get("events", [])) if item else [] for item in items_by_case]


def _read(case: Case) -> Analysis | None:
    """The case's article (the `index`-th of its file), read as `sitroom extract` reads it."""
    from sitroom.read import read_inputs

    items = list(read_inputs([str(case.path)]))
    return items[case.index] if case.index < len(items) else None


# ---------------------------------------------------------------- scoring


@dataclass
class ArticleResult:
    """One article's matching: pairs (coded index -> event index) and what went wrong."""

    pairs: dict[int, int]
    optional_pairs: dict[int, int]
    misses: list[str]
    false_positives: list[str]
    field_errors: list[str]


def score_article(
    name: str, coded: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]], tally: Tally
) -> ArticleResult:
    """Match one article's events with its coded incidents and add to `tally`."""
    required = [(i, c) for i, c in enumerate(coded) if not c.get("optional")]
    optional = [(i, c) for i, c in enumerate(coded) if c.get("optional")]
    req_exp = [ExpectedIncident.parse(c) for _, c in required]
    pairs = match_incidents(req_exp, events)
    left = [j for j in range(len(events)) if j not in pairs.values()]
    opt_exp = [ExpectedIncident.parse(c) for _, c in optional]
    opt_pairs_local = match_incidents(opt_exp, [events[j] for j in left])
    optional_pairs = {optional[i][0]: left[j] for i, j in opt_pairs_local.items()}
    tally.articles += 1
    tally.predicted += len(events)
    tally.matched += len(pairs) + len(optional_pairs)
    result = ArticleResult(
        pairs={required[i][0]: j for i, j in pairs.items()},
        optional_pairs=optional_pairs,
        misses=_misses(name, req_exp, events, pairs),
        false_positives=[],
        field_errors=[],
    )
    for k, (_, raw) in enumerate(required):
        kind = "new" if raw.get("status") == "new" else "background"
        tally.expected[kind] += 1
        if k in pairs:
            tally.found[kind] += 1
            result.field_errors.extend(_compare(name, raw, events[pairs[k]], tally))
    used = set(pairs.values()) | set(optional_pairs.values())
    result.false_positives = [
        f"{name}: {_describe(ev)}" for j, ev in enumerate(events) if j not in used
    ]
    return result


def _compare(name: str, raw: dict[str, Any], event: dict[str, Any], tally: Tally) -> list[str]:
    """Tally event type, fatalities (when coded non-null) and status of a matched pair."""
    errors = []
    checks = [("event_type", raw.get("event_type")), ("status", raw.get("status"))]
    if raw.get("fatalities") is not None:
        checks.append(("fatalities", raw["fatalities"]))
    for field_name, want in checks:
        got = event.get(field_name)
        ok = got in _any(want)
        tally.agree[field_name][0] += int(ok)
        tally.agree[field_name][1] += 1
        if not ok:
            errors.append(f"{name} / {raw['key']} / {field_name}: coded {want!r}, got {got!r}")
    return errors


def _misses(
    name: str,
    expected: Sequence[ExpectedIncident],
    events: Sequence[dict[str, Any]],
    pairs: dict[int, int],
) -> list[str]:
    """Each unmatched coded incident, said as the golden corpus says it: `found` (no event
    of its type near it), `place` (an event of its type on the right date, elsewhere) or
    `date` (an event of its type at the right place, on another date)."""
    unmatched = {exp.key for i, exp in enumerate(expected) if i not in pairs}
    outcome = compare_incidents(name, expected, events)
    return [
        f"{name} / {gap.item}: {gap.field} (coded {gap.expected}, got {gap.actual})"
        for gap in outcome.gaps
        if gap.item in unmatched and gap.field in ("found", "place", "date")
    ]


def _describe(event: dict[str, Any]) -> str:
    loc = event.get("location") or {}
    return (
        f"{event.get('date')} {event.get('date_precision')} {event.get('sub_event_type')} "
        f"{event.get('status')} at {loc.get('name')} ({loc.get('lat')}, {loc.get('lon')}) "
        f"fatalities={event.get('fatalities')}"
    )


@dataclass
class SetScore:
    """A set's metrics, its baselines' metrics, and every miss for diagnosis."""

    metrics: dict[str, float]
    main_event: dict[str, float]
    nothing: dict[str, float]
    misses: list[str]
    false_positives: list[str]
    field_errors: list[str]


def score_set(cases: Sequence[Case], outputs: Sequence[Sequence[dict[str, Any]]]) -> SetScore:
    """Score `outputs` (each case's events, in order) against `cases`."""
    tally, first, empty = Tally(), Tally(), Tally()
    misses: list[str] = []
    fps: list[str] = []
    errors: list[str] = []
    for case, events in zip(cases, outputs, strict=True):
        result = score_article(case.name, case.incidents, events, tally)
        misses.extend(result.misses)
        fps.extend(result.false_positives)
        errors.extend(result.field_errors)
        score_article(case.name, case.incidents, list(events)[:1], first)
        score_article(case.name, case.incidents, [], empty)
    return SetScore(tally.metrics(), first.metrics(), empty.metrics(), misses, fps, errors)


# ---------------------------------------------------------------- the suite


# report columns: set name -> header
COLUMNS = {
    "heldout": "held out (fresh2+5)",
    "fresh2": "fresh2",
    "fresh5": "fresh5",
    "fresh4": "fresh4",
    "fresh3": "fresh3",
    "fresh": "fresh",
    "tuned": "tuned",
}


@dataclass(frozen=True)
class CodedSet:
    """One set of coded stories and how the report shows it."""

    name: str
    cases: list[Case]
    held_out: bool  # only metrics are shown, never misses


def run(gold: Path) -> Report:
    if not FRESH_EXPECTED.is_dir():  # an installed copy without the repository's files
        raise FileNotFoundError(f"fresh coding not found at {FRESH_EXPECTED}")
    sets = [
        CodedSet("fresh", fresh_cases(), held_out=False),
        CodedSet("fresh3", fresh3_cases(), held_out=False),
        CodedSet("fresh4", fresh4_cases(), held_out=False),
        CodedSet("fresh2", fresh2_cases(), held_out=True),
        CodedSet("fresh5", fresh5_cases(), held_out=True),
        CodedSet("tuned", tuned_cases(gold), held_out=False),
    ]
    outputs = extract_cases([case for s in sets for case in s.cases])
    by_set: dict[str, list[list[dict[str, Any]]]] = {}
    for s in sets:
        by_set[s.name], outputs = outputs[: len(s.cases)], outputs[len(s.cases) :]
    scores = {s.name: score_set(s.cases, by_set[s.name]) for s in sets}
    held = [s for s in sets if s.held_out]  # pooled: the honest estimate
    scores["heldout"] = score_set(
        [case for s in held for case in s.cases], [out for s in held for out in by_set[s.name]]
    )
    metrics = {f"{name}_{k}": v for name, sc in scores.items() for k, v in sc.metrics.items()}
    report = Report(
        suite="articles",
        metrics=metrics,
        baselines={
            "fresh_main_event": scores["fresh"].main_event,
            "fresh_nothing": scores["fresh"].nothing,
            "fresh3_main_event": scores["fresh3"].main_event,
            "tuned_main_event": scores["tuned"].main_event,
            "heldout_main_event": scores["heldout"].main_event,
        },
        header=["metric", "gate", *COLUMNS.values(), "held out: main event"],
    )
    report.rows = [
        [k, GATES.get(k, ""), *(scores[c].metrics[k] for c in COLUMNS), _main(scores, k)]
        for k in scores["fresh"].metrics
    ]
    report.notes = _notes(sets, scores)
    return report


def _main(scores: dict[str, SetScore], metric: str) -> float:
    return scores["heldout"].main_event[metric]


def _notes(sets: Sequence[CodedSet], scores: dict[str, SetScore]) -> list[str]:
    sizes = {s.name: len(s.cases) for s in sets}
    notes = [
        f"fresh ({sizes['fresh']}), fresh3 ({sizes['fresh3']}) and fresh4 ({sizes['fresh4']}): "
        "articles coded before "
        "any run, used for diagnosis since; tuned: "
        f"{sizes['tuned']} golden articles and the seed (written with the code)",
        f"held out: fresh2 ({sizes['fresh2']}) and fresh5 ({sizes['fresh5']}) articles; only "
        "their metrics are shown (never tune on them; see tests/golden/fresh2|fresh5/README.md)",
        "matching by date at the coded precision and place (50 km or same country), "
        "one to one; optional incidents neither count as misses nor as false positives",
    ]
    for s in sets:
        if s.held_out or s.name == "tuned":
            continue
        sc = scores[s.name]
        notes += [f"{s.name} miss: {m}" for m in sc.misses]
        notes += [f"{s.name} false positive: {m}" for m in sc.false_positives]
        notes += [f"{s.name} field: {m}" for m in sc.field_errors]
    return notes
