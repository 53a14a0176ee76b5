"""The "bad input" corpus of CHECKS.md: 14 hostile files beside 2 good articles.

Small readable files are committed under `nasty/`; binary, huge and generated ones are
written here, so git holds no binary and no 54 MB file. `build(folder)` writes all 16 and
returns what each must give.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

NASTY = Path(__file__).resolve().parent / "nasty"
HUGE_BYTES = 54 * 1024 * 1024
LONG_LINE_CHARS = 5_000_000

# words of the long line: a long article of plain prose (no incident, so the pipeline
# spends its time on what every long article costs: tokens, entities, sentences)
# fmt: off
_WORDS = (
    "the", "council", "met", "again", "on", "a", "grey", "morning", "and", "talked",
    "about", "roads", "schools", "water", "budgets", "markets", "weather", "harvests",
    "bridges", "clinics", "buses", "teachers", "farmers", "prices",
)
# fmt: on


@dataclass(frozen=True)
class Expect:
    """What one file must give: `items` lines, the error codes among them (in order,
    None for an article)."""

    name: str
    items: tuple[str | None, ...]
    hostile: bool = True

    @property
    def errors(self) -> list[str]:
        return [code for code in self.items if code is not None]

    @property
    def articles(self) -> int:
        return sum(1 for code in self.items if code is None)


EXPECTED: tuple[Expect, ...] = (
    Expect("empty.txt", ("empty",)),
    Expect("binary.bin", ("not_text",)),
    Expect("nul-bytes.txt", ("not_text",)),
    Expect("latin1.txt", (None,)),
    Expect("broken-utf8.txt", (None,)),
    Expect("huge-54mb.txt", ("too_large",)),
    Expect("long-line.txt", (None,)),
    Expect("malformed.jsonl", (None, "malformed_record", "malformed_record", "malformed_record")),
    Expect("nested.jsonl", ("malformed_record", "malformed_record", None)),
    Expect("scripts.html", (None,)),
    Expect("broken-feed.xml", ("bad_feed",)),
    Expect("impossible-dates.jsonl", ("bad_date", "bad_date")),
    Expect("header-only.txt", ("empty",)),
    Expect("not-string-text.jsonl", ("not_text",)),
    Expect("good-article.txt", (None,), hostile=False),
    Expect("good-article.jsonl", (None,), hostile=False),
)
BY_NAME = {e.name: e for e in EXPECTED}

# words that only appear inside scripts, styles, navigation and other non-article parts
SCRIPT_MARKERS = (
    "SCRIPT-",
    "STYLE-",
    "NAV-",
    "SHARE-",
    "NOSCRIPT",
    "ASIDE-",
    "FOOTER-",
    "IMG-ALT",
    "SVG-",
    "IFRAME-",
    "TEMPLATE-",
    "HIDDEN-",
    "alert(",
    "document.",
    "<script",
    "var ",
)


def build(folder: Path, *, huge: bool = True) -> list[Expect]:
    """Write the corpus into `folder` (`huge=False` leaves out the 54 MB file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in NASTY.iterdir():
        shutil.copyfile(path, folder / path.name)
    rng = random.Random(20240314)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096))
    (folder / "nul-bytes.txt").write_bytes(
        b"date 2024-03-14\nShelling hit\x00 the port\x00\x00 of Kessa on Monday.\x00\n"
    )
    (folder / "latin1.txt").write_bytes(
        "date 2024-03-14\nLe café de la gare à Málaga a été touché: a señor said "
        "six people were hurt when a grenade exploded near the café on Monday.\n".encode("latin-1")
    )
    (folder / "broken-utf8.txt").write_bytes(
        "date 2024-03-14\nRebels — said the mayor — shelled the town on Monday,".encode()
        + b" killing \xff\xfe two people \xc3 and wounding \xe2\x80 five.\n"
    )
    (folder / "long-line.txt").write_text(_long_line(rng), encoding="utf-8")
    (folder / "nested.jsonl").write_text(_nested(), encoding="utf-8")
    if huge:
        _write_huge(folder / "huge-54mb.txt")
    return [e for e in EXPECTED if huge or e.name != "huge-54mb.txt"]


def _long_line(rng: random.Random) -> str:
    words: list[str] = []
    size = 0
    while size < LONG_LINE_CHARS:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:LONG_LINE_CHARS] + "\n"


def _nested() -> str:
    deep_array = "[" * 100_000 + "]" * 100_000
    deep_object = '{"a": ' * 50_000 + "1" + "}" * 50_000
    good = '{"text": "Soldiers clashed with rebels near the border on Monday.", "meta": [[1]]}'
    return f'{{"text": "hidden", "meta": {deep_array}}}\n{deep_object}\n{good}\n'


def _write_huge(path: Path) -> None:
    line = b"The committee discussed the budget for roads and schools once more. " * 15 + b"\n"
    with path.open("wb") as out:
        out.write(b"date 2024-03-14\n")
        written = 16
        while written < HUGE_BYTES:
            out.write(line)
            written += len(line)
