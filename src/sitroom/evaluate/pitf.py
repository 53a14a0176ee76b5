"""PITF Worldwide Atrocities (2013-2015): wire leads scored on their main incident.

Each usable row's `Description` (a one-paragraph wire lead) goes through the whole
pipeline with its publication date (the date inside the first Factiva citation id; none
when the row cites no story). The first event is scored against the coded record:

- killed / injured: exact where the coded number is stated in the text (a number the
  text writes, or a single victim); a null answer counts as right where the coding is 0;
- perpetrator: actor1's name or mention shares a content word with the coded
  perpetrator (an "unknown gunmen" coding also matches an unidentified armed group);
- place: the event's coordinates within 50 km of the coded point (DMS);
- date: the event's date equals the coded start date (rows with a publication date).

The file's header names for the source columns are swapped relative to the data, so
every column is read by position. Rows whose description is only "Daily death total
reported in <URL>" carry no story and are skipped. By default every third usable row
is scored (deterministic); `SITROOM_PITF_ALL=1` scores them all.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitroom.evaluate import Report, analyse
from sitroom.knowledge.numbers import find_numbers
from sitroom.model import Actor, Analysis, Article, Incident

# column positions (0-based) in the data rows
START_DAY, START_MONTH, START_YEAR = 3, 4, 5
LAT = (13, 14, 15, 16)
LON = (17, 18, 19, 20)
PERPETRATOR = range(24, 33)  # state military ... unknown/other
DEATHS, INJURED = 41, 43
DESCRIPTION = 62
FIRST_DATA_ROW = 4
SAMPLE_EVERY = 3
KM = 50.0
_NO_STORY = re.compile(r"^\s*Daily death total reported in", re.IGNORECASE)
# a Factiva accession number: source code (2-8 letters: "AFPR", "NYTFEED"), zero padding,
# the publication day, "e" and a base-36 tail
_CITATION_DATE = re.compile(r"\b[A-Z]{2,8}0*(20\d{6})e[0-9a-z]{2}")
_UNKNOWN = re.compile(r"\b(?:unknown|unidentified|unclear|suspected|alleged|allegedly)\b", re.I)
_STOP = {"the", "and", "of", "a", "an", "in", "other", "group", "forces", "members", "men"}


@dataclass(frozen=True)
class Row:
    """One coded PITF event with the text sitroom reads."""

    text: str
    published: dt.date | None
    date: dt.date | None
    lat: float | None
    lon: float | None
    perpetrator: str
    deaths: int | None
    injured: int | None


def run(gold: Path, every: int | None = None) -> Report:

    rows = load(gold / "pitf-atrocities")
    step = 1 if os.environ.get("SITROOM_PITF_ALL") else (every or SAMPLE_EVERY)
    sample = rows[::step]
    results = analyse(Article(text=r.text, published=r.published) for r in sample)
    return score(sample, results, len(rows))


def score(rows: list[Row], results: list[Analysis], usable: int) -> Report:
    """Metrics over scored rows (each metric counts only the rows it applies to)."""
    tally: dict[str, list[bool]] = {
        k: [] for k in ("killed", "injured", "perpetrator", "place", "date")
    }
    for row, item in zip(rows, results, strict=True):
        main = item.incidents[0] if item.incidents and item.error is None else None
        for name, verdict in judge(row, main).items():
            if name == "date" and row.published is None:
                continue  # the wire-leads check gives every lead its publication date
            if verdict is not None:
                tally[name].append(verdict)
    metrics = {k: (sum(v) / len(v) if v else 0.0) for k, v in tally.items()}
    metrics["rows"] = float(len(rows))
    metrics["with_event"] = sum(1 for r in results if r.incidents) / max(1, len(results))
    report = Report("pitf", metrics)
    report.header = ["metric", "sitroom", "scored rows"]
    report.rows = [[k, metrics[k], len(tally[k])] for k in tally]
    report.rows.append(["with an event", metrics["with_event"], len(results)])
    report.notes.append(
        f"{len(rows)} of {usable} usable rows scored (SITROOM_PITF_ALL=1 scores them all)"
    )
    return report


def judge(row: Row, main: Incident | None) -> dict[str, bool | None]:
    """Per-metric verdict for one row: True/False, or None when the metric does not apply."""
    return {
        "killed": _toll(row.deaths, main.fatalities if main else None, row.text),
        "injured": _toll(row.injured, main.injured if main else None, row.text),
        "perpetrator": _perpetrator(row.perpetrator, main),
        "place": _place(row, main),
        "date": None if row.date is None else bool(main and main.date == row.date),
    }


def _toll(coded: int | None, got: int | None, text: str) -> bool | None:
    if coded is None:
        return None
    if coded == 0:
        return got in (0, None)
    stated = {n.as_int for n in find_numbers(text)}
    if coded != 1 and coded not in stated:
        return None  # the lead does not state the coded figure
    return got == coded


def _perpetrator(coded: str, main: Incident | None) -> bool | None:
    words = _content_words(coded)
    if not words and not _UNKNOWN.search(coded):
        return None
    if not words and re.fullmatch(r"(?i)\s*unknown\s*", coded):
        return None  # "Unknown": nothing to match
    from sitroom.stages.actors import force_user  # protests: the force, not the crowd

    actor = force_user(main) if main else None
    return actor is not None and actor_matches(coded, actor)


def actor_matches(coded: str, actor: Actor) -> bool:
    """A coded actor text and an extracted actor name the same party: they share a
    content word ("Fulani herdsmen" / "Fulani Ethnic Militia"), are one dictionary
    entry, or an unknown perpetrator meets an unidentified armed group."""
    said = f"{actor.name} {actor.mention}".lower()
    if _UNKNOWN.search(coded) and actor.name.startswith("Unidentified Armed Group"):
        return True
    if any(w in said for w in _content_words(coded)):
        return True
    return _same_entry(coded, actor.name)


def _same_entry(coded: str, name: str) -> bool:
    """The coded group and actor1 are one dictionary entry under two spellings
    ("ISIS" and "Islamic State", "Al Shebab" and "al-Shabaab")."""
    from sitroom.knowledge.actors import lexicon

    return any(m.entry is not None and m.entry.name == name for m in lexicon().find(coded))


def _content_words(text: str) -> list[str]:
    text = _UNKNOWN.sub(" ", re.sub(r"[`'\"?]+", " ", text.lower()))
    words = re.findall(r"[a-z][a-z'-]{2,}", text)
    out = []
    for w in words:
        if w in _STOP:
            continue
        out.append(w[:-1] if w.endswith("s") and len(w) > 4 else w)  # "militias" ~ "militia"
    return out


def _place(row: Row, main: Incident | None) -> bool | None:
    if row.lat is None or row.lon is None:
        return None
    loc = main.location if main else None
    if loc is None or loc.lat is None or loc.lon is None:
        return False
    return haversine(row.lat, row.lon, loc.lat, loc.lon) <= KM


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def load(folder: Path) -> list[Row]:
    """Usable rows of every TSV in the folder, in file order."""
    out: list[Row] = []
    for path in sorted(folder.glob("*.tsv")):
        out.extend(_rows(path))
    return out


def _rows(path: Path) -> Iterator[Row]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        records = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for cells in records[FIRST_DATA_ROW:]:
        if len(cells) <= DESCRIPTION + 1 or not cells[START_YEAR].strip().isdigit():
            continue  # a continuation line or a row whose columns are shifted
        text = _clean(cells[DESCRIPTION])
        if not text or _NO_STORY.match(text):
            continue
        yield Row(
            text=text,
            published=_published(cells),
            date=_date(cells[START_YEAR], cells[START_MONTH], cells[START_DAY]),
            lat=_dms(*(cells[i] for i in LAT)),
            lon=_dms(*(cells[i] for i in LON)),
            perpetrator="; ".join(_clean(cells[i]) for i in PERPETRATOR if _clean(cells[i])),
            deaths=_int(cells[DEATHS]),
            injured=_int(cells[INJURED]),
        )


def _clean(cell: str) -> str:
    """Undo the export's quoting artefacts (`\\"...\\"`, doubled quotes)."""
    text = cell.replace('\\"', '"').replace('""', '"').replace("\\", "")
    text = text.strip().strip('"').strip()
    return re.sub(r"\s+", " ", text)


def _published(cells: list[str]) -> dt.date | None:
    """The publication day of the first cited story; None when the row cites none (the
    coded event date must not stand in for it: it is the answer the date metric checks)."""
    for cell in cells[DESCRIPTION + 1 :]:
        m = _CITATION_DATE.search(cell)
        if m:
            try:
                return dt.datetime.strptime(m.group(1), "%Y%m%d").date()
            except ValueError:
                continue
    return None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _dms(deg: str, minutes: str, seconds: str, direction: str) -> float | None:
    try:
        value = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    except ValueError:
        return None
    return -value if direction.strip().upper() in ("S", "W") else value


def _int(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell.isdigit() else None
