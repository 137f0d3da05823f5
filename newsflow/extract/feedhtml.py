"""Turn a feed's HTML content or summary into clean plain-text paragraphs (BeautifulSoup with lxml)."""

from __future__ import annotations

import html as html_lib
import re

from newsflow.extract.textutil import join_paragraphs, split_paragraphs

# Feeds often escape their HTML twice (CDATA around escaped markup): what is left after parsing is text
# that still carries character references such as "&#8217;".
_LEFTOVER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# Markup escaped once more than it should be: "&lt;p&gt;There are …&lt;/p&gt;"
_ESCAPED_TAG = re.compile(
    r"&lt;/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote|pre|figure|img|a|em|strong)\b[^&]{0,500}?/?&gt;", re.I
)


def _unescape_leftovers(text: str) -> str:
    return _LEFTOVER_REFERENCE.sub(lambda m: html_lib.unescape(m.group(0)), text)

_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "form", "button", "svg", "figcaption", "template")
_BLOCKS = (
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "figure", "header", "footer", "dd", "dt", "dl", "hr",
)


def feed_paragraphs(html: str) -> list[str]:
    """The paragraphs of a feed's HTML fragment, without scripts, styles, embeds or image captions."""
    from bs4 import BeautifulSoup

    if not html or not html.strip():
        return []
    if "<" not in html and _ESCAPED_TAG.search(html):
        html = html_lib.unescape(html)  # markup escaped once more than it should be ("&lt;p&gt;There are …")
    if "<" not in html:
        return split_paragraphs(_unescape_leftovers(html))
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return split_paragraphs(_unescape_leftovers(soup.get_text()))


def clean_feed_html(html: str) -> str:
    """A feed's HTML content or summary as clean plain text, paragraphs separated by a blank line."""
    from newsflow.extract.leftovers import clean_paragraphs

    return join_paragraphs(clean_paragraphs(feed_paragraphs(html), titles=(), authors=()))
