"""Parse an article page once and read what its <head> says: meta tags, <title>, canonical link, language."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.html import HtmlElement

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


def parse_page(html: str) -> HtmlElement | None:
    """The page as an lxml tree (trafilatura's loader copes with encodings and broken markup)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
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


def read_head(tree: HtmlElement, url: str | None) -> PageHead:
    meta: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        content = squash(content)
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key and not (attr == "itemprop" and _in_other_work(el)):
                meta.setdefault(key.strip().lower(), []).append(content)
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
