"""The Dask engine on a LocalCluster: a worker that dies, and how the cluster is started."""

from __future__ import annotations

import time

from armswatch.models import Claim, Document
from armswatch.scale import STALLED, iter_dask, iter_sequential
from test_scale import claims_or_worker_death, delivery_claims, documents, summary


def test_a_document_that_kills_its_dask_worker_fails_and_the_run_goes_on() -> None:
    items = documents(40)
    poisoned = Document.from_text("POISON pill article", doc_ref="poison.txt")
    items.insert(20, poisoned)
    results = summary(
        list(
            iter_dask(
                items,
                workers=2,
                extractor=claims_or_worker_death,
                chunk_size=4,
                stall_timeout=30.0,  # a task lost with its worker is sent again, not waited for
            )
        )
    )
    expected = summary(
        list(iter_sequential([i for i in items if i is not poisoned], delivery_claims))
    )
    failure = results.pop(20)
    assert failure[:2] == ("failure", "poison.txt")
    assert "worker" in failure[2] and "\n" not in failure[2]
    assert results == expected


def test_a_one_document_batch_that_only_shared_a_dying_worker_is_not_blamed() -> None:
    from distributed import KilledWorker

    from armswatch.scale import _failed_batch, connect_dask

    innocent = documents(1)[:1]
    client = connect_dask(None, workers=1)
    try:
        # The run's last batches hold one document; a worker killed by another document fails
        # every task it held, this one too. It is run again, and blamed only if it kills again.
        error = KilledWorker("extract_pickled_batch-1", None, 0)  # type: ignore[arg-type]
        results = _failed_batch(client, innocent, delivery_claims, error)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert results == [delivery_claims(innocent[0])]


def claims_or_stall(document: Document) -> list[Claim]:
    """Like delivery_claims, but a task holding the STALL document never finishes (a lost task)."""
    if "STALL" in document.text:
        time.sleep(600)
    return delivery_claims(document)


def test_a_batch_that_never_finishes_is_sent_again_then_failed() -> None:
    items = documents(8)
    stuck = Document.from_text("STALL article that no worker finishes", doc_ref="stuck.txt")
    items.append(stuck)
    started = time.monotonic()
    results = summary(
        list(
            iter_dask(items, workers=2, extractor=claims_or_stall, chunk_size=3, stall_timeout=2.0)
        )
    )
    assert time.monotonic() - started < 120
    expected = summary(list(iter_sequential(items, delivery_claims)))
    assert len(results) == len(expected)
    stalled = [
        index for index, row in enumerate(results) if row[:1] == ("failure",) and row[2] == STALLED
    ]
    # the stuck document's batch fails, each document recorded; every other input is as usual
    assert ("failure", "stuck.txt", STALLED, "extract") in results
    assert 0 < len(stalled) <= 3
    assert [row for index, row in enumerate(results) if index not in stalled] == [
        row for index, row in enumerate(expected) if index not in stalled
    ]


class _SilentCompleted:
    """An `as_completed` that never reports anything: its tracker lost the task."""

    def has_ready(self) -> bool:
        return False


class _DoneFuture:
    key = "extract_pickled_batch-orphan"

    def __init__(self, outcome: object) -> None:
        self._outcome = outcome

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> object:
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome


def test_a_finished_task_that_as_completed_lost_is_taken_up_without_waiting_for_the_stall(
    monkeypatch,
) -> None:
    from armswatch import scale

    monkeypatch.setattr(scale, "ORPHAN_GRACE_S", 0.1)
    finished, failed = _DoneFuture(b"payload"), _DoneFuture(RuntimeError("worker lost"))
    started = time.monotonic()
    assert scale._next_finished(_SilentCompleted(), 60.0, lambda: [finished]) == (
        finished,
        b"payload",
    )
    future, outcome = scale._next_finished(_SilentCompleted(), 60.0, lambda: [failed])
    assert future is failed and isinstance(outcome, RuntimeError)
    assert time.monotonic() - started < 5  # not the 60 s stall timeout
    # nothing in flight is done: the stall timeout still applies
    assert scale._next_finished(_SilentCompleted(), 0.2, lambda: []) is None
