"""Data files the stages need (gazetteer additions, actors, trigger lexicon) and
their loaders. Each data file says where its facts come from."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in this package."""
    return Path(str(resources.files("sitroom.knowledge").joinpath("data", name)))
