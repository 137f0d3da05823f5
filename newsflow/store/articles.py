"""Article rows: which entries a feed already has, and idempotent writes of new and changed articles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from models import Article, ArticleSource, ArticleTopic
from newsflow.errors import is_transient_code
from newsflow.records import ArticleRecord, StoreCounts
from newsflow.store.entities import lock_entities, replace_article_entities
from newsflow.store.limits import fits_index
from newsflow.store.upsert import upsert


def known_entries(session: Session, feed_id: int, keys: Sequence[str]) -> dict[str, str | None]:
    """``{entry_key: entry_hash}`` for those of ``keys`` the feed already stored."""
    found: dict[str, str | None] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        chunk = unique[start : start + 500]
        rows = session.exec(
            select(Article.entry_key, Article.entry_hash)
            .where(Article.feed_id == feed_id)
            .where(col(Article.entry_key).in_(chunk))
        )
        found.update({key: entry_hash for key, entry_hash in rows})
    return found


def find_article(session: Session, record: ArticleRecord) -> Article | None:
    """The stored row of ``record``'s entry, if any."""
    return session.exec(
        select(Article).where(Article.feed_id == record.feed_id).where(Article.entry_key == record.entry.entry_key)
    ).first()


def lock_record_entities(session: Session, records: Sequence[ArticleRecord]) -> None:
    """Take the entity locks every record's mentions need, before any of them is written."""
    lock_entities(session, (m for record in records if record.enrichment for m in record.enrichment.entities))


def store_articles(
    session: Session, records: Sequence[ArticleRecord], *, entry_hashes: dict[str, str], now: datetime
) -> StoreCounts:
    """Insert new articles and update changed ones in place; a repeat changes nothing but its entry hash."""
    new = updated = unchanged = 0
    lock_record_entities(session, records)
    for record in records:
        existing = find_article(session, record)
        entry_hash = entry_hashes.get(record.entry.entry_key)
        if record.page is not None and is_transient_code(record.page.error_code):
            entry_hash = None  # the page may come next time: plan this entry again
        if existing is not None and existing.content_hash == record.content_hash:
            if existing.entry_hash != entry_hash:
                existing.entry_hash = entry_hash
                session.add(existing)
            unchanged += 1
            continue
        values = article_values(record, entry_hash=entry_hash, now=now)
        article_id = upsert(
            session,
            Article.__table__,  # type: ignore[attr-defined]
            values,
            conflict=["feed_id", "entry_key"],
            update=[name for name in values if name not in ("feed_id", "entry_key", "fetched_at")],
            returning="id",
        )
        _write_source(session, article_id, record, now)
        replace_article_topics(session, article_id, record)
        if record.enrichment is not None:
            replace_article_entities(session, article_id, record.enrichment.entities)
        if existing is None:
            new += 1
        else:
            updated += 1
    session.flush()
    return StoreCounts(new=new, updated=updated, unchanged=unchanged)


def utc_offset_minutes(moment: datetime | None) -> int | None:
    """The offset a time was stated in, in whole minutes east of UTC (None for no time)."""
    offset = moment.utcoffset() if moment else None
    return int(offset.total_seconds() // 60) if offset is not None else None


def article_values(record: ArticleRecord, *, entry_hash: str | None, now: datetime) -> dict[str, object]:
    """The ``articles`` row of a record (also used by reprocessing to rewrite rows in place)."""
    entry, extracted = record.entry, record.extracted
    topics = record.enrichment.topics if record.enrichment else None
    best = topics.topics[0] if topics and topics.topics else None
    return {
        "feed_id": record.feed_id,
        "entry_key": entry.entry_key,
        "guid": entry.guid,
        "url": entry.url,
        "canonical_url": next((u for u in (extracted.canonical_url, entry.canonical_url) if u and fits_index(u)), None),
        "title": extracted.title or entry.title,
        "authors": extracted.authors or entry.authors,
        "authors_source": extracted.authors_source if extracted.authors else ("feed" if entry.authors else None),
        "published_at": extracted.published_at,
        "published_source": extracted.published_source,
        "published_utc_offset": utc_offset_minutes(extracted.published_at),
        "modified_at": extracted.modified_at,
        "modified_utc_offset": utc_offset_minutes(extracted.modified_at),
        "modified_source": extracted.modified_source,
        "fetched_at": record.page.fetched_at if record.page and record.page.fetched_at else now,
        "updated_at": now,
        "language": extracted.language,
        "language_confidence": extracted.language_confidence,
        "site_name": extracted.site_name,
        "section": extracted.section,
        "top_image": extracted.top_image or entry.image_url,
        "categories": entry.categories,
        "status": extracted.status,
        "text_source": extracted.text_source,
        "text": extracted.text,
        "html": extracted.html,
        "content_hash": record.content_hash,
        "entry_hash": entry_hash,
        "extractor": extracted.extractor,
        "topic": topics.topic if topics else None,
        "topic_code": best.code if best and topics and best.label == topics.topic else None,
        "topics": [score.model_dump() for score in topics.topics] if topics else [],
        "classifier": topics.classifier if topics else None,
        "entity_model": record.enrichment.entity_model if record.enrichment else None,
    }


def _write_source(session: Session, article_id: int, record: ArticleRecord, now: datetime) -> None:
    page = record.page
    values = {
        "article_id": article_id,
        "page_url": page.final_url or page.url if page else None,
        "page_status": page.status if page else None,
        "page_error_code": page.error_code if page else None,
        "raw_html": page.html if page else None,
        "feed_entry": record.entry.model_dump(mode="json"),
        "fetched_at": page.fetched_at if page and page.fetched_at else now,
    }
    upsert(
        session,
        ArticleSource.__table__,  # type: ignore[attr-defined]
        values,
        conflict=["article_id"],
        update=[name for name in values if name != "article_id"],
    )


def replace_article_topics(session: Session, article_id: int, record: ArticleRecord) -> None:
    """Make the article's ``article_topics`` rows exactly the record's scored topics."""
    session.execute(delete(ArticleTopic).where(col(ArticleTopic.article_id) == article_id))
    if record.enrichment is None:
        return
    for rank, score in enumerate(record.enrichment.topics.topics, start=1):
        session.add(
            ArticleTopic(article_id=article_id, topic=score.label, code=score.code, score=score.score, rank=rank)
        )
