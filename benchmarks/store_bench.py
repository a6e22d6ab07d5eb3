"""Store benchmark: ingest + fuse throughput, `transfers` query latency, memory vs store size.

    .venv/bin/python benchmarks/store_bench.py            # full run (about a minute)
    .venv/bin/python benchmarks/store_bench.py --quick    # smaller store, for a smoke test
    .venv/bin/python benchmarks/store_bench.py --bulk     # the bulk run alone, nothing written

Synthetic claims (no extractor): documents of about 120 words with 10 claims each, spread over
enough (supplier, recipient, category) keys and years that the store ends with >= 100,000
transfers. Prints the figures and writes them to benchmarks/results/store.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from armswatch.models import (
    CATEGORIES,
    LIFECYCLE,
    Claim,
    DateSpan,
    Document,
    Evidence,
    Item,
    Origin,
    Party,
    Quantity,
    Speaker,
)
from armswatch.store import Store
from provenance import git_commit  # benchmarks/provenance.py, beside this script

RESULTS = Path(__file__).parent / "results" / "store.json"
CERTAINTIES = ("confirmed", "reported", "reported", "unconfirmed", "speculative", "denied")
ORIGINS = [
    Origin(name=f"Origin {n}", country="USA" if n % 2 else "GBR", kind="government")
    for n in range(40)
]
SPEAKERS = {
    origin.name: Speaker(
        speaker=f"Spokesperson {n}",
        title="deputy spokesperson",
        org=f"Ministry {n}",
        country=origin.country,
        kind="government",
    )
    for n, origin in enumerate(ORIGINS)
}
# A vocabulary big enough that unrelated synthetic reports do not look like copies of each other.
WORDS = [
    f"{stem}{n}"
    for stem in ("port", "convoy", "shell", "drone", "talk", "depot")
    for n in range(400)
]


def party(number: int) -> Party:
    return Party(name=f"State {number:03d}", code=f"S{number:03d}", kind="state")


def synthetic_batch(
    start: int,
    documents: int,
    per_document: int,
    pairs: int,
    seed: int,
    years: int = 33,
    shaped_like_extraction: bool = False,
) -> list[tuple[Document, list[Claim]]]:
    """Documents with claims; claim k of document n lands on a spread of keys and years.

    The claims carry a 60-character evidence text and no speaker, as in every earlier round;
    `shaped_like_extraction` gives them what the extractor's carry: a sentence of 200 characters
    and, on claims with an origin, the speaker it came from."""
    rng = random.Random(seed + start)
    batch = []
    categories = CATEGORIES[:12]
    for n in range(start, start + documents):
        year = 2023 - (n * 7) % years  # years far apart split one key into separate deals
        words = [WORDS[rng.randrange(len(WORDS))] for _ in range(110)]
        text = f"Report {n} ({rng.random():.12f}): " + " ".join(words) + f" depot {n * 31}."
        published = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        document = Document.from_text(text, outlet=f"Outlet {n % 50}", published=published)
        claims = []
        evidence_end = 200 if shaped_like_extraction else 60
        for k in range(per_document):
            pair = rng.randrange(pairs)
            supplier, recipient = party(pair % 100), party(100 + pair // 100)
            claims.append(
                Claim(
                    claim_id=f"{document.doc_id}-{k}",
                    doc_id=document.doc_id,
                    supplier=supplier,
                    recipient=recipient,
                    items=[
                        Item(
                            category=categories[rng.randrange(len(categories))],
                            label="shells",
                            designation=f"Model-{rng.randrange(500)}",
                            quantity=Quantity(min=rng.randrange(1, 500), max=None, approx=True),
                        )
                    ],
                    status=LIFECYCLE[rng.randrange(len(LIFECYCLE))],
                    certainty=CERTAINTIES[rng.randrange(len(CERTAINTIES))],
                    evidence=Evidence(start=0, end=evidence_end, text=text[:evidence_end]),
                    deal="sale",
                    event_date=DateSpan(),
                    reported_date=published,
                    origin=ORIGINS[rng.randrange(len(ORIGINS))] if k % 3 else None,
                    confidence=0.7,
                )
            )
            origin = claims[-1].origin
            if shaped_like_extraction and origin is not None:
                claims[-1].attribution = [SPEAKERS[origin.name]]
        batch.append((document, claims))
    return batch


def batches(
    total_documents: int, per_document: int, batch_size: int, pairs: int, seed: int
) -> Iterator[list[tuple[Document, list[Claim]]]]:
    for start in range(0, total_documents, batch_size):
        yield synthetic_batch(
            start, min(batch_size, total_documents - start), per_document, pairs, seed
        )


def ingest(
    store: Store,
    documents: int,
    per_document: int,
    batch_size: int,
    pairs: int,
    start: int = 0,
    years: int = 33,
    shaped_like_extraction: bool = False,
) -> dict[str, float]:
    """Bulk ingest (add_many) then one refresh. Claim generation is not timed, nor are MinHash
    signatures: the pipeline's workers compute them and hand them to the store (see
    minhash_seconds for their cost)."""
    add_seconds = add_cpu = 0.0
    for begin in range(start, start + documents, batch_size):
        batch = synthetic_batch(
            begin,
            min(batch_size, start + documents - begin),
            per_document,
            pairs,
            1,
            years,
            shaped_like_extraction,
        )
        signatures = signatures_of(batch)
        started, cpu = time.perf_counter(), time.process_time()
        store.add_many(batch, signatures=signatures)
        add_seconds += time.perf_counter() - started
        add_cpu += time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    store.refresh_transfers()
    fuse_seconds = time.perf_counter() - started
    fuse_cpu = time.process_time() - cpu
    claims = documents * per_document
    return {
        "documents": documents,
        "claims": claims,
        "add_seconds": round(add_seconds, 2),
        "fuse_seconds": round(fuse_seconds, 2),
        "claims_per_second": round(claims / (add_seconds + fuse_seconds)),
        "add_cpu_seconds": round(add_cpu, 2),
        "fuse_cpu_seconds": round(fuse_cpu, 2),
        "cpu_seconds": round(add_cpu + fuse_cpu, 2),
        "claims_per_cpu_second": round(claims / (add_cpu + fuse_cpu)),
        "cpu_us_per_claim": round((add_cpu + fuse_cpu) / claims * 1e6, 1),
    }


def signatures_of(batch: list[tuple[Document, list[Claim]]]) -> dict[str, bytes]:
    """The MinHash signatures extraction workers hand to the store with their documents."""
    signatures = {}
    for document, _ in batch:
        signature = document_signature(document.text)
        if signature is not None:
            signatures[document.doc_id] = signature
    return signatures


def document_signature(text: str) -> bytes | None:
    from armswatch.ingest.dedup import minhash_signature, signature_to_bytes

    return signature_to_bytes(minhash_signature(text)) if text.strip() else None


def ingest_one_by_one(
    store: Store, documents: int, per_document: int, pairs: int
) -> dict[str, float]:
    """store.add per document (one transaction each, signature computed by a worker), then
    refresh: what pipeline.ingest did before it wrote documents in batches."""
    batch = synthetic_batch(10_000_000, documents, per_document, pairs, 2)
    signatures = [document_signature(document.text) for document, _ in batch]
    started = time.perf_counter()
    for (document, claims), signature in zip(batch, signatures, strict=True):
        store.add(document, claims, signature=signature)
    store.refresh_transfers()
    seconds = time.perf_counter() - started
    return {
        "documents": documents,
        "claims": documents * per_document,
        "seconds": round(seconds, 2),
        "claims_per_second": round(documents * per_document / seconds),
    }


def ingest_as_pipeline(
    store: Store, documents: int, per_document: int, pairs: int, start: int = 30_000_000
) -> dict[str, float]:
    """pipeline.ingest's path: add_batch of BATCH_DOCUMENTS documents per transaction (signatures
    computed by the workers, so not timed), then one refresh."""
    from armswatch.pipeline import BATCH_DOCUMENTS

    seconds = cpu = 0.0
    for begin in range(start, start + documents, BATCH_DOCUMENTS):
        batch = synthetic_batch(
            begin, min(BATCH_DOCUMENTS, start + documents - begin), per_document, pairs, 4
        )
        signatures = signatures_of(batch)
        started, cpu_started = time.perf_counter(), time.process_time()
        store.add_batch(batch, signatures=signatures)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    started, cpu_started = time.perf_counter(), time.process_time()
    store.refresh_transfers()
    seconds += time.perf_counter() - started
    cpu += time.process_time() - cpu_started
    return {
        "documents": documents,
        "documents_per_transaction": BATCH_DOCUMENTS,
        "claims": documents * per_document,
        "seconds": round(seconds, 2),
        "claims_per_second": round(documents * per_document / seconds),
        "cpu_seconds": round(cpu, 2),
        "claims_per_cpu_second": round(documents * per_document / cpu),
    }


def query_latency(store: Store, repeats: int) -> dict[str, dict[str, float]]:
    """p50/p95 in ms of typical `transfers` queries (100 rows, as the CLI table shows)."""
    rng = random.Random(7)
    queries: dict[str, Callable[[], dict[str, Any]]] = {
        "latest": lambda: {},
        "supplier": lambda: {"supplier": f"S{rng.randrange(100):03d}"},
        "recipient+category": lambda: {
            "recipient": f"S{100 + rng.randrange(100):03d}",
            "category": CATEGORIES[rng.randrange(12)],
        },
        "stage+min_origins": lambda: {
            "stage": LIFECYCLE[rng.randrange(len(LIFECYCLE))],
            "min_origins": 2,
        },
        "since+until": lambda: {"since": "2005-01-01", "until": "2006-12-31"},
        "text": lambda: {"text": f"model-{rng.randrange(500)}"},
        "new_only": lambda: {"new_only": True},
    }
    results = {}
    for name, make in queries.items():
        timings = []
        for _ in range(repeats):
            filters = make()
            started = time.perf_counter()
            store.transfers(**filters, limit=100)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results[name] = {
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        }
    return results


def measure_rss(url: str) -> None:
    """Child process: query and export the whole store, then print peak RSS in MB."""
    import io

    from armswatch.export import export

    with Store(url) as store:
        store.transfers(limit=100)
        sink = io.StringIO()
        rows = 0
        for transfer in store.iter_transfers():
            rows += 1
            sink.write(transfer.transfer_id)
        export(store, "csv", open("/dev/null", "w"))  # noqa: SIM115
        store.claims(limit=100)
    print(json.dumps({"transfers_streamed": rows, "peak_rss_mb": round(peak_rss_mb(), 1)}))


def peak_rss_mb() -> float:
    """This process's peak RSS. On Linux, VmHWM: ru_maxrss survives exec, so a child would report
    the peak of the parent it was forked from (the benchmark itself)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_for(url: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure-rss", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def minhash_seconds(documents: int, per_document: int, pairs: int) -> float:
    """Time spent computing MinHash signatures alone, for the same kind of documents."""
    from armswatch.ingest.dedup import minhash_signature, signature_to_bytes

    batch = synthetic_batch(20_000_000, documents, per_document, pairs, 3)
    started = time.perf_counter()
    for document, _ in batch:
        signature_to_bytes(minhash_signature(document.text))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small store, for a smoke test")
    parser.add_argument(
        "--bulk",
        action="store_true",
        help="only the bulk ingest + fuse run (to alternate with other code); writes no results",
    )
    parser.add_argument("--measure-rss", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_rss:
        measure_rss(args.measure_rss)
        return
    if args.bulk:
        with (
            tempfile.TemporaryDirectory() as workdir,
            Store(str(Path(workdir) / "bulk.db")) as store,
        ):
            bulk = ingest(store, 10_000, 10, 500, pairs=500, years=6)
        print(json.dumps(bulk | {"load_average_1_min": round(os.getloadavg()[0], 2)}))
        return

    load_before = os.getloadavg()
    per_document, batch_size = 10, 500
    scale = 10 if args.quick else 1
    with tempfile.TemporaryDirectory() as workdir:
        # Throughput: 100,000 claims over 500 supplier-recipient pairs and six years, so each
        # transfer gathers many claims, as in real reporting.
        throughput_url = str(Path(workdir) / "throughput.db")
        with Store(throughput_url) as store:
            throughput = ingest(
                store, 10_000 // scale, per_document, batch_size, pairs=500, years=6
            )
            throughput["transfers"] = store.count_transfers()
            one_by_one = ingest_one_by_one(store, 1000 // scale, per_document, pairs=500)
        # The same claims with a 200-character evidence sentence and a speaker, as extracted.
        with Store(str(Path(workdir) / "shaped.db")) as store:
            shaped = ingest(
                store,
                10_000 // scale,
                per_document,
                batch_size,
                pairs=500,
                years=6,
                shaped_like_extraction=True,
            )
        # The pipeline's batches, into a fresh store as a first ingest would be, and again into
        # the store above, whose pairs all hold claims already (so each is read back to re-fuse).
        with Store(str(Path(workdir) / "pipeline.db")) as store:
            pipeline_fresh = ingest_as_pipeline(store, 10_000 // scale, per_document, pairs=500)
        with Store(throughput_url) as store:
            pipeline_existing = ingest_as_pipeline(store, 2000 // scale, per_document, pairs=500)
        minhash = minhash_seconds(1000 // scale, per_document, 500)
        throughput["minhash_seconds_per_1000_documents"] = round(minhash * scale, 2)

        # Query latency and memory: a store with > 100,000 transfers (about one claim each).
        url = str(Path(workdir) / "bench.db")
        documents, pairs = 20_000 // scale, 10_000
        with Store(url) as store:
            first = ingest(store, documents // 4, per_document, batch_size, pairs)
            rss_small = rss_for(url) | {"transfers": store.count_transfers()}
            rest = ingest(
                store,
                documents - documents // 4,
                per_document,
                batch_size,
                pairs,
                start=documents // 4,
            )
            transfers = store.count_transfers()
            rss_large = rss_for(url) | {"transfers": transfers}
            latency = query_latency(store, repeats=40 if args.quick else 200)
        size_mb = round(Path(url).stat().st_size / 1e6, 1)

    results = {
        "command": "python benchmarks/store_bench.py" + (" --quick" if args.quick else ""),
        "commit": git_commit(),
        "machine": {
            "python": platform.python_version(),
            "cores": os.cpu_count(),
            # Other benchmarks share the machine: wall-clock figures rise with its load.
            "load_average_1_5_15_min_at_start": [round(x, 2) for x in load_before],
            "load_average_1_5_15_min_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "bulk_ingest_and_fuse": throughput
        | {
            "claims_per_second_with_minhash_in_process": round(
                throughput["claims"]
                / (throughput["add_seconds"] + throughput["fuse_seconds"] + minhash * 10)
            ),
            "target_claims_per_second": 20_000,
        },
        "bulk_ingest_and_fuse_claims_shaped_like_extraction": shaped,
        "per_document_add_then_fuse": one_by_one,
        "pipeline_batches_then_fuse": {
            "into_an_empty_store": pipeline_fresh,
            "into_a_store_holding_every_pair": pipeline_existing,
        },
        "large_store_build": {"first_quarter": first, "rest": rest},
        "transfers_query": {
            "transfers_in_store": transfers,
            "database_mb": size_mb,
            "latency": latency,
            "worst_p95_ms": max(q["p95_ms"] for q in latency.values()),
            "target_p95_ms": 50,
        },
        "memory": {
            "small_store": rss_small,
            "large_store": rss_large,
            "growth_mb": round(rss_large["peak_rss_mb"] - rss_small["peak_rss_mb"], 1),
        },
    }
    print(json.dumps(results, indent=2))
    if not args.quick:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"written to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
