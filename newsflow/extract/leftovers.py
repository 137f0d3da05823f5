"""Remove what extractors leave around an article body: the title again, labels, bylines and datelines,
captions and photo credits, menus and other stories' headlines, and sign-offs.

Works on the top-level blocks of trafilatura's XML body. Leading and trailing runs of short, sentence-less
blocks are where this clutter sits; inside the body only blocks that match a leftover pattern outright go. What a
line is (a prompt, a notice, a credit …) is ``clutter``'s to say, and the sections that close a body (related
lists, comments, a paywall pitch) are ``sections``'; this module weighs where each block stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.etree import _Element

from newsflow.extract.blocks import block_text, link_share, units
from newsflow.extract.clutter import (
    is_byline,
    is_byline_or_dateline,
    is_credit,
    is_footer_line,
    is_image_name,
    is_label,
    is_leftover_line,
    is_stamp,
)
from newsflow.extract.sections import (
    RELATED_ENTRY_MAX_WORDS,
    drop_closing_sections,
    drop_related_tail,
    is_gallery,
    is_related_links,
)
from newsflow.extract.signoff import is_sign_off
from newsflow.extract.textutil import squash, word_key

# A reporter's address alone on a line where the body ends (Yonhap's "kokobj@yna.co.kr (END)")
_EMAIL_LINE_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*\(end\))?$", re.I)
_EMPTY_FIELD_RE = re.compile(r"^[^\s:][^:.!?]{0,30}:$")
# Two parts of a short line around a bar or a dash: a caption and its credit, a date and a place
_SEPARATED_RE = re.compile(r"\s[|/•·]\s|\s[-–—]\s")
# A heading opening the body is the headline when it shares this share of its words with the title (the same
# headline reworded: "Zugang" for "Zutritt", a kicker added); less for the page's h1, which is where headlines go
HEADLINE_OVERLAP = 0.6
H1_HEADLINE_OVERLAP = 0.4
HEADLINE_MAX_WORDS = 40
# This many short "date – place" lines in a row at an edge of the body are entries of a list, not captions
ENTRY_RUN_MIN_LINES = 5
# A one-cell table this short that ends on a photo credit is a picture's caption box
PICTURE_BOX_MAX_WORDS = 60
# A notice or disclosure where it opens or closes the body may be this long
EDGE_NOTICE_MAX_WORDS = 90
# A byline behind a standfirst or kicker is looked for among this many blocks opening the body
OPENING_BLOCKS = 3
# A list or table at the body's edge is a navigation menu when this share of its text is links, it holds at
# least this many links, and they average at most this many words
MENU_LINK_SHARE = 0.6
MENU_MIN_LINKS = 4
MENU_WORDS_PER_LINK = 4
# A closing list whose items are each a link and nothing else (other stories' headlines) has at least this many
LINK_LIST_MIN_ITEMS = 2
LINK_ITEM_SHARE = 0.9
# A promotion box opening the body holds at least this many linked headlines
PROMO_MIN_LINKS = 2
# A linked paragraph this long and this much in capitals is another story's headline
SHOUTED_MIN_WORDS = 3
SHOUTED_SHARE = 0.9


def _always_drop(block: _Element, text: str) -> bool:
    return block.tag != "graphic" and is_leftover_line(text)


def remove_leftovers(
    body: _Element, *, titles: Iterable[str], authors: Iterable[str], labels: Iterable[str]
) -> list[str]:
    """Drop leftover blocks from ``body`` in place; return the bylines ("By Ann Lee") dropped from its opening,
    each its first line, for the authors of a page whose metadata names nobody.

    ``titles``: the article's title in its known forms; ``labels``: short strings the page states about itself
    (section, site name) that are clutter when they stand alone as a block at the edges of the body.
    """
    opening = [block for block in list(body)[:OPENING_BLOCKS + 2] if block.tag != "graphic"]
    title_norms = {word_key(t) for t in titles if t and word_key(t)}
    # compared without spaces, so that a site's name matches its address ("How-To Geek", howtogeek.com)
    label_norms = {_compact(x) for x in labels if x and _compact(x)}
    author_list = [a for a in authors if a]
    # first, while a closing list's heading is still there: a heading that is also a prompt ("Lesen Sie auch",
    # "Leia também") goes in the loop below, and the list under it would stay
    drop_related_tail(body)
    blocks = list(body)
    for block in blocks:
        if block.getparent() is None:
            continue
        # loose text trafilatura left between blocks (a photo credit after a paragraph) is a line of its own
        tail = (block.tail or "").strip()
        if tail and is_leftover_line(tail):
            block.tail = None
        text = block_text(block)
        if _always_drop(block, text):
            body.remove(block)
        elif block.tag == "graphic":
            alt = block.get("alt") or ""
            if is_image_name(alt):
                block.attrib.pop("alt", None)
        elif (
            is_gallery(block) or is_related_links(block, text) or _is_picture_box(block, text)
            or _is_shouted_link(block, text)
        ):
            body.remove(block)
        elif block.tag == "list":
            for item in list(block):
                if is_leftover_line(block_text(item)):
                    block.remove(item)
            if not block_text(block):
                body.remove(block)
    # a body without a single sentence (a list, a table, a very short page) has no clutter edge to trim
    if any(block.tag != "graphic" and not is_label(block_text(block)) for block in body):
        _trim_edge(body, title_norms, label_norms, author_list, from_start=True)
        _trim_edge(body, title_norms, label_norms, author_list, from_start=False)
    _drop_opening_promo(body)
    if len(body) > 1:
        _drop_repeated_title(body, title_norms)
        _drop_opening_byline(body, author_list)
    drop_closing_sections(body)
    # a dropped block keeps its content, so its first line is read only now, and only for the dropped ones
    dropped = (_first_line(block) for block in opening if block.getparent() is None)
    return [line for line in dropped if is_byline(line, ())]


def _is_shouted_link(block: _Element, text: str) -> bool:
    """A paragraph that is one link in capitals between paragraphs: another story's headline (foxnews.com's
    "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"), not a sub-heading, which links nowhere."""
    if not _is_link_paragraph(block, text):
        return False
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters) and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)
        and SHOUTED_MIN_WORDS <= units(text) <= RELATED_ENTRY_MAX_WORDS
    )


def _is_picture_box(block: _Element, text: str) -> bool:
    """A one-cell layout table holding a picture's caption and credit (space.com's "The logo of NASA …",
    "Credit: NASA"): its last line is a credit and it is a caption's length. A data table has more cells, and
    its "Source: …" line does not make it a picture."""
    if block.tag != "table" or units(text) > PICTURE_BOX_MAX_WORDS or len(block.findall(".//cell")) != 1:
        return False
    lines = [block_text(line) for line in block.iter("p")]
    return bool(lines) and is_credit(lines[-1])


def _compact(text: str) -> str:
    """The text's ``word_key`` without its spaces: how labels are compared ("How-To Geek", "howtogeek")."""
    return word_key(text).replace(" ", "")


