"""Claims produced on ordinary real news: claims per 1,000 documents by source, and the documents
producing the most claims, listed for review.

Most of the corpus is not about arms transfers, so a high rate on a source of business or sports
news is a sign of false positives; the top documents show which phrasings trigger them. (A few
hundred documents in the corpus do report transfers: their claims are not errors, which is why the
list is for a person to review rather than a score.)

Documents stream through the extractor (`armswatch.scale.iter_parallel`), so memory stays flat:
only per-source counters and the current top list are kept.

Usage (from the project root):

    .venv/bin/python benchmarks/false_positives.py ../shared/corpora/news.jsonl.gz
    .venv/bin/python benchmarks/false_positives.py ../shared/corpora/news.jsonl.gz --stride 10 --workers 4
"""

from __future__ import annotations

import argparse
import heapq
import json
import platform
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from armswatch import __version__
from armswatch.ingest import iter_inputs
from armswatch.models import Claim, Document, Failure
from armswatch.scale import iter_parallel

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "false_positives.json"
UNKNOWN_SOURCE = "(no source)"


@dataclass
class SourceTally:
    documents: int = 0
    documents_with_claims: int = 0
    claims: int = 0
    categories: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "documents_with_claims": self.documents_with_claims,
            "claims": self.claims,
            "claims_per_1000_documents": round(1000 * self.claims / self.documents, 2)
            if self.documents
            else None,
            "documents_with_claims_per_1000": round(
                1000 * self.documents_with_claims / self.documents, 2
            )
            if self.documents
            else None,
            "categories": dict(self.categories.most_common()),
        }


def party_label(claim: Claim, role: str) -> str:
    party = claim.supplier if role == "supplier" else claim.recipient
    return party.key if party is not None else "?"


def claim_summary(claim: Claim) -> str:
    """One line a reviewer can read: parties, categories, status and certainty."""
    return (
        f"{party_label(claim, 'supplier')} -> {party_label(claim, 'recipient')} "
        f"{'/'.join(claim.categories)} [{claim.status}/{claim.certainty}]"
    )


def review_entry(document: Document, claims: list[Claim]) -> dict[str, Any]:
    first = min(claims, key=lambda claim: claim.evidence.start)
    return {
        "id": document.doc_ref or document.doc_id,
        "source": document.outlet or UNKNOWN_SOURCE,
        "title": document.title,
        "claims": len(claims),
        "first_claim": claim_summary(first),
        "first_evidence": first.evidence.text,
    }


def sampled(
    items: Iterable[Document | Failure], stride: int, limit: int | None
) -> Iterator[Document | Failure]:
    """Every `stride`-th item, at most `limit` of them: a spread across sources, not just the first."""
    chosen = (item for number, item in enumerate(items) if number % stride == 0)
    return islice(chosen, limit) if limit is not None else chosen


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux. Pool workers are not counted: they may be children of a
    # forkserver rather than of this process.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(corpus: str, *, limit: int | None, stride: int, top: int, workers: int) -> dict[str, Any]:
    tallies: dict[str, SourceTally] = {}
    failures = 0
    failure_examples: list[str] = []
    # A min-heap of (claims, order, entry) keeps the `top` documents with the most claims.
    heaviest: list[tuple[int, int, dict[str, Any]]] = []
    started = time.perf_counter()
    items = sampled(iter_inputs([corpus]), stride, limit)
    for order, result in enumerate(iter_parallel(items, workers=workers)):
        if isinstance(result, Failure):
            failures += 1
            if len(failure_examples) < 10:
                failure_examples.append(str(result))
            continue
        document, claims = result
        tally = tallies.setdefault(document.outlet or UNKNOWN_SOURCE, SourceTally())
        tally.documents += 1
        if not claims:
            continue
        tally.documents_with_claims += 1
        tally.claims += len(claims)
        for claim in claims:
            tally.categories.update(claim.categories)
        entry = (len(claims), -order, review_entry(document, claims))
        if len(heaviest) < top:
            heapq.heappush(heaviest, entry)
        elif entry[:2] > heaviest[0][:2]:
            heapq.heapreplace(heaviest, entry)
    seconds = time.perf_counter() - started

    total = SourceTally()
    for tally in tallies.values():
        total.documents += tally.documents
        total.documents_with_claims += tally.documents_with_claims
        total.claims += tally.claims
        total.categories.update(tally.categories)
    return {
        "benchmark": "false_positives",
        "corpus": corpus,
        "armswatch_version": __version__,
        "python": platform.python_version(),
        "settings": {"limit": limit, "stride": stride, "top": top, "workers": workers},
        "seconds": round(seconds, 2),
        "documents_per_second": round(total.documents / seconds, 2) if seconds else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "failures": failures,
        "failure_examples": failure_examples,
        "overall": total.to_dict(),
        "by_source": {
            source: tallies[source].to_dict()
            for source in sorted(tallies, key=lambda name: -tallies[name].documents)
        },
        "top_documents": [entry for _, _, entry in sorted(heaviest, reverse=True)],
    }


def print_report(report: dict[str, Any]) -> None:
    print(f"{'source':<32}{'docs':>8}{'w/claims':>10}{'claims':>8}{'per 1k docs':>13}")
    rows = [*report["by_source"].items(), ("all", report["overall"])]
    for source, tally in rows:
        rate = tally["claims_per_1000_documents"]
        print(
            f"{source[:31]:<32}{tally['documents']:>8}{tally['documents_with_claims']:>10}"
            f"{tally['claims']:>8}{'-' if rate is None else f'{rate:.1f}':>13}"
        )
    print(
        f"\n{report['overall']['documents']} documents in {report['seconds']}s "
        f"({report['documents_per_second']} docs/s), peak RSS of this process "
        f"{report['peak_rss_mb']} MB, "
        f"{report['failures']} failures"
    )
    print("\ndocuments with the most claims (review these):")
    for entry in report["top_documents"]:
        title = (entry["title"] or "").strip()[:70]
        print(f"  {entry['claims']:>3}  {entry['id']} [{entry['source']}] {title}")
        print(f"       {entry['first_claim']}")
        print(f"       > {' '.join(entry['first_evidence'].split())[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSONL(.gz) of {id, source, date, title, text} records")
    parser.add_argument("--limit", type=int, default=None, help="stop after N documents")
    parser.add_argument(
        "--stride", type=int, default=1, help="take every Nth document (a sample across sources)"
    )
    parser.add_argument("--top", type=int, default=30, help="how many documents to list")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to save the JSON")
    args = parser.parse_args(argv)
    if not Path(args.corpus).is_file():
        print(f"{args.corpus}: no such file", file=sys.stderr)
        return 2
    if args.stride < 1 or (args.limit is not None and args.limit < 1):
        print("--stride and --limit must be at least 1", file=sys.stderr)
        return 2
    try:
        report = run(
            args.corpus, limit=args.limit, stride=args.stride, top=args.top, workers=args.workers
        )
    except NotImplementedError as exc:
        print(f"cannot extract: {exc}", file=sys.stderr)
        return 1
    report["command"] = " ".join(["benchmarks/false_positives.py", *(argv or sys.argv[1:])])
    print_report(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nsaved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
