"""Normalise a page's markup where trafilatura is known to misread it, before it reads the page (in place).

Loose text: many pages set an article as bare text in a ``div`` (or a ``span`` misused as one, holding blocks),
its paragraphs separated by ``<br><br>`` and its words interleaved with links and emphasis. Trafilatura reads
such a container element by element: each link becomes a paragraph of its own and the space after it is lost ("a
security fairin Las Vegas"). Each run of text and inline elements between double line breaks (or block elements)
is wrapped in a ``<p>``, as a browser's reader mode does. Loose text beside blocks is wrapped too where a link
sits inside its sentences: there trafilatura drops the words before the link ("the Supreme Courthas found").

Linked headings: documentation-style and many news pages put a link to the heading itself into every
sub-heading, and reviews and round-ups link each sub-heading to the thing it names; trafilatura's precision
mode takes a linked heading for navigation and drops the article's sub-headings. Self-links, and the links of a
heading that leads a paragraph of prose (perhaps past a byline), become plain text; a linked heading over a
teaser stays linked.

Drop caps: a page may set the first letter of the article in an element of its own before the first paragraph
(``<span>T</span><p>urkey, Poland ...``); trafilatura leaves the letter out ("urkey"). It is moved into the
paragraph.

Non-content markup: scripts, styles, link and meta tags, inline SVG and templates hold no article text, yet every
extraction pass copies the whole tree three times and searches it with a dozen XPath expressions; they are
removed first (about 8% of the passes' time). JSON-LD stays: trafilatura reads it to tell a forum thread and in
its fallback.

Scrambled text: a paywalled page may ship the rest of the article scrambled for subscribers, each letter shifted
(abendblatt.de's ``<p class="obfuscated">``: "Hbcj Fvufnýmmfs voe Fmjbof"), for a script to decode. It is no
text; ``drop_scrambled`` removes it and says whether there was any, which makes the page paywalled.

Empty inline elements: precision mode deletes an empty span (or b, i, em ...) together with the text after it.
A table-of-contents anchor opening each sub-heading (WordPress's ``<h2><span class="ez-toc-section" id="…">
</span>Gibt es dabei …?</h2>``) took the article's sub-headings with it, an empty citation marker the rest of a
sentence. Such elements inside paragraphs, headings and quotes are removed first, their tails kept.

Link wrappers: a CMS may wrap an in-text link in a classed span (``<span class="link"><a>Joe Biden</a></span>``);
precision mode prunes the span by its class and the words vanish mid-sentence. The span gives way to its link.

Split bodies: a page may mark each part of one article as the article body (CNBC's six
``<div class="group" itemprop="articleBody">``, one per section, its sub-heading standing between them);
trafilatura reads the first element so marked and nothing else, a quarter of the article. When several elements
near each other are marked, the element holding them all is marked too, and trafilatura reads it first.

Embedded tweets: a news page quotes tweets as ``<blockquote class="twitter-tweet">``, their text, hashtags,
handles and photo links followed by "— Name (@handle) date". Precision mode takes a tweet that is mostly links
(a photo link, a hashtag) for navigation and drops it, so that of mashable's twelve tweets three were left. The
links inside a tweet become plain text: the tweet reads as it is shown, and the article's own links are untouched.
A tweet left for a script to render, its only text its own address (wired.com), is removed. A wrapper holding the
tweet alone loses a class that names a social-media box (nj.com's ``social-media-embed``): trafilatura discards
such elements, and the tweet with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from lxml.html import HtmlElement

# Elements that sit inside a line of text (HTML's phrasing content, less those that hold media or forms)
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    "wbr",
})
_CONTAINERS = ("div", "section", "article", "main")
# A container is rewritten only when its loose text is at least this long: a stray word between blocks is
# layout, not a paragraph of the article.
MIN_LOOSE_CHARS = 200


def _loose_text_length(element: HtmlElement) -> int:
    length = len((element.text or "").strip())
    for child in element:
        length += len((child.tail or "").strip())
    return length


def _is_inline(child: HtmlElement) -> bool:
    return not isinstance(child.tag, str) or child.tag in _INLINE


def _new_paragraph(container: HtmlElement) -> HtmlElement:
    paragraph: HtmlElement = container.makeelement("p", {})
    return paragraph


def _append_text(paragraph: HtmlElement, text: str) -> None:
    if len(paragraph):
        last = paragraph[-1]
        last.tail = (last.tail or "") + text
    else:
        paragraph.text = (paragraph.text or "") + text


def _ends_with_break(paragraph: HtmlElement) -> bool:
    return len(paragraph) > 0 and paragraph[-1].tag == "br" and not (paragraph[-1].tail or "").strip()


def _has_content(paragraph: HtmlElement) -> bool:
    return bool("".join(paragraph.itertext()).strip())


def _wrap(container: HtmlElement) -> None:
    """Rebuild ``container``'s children: its inline runs as ``<p>`` elements, its block children as they are."""
    children: list[HtmlElement] = []
    current: HtmlElement | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            while _ends_with_break(current):
                current.remove(current[-1])  # remove() keeps the break's (blank) tail on the element before
            if _has_content(current):
                children.append(current)
        current = None

    def add_text(text: str | None) -> None:
        nonlocal current
        if not text:
            return
        if current is None:
            if not text.strip():
                return
            current = _new_paragraph(container)
        _append_text(current, text)

    add_text(container.text)
    container.text = None
    for child in list(container):
        tail, child.tail = child.tail, None
        container.remove(child)
        if child.tag == "br":
            if current is not None and _ends_with_break(current):
                close()  # two line breaks in a row end the paragraph
            elif current is not None:
                current.append(child)
        elif _is_inline(child):
            if current is None:
                current = _new_paragraph(container)
            current.append(child)
        else:
            close()
            children.append(child)
        add_text(tail)
    close()
    container.extend(children)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A teaser under a linked heading is a sentence or two; an article's paragraph is longer
