"""Near-duplicate articles: one wire story syndicated under several mastheads.

Three outlets printing the same AFP text (with a new headline, a trimmed paragraph, a
local byline) are one report, not three independent confirmations. A MinHash signature
over word shingles estimates the Jaccard overlap of two texts cheaply; with the shingle
counts that gives their containment (the share of the shorter text found in the
longer), which stays high when a copy is trimmed or extended. `ArticleIndex`
(locality-sensitive hashing) finds the earlier copies of a new article without comparing
it against every stored one. Signatures are plain integers, so the store can keep them
(`Signature.to_bytes` / `from_bytes`).
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # datasketch pulls in scipy: import it only when signatures are made
    from datasketch import MinHash

from sitroom.merge.records import fold

NUM_PERM = 128
SCHEME = "affine32"  # pinned: stored signatures stay comparable across upgrades
SHINGLE_WORDS = 3
NEAR_DUPLICATE_CONTAINMENT = 0.7  # a syndicated copy with edits stays well above this
MIN_SHINGLES = 12  # shorter texts (a headline, a caption) are too short to call copies
LSH_JACCARD = 0.4  # generous first pass; containment decides
BAND_ROWS = 3  # MinHash values per stored band key (see `band_keys`)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    """MinHash values of an article's word shingles."""

    values: tuple[int, ...]
    size: int = 0  # distinct shingles in the text

    def jaccard(self, other: Signature) -> float:
        """Estimated share of shingles the two texts have in common."""
        if not self.values or len(self.values) != len(other.values):
            return 0.0
        same = sum(1 for x, y in zip(self.values, other.values, strict=True) if x == y)
        return same / len(self.values)

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller text's shingles that the other one holds."""
        j = self.jaccard(other)
        small = min(self.size, other.size)
        if small == 0:
            return 0.0
        shared = j * (self.size + other.size) / (1.0 + j)
        return min(1.0, shared / small)

    def to_bytes(self) -> bytes:
        return struct.pack(f"<Q{len(self.values)}Q", self.size, *self.values)

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        size, *values = struct.unpack(f"<{len(data) // 8}Q", data)
        return cls(tuple(values), size)

    def _minhash(self) -> MinHash:
        from datasketch import MinHash

        return MinHash(num_perm=len(self.values), hashvalues=list(self.values), scheme=SCHEME)


def signature(text: str) -> Signature:
    """The MinHash signature of `text` (case, accents and punctuation ignored)."""
    words = _WORD.findall(fold(text))
    if not words:
        return Signature(())
    size = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return Signature(tuple(int(v) for v in minhash.hashvalues), len(shingles))


def near_duplicate(
    a: Signature, b: Signature, threshold: float = NEAR_DUPLICATE_CONTAINMENT
) -> bool:
    """True when `a` and `b` are copies of one article (small edits, trims allowed)."""
    if min(a.size, b.size) < MIN_SHINGLES:
        return a.size > 0 and a.values == b.values and a.size == b.size
    return a.containment(b) >= threshold


def band_keys(sig: Signature, rows: int = BAND_ROWS) -> list[str]:
    """LSH band keys of a signature, for an indexed table of stored articles: two
    articles share a key when one whole band of `rows` MinHash values agrees. With 42
    bands of 3 values a pair at Jaccard 0.4 shares a key with probability ~0.94, one at
    0.05 with ~0.005, so a lookup by keys finds copies without scanning. Deterministic
    (no process-salted hashing), so keys stay comparable across runs and upgrades."""
    if len(sig.values) != NUM_PERM:
        return []
    keys = []
    for band in range(NUM_PERM // rows):
        chunk = sig.values[band * rows : (band + 1) * rows]
        digest = hashlib.blake2b(struct.pack(f"<{rows}Q", *chunk), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """Permutations are the costly part of a MinHash; build them once."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


class ArticleIndex:
    """An LSH index of article signatures: which stored articles is a new one a copy of?"""

    def __init__(self, threshold: float = NEAR_DUPLICATE_CONTAINMENT) -> None:
        self.threshold = threshold
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=LSH_JACCARD, num_perm=NUM_PERM)
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
        copies = [k for k in found if near_duplicate(self._signatures[k], sig, self.threshold)]
        return sorted(copies, key=lambda k: (-self._signatures[k].jaccard(sig), k))
