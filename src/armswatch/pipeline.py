"""One run of the flow (read -> extract -> store -> fuse), shared by the CLI, the API and the engines."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from armswatch.models import Claim, Document, Failure
from armswatch.scale import Extractor, iter_parallel, iter_signed

if TYPE_CHECKING:
    from armswatch.store import Store


@dataclass
class RunReport:
    """What a run did, for the summary line and the failures table."""

    documents: int = 0
    new_documents: int = 0
    claims: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def _read(inputs: Iterable[str]) -> Iterator[Document | Failure]:
    # Imported here so the engines and their tests load without the readers' dependencies.
    from armswatch.ingest import iter_inputs

    yield from iter_inputs(inputs)


# Documents written per transaction by ingest, and how long a document waits for its batch.
BATCH_DOCUMENTS = 200
BATCH_SECONDS = 2.0

Extracted = tuple[Document, list[Claim]] | Failure
# With signed=True: the document's MinHash signature (for the store's near-duplicate check) too.
SignedExtracted = tuple[Document, list[Claim], bytes | None]


def iter_extracted(
    inputs: Iterable[str],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    extractor: Extractor | None = None,
    signed: bool = False,
) -> Iterator[Extracted | SignedExtracted]:
    """Documents with their claims, in input order; unreadable inputs come through as Failures.

    `workers` > 1 runs a local process pool; `engine="dask"` runs on the Dask scheduler at
    `scheduler` (a LocalCluster of `workers` processes when None). Documents stream through: only
    a bounded window of them is in memory at once. `progress` draws a bar on stderr when it is a
    terminal (off by default here, as callers print their own output as results come).
    `signed=True` adds a third element, the document's MinHash signature, computed by the workers.
    """
    results: Iterator[Extracted | SignedExtracted]
    options: dict[str, Any] = {
        "workers": workers,
        "engine": engine,
        "scheduler": scheduler,
        "extractor": extractor,
    }
    if signed:
        results = (
            result if isinstance(result, Failure) else (result[0], *result[1])
            for result in iter_signed(_read(inputs), **options)
        )
    else:
        results = iter_parallel(_read(inputs), **options)
    if not progress:
        yield from results
        return
    yield from _with_progress(results, lambda result: len(result[1]))


Result = TypeVar("Result")


def _with_progress(results: Iterator[Result], claims_in: Callable[[Any], int]) -> Iterator[Result]:
    """The results, with a progress bar on stderr when stderr is a terminal.

    `claims_in` counts the claims of a result that is not a Failure.
    """
    from tqdm import tqdm

    enabled = sys.stderr.isatty()
    with tqdm(unit=" docs", file=sys.stderr, disable=not enabled, dynamic_ncols=True) as bar:
        claims = failures = 0
        for result in results:
            if isinstance(result, Failure):
                failures += 1
            else:
                claims += claims_in(result)
            bar.update(1)
            bar.set_postfix(claims=claims, failures=failures, refresh=False)
            yield result


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = True,
    extractor: Extractor | None = None,
    batch_documents: int = BATCH_DOCUMENTS,
    batch_seconds: float = BATCH_SECONDS,
) -> RunReport:
    """Read, extract and store every input; each document is stored with its claims atomically.

    This process is the only writer: workers (local or on a cluster) extract, and compute the
    MinHash signature the store's near-duplicate check needs, so the writer only writes.
    Documents are written `batch_documents` at a time in one transaction (`Store.add_batch`),
    or sooner once the oldest waiting document has waited `batch_seconds`; a crash loses at most
    the batch in flight, whole, and running the same ingest again stores it.
    """
    report = RunReport()
    started = time.perf_counter()
    results = iter_extracted(
        inputs,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        extractor=extractor,
        signed=True,
    )
    batch = _Batch(store, report)
    for result in results:
        if isinstance(result, Failure):
            report.failures.append(result)
            store.add_failure(result)
            continue
        document, claims, *signed = result
        report.documents += 1
        # Without a signature (a caller's own iter_extracted), the store computes it.
        batch.append(document, claims, signed[0] if signed else None)
        if len(batch) >= batch_documents or batch.age() >= batch_seconds:
            batch.write()
    batch.write()
    store.refresh_transfers()
    report.seconds = time.perf_counter() - started
    return report


class _Batch:
    """Extracted documents waiting to be written together, and the report they count towards."""

    def __init__(self, store: Store, report: RunReport) -> None:
        self.store = store
        self.report = report
        self.documents: list[tuple[Document, list[Claim]]] = []
        self.signatures: dict[str, bytes] = {}
        self.since = 0.0

    def __len__(self) -> int:
        return len(self.documents)

    def age(self) -> float:
        return time.monotonic() - self.since if self.documents else 0.0

    def append(self, document: Document, claims: list[Claim], signature: bytes | None) -> None:
        if not self.documents:
            self.since = time.monotonic()
        self.documents.append((document, claims))
        if signature is not None:
            self.signatures[document.doc_id] = signature

    def write(self) -> None:
        if not self.documents:
            return
        new = set(self.store.add_batch(self.documents, signatures=self.signatures))
        for document, claims in self.documents:
            # A document given twice in one batch is new once.
            if document.doc_id in new:
                new.discard(document.doc_id)
                self.report.new_documents += 1
                self.report.claims += len(claims)
        self.documents = []
        self.signatures = {}
