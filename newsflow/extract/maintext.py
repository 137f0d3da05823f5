"""Find the article body on a page with trafilatura, combining its precision and balanced modes.

Precision mode gives the core of the body, first without trafilatura's comparison with its external extractors
(a third of the cost of a pass). When that core holds little of the page's paragraph text, precision mode may
have missed or pruned parts of the article: it is run again with the comparison, and if the core is still thin
balanced mode is asked too and its blocks between and beside the core are taken in where they read like the
article (``union``). A core too short to be an article is replaced by a full balanced pass when that finds more.

The body comes back as trafilatura's XML (``p``, ``head``, ``list``/``item``, ``quote``, ``table``, ``graphic``,
``ref``, ``hi`` ...), so that leftovers can be removed block by block before text and HTML are rendered; the
containers trafilatura passed through whole (a ``div``, a table laying out the page) are opened up so that their
blocks are top-level blocks too (``flatten``).
"""

from __future__ import annotations

from lxml.etree import _Element
from lxml.html import HtmlElement

from newsflow.extract.blocks import units
from newsflow.extract.flatten import flatten_body
from newsflow.extract.prepare import (
    drop_empty_inline,
    drop_non_content,
    join_drop_caps,
    join_split_bodies,
    unlink_heading_anchors,
    unlink_tweets,
    unwrap_link_spans,
    unwrap_linked_paragraphs,
    wrap_loose_text,
)
from newsflow.extract.subheads import promote_subheadings
from newsflow.extract.union import widen
from newsflow.extract.unseen import drop_unseen

# Below this many words (about 600 characters of Latin script; CJK counted by blocks.units) a precision-mode
# result is taken as a miss and balanced mode is asked too.
SHORT_UNITS = 100
# A precision body with less than this share of the page's paragraph text may have lost parts of the article.
THIN_SHARE = 0.35
_PAGE_TEXT_TAGS = ("p", "h2", "h3", "h4", "li")


def _run(tree: HtmlElement, *, precision: bool, fast: bool) -> _Element | None:
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        # without the URL trafilatura leaves links as written: nh3 makes them absolute when the body is
        # sanitised, against the page's <base> and by RFC 3986 ("guide.html" of /test/page.html is
        # /test/guide.html, where trafilatura's courlan gives /guide.html), and without courlan's work on every
        # link of every pass
        url=None,
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        favor_precision=precision,
        with_metadata=False,
        # the body is what is used: "xml" spares the plain text bare_extraction renders for its default "python"
        output_format="xml",
    )
    body = getattr(document, "body", None)
    return body if body is not None and "".join(body.itertext()).strip() else None


def body_text_length(body: _Element | None) -> int:
    return 0 if body is None else len(" ".join("".join(body.itertext()).split()))


def _paragraph_text_length(tree: HtmlElement) -> int:
    # text_content() is one XPath string() call in C, half the time of joining itertext() in Python
    return sum(len(" ".join(el.text_content().split())) for el in tree.iter(*_PAGE_TEXT_TAGS))


def extract_body(tree: HtmlElement) -> _Element | None:
    """The article body, its blocks top-level: see the module. The tree is prepared for it in place: what reads
    its scripts, styles or meta tags reads them first."""
    body = _extract_body(tree)
    return flatten_body(body) if body is not None else None


def _extract_body(tree: HtmlElement) -> _Element | None:
    """The precision core, widened by balanced mode when thin; balanced mode when it is short."""
    drop_non_content(tree)
    drop_unseen(tree)
    drop_empty_inline(tree)
    wrap_loose_text(tree)
    promote_subheadings(tree)
    unlink_heading_anchors(tree)
    join_drop_caps(tree)
    unwrap_link_spans(tree)
    unwrap_linked_paragraphs(tree)
    join_split_bodies(tree)
    unlink_tweets(tree)
    body = _run(tree, precision=True, fast=True)
    text = "" if body is None else " ".join("".join(body.itertext()).split())
    length = len(text)
    if body is None or units(text) < SHORT_UNITS:
        wider = _run(tree, precision=False, fast=False)  # balanced mode escalates by itself
        return wider if body_text_length(wider) > length else body
    page_length = _paragraph_text_length(tree)
    if length >= THIN_SHARE * page_length:
        return body
    full = _run(tree, precision=True, fast=False)
    full_length = body_text_length(full)
    replaced = full is not None and full_length > length
    if replaced:
        body, length = full, full_length
    # a body the comparison found in place of the first pass's may be an external extractor's, which leaves the
    # sub-headings out (CNN's "<div><h3>…</h3></div>"): balanced mode's are taken in, as for a thin body
    if length >= THIN_SHARE * page_length and not replaced:
        return body
    wider = _run(tree, precision=False, fast=True)
    # block for block: a div passed through whole would align with none of the other pass's paragraphs
    return widen(flatten_body(body), flatten_body(wider)) if wider is not None else body
