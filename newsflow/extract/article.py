"""Assemble an ExtractedArticle from a page (and optionally its feed entry): choose the body, read metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from lxml.html import HtmlElement

from newsflow.extract import metadata
from newsflow.extract.dates import Dated, first_valid, modified_time, published_time
from newsflow.extract.feedhtml import feed_paragraphs
from newsflow.extract.jsonld import JsonLdArticle, read_jsonld
from newsflow.extract.language import detect_language
from newsflow.extract.leftovers import clean_paragraphs, remove_leftovers
from newsflow.extract.maintext import extract_body
from newsflow.extract.page import parse_page, read_head
from newsflow.extract.render import body_html, body_paragraphs, paragraphs_html
from newsflow.extract.sanitize import sanitize_html
from newsflow.extract.status import STUB_WORDS, is_blocked, is_paywalled
from newsflow.extract.textutil import containment, join_paragraphs, split_paragraphs, words
from newsflow.records import ArticleStatus, ExtractedArticle, FeedEntry

EXTRACTOR_VERSION = "1.0.0"
EXTRACTOR = f"newsflow-extract@{EXTRACTOR_VERSION}"

# JSON-LD or feed text is taken as the body only when this share of its word shingles is on the page
AGREEMENT = 0.7
# ... and when it is at least this long relative to what the page extraction found (not a teaser)
WHOLE_RATIO = 0.8
NOTHING_WORDS = 30


@dataclass
class Body:
    paragraphs: list[str]
    html: str
    source: str  # page | jsonld | feed_content | feed_summary

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def extract_article(html: str, *, url: str | None = None, feed_entry: FeedEntry | None = None) -> ExtractedArticle:
    """Main text and metadata of an article page; the feed entry fills gaps and may supply the body."""
    tree = parse_page(html) if html and html.strip() else None
    if tree is None:
        fallback = article_from_feed(feed_entry) if feed_entry else None
        if fallback is not None and fallback.text:
            return fallback.model_copy(update={"status": "empty" if not fallback.text else "feed_only"})
        return ExtractedArticle(status="empty", extractor=EXTRACTOR, title=feed_entry.title if feed_entry else None)
    return _from_tree(tree, html, url, feed_entry)


def _from_tree(tree: HtmlElement, html: str, url: str | None, entry: FeedEntry | None) -> ExtractedArticle:
    now = datetime.now(UTC)
    head = read_head(tree, url)
    ld = read_jsonld(tree)
    title = metadata.title(tree, head, ld, entry.title if entry else None)
    authors = metadata.authors(head, ld, list(entry.authors) if entry else [])
    section = metadata.section(head, ld, list(entry.categories) if entry else [])
    site = metadata.site_name(head, ld)
    titles = [t for t in (title, ld.headline if ld else None, head.first("og:title"), head.title_tag) if t]
    if entry and entry.title:
        titles.append(entry.title)

    page = _page_body(tree, url, titles, authors, [x for x in (section, site) if x])
    page_words = page.word_count if page else 0
    visible = _LazyText(tree)
    body = _choose_body(page, ld, entry, visible, titles, authors)

    status: ArticleStatus = "ok"
    if body is None or not body.paragraphs:
        status = "empty"
    if (body is None or body.word_count < STUB_WORDS) and is_blocked(tree, head, html, page_words):
        status = "blocked"
    elif (body is None or body.word_count < STUB_WORDS) and is_paywalled(tree, head, ld, str(visible), page_words):
        status = "paywalled"
    if status == "blocked" and body is not None and body.source == "page":
        body = _feed_body(entry)  # a challenge page's words are not the article's

    text = join_paragraphs(body.paragraphs) if body else ""
    published = published_time(tree, head, ld, url, entry.published_at if entry else None, now)
    modified = modified_time(tree, head, ld, url, entry.updated_at if entry else None, published, now)
    language, confidence = detect_language(
        text or title or "", hint=(ld.language if ld else None) or head.html_lang or head.first("content-language")
    )
    return ExtractedArticle(
        title=title,
        text=text,
        html=sanitize_html(body.html, base_url=url) or None if body else None,
        authors=authors,
        published_at=published.value if published else None,
        published_source=published.source if published else None,
        modified_at=modified.value if modified else None,
        modified_source=modified.source if modified else None,
        language=language,
        language_confidence=confidence,
        top_image=metadata.top_image(head, ld, url, entry.image_url if entry else None),
        site_name=site,
        section=section,
        canonical_url=head.canonical_url,
        status=status,
        text_source=body.source if body and text else None,
        extractor=EXTRACTOR,
    )


def _page_body(
    tree: HtmlElement, url: str | None, titles: list[str], authors: list[str], labels: list[str]
) -> Body | None:
    body = extract_body(tree, url)
    if body is None:
        return None
    remove_leftovers(body, titles=titles, authors=authors, labels=labels)
    paragraphs = body_paragraphs(body)
    return Body(paragraphs, body_html(body), "page") if paragraphs else None


class _LazyText:
    """The page's visible text, computed the first time it is needed (only JSON-LD and feed checks need it)."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            from trafilatura.baseline import html2txt

            self._text = html2txt(self._tree)
        return self._text