LEAD_PROSE_WORDS = 40
_ANCHOR_SYMBOLS = frozenset("#¶§🔗")


def _is_anchor_link(link: HtmlElement) -> bool:
    """A link to a place on the same page (a permalink to the heading itself), not to another page."""
    href = (link.get("href") or "").strip()
    text = "".join(link.itertext()).strip()
    return href.startswith("#") or not text or all(ch in _ANCHOR_SYMBOLS for ch in text)


_BYLINE_MARK_RE = re.compile(r"byline|author|date|time|meta", re.I)
BYLINE_MAX_WORDS = 12


def _is_byline_block(element: HtmlElement) -> bool:
    """A short block naming the author or the date, set between a heading and its article."""
    if element.tag == "p":
        return False
    text = " ".join("".join(element.itertext()).split())
    if not text or len(text.split()) > BYLINE_MAX_WORDS:
        return False
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return text.lower().startswith("by ") or bool(_BYLINE_MARK_RE.search(marks))


def _leads_prose(heading: HtmlElement) -> bool:
    """The heading's next text-bearing sibling is a paragraph of prose (past an embed, an image or a byline
    between)."""
    following = heading.getnext()
    while following is not None and following.tag != "p" and (
        len("".join(following.itertext()).strip()) < 3 or _is_byline_block(following)
    ):
        following = following.getnext()
    if following is None or following.tag != "p":
        return False
    text = " ".join("".join(following.itertext()).split())
    return len(text.split()) >= LEAD_PROSE_WORDS and text[-1:] in ".!?\"”»)"


def unlink_heading_anchors(tree: HtmlElement) -> None:
    """Turn the links of sub-headings that belong to the text into plain text (in place): see the module."""
    for heading in list(tree.iter(*_HEADINGS)):
        links = list(heading.iter("a"))
        if not links:
            continue
        leads_prose = _leads_prose(heading)
        for link in links:
            if not (_is_anchor_link(link) or leads_prose):
                continue
            if "".join(link.itertext()).strip().strip("".join(_ANCHOR_SYMBOLS)):
                link.drop_tag()
            else:
                link.drop_tree()


def _links_in_loose_text(container: HtmlElement) -> bool:
    """Loose text beside blocks with a link inside a sentence: trafilatura drops the words before such a link
    and the space after it ("the Supreme Courthas found")."""
    if not any(_is_block(child) for child in container):
        return False
    for child in container:
        tail = child.tail or ""
        if child.tag == "a" and tail[:1].isspace() and tail.strip():
            previous = child.getprevious()
            if ((previous.tail if previous is not None else container.text) or "").strip():
                return True
    return False


