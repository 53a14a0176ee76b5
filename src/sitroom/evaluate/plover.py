"""PLOVER gold-standard sentences: who did what to whom, and how many died.

Each coded sentence goes through the whole pipeline. On the sentences whose PLOVER
event is violent or coercive (ASSAULT, FIGHT, COERCE, PROTEST) and that give an
incident, the first incident's actor1 is scored against the coded source actors and its
actor2 against the coded targets (a match shares a content word or names the same
dictionary entry, as in the PITF suite); `roles_swapped` counts actor1 matching a target
while not matching a source. `killed` is exact match of fatalities on the sentences
coded with a number of dead. `incident_on_nonviolent` is the share of the other
sentences (agreements, demands, consultations ...) that wrongly produce an incident.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.evaluate import Report, analyse
from sitroom.evaluate.pitf import actor_matches
from sitroom.model import Actor, Analysis, Article

VIOLENT = ("ASSAULT", "FIGHT", "COERCE", "PROTEST")


@dataclass(frozen=True)
class Sentence:
    text: str
    published: dt.date | None
    event: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    dead: int | None


def run(gold: Path) -> Report:

    items = load(gold / "plover" / "PLOVER_GSR_CAMEO.txt")
    return score(items, analyse(Article(text=s.text, published=s.published) for s in items))


def score(items: list[Sentence], results: list[Analysis]) -> Report:
    tally: dict[str, list[bool]] = {
        k: [] for k in ("source", "target", "roles_swapped", "killed", "incident", "nonviolent")
    }
    for item, result in zip(items, results, strict=True):
        main = result.incidents[0] if result.incidents and result.error is None else None
        if item.event not in VIOLENT:
            tally["nonviolent"].append(main is not None)
            continue
        tally["incident"].append(main is not None)
        if item.dead is not None:
            tally["killed"].append(main is not None and main.fatalities == item.dead)
        if main is None:
            continue
        doer, done_to = _cameo_roles(main)
        if item.sources:
            tally["source"].append(_any(item.sources, doer))
            tally["roles_swapped"].append(_any(item.targets, doer) and not _any(item.sources, doer))
        if item.targets:
            tally["target"].append(_any(item.targets, done_to))
    metrics = {k: (sum(v) / len(v) if v else 0.0) for k, v in tally.items()}
    names = {
        "source": "source_accuracy",
        "target": "target_accuracy",
        "roles_swapped": "roles_swapped",
        "killed": "killed",
        "incident": "incident_on_violent",
        "nonviolent": "incident_on_nonviolent",
    }
    report = Report("plover", {names[k]: v for k, v in metrics.items()})
    report.header = ["metric", "sitroom", "sentences"]
    report.rows = [[names[k], metrics[k], len(tally[k])] for k in tally]
    return report


def _cameo_roles(incident: Any) -> tuple[Actor | None, Actor | None]:
    """The incident's actors in CAMEO's roles. ACLED codes a protest that security
    forces break up with the demonstrators as actor1 and the force as actor2, while CAMEO
    codes the same sentence ("police fired tear gas to disperse demonstrators") as the
    police's act on the demonstrators: there the source is actor2 and the target actor1."""
    from sitroom.stages.actors import force_user

    doer = force_user(incident)
    if doer is not incident.actor1:
        return doer, incident.actor1
    return incident.actor1, incident.actor2


def _any(coded: tuple[str, ...], actor: Actor | None) -> bool:
    return actor is not None and any(actor_matches(c, actor) for c in coded)


def load(path: Path) -> list[Sentence]:
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if not r.get("text") or r.get("event") == "DOCUMENT":
            continue
        out.append(
            Sentence(
                text=r["text"],
                published=_date(r.get("date")),
                event=r["event"],
                sources=_actor_texts(r.get("source")),
                targets=_actor_texts(r.get("target")),
                dead=int(r["dead"]) if str(r.get("dead", "")).isdigit() else None,
            )
        )
    return out


def _actor_texts(value: Any) -> tuple[str, ...]:
    """Coded actors: a list of {"actorText": ...} (sometimes a bare string)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict):
        value = [value]
    out = []
    for a in value or []:
        text = a.get("actorText", "") if isinstance(a, dict) else str(a)
        if text:
            out.append(text)
    return tuple(out)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
