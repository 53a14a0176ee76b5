"""Store commands: `ingest`, `events`, `show`, `export`, `rejects`, `split`, `merge`.

Each is a thin client of `sitroom.ingest`, `sitroom.store` and `sitroom.export`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sitroom import config as config_mod
from sitroom.cli import add_db_option
from sitroom.errors import UsageError
from sitroom.model import EVENT_TYPES, SUB_EVENT_TYPES
from sitroom.store import EventQuery, Store, open_store
from sitroom.store.base import CanonicalEvent, EventDetail, ReportDetail

Sub = argparse._SubParsersAction


def register(sub: Sub) -> None:
    _register_ingest(sub)
    _register_events(sub)
    _register_show(sub)
    _register_export(sub)
    p = sub.add_parser("rejects", help="list articles that could not be stored, with why")
    add_db_option(p)
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(handler=run_rejects)
    p = sub.add_parser("split", help="split reports off an event into a new event")
    add_db_option(p)
    p.add_argument("event_id", metavar="EVENT_ID")
    p.add_argument("report_ids", nargs="+", metavar="REPORT_ID", help="reports to move out")
    p.set_defaults(handler=run_split)
    p = sub.add_parser("merge", help="merge two events (the older id survives)")
    add_db_option(p)
    p.add_argument("event_ids", nargs=2, metavar="EVENT_ID")
    p.set_defaults(handler=run_merge)


def _register_ingest(sub: Sub) -> None:
    from sitroom.cli.extract import parse_date_arg

    p = sub.add_parser(
        "ingest",
        help="extract articles and store them (skips articles already stored)",
        description="Extract incidents from articles and store them, one transaction per "
        "article. Prints a summary; rejected articles are listed by `sitroom rejects`.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    add_db_option(p)
    p.add_argument("--published", type=parse_date_arg, help="date of header-less text")
    p.add_argument("--max-bytes", type=int, default=None, help="size limit per article")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )
    p.set_defaults(handler=run_ingest)


def _add_filters(p: argparse.ArgumentParser) -> None:
    from sitroom.cli.extract import parse_date_arg

    p.add_argument("--since", type=parse_date_arg, help="events on or after YYYY-MM-DD")
    p.add_argument("--until", type=parse_date_arg, help="events on or before YYYY-MM-DD")
    p.add_argument("--country", help="ISO alpha-3 or alpha-2 code, or English name")
    p.add_argument("--type", dest="event_type", help="ACLED event type or sub-event type")
    p.add_argument("--actor", help="words in an actor's name or mention")
    p.add_argument("--near", type=_parse_near, metavar="LAT,LON,KM", help="within KM of a point")
    p.add_argument("--status", choices=["new", "background"])
    p.add_argument("--text", help="words in the evidence, notes or place names")
    p.add_argument("--limit", type=int, default=None, help="at most this many events")


def _register_events(sub: Sub) -> None:
    p = sub.add_parser("events", help="list stored canonical events")
    add_db_option(p)
    p.add_argument("--format", choices=["table", "jsonl", "json"], default="table")
    _add_filters(p)
    p.set_defaults(handler=run_events)


def _register_show(sub: Sub) -> None:
    p = sub.add_parser("show", help="one event with every field and its evidence")
    add_db_option(p)
    p.add_argument("id", metavar="ID", help="an event id, an alias or a report id")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run_show)


def _register_export(sub: Sub) -> None:
    from sitroom.export import FORMATS

    p = sub.add_parser("export", help="write events as ACLED-style CSV, JSONL, GeoJSON, Parquet")
    add_db_option(p)
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    _add_filters(p)
    p.set_defaults(handler=run_export)


# -- arguments -----------------------------------------------------------------------
def _parse_near(value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected LAT,LON,KM, got {value!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise argparse.ArgumentTypeError(f"out of range: {value!r}")
    return lat, lon, km


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    known = {t.casefold(): t for t in [*EVENT_TYPES, *SUB_EVENT_TYPES]}
    if value.casefold() not in known:
        raise UsageError(f"unknown --type {value!r}: use an ACLED event or sub-event type")
    return known[value.casefold()]


def _query(args: argparse.Namespace) -> EventQuery:
    from sitroom.export import country_code

    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must not be negative")
    return EventQuery(
        since=args.since,
        until=args.until,
        country=country_code(args.country) if args.country else None,
        event_type=_event_type(args.event_type),
        actor=args.actor,
        near=args.near,
        status=args.status,
        text=args.text,
        limit=args.limit,
    )


def _open(args: argparse.Namespace, create: bool = False) -> Store:
    return open_store(args.db, create=create)


# -- commands ------------------------------------------------------------------------
def run_ingest(args: argparse.Namespace) -> int:
    from sitroom.ingest import ingest

    cfg = config_mod.load()
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    with _open(args, create=True) as store:
        summary = ingest(
            store,
            args.paths,
            config=cfg,
            published=args.published,
            max_bytes=args.max_bytes,
            progress=args.progress,
        )
    print("\n".join(summary.lines()))
    return 0


def run_events(args: argparse.Namespace) -> int:
    query = _query(args)
    with _open(args) as store:
        events = store.iter_events(query) if query.limit is None else store.events(query)
        if args.format == "jsonl":
            from sitroom.export import write_jsonl

            write_jsonl(events, sys.stdout)
        elif args.format == "json":
            json.dump([e.to_dict() for e in events], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            _print_table(events, sys.stdout)
    return 0


def run_show(args: argparse.Namespace) -> int:
    with _open(args) as store:
        detail = store.event_detail(args.id)
    if detail is None:
        raise UsageError(f"no event, alias or report with id {args.id!r}")
    if args.format == "json":
        print(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_detail(detail, sys.stdout, bold=sys.stdout.isatty())
    return 0


def run_export(args: argparse.Namespace) -> int:
    from sitroom import export

    writers = {
        "csv": export.write_csv,
        "jsonl": export.write_jsonl,
        "geojson": export.write_geojson,
    }
    with _open(args) as store:
        events = store.iter_events(_query(args))
        if args.format == "parquet":
            if args.output is None and sys.stdout.isatty():
                raise UsageError("Parquet is binary: give -o FILE or redirect the output")
            if args.output is None:
                export.write_parquet(events, sys.stdout.buffer)
            else:
                with _create(args.output, "wb") as fh:
                    export.write_parquet(events, fh)
            return 0
        if args.output is None:
            writers[args.format](events, sys.stdout)
        else:
            with _create(args.output, "w") as fh:
                writers[args.format](events, fh)
    return 0


def _create(path: Path, mode: str) -> Any:
    try:
        if "b" in mode:
            return path.open(mode)
        return path.open(mode, encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def run_rejects(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rejects = store.rejects()
    if args.format == "jsonl":
        for r in rejects:
            print(json.dumps(r.to_dict(), ensure_ascii=False))
        return 0
    rows = [(r.code, r.origin or "", r.article_id, r.message) for r in rejects]
    _print_rows(("CODE", "ORIGIN", "ARTICLE", "REASON"), rows, sys.stdout, (16, 40, 20, 60))
    return 0


def run_split(args: argparse.Namespace) -> int:
    with _open(args) as store:
        new_id = store.split_event(args.event_id, args.report_ids)
    print(f"split {len(args.report_ids)} report(s) off {args.event_id} into {new_id}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    a, b = args.event_ids
    with _open(args) as store:
        survivor = store.merge_events(a, b)
    other = b if survivor == a else a
    print(f"merged {other} into {survivor} ({other} remains an alias of it)")
    return 0


# -- rendering -----------------------------------------------------------------------
def _print_table(events: Iterable[CanonicalEvent], out: TextIO) -> None:
    rows = []
    for e in events:
        ev = e.event
        loc = ev.get("location") or {}
        place = ", ".join(x for x in (loc.get("name"), loc.get("country")) if x)
        actors = " → ".join((ev.get(k) or {}).get("name") or "?" for k in ("actor1", "actor2"))
        rows.append(
            (
                e.id,
                ev.get("date") or "",
                ev.get("status") or "",
                ev["sub_event_type"],
                place,
                actors,
                _num(ev.get("fatalities")),
                _num(ev.get("injured")),
                str(len(e.reports)),
            )
        )
    headers = ("ID", "DATE", "STATUS", "TYPE", "PLACE", "ACTORS", "KILLED", "INJURED", "REPORTS")
    _print_rows(headers, rows, out, (20, 10, 10, 30, 28, 40, 6, 7, 7))


def _print_rows(
    headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, caps: Sequence[int]
) -> None:
    widths = [
        min(cap, max([len(h)] + [len(r[i]) for r in rows]))
        for i, (h, cap) in enumerate(zip(headers, caps, strict=True))
    ]
    for row in [headers, *rows]:
        cells = [_fit(c, w) for c, w in zip(row, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


def _fit(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def _num(value: Any) -> str:
    return "" if value is None else str(value)


def _print_detail(d: EventDetail, out: TextIO, bold: bool) -> None:
    e, ev = d.event, d.event.event
    header = f"Event {e.id}"
    if d.asked_id and d.asked_id != e.id:
        header += f" (asked for {d.asked_id})"
    out.write(header + "\n")
    if e.aliases:
        out.write(f"  aliases: {', '.join(e.aliases)}\n")
    for key, value in ev.items():
        if key in ("id", "evidence", "explanation"):
            continue
        out.write(f"  {key + ':':16}{_value(value)}\n")
    out.write(f"  {'killed range:':16}{_num(e.fatalities_low)}–{_num(e.fatalities_high)}\n")
    for key, why in (ev.get("explanation") or {}).items():
        out.write(f"  why {key}: {why}\n")
    out.write(f"\nReports ({len(d.reports)}):\n")
    for r in d.reports:
        _print_report(r, out, bold)
    if d.decisions:
        out.write("\nMerge decisions:\n")
        for dec in d.decisions:
            target = f"{dec.report_id or dec.other_id} → {dec.event_id}"
            score = f" score {dec.score:.2f}" if dec.score is not None else ""
            out.write(
                f"  {dec.created_at} {dec.decided_by} {dec.action} {target}{score}: "
                f"{dec.explanation}\n"
            )


def _print_report(r: ReportDetail, out: TextIO, bold: bool) -> None:
    a, ev = r.article, r.event
    when = a.published.isoformat() if a.published else "undated"
    title = f' "{a.title}"' if a.title else ""
    out.write(f"  [{r.report_id}] article {a.id}, {a.source or 'unknown source'}, {when}{title}\n")
    out.write(
        f"    killed {_num(ev.get('fatalities')) or '?'}, injured "
        f"{_num(ev.get('injured')) or '?'}, {ev.get('status')}, {ev.get('date')}\n"
    )
    contexts: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for span in r.evidence:
        contexts.setdefault((span.context_start, span.context_end), []).append(
            (span.start, span.end)
        )
    for (c_start, c_end), spans in contexts.items():
        text = a.text[c_start:c_end]
        out.write("    " + highlight(text, [(s - c_start, e - c_start) for s, e in spans], bold))
        out.write("\n")


def highlight(text: str, spans: Sequence[tuple[int, int]], bold: bool) -> str:
    """Mark `spans` of `text`: ANSI bold on a terminal, [[...]] otherwise."""
    opening, closing = ("\033[1m", "\033[0m") if bold else ("[[", "]]")
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out += [text[pos:start], opening, text[start:end], closing]
        pos = end
    out.append(text[pos:])
    return "".join(out).replace("\n", " ")


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None) or "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)
