"""What the prefilter costs in recall: gold transfers found when every sentence is parsed, but
lost when only the prefilter's candidate windows are.

Runs armswatch's evaluation twice over the development gold set, once with
`extract_document(document, prefilter=False)` and once as shipped, and reports the share of gold
transfers the first finds that the second misses (target: at most 1%), with the documents where
that happens and the time each run took.

Usage (from the project root):

    .venv/bin/python benchmarks/prefilter_recall.py benchmarks/gold/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from provenance import git_commit  # benchmarks/provenance.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "prefilter_recall.json"
TARGET_LOST_SHARE = 0.01


def claim_keys(claims: list[Any]) -> set[tuple[str, str, str, str]]:
    """Claims as (supplier, recipient, category, status): what a reader would call 'the same'."""
    keys = set()
    for claim in claims:
        supplier = claim.supplier.key if claim.supplier else "?"
        recipient = claim.recipient.key if claim.recipient else "?"
        for category in claim.categories:
            keys.add((supplier, recipient, category, claim.status))
    return keys


def timed(extractor: Callable[[Any], list[Any]]) -> tuple[Callable[[Any], list[Any]], list[float]]:
    """The extractor, recording the time of each call, and the list of those times."""
    seconds: list[float] = []

    def run(document: Any) -> list[Any]:
        started = time.perf_counter()
        try:
            return extractor(document)
        finally:
            seconds.append(time.perf_counter() - started)

    return run, seconds


def measure(gold_paths: list[str]) -> dict[str, Any]:
    from armswatch.evaluate import document_for, evaluate, load_gold
    from armswatch.extract.claims import extract_document

    def every_sentence(document: Any) -> list[Any]:
        return extract_document(document, prefilter=False)  # type: ignore[call-arg]

    full_extractor, full_seconds = timed(every_sentence)
    filtered_extractor, filtered_seconds = timed(extract_document)
    full = evaluate(gold_paths, extractor=full_extractor)
    filtered = evaluate(gold_paths, extractor=filtered_extractor)

    found_full = found_filtered = lost = gained = 0
    lost_in: list[dict[str, Any]] = []
    for full_result, filtered_result in zip(full.documents, filtered.documents, strict=True):
        # Counted with multiplicity: a document may report two transfers with the same key.
        full_found = Counter(gold.key for gold, _ in full_result.matches)
        filtered_found = Counter(gold.key for gold, _ in filtered_result.matches)
        found_full += sum(full_found.values())
        found_filtered += sum(filtered_found.values())
        gained += sum((filtered_found - full_found).values())
        missing = full_found - filtered_found
        lost += sum(missing.values())
        if missing:
            lost_in.append(
                {
                    "id": full_result.document.id,
                    "location": full_result.document.location,
                    "lost": [list(key) for key in sorted(missing.elements())],
                }
            )

    # The same comparison on raw claims, which does not depend on fusion.
    claims_full = claims_lost = 0
    claims_lost_in: list[dict[str, Any]] = []
    for gold in load_gold(gold_paths):
        document = document_for(gold)
        try:
            full_keys = claim_keys(every_sentence(document))
            filtered_keys = claim_keys(extract_document(document))
        except Exception as exc:  # reported per document like the evaluation does
            claims_lost_in.append({"id": gold.id, "failure": f"{type(exc).__name__}: {exc}"})
            continue
        claims_full += len(full_keys)
        missing_claims = full_keys - filtered_keys
        claims_lost += len(missing_claims)
        if missing_claims:
            claims_lost_in.append(
                {"id": gold.id, "lost": [list(key) for key in sorted(missing_claims)]}
            )

    lost_share = lost / found_full if found_full else 0.0
    return {
        "gold_files": gold_paths,
        "documents": len(full.documents),
        "gold_transfers": sum(len(r.document.transfers) for r in full.documents),
        "found_parsing_every_sentence": found_full,
        "found_with_prefilter": found_filtered,
        "lost_with_prefilter": lost,
        "found_only_with_prefilter": gained,
        "lost_share": round(lost_share, 4),
        "target_lost_share": TARGET_LOST_SHARE,
        "target_met": lost_share <= TARGET_LOST_SHARE,
        "recall_parsing_every_sentence": full.overall.transfer.recall,
        "recall_with_prefilter": filtered.overall.transfer.recall,
        "documents_losing_transfers": lost_in,
        "claims": {
            "distinct_claims_parsing_every_sentence": claims_full,
            "lost_with_prefilter": claims_lost,
            "lost_share": round(claims_lost / claims_full, 4) if claims_full else 0.0,
            "documents": claims_lost_in,
        },
        "seconds": {
            "parsing_every_sentence": round(sum(full_seconds), 3),
            "with_prefilter": round(sum(filtered_seconds), 3),
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "gold", nargs="*", help="gold JSONL files (default: benchmarks/gold/*.jsonl)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    gold = args.gold or sorted(
        str(p.relative_to(Path.cwd())) if p.is_relative_to(Path.cwd()) else str(p)
        for p in (ROOT / "benchmarks" / "gold").glob("*.jsonl")
    )
    if not gold:
        raise SystemExit("no gold files given and none in benchmarks/gold/")
    report = measure(gold)
    report["command"] = "python benchmarks/prefilter_recall.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    report["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    report["commit"] = git_commit()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    summary = {
        k: report[k]
        for k in (
            "documents",
            "found_parsing_every_sentence",
            "lost_with_prefilter",
            "lost_share",
            "target_met",
        )
    }
    print(json.dumps(summary, indent=2))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
