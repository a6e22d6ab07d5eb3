"""One run of the flow (read -> extract -> store -> fuse), shared by the CLI, the API and the engines."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from armswatch.extract import extract_document
from armswatch.ingest import iter_inputs
from armswatch.models import Claim, Document, Failure

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


def iter_extracted(
    inputs: Iterable[str],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """Documents with their claims, in input order; unreadable inputs come through as Failures."""
    for item in iter_inputs(inputs):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield item, extract_document(item)
        except Exception as exc:  # one bad document must not stop the run
            yield Failure(item.doc_ref or item.doc_id, f"extraction failed: {exc}", stage="extract")


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> RunReport:
    """Read, extract and store every input; each document is stored with its claims atomically."""
    report = RunReport()
    started = time.perf_counter()
    for result in iter_extracted(inputs, workers=workers, engine=engine, scheduler=scheduler):
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
