"""Entity extraction quality and speed on CoNLL-2003 English (eng.testa), raw spaCy against newsflow.

Quality: PER/ORG/LOC entity-level precision, recall and F1 (exact character spans and type), with spaCy's
labels mapped PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC and everything else (and CoNLL's MISC) ignored. Each
sentence is one document whose text is its tokens joined by single spaces, as ``newsflow analyze`` sees it.
Speed: words per CPU second on one core (pinned, BLAS threads 1), median of several runs.

    .venv/bin/python bench/entities.py [--runs 3] [--limit N] [--errors FILE]

CoNLL-2003 is evaluation-only data: nothing here is fitted on it.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from pathlib import Path  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TESTA = SHARED / "data" / "ner" / "conll2003" / "eng.testa"
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")

Spans = set[tuple[int, int, str]]


def read_conll(path: Path) -> list[tuple[str, Spans]]:
    """Sentences as (text, gold spans) with character offsets into the space-joined text."""
    sentences: list[tuple[str, Spans]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if not words:
            return
        offsets, pos = [], 0
        for word in words:
            offsets.append(pos)
            pos += len(word) + 1
        gold: Spans = set()
        start: int | None = None
        kind = ""
        for i, tag in enumerate([*tags, "O"]):
            inside = tag.startswith("I-") and start is not None and tag[2:] == kind
            if start is not None and not inside:
                end = offsets[i - 1] + len(words[i - 1])
                if kind in TYPES:
                    gold.add((start, end, kind))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = offsets[i], tag[2:]
        sentences.append((" ".join(words), gold))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            flush()
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    flush()
    return sentences


def score(gold: list[Spans], predicted: list[Spans]) -> dict[str, tuple[float, float, float, int]]:
    """Per type and micro ("ALL"): precision, recall, F1 and gold count."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for span in p & g:
            tp[span[2]] += 1
        for span in p - g:
            fp[span[2]] += 1
        for span in g - p:
            fn[span[2]] += 1
    out = {}
    for kind in (*TYPES, "ALL"):
        t = sum(tp.values()) if kind == "ALL" else tp[kind]
        f_p = sum(fp.values()) if kind == "ALL" else fp[kind]
        f_n = sum(fn.values()) if kind == "ALL" else fn[kind]
        precision = t / (t + f_p) if t + f_p else 0.0
        recall = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = (precision, recall, f1, t + f_n)
    return out


def mapped(entities: Iterable[tuple[int, int, str]]) -> Spans:
    return {(s, e, TYPE_MAP[label]) for s, e, label in entities if label in TYPE_MAP}


def timed(run: Callable[[], list[Spans]], runs: int) -> tuple[list[Spans], float]:
    """The result and the median CPU seconds of ``runs`` runs (CPU time, so other work on a shared machine
    does not count against us; the process is pinned to one core with single-threaded BLAS)."""
    times: list[float] = []
    result: list[Spans] = []
    for _ in range(runs):
        began = time.process_time()
        result = run()
        times.append(time.process_time() - began)
    return result, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    parser.add_argument("--errors", type=Path, help="write newsflow's false positives/negatives here")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw spaCy baselines")
    args = parser.parse_args()
    if not TESTA.exists():
        print(f"skipped: {TESTA} is absent (../shared not beside the checkout)", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import spacy

    from newsflow.entities import get_extractor
    from newsflow.entities.model import NER_ONLY_EXCLUDE

    sentences = read_conll(TESTA)
    if args.limit:
        sentences = sentences[: args.limit]
    texts = [text for text, _ in sentences]
    gold = [spans for _, spans in sentences]
    words = sum(len(text.split()) for text in texts)
    extractor = get_extractor()
    package = extractor.model_package
    print(f"eng.testa: {len(texts)} sentences, {words} words; model {package}; {args.runs} runs, one core")

    rows: list[tuple[str, list[Spans], float]] = []
    if not args.no_raw:
        for label, nlp in (
            ("raw spaCy, full pipeline", spacy.load(package)),
            ("raw spaCy, NER only", spacy.load(package, exclude=list(NER_ONLY_EXCLUDE))),
        ):
            def run_raw(nlp: object = nlp) -> list[Spans]:
                return [
                    mapped((e.start_char, e.end_char, e.label_) for e in doc.ents)
                    for doc in nlp.pipe(texts, batch_size=256)  # type: ignore[attr-defined]
                ]

            predicted, seconds = timed(run_raw, args.runs)
            rows.append((label, predicted, seconds))

    def run_ours() -> list[Spans]:
        out: list[Spans] = []
        batch = 256
        for i in range(0, len(texts), batch):
            for mentions in extractor.extract_batch([(None, t) for t in texts[i : i + batch]]):
                out.append(mapped((m.start, m.end, m.label) for m in mentions))
        return out

    predicted, seconds = timed(run_ours, args.runs)
    rows.append((f"newsflow {extractor.version}", predicted, seconds))

    header = f"{'system':<58} {'words/s':>8}  " + "  ".join(f"{k + ' P/R/F1':>17}" for k in (*TYPES, "ALL"))
    print(header)
    baseline_speed = None
    for label, result, secs in rows:
        scores = score(gold, result)
        speed = words / secs
        baseline_speed = baseline_speed or speed
        cells = "  ".join(f"{p:.3f}/{r:.3f}/{f:.3f}" for p, r, f, _ in (scores[k] for k in (*TYPES, "ALL")))
        print(f"{label:<58} {speed:>8.0f}  {cells}")
    if baseline_speed is not None and len(rows) > 1:
        print(f"speed ratio newsflow / raw full pipeline: {words / rows[-1][2] / baseline_speed:.2f}")
        print(f"speed ratio newsflow / raw NER only: {rows[-1][2] and rows[1][2] / rows[-1][2]:.2f}")

    if args.errors:
        with args.errors.open("w", encoding="utf-8") as handle:
            for text, g, p in zip(texts, gold, rows[-1][1], strict=True):
                if g != p:
                    handle.write(text + "\n")
                    for s, e, k in sorted(g - p):
                        handle.write(f"  - {k} {text[s:e]}\n")
                    for s, e, k in sorted(p - g):
                        handle.write(f"  + {k} {text[s:e]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