def _is_block(element: HtmlElement) -> bool:
    return not _is_inline(element) and element.tag != "br"


# Elements that hold no article text (HTML's metadata and script-supporting elements, and inline SVG)
_NON_CONTENT = ("script", "style", "link", "meta", "svg", "template")


def drop_non_content(tree: HtmlElement) -> None:
    """Remove scripts other than JSON-LD, styles, link and meta tags, SVG and templates (in place)."""
    for element in list(tree.iter(*_NON_CONTENT)):
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            continue
        element.drop_tree()  # its tail, text beside it, stays


# The class of the elements holding a paywalled article's scrambled text (see the module)
_SCRAMBLED_CLASS_RE = re.compile(r"(?:^|\s)obfuscated(?:\s|$)")


def drop_scrambled(tree: HtmlElement) -> bool:
    """Remove the scrambled text of a paywalled article (in place); whether there was any."""
    scrambled = [
        el for el in tree.iter("p", "div", "span", "section") if _SCRAMBLED_CLASS_RE.search(el.get("class") or "")
    ]
    for element in scrambled:
        element.drop_tree()
    return bool(scrambled)


# Inline elements that trafilatura deletes when empty, taking the text after them along in precision mode
_EMPTY_INLINE = ("span", "b", "strong", "i", "em", "q")
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})


def drop_empty_inline(tree: HtmlElement) -> None:
    """Remove empty inline elements inside paragraphs, headings and quotes, keeping the text after them (in place).

    List items are left alone: there an empty icon before a menu entry's words is what lets precision mode see
    the list as links and drop it (haufe.de's "Serienelemente").
    """
    for element in list(tree.iter(*_EMPTY_INLINE)):
        if element.text or len(element) or not (element.tail or "").strip():
            continue
        parent = element.getparent()
        if parent is not None and parent.tag in _TEXT_BLOCKS:
            element.drop_tree()


def wrap_loose_text(tree: HtmlElement) -> None:
    """Wrap the loose text runs of every container that mixes text with line breaks or blocks (in place)."""
    for container in list(tree.iter(*_CONTAINERS, "span")):
        if _loose_text_length(container) < MIN_LOOSE_CHARS:
            continue
        # a span is a container only where a page misuses it as one, holding blocks (appleinsider.com's
        # article text in a <span> among <div> and <h2> children); inside a paragraph it is a run of text
        if container.tag == "span" and not any(_is_block(child) for child in container):
            continue
        if any(child.tag == "br" for child in container) or _links_in_loose_text(container):
            _wrap(container)


def join_drop_caps(tree: HtmlElement) -> None:
    """Move a lone capital letter standing just before a paragraph that opens in lower case into it (in place)."""
    for paragraph in list(tree.iter("p")):
        letter_element = paragraph.getprevious()
        if letter_element is None or len(letter_element) or not isinstance(letter_element.tag, str):
            continue
        letter = (letter_element.text or "").strip()
        if len(letter) != 1 or not letter.isupper() or (letter_element.tail or "").strip():
            continue
        if not "".join(paragraph.itertext()).lstrip()[:1].islower():
            continue
        if (paragraph.text or "").strip() or not len(paragraph):
            paragraph.text = letter + (paragraph.text or "").lstrip()
        else:
            # the paragraph opens with an element ("<p><a>urkey</a>"): the letter goes into it
            paragraph.text = None
            paragraph[0].text = letter + (paragraph[0].text or "").lstrip()
        letter_element.drop_tree()


def unwrap_linked_paragraphs(tree: HtmlElement) -> None:
    """Take a short paragraph holding a link out of the divs that wrap it alone (in place).

    Precision mode deletes a short ``div`` that holds a link, whatever it says (its link-density backtracking), so
    on a page that wraps each paragraph in divs of its own (hawaiinewsnow.com's ``<div class="card"><div
    class="card-content"><p>``) a sentence that cites a source with a link vanished from the article ("The
    discovery was announced … in the journal Nature Astronomy."). Divs that hold nothing but that one paragraph
    give way to it, where the page sets its paragraphs so, the outermost wrapper standing among siblings of its
    own class (a footer's lone paragraph in a div of its own keeps its div, and precision mode's judgement).
    """
    for paragraph in list(tree.iter("p")):
        if paragraph.find(".//a") is None or len(paragraph.text_content()) >= WRAPPED_LINK_MAX_CHARS:
            continue
        wrappers = list(takewhile(lambda wrapper: wrapper.tag == "div", _sole_wrappers(paragraph)))
        if wrappers and _is_repeated_box(wrappers[-1]):
            for box in wrappers:
                box.drop_tag()


