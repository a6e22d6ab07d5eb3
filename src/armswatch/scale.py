"""Parallel and distributed extraction: a local process pool, or a Dask distributed cluster.

Both engines take a stream of ``Document | Failure`` and give back, in input order,
``(document, claims)`` pairs or Failures, holding only a bounded window of documents in memory.
Extraction is pure (text in, claims out), so a batch of documents can run anywhere; the caller's
process stays the one writer of results.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from typing import Any

from armswatch.errors import ExtractionError
from armswatch.models import Claim, Document, Failure

Extractor = Callable[[Document], list[Claim]]
Extracted = tuple[Document, list[Claim]] | Failure
# The per-document work shipped to workers: an Extractor, or SignedExtraction around one.
Job = Callable[[Document], Any]
# What a worker sends back for one input: the job's result, or why it failed.
ItemResult = Any

ENGINES: tuple[str, ...] = ("local", "dask")
# Documents per batch: enough to amortize the trip to a worker, few enough to balance the load.
# A Dask task costs milliseconds of scheduling, so its batches are larger.
DEFAULT_CHUNK_SIZE = 64
DASK_CHUNK_SIZE = 512
# Modules imported once in the fork server, so each worker starts without re-importing spaCy
# (armswatch.extract imports spaCy only when the model loads, so spaCy is named itself).
PRELOAD_MODULES: tuple[str, ...] = ("armswatch.models", "armswatch.extract", "spacy")
# A LocalCluster's worker processes start from the same fork server, with Dask's worker as well.
LOCAL_CLUSTER_PRELOAD_MODULES: tuple[str, ...] = ("distributed", *PRELOAD_MODULES)


def default_extractor() -> Extractor:
    """The armswatch extractor (imported late so this module loads without spaCy)."""
    from armswatch.extract import extract_document

    return extract_document


def failure_reason(exc: BaseException) -> str:
    """One line saying why extraction raised, for the failures table."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"extraction failed: {name}: {message}" if message else f"extraction failed: {name}"


def extract_one(document: Document | Failure, extractor: Job) -> ItemResult:
    """Claims of one document; an exception becomes a Failure so the run goes on."""
    if isinstance(document, Failure):
        return document
    try:
        return extractor(document)
    except Exception as exc:  # one bad document must not stop the run
        return Failure(document.doc_ref or document.doc_id, failure_reason(exc), stage="extract")


def extract_batch(batch: list[Document | Failure], extractor: Job) -> list[ItemResult]:
    """Claims of each item of a batch, in order; this is the unit of work shipped to a worker.

    With the armswatch extractor, the batch's candidate sentences are parsed in one spaCy stream
    first (several times cheaper than one call per document); any trouble there falls back to
    parsing document by document, where a failure stays with its document.
    """
    if _uses_armswatch_extractor(extractor):
        from armswatch.extract import forget_parsed, parse_ahead

        try:
            parse_ahead([item for item in batch if isinstance(item, Document)])
        except Exception:  # the per-document path below reports what fails, and where
            forget_parsed()
        try:
            return [extract_one(item, extractor) for item in batch]
        finally:
            forget_parsed()
    return [extract_one(item, extractor) for item in batch]


def _uses_armswatch_extractor(job: Job) -> bool:
    inner = job.extractor if isinstance(job, SignedExtraction) else job
    if inner is None:
        return True
    from armswatch.extract import extract_document

    return inner is extract_document


def _joined(
    batch: list[Document | Failure], results: list[ItemResult]
) -> Iterator[tuple[Document, Any] | Failure]:
    for item, result in zip(batch, results, strict=True):
        if isinstance(item, Failure):
            yield item
        elif isinstance(result, Failure):
            yield result
        else:
            yield item, result


