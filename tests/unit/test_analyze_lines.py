"""``analyze_lines``: one output per input line, in order, whatever one document does to the extractor."""

from __future__ import annotations

import json

import pytest

import newsflow.extract
from newsflow.pipeline.analyze import analyze_lines

PAGE = "<html><body><article><p>" + "The council approved the budget on Tuesday after a long debate. " * 8
PAGE += "</p></article></body></html>"


def test_a_page_that_breaks_the_extractor_is_that_lines_error_and_the_others_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = newsflow.extract.extract_text

    def fails_on_one_page(html: str, *, url: str | None = None) -> tuple[str | None, str]:
        # no page found yet breaks the extractor, so the fault is injected on one marked page
        if "BREAKS" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, url=url)

    monkeypatch.setattr(newsflow.extract, "extract_text", fails_on_one_page)
    lines = [
        json.dumps({"id": "before", "html": PAGE}),
        json.dumps({"id": "broken", "html": PAGE.replace("<p>", "<p>BREAKS ")}),
        json.dumps({"id": "after", "html": PAGE}),
    ]
    out = list(analyze_lines(lines, topics=False, entities=False))
    assert [o["id"] for o in out] == ["before", "broken", "after"]
    assert out[1]["error"] == "could not extract text from 'html': RecursionError: maximum recursion depth exceeded"
    assert out[0]["text"] == out[2]["text"]
    assert out[2]["text"].startswith("The council approved the budget on Tuesday")