def _text_body(raw: str, source: str, titles: list[str], authors: list[str]) -> Body | None:
    paragraphs = feed_paragraphs(raw) if "<" in raw and ">" in raw else split_paragraphs(raw)
    paragraphs = clean_paragraphs(paragraphs, titles=titles, authors=authors)
    return Body(paragraphs, paragraphs_html(paragraphs), source) if paragraphs else None


def _agrees(candidate: Body, page: Body | None, visible: _LazyText) -> bool:
    """The candidate is on the page and is not a teaser of what the page extraction found."""
    text = " ".join(candidate.paragraphs)
    if candidate.word_count < NOTHING_WORDS or containment(text, str(visible)) < AGREEMENT:
        return False
    return page is None or candidate.word_count >= WHOLE_RATIO * page.word_count * 0.5


def _choose_body(
    page: Body | None,
    ld: JsonLdArticle | None,
    entry: FeedEntry | None,
    visible: _LazyText,
    titles: list[str],
    authors: list[str],
) -> Body | None:
    if ld is not None and ld.body:
        from_ld = _text_body(ld.body, "jsonld", titles, authors)
        if from_ld is not None and _agrees(from_ld, page, visible):
            return from_ld
    if entry is not None and entry.content_html:
        from_feed = _text_body(entry.content_html, "feed_content", titles, authors)
        if from_feed is not None:
            page_words = page.word_count if page else 0
            if page_words < NOTHING_WORDS and from_feed.word_count > page_words:
                return from_feed
            if (
                page is not None
                and from_feed.word_count >= WHOLE_RATIO * page_words
                and containment(" ".join(page.paragraphs), " ".join(from_feed.paragraphs)) >= AGREEMENT
                and containment(" ".join(from_feed.paragraphs), str(visible)) >= AGREEMENT
            ):
                return from_feed
    if page is not None and page.word_count >= NOTHING_WORDS:
        return page
    fallback = _feed_body(entry)
    if fallback is not None and (page is None or fallback.word_count > page.word_count):
        return fallback
    return page


def _feed_body(entry: FeedEntry | None) -> Body | None:
    if entry is None:
        return None
    titles = [entry.title] if entry.title else []
    for raw, source in ((entry.content_html, "feed_content"), (entry.summary_html, "feed_summary")):
        if raw:
            body = _text_body(raw, source, titles, list(entry.authors))
            if body is not None:
                return body
    return None


def article_from_feed(entry: FeedEntry) -> ExtractedArticle:
    """What the feed alone says about an article, when its page could not be fetched."""
    now = datetime.now(UTC)
    body = _feed_body(entry)
    text = join_paragraphs(body.paragraphs) if body else ""
    published: Dated | None = first_valid([(entry.published_at, "feed")], now)
    modified: Dated | None = first_valid([(entry.updated_at, "feed")], now)
    raw_html = (entry.content_html if body and body.source == "feed_content" else entry.summary_html) or ""
    language, confidence = detect_language(text or entry.title or "")
    return ExtractedArticle(
        title=entry.title,
        text=text,
        html=sanitize_html(raw_html, base_url=entry.url) or None if raw_html else None,
        authors=list(entry.authors),
        published_at=published.value if published else None,
        published_source=published.source if published else None,
        modified_at=modified.value if modified else None,
        modified_source=modified.source if modified else None,
        language=language,
        language_confidence=confidence,
        top_image=entry.image_url,
        section=entry.categories[0] if entry.categories else None,
        canonical_url=entry.canonical_url or entry.url,
        status="feed_only",
        text_source=body.source if body else None,
        extractor=EXTRACTOR,
    )


def word_count(text: str) -> int:
    return len(words(text))
