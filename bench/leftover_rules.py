"""What the leftover rules would cut from text known to be article text.

Each true body (readability's and newspaper4k's expected texts in ``../shared/data/pages``, and, when given, the
``ground-truth.json`` of the scrapinghub article-extraction benchmark, whose pages are not here) is split into
paragraphs and run through ``remove_leftovers`` as if an extraction had found exactly it, with the page's title,
authors and host as the extractor would pass them. Every paragraph the rules drop is printed: some are clutter the
reference kept (a prompt, a credit), the rest are rules cutting real text. The figure to watch is the words cut.

Run: ``.venv/bin/python -m bench.leftover_rules [--ground-truth PATH] [--quiet]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extraction import LOADERS, PAGES_DIR, Case


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

    paragraphs = [line.strip() for line in (body.text or "").split("\n") if line.strip()]
    root = etree.Element("body")
    for paragraph in paragraphs:
        etree.SubElement(root, "p").text = paragraph
    remove_leftovers(
        root, titles=[body.title] if body.title else [], authors=body.authors, labels=list(host_keys(body.url))
    )
    kept = {element.text for element in root}
    return [(i, p) for i, p in enumerate(paragraphs) if p not in kept]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ground-truth", type=Path, help="the benchmark's ground-truth.json, if you have it")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    main()
