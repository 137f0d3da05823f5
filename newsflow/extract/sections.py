"""Whole sections that close a body but are not the article: lists of other articles (under a heading, as dated
headlines, as linked headings over teasers), readers' comments, related-content boxes, embedded galleries and the
subscription pitch under a paywalled teaser.

Each section is cut only while the body keeps more text than the section takes away.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from newsflow.extract.blocks import block_text, link_share, units
from newsflow.extract.clutter import LABEL_MAX_WORDS, PROMPT_RE, is_label, is_leftover_line
from newsflow.extract.textutil import ends_cut_off, squash

# A slide's counter before its title in an embedded gallery ("1/50 United goin down")
_SLIDE_RE = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})\b")
# The heading of a closing list of other articles ("More Must-Reads From TIME", "You Might Also Like")
_RELATED_HEADING_RE = re.compile(
    r"^(?:more (?:must[- ]reads?|stories|news|articles|coverage|reading|videos|like this|to (?:read|explore)"
    r"|from|on|in)"
    r"|related(?: (?:stories|articles|content|coverage|news|reading|links))?"
    r"|recommended(?: (?:for you|stories|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|most (?:popular|read|viewed|shared|emailed)"
    r"|trending(?: now| stories)?|popular (?:now|stories|articles)|top stories"
    r"|latest (?:news|stories|articles|headlines)"
    r"|(?:what to )?read next|don['’]?t miss|editors?['’]?s?['’]? (?:picks?|choice|recommendations)|further reading"
    r"|also on|elsewhere on|around the web"
    r"|(?:weitere|mehr) (?:aktuelle )?(?:themen|artikel|beiträge|nachrichten|news)|auch lesen|mehr zum thema"
    r"|top-themen|lesen sie (?:auch|mehr)|das könnte (?:sie|dich|euch) auch interessieren|auch auf"
    r"|ähnliche (?:artikel|beiträge)"
    r"|(?:à )?lire aussi|à lire également|sur le même (?:sujet|thème)|articles similaires|les plus lus"
    r"|(?:también )?te puede interesar|te recomendamos|(?:notas|noticias|artículos) relacionad[oa]s|más sobre"
    r"|más noticias|lee también|leia também|veja também|notícias relacionadas|mais lidas"
    r"|leggi anche|(?:ti )?potrebbe interessarti|articoli correlati|lees ook|meer nieuws"
    r"|gerelateerde artikelen|berita terkait|artikel terkait|похожие (?:новости|статьи)|другие новости"
    r"|ilgili haberler|tin liên quan|أخبار ذات صلة|مقالات ذات صلة|เรื่องที่เกี่ยวข้อง|関連記事|관련\s?기사)(?!\w)",
    re.I,
)
# The heading of the readers' comments after an article, with their count or the article's title ("12 Responses",
# "Comments (3)", "2 thoughts on “Council approves budget”"); a bare "Comments" may head a section of the article
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:(?:\d+|one|no) (?:comments?|responses?|replies|reactions)(?: so far)?"
    r"|(?:top[- ]rated|most (?:liked|popular)|latest|newest|readers?['’]?) comments"
    r"|(?:comments?|responses?|replies|reactions)\s*\(\d+\)"
    r"|(?:(?:\d+|one) thoughts?|(?:\d+ |one )?(?:comments?|responses?|replies)) (?:on|to) [„“”\"'‘’«].*[“”\"'‘’»])"
    r"\s*:?$",
    re.I,
)
COMMENTS_HEADING_MAX_WORDS = 30
# The article before a comment section must have this much text for the section to be cut
COMMENTS_MIN_ARTICLE_WORDS = 60
# The lines of a subscription pitch after a paywalled teaser name a price, an offer, an account or access
_PAYWALL_OFFER_RE = re.compile(
    r"[€$£]\s?\d|\d\s?[€$£]|subscri|abonn|\babo\b|offre|offer|log ?in\b|sign ?in\b|connect|compte|account|"
    r"konto|anmelden|registrier|inscri|suscr|assin|accès|access|zugang|acceso",
    re.I,
)
# An entry of a "recent posts" list: a headline, then a separator and its date ("… For Artists - October 10, 2020")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATED_ENTRY_RE = re.compile(
    rf"\s[-–—|·•]\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d)$",
    re.I,
)
# A teaser under a linked heading is at most this long; at least this many linked headings make a list of them
TEASER_MAX_WORDS = 60
TEASER_MIN_HEADINGS = 2
# A related-articles heading is at most this long, and each entry in the list under it at most this long
RELATED_HEADING_MAX_WORDS = 8
RELATED_ENTRY_MAX_WORDS = 30
# A related-content heading may name the site after its phrase with this many words ("More from Salon")
RELATED_HEADING_EXTRA_WORDS = 3
# Under a related heading in one paragraph, links make up this much of the rest of its text
RELATED_LINKS_SHARE = 0.8
# A closing run of at least this many dated headlines is a list of other articles
DATED_LIST_MIN_ENTRIES = 3
# An embedded gallery has at least this many counted slides
GALLERY_MIN_SLIDES = 3
# Each line of a subscription pitch after a paywalled teaser is at most this long
PAYWALL_LINE_MAX_WORDS = 30


def drop_closing_sections(body: _Element) -> None:
    """Cut each kind of closing section from ``body`` in place, in an order where one cut does not hide another:
    a list under its heading, the readers' comments, related boxes, dated headlines, teasers, a paywall pitch."""
    drop_related_tail(body)
    _drop_comment_section(body)
    _drop_related_boxes(body)
    _drop_dated_tail(body)
    _drop_teaser_tail(body)
    _drop_paywall_tail(body)