def _sole_wrappers(element: HtmlElement) -> Iterator[HtmlElement]:
    """The ancestors of ``element`` that hold it and nothing else (no other child, no text), nearest first."""
    wrapper = element.getparent()
    while (
        wrapper is not None and len(wrapper) == 1
        and not (wrapper.text or "").strip() and not (wrapper[0].tail or "").strip()
    ):
        yield wrapper
        wrapper = wrapper.getparent()


def _is_repeated_box(box: HtmlElement) -> bool:
    """``box`` has at least ``PARAGRAPH_BOXES`` siblings of its own class: a layout that boxes every paragraph."""
    kind = box.get("class")
    parent = box.getparent()
    if not kind or parent is None:
        return False
    return sum(1 for sibling in parent if sibling is not box and sibling.get("class") == kind) >= PARAGRAPH_BOXES


def unwrap_link_spans(tree: HtmlElement) -> None:
    """Replace a span inside a paragraph that only wraps a link by the link itself (in place).

    Precision mode prunes elements by their class names, and a CMS's shortcode wrapper around an inline link
    (``<span class="link">``) is taken for a link list: the link's words vanish from the middle of the sentence
    ("en un comunicado  ahora estará").
    """
    for span in list(tree.iterfind(".//p//span")):
        if len(span) != 1 or span[0].tag != "a" or (span.text or "").strip() or (span[0].tail or "").strip():
            continue
        if span.get("class") or span.get("id"):  # what precision mode prunes by
            span.drop_tag()


# Precision mode deletes a div holding a link whose text is shorter than this (trafilatura's len_threshold)
WRAPPED_LINK_MAX_CHARS = 200
# A page boxes each of its paragraphs when a paragraph's box has at least this many siblings of its class
PARAGRAPH_BOXES = 2
_BODY_CONTAINERS = ("div", "section", "article", "main")
# How far below the element that holds them all the parts of a split body may sit (CNBC: two levels).
SPLIT_BODY_MAX_DEPTH = 3
_BODY_MARK = "articleBody"


def join_split_bodies(tree: HtmlElement) -> None:
    """Mark the element holding all the parts of an article body marked in parts as its body (in place)."""
    marked = [el for el in tree.iter(*_BODY_CONTAINERS) if el.get("itemprop") == _BODY_MARK]
    parts = [el for el in marked if not any(ancestor in marked for ancestor in el.iterancestors())]
    if len(parts) < 2:
        return
    lineages = [[part, *part.iterancestors()] for part in parts]
    holder = next((el for el in lineages[0] if all(el in lineage for lineage in lineages[1:])), None)
    if holder is None or holder.tag not in _BODY_CONTAINERS:
        return
    if any(lineage.index(holder) > SPLIT_BODY_MAX_DEPTH for lineage in lineages):
        return
    holder.set("itemprop", _BODY_MARK)


_TWEET_CLASS_RE = re.compile(r"\btwitter-(?:tweet|video)\b")
_SOCIAL_CLASS_RE = re.compile(r"social|embed|share", re.I)


def unlink_tweets(tree: HtmlElement) -> None:
    """Turn the links inside embedded tweets into plain text, and drop tweets not rendered (in place)."""
    for quote in list(tree.iter("blockquote")):
        if not _TWEET_CLASS_RE.search(quote.get("class") or ""):
            continue
        text = quote.text_content().strip()
        if text.startswith(("http://", "https://")) and not any(c.isspace() for c in text):
            quote.drop_tree()  # a placeholder for the script to render, its text the tweet's address
            continue
        for link in list(quote.iter("a")):
            link.drop_tag()
        # trafilatura discards an element whose class names a social-media box, and the tweet with it (nj.com's
        # <div class="social-media-embed">); the wrapper holds the tweet alone, so its class goes
        for wrapper in _sole_wrappers(quote):
            if _SOCIAL_CLASS_RE.search(wrapper.get("class") or ""):
                wrapper.attrib.pop("class")
