"""Benchmark of the article extractor against trafilatura alone, on real saved pages.

Scores ``newsflow.extract.extract_article`` and plain ``trafilatura.extract`` (default, ``favor_precision`` and
``favor_recall``) in the same run on ``../shared/data/pages``:

- main-text F1 on the readability and newspaper4k cases (token 4-gram shingles, scored exactly as the
  scrapinghub article-extraction-benchmark does: per-page tp/fp/fn normalised to sum 1, precision and recall
  averaged over pages, F1 from the two averages; the mean of per-page F1 is printed too); the readability
  cases are also scored on their subset of real news and magazine pages (``readability-news``), since the rest
  are synthetic feature tests, blogs, docs and wikis;
- the pass rate of trafilatura's ``evaldata.json`` snippets (``with`` must appear, ``without`` must not);
- title and published-date accuracy against the expected metadata of readability, newspaper4k and evaldata;
  author accuracy against readability's bylines and evaldata's authors (the same set of names, case, "By"
  and punctuation aside; newspaper4k's author lists are its own output, not annotations);
- the median milliseconds per page of each extractor (one process, one core); the time ratio is against
  trafilatura's default mode.

With ``--benchmark DIR`` (a checkout of scrapinghub/article-extraction-benchmark, whose pages are not in
``../shared``), its pages are scored against its ``ground-truth.json`` in the same run: the check issue 3 names.

Run: ``.venv/bin/python -m bench.extraction [--corpus readability newspaper4k evaldata] [--benchmark DIR]
[--limit N]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGES_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "pages"
CORPORA = ("readability", "newspaper4k", "evaldata")
# readability test pages saved from news publishers and magazines (the others are feature tests, blogs, docs, wikis)
READABILITY_NEWS = frozenset({
    "aktualne", "ars-1", "bbc-1", "breitbart", "buzzfeed-1", "citylab-1", "cnet", "cnn", "engadget", "folha",
    "gmw", "guardian-1", "heise", "herald-sun-1", "la-nacion", "lemonde-1", "liberation-1", "lwn-1",
    "medicalnewstoday", "msn", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4", "nytimes-5", "qq", "quanta-1",
    "salon-1", "seattletimes-1", "telegraph", "theverge", "tmz-1", "wapo-1", "wapo-2", "yahoo-1", "yahoo-2",
    "yahoo-3", "yahoo-4",
})


# ---------------------------------------------------------------- scoring (as the public benchmark does it)

TOKEN_RE = re.compile(r"\w+", re.UNICODE)  # the benchmark's tokens: runs of word characters
TpFpFn = tuple[float, float, float]


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_matching(true: str, pred: str, n: int = 4) -> TpFpFn:
    """tp, fp, fn over multisets of word n-gram shingles, normalised so each page weighs the same."""
    true_sh, pred_sh = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in true_sh.keys() | pred_sh.keys():
        t, p = true_sh.get(key, 0), pred_sh.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(scores: list[TpFpFn]) -> dict[str, float]:
    """Benchmark precision, recall and F1 over pages, plus the plain mean of per-page F1."""
    precision = statistics.mean([_precision(*s) for s in scores if s[0] + s[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*s) for s in scores if s[0] + s[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_page = []
    for s in scores:
        p, r = _precision(*s), _recall(*s)
        per_page.append(2 * p * r / (p + r) if p + r else 0.0)
    return {"f1": f1, "precision": precision, "recall": recall, "mean_page_f1": statistics.mean(per_page)}


# ---------------------------------------------------------------- corpora

@dataclass
class Case:
    """One saved page and what is known to be right about it."""

    corpus: str
    name: str
    html: str
    url: str | None = None
    text: str | None = None  # the expected body, for F1
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)  # the names a reader sees in the byline
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
    "tr", "td", "th", "section", "article", "figure", "figcaption", "header", "footer", "dd", "dt", "dl",
}


def html_to_text(html: str) -> str:
    """Plain text of an expected-content HTML fragment, with a line break at every block boundary."""
    import lxml.html

    root = lxml.html.fromstring(html)
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return re.sub(r"\n\s*\n+", "\n\n", "".join(parts)).strip()


def _readability_cases(root: Path) -> Iterator[Case]:
    for folder in sorted((root / "mozilla_readability" / "test" / "test-pages").iterdir()):
        source, expected = folder / "source.html", folder / "expected.html"
        if not (source.exists() and expected.exists()):
            continue
        meta_path = folder / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        yield Case(
            corpus="readability",
            name=folder.name,
            html=source.read_text(encoding="utf-8", errors="replace"),
            url="http://fakehost/test/page.html",
            text=html_to_text(expected.read_text(encoding="utf-8", errors="replace")),
            title=meta.get("title"),
            published=meta.get("publishedTime"),
            authors=[meta["byline"]] if meta.get("byline") else [],
        )


def _newspaper_cases(root: Path) -> Iterator[Case]:
    data = root / "newspaper4k" / "tests" / "data"
    for html_path in sorted((data / "html").glob("*.html")):
        txt_path = data / "txt" / f"{html_path.stem}.txt"
        meta_path = data / "metadata" / f"{html_path.stem}.json"
        if not txt_path.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        yield Case(
            corpus="newspaper4k",
            name=html_path.stem,
            html=html_path.read_text(encoding="utf-8", errors="replace"),
            url=meta.get("url"),
            text=txt_path.read_text(encoding="utf-8", errors="replace"),
            title=meta.get("title"),
            published=meta.get("publish_date"),
        )


def _evaldata_cases(root: Path) -> Iterator[Case]:
    # decoded as the pipeline decodes a fetched page (a page that declares UTF-8 and has a few bad bytes stays
    # UTF-8, with replacement characters, as in a browser)
    from newsflow.resources.charset import decode_html

    tests = root / "trafilatura" / "tests"
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in evaldata.items():
        cached, packed = tests / "cache" / item["file"], tests / "eval" / f"{item['file']}.gz"
        if cached.exists():
            raw = cached.read_bytes()
        elif packed.exists():
            raw = gzip.decompress(packed.read_bytes())
        else:
            continue
        yield Case(
            corpus="evaldata",
            name=item["file"],
            html=decode_html(raw, {}),
            url=url,
            title=item.get("title"),
            published=item.get("date"),
            authors=_listed(item.get("author")),
            with_snippets=list(item.get("with") or []),
            without_snippets=list(item.get("without") or []),
        )


def benchmark_cases(checkout: Path) -> Iterator[Case]:
    """The pages of the scrapinghub article-extraction-benchmark (a checkout of its repository, or any folder with
    its ``ground-truth.json`` and ``html/<key>.html.gz``, or ``html/<key>.html`` as some copies keep them),
    each with its true body; pages whose HTML is not there are skipped."""
    from newsflow.resources.charset import decode_html

    truth = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in truth.items():
        packed, plain = checkout / "html" / f"{key}.html.gz", checkout / "html" / f"{key}.html"
        if packed.exists():
            raw = gzip.decompress(packed.read_bytes())
        elif plain.exists():
            raw = plain.read_bytes()
        else:
            continue
        yield Case("benchmark", key[:12], decode_html(raw, {}), url=item.get("url"), text=item["articleBody"])


def _listed(value: str | list[str] | None) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


LOADERS: dict[str, Callable[[Path], Iterator[Case]]] = {
    "readability": _readability_cases,
    "newspaper4k": _newspaper_cases,
    "evaldata": _evaldata_cases,
}


# ---------------------------------------------------------------- the extractors

@dataclass
class Output:
    text: str
    title: str | None
    published: date | datetime | None
    authors: list[str] = field(default_factory=list)


def run_newsflow(case: Case) -> Output:
    from newsflow.extract import extract_article

    article = extract_article(case.html, url=case.url)
    return Output(article.text, article.title, article.published_at, article.authors)


def run_trafilatura(case: Case, **mode: bool) -> Output:
    import trafilatura

    return Output(trafilatura.extract(case.html, url=case.url, include_comments=False, **mode) or "", None, None)


def run_trafilatura_precision(case: Case) -> Output:
    return run_trafilatura(case, favor_precision=True)


def run_trafilatura_recall(case: Case) -> Output:
    return run_trafilatura(case, favor_recall=True)


def trafilatura_metadata(case: Case) -> tuple[str | None, date | None, list[str]]:
    """trafilatura's own title, date and authors, measured apart so its timing is the text extraction alone."""
    import trafilatura

    doc = trafilatura.bare_extraction(case.html, url=case.url, include_comments=False, with_metadata=True)
    if doc is None or isinstance(doc, dict):
        return None, None, []
    published = date.fromisoformat(doc.date[:10]) if doc.date else None
    return doc.title, published, (doc.author or "").split(";")