def _first_line(block: _Element) -> str:
    """The block's text up to its first line break ("Von Ann Lee<lb/>Kakuma/Kenia" -> "Von Ann Lee")."""
    parts = [block.text or ""]
    for child in block:
        if child.tag == "lb":
            break
        parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return squash("".join(parts))


def _trim_edge(
    body: _Element, titles: set[str], labels: set[str], authors: list[str], *, from_start: bool
) -> None:
    """Drop the run of clutter at one edge of the body, stopping at the first block of prose."""
    while len(body):
        block = body[0] if from_start else body[-1]
        text = block_text(block)
        norm = word_key(text)
        if block.tag == "graphic" or not norm:
            # images at the edges stay in the HTML; empty blocks go
            if block.tag != "graphic":
                body.remove(block)
                continue
            return _trim_beyond_graphic(body, block, titles, labels, authors, from_start=from_start)
        if (
            norm in titles
            or norm.replace(" ", "") in labels
            or is_byline_or_dateline(text, authors)
            or (from_start and block.tag == "head" and _is_headline(block, text, norm, titles))
            or (
                is_label(text) and block.tag != "head" and _is_edge_clutter(block, text)
                and not _opens_entry_run(block, from_start=from_start)
            )
            or (not from_start and _is_empty_field(text))
            # a heading that closes the body heads nothing: what it headed (tags, links, comments) went
            or (not from_start and block.tag == "head" and is_label(text))
            or _is_link_menu(block, text)
            or (not from_start and _is_headline_links(block))
            or _is_edge_notice(body, block, text)
            or bool(_EMAIL_LINE_RE.match(text))
            # who else reported, how to reach the writer: below the story's last paragraph only
            or (not from_start and is_sign_off(text) and _outweighed(body, block, units(text)))
        ):
            body.remove(block)
            continue
        return None
    return None


def _drop_opening_promo(body: _Element) -> None:
    """Drop a promotion box opening the body: other stories' headlines, each a paragraph that is one link, perhaps
    under a short heading (billboard.com's "2019 American Music Awards" over four linked headlines), when prose
    follows it."""
    blocks = [block for block in body if block.tag != "graphic"]
    start = 1 if blocks and blocks[0].tag == "head" and is_label(block_text(blocks[0])) else 0
    end = start
    while end < len(blocks) and _is_linked_headline(blocks[end]):
        end += 1
    if end - start < PROMO_MIN_LINKS or end == len(blocks) or not _is_prose(blocks[end]):
        return
    for block in blocks[:end]:
        body.remove(block)


def _is_linked_headline(block: _Element) -> bool:
    text = block_text(block)
    return _is_link_paragraph(block, text) and SHOUTED_MIN_WORDS <= units(text) <= HEADLINE_MAX_WORDS


def _is_link_paragraph(block: _Element, text: str) -> bool:
    """A paragraph that is one link, or nearly: another story's headline where it stands alone."""
    # the cheap tests first: most blocks are paragraphs of prose without a link
    return block.tag == "p" and block.find(".//ref") is not None and link_share(block, text) >= LINK_ITEM_SHARE


def _is_prose(block: _Element) -> bool:
    text = block_text(block)
    return block.tag == "p" and not is_label(text) and link_share(block, text) < LINK_ITEM_SHARE


def _drop_opening_byline(body: _Element, authors: list[str]) -> None:
    """Drop a byline or a publication stamp among the body's first blocks that the edge trim did not reach,
    because a standfirst, a kicker or a label stands before it ("Uber's really just an under-regulated company …",
    then "Richard (R.J.) Eskow"; "Entermedia 주요뉴스", then "기사입력 :[ 2018-08-25 15:24 ]")."""
    for block in [b for b in body if b.tag != "graphic"][1:OPENING_BLOCKS]:
        text = block_text(block)
        if block.tag != "list" and (is_byline(text, authors) or is_stamp(text)):
            body.remove(block)


def _is_edge_notice(body: _Element, block: _Element, text: str) -> bool:
    """An advertiser disclosure, a copyright notice or the site's follow-us line, which run longer than a line
    where they open or close a body; not when the rest of the body is shorter (a page of one run-on block keeps
    it)."""
    n = units(text)
    return is_footer_line(text, n, max_units=EDGE_NOTICE_MAX_WORDS) and _outweighed(body, block, n)


def _outweighed(body: _Element, block: _Element, n: int) -> bool:
    """The rest of the body is longer than the block's ``n`` words: the block is not all there is."""
    return sum(units(block_text(other)) for other in body if other is not block) > n


def _is_empty_field(text: str) -> bool:
    """A field's name with nothing after it ("FI slug:", "Contact:"): template debris when it closes a body."""
    return units(text) <= 4 and bool(_EMPTY_FIELD_RE.match(text))


def _trim_beyond_graphic(
    body: _Element, graphic: _Element, titles: set[str], labels: set[str], authors: list[str], *, from_start: bool
) -> None:
    """A caption sits right next to its image: drop a short label block on the far side of an edge image."""
    sibling = graphic.getnext() if from_start else graphic.getprevious()
    while sibling is not None:
        text = block_text(sibling)
        norm = word_key(text)
        if sibling.tag == "graphic":
            sibling = sibling.getnext() if from_start else sibling.getprevious()
            continue
        if norm and (
            norm in titles or norm.replace(" ", "") in labels or is_byline_or_dateline(text, authors) or
            (is_label(text) and sibling.tag != "head" and _is_edge_clutter(sibling, text))
        ):
            following = sibling.getnext() if from_start else sibling.getprevious()
            body.remove(sibling)
            sibling = following
            continue
        return


def _is_title_like(norm: str, titles: set[str], overlap: float = 1.0) -> bool:
    """The same headline, perhaps with a site name or a kicker added, or (``overlap`` < 1) reworded."""
    if any(norm and (norm in t or t in norm) for t in titles):
        return True
    tokens = set(norm.split())
    return bool(tokens) and any(
        len(tokens & set(t.split())) >= overlap * max(len(tokens), len(t.split())) for t in titles if t
    )


