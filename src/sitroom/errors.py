"""Error codes for rejected articles and failed runs, documented with the CLI.

Every handled failure carries one of these codes; `docs/errors.md` describes each and a
test keeps the two in step.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "empty": "the article has no text (or only whitespace, or only a header)",
    "not_text": "the input is binary or the text field is not a string",
    "bad_encoding": "the bytes are not valid text in any encoding we could detect",
    "too_large": "the article text is over the size limit (--max-bytes)",
    "malformed_record": "a JSON Lines record is not valid JSON or not an object",
    "bad_date": "the publication date cannot be parsed or is impossible",
    "bad_feed": "the file looks like a feed but cannot be parsed as RSS or Atom",
    "unsupported": "the input format is not one sitroom reads",
    "not_found": "the path does not exist or cannot be read",
    "internal": "sitroom failed on this article; please report it with the article",
}


class SitroomError(Exception):
    """A handled failure with a code from CODES and a one-line message."""

    code = "internal"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if self.code not in CODES:
            raise ValueError(f"unknown error code {self.code!r}")

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class InputError(SitroomError):
    """An article or file that cannot be read; the run goes on without it."""


class StoreError(SitroomError):
    """The store cannot be opened or written; the run stops, stored data stays intact."""

    code = "internal"


class UsageError(SitroomError):
    """A command-line argument is wrong."""

    code = "internal"
