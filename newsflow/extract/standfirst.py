"""The standfirst (dek) a page shows above the article body, outside the container the body was found in.

Publishers set the standfirst apart from the body (``<div class="article__lead">`` under the headline), so
an extractor that finds the body's container misses it, although it is the first paragraph readers see. It is
recognised by what the page says of itself: its meta description repeats it word for word (or its opening, where
the description is cut short with an ellipsis). The block must sit before the body's first paragraph, outside
headers, navigation, asides and footers, and be missing from the body.

Whether a standfirst is part of the story is a publishing convention. English-language publishers write it as a
summary set apart from the story (a dek): the public article-extraction benchmark's ground truth has a deck in
the body on only about 6 of its 181 pages (2019 English news, most of which carry one; its Guardian page leaves
the standfirst out), and readability's expected texts (CNET) leave it out. German, French, Spanish, Polish,
Latvian … publishers write a lead that opens the story (Vorspann, chapô, entradilla, lid): trafilatura's evaldata
and newspaper4k's expected texts count it as body. So on an English page only a lede is added: the body's first
paragraph which the description repeats after leaving out its dateline ("London (CNN)It was …"), or which a
description cut short with an ellipsis opens while the paragraph runs on for more than twice its length (The
Verge sets a story's first paragraph apart for its drop cap; the description was cut from it, as a dek's is not).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from lxml.etree import XPath, _Element
from lxml.html import HtmlElement

from newsflow.extract.textutil import squash, word_key, words

# A description this short is a slogan or a label, not a standfirst; the probe is its opening
MIN_WORDS = 12
PROBE_CHARS = 48
# A dateline the description leaves out before the paragraph's words is this short ("London (CNN)")
DATELINE_WORDS = 4
# Languages whose publishers write the standfirst as a summary apart from the story, not as its opening
SUMMARY_DEK_LANGUAGES = frozenset({"en"})
_CONTAINS_XPATH = XPath("//body//*[contains(normalize-space(text()), $probe)]")
# Places a standfirst is not: page chrome, links, captions, quotes, list entries, and the headline itself. A dek
# inside the article's <header> is left out too: the F1-scored sets' expected texts (readability, newspaper4k)
# leave such deks out, while trafilatura's evaldata counts them as article text.
_NOT_INSIDE = frozenset({
    "head", "header", "nav", "aside", "footer", "a", "button", "script", "noscript", "style", "template",
    "figcaption", "figure", "blockquote", "li", "h1",
})


def find_standfirst(
    tree: HtmlElement, description: str | None, body_paragraphs: list[str], *,
    language: Callable[[], str | None] = lambda: None,
) -> str | None:
    """The page's visible standfirst when it is not in the extracted body and opens the story, else None.

    ``language`` gives the page's language; it is asked only when a standfirst is found.
    """
    if not description or not body_paragraphs:
        return None
    description = squash(html.unescape(description))
    truncated = description.endswith(("...", "…"))
    description = description.rstrip(".… ") if truncated else description
    wanted = words(description)
    if len(wanted) < MIN_WORDS:
        return None
    body_words = word_key(" ".join(body_paragraphs[:3]))
    if " ".join(wanted[:MIN_WORDS]) in body_words:
        return None  # the description is the body's opening (or an excerpt of it), already there
    found = _block_showing(tree, description, wanted, truncated=truncated)
    if found is None or not _before(tree, found[0], body_paragraphs[0]):
        return None
    block, is_lede = found
    if not is_lede and language() in SUMMARY_DEK_LANGUAGES:
        return None
    return squash(block.text_content())


def _block_showing(
    tree: HtmlElement, description: str, wanted: list[str], *, truncated: bool
) -> tuple[_Element, bool] | None:
    """The element whose whole visible text is the description (or begins with it, when it was truncated), and
    whether it is a lede: the description without the dateline that opens the element."""
    found = _CONTAINS_XPATH(tree, probe=description[:PROBE_CHARS])
    for element in found if isinstance(found, list) else []:
        if not isinstance(element, _Element):
            continue
        shown = words(element.text_content())
        opens = truncated and shown[: len(wanted) - 1] == wanted[:-1]
        # a cut description's dek goes on for a sentence or two more, not for the length of an article
        begins = opens and len(shown) <= 2 * len(wanted)
        # a paragraph the cut description opens and that runs on longer is the story's first paragraph, set
        # apart for its drop cap (The Verge's "c-entry-intro"): the description was cut from it
        intro = opens and not begins and element.tag == "p"
        # the description may leave out the dateline that opens the paragraph ("London (CNN)It was …")
        dated = 0 < len(shown) - len(wanted) <= DATELINE_WORDS and shown[-len(wanted):] == wanted
        if shown != wanted and not begins and not intro and not dated:
            continue
        if any(a.tag in _NOT_INSIDE for a in (element, *element.iterancestors())):
            continue
        return element, dated or intro
    return None


def _before(tree: HtmlElement, block: _Element, first_paragraph: str) -> bool:
    """``block`` comes before the element that holds the start of the body's first paragraph."""
    probe = squash(first_paragraph)[:PROBE_CHARS]
    found = _CONTAINS_XPATH(tree, probe=probe)
    targets = {el for el in found if isinstance(el, _Element)} if isinstance(found, list) else set()
    if not targets:
        return False
    for element in tree.iter():
        if element is block:
            return True
        if element in targets:
            return False
    return False