def _is_headline(block: _Element, text: str, norm: str, titles: set[str]) -> bool:
    """A heading opening the body that is the article's headline: the page's h1, or a heading like the title."""
    if units(text) > HEADLINE_MAX_WORDS:
        return False
    overlap = H1_HEADLINE_OVERLAP if block.get("rend") == "h1" else HEADLINE_OVERLAP
    return _is_title_like(norm, titles, overlap)


def _is_link_menu(block: _Element, text: str) -> bool:
    """A list or table of short links at the edge of the body: the site's navigation, not the article."""
    if block.tag not in ("list", "table") or link_share(block, text) < MENU_LINK_SHARE:
        return False
    links = sum(1 for _ in block.iter("ref"))
    return links >= MENU_MIN_LINKS and units(text) <= MENU_WORDS_PER_LINK * links


def _is_headline_links(block: _Element) -> bool:
    """A list of other stories' headlines, each item a link and nothing else (space.com's and livescience.com's
    "NASA Europa Mission Could Potentially Spot Signs of Alien Life" … under the story): too few and too long
    for a menu. An item with words of its own besides the link (a source's description) keeps the list."""
    items = [item for item in block if item.tag == "item"] if block.tag == "list" else []
    if len(items) < LINK_LIST_MIN_ITEMS:
        return False
    for item in items:
        text = block_text(item)
        if not text or units(text) > RELATED_ENTRY_MAX_WORDS or link_share(item, text) < LINK_ITEM_SHARE:
            return False
    return True


def _is_edge_clutter(block: _Element, text: str) -> bool:
    """A short, sentence-less paragraph at the very edge of a body: a caption, credit, label or link line."""
    n = units(text)
    if n <= 3:
        return True
    # a caption or credit line typically carries a separator or names a person and a role without a verb end
    return bool(_SEPARATED_RE.search(text)) or (block.find(".//ref") is not None and n <= 8)


def _is_entry_line(block: _Element) -> bool:
    """A short line of two parts around a dash or bar, with no link: a caption or credit where it stands alone,
    an entry where many follow one another ("June 24 – Bristow, VA @ Jiffy Lube Live")."""
    text = block_text(block)
    return (
        block.tag == "p" and units(text) > 3 and is_label(text) and block.find(".//ref") is None
        and bool(_SEPARATED_RE.search(text))
    )


def _opens_entry_run(block: _Element, *, from_start: bool) -> bool:
    """``block`` is the edge of a run of at least ``ENTRY_RUN_MIN_LINES`` such lines: a tour's dates, a schedule
    or a price list closing the article, which the benchmark's ground truth keeps, not a caption."""
    run = 0
    current: _Element | None = block
    while current is not None and _is_entry_line(current):
        run += 1
        if run >= ENTRY_RUN_MIN_LINES:
            return True
        current = current.getnext() if from_start else current.getprevious()
    return False


def _drop_repeated_title(body: _Element, titles: set[str]) -> None:
    """The title again anywhere in the first few blocks (a dek repeating the headline) goes too."""
    for block in list(body)[:4]:
        if word_key(block_text(block)) in titles:
            body.remove(block)


def trim_to_reference(body: _Element, reference: str) -> None:
    """Drop the blocks closing ``body`` that the publisher's own copy of the text does not contain.

    ``reference`` is a body the publisher states separately (JSON-LD articleBody, the feed's full content):
    what the page extraction has after its end is clutter (related links, prompts, credits). The opening is
    left alone: publishers keep the standfirst out of articleBody, yet it is the article's first paragraph.
    """
    from newsflow.extract.textutil import containment

    while len(body) > 1:
        text = block_text(body[-1])
        if body[-1].tag != "graphic" and text and containment(text, reference, n=min(4, max(1, units(text)))) >= 0.5:
            break
        body.remove(body[-1])


def clean_paragraphs(paragraphs: list[str], *, titles: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The same clean-up for plain-text paragraphs (JSON-LD and feed bodies)."""
    title_norms = {word_key(t) for t in titles if t and word_key(t)}
    author_list = [a for a in authors if a]
    kept = [
        p for p in paragraphs
        if not is_leftover_line(p)
    ]
    while kept and (word_key(kept[0]) in title_norms or is_byline_or_dateline(kept[0], author_list)):
        kept.pop(0)
    while kept and (word_key(kept[-1]) in title_norms or is_byline_or_dateline(kept[-1], author_list)):
        kept.pop()
    return kept
