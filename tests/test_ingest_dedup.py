"""Near-duplicates: a syndicated copy is found, another story on the same topic is not."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from armswatch.ingest import NearDuplicateIndex, minhash_signature, read_one
from armswatch.ingest.dedup import NUM_PERM, signature_from_bytes, signature_to_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def signature_of(name: str) -> np.ndarray:
    return minhash_signature(read_one(str(FIXTURES / name)).text)


def test_syndicated_copy_is_a_near_duplicate_and_a_different_story_is_not() -> None:
    index = NearDuplicateIndex()
    index.add("original", signature_of("original_wire.txt"))
    assert index.query(signature_of("syndicated_copy.txt")) == "original"
    assert index.query(signature_of("different_story_same_topic.txt")) is None


def test_the_earliest_added_match_is_returned() -> None:
    index = NearDuplicateIndex()
    original = signature_of("original_wire.txt")
    copy = signature_of("syndicated_copy.txt")
    index.add("first", original)
    index.add("second", copy)
    index.add("first", copy)  # adding an id again changes nothing
    assert index.query(copy) == "first"
    assert len(index) == 2


def test_find_or_add_marks_later_copies_only() -> None:
    index = NearDuplicateIndex()
    assert index.find_or_add("wire", signature_of("original_wire.txt")) is None
    assert index.find_or_add("copy", signature_of("syndicated_copy.txt")) == "wire"
    assert index.find_or_add("other", signature_of("different_story_same_topic.txt")) is None
    assert index.find_or_add("wire", signature_of("original_wire.txt")) is None


def test_signatures_survive_a_round_trip_through_bytes() -> None:
    signature = signature_of("original_wire.txt")
    assert len(signature) == NUM_PERM
    stored = signature_to_bytes(signature)
    assert len(stored) == NUM_PERM * 8
    restored = signature_from_bytes(stored)
    assert np.array_equal(restored, signature)
    index = NearDuplicateIndex()
    index.add("stored", restored)
    assert index.query(signature_of("syndicated_copy.txt")) == "stored"
    assert signature_to_bytes(list(map(int, signature))) == stored


def test_signature_is_stable_and_ignores_case_and_spacing() -> None:
    text = "Poland signs contract for 96 Apache helicopters, the ministry said."
    assert np.array_equal(
        minhash_signature(text), minhash_signature(text.upper().replace(" ", "  "))
    )
    assert not np.array_equal(
        minhash_signature(text), minhash_signature("An unrelated note on grain exports.")
    )
