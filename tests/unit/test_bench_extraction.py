"""bench/extraction on a checkout of the public article-extraction benchmark: its pages, gzipped or not, are
read with their true bodies and scored as a figure of their own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bench.extraction import benchmark_cases, run

PROSE = "The committee heard evidence from residents for most of the afternoon before it voted on the plan. "
PAGE = (
    "<html><head><title>Plan approved</title></head><body><nav><a href='/'>Home</a></nav><article>"
    f"<h1>Plan approved</h1><p>{PROSE * 3}</p><p>{PROSE * 2}</p></article>"
    "<footer>Copyright 2019 The Example Times. All rights reserved.</footer></body></html>"
)


def _checkout(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {
        "aaa1": {"articleBody": f"{PROSE * 3}\n\n{PROSE * 2}", "url": "https://news.example/a"},
        "bbb2": {"articleBody": f"{PROSE * 3}\n\n{PROSE * 2}", "url": "https://news.example/b"},
        "ccc3": {"articleBody": PROSE, "url": "https://news.example/c"},  # its page is missing
    }
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (root / "html" / "aaa1.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (root / "html" / "bbb2.html").write_text(PAGE, encoding="utf-8")
    return root


def test_the_pages_are_read_gzipped_or_plain_and_a_page_without_html_is_skipped(tmp_path: Path) -> None:
    cases = list(benchmark_cases(_checkout(tmp_path)))
    assert [(c.name, c.url) for c in cases] == [("aaa1", "https://news.example/a"), ("bbb2", "https://news.example/b")]
    assert all(c.html == PAGE and c.text and c.text.startswith("The committee") for c in cases)


def test_the_benchmark_is_scored_alone_as_its_own_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run([], None, 0, _checkout(tmp_path))
    report = capsys.readouterr().out
    rows = {line.split("  ")[0]: line.split() for line in report.splitlines() if line.startswith("benchmark")}
    f1 = rows["benchmark (2 pages) f1"]
    assert float(f1[-4]) > 0.95  # newsflow finds the article and leaves the title, menu and footer out
    assert "all F1 cases" not in report


def test_a_folder_without_ground_truth_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"ground-truth\.json"):
        run([], None, 0, tmp_path)
