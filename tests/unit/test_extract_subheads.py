"""Sub-headings set as classed divs between paragraphs (politifact.com) reach the extracted text."""

from __future__ import annotations

from lxml import html

from newsflow.extract import extract_text
from newsflow.extract.subheads import promote_subheadings

PROSE = (
    "When the United States slaps tariffs on goods, it is not foreign exporters that make the payment, and the "
    "importers pass much of the cost on to the shops and the people who buy from them."
)


def _page(middle: str) -> str:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(3))
    return (
        "<html><head><title>A guide to tariffs</title></head><body><article><h1>A guide to tariffs</h1>"
        f"{paragraphs}{middle}{paragraphs}</article></body></html>"
    )


def test_a_subheadline_div_between_paragraphs_is_a_heading_of_the_text():
    page = _page('<div class="pf_subheadline">Who pays the cost of a tariff?</div>')
    _, text = extract_text(page, url="https://www.politifact.com/article/tariffs/")
    paragraphs = text.split("\n\n")
    assert "Who pays the cost of a tariff?" in paragraphs
    assert paragraphs.index("Who pays the cost of a tariff?") == 3


def test_only_a_short_text_alone_between_paragraphs_is_promoted():
    tree = html.fromstring(
        "<div><p>One.</p><div class='subheadline'>A heading</div><p>Two.</p>"
        "<div class='subheadline'>Beside <a href='/x'>a link</a></div><p>Three.</p>"
        "<aside><div class='subtitle'>Sidebar title</div></aside>"
        f"<p>Four.</p><div class='subheadline'>{'long ' * 60}</div><p>Five.</p></div>"
    )
    promote_subheadings(tree)
    assert [el.text_content().strip()[:12] for el in tree.iter("h3")] == ["A heading"]
