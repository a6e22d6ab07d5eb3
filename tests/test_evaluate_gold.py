"""The development gold set shipped in benchmarks/gold is well formed and balanced."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from armswatch.evaluate import ERAS, FORMS, load_gold
from armswatch.models import ASSERTED

GOLD_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="no gold files in benchmarks/gold")


def test_every_gold_file_loads_with_unique_ids() -> None:
    # load_gold raises EvaluationError naming file:line on any malformed line or repeated id.
    documents = load_gold(GOLD_FILES)
    assert len({document.id for document in documents}) == len(documents)


def test_at_least_a_third_are_hard_negatives() -> None:
    documents = load_gold(GOLD_FILES)
    negatives = sum(document.is_negative for document in documents)
    assert negatives * 3 >= len(documents)


def test_every_form_and_era_is_represented() -> None:
    documents = load_gold(GOLD_FILES)
    assert set(FORMS) <= {document.form for document in documents}
    assert set(ERAS) <= {document.era for document in documents}


def test_a_document_labels_each_supplier_recipient_category_once() -> None:
    for document in load_gold(GOLD_FILES):
        keys = Counter(transfer.key for transfer in document.transfers)
        repeated = [key for key, count in keys.items() if count > 1]
        assert not repeated, f"{document.location}: {repeated} labelled twice"


def test_generic_category_only_where_no_named_category_for_the_pair() -> None:
    for document in load_gold(GOLD_FILES):
        named_pairs = {t.key[:2] for t in document.transfers if t.category != "unspecified"}
        for transfer in document.transfers:
            if transfer.category == "unspecified":
                assert transfer.key[:2] not in named_pairs, document.location


def test_the_labels_cover_every_certainty_and_the_main_stages() -> None:
    transfers = [t for document in load_gold(GOLD_FILES) for t in document.transfers]
    certainties = {t.certainty for t in transfers}
    assert {"confirmed", "reported", "unconfirmed", "speculative", "denied"} <= certainties
    stages = {t.stage for t in transfers}
    assert {
        "sought",
        "offered",
        "negotiating",
        "agreed",
        "in_transit",
        "delivered",
        "in_use",
    } <= stages
    assert any(t.quantity is not None for t in transfers)
    # Most labelled stages are asserted; hedged-only transfers are the exception.
    assert sum(t.certainty in ASSERTED for t in transfers) > len(transfers) / 2
