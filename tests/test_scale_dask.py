"""The Dask engine on a LocalCluster: a worker that dies, and how the cluster is started."""

from __future__ import annotations

import os

from armswatch.models import Claim, Document
from armswatch.scale import iter_dask, iter_sequential
from test_scale import delivery_claims, documents, summary


def claims_or_worker_death(document: Document) -> list[Claim]:
    """Like delivery_claims, but the Dask worker process dies outright on a poisoned document."""
    if "POISON" in document.text:
        os._exit(3)
    return delivery_claims(document)


def test_a_document_that_kills_its_dask_worker_fails_and_the_run_goes_on() -> None:
    items = documents(40)
    poisoned = Document.from_text("POISON pill article", doc_ref="poison.txt")
    items.insert(20, poisoned)
    results = summary(
        list(iter_dask(items, workers=2, extractor=claims_or_worker_death, chunk_size=4))
    )
    expected = summary(
        list(iter_sequential([i for i in items if i is not poisoned], delivery_claims))
    )
    failure = results.pop(20)
    assert failure[:2] == ("failure", "poison.txt")
    assert "worker" in failure[2] and "\n" not in failure[2]
    assert results == expected
