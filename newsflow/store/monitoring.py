"""Read-only views of the store for monitoring: the health of every subscription, and what was stored lately."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models import Article, ArticleEntity, Entity, Feed

# Entity labels that are quantities rather than things a reader follows.
_QUANTITY_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def feed_state(feed: Feed) -> str:
    """``disabled``, ``quarantined``, ``failing``, ``ok`` or ``new`` (never fetched)."""
    if feed.disabled:
        return "disabled"
    if feed.quarantined:
        return "quarantined"
    if feed.failures_in_row:
        return "failing"
    return "ok" if feed.last_fetched_at else "new"


def health_row(feed: Feed) -> dict[str, object]:
    """One subscription's health as a flat, JSON-friendly row (a table artifact's row)."""
    return {
        "id": feed.id,
        "feed": feed.url,
        "name": feed.name or feed.title or "",
        "state": feed_state(feed),
        "last_status": feed.last_status or "never",
        "http": feed.last_http_status,
        "error": feed.last_error_code or "",
        "failures_in_row": feed.failures_in_row,
        "last_success": _iso(feed.last_success_at),
        "next_due": _iso(feed.next_due_at),
    }


def feed_health(session: Session, feed_ids: list[int] | None = None) -> list[dict[str, object]]:
    """Health rows of every subscription (or of ``feed_ids``), failing ones first, then by id."""
    query = select(Feed)
    if feed_ids is not None:
        query = query.where(col(Feed.id).in_(feed_ids))
    feeds = list(session.exec(query))
    feeds.sort(key=lambda feed: (-feed.failures_in_row, feed.id or 0))
    return [health_row(feed) for feed in feeds]


@dataclass(frozen=True)
class Headline:
    """A stored article as a digest lists it."""

    title: str
    url: str | None
    feed_url: str
    topic: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class StoredSince:
    """What the store received since a moment: counts by topic and feed, top entities, latest headlines."""

    since: datetime
    articles: int = 0
    by_topic: list[tuple[str, int]] = field(default_factory=list)
    by_feed: list[tuple[str, int]] = field(default_factory=list)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)  # (name, label, articles)
    latest: list[Headline] = field(default_factory=list)


def stored_since(session: Session, since: datetime, *, headlines: int = 20, entities: int = 15) -> StoredSince:
    """Articles stored or updated at or after ``since``, summarised."""
    # sqlmodel's select types at most four columns; SQLAlchemy's takes any number.
    rows = session.execute(
        sa_select(
            col(Article.id), col(Article.title), col(Article.url), col(Article.topic),
            col(Article.published_at), col(Feed.url),
        )
        .join(Feed, col(Feed.id) == col(Article.feed_id))
        .where(col(Article.updated_at) >= since)
        .order_by(func.coalesce(col(Article.published_at), col(Article.fetched_at)).desc())
    ).all()
    if not rows:
        return StoredSince(since=since)
    topics = Counter(topic or "(none)" for _, _, _, topic, _, _ in rows)
    feeds = Counter(feed_url for *_, feed_url in rows)
    ids = [article_id for article_id, *_ in rows]
    mentioned: Counter[tuple[str, str]] = Counter()
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        linked = session.exec(
            select(col(Entity.name), col(Entity.label))
            .join(ArticleEntity, col(ArticleEntity.entity_id) == col(Entity.id))
            .where(col(ArticleEntity.article_id).in_(ids[start : start + 500]))
            .where(col(Entity.label).not_in(_QUANTITY_LABELS))
        )
        mentioned.update(linked)
    return StoredSince(
        since=since,
        articles=len(rows),
        by_topic=topics.most_common(),
        by_feed=feeds.most_common(),
        top_entities=[(name, label, count) for (name, label), count in mentioned.most_common(entities)],
        latest=[
            Headline(title=title or "(untitled)", url=url, feed_url=feed_url, topic=topic, published_at=published)
            for _, title, url, topic, published, feed_url in rows[:headlines]
        ],
    )