def _drop_teaser_tail(body: _Element) -> None:
    """Cut a list of other articles that closes the body: linked headings over one-sentence teasers.

    Scanning back from the end, the tail may hold linked headings, empty or all-link paragraphs, short labels
    ("More columns") and a short teaser right under a linked heading; it is cut when it holds at least
    ``TEASER_MIN_HEADINGS`` linked headings and the body keeps more text than the tail.
    """
    blocks = list(body)
    start, linked_heads = len(blocks), 0
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        text = block_text(block)
        share = link_share(block, text)
        if block.tag == "head" and text and share >= 0.5:
            linked_heads += 1
        elif not _is_teaser_filler(blocks, i, text, share):
            break
        start = i
    if linked_heads >= TEASER_MIN_HEADINGS and start > 0:
        _cut_tail(body, blocks, start)


def _cut_tail(body: _Element, blocks: list[_Element], start: int) -> None:
    """Drop ``blocks[start:]`` from ``body`` when the article keeps more text than it loses."""
    kept = sum(len(block_text(b)) for b in blocks[:start])
    if kept > sum(len(block_text(b)) for b in blocks[start:]):
        for block in blocks[start:]:
            body.remove(block)


def drop_related_tail(body: _Element) -> None:
    """Cut a closing list of other articles under its own heading ("More Must-Reads From TIME").

    Scanning back from the end over entries (short list entries, link lines, labels, images), the cut starts at
    the earliest related-articles heading reached; the body must keep more text than it loses.
    """
    blocks = list(body)
    start = None
    for i in range(len(blocks) - 1, 0, -1):
        block = blocks[i]
        text = block_text(block)
        if _is_related_heading(block, text):
            start = i
        elif not _is_related_entry(block, text):
            break
    if start is not None:
        _cut_tail(body, blocks, start)


def _drop_comment_section(body: _Element) -> None:
    """Cut the readers' comments from their counted heading on ("12 Responses"), when trafilatura took them for
    the article because the page does not call them comments. They may be longer than the article."""
    blocks = list(body)
    words = 0
    for i, block in enumerate(blocks):
        text = block_text(block)
        if (
            words >= COMMENTS_MIN_ARTICLE_WORDS
            and block.tag in ("head", "p")
            and units(text) <= COMMENTS_HEADING_MAX_WORDS
            and _COMMENTS_HEADING_RE.match(text)
        ):
            for later in blocks[i:]:
                body.remove(later)
            return
        words += units(text)


def _drop_related_boxes(body: _Element) -> None:
    """Cut the boxes after the article that a related-content heading opens ("You Might Also Like", then
    "Featured Slide Shows" over a slideshow's list, "Related Videos"): from the first such heading on, nothing is
    a paragraph of prose. Unlike ``drop_related_tail`` the entries may be long (a slideshow's captions), so the
    heading must be the whole block, give or take a site name ("More from Salon")."""
    blocks = list(body)
    for i in range(1, len(blocks)):
        if blocks[i].tag != "head":
            continue
        text = block_text(blocks[i])
        match = _RELATED_HEADING_RE.match(text)
        if not match or units(text[match.end():]) > RELATED_HEADING_EXTRA_WORDS:
            continue
        if not any(_is_prose_block(later) for later in blocks[i + 1:]):
            _cut_tail(body, blocks, i)
        return


def _is_prose_block(block: _Element) -> bool:
    text = block_text(block)
    return block.tag in ("p", "quote") and units(text) > LABEL_MAX_WORDS and not is_leftover_line(text)


