"""Time ``newsflow analyze`` on HTML end to end, against trafilatura alone, on one core.

Two measures, each beside trafilatura's in the same run, on the saved pages of ``../shared/data/pages``:

- per page, in one process: ``extract_text`` (what ``analyze`` runs for a document with ``html``),
  ``extract_article`` (what ingestion runs: the same text plus dates, language, sanitised HTML and status) and
  ``trafilatura.extract``; the median and mean milliseconds of each, after an untimed warm-up;
- per batch, as a user runs it: ``newsflow analyze --no-topics --no-entities`` as a fresh process over a JSONL
  file of the pages, against a fresh Python process that imports trafilatura and extracts the same pages; the
  wall time of each run, the median over ``--runs`` runs taken in turns, and the milliseconds per page it comes
  to, start-up and one-time loading included.

The child processes are pinned to one CPU (``sched_setaffinity``). The JSONL file is written to a temporary
directory and removed afterwards.

Run: ``.venv/bin/python -W ignore -m bench.analyze_speed [--limit N] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extraction import CORPORA, LOADERS, PAGES_DIR, Case

BIN = Path(sys.executable).parent
# The trafilatura side of the batch measure: the same JSONL, read line by line, each html extracted.
TRAFILATURA_BATCH = """
import json, sys, warnings
warnings.filterwarnings("ignore")
import trafilatura
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        doc = json.loads(line)
        trafilatura.extract(doc["html"], url=doc.get("url"), include_comments=False)
"""


def sample_pages(limit: int | None, seed: int) -> list[Case]:
    cases = [case for corpus in CORPORA for case in LOADERS[corpus](PAGES_DIR)]
    if limit is not None and limit < len(cases):
        cases = random.Random(seed).sample(cases, limit)
    return cases


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def per_page(cases: list[Case]) -> dict[str, list[float]]:
    """Milliseconds per page of each extractor, run in turns on every page in this process."""
    import trafilatura

    from newsflow.extract import extract_article, extract_text

    runners: dict[str, Callable[[Case], object]] = {
        "extract_text (analyze)": lambda c: extract_text(c.html, url=c.url),
        "extract_article (ingest)": lambda c: extract_article(c.html, url=c.url),
        "trafilatura.extract": lambda c: trafilatura.extract(c.html, url=c.url, include_comments=False),
    }
    for case in cases[:3]:  # lazy imports, model loading and regex caches are not per-page costs
        for run in runners.values():
            run(case)
    times: dict[str, list[float]] = {name: [] for name in runners}
    for case in cases:
        for name, run in runners.items():
            start = time.perf_counter()
            run(case)
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, preexec_fn=_one_core)
    return time.perf_counter() - start


def batch(cases: list[Case], runs: int) -> dict[str, list[float]]:
    """Wall seconds of each batch run, newsflow and trafilatura in turns."""
    with tempfile.TemporaryDirectory(prefix="newsflow-bench-") as tmp:
        pages = Path(tmp) / "pages.jsonl"
        with pages.open("w", encoding="utf-8") as out:
            for case in cases:
                out.write(json.dumps({"id": f"{case.corpus}/{case.name}", "html": case.html, "url": case.url}) + "\n")
        commands = {
            "newsflow analyze": [
                str(BIN / "newsflow"), "analyze", "--input", str(pages), "--no-topics", "--no-entities",
            ],
            "trafilatura": [sys.executable, "-c", TRAFILATURA_BATCH, str(pages)],
        }
        walls: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                walls[name].append(_wall(command))
    return walls


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="a random sample of N pages (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="batch runs of each side (default 3)")
    parser.add_argument("--seed", type=int, default=181)
    args = parser.parse_args(argv)
    if not PAGES_DIR.exists():
        sys.exit(f"no page corpora at {PAGES_DIR.resolve()} (../shared/data/pages is needed)")
    _one_core()
    cases = sample_pages(args.limit, args.seed)
    n = len(cases)

    times = per_page(cases)
    baseline = statistics.median(times["trafilatura.extract"])
    print(f"per page, one process ({n} pages)      median ms    mean ms   median ratio")
    for name, ms in times.items():
        median = statistics.median(ms)
        print(f"  {name:<34}{median:>9.1f}{statistics.mean(ms):>11.1f}{median / baseline:>14.2f}x")

    walls = batch(cases, args.runs)
    traf = statistics.median(walls["trafilatura"])
    print(f"per batch, fresh process ({n} pages, {args.runs} runs)   median s   ms/page   ratio")
    for name, seconds in walls.items():
        median = statistics.median(seconds)
        print(f"  {name:<34}{median:>9.2f}{median / n * 1000:>10.1f}{median / traf:>8.2f}x")


if __name__ == "__main__":
    main()
