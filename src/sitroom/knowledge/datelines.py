"""The dateline opening a wire story ("MOGADISHU, Somalia —", "KABUL (AFP) --"): where
the reporter filed. Locating an incident ranks it last; merging reads what stands
before it as the story's title."""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:\u2014|\u2013|--|-)\s"
)
