"""Turn entries and their fetched pages into article records (pure: extraction and hashing)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsflow.extract import article_from_feed, extract_article
from newsflow.identity import content_hash
from newsflow.records import ArticleRecord, ExtractedArticle, FeedEntry, PageFetch

logger = logging.getLogger(__name__)


def assemble_articles(feed_id: int, entries: Sequence[FeedEntry], pages: Sequence[PageFetch]) -> list[ArticleRecord]:
    """One record per entry: the page's main text where the page came, else the feed's own content."""
    pages_by_key = {page.entry_key: page for page in pages}
    records = []
    for entry in entries:
        page = pages_by_key.get(entry.entry_key)
        extracted = _extract(entry, page)
        records.append(
            ArticleRecord(
                feed_id=feed_id,
                entry=entry,
                page=page,
                extracted=extracted,
                content_hash=content_hash(extracted.title, extracted.text),
            )
        )
    return records


def _extract(entry: FeedEntry, page: PageFetch | None) -> ExtractedArticle:
    if page is None or not page.html:
        return article_from_feed(entry)
    try:
        extracted = extract_article(page.html, url=page.final_url or page.url, feed_entry=entry)
    except Exception:  # a page that breaks the extractor must not lose the entry
        logger.exception("extraction failed for %s; using the feed's content", page.url)
        return article_from_feed(entry)
    if extracted.status == "empty" or not extracted.text.strip():
        fallback = article_from_feed(entry)
        if fallback.text.strip():
            return fallback
    return extracted
