"""What the leftover rules would cut from text known to be article text.

Each true body (readability's and newspaper4k's expected texts in ``../shared/data/pages``, and, when given, the
``ground-truth.json`` of the scrapinghub article-extraction benchmark, whose pages are not here) is split into
paragraphs and run through ``remove_leftovers`` as if an extraction had found exactly it, with the page's title,
authors and host as the extractor would pass them. Every paragraph the rules drop is printed: some are clutter the
reference kept (a prompt, a credit), the rest are rules cutting real text. The figure to watch is the words cut.

With ``--extractor-output`` (an extractor's published output on the benchmark, such as its
``output/trafilatura.json``, the same ``{"<sha256>": {"articleBody": …}}`` shape), the rules are also run on what
that extractor found on the benchmark's pages, and both are scored against the ground truth as the benchmark scores
them: the nearest figure to the benchmark that the rules alone give without its pages. The pages' titles are not
known there, so a headline the extractor kept stays; every line the rules drop is printed as clutter (not in the
true body) or as TRUE TEXT.

Run: ``.venv/bin/python -m bench.leftover_rules [--ground-truth PATH [--extractor-output PATH]] [--quiet]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extraction import LOADERS, PAGES_DIR, TOKEN_RE, Case


def local_bodies() -> Iterator[Case]:
    for corpus in ("readability", "newspaper4k"):
        yield from (case for case in LOADERS[corpus](PAGES_DIR) if case.text)


def benchmark_bodies(path: Path) -> Iterator[Case]:
    """The benchmark's ``{"<sha256>": {"articleBody": …, "url": …}}``; it states no titles or authors, and its
    pages are not here (``html`` is empty)."""
    for key, item in json.loads(path.read_text(encoding="utf-8")).items():
        yield Case("benchmark", key[:12], "", url=item.get("url"), text=item["articleBody"])


def cut_paragraphs(body: Case) -> list[tuple[int, str]]:
    """(index, paragraph) of each paragraph of the true body ``body.text`` that ``remove_leftovers`` drops."""
    from lxml import etree

    from newsflow.extract.leftovers import remove_leftovers
    from newsflow.extract.title import host_keys

    paragraphs = _paragraphs(body)
    root = etree.Element("body")
    for paragraph in paragraphs:
        etree.SubElement(root, "p").text = paragraph
    remove_leftovers(
        root, titles=[body.title] if body.title else [], authors=body.authors, labels=list(host_keys(body.url))
    )
    kept = {element.text for element in root}
    return [(i, p) for i, p in enumerate(paragraphs) if p not in kept]


def _paragraphs(body: Case) -> list[str]:
    return [line.strip() for line in (body.text or "").split("\n") if line.strip()]


def _without(body: Case, cut: list[tuple[int, str]]) -> str:
    """``body.text`` with the ``cut`` paragraphs (from ``cut_paragraphs``) taken out."""
    indexes = {index for index, _ in cut}
    return "\n".join(p for i, p in enumerate(_paragraphs(body)) if i not in indexes)


def score_output(ground_truth: Path, output: Path, *, quiet: bool) -> tuple[dict[str, float], dict[str, float]]:
    """The benchmark's scores of an extractor's published output, as published and after the leftover rules."""
    from bench.extraction import aggregate, shingle_matching

    truth = {case.name: case for case in benchmark_bodies(ground_truth)}
    found = {case.name: case for case in benchmark_bodies(output)}
    before, after = [], []
    for name, true_body in truth.items():
        extracted = found.get(name) or Case("benchmark", name, "", url=true_body.url, text="")
        extracted.url = true_body.url
        cut = cut_paragraphs(extracted)
        before.append(shingle_matching(true_body.text or "", extracted.text or ""))
        after.append(shingle_matching(true_body.text or "", _without(extracted, cut)))
        if not quiet:
            true_words = _words(true_body.text or "")
            for index, paragraph in cut:
                label = "TRUE TEXT" if _words(paragraph) in true_words else "clutter"
                print(f"  {name} [{index}] {label}: {paragraph[:120]}")
    return aggregate(before), aggregate(after)


def _words(text: str) -> str:
    return " ".join(TOKEN_RE.findall(text.lower()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ground-truth", type=Path, help="the benchmark's ground-truth.json, if you have it")
    parser.add_argument(
        "--extractor-output", type=Path, help="an extractor's published output on the benchmark (needs --ground-truth)"
    )
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
    if args.extractor_output and not args.ground_truth:
        parser.error("--extractor-output needs --ground-truth")
    if not PAGES_DIR.exists():
        sys.exit(f"no page corpora at {PAGES_DIR.resolve()} (../shared/data/pages is needed)")
    sets: dict[str, Iterator[Case]] = {"local expected texts": local_bodies()}
    if args.ground_truth:
        if not args.ground_truth.is_file():
            sys.exit(f"{args.ground_truth}: no such file")
        sets["benchmark ground truth"] = benchmark_bodies(args.ground_truth)
    for label, bodies in sets.items():
        pages = words = cut_words = cut_lines = 0
        for body in bodies:
            pages += 1
            words += len((body.text or "").split())
            for index, paragraph in cut_paragraphs(body):
                cut_lines += 1
                cut_words += len(paragraph.split())
                if not args.quiet:
                    print(f"  {body.corpus}/{body.name} [{index}] {paragraph[:140]}")
        share = cut_words / words if words else 0.0
        print(f"{label}: {pages} pages, {cut_lines} paragraphs cut, {cut_words} of {words} words ({share:.2%})")
    if args.extractor_output:
        if not args.extractor_output.is_file():
            sys.exit(f"{args.extractor_output}: no such file")
        before, after = score_output(args.ground_truth, args.extractor_output, quiet=args.quiet)
        for label, scores in (("as published", before), ("after the leftover rules", after)):
            figures = "  ".join(f"{key} {scores[key]:.4f}" for key in ("f1", "precision", "recall"))
            print(f"{args.extractor_output.name} {label}: {figures}")


if __name__ == "__main__":
    main()
