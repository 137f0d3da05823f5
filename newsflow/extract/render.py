"""Render an extracted body (trafilatura XML) as plain-text paragraphs and as simple HTML."""

from __future__ import annotations

import re
from copy import deepcopy
from html import escape

from lxml.etree import _Element, tostring

from newsflow.extract.textutil import split_paragraphs

# trafilatura's block elements: each starts a new paragraph of the text
_BLOCKS = {"p", "head", "item", "quote", "row", "code", "list", "table", "div", "lb"}
_SKIP = {"graphic"}
_FLOW_PARENTS = {"p", "item", "cell", "head"}
_HTML_FLOW_PARENTS = {"p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i"}
_LINE_BREAKS_RE = re.compile(r"\s*[\r\n]\s*")


def body_paragraphs(body: _Element) -> list[str]:
    """The body's text, one entry per paragraph, heading, list item or table row (links as their words)."""
    parts: list[str] = []

    def walk(element: _Element, in_code: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        inline_code = tag == "code" and _is_inline_code(element)
        block = tag in _BLOCKS and not inline_code
        # the page's source lines are not the text's: a line break inside a paragraph (after a link, say) is a
        # space; only a code block keeps its lines
        in_code = in_code or (tag == "code" and not inline_code)
        flow = (lambda text: text) if in_code else _unwrap
        if block:
            parts.append("\n")
        if element.text:
            parts.append(flow(element.text))
        for child in element:
            walk(child, in_code)
            if child.tail:
                parts.append(flow(child.tail) if tag != "row" else f" {flow(child.tail)}")
            if isinstance(child.tag, str) and child.tag == "cell":
                parts.append(" ")
        if block:
            parts.append("\n")

    walk(body, False)
    return split_paragraphs("".join(parts))


def _is_inline_code(code: _Element) -> bool:
    """``fetch()`` inside a sentence: code in a paragraph's flow, on one line."""
    parent = code.getparent()
    return (
        parent is not None
        and parent.tag in _FLOW_PARENTS
        and code.find(".//lb") is None
        and "\n" not in "".join(code.itertext()).strip()
    )


def _unwrap(text: str) -> str:
    return _LINE_BREAKS_RE.sub(" ", text) if "\n" in text or "\r" in text else text


def body_html(body: _Element) -> str:
    """The body as an HTML fragment (not yet sanitised): p, h2-h6, ul/li, blockquote, table, img, a, em ..."""
    from trafilatura.htmlprocessing import convert_to_html

    html_root = convert_to_html(deepcopy(body))
    inner = html_root[0]
    for heading in inner.iter("h1"):
        heading.tag = "h2"  # the page's one h1 is the title, stored apart
    _mend_code(inner)
    parts = [tostring(child, encoding="unicode", method="html", with_tail=True) for child in inner]
    return ((inner.text or "") + "".join(parts)).strip()


def _mend_code(root: _Element) -> None:
    """trafilatura renders every code element as <pre>: code inside a sentence becomes <code> again (a <pre> in
    a <p> would close the paragraph), and a <pre> inside a <pre> (from <pre><code>) is unwrapped."""
    for pre in list(root.iter("pre")):
        parent = pre.getparent()
        if parent is None:
            continue
        if parent.tag == "pre" and len(parent) == 1 and not (parent.text or "").strip():
            parent.text, parent[:] = pre.text, list(pre)
        elif parent.tag in _HTML_FLOW_PARENTS and "\n" not in pre.xpath("string()").strip():
            pre.tag = "code"


def paragraphs_html(paragraphs: list[str]) -> str:
    """Plain-text paragraphs (from JSON-LD or a feed) as <p> elements."""
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
