"""Find the article body on a page with trafilatura, combining its precision and recall modes.

The body comes back as trafilatura's XML (``p``, ``head``, ``list``/``item``, ``quote``, ``table``, ``graphic``,
``ref``, ``hi`` ...), so that leftovers can be removed block by block before text and HTML are rendered.
"""

from __future__ import annotations

from lxml.etree import _Element
from lxml.html import HtmlElement

# Below this many characters a precision-mode result is taken as a miss and recall mode is asked too.
SHORT_TEXT = 600


def _run(tree: HtmlElement, url: str | None, *, precision: bool, recall: bool) -> _Element | None:
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        favor_precision=precision,
        favor_recall=recall,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    return body if body is not None and "".join(body.itertext()).strip() else None


def body_text_length(body: _Element | None) -> int:
    return 0 if body is None else len(" ".join("".join(body.itertext()).split()))


def extract_body(tree: HtmlElement, url: str | None) -> _Element | None:
    """The article body: precision mode first; balanced mode (which escalates by itself) when that finds little."""
    body = _run(tree, url, precision=True, recall=False)
    length = body_text_length(body)
    if length >= SHORT_TEXT:
        return body
    wider = _run(tree, url, precision=False, recall=False)
    if body_text_length(wider) > length:
        return wider
    return body
