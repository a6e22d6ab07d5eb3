"""One run of the flow (read -> extract -> store -> fuse), shared by the CLI, the API and the engines."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from armswatch.models import Claim, Document, Failure
from armswatch.scale import Extractor, iter_parallel

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


def iter_extracted(
    inputs: Iterable[str],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    extractor: Extractor | None = None,
) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """Documents with their claims, in input order; unreadable inputs come through as Failures.

    `workers` > 1 runs a local process pool; `engine="dask"` runs on the Dask scheduler at
    `scheduler` (a LocalCluster of `workers` processes when None). Documents stream through: only
    a bounded window of them is in memory at once. `progress` draws a bar on stderr when it is a
    terminal (off by default here, as callers print their own output as results come).
    """
    results = iter_parallel(
        _read(inputs), workers=workers, engine=engine, scheduler=scheduler, extractor=extractor
    )
    if not progress:
        yield from results
        return
    yield from _with_progress(results)


def _with_progress(
    results: Iterator[tuple[Document, list[Claim]] | Failure],
) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """The results, with a progress bar on stderr when stderr is a terminal."""
    from tqdm import tqdm

    enabled = sys.stderr.isatty()
    with tqdm(unit=" docs", file=sys.stderr, disable=not enabled, dynamic_ncols=True) as bar:
        claims = failures = 0
        for result in results:
            if isinstance(result, Failure):
                failures += 1
            else:
                claims += len(result[1])
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
) -> RunReport:
    """Read, extract and store every input; each document is stored with its claims atomically.

    This process is the only writer: workers (local or on a cluster) only extract.
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
    )
    for result in results:
        if isinstance(result, Failure):
            report.failures.append(result)
            store.add_failure(result)
            continue
        document, claims = result
        report.documents += 1
        if store.add(document, claims):
            report.new_documents += 1
            report.claims += len(claims)
    store.refresh_transfers()
    report.seconds = time.perf_counter() - started
    return report
