"""Where inputs come from: paths, folders (walked in sorted order) and standard input.

A folder walk skips hidden entries (names starting with ".") and never follows links
to folders (no loops). Paths in `exclude` (the store's database, which may live inside
the folder being ingested) are never opened, nor their `-wal`, `-shm` and `-journal`
companions.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sitroom.errors import InputError
from sitroom.read.common import clean_str

_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or "-" for standard input."""

    origin: str
    path: Path | None = None  # None: standard input

    def __post_init__(self) -> None:
        # a file name that is not valid UTF-8 carries surrogates: never let them reach
        # messages or the store (they cannot be written as UTF-8)
        object.__setattr__(self, "origin", clean_str(self.origin))


@dataclass(frozen=True)
class Unreadable:
    """An input that cannot even be opened, and why."""

    origin: str
    error: InputError

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", clean_str(self.origin))


def iter_sources(
    sources: list[str], exclude: Collection[Path] = ()
) -> Iterator[Source | Unreadable]:
    excluded = excluded_paths(exclude)
    for source in sources or ["-"]:
        if source == "-":
            yield Source("-")
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path, excluded)
        elif _resolved(path) in excluded:
            error = InputError("the store's own database is never read as input", "unsupported")
            yield Unreadable(source, error)
        elif os.path.lexists(path):
            yield Source(source, path)
        else:
            yield Unreadable(source, InputError("no such file or folder", "not_found"))


def excluded_paths(exclude: Collection[Path]) -> frozenset[Path]:
    out: set[Path] = set()
    for path in exclude:
        base = _resolved(Path(path))
        out.update(base.with_name(base.name + suffix) for suffix in _COMPANIONS)
    return frozenset(out)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _walk(root: Path, excluded: frozenset[Path]) -> Iterator[Source | Unreadable]:
    """Files under `root` in sorted path order, without recursion."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    entries = _entries(root)
    if isinstance(entries, Unreadable):
        yield entries
        return
    stack.append(entries)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                sub = _entries(Path(entry.path))
                if isinstance(sub, Unreadable):
                    yield sub
                else:
                    stack.append(sub)
                continue
            if not entry.is_file() or _resolved(Path(entry.path)) in excluded:
                continue
        except OSError as exc:
            yield Unreadable(entry.path, InputError(f"cannot read: {exc.strerror}", "not_found"))
            continue
        yield Source(entry.path, Path(entry.path))


def _entries(folder: Path) -> Iterator[os.DirEntry[str]] | Unreadable:
    try:
        with os.scandir(folder) as it:
            return iter(sorted(it, key=lambda e: e.name))
    except OSError as exc:
        return Unreadable(str(folder), InputError(f"cannot read: {exc.strerror}", "not_found"))


def open_source(source: Source) -> tuple[BinaryIO, int | None]:
    """An open binary stream and its size when known (regular files only)."""
    if source.path is None:
        stdin = sys.stdin
        if stdin is None:
            raise InputError("standard input is closed", "not_found")
        return stdin.buffer, None
    stream = open(source.path, "rb")  # noqa: SIM115 - closed by the caller
    try:
        info = os.fstat(stream.fileno())
    except OSError:
        return stream, None
    return stream, info.st_size if stat.S_ISREG(info.st_mode) else None
