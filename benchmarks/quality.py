"""Extraction quality against the development gold set: prints the score table and saves JSON.

Runs `armswatch.evaluate.evaluate` (extract each gold document, fuse its claims, match transfers
on supplier, recipient and category) over every gold file and writes the scores, by form and era,
with each document's misses and extras, to benchmarks/results/quality.json.

Usage (from the project root):

    .venv/bin/python benchmarks/quality.py                      # every benchmarks/gold/*.jsonl
    .venv/bin/python benchmarks/quality.py benchmarks/gold/dev_part1.jsonl --details
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from armswatch import __version__
from armswatch.errors import Error
from armswatch.evaluate import evaluate
from provenance import git_commit  # benchmarks/provenance.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "gold"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "quality.json"
# Targets from issue 3, printed beside the measured figures.
TARGETS = {"transfer_f1": 0.90, "stage_accuracy": 0.85}


def display_path(path: Path) -> str:
    """A path relative to the project root when it lies inside it, so results compare across hosts."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def target_line(name: str, value: float | None) -> str:
    target = TARGETS[name]
    met = value is not None and value >= target
    shown = "-" if value is None else f"{value:.3f}"
    return f"{name} {shown} (target >= {target}, {'met' if met else 'not met'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold", nargs="*", type=Path, help="gold files (default: benchmarks/gold/*.jsonl)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to save the JSON")
    parser.add_argument("--details", action="store_true", help="also print each document's errors")
    args = parser.parse_args(argv)

    gold_files = args.gold or sorted(GOLD_DIR.glob("*.jsonl"))
    if not gold_files:
        print(f"no gold files in {GOLD_DIR}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        result = evaluate(gold_files)
    except (Error, NotImplementedError, ImportError) as exc:
        print(f"cannot evaluate: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started

    print(result.format_table())
    overall = result.overall
    measured = {"transfer_f1": overall.transfer.f1, "stage_accuracy": overall.stage.value}
    print("\ntargets: " + ", ".join(target_line(name, measured[name]) for name in TARGETS))
    print(f"{overall.documents} documents in {seconds:.1f}s")
    if args.details:
        print()
        print(result.format_details())

    report = {
        "benchmark": "quality",
        "command": " ".join(["benchmarks/quality.py", *map(str, argv or sys.argv[1:])]),
        "armswatch_version": __version__,
        "commit": git_commit(),
        "python": platform.python_version(),
        "seconds": round(seconds, 2),
        "targets": TARGETS,
        **result.to_dict(details=True),
    }
    report["gold_files"] = [display_path(path) for path in gold_files]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
