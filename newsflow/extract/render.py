"""Render an extracted body (trafilatura XML) as plain-text paragraphs and as simple HTML."""

from __future__ import annotations

from copy import deepcopy
from html import escape

from lxml.etree import _Element, tostring

from newsflow.extract.textutil import split_paragraphs

# trafilatura's block elements: each starts a new paragraph of the text
_BLOCKS = {"p", "head", "item", "quote", "row", "code", "list", "table", "div", "lb"}
_SKIP = {"graphic"}


def body_paragraphs(body: _Element) -> list[str]:
    """The body's text, one entry per paragraph, heading, list item or table row (links as their words)."""
    parts: list[str] = []

    def walk(element: _Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail if tag != "row" else f" {child.tail}")
            if isinstance(child.tag, str) and child.tag == "cell":
                parts.append(" ")
        if block:
            parts.append("\n")

    walk(body)
    return split_paragraphs("".join(parts))


def body_html(body: _Element) -> str:
    """The body as an HTML fragment (not yet sanitised): p, h2-h6, ul/li, blockquote, table, img, a, em ..."""
    from trafilatura.htmlprocessing import convert_to_html

    html_root = convert_to_html(deepcopy(body))
    inner = html_root[0]
    for heading in inner.iter("h1"):
        heading.tag = "h2"  # the page's one h1 is the title, stored apart
    parts = [tostring(child, encoding="unicode", method="html", with_tail=True) for child in inner]
    return ((inner.text or "") + "".join(parts)).strip()


def paragraphs_html(paragraphs: list[str]) -> str:
    """Plain-text paragraphs (from JSON-LD or a feed) as <p> elements."""
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
