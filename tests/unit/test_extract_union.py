"""Widening a precision-mode body with balanced-mode blocks: sub-headings and pruned inline words come back,
clutter beside the body does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsflow.extract import extract_article
from newsflow.extract.union import widen

READABILITY = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "pages" / "mozilla_readability" / "test"
    / "test-pages"
)
needs_pages = pytest.mark.skipif(not READABILITY.exists(), reason="../shared/data/pages is absent")

PROSE = [
    "The council voted on Tuesday to close the old bridge to traffic after engineers found cracks in two piers.",
    "Repairs are expected to take at least eighteen months and will cost the city about four million euros.",
    "Residents on the east bank said the detour would add half an hour to their daily journeys into town.",
]


def _body(*blocks: str) -> etree._Element:
    return etree.fromstring("<body>" + "".join(blocks) + "</body>")


def _texts(body: etree._Element) -> list[str]:
    return [" ".join("".join(block.itertext()).split()) for block in body]


def test_heading_between_core_paragraphs_is_taken_in_and_clutter_at_the_edges_is_not():
    core = _body(f"<p>{PROSE[0]}</p>", f"<p>{PROSE[1]}</p>")
    recall = _body(
        "<p>Share on Facebook Twitter Email</p>",
        f"<p>{PROSE[0]}</p>",
        '<head rend="h2"><ref target="/bridge">What happens next</ref></head>',
        f"<p>{PROSE[1]}</p>",
        '<list><item><ref target="/a">Another story about roads</ref></item>'
        '<item><ref target="/b">A story about trains</ref></item></list>',
        "<p>Related</p>",
    )
    merged = widen(core, recall)
    assert _texts(merged) == [PROSE[0], "What happens next", PROSE[1]]
    assert _texts(core) == [PROSE[0], PROSE[1]]  # the core itself is left as it was


def test_prose_right_after_the_core_is_taken_in_but_a_short_line_is_not():
    core = _body(f"<p>{PROSE[0]}</p>", f"<p>{PROSE[1]}</p>")
    long_prose = PROSE[2] + " The mayor promised a free shuttle bus for the elderly while the work goes on."
    assert _texts(widen(core, _body(f"<p>{PROSE[0]}</p>", f"<p>{PROSE[1]}</p>", f"<p>{long_prose}</p>"))) == [
        PROSE[0], PROSE[1], long_prose,
    ]
    short = "Read the full council report here."
    assert _texts(widen(core, _body(f"<p>{PROSE[0]}</p>", f"<p>{PROSE[1]}</p>", f"<p>{short}</p>"))) == [
        PROSE[0], PROSE[1],
    ]


def test_a_paragraph_that_lost_a_linked_name_gets_it_back():
    pruned = "Officials from the ministry and said the plan would go ahead as agreed last spring with the unions."
    whole = "Officials from the ministry and <ref target='/r'>the rail operator</ref> said the plan would go ahead" \
        " as agreed last spring with the unions."
    merged = widen(_body(f"<p>{PROSE[0]}</p>", f"<p>{pruned}</p>"), _body(f"<p>{PROSE[0]}</p>", f"<p>{whole}</p>"))
    assert "the rail operator said the plan" in _texts(merged)[1]


@needs_pages
def test_real_page_with_a_thin_precision_core_gets_its_sub_headings_back():
    html = (READABILITY / "mozilla-1" / "source.html").read_text(encoding="utf-8")
    paragraphs = extract_article(html, url="http://fakehost/test/page.html").text.split("\n\n")
    for heading in ("Make your Firefox your own", "More ways to customize", "Themes", "Add-ons"):
        assert heading in paragraphs
    assert paragraphs.index("Add-ons") > paragraphs.index("Themes") > paragraphs.index("More ways to customize")
