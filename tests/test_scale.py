"""The process pool and the Dask engine: same claims, same order, failures isolated."""

from __future__ import annotations

import os
import re
import time

import pytest

from armswatch.errors import ExtractionError
from armswatch.models import Claim, Document, Evidence, Failure, Item, Party
from armswatch.scale import (
    failure_reason,
    iter_dask,
    iter_parallel,
    iter_process_pool,
    iter_sequential,
)

# Articles written for these tests, in the style of wire reporting.
ARTICLES = [
    "Norway delivered 12 air defence launchers to Ukraine last month, the defence ministry said.",
    "Grain prices rose for a third week as dry weather hit the harvest in the south.",
    "Poland delivered 40 tanks to Ukraine in March. Poland delivered 10 more in May, officials said.",
    "The central bank left interest rates unchanged on Thursday, citing slowing inflation.",
    "Egypt delivered an order of patrol boats to Ghana, a shipyard spokesman said.",
    "The city council approved a new budget for road repairs after a long debate.",
    "GARBLED feed entry with a broken encoding table",
    "Germany delivered 3 howitzers to Lithuania on Tuesday, according to a government statement.",
]

DELIVERY = re.compile(
    r"(?P<supplier>[A-Z]\w+) delivered (?P<item>[^.]*?) to (?P<recipient>[A-Z]\w+)"
)


def delivery_claims(document: Document) -> list[Claim]:
    """A cheap stand-in extractor: one claim per 'X delivered ... to Y' phrase."""
    if "GARBLED" in document.text:
        raise ValueError("unexpected byte sequence\nsecond line of detail")
    claims = []
    for number, match in enumerate(DELIVERY.finditer(document.text)):
        claims.append(
            Claim(
                claim_id=f"{document.doc_id}-{number}",
                doc_id=document.doc_id,
                supplier=Party(match["supplier"]),
                recipient=Party(match["recipient"]),
                items=[Item(category="unspecified", label=match["item"])],
                status="delivered",
                certainty="reported",
                evidence=Evidence(match.start(), match.end(), match.group(0)),
            )
        )
    return claims


def claims_or_worker_death(document: Document) -> list[Claim]:
    """Like delivery_claims, but the worker process dies outright on a poisoned document."""
    if "POISON" in document.text:
        os._exit(3)
    return delivery_claims(document)


def worker_pid(document: Document) -> list[Claim]:
    """One claim whose evidence text is the id of the process that extracted it."""
    pid = str(os.getpid())
    time.sleep(0.002)  # long enough that one worker cannot take every batch alone
    return [
        Claim(
            claim_id=document.doc_id,
            doc_id=document.doc_id,
            supplier=None,
            recipient=None,
            items=[],
            status="delivered",
            certainty="reported",
            evidence=Evidence(0, 0, pid),
        )
    ]


def documents(count: int) -> list[Document | Failure]:
    items: list[Document | Failure] = []
    for number in range(count):
        text = ARTICLES[number % len(ARTICLES)]
        items.append(Document.from_text(f"{text} (report {number})", doc_ref=f"wire-{number}.txt"))
    # An input the reader already could not read travels through in its place.
    items.insert(5, Failure("broken.html", "not valid UTF-8", stage="read"))
    return items


def summary(results: list) -> list[tuple]:
    """What a user sees of a run: per input, its claims' parties and evidence, or its failure."""
    rows = []
    for result in results:
        if isinstance(result, Failure):
            rows.append(("failure", result.input, result.reason, result.stage))
        else:
            document, claims = result
            rows.append(
                (
                    document.doc_ref,
                    [(c.supplier.name, c.recipient.name, c.evidence.text) for c in claims],
                )
            )
    return rows


def test_sequential_run_keeps_order_and_turns_an_exception_into_a_failure() -> None:
    rows = summary(list(iter_sequential(documents(8), delivery_claims)))
    assert len(rows) == 9
    assert rows[0] == (
        "wire-0.txt",
        [("Norway", "Ukraine", "Norway delivered 12 air defence launchers to Ukraine")],
    )
    assert rows[5] == ("failure", "broken.html", "not valid UTF-8", "read")
    garbled = rows[7]
    assert garbled == (
        "failure",
        "wire-6.txt",
        "extraction failed: ValueError: unexpected byte sequence",
        "extract",
    )


def test_process_pool_gives_the_same_results_in_the_same_order_as_one_process() -> None:
    items = documents(150)
    expected = summary(list(iter_sequential(items, delivery_claims)))
    got = summary(
        list(iter_process_pool(items, workers=2, extractor=delivery_claims, chunk_size=7))
    )
    assert got == expected
    garbled = len(range(6, 150, len(ARTICLES)))
    assert sum(1 for row in got if row[0] == "failure") == garbled + 1


