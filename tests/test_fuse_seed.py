"""The seed article, end to end: read, extract, store, fuse (skipped when the seed is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

import armswatch
from armswatch.store import Store

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_43f1b3c72fc22d31.txt"


@pytest.mark.slow
def test_seed_gives_one_prk_rus_ammunition_transfer_with_one_origin(tmp_path):
    if not SEED.exists():
        pytest.skip("the seed article is not available")
    from armswatch.extract import extract_document

    document = armswatch.read(str(SEED))
    with Store(str(tmp_path / "seed.db")) as store:
        store.add(document, extract_document(document))
        store.refresh_transfers()
        shells = store.transfers(supplier="PRK", recipient="RUS", category="ammunition")
        drones = store.transfers(supplier="IRN", recipient="RUS", category="uav")

    assert len(shells) == 1
    [transfer] = shells
    assert transfer.stage in ("sought", "negotiating")
    assert "delivered" in transfer.unconfirmed_stages
    assert transfer.independent_origins["count"] == 1
    assert [t.stage for t in drones] == ["delivered"]