# ---------------------------------------------------------------- metadata checks

def _norm_title(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"]", "", text)
    return " ".join(text.split())


_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|&)\s*", re.I)
_NAME_PREFIX_RE = re.compile(r"^(?:by|von|par|por)\s+", re.I)


def author_names(names: list[str]) -> set[str]:
    """Names as a set to compare: split on separators and "and", case, a leading "By" and punctuation aside."""
    found: set[str] = set()
    for value in names:
        for part in _NAME_SPLIT_RE.split(value or ""):
            name = _NAME_PREFIX_RE.sub("", unicodedata.normalize("NFKC", part).casefold().strip())
            name = " ".join(re.sub(r"[^\w\s-]", "", name).split())
            if name:
                found.add(name)
    return found


def _parse_expected_date(value: str) -> datetime | date | None:
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_matches(expected: str, got: date | datetime | None, *, slack_days: int = 0) -> bool:
    """Same calendar day, read in the expected value's own time zone where it has one, else in the offset the
    extractor kept (the page's own, as newsflow keeps it; trafilatura gives bare dates).

    ``slack_days=1`` also accepts the day before or after, for pages whose metadata states another day than
    the one the expected value was taken from.
    """
    want = _parse_expected_date(expected)
    if want is None or got is None:
        return False
    if isinstance(got, datetime):
        if isinstance(want, datetime) and want.tzinfo is not None and got.tzinfo is not None:
            got_day = got.astimezone(want.tzinfo).date()
        else:
            got_day = got.date()
    else:
        got_day = got
    want_day = want.date() if isinstance(want, datetime) else want
    return abs((got_day - want_day).days) <= slack_days


