"""MUC-4 TST3: old upper-case wire (1988-90) against the answer-key templates.

Gold: `muc4/tst3-muc4` (100 texts, each starting with its id line; the dateline gives
the report date, used as `published`) and `muc4/key-tst3.v2` (templates: slot number,
slot name, value; continuation lines indented). A document whose template is `*` has no
relevant incident. Optional templates may be matched but are not counted in recall.

Scoring per CHECKS.md "old wire, upper case": per template, an event of a compatible
`event_type` dated within a day of the template's date (a range or "- D", on or before
D, is widened accordingly; a template with no date accepts any date); each event answers
one template (greedy, one to one, closest date first). Reported: incident recall (over
required templates), precision (matched events over all events), F1; claim recall
(claimed templates whose event says `claimed`) and claim precision (matched events
saying `claimed` whose template is claimed). CLAIMED OR ADMITTED is `claimed`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitroom.evaluate import Report, one_to_one
from sitroom.evaluate.case2021 import extract
from sitroom.model import Article, Incident

COMPATIBLE: dict[str, set[str]] = {
    "ATTACK": {"Violence against civilians", "Battles", "Explosions/Remote violence"},
    "BOMBING": {"Explosions/Remote violence", "Violence against civilians", "Battles"},
    "KIDNAPPING": {"Violence against civilians"},
    "ARSON": {"Strategic developments", "Riots", "Explosions/Remote violence"},
    "ROBBERY": {"Strategic developments", "Violence against civilians"},
    "FORCED WORK STOPPAGE": {"Strategic developments", "Protests", "Riots"},
}
_MONTH_NAMES = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split("|"), 1)}
_DATE = re.compile(rf"(\d{{1,2}}) ({_MONTH_NAMES}) (\d{{2}})")
_FIELD = re.compile(r"^(\d+)\.\s+([A-Z :]+?)\s{2,}(.*)$")
BEFORE_DAYS = 31  # "- D" (on or before D): how far before D an event still matches


@dataclass(frozen=True)
class Template:
    doc: str
    types: tuple[str, ...]
    earliest: dt.date | None
    latest: dt.date | None
    claimed: bool
    optional: bool


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(1900 + int(year), _MONTHS[month], int(day))
    except ValueError:
        return None


def read_texts(path: Path) -> list[Article]:
    text = path.read_text(encoding="latin-1")
    parts = re.split(r"^(TST3-MUC4-\d{4})\s*$", text, flags=re.MULTILINE)
    out = []
    for doc_id, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.strip()
        head = body[:200]
        found = _DATE.search(head.split("--")[0]) if "--" in head else None
        published = _date(*found.groups()) if found else None
        out.append(Article(text=body, id=doc_id, published=published))
    return out


def read_key(path: Path) -> dict[str, list[Template]]:
    """Templates per document id (an irrelevant document maps to an empty list)."""
    out: dict[str, list[Template]] = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="latin-1")):
        fields = _fields(block)
        if "MESSAGE: ID" not in fields:
            continue
        doc = fields["MESSAGE: ID"].split()[0]
        out.setdefault(doc, [])
        template = fields.get("MESSAGE: TEMPLATE", "*")
        if template.startswith("*"):
            continue
        types = tuple(
            t.strip().lstrip("?").strip()
            for t in fields.get("INCIDENT: TYPE", "").split("/")
            if t.strip() and t.strip() not in ("*", "-")
        )
        earliest, latest = _dates(fields.get("INCIDENT: DATE", "-"))
        out[doc].append(
            Template(
                doc=doc,
                types=types,
                earliest=earliest,
                latest=latest,
                claimed="CLAIMED OR ADMITTED" in fields.get("PERP: ORGANIZATION CONFIDENCE", ""),
                optional="OPTIONAL" in template,
            )
        )
    return out


def _fields(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    last = None
    for line in block.splitlines():
        m = _FIELD.match(line.strip())
        if m:
            last = m.group(2).strip()
            fields[last] = m.group(3).strip()
        elif last and line.strip():
            fields[last] += " " + line.strip()
    return fields


def _dates(value: str) -> tuple[dt.date | None, dt.date | None]:
    """(earliest, latest) a matching event may have; "- D" is on or before D."""
    dates = [d for d in (_date(*m) for m in _DATE.findall(value)) if d is not None]
    if not dates:
        return None, None
    if value.strip().lstrip("?( ").startswith("-") and len(dates) == 1:
        return dates[0] - dt.timedelta(days=BEFORE_DAYS), dates[0]
    return min(dates), max(dates)


def fits(event: Incident, t: Template) -> bool:
    if not any(event.event_type in COMPATIBLE.get(kind, set()) for kind in t.types):
        return False
    if t.earliest is None or t.latest is None:
        return True
    if event.date is None:
        return False
    day = dt.timedelta(days=1)
    return t.earliest - day <= event.date <= t.latest + day


def _distance(event: Incident, t: Template) -> int:
    if event.date is None or t.earliest is None or t.latest is None:
        return 999
    if t.earliest <= event.date <= t.latest:
        return 0
    return min(abs((event.date - t.earliest).days), abs((event.date - t.latest).days))


def match(events: Sequence[Incident], templates: Sequence[Template]) -> list[tuple[int, int]]:
    candidates = sorted(
        (t.optional, _distance(e, t), i, j)
        for i, e in enumerate(events)
        for j, t in enumerate(templates)
        if fits(e, t)
    )
    return one_to_one(candidates)


def score(results: Sequence[tuple[Sequence[Incident], Sequence[Template]]]) -> dict[str, float]:
    required = hit = events = matched = 0
    claimed_t = claimed_hit = said_claimed = said_claimed_ok = 0
    for evs, temps in results:
        pairs = match(evs, temps)
        events += len(evs)
        matched += len(pairs)
        required += sum(not t.optional for t in temps)
        claimed_t += sum(t.claimed and not t.optional for t in temps)
        for i, j in pairs:
            t, e = temps[j], evs[i]
            says = e.responsibility.status == "claimed"
            hit += not t.optional
            claimed_hit += t.claimed and not t.optional and says
            said_claimed += says
            said_claimed_ok += says and t.claimed
    recall = hit / required if required else 0.0
    precision = matched / events if events else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "incident_recall": recall,
        "incident_precision": precision,
        "incident_f1": f1,
        "claim_recall": claimed_hit / claimed_t if claimed_t else 0.0,
        "claim_precision": said_claimed_ok / said_claimed if said_claimed else 0.0,
        "templates": float(required),
        "events": float(events),
    }


def run(gold: Path) -> Report:
    folder = gold / "muc4"
    articles = read_texts(folder / "tst3-muc4")
    key = read_key(folder / "key-tst3.v2")
    analyses = list(extract(articles))
    results = [(an.incidents, key.get(a.id, [])) for an, a in zip(analyses, articles, strict=True)]
    metrics = score(results)
    report = Report(
        suite="muc4",
        metrics=metrics,
        notes=[
            f"{len(articles)} texts, {int(metrics['templates'])} required templates; "
            "compatible event type, date within a day; one event per template",
            "texts are processed as given (upper case)",
        ],
    )
    return report
