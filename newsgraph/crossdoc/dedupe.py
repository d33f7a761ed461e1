"""Exact and near-duplicate articles (wire copies, the same story with small edits).

Exact copies share a doc_id (the content hash of the cleaned text) and never reach
here. Near copies are found with MinHash over word shingles and banded LSH: documents
that share a band are candidates, and a candidate whose estimated Jaccard similarity is
at least NEAR_DUPLICATE_JACCARD is a near duplicate.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

SHINGLE_WORDS = 5  # word 5-grams: one edited word changes at most 5 shingles
NUM_PERM = 128
# 32 bands x 4 rows: a pair at 0.7 Jaccard shares a band with probability > 0.99;
# candidates are then checked on the whole signature.
BANDS = 32
ROWS = NUM_PERM // BANDS
# On the first 1,500 articles of corpus/allsides_ir, the pairs at 0.76-0.78 were one
# wire story run by two outlets with a rewritten lede (Newsmax/Fox News), which 0.8
# missed; different reports of one event share far less (they quote a sentence or two).
NEAR_DUPLICATE_JACCARD = 0.7
# Below this many shingles (a ~30-word text) boilerplate alone makes texts look alike.
MIN_SHINGLES = 25

_WORD = re.compile(r"\w+")


@cache
def _permutations() -> tuple[Any, Any, Any]:
    """(modulus, a, b) of the hash permutations; numpy loads on the first signature."""
    import numpy as np

    rng = np.random.default_rng(20240704)  # fixed seed: signatures must be stable across runs
    return (np.uint64((1 << 61) - 1), rng.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64),
            rng.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint64))


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS])
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def minhash(text: str) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint64 values) of `text`, or None when the text is
    too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    import numpy as np

    mersenne, a, b = _permutations()
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
         for g in grams), dtype=np.uint64, count=len(grams))
    # a < 2**31 and h < 2**32, so a*h + b < 2**64: no overflow before the modulus
    values = (np.outer(hashes, a) + b) % mersenne
    return values.min(axis=0)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    return float(np.count_nonzero(a == b)) / len(a)


def lsh_bands(signature: np.ndarray) -> list[str]:
    """One hash per band; documents sharing any band hash are near-duplicate candidates."""
    return [hashlib.blake2b(signature[i * ROWS:(i + 1) * ROWS].tobytes(),
                            digest_size=8).hexdigest() for i in range(BANDS)]


def to_blob(signature: np.ndarray) -> bytes:
    return signature.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    import numpy as np

    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def is_near_duplicate(a: str, b: str) -> bool:
    sa, sb = minhash(a), minhash(b)
    if sa is None or sb is None:
        return False
    return jaccard_estimate(sa, sb) >= NEAR_DUPLICATE_JACCARD