def _drop_dated_tail(body: _Element) -> None:
    """Cut a closing list of other articles given as dated headlines, without a heading ("Movie Theaters In San
    Francisco Refuse To Open Over Concessions Ban - October 9, 2020")."""
    blocks = list(body)
    start, entries = len(blocks), 0
    for i in range(len(blocks) - 1, 0, -1):
        block = blocks[i]
        items = list(block) if block.tag == "list" else [block] if block.tag in ("p", "head") else []
        if not items or not all(_is_dated_entry(block_text(item)) for item in items):
            break
        start, entries = i, entries + len(items)
    if entries >= DATED_LIST_MIN_ENTRIES:
        _cut_tail(body, blocks, start)


def _is_dated_entry(text: str) -> bool:
    return units(text) <= RELATED_ENTRY_MAX_WORDS and bool(_DATED_ENTRY_RE.search(text))


def _drop_paywall_tail(body: _Element) -> None:
    """Cut the subscription pitch after an article cut off by a paywall.

    The last paragraph of prose ends in a truncation ellipsis, and everything after it is short lines (offers,
    prices, login links), one of which offers a subscription, an account or access.
    """
    blocks = list(body)
    offers = short_lines = 0
    for i in range(len(blocks) - 1, 0, -1):
        text = block_text(blocks[i])
        n = units(text)
        if blocks[i].tag == "graphic" or not text:
            continue
        if n > LABEL_MAX_WORDS and ends_cut_off(text):
            if short_lines >= 2 and offers:
                _cut_tail(body, blocks, i + 1)
            return
        if n > PAYWALL_LINE_MAX_WORDS:
            return
        short_lines += 1
        offers += bool(_PAYWALL_OFFER_RE.search(text))


def is_gallery(block: _Element) -> bool:
    """An embedded slideshow set as a list: its entries open with counters "1/N", "2/N" … counting up from 1."""
    if block.tag != "list" or len(block) < GALLERY_MIN_SLIDES:
        return False
    counters = [_SLIDE_RE.match(block_text(item)) for item in block]
    if not all(counters):
        return False
    totals = {m.group(2) for m in counters if m}
    return len(totals) == 1 and [int(m.group(1)) for m in counters if m] == list(range(1, len(block) + 1))


def is_related_links(block: _Element, text: str) -> bool:
    """A paragraph of links to other articles under its own heading, one a line ("Related:<br><a>…</a><br><a>…</a>",
    "Baca juga:<br>…"): too long for a prompt line, but nothing after the heading is the article's own text."""
    if block.tag != "p" or block.find("lb") is None:
        return False
    match = _RELATED_HEADING_RE.match(text) or PROMPT_RE.match(text)
    if not match:
        return False
    rest = len(text[match.end():].strip(" :|-–—"))
    linked = sum(len(squash("".join(ref.itertext()))) for ref in block.iter("ref"))
    return rest > 0 and linked >= RELATED_LINKS_SHARE * rest


def _is_related_heading(block: _Element, text: str) -> bool:
    return (
        block.tag in ("head", "p") and units(text) <= RELATED_HEADING_MAX_WORDS
        and bool(_RELATED_HEADING_RE.match(text))
    )


def _is_related_entry(block: _Element, text: str) -> bool:
    """A block that can stand in a list of other articles: short entries, a link line, a label, an image."""
    if block.tag == "graphic" or not text:
        return True
    if block.tag == "list":
        return all(units(block_text(item)) <= RELATED_ENTRY_MAX_WORDS for item in block)
    if block.tag == "head" and is_label(text) and units(text) <= 4:
        return True
    return units(text) <= RELATED_ENTRY_MAX_WORDS and (link_share(block, text) >= 0.5 or is_leftover_line(text))


def _is_teaser_filler(blocks: list[_Element], i: int, text: str, share: float) -> bool:
    """An empty or all-link block, a short label, or a short teaser right under a linked heading."""
    n = units(text)
    if not text or share >= 0.8 or (is_label(text) and n <= 6):
        return True
    return blocks[i].tag == "p" and n <= TEASER_MAX_WORDS and i > 0 and _under_linked_heading(blocks, i)


def _under_linked_heading(blocks: list[_Element], i: int) -> bool:
    """The nearest text-bearing block before ``i`` (past empty link paragraphs) is a linked heading."""
    for j in range(i - 1, -1, -1):
        text = block_text(blocks[j])
        if not text:
            continue
        return blocks[j].tag == "head" and link_share(blocks[j], text) >= 0.5
    return False