def test_process_pool_reads_its_input_lazily() -> None:
    produced = 0

    def stream():
        nonlocal produced
        for item in documents(10_000):
            produced += 1
            yield item

    results = iter_process_pool(
        stream(), workers=2, extractor=delivery_claims, chunk_size=10, max_in_flight=4
    )
    first = next(results)
    assert isinstance(first, tuple)
    # Only the window of batches in flight, and the look-ahead of one batch per worker that
    # shows where the input ends, have been read: not the whole stream.
    assert produced <= 10 * (4 + 2 + 1)
    results.close()


def test_process_pool_spreads_work_over_several_worker_processes() -> None:
    items = documents(200)
    pids = {
        result[1][0].evidence.text
        for result in iter_process_pool(items, workers=2, extractor=worker_pid, chunk_size=5)
        if not isinstance(result, Failure)
    }
    assert len(pids) == 2
    assert str(os.getpid()) not in pids


def test_a_document_that_kills_its_worker_fails_alone_and_the_run_goes_on() -> None:
    items = documents(40)
    poisoned = Document.from_text("POISON pill article", doc_ref="poison.txt")
    items.insert(20, poisoned)
    results = summary(
        list(iter_process_pool(items, workers=2, extractor=claims_or_worker_death, chunk_size=4))
    )
    expected = summary(
        list(iter_sequential([i for i in items if i is not poisoned], delivery_claims))
    )
    failure = results.pop(20)
    assert failure[:2] == ("failure", "poison.txt")
    assert "worker process died" in failure[2]
    assert results == expected


def test_a_batch_sent_after_a_worker_died_comes_back_as_lost_not_as_an_error() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from armswatch.scale import _Pool

    pool = _Pool(1, claims_or_worker_death, warm_up=False)
    try:
        killer = pool.submit([Document.from_text("POISON pill article", doc_ref="poison.txt")])
        with pytest.raises(BrokenProcessPool):
            killer.result(timeout=60)
        # The pool is broken before the run has looked at every batch in its window: the next
        # batch is handed back as lost with it, so the run restarts the pool and isolates it.
        late = pool.submit(documents(1))
        with pytest.raises(BrokenProcessPool):
            late.result(timeout=1)
    finally:
        pool.close()


def test_failure_reason_is_one_line_naming_the_error() -> None:
    assert failure_reason(KeyError("ORG")) == "extraction failed: KeyError: 'ORG'"
    assert failure_reason(RuntimeError()) == "extraction failed: RuntimeError"


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        iter_parallel(documents(2), engine="spark", extractor=delivery_claims)


def test_dask_local_cluster_gives_the_same_claims_in_the_same_order_as_a_local_run() -> None:
    items = documents(60)
    expected = summary(list(iter_sequential(items, delivery_claims)))
    produced = 0

    def stream():
        nonlocal produced
        for item in items:
            produced += 1
            yield item

    results = []
    most_read_ahead = 0
    for result in iter_dask(
        stream(), workers=2, extractor=delivery_claims, chunk_size=4, max_in_flight=3
    ):
        results.append(result)
        most_read_ahead = max(most_read_ahead, produced - len(results))
    assert summary(results) == expected
    # Never more than the batches in flight, the one being handed out and the look-ahead of one
    # batch per worker were read ahead.
    assert most_read_ahead <= 4 * (3 + 1 + 2)


def test_unreachable_dask_scheduler_is_one_line_naming_the_address() -> None:
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    results = iter_dask(
        documents(2), scheduler=address, extractor=delivery_claims, connect_timeout=2
    )
    with pytest.raises(ExtractionError) as raised:
        next(results)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"cannot reach the Dask scheduler at {address}")


def test_the_last_documents_go_out_in_shrinking_batches_so_workers_finish_together() -> None:
    from armswatch.scale import _batches

    items = documents(1000)
    batches = list(_batches(items, 64, workers=2))
    assert [item for batch in batches for item in batch] == items  # all of it, in order
    sizes = [len(batch) for batch in batches]
    assert max(sizes) == 64
    # Once the end is in sight, no batch is larger than the one before, down to a floor of 4.
    tail = sizes[next(i for i, size in enumerate(sizes) if size < 64) :]
    assert len(tail) > 4
    assert tail == sorted(tail, reverse=True)
    assert tail[-2] == 64 // 16
