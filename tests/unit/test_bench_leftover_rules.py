"""bench/leftover_rules: the paragraphs of a true body that the leftover rules cut are reported, and only those."""

from __future__ import annotations

from bench.extraction import Case
from bench.leftover_rules import cut_paragraphs

PROSE = "The committee heard evidence from residents for most of the afternoon before it voted on the plan."


def test_only_the_paragraphs_the_rules_drop_are_reported_with_their_place():
    text = "\n\n".join([PROSE, "Sign up for our daily newsletter", PROSE, "Related to each other: a web server", PROSE])
    body = Case("test", "page", "", url="https://example.com/news/plan.html", text=text, title="Plan approved")
    assert cut_paragraphs(body) == [(1, "Sign up for our daily newsletter")]


def test_the_title_repeated_at_the_top_is_reported():
    body = Case("test", "page", "", text=f"Plan approved\n{PROSE}\n{PROSE}", title="Plan approved")
    assert cut_paragraphs(body) == [(0, "Plan approved")]


def test_an_extractors_published_output_is_scored_as_published_and_after_the_rules(tmp_path):
    import json

    from bench.leftover_rules import score_output

    truth = {"a1": {"articleBody": f"{PROSE}\n\n{PROSE}", "url": "https://example.com/a"}}
    output = {"a1": {"articleBody": f"{PROSE}\n{PROSE}\nSign up for our daily newsletter"}}
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (tmp_path / "output.json").write_text(json.dumps(output), encoding="utf-8")
    before, after = score_output(tmp_path / "truth.json", tmp_path / "output.json", quiet=True)
    assert before["precision"] < 1.0 and before["recall"] == 1.0
    assert after["f1"] == after["precision"] == after["recall"] == 1.0
