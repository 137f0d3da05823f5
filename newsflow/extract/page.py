"""Parse an article page once and read what its <head> says: meta tags, <title>, canonical link, language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree
from lxml.etree import ElementDefaultClassLookup
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring

from newsflow.extract.textutil import squash


@dataclass(frozen=True)
class PageHead:
    """The page's own statements about itself, as found in the markup."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property/itemprop -> values
    title_tag: str | None = None
    canonical_url: str | None = None
    html_lang: str | None = None
    base_url: str | None = None  # what relative links resolve against: <base href>, else the page's own URL

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def all(self, *keys: str) -> list[str]:
        return [v for key in keys for v in self.meta.get(key, ()) if v]


@lru_cache(maxsize=1)
def _parser() -> HTMLParser:
    """trafilatura's parser settings, with every element an ``HtmlElement``.

    lxml.html's own lookup picks a class per tag name (form, input, label ...) in a Python callback, run each time
    lxml hands an element to Python; over a page's extraction passes that is millions of calls and about 4% of the
    time. No extraction step uses the form classes' extras, and a C-level default lookup gives the same output.
    """
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", huge_tree=True, remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
        )
    )
    return parser


# An XHTML-style "<script …/>": browsers ignore the slash and hide everything up to "</script>", libxml2 closes
# the element there and shows the code that follows as page text
_SELF_CLOSED_SCRIPT_RE = re.compile(r"<((?i:script|style)\b[^>]*?)\s*/>")


def parse_page(html: str) -> HtmlElement | None:
    """The page as an lxml tree, read as trafilatura's loader reads it (its encoding and markup repairs), and
    with a self-closed script or style element opened, as a browser reads it."""
    from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

    text = _without_lone_surrogates(decode_file(html))
    beginning = text[:50].lower()
    text = _SELF_CLOSED_SCRIPT_RE.sub(r"<\1>", repair_faulty_html(text, beginning))
    tree: HtmlElement | None = None
    try:
        tree = fromstring(text, parser=_parser())
    # ValueError: "Unicode strings with encoding declaration are not supported"; the others: an empty or
    # unreadable document. Either way the bytes are parsed once more, below.
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        tree = None
    if tree is None or len(tree) < 1:
        tree = _from_bytes(text)
    # trafilatura's rejection test: markup that does not start like HTML and parses to a single element
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _without_lone_surrogates(text: str) -> str:
    """A lone surrogate (half an emoji escaped in JSON, "\\ud83d") ends libxml2's reading of the text there: it
    becomes U+FFFD, as a browser shows it, and a pair left split becomes its character. (isascii is a flag check:
    the encode runs on non-ASCII pages only.)"""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _from_bytes(text: str) -> HtmlElement | None:
    try:
        # no surrogates are left (_without_lone_surrogates), so the text encodes as plain UTF-8
        tree = fromstring(text.encode("utf-8"), parser=_parser())
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


# Microdata properties that hold another work than the page's article: a reference list's citations, comments,
# reviews, teasers of other articles. Their authors and dates are not the article's.
_OTHER_WORK_PROPS = frozenset({
    "citation", "comment", "review", "mentions", "haspart", "ispartof", "isbasedon", "relatedlink",
    "subjectof", "workexample", "itemlistelement", "about",
})


def _in_other_work(el: HtmlElement) -> bool:
    for ancestor in el.iterancestors():
        prop = ancestor.get("itemprop")
        if prop and ancestor.get("itemscope") is not None and prop.strip().lower() in _OTHER_WORK_PROPS:
            return True
    return False


def meta_keys(el: HtmlElement) -> list[str]:
    """The lower-cased keys a ``<meta>`` tag states its content under: its property, name, itemprop (unless it
    describes another work than the page's) and http-equiv."""
    keys = []
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = el.get(attr)
        if key and not (attr == "itemprop" and _in_other_work(el)):
            keys.append(key.strip().lower())
    return keys


def read_head(tree: HtmlElement, url: str | None) -> PageHead:
    meta: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        content = squash(content)
        for key in meta_keys(el):
            meta.setdefault(key, []).append(content)
    # itemprop dates are often on <time datetime=...> rather than <meta>
    for el in tree.iterfind(".//time[@itemprop]"):
        value = el.get("datetime") or el.get("content")
        if value and not _in_other_work(el):
            meta.setdefault(el.get("itemprop", "").strip().lower(), []).append(squash(value))
    title_el = tree.find(".//title")
    title = squash(title_el.text_content()) if title_el is not None else None
    canonical = None
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = link.get("href", "").strip()
            if href:
                canonical = urljoin(url, href) if url else href
                break
    base = tree.find(".//base[@href]")
    base_href = (base.get("href") or "").strip() if base is not None else ""
    base_url = (urljoin(url, base_href) if url else base_href) if base_href else url
    lang = None
    root = tree.getroottree().getroot()
    if root is not None:
        lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    return PageHead(meta=meta, title_tag=title or None, canonical_url=canonical, html_lang=lang, base_url=base_url)
