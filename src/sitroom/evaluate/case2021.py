"""CASE 2021 Task 2 (dev): the sub-event type of each snippet's main incident.

Gold: `case2021-task2/dev.tsv` (`id`, `EventSnippet`, `SubType`, read with
`quoting=QUOTE_NONE`; snippets have no date). Labels are upper-case codes of the 25 ACLED
sub-event types plus 5 that ACLED does not code (diplomacy, natural and man-made
disasters, organised crime, attribution of responsibility).

Scoring: the prediction for a snippet is the `sub_event_type` of its first event, or
"none" when sitroom finds no incident. Weighted and macro F1 are computed over the 25
ACLED classes, as the outside check does:
- `acled_*`: on the snippets whose gold is an ACLED class (the main figures);
- `all_*`: on every snippet, the 5 non-ACLED gold labels counting as "none" (so an
  incident predicted for a diplomacy snippet is a false positive of its class) and
  `none_accuracy` the share of non-ACLED snippets for which sitroom reports nothing.
A majority-class baseline is computed in the same run.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from sitroom.evaluate import Report, analyse
from sitroom.model import SUB_EVENT_TYPES, Analysis, Article

CODES: dict[str, str] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
NON_ACLED = ("DIPLO", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "ATTRIB")
NONE = "none"


def read_gold(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, sub-event type or NONE) for every row of dev.tsv."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        code = row["SubType"].strip()
        label = CODES.get(code, NONE)
        if code not in CODES and code not in NON_ACLED:
            raise ValueError(f"unknown CASE label {code!r}")
        out.append((row["id"], row["EventSnippet"], label))
    return out


def extract(articles: Iterable[Article]) -> list[Analysis]:
    """The default pipeline over `articles`, in order (shared by the voa and muc4 suites)."""
    return analyse(articles)


def predict(snippets: Sequence[str]) -> list[str]:
    articles = [Article(text=s, published=None) for s in snippets]
    out = []
    for item in extract(articles):
        out.append(item.incidents[0].sub_event_type if item.incidents else NONE)
    return out


def f1_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Per-label F1 averaged by support (weighted) and plainly (macro) over `labels`,
    with labels absent from the gold left out of the macro average (as sklearn does
    for weighted; macro counts only labels with gold support)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
            continue
        fp[p] += 1
        fn[g] += 1
    support = Counter(gold)
    f1s = {}
    for label in labels:
        if support[label] == 0:
            continue
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / support[label]
        f1s[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    total = sum(support[label] for label in f1s)
    weighted = sum(f1s[label] * support[label] for label in f1s) / total if total else 0.0
    macro = sum(f1s.values()) / len(f1s) if f1s else 0.0
    return {"weighted_f1": weighted, "macro_f1": macro}


def score(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    labels = list(SUB_EVENT_TYPES)
    pairs = [(g, p) for g, p in zip(gold, pred, strict=True) if g != NONE]
    ag = [g for g, _ in pairs]
    ap = [p for _, p in pairs]
    acled = f1_scores(ag, ap, labels)
    every = f1_scores(gold, pred, labels)
    nones = [p for g, p in zip(gold, pred, strict=True) if g == NONE]
    return {
        "acled_accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "acled_weighted_f1": acled["weighted_f1"],
        "acled_macro_f1": acled["macro_f1"],
        "all_weighted_f1": every["weighted_f1"],
        "all_macro_f1": every["macro_f1"],
        "none_accuracy": sum(p == NONE for p in nones) / len(nones) if nones else 0.0,
        "acled_no_incident": sum(p == NONE for p in ap) / len(ap) if ap else 0.0,
    }


def run(gold: Path) -> Report:
    rows = read_gold(gold / "case2021-task2" / "dev.tsv")
    labels = [label for _, _, label in rows]
    pred = predict([text for _, text, _ in rows])
    metrics = score(labels, pred)
    majority = Counter(label for label in labels if label != NONE).most_common(1)[0][0]
    baseline = score(labels, [majority] * len(labels))
    report = Report(
        suite="case2021",
        metrics=metrics,
        baselines={"majority": baseline},
        header=["metric", "sitroom", "majority"],
        notes=[
            f"{len(rows)} snippets, {sum(label != NONE for label in labels)} with an ACLED "
            "class; main incident = first event; no incident = 'none'",
        ],
    )
    report.rows = [[k, v, baseline.get(k, "")] for k, v in metrics.items()]
    return report


def confusion(gold: Sequence[str], pred: Sequence[str]) -> list[tuple[str, str, int]]:
    """(gold, predicted, count) of the errors, most frequent first (for error analysis)."""
    errors = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in errors.most_common()]