def _batches(
    items: Iterable[Document | Failure], chunk_size: int, workers: int = 1
) -> Iterator[list[Document | Failure]]:
    """Batches of `chunk_size` items; once the input is seen to end, smaller and smaller ones.

    A batch goes out only when `chunk_size * workers` more items are known to follow it, so when
    the input ends the last of it is still here, and it is shared out in shrinking batches
    (guided self-scheduling: about 1/(2 x workers) of what remains each), so the workers finish
    together instead of one of them working through a last full batch alone.
    """
    iterator = iter(items)
    if workers <= 1:
        while batch := list(islice(iterator, chunk_size)):
            yield batch
        return
    ahead: deque[Document | Failure] = deque()
    for item in iterator:
        ahead.append(item)
        if len(ahead) >= chunk_size * (workers + 1):
            yield [ahead.popleft() for _ in range(chunk_size)]
    smallest = max(1, chunk_size // 16)
    while ahead:
        size = min(chunk_size, max(smallest, -(-len(ahead) // (2 * workers))), len(ahead))
        yield [ahead.popleft() for _ in range(size)]


def iter_sequential(
    items: Iterable[Document | Failure], extractor: Job | None = None
) -> Iterator[Extracted]:
    """Extraction in this process, a small batch at a time (one spaCy stream per batch)."""
    extractor = extractor or default_extractor()
    for batch in _batches(items, DEFAULT_CHUNK_SIZE):
        yield from _joined(batch, extract_batch(batch, extractor))


# -- local process pool -------------------------------------------------------------------------

# The extractor of this worker process, set once by the pool's initializer.
_worker_extractor: Job | None = None


def _init_worker(extractor: Job | None, warm_up: bool) -> None:
    global _worker_extractor
    _worker_extractor = extractor or default_extractor()
    if warm_up:
        warm_up_extractor(_worker_extractor)


def warm_up_extractor(extractor: Job) -> None:
    """Load armswatch's model and lexicons now, once per process, not inside the first document."""
    if isinstance(extractor, SignedExtraction):
        extractor = extractor.extractor or default_extractor()
    if not (getattr(extractor, "__module__", "") or "").startswith("armswatch.extract"):
        return  # another extractor loads what it needs on first use
    from armswatch.extract.lexicons import load_lexicons
    from armswatch.extract.nlp import load_pipeline

    load_lexicons()
    load_pipeline()


def _pool_batch(batch: list[Document | Failure]) -> list[ItemResult]:
    assert _worker_extractor is not None, "worker used before its initializer ran"
    return extract_batch(batch, _worker_extractor)


def start_method() -> str:
    """How worker processes start: a fork server where there is one, else spawn.

    Plain fork is not used: the parent may already run threads (tqdm's monitor, a web server's,
    a Dask client's) and forking a threaded process can deadlock; its children would also keep
    the parent's multi-threaded BLAS. The fork server is a clean single-threaded process that
    imports armswatch and spaCy once; each worker forks from it and loads the model (measured:
    3.2 s to start two workers and extract 4 documents, against 1.3 s for fork and 5.4 s
    for spawn).
    ARMSWATCH_START_METHOD overrides the choice.
    """
    if os.environ.get("ARMSWATCH_START_METHOD"):
        return os.environ["ARMSWATCH_START_METHOD"]
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


# Each worker is one of N parallel processes, so its math libraries get one thread each (as Dask's
# nanny does); otherwise N workers x N BLAS threads fight over N cores.
SINGLE_THREAD_ENVIRON = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
}


def _pool_context(
    preload_modules: tuple[str, ...] = PRELOAD_MODULES,
) -> multiprocessing.context.BaseContext:
    # Worker processes (and the fork server) read these when they start; a value the user set wins.
    for name, value in SINGLE_THREAD_ENVIRON.items():
        os.environ.setdefault(name, value)
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Only the first start of the fork server uses this list; it then serves every pool.
        preload = [name for name in preload_modules if importlib.util.find_spec(name)]
        context.set_forkserver_preload(preload)
    return context


@dataclass
class _Slot:
    """A batch in flight, kept in input order."""

    batch: list[Document | Failure]
    future: Future[list[ItemResult]]


class _Pool:
    """A ProcessPoolExecutor that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, extractor: Job | None, warm_up: bool) -> None:
        self.workers = workers
        self.extractor = extractor
        self.warm_up = warm_up
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_pool_context(),
            initializer=_init_worker,
            initargs=(self.extractor, self.warm_up),
        )

    def submit(self, batch: list[Document | Failure]) -> Future[list[ItemResult]]:
        """The batch's future; when a worker has already died, one that raises BrokenProcessPool.

        A pool breaks as soon as any worker dies, possibly before the caller has seen the failed
        future: submitting then raises at once. Handing that back as the batch's outcome lets
        the caller treat it like every other batch lost with the pool (restart and isolate).
        """
        try:
            return self.executor.submit(_pool_batch, batch)
        except BrokenProcessPool as exc:
            broken: Future[list[ItemResult]] = Future()
            broken.set_exception(exc)
            return broken

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _isolate(pool: _Pool, batch: list[Document | Failure]) -> list[ItemResult]:
    """Re-run a batch lost with a dead worker one document at a time, to find the one that kills it."""
    results: list[ItemResult] = []
    for item in batch:
        try:
            results.extend(pool.submit([item]).result())
        except BrokenProcessPool:
            pool.restart()
            assert isinstance(item, Document)
            reason = "extraction failed: the worker process died on this document"
            results.append(Failure(item.doc_ref or item.doc_id, reason, stage="extract"))
    return results


def iter_process_pool(
    items: Iterable[Document | Failure],
    *,
    workers: int,
    extractor: Job | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_in_flight: int | None = None,
    warm_up: bool = True,
) -> Iterator[Extracted]:
    """Extraction on `workers` local processes, in input order, with a bounded window of batches.

    Each worker loads the model once (initializer). A document whose extraction raises becomes a
    Failure; a worker that dies costs only the document it died on.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    window_size = max_in_flight or workers * 4
    batches = _batches(items, chunk_size, workers)
    window: deque[_Slot] = deque()
    pool = _Pool(workers, extractor, warm_up)
    try:
        while True:
            for batch in islice(batches, window_size - len(window)):
                window.append(_Slot(batch, pool.submit(batch)))
            if not window:
                return
            slot = window.popleft()
            try:
                results = slot.future.result()
            except BrokenProcessPool:
                lost = [slot, *window]
                window.clear()
                pool.restart()
                for lost_slot in lost:
                    yield from _joined(lost_slot.batch, _isolate(pool, lost_slot.batch))
                continue
            yield from _joined(slot.batch, results)
    finally:
        pool.close()


# -- Dask distributed ---------------------------------------------------------------------------


# A LocalCluster's workers share this machine's cores with the caller's reading and with each
# other, so they skip what only a long-lived cluster needs: Dask's sampling profiler (a stack walk
# of the running task every 10 ms, which also takes the GIL from it), event-loop health ticks
# every 20 ms, system monitoring every 0.5 s, and the scheduler's work stealing (independent,
# equal tasks are queued on the scheduler and handed to whichever worker is free).
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.scheduler.work-stealing": False,
    # A worker of our own machine that dies was almost surely killed by its document (or the
    # OOM killer): fail its batch at once and re-run the batch document by document (see
    # iter_dask) rather than kill three more workers with it first.
    "distributed.scheduler.allowed-failures": 0,
}


def connect_dask(scheduler: str | None, workers: int, timeout: float = 10.0) -> Any:
    """A Dask client: to the scheduler at `scheduler`, else to a new LocalCluster of `workers`."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # dask is a dependency, but a trimmed install may lack it
        raise ExtractionError(f"the dask engine needs dask[distributed]: {exc}") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ExtractionError(
                f"cannot reach the Dask scheduler at {scheduler}: {reason}"
            ) from exc
    try:
        with dask.config.set(_local_cluster_config()):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
        # Not direct_to_workers: fetching a result from a worker that just died waits out a 30 s
        # connect timeout, where the scheduler knows at once.
        return Client(cluster)
    except (OSError, TimeoutError, RuntimeError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ExtractionError(f"cannot start a local Dask cluster of {workers}: {reason}") from exc


def _local_cluster_config() -> dict[str, Any]:
    """LOCAL_CLUSTER_CONFIG, with workers started from the fork server the process pool uses.

    Dask's default, spawn, makes each worker import Dask, armswatch and spaCy again (about 2 CPU
    seconds each); forked from a server that imported them once, a worker starts in 0.1 s.
    ARMSWATCH_START_METHOD overrides the method here too.
    """
    config = dict(LOCAL_CLUSTER_CONFIG)
    method = start_method()
    config["distributed.worker.multiprocessing-method"] = method
    if method == "forkserver":
        from multiprocessing import forkserver

        _pool_context(LOCAL_CLUSTER_PRELOAD_MODULES)
        # Started now, with our preload list; Dask would otherwise start it with its own.
        forkserver.ensure_running()
    return config


def extract_pickled_batch(payload: bytes, extractor: Job) -> bytes:
    """extract_batch over a pickled batch, answering pickled results.

    Dask serializes a list of dataclasses item by item (about 3x the cost of the extraction
    itself on short news items); one opaque bytes frame each way avoids that.
    """
    batch = pickle.loads(payload)
    return pickle.dumps(extract_batch(batch, extractor), protocol=pickle.HIGHEST_PROTOCOL)


def _submit_batch(client: Any, batch: list[Document | Failure], extractor: Job) -> Any:
    payload = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
    return client.submit(extract_pickled_batch, payload, extractor, pure=False)


def _task_error(outcome: Any) -> BaseException:
    """Why a Dask task did not finish, from what `as_completed(raise_errors=False)` gave for it:
    a (type, exception, traceback) triple, or the exception itself when it was cancelled."""
    if isinstance(outcome, BaseException):
        return outcome
    if isinstance(outcome, tuple) and len(outcome) == 3 and isinstance(outcome[1], BaseException):
        return outcome[1]
    return RuntimeError(f"unexpected task outcome {type(outcome).__name__}")


def _worker_died(error: BaseException) -> bool:
    from distributed import KilledWorker

    return isinstance(error, KilledWorker)


WORKER_DIED = "extraction failed: the worker process died on this document"
# A run in which no batch in flight finishes for this long has lost a task (a worker that died
# while the scheduler still counted on it): its batches are sent again once, then failed.
STALL_TIMEOUT_S = 120.0
STALLED = "extraction failed: the Dask cluster did not finish this document's batch in time"


# A task done this long without `as_completed` reporting it was orphaned (see _next_finished).
ORPHAN_GRACE_S = 5.0


def _next_finished(
    completed: Any, timeout: float, in_flight: Callable[[], Iterable[Any]] = tuple
) -> tuple[Any, Any] | None:
    """The next (future, result) from `as_completed`, or None when none finishes in time.

    `as_completed` can lose a task: when the worker holding a finished result dies before the
    result is fetched, the client recomputes it, and if that fails too the tracker gives up
    without reporting it. A future of `in_flight` that has been done for ORPHAN_GRACE_S seconds
    unreported is therefore taken up here, its outcome read from the future itself, instead of
    stalling the run for `timeout`.
    """
    deadline = time.monotonic() + timeout
    done_since: dict[Any, float] = {}
    while not completed.has_ready():
        now = time.monotonic()
        if now >= deadline:
            return None
        for future in in_flight():
            if not future.done():
                continue
            if now - done_since.setdefault(future.key, now) >= ORPHAN_GRACE_S:
                return future, _outcome(future)
        time.sleep(0.02)
    return next(completed)


def _outcome(future: Any) -> Any:
    """What `as_completed(with_results=True, raise_errors=False)` would have given for a done
    future: its result, or the exception that ended it."""
    try:
        return future.result(timeout=ORPHAN_GRACE_S * 6)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a CancelledError is no Exception: it is an outcome too
        return exc


# A document re-run alone that no worker finishes in this time fails instead of stalling the run
# (a cluster whose workers do not come back after a death would otherwise wait for ever).
ISOLATION_TIMEOUT_S = 300


def _isolate_on_dask(
    client: Any, batch: list[Document | Failure], extractor: Job
) -> list[ItemResult]:
    """Re-run a batch whose worker died one document at a time, so only the killer fails.

    One at a time: a worker's death fails every task it held, so documents sent together would
    fail beside the one that killed it.
    """
    results: list[ItemResult] = []
    for item in batch:
        # twice: a worker can also die under a document for another task it held at the same
        # time (a batch of the main run); only a document that kills a worker again is blamed
        for attempt in range(2):
            try:
                results.extend(
                    pickle.loads(
                        _submit_batch(client, [item], extractor).result(timeout=ISOLATION_TIMEOUT_S)
                    )
                )
                break
            except Exception as exc:
                if _worker_died(exc) and attempt == 0:
                    continue
                assert isinstance(item, Document)  # a Failure input never reaches a worker's code
                reason = WORKER_DIED if _worker_died(exc) else failure_reason(exc)
                results.append(Failure(item.doc_ref or item.doc_id, reason, stage="extract"))
                break
    return results


def _failed_batch(
    client: Any, batch: list[Document | Failure], extractor: Job, error: BaseException
) -> list[ItemResult]:
    """Results for a batch whose task failed as a whole.

    A batch whose worker died is re-run document by document, even a batch of one: a worker's
    death fails every task it held, so a one-document batch that was only beside the killer
    (the run's last batches are small) must not be blamed for it.
    """
    if _worker_died(error):
        return _isolate_on_dask(client, batch, extractor)
    return [
        item
        if isinstance(item, Failure)
        else Failure(
            item.doc_ref or item.doc_id,
            WORKER_DIED if _worker_died(error) else failure_reason(error),
            stage="extract",
        )
        for item in batch
    ]


def _warm_dask_worker(extractor: Job | None) -> None:
    warm_up_extractor(extractor or default_extractor())


def iter_dask(
    items: Iterable[Document | Failure],
    *,
    workers: int = 2,
    scheduler: str | None = None,
    extractor: Job | None = None,
    chunk_size: int = DASK_CHUNK_SIZE,
    max_in_flight: int | None = None,
    client: Any = None,
    connect_timeout: float = 10.0,
    stall_timeout: float = STALL_TIMEOUT_S,
) -> Iterator[Extracted]:
    """Extraction on a Dask cluster, in input order, with a bounded number of batches in flight.

    Batches complete in any order (`as_completed`); finished ones wait in a reorder buffer so
    results come out in input order, and a new batch goes out as soon as any finishes. When no
    batch finishes for `stall_timeout` seconds, the batches in flight are sent again once, and
    failed (each document recorded) if they stall again: a lost task never hangs the run.
    """
    from dask.distributed import as_completed

    own_client = client is None
    settings = ExitStack()
    if own_client:
        if not scheduler:
            # Held for the whole run: a worker the nanny restarts starts the same way.
            import dask

            settings.enter_context(dask.config.set(_local_cluster_config()))
        try:
            client = connect_dask(scheduler, workers, timeout=connect_timeout)
        except BaseException:
            settings.close()
            raise
    try:
        extractor = extractor or default_extractor()
        cluster_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        window_size = max_in_flight or cluster_workers * 4
        # The workers load the model while this process reads and sends the first batches;
        # an error there (say, no spaCy model on a worker) is raised before the first result.
        warming = ThreadPoolExecutor(max_workers=1, thread_name_prefix="armswatch-warm-up")
        warm_up: Future[Any] | None = warming.submit(client.run, _warm_dask_worker, extractor)
        warming.shutdown(wait=False)
        batches = _batches(items, chunk_size, cluster_workers)
        pending: dict[int, list[Document | Failure]] = {}  # sequence number -> batch in flight
        finished: dict[int, list[ItemResult]] = {}
        next_to_submit = 0
        next_to_yield = 0
        sequence_of: dict[str, int] = {}  # future key -> sequence number
        future_of: dict[int, Any] = {}  # sequence number -> its future while in flight
        resent: set[int] = set()
        # Results are fetched on the client's event loop as tasks finish, not one blocking call each.
        completed = as_completed(with_results=True, raise_errors=False)

        def send(sequence: int, batch: list[Document | Failure]) -> None:
            future = _submit_batch(client, batch, extractor)
            sequence_of[future.key] = sequence
            future_of[sequence] = future
            completed.add(future)

        def submit_more() -> None:
            nonlocal next_to_submit
            # `pending` keeps finished-but-unyielded batches too, so memory stays bounded
            # behind a slow batch.
            room = window_size - len(pending)
            for batch in islice(batches, max(room, 0)):
                pending[next_to_submit] = batch
                send(next_to_submit, batch)
                next_to_submit += 1

        def resend_or_fail_stalled() -> None:
            for sequence, future in list(future_of.items()):
                del sequence_of[future.key], future_of[sequence]
                future.cancel()
                if sequence in resent:
                    finished[sequence] = [
                        item
                        if isinstance(item, Failure)
                        else Failure(item.doc_ref or item.doc_id, STALLED, stage="extract")
                        for item in pending[sequence]
                    ]
                else:
                    resent.add(sequence)
                    send(sequence, pending[sequence])

        submit_more()
        while pending or finished:
            if warm_up is not None:
                warm_up.result()
                warm_up = None
            if next_to_yield not in finished:
                outcome = _next_finished(completed, stall_timeout, lambda: list(future_of.values()))
                if outcome is None:
                    resend_or_fail_stalled()
                    continue
                future, payload = outcome
                sequence = sequence_of.pop(future.key, None)
                if sequence is None:
                    continue  # a stalled task that was sent again, finishing late
                del future_of[sequence]
                if isinstance(payload, bytes):
                    finished[sequence] = pickle.loads(payload)
                else:  # its worker died (KilledWorker), or the task could not run at all
                    error = _task_error(payload)
                    finished[sequence] = _failed_batch(client, pending[sequence], extractor, error)
                continue
            results = finished.pop(next_to_yield)
            batch = pending.pop(next_to_yield)
            next_to_yield += 1
            submit_more()
            yield from _joined(batch, results)
    finally:
        if own_client:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
        settings.close()


def _dispatch(
    items: Iterable[Document | Failure],
    job: Job | None,
    *,
    workers: int,
    engine: str,
    scheduler: str | None,
    chunk_size: int | None,
) -> Iterator[tuple[Document, Any] | Failure]:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask" or scheduler:  # a scheduler address can only mean a Dask cluster
        return iter_dask(
            items,
            workers=workers,
            scheduler=scheduler,
            extractor=job,
            chunk_size=chunk_size or DASK_CHUNK_SIZE,
        )
    if workers <= 1:
        return iter_sequential(items, job)
    return iter_process_pool(
        items, workers=workers, extractor=job, chunk_size=chunk_size or DEFAULT_CHUNK_SIZE
    )


def iter_parallel(
    items: Iterable[Document | Failure],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    extractor: Extractor | None = None,
    chunk_size: int | None = None,
) -> Iterator[Extracted]:
    """Extraction by the chosen engine: in-process (one local worker), a process pool, or Dask.

    A scheduler address implies the Dask engine.
    """
    return _dispatch(
        items,
        extractor,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )


def document_signature(text: str) -> bytes | None:
    """The MinHash signature the store keys near-duplicates on (None for blank text)."""
    from armswatch.ingest.dedup import minhash_signature, signature_to_bytes

    if not text.strip():
        return None
    return signature_to_bytes(minhash_signature(text))


@dataclass(frozen=True)
class SignedExtraction:
    """A document's claims and its MinHash signature, both computed by the worker.

    Signing costs about 1.6 ms a document. Done here, it runs in parallel; otherwise the store's
    single writer does it for every document.
    """

    extractor: Extractor | None = None

    def __call__(self, document: Document) -> tuple[list[Claim], bytes | None]:
        extractor = self.extractor or default_extractor()
        return extractor(document), document_signature(document.text)


Signed = tuple[Document, tuple[list[Claim], bytes | None]] | Failure


def iter_signed(
    items: Iterable[Document | Failure],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    extractor: Extractor | None = None,
    chunk_size: int | None = None,
) -> Iterator[Signed]:
    """Like iter_parallel, with each document's MinHash signature beside its claims."""
    return _dispatch(
        items,
        SignedExtraction(extractor),
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )
