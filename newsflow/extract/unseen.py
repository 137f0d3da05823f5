"""Remove what the page's readers do not see in its text, before the body is looked for.

- What a browser does not show: the ``hidden`` attribute and ``visibility: hidden`` (trafilatura drops
  ``display: none`` itself). ``hidden="until-found"`` is collapsed content the page's search opens, so it stays;
  so does a hidden element holding most of the page's text, a page that hides its content until a script runs.
- Text for screen readers only ("Opens in a new window", "Image caption").
- The hidden part of a hover card or tooltip: The Hill's card after each person's name, which extractors put into
  the sentence ("Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down …"), a tooltip's text.
- Share buttons inside the text: the "Click To Tweet" after a quotable sentence that a WordPress plugin sets in
  the paragraph, which extractors glue to the next sentence. A share link with other words (the quote itself, a
  sentence's "click here") stays.

Each element goes with its subtree; its tail, the visible text after it, stays.
"""

from __future__ import annotations

import re

from lxml.etree import Element
from lxml.html import HtmlElement

_INVISIBLE_STYLE_RE = re.compile(r"(?:^|[;\s])visibility\s*:\s*hidden", re.I)
_UNSEEN_CLASS_RE = re.compile(
    r"(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|a11y-hidden|"
    r"rollover-people-block|tooltiptext|(?:\w+-)?tooltip-content|popover-content|hovercard)(?:\s|$)"
)
# A hidden element with more than this share of the page's text is the content a script will show (readability's
# visibility-hidden test page hides 60% of its text, an app's wrapper all of it)
HIDDEN_MAX_SHARE = 0.75

_SHARE_LINK_RE = re.compile(
    r"^(?:https?://(?:www\.)?(?:twitter\.com/(?:intent/|share)|x\.com/intent/|facebook\.com/sharer|"
    r"linkedin\.com/shareArticle|pinterest\.com/pin/create)|mailto:\?)"
)
# A share link's words when it is a button ("Click To Tweet", "Share on Facebook")
_SHARE_BUTTON_RE = re.compile(
    r"^(?:click to tweet|tweet(?: this)?|share(?: this)?(?: on (?:facebook|twitter|x|linkedin|whatsapp))?|"
    r"facebook|twitter|linkedin|pinterest|pin it|whatsapp|e-?mail|e-?mail this)$",
    re.I,
)


def drop_unseen(tree: HtmlElement) -> None:
    """Remove hidden elements, screen-reader text, hover cards' hidden parts and share buttons (in place)."""
    unseen: list[HtmlElement] = []
    buttons: list[HtmlElement] = []
    # one walk in Python: on lxml, an XPath testing these attributes on every element takes four times as long
    for element in tree.iter(Element):
        if _is_unseen(element):
            unseen.append(element)
        elif element.tag == "a" and _SHARE_LINK_RE.match(element.get("href") or ""):
            buttons.append(element)
    if unseen:
        page_length = len(tree.text_content())
        for element in unseen:
            if element.getparent() is not None and len(element.text_content()) <= HIDDEN_MAX_SHARE * page_length:
                element.drop_tree()
    for link in buttons:
        if link.getparent() is not None and _SHARE_BUTTON_RE.match(" ".join(link.text_content().split())):
            link.drop_tree()


def _is_unseen(element: HtmlElement) -> bool:
    if element.tag in ("html", "body"):
        return False
    classes, hidden, style = element.get("class"), element.get("hidden"), element.get("style")
    return bool(
        (classes and _UNSEEN_CLASS_RE.search(classes))
        or (hidden is not None and hidden.strip().lower() != "until-found")
        or (style and "hidden" in style and _INVISIBLE_STYLE_RE.search(style))
    )
