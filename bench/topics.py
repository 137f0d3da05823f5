"""Topic classification quality and speed on the evaluation sets in ../shared/data/topics.

Quality, per data set (``*.dev.jsonl``):
  * the default lexicon classifier, its best topic mapped through ``dataset_mapping`` (an article whose
    topic maps to no label, or that has none, counts wrong): accuracy and macro-F1;
  * a model trained with ``train_model`` on one half of the file and tested on the other (split by a hash
    of each id, so it is the same every run), both ways round: accuracy and macro-F1.
Speed: documents per CPU-second of the default classifier on one core (pinned; CPU time, so other work on
the machine does not count), median of several runs, with a fresh classifier (cold word cache) and again
warm, against a baseline of tokenising the same text in the same run.

    .venv/bin/python bench/topics.py [--runs 5] [--no-train] [--errors FILE]

The data sets are evaluation-only: nothing shipped is fitted on them; the half/half models are temporary.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from newsflow.topics import TopicInput, dataset_mapping  # noqa: E402
from newsflow.topics.lexicon import LexiconClassifier  # noqa: E402
from newsflow.topics.model import load_model, train_model  # noqa: E402
from newsflow.topics.text import TOKEN  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TOPICS_DIR = SHARED / "data" / "topics"
DATASETS = ("ag_news", "bbc_news")


def read_rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(gold: list[str], predicted: list[str | None]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the gold labels."""
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return correct / len(gold), sum(f1s) / len(f1s)


def docs_of(rows: list[dict[str, str]]) -> list[TopicInput]:
    return [TopicInput(row.get("title"), row.get("text") or "") for row in rows]


def evaluate_default(dataset: str, rows: list[dict[str, str]], errors: list[str]) -> None:
    classifier = LexiconClassifier()
    label_of = {topic: label for label, topics in dataset_mapping(dataset).items() for topic in topics}
    results = classifier.classify_batch(docs_of(rows))
    gold = [row["label"] for row in rows]
    predicted = [label_of.get(result.topic) if result.topic else None for result in results]
    accuracy, macro_f1 = scores(gold, predicted)
    print(f"{dataset:9s} default  accuracy {accuracy:.4f}  macro-F1 {macro_f1:.4f}  (n={len(rows)})")
    confusion = Counter((g, r.topic) for g, r, p in zip(gold, results, predicted, strict=True) if g != p)
    top = ", ".join(f"{g}→{t}: {n}" for (g, t), n in confusion.most_common(6))
    print(f"{'':9s}          most common errors: {top}")
    for row, result, g, p in zip(rows, results, gold, predicted, strict=True):
        if g != p:
            errors.append(
                json.dumps(
                    {
                        "dataset": dataset,
                        "id": row.get("id"),
                        "gold": g,
                        "topic": result.topic,
                        "title": row.get("title"),
                        "text": (row.get("text") or "")[:300],
                    }
                )
            )


def evaluate_trained(dataset: str, rows: list[dict[str, str]], workdir: Path) -> None:
    def half(row: dict[str, str]) -> int:
        return hashlib.sha256(str(row.get("id")).encode()).digest()[0] % 2

    halves = [[row for row in rows if half(row) == h] for h in (0, 1)]
    for train_half, test_half in ((0, 1), (1, 0)):
        train_path = workdir / f"{dataset}.{train_half}.jsonl"
        train_path.write_text("".join(json.dumps(row) + "\n" for row in halves[train_half]), encoding="utf-8")
        started = time.perf_counter()
        train_model([train_path], workdir / "model.bin")
        took = time.perf_counter() - started
        model = load_model(workdir / "model.bin")
        test = halves[test_half]
        predicted = [result.topic for result in model.classify_batch(docs_of(test))]
        accuracy, macro_f1 = scores([row["label"] for row in test], predicted)
        print(
            f"{dataset:9s} trained on half {train_half} ({len(halves[train_half])}), tested on half {test_half} "
            f"({len(test)}): accuracy {accuracy:.4f}  macro-F1 {macro_f1:.4f}  (training {took:.1f}s)"
        )


def measure_speed(dataset: str, rows: list[dict[str, str]], runs: int) -> None:
    docs = docs_of(rows)
    baseline, cold, warm = [], [], []
    for _ in range(runs):
        started = time.process_time()
        for doc in docs:
            TOKEN.findall(doc.title or "")
            TOKEN.findall(doc.text)
        baseline.append(time.process_time() - started)
        classifier = LexiconClassifier()
        started = time.process_time()
        classifier.classify_batch(docs)
        cold.append(time.process_time() - started)
        started = time.process_time()
        classifier.classify_batch(docs)
        warm.append(time.process_time() - started)
    base, first, again = statistics.median(baseline), statistics.median(cold), statistics.median(warm)
    words = sum(len(TOKEN.findall(d.text)) for d in docs) / len(docs)
    print(
        f"{dataset:9s} speed    {len(docs) / first:,.0f} docs per CPU-second on one core with a cold word cache, "
        f"{len(docs) / again:,.0f} warm (median of {runs}; {words:.0f} words/doc); "
        f"tokenising alone {len(docs) / base:,.0f} docs/s: classifying costs {again / base:.1f}x tokenising"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-train", action="store_true", help="skip the half/half trained models")
    parser.add_argument("--errors", type=Path, help="write the default classifier's errors here (JSONL)")
    args = parser.parse_args()
    if not TOPICS_DIR.is_dir():
        print(f"skipped: {TOPICS_DIR} is absent (../shared not checked out beside the repo)", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in DATASETS:
            path = TOPICS_DIR / f"{dataset}.dev.jsonl"
            if not path.exists():
                print(f"{dataset}: {path} is absent, skipped")
                continue
            rows = read_rows(path)
            evaluate_default(dataset, rows, errors)
            measure_speed(dataset, rows, args.runs)
            if not args.no_train:
                evaluate_trained(dataset, rows, Path(tmp))
    if args.errors:
        args.errors.write_text("".join(line + "\n" for line in errors), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
