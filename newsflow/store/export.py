"""Read stored articles for export: one plain dict per article with its topics and distinct entities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Article, ArticleEntity, Entity, Feed

EXPORT_FIELDS = (
    "id", "feed_url", "url", "canonical_url", "title", "authors", "authors_source", "text", "html", "published_at",
    "published_source", "modified_at", "modified_source", "fetched_at", "language", "language_confidence",
    "site_name", "section", "top_image", "status", "topic", "topic_code", "topics", "classifier", "entities",
    "content_hash",
)


def export_articles(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    feed_url: str | None = None,
    batch_size: int = 500,
) -> Iterator[dict[str, Any]]:
    """Articles in publication order (fetch time where unpublished), ``since`` ≤ time < ``until``."""
    moment = func.coalesce(col(Article.published_at), col(Article.fetched_at))
    query = select(Article, Feed.url).join(Feed, col(Feed.id) == col(Article.feed_id))
    if since is not None:
        query = query.where(moment >= since)
    if until is not None:
        query = query.where(moment < until)
    if feed_url is not None:
        query = query.where(Feed.url == feed_url)
    query = query.order_by(moment, col(Article.id))
    rows = list(session.exec(query))
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        entities = _entities_of(session, [article.id for article, _ in batch if article.id is not None])
        for article, url in batch:
            yield _row(article, url, entities.get(article.id or 0, []))


def _entities_of(session: Session, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = session.exec(
        select(ArticleEntity, Entity)
        .join(Entity, col(Entity.id) == col(ArticleEntity.entity_id))
        .where(col(ArticleEntity.article_id).in_(article_ids))
        .order_by(col(ArticleEntity.article_id), col(ArticleEntity.first_offset))
    )
    for link, entity in rows:
        item: dict[str, Any] = {"name": entity.name, "label": entity.label, "mentions": link.mentions}
        if entity.iso_code:
            item["iso_code"] = entity.iso_code
        found[link.article_id].append(item)
    return found


def _iso(moment: datetime | None, utc_offset_minutes: int | None = None) -> str | None:
    """ISO 8601, in the offset the publisher stated when it is known (the same instant as the stored UTC)."""
    if moment is None:
        return None
    if utc_offset_minutes:
        moment = moment.astimezone(timezone(timedelta(minutes=utc_offset_minutes)))
    return moment.isoformat()


def _row(article: Article, feed_url: str, entities: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_url": feed_url,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "authors": article.authors,
        "authors_source": article.authors_source,
        "text": article.text,
        "html": article.html,
        "published_at": _iso(article.published_at, article.published_utc_offset),
        "published_source": article.published_source,
        "modified_at": _iso(article.modified_at, article.modified_utc_offset),
        "modified_source": article.modified_source,
        "fetched_at": _iso(article.fetched_at),
        "language": article.language,
        "language_confidence": article.language_confidence,
        "site_name": article.site_name,
        "section": article.section,
        "top_image": article.top_image,
        "status": article.status,
        "topic": article.topic,
        "topic_code": article.topic_code,
        "topics": article.topics,
        "classifier": article.classifier,
        "entities": entities,
        "content_hash": article.content_hash,
    }
