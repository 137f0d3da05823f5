"""Reprocessing in the store: read what was fetched for a day's articles, and write their recomputed versions.

What was fetched (``article_sources.raw_html`` and the feed entry as JSON) is kept so that cleaning, topics and
entities can be recomputed when the extractor or the models change, without fetching anything again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Article, ArticleSource
from newsflow.records import ArticleRecord, FeedEntry, PageFetch
from newsflow.store.articles import article_values, find_article, lock_record_entities, replace_article_topics
from newsflow.store.entities import replace_article_entities


@dataclass(frozen=True)
class StoredSource:
    """What was fetched for one stored article: its feed entry and, when the page came, the page."""

    article_id: int
    feed_id: int
    entry: FeedEntry
    page: PageFetch | None
    entry_hash: str | None


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC day ``[start, end)``."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def article_ids_of_day(session: Session, day: date, feed_ids: Sequence[int] | None = None) -> list[int]:
    """Ids of the articles published on ``day`` (fetched, where unpublished), oldest first."""
    start, end = day_bounds(day)
    moment = func.coalesce(col(Article.published_at), col(Article.fetched_at))
    query = select(Article.id).where(moment >= start).where(moment < end)
    if feed_ids is not None:
        query = query.where(col(Article.feed_id).in_(list(feed_ids)))
    return [article_id for article_id in session.exec(query.order_by(moment, col(Article.id))) if article_id]


def article_days(session: Session, first: date, last: date, feed_ids: Sequence[int] | None = None) -> set[date]:
    """The UTC days from ``first`` to ``last`` (included) on which stored articles were published."""
    start, _ = day_bounds(first)
    _, end = day_bounds(last)
    moment = func.coalesce(col(Article.published_at), col(Article.fetched_at))
    query = select(moment).where(moment >= start).where(moment < end)
    if feed_ids is not None:
        query = query.where(col(Article.feed_id).in_(list(feed_ids)))
    return {_as_utc(value).date() for value in session.exec(query) if value is not None}


def _as_utc(value: datetime) -> datetime:
    # coalesce() loses the column type, so SQLite hands back a naive UTC timestamp (sometimes as text)
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stored_sources(session: Session, article_ids: Sequence[int]) -> list[StoredSource]:
    """The stored sources of ``article_ids``; a source whose feed entry cannot be read raises (ValueError)."""
    rows = session.exec(
        select(Article, ArticleSource)
        .join(ArticleSource, col(ArticleSource.article_id) == col(Article.id))
        .where(col(Article.id).in_(list(article_ids)))
        .order_by(col(Article.id))
    )
    return [_source(article, source) for article, source in rows]


def _source(article: Article, source: ArticleSource) -> StoredSource:
    assert article.id is not None
    entry = FeedEntry.model_validate(source.feed_entry)  # raises if the stored entry was damaged
    page = None
    if source.raw_html or source.page_url:
        page = PageFetch(
            entry_key=entry.entry_key,
            url=entry.url or source.page_url or "",
            final_url=source.page_url,
            status=source.page_status,
            html=source.raw_html,
            error_code=source.page_error_code,
            fetched_at=source.fetched_at,
        )
    return StoredSource(
        article_id=article.id, feed_id=article.feed_id, entry=entry, page=page, entry_hash=article.entry_hash
    )


def rewrite_articles(session: Session, records: Sequence[ArticleRecord]) -> tuple[int, int]:
    """Overwrite each article's cleaned text, metadata, topics and entities; returns (rewritten, changed).

    ``changed`` counts articles whose text, title or best topic differ from what was stored.
    """
    now = datetime.now(UTC)
    rewritten = changed = 0
    lock_record_entities(session, records)
    for record in records:
        article = find_article(session, record)
        if article is None or article.id is None:
            continue
        values = article_values(record, entry_hash=article.entry_hash, now=now)
        before = (article.content_hash, article.topic)
        for name, value in values.items():
            if name not in ("feed_id", "entry_key", "fetched_at"):
                setattr(article, name, value)
        session.add(article)
        replace_article_topics(session, article.id, record)
        if record.enrichment is not None:
            replace_article_entities(session, article.id, record.enrichment.entities)
        rewritten += 1
        changed += before != (record.content_hash, article.topic)
    session.flush()
    return rewritten, changed