def snippet_results(case: Case, text: str) -> tuple[int, int, int, int]:
    """(with found, with total, without absent, without total) for one evaldata page.

    Compared as a reader sees the text: ``squash`` drops the soft hyphens and zero-width characters that
    snippets copied from the page may carry and newsflow removes.
    """
    from newsflow.extract.textutil import squash

    norm = squash(text)
    found = sum(1 for s in case.with_snippets if squash(s) in norm)
    absent = sum(1 for s in case.without_snippets if squash(s) not in norm)
    return found, len(case.with_snippets), absent, len(case.without_snippets)


# ---------------------------------------------------------------- the run

@dataclass
class Tally:
    scores: dict[str, list[TpFpFn]] = field(default_factory=dict)
    ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # this process's CPU time: steadier on a busy machine
    snippets: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    dates_slack: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)


def _timed(fn: Callable[[Case], Output], case: Case) -> tuple[Output, float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    out = fn(case)
    return out, (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def run(corpora: list[str], limit: int | None, show_worst: int, benchmark: Path | None = None) -> None:
    if corpora and not PAGES_DIR.exists():
        sys.exit(f"no page corpora at {PAGES_DIR.resolve()} (../shared/data/pages is needed)")
    sources: dict[str, Callable[[], Iterator[Case]]] = {c: (lambda c=c: LOADERS[c](PAGES_DIR)) for c in corpora}
    if benchmark is not None:
        if not (benchmark / "ground-truth.json").is_file():
            sys.exit(f"{benchmark}: no ground-truth.json (a checkout of the article-extraction-benchmark is needed)")
        sources["benchmark"] = lambda: benchmark_cases(benchmark)
        corpora = [*corpora, "benchmark"]
    if not sources:
        sys.exit("nothing to score: name a --corpus or a --benchmark checkout")
    runners: dict[str, Callable[[Case], Output]] = {
        "newsflow": run_newsflow,
        "trafilatura": run_trafilatura,
        "traf-precision": run_trafilatura_precision,
        "traf-recall": run_trafilatura_recall,
    }
    tallies = {name: Tally() for name in runners}
    per_page: list[tuple[float, float, str]] = []
    # untimed warm-up on a few real pages: lazy imports, model loading and regex caches are not per-page costs
    for case in list(sources[corpora[0]]())[:3]:
        for fn in runners.values():
            fn(case)
    for corpus in corpora:
        cases = sources[corpus]()
        for i, case in enumerate(cases):
            if limit is not None and i >= limit:
                break
            outputs: dict[str, Output] = {}
            for name, fn in runners.items():
                out, ms, cpu_ms = _timed(fn, case)
                outputs[name] = out
                tally = tallies[name]
                tally.ms.append(ms)
                tally.cpu_ms.append(cpu_ms)
                if case.text is not None:
                    score = shingle_matching(case.text, out.text)
                    tally.scores.setdefault(corpus, []).append(score)
                    if corpus == "readability" and case.name in READABILITY_NEWS:
                        tally.scores.setdefault("readability-news", []).append(score)
                if case.with_snippets or case.without_snippets:
                    for k, v in enumerate(snippet_results(case, out.text)):
                        tally.snippets[k] += v
            traf_title, traf_date, traf_authors = trafilatura_metadata(case)
            outputs["trafilatura"] = Output(outputs["trafilatura"].text, traf_title, traf_date, traf_authors)
            for name, out in outputs.items():
                if name not in ("newsflow", "trafilatura"):
                    continue
                if case.title:
                    tallies[name].titles.append(_norm_title(case.title) == _norm_title(out.title))
                if case.published:
                    tallies[name].dates.append(date_matches(case.published, out.published))
                    tallies[name].dates_slack.append(date_matches(case.published, out.published, slack_days=1))
                if case.authors:
                    tallies[name].authors.append(author_names(case.authors) == author_names(out.authors))
            if case.text is not None:
                ours = aggregate([tallies["newsflow"].scores[corpus][-1]])["f1"]
                theirs = aggregate([tallies["trafilatura"].scores[corpus][-1]])["f1"]
                per_page.append((ours, theirs, f"{corpus}/{case.name}"))
    _report(tallies, corpora)
    if show_worst:
        print(f"\nworst {show_worst} pages by our F1 (ours / trafilatura):")
        for ours, theirs, name in sorted(per_page)[:show_worst]:
            print(f"  {ours:.3f} / {theirs:.3f}  {name}")


def _report(tallies: dict[str, Tally], corpora: list[str]) -> None:
    names = list(tallies)
    print(f"{'figure':<42}" + "".join(f"{n:>15}" for n in names))

    def row(label: str, values: list[str]) -> None:
        print(f"{label:<42}" + "".join(f"{v:>15}" for v in values))

    all_corpora = [c for c in corpora if any(c in t.scores for t in tallies.values())]
    subsets = ["readability-news"] if "readability-news" in tallies[names[0]].scores else []
    # the local corpora together; the benchmark's pages are a figure of their own
    local = [c for c in all_corpora if c != "benchmark"]
    totals = ["all F1 cases"] if len(local) > 1 else []
    for corpus in [*all_corpora, *subsets, *totals]:
        figures = []
        for t in tallies.values():
            scores = (
                [s for c in local for s in t.scores.get(c, [])]
                if corpus == "all F1 cases"
                else t.scores[corpus]
            )
            figures.append(aggregate(scores))
        n = len(tallies[names[0]].scores.get(corpus, [])) if corpus != "all F1 cases" else sum(
            len(tallies[names[0]].scores.get(c, [])) for c in local
        )
        for key in ("f1", "precision", "recall", "mean_page_f1"):
            row(f"{corpus} ({n} pages) {key}", [f"{f[key]:.4f}" for f in figures])
    if any(t.snippets[1] + t.snippets[3] for t in tallies.values()):
        w, wt = tallies[names[0]].snippets[1], tallies[names[0]].snippets[3]
        row(f"evaldata 'with' found ({w})", [f"{t.snippets[0] / max(1, w):.4f}" for t in tallies.values()])
        row(f"evaldata 'without' absent ({wt})", [f"{t.snippets[2] / max(1, wt):.4f}" for t in tallies.values()])
        row(
            "evaldata all snippets pass rate",
            [f"{(t.snippets[0] + t.snippets[2]) / max(1, w + wt):.4f}" for t in tallies.values()],
        )
    first = tallies[names[0]]
    meta_names = ["newsflow", "trafilatura"]  # trafilatura's metadata does not depend on its text mode
    row(f"title exact ({len(first.titles)})", [f"{statistics.mean(tallies[n].titles or [0]):.4f}" for n in meta_names])
    row(f"published day ({len(first.dates)})", [f"{statistics.mean(tallies[n].dates or [0]):.4f}" for n in meta_names])
    row("published day +-1", [f"{statistics.mean(tallies[n].dates_slack or [0]):.4f}" for n in meta_names])
    authors = [f"{statistics.mean(tallies[n].authors or [0]):.4f}" for n in meta_names]
    row(f"authors exact ({len(first.authors)})", authors)
    row(f"median ms/page ({len(tallies[names[0]].ms)})", [f"{statistics.median(t.ms):.1f}" for t in tallies.values()])
    row("mean ms/page", [f"{statistics.mean(t.ms):.1f}" for t in tallies.values()])
    row("median CPU ms/page", [f"{statistics.median(t.cpu_ms):.1f}" for t in tallies.values()])
    ratio = statistics.median(tallies["newsflow"].ms) / statistics.median(tallies["trafilatura"].ms)
    cpu_ratio = statistics.median(tallies["newsflow"].cpu_ms) / statistics.median(tallies["trafilatura"].cpu_ms)
    print(
        f"newsflow / trafilatura median time: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU "
        "(trafilatura timed on its text extraction alone)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="*", choices=CORPORA, default=list(CORPORA))
    parser.add_argument(
        "--benchmark", type=Path, default=None,
        help="also score the pages of a scrapinghub/article-extraction-benchmark checkout (or a folder with its "
        "ground-truth.json and html/); give --corpus with no names to score them alone",
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per corpus")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with our lowest F1")
    args = parser.parse_args(argv)
    run(args.corpus, args.limit, args.worst, args.benchmark)


if __name__ == "__main__":
    main()
