"""Assemble an ExtractedArticle from a page (and optionally its feed entry): choose the body, read metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from lxml.etree import _Element
from lxml.html import HtmlElement

from newsflow.extract import metadata
from newsflow.extract.dates import Dated, first_valid, modified_time, published_time
from newsflow.extract.feedhtml import feed_paragraphs
from newsflow.extract.jsonld import JsonLdArticle, read_jsonld
from newsflow.extract.language import detect_language
from newsflow.extract.leftovers import clean_paragraphs, remove_leftovers, trim_to_reference
from newsflow.extract.maintext import extract_body
from newsflow.extract.markdown import has_markdown_links, looks_like_markdown, markdown_to_html
from newsflow.extract.page import PageHead, parse_page, read_head
from newsflow.extract.prepare import drop_scrambled
from newsflow.extract.render import body_html, body_paragraphs, paragraphs_html
from newsflow.extract.sanitize import sanitize_html
from newsflow.extract.standfirst import find_standfirst
from newsflow.extract.status import STUB_WORDS, is_blocked, is_cut_off, is_paywalled
from newsflow.extract.textutil import containment, join_paragraphs
from newsflow.extract.title import host_keys
from newsflow.extract.title import title as read_title
from newsflow.records import ArticleStatus, ExtractedArticle, FeedEntry

EXTRACTOR_VERSION = "1.8.8"
EXTRACTOR = f"newsflow-extract@{EXTRACTOR_VERSION}"

# A JSON-LD or feed body counts as the page's article when this share of its word 4-grams is on the page
AGREEMENT = 0.7
REFERENCE_MIN_WORDS = 50
# The page extraction is taken to have missed the article when it is shorter than this share of such a body
UNDER_EXTRACTED = 0.7
NOTHING_WORDS = 30
SAME_TEXT = 0.95
# A stated body shorter than this share of the page extraction is its opening (a truncated articleBody, a
# feed excerpt), not the whole article: the page is not cut down to it
WHOLE_REFERENCE = 0.5


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
    return _from_reading(_read(html, url, feed_entry, with_published=True), html or "", feed_entry)


def extract_text(html: str, *, url: str | None = None) -> tuple[str | None, str]:
    """The title and main text ``extract_article`` gives for a page, by the same steps, without the metadata
    that does not bear on them (dates, language, sanitised HTML, top image, paywall status): what ``newsflow
    analyze`` returns."""
    reading = _read(html, url, None, with_published=False)
    body = reading.body
    if body is not None and body.source == "page" and _is_blocked(reading, html or ""):
        body = None  # a challenge page's words are not the article's, and there is no feed entry to fall back on
    return reading.title, join_paragraphs(body.paragraphs) if body else ""


@dataclass
class _Reading:
    """What reading a page gives before the status and the metadata only the stored article needs."""

    tree: HtmlElement
    url: str | None
    head: PageHead
    ld: JsonLdArticle | None
    title: str | None
    authors: list[str]
    authors_source: str | None
    section: str | None
    site: str | None
    published: Dated | None
    language_hint: str | None
    visible: _LazyText
    scrambled: bool
    page_words: int
    body: Body | None
    now: datetime


def _read(html: str, url: str | None, entry: FeedEntry | None, *, with_published: bool) -> _Reading:
    tree = parse_page(html) if html and html.strip() else None
    if tree is None:
        tree = parse_page("<html><body></body></html>")
        assert tree is not None
    now = datetime.now(UTC)
    head = read_head(tree, url)
    ld = read_jsonld(tree)
    title = read_title(tree, head, ld, entry.title if entry else None, url)
    hosts = host_keys(url)
    authors, authors_source = metadata.authors(
        tree, head, ld, title, list(entry.authors) if entry else [], hosts=hosts
    )
    section = metadata.section(head, ld, list(entry.categories) if entry else [])
    site = metadata.site_name(head, ld)
    titles = [t for t in (title, ld.headline if ld else None, head.first("og:title"), head.title_tag) if t]
    if entry and entry.title:
        titles.append(entry.title)

    # htmldate reads meta tags and scripts, which extract_body removes from the tree
    published = (
        published_time(tree, head, ld, url, entry.published_at if entry else None, now) if with_published else None
    )
    visible = _LazyText(tree)
    language_hint = (ld.language if ld else None) or head.html_lang or head.first("content-language")
    scrambled = drop_scrambled(tree)
    page_xml = extract_body(tree)
    if page_xml is not None:
        labels = [x for x in (section, site, *hosts) if x]
        bylines = remove_leftovers(page_xml, titles=titles, authors=authors, labels=labels)
        # the body's "Von Claudia Lindner" names the writer where the metadata names nobody or only an
        # organisation ("Das Magazin für Lesben", "tagesschau.de")
        if bylines and not metadata.names_a_person(authors):
            from_body = metadata.body_byline_authors(bylines)
            if from_body:
                authors, authors_source = from_body, "byline"
    page = _render(page_xml)
    if page_xml is not None and page is not None:
        description = head.first("description", "og:description", "twitter:description")
        paragraphs = page.paragraphs
        standfirst = find_standfirst(
            tree, description, paragraphs, language=lambda: detect_language(" ".join(paragraphs), hint=language_hint)[0]
        )
        if standfirst:
            lead = page_xml.makeelement("p", {})
            lead.text = standfirst
            page_xml.insert(0, lead)
            page = _render(page_xml)
    references = _references(ld, entry, page, visible, titles, authors)
    if page_xml is not None and page is not None and references and _is_whole(references[0], page):
        trim_to_reference(page_xml, " ".join(references[0].paragraphs))
        page = _render(page_xml)
    return _Reading(
        tree=tree,
        url=url,
        head=head,
        ld=ld,
        title=title,
        authors=authors,
        authors_source=authors_source,
        section=section,
        site=site,
        published=published,
        language_hint=language_hint,
        visible=visible,
        scrambled=scrambled,
        page_words=page.word_count if page else 0,
        body=_choose_body(page, references, entry),
        now=now,
    )


def _is_blocked(reading: _Reading, html: str) -> bool:
    """The page is a bot challenge, not the article (only a stub of a body is tested)."""
    body_words = reading.body.word_count if reading.body else 0
    return body_words < STUB_WORDS and is_blocked(reading.tree, reading.head, html, reading.page_words)


def _from_reading(reading: _Reading, html: str, entry: FeedEntry | None) -> ExtractedArticle:
    body, head, ld = reading.body, reading.head, reading.ld
    status: ArticleStatus = "ok"
    body_words = body.word_count if body else 0
    cut_off = bool(body and is_cut_off(body.paragraphs))
    if body is None or not body.paragraphs or body.source == "feed_summary":
        status = "empty"  # the page gave nothing; a feed summary is a stand-in, not the article
    if _is_blocked(reading, html):
        status = "blocked"
    elif is_paywalled(
        reading.tree, head, ld, reading.visible.__str__, body_words, cut_off=cut_off, scrambled=reading.scrambled
    ):
        status = "paywalled"
    if status == "blocked" and body is not None and body.source == "page":
        body = _feed_body(entry)  # a challenge page's words are not the article's

    text = join_paragraphs(body.paragraphs) if body else ""
    published = reading.published
    modified = modified_time(head, ld, entry.updated_at if entry else None, reading.now)
    language, confidence = detect_language(text or reading.title or "", hint=reading.language_hint)
    return ExtractedArticle(
        title=reading.title,
        text=text,
        html=sanitize_html(body.html, base_url=head.base_url) or None if body else None,
        authors=reading.authors,
        authors_source=reading.authors_source,
        published_at=published.value if published else None,
        published_source=published.source if published else None,
        modified_at=modified.value if modified else None,
        modified_source=modified.source if modified else None,
        language=language,
        language_confidence=confidence,
        top_image=metadata.top_image(head, ld, reading.url, entry.image_url if entry else None),
        site_name=reading.site,
        section=reading.section,
        canonical_url=head.canonical_url,
        status=status,
        text_source=body.source if body and text else None,
        extractor=EXTRACTOR,
    )


def _render(page_xml: _Element | None) -> Body | None:
    if page_xml is None:
        return None
    paragraphs = body_paragraphs(page_xml)
    return Body(paragraphs, body_html(page_xml), "page") if paragraphs else None


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
    # feed_paragraphs reads plain text too, decoding the character references JSON-LD bodies often carry
    paragraphs = feed_paragraphs(markdown_to_html(raw) if looks_like_markdown(raw) else raw)
    paragraphs = clean_paragraphs(paragraphs, titles=titles, authors=authors)
    return Body(paragraphs, paragraphs_html(paragraphs), source) if paragraphs else None


def _references(
    ld: JsonLdArticle | None,
    entry: FeedEntry | None,
    page: Body | None,
    visible: _LazyText,
    titles: list[str],
    authors: list[str],
) -> list[Body]:
    """Bodies the publisher states apart from the page (JSON-LD articleBody, the feed's full content) that are
    this page's article: more than a teaser, and mostly on the page, or holding what the page extraction found
    (a paywalled page shows the opening of the full text)."""
    page_text = " ".join(page.paragraphs) if page and page.word_count >= NOTHING_WORDS else ""
    found: list[Body] = []
    for raw, source in ((ld.body if ld else None, "jsonld"), (entry.content_html if entry else None, "feed_content")):
        if not raw:
            continue
        body = _text_body(raw, source, titles, authors)
        if body is None or body.word_count < REFERENCE_MIN_WORDS:
            continue
        text = " ".join(body.paragraphs)
        if (
            not page_text  # the page shows nothing of its own (rendered by script): the stated body is all there is
            or containment(page_text, text) >= AGREEMENT
            or containment(text, str(visible)) >= AGREEMENT
        ):
            found.append(body)
    return found


def _choose_body(page: Body | None, references: list[Body], entry: FeedEntry | None) -> Body | None:
    """The page's body, unless a stated body shows the page extraction missed much of the article."""
    page_words = page.word_count if page else 0
    if page is not None and references and has_markdown_links("\n".join(page.paragraphs)):
        return references[0]  # the page text is the raw Markdown body (trafilatura's fallback read the JSON-LD)
    for reference in references:
        if page_words < UNDER_EXTRACTED * reference.word_count:
            return reference
        if page is not None and len(reference.paragraphs) > len(page.paragraphs) and _same_text(page, reference):
            return reference  # the same words, better cut into paragraphs
    if page is not None and page_words >= NOTHING_WORDS:
        return page
    fallback = _feed_body(entry)
    if fallback is not None and (page is None or fallback.word_count > page_words):
        return fallback
    return page


def _is_whole(reference: Body, page: Body) -> bool:
    return reference.word_count >= WHOLE_REFERENCE * page.word_count


def _same_text(a: Body, b: Body) -> bool:
    text_a, text_b = " ".join(a.paragraphs), " ".join(b.paragraphs)
    return containment(text_a, text_b) >= SAME_TEXT and containment(text_b, text_a) >= SAME_TEXT


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
        authors_source="feed" if entry.authors else None,
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
