"""bench/analyze_speed runs ``newsflow analyze`` and trafilatura over the same pages and reports both (figures
only: no test asserts on time)."""

from __future__ import annotations

import pytest

from bench.analyze_speed import PAGES_DIR, batch, main, sample_pages

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not PAGES_DIR.exists(), reason="../shared/data/pages is absent"),
]


def test_the_sample_is_the_same_pages_each_run():
    first = [(c.corpus, c.name) for c in sample_pages(5, seed=1)]
    assert first == [(c.corpus, c.name) for c in sample_pages(5, seed=1)]
    assert len(set(first)) == 5


def test_both_sides_run_to_completion_on_every_page():
    walls = batch(sample_pages(2, seed=1), runs=1)
    assert set(walls) == {"newsflow analyze", "trafilatura"}
    assert all(len(seconds) == 1 and seconds[0] > 0 for seconds in walls.values())


def test_the_report_names_each_measure(capsys: pytest.CaptureFixture[str]):
    main(["--limit", "2", "--runs", "1"])
    out = capsys.readouterr().out
    for label in ("extract_text (analyze)", "extract_article (ingest)", "trafilatura.extract", "newsflow analyze"):
        assert label in out
