"""The ``articles`` table (one row per entry of a feed) and ``article_sources`` (what was fetched, raw)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, SmallInteger, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import JSONType, UTCDateTime, utcnow


class Article(SQLModel, table=True):
    """An article: identity, metadata with provenance, clean text, topics.

    ``(feed_id, entry_key)`` is unique, so ingesting the same entry again updates this row in place;
    ``content_hash`` tells an update from a repeat.
    """

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("feed_id", "entry_key", name="uq_articles_feed_entry"),
        Index("ix_articles_published_at", "published_at"),
        Index("ix_articles_canonical_url", "canonical_url"),
    )

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(sa_column=Column(Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False))
    entry_key: str = Field(sa_column=Column(Text, nullable=False))
    guid: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, sa_column=Column(Text))
    canonical_url: str | None = Field(default=None, sa_column=Column(Text))
    title: str | None = Field(default=None, sa_column=Column(Text))
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    authors_source: str | None = Field(default=None, max_length=16)  # jsonld | meta | feed | byline
    published_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    published_source: str | None = Field(default=None, max_length=32)
    # minutes east of UTC in the time the page stated, so published_at can be shown as the publisher's own
    # time and calendar day (the column holds the UTC instant, which is what sorting and filtering need)
    published_utc_offset: int | None = Field(default=None, sa_column=Column(SmallInteger))
    modified_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    modified_utc_offset: int | None = Field(default=None, sa_column=Column(SmallInteger))  # as published_utc_offset
    modified_source: str | None = Field(default=None, max_length=32)
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    language: str | None = Field(default=None, max_length=16)
    language_confidence: float | None = Field(default=None, sa_column=Column(Float))
    site_name: str | None = Field(default=None, sa_column=Column(Text))
    section: str | None = Field(default=None, sa_column=Column(Text))
    top_image: str | None = Field(default=None, sa_column=Column(Text))
    categories: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    status: str = Field(default="ok", max_length=16)  # ok | feed_only | paywalled | blocked | empty
    text_source: str | None = Field(default=None, max_length=32)
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    html: str | None = Field(default=None, sa_column=Column(Text))  # sanitised body
    content_hash: str = Field(max_length=64)  # of title and text: tells an update from a repeat
    entry_hash: str | None = Field(default=None, max_length=64)  # of the feed entry: changed means re-fetch
    extractor: str | None = Field(default=None, max_length=64)
    topic: str | None = Field(default=None, max_length=64, index=True)
    topic_code: str | None = Field(default=None, max_length=16)
    topics: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    classifier: str | None = Field(default=None, max_length=64)
    entity_model: str | None = Field(default=None, max_length=96)


class ArticleSource(SQLModel, table=True):
    """What was fetched for an article, kept raw so every later stage can be recomputed."""

    __tablename__ = "article_sources"

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    page_url: str | None = Field(default=None, sa_column=Column(Text))
    page_status: int | None = None
    page_error_code: str | None = Field(default=None, max_length=64)
    raw_html: str | None = Field(default=None, sa_column=Column(Text))
    feed_entry: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONType, nullable=False))
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
