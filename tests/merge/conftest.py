"""Merge test setup. The folder is put on sys.path so tests can import
`merge_helpers` under pytest's importlib import mode too."""

from __future__ import annotations

import sys
from pathlib import Path

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
