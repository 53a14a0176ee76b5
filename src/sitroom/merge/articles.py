"""Near-duplicate articles: one wire story syndicated under several mastheads.

Three outlets printing the same AFP text (with a new headline, a trimmed paragraph, a
local byline) are one report, not three independent confirmations. A MinHash signature
over word shingles estimates the Jaccard overlap of two texts cheaply; `ArticleIndex`
(locality-sensitive hashing) finds the earlier copies of a new article without comparing
it against every stored one. Signatures are plain integers, so the store can keep them
(`Signature.to_bytes` / `from_bytes`).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from datasketch import MinHash, MinHashLSH

from sitroom.merge.records import fold

NUM_PERM = 128
SCHEME = "affine32"  # pinned: stored signatures stay comparable across upgrades
SHINGLE_WORDS = 4
NEAR_DUPLICATE_JACCARD = 0.7  # a syndicated copy with edits stays well above this
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    """MinHash values of an article's word shingles."""

    values: tuple[int, ...]

    def jaccard(self, other: Signature) -> float:
        """Estimated share of shingles the two texts have in common."""
        if not self.values or len(self.values) != len(other.values):
            return 0.0
        same = sum(1 for x, y in zip(self.values, other.values, strict=True) if x == y)
        return same / len(self.values)

    def to_bytes(self) -> bytes:
        return struct.pack(f"<{len(self.values)}Q", *self.values)

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(struct.unpack(f"<{len(data) // 8}Q", data))

    def _minhash(self) -> MinHash:
        return MinHash(num_perm=len(self.values), hashvalues=list(self.values), scheme=SCHEME)


def signature(text: str) -> Signature:
    """The MinHash signature of `text` (case, accents and punctuation ignored)."""
    words = _WORD.findall(fold(text))
    if not words:
        return Signature(())
    size = min(SHINGLE_WORDS, len(words))
    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME)
    for i in range(len(words) - size + 1):
        minhash.update(" ".join(words[i : i + size]).encode("utf-8"))
    return Signature(tuple(int(v) for v in minhash.hashvalues))


def near_duplicate(a: Signature, b: Signature, threshold: float = NEAR_DUPLICATE_JACCARD) -> bool:
    """True when `a` and `b` are copies of one article (small edits allowed)."""
    return a.jaccard(b) >= threshold


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """Permutations are the costly part of a MinHash; build them once."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


class ArticleIndex:
    """An LSH index of article signatures: which stored articles is a new one a copy of?"""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, Signature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, sig: Signature) -> None:
        """File an article; adding an id twice keeps the first signature."""
        if article_id in self._signatures or len(sig.values) != NUM_PERM:
            return
        self._signatures[article_id] = sig
        self._lsh.insert(article_id, sig._minhash())

    def duplicates_of(self, sig: Signature) -> list[str]:
        """Ids of filed articles that `sig` nearly duplicates, most similar first."""
        if len(sig.values) != NUM_PERM:
            return []
        found = [k for k in self._lsh.query(sig._minhash()) if isinstance(k, str)]
        scored = [(self._signatures[k].jaccard(sig), k) for k in found]
        return [
            k for score, k in sorted(scored, key=lambda t: (-t[0], t[1])) if score >= self.threshold
        ]
