"""Near-duplicate documents (syndicated copies, re-posts) by MinHash over word shingles and LSH."""

from __future__ import annotations

import functools
import inspect
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 3
# Syndicated copies (new headline, outlet furniture) measure Jaccard 0.8-0.9 on 3-word shingles and
# the 128-permutation estimate wobbles by about 0.03, so 0.8 would miss some; other stories on the
# same topic stay below 0.1.
DEFAULT_THRESHOLD = 0.75
_WORD = re.compile(r"\w+")
# Signatures are stored as little-endian uint64, whatever the machine.
_SIGNATURE_DTYPE = np.dtype("<u8")


@functools.cache
def _scheme() -> dict[str, Any]:
    """datasketch >= 2.0 names its permutation scheme and needs it to rebuild a MinHash from stored
    values; pinning it keeps stored signatures comparable across datasketch upgrades."""
    from datasketch import MinHash

    return (
        {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}
    )


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of `size` lower-cased words; a text shorter than that is one shingle."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of a text's word shingles (num_perm uint64 values)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm, **_scheme())
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def signature_to_bytes(signature: np.ndarray | Iterable[int]) -> bytes:
    return (
        np.asarray(list(signature) if not isinstance(signature, np.ndarray) else signature)
        .astype(_SIGNATURE_DTYPE)
        .tobytes()
    )


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=_SIGNATURE_DTYPE).astype(np.uint64)


def _minhash(signature: np.ndarray | Iterable[int]) -> MinHash:
    values = np.asarray(
        list(signature) if not isinstance(signature, np.ndarray) else signature, dtype=np.uint64
    )
    from datasketch import MinHash

    return MinHash(num_perm=len(values), hashvalues=values, **_scheme())


def estimated_similarity(
    first: np.ndarray | Iterable[int], second: np.ndarray | Iterable[int]
) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(_minhash(first).jaccard(_minhash(second)))


class NearDuplicateIndex:
    """Documents seen so far, by signature; `query` names the earliest one a new text nearly copies."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        # Imported here: datasketch takes about half a second to import, and readers never need it.
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._order

    def add(self, doc_id: str, signature: np.ndarray | Iterable[int]) -> None:
        """Remember a document; adding the same id again changes nothing."""
        if doc_id in self._order:
            return
        minhash = _minhash(signature)
        self._lsh.insert(doc_id, minhash)
        self._order[doc_id] = len(self._order)
        self._signatures[doc_id] = minhash

    def query(self, signature: np.ndarray | Iterable[int]) -> str | None:
        """The earliest-added document whose estimated similarity reaches the threshold, or None."""
        minhash = _minhash(signature)
        matches = [
            doc_id
            for doc_id in self._lsh.query(minhash)
            if self._signatures[doc_id].jaccard(minhash) >= self.threshold
        ]
        return min(matches, key=self._order.__getitem__) if matches else None

    def find_or_add(self, doc_id: str, signature: np.ndarray | Iterable[int]) -> str | None:
        """The earlier near-duplicate of a document (None if it is the first of its kind); then add it."""
        original = self.query(signature)
        if original == doc_id:
            return None
        self.add(doc_id, signature)
        return original
