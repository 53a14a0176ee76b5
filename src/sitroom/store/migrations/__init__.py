"""Versioned schema: `NNNN_name.sql` files applied in order, each recorded in the
database's `schema_migrations` table so a store knows which version it is at.

SQLite's scripts sit in this folder, each other dialect's in a subfolder of its name
(`postgres/`); both are numbered and checked the same way."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitroom.errors import StoreError

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The script split into complete statements (so it can run in our transaction:
        `executescript` would commit first)."""
        out: list[str] = []
        current = ""
        for line in self.sql.splitlines(keepends=True):
            if not current and (not line.strip() or line.lstrip().startswith("--")):
                continue
            current += line
            if sqlite3.complete_statement(current):
                out.append(current.strip())
                current = ""
        if current.strip():
            raise ValueError(f"migration {self.version} ends in an incomplete statement")
        return out


DIALECTS = ("sqlite", "postgres")


@lru_cache(maxsize=len(DIALECTS))
def all_migrations(dialect: str = "sqlite") -> tuple[Migration, ...]:
    if dialect not in DIALECTS:
        raise ValueError(f"no migrations for dialect {dialect!r}")
    folder = resources.files(__package__)
    if dialect != "sqlite":
        folder = folder.joinpath(dialect)
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return tuple(found)


def latest_version(dialect: str = "sqlite") -> int:
    return all_migrations(dialect)[-1].version


def pending(current: int, dialect: str = "sqlite", *, where: str = "the store") -> list[Migration]:
    """The migrations a store at schema `current` still needs, in order. A store newer
    than this sitroom is refused rather than half understood."""
    latest = latest_version(dialect)
    if current > latest:
        raise StoreError(
            f"{where} has schema version {current}, newer than this sitroom ({latest}); "
            "upgrade sitroom"
        )
    return [mig for mig in all_migrations(dialect) if mig.version > current]
