"""Sub-headings a page sets as a classed ``div`` between the story's paragraphs become headings (in place).

PolitiFact writes each section's question as ``<div class="pf_subheadline">Who pays the cost of a tariff?</div>``
between ``<p>`` elements; trafilatura keeps paragraphs and headings and drops such a div, so the article lost
its sub-headings (five on a page of the public article-extraction benchmark, whose true body keeps them). A div
whose class names a sub-heading, that holds a short text and no element, and that stands between paragraphs
becomes an ``h3``.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_SUBHEAD_CLASS_RE = re.compile(
    r"sub-?head|subtitle|cross-?head|inter-?title|zwischen(?:titel|überschrift)|section-?(?:title|heading)", re.I
)
SUBHEAD_MAX_CHARS = 200


def promote_subheadings(tree: HtmlElement) -> None:
    """Turn each short, element-free div classed as a sub-heading between two paragraphs into an ``h3``."""
    for div in list(tree.iter("div")):
        if not _SUBHEAD_CLASS_RE.search(div.get("class") or "") or len(div):
            continue
        text = (div.text or "").strip()
        if not text or len(text) > SUBHEAD_MAX_CHARS:
            continue
        before, after = div.getprevious(), div.getnext()
        if before is not None and after is not None and before.tag == "p" and after.tag == "p":
            div.tag = "h3"
