"""The ``article_topics`` table: each article's scored topics, one row each, for plain SQL joins."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer
from sqlmodel import Field, SQLModel


class ArticleTopic(SQLModel, table=True):
    """One scored topic of one article; ``rank`` 1 is the article's ``topic``."""

    __tablename__ = "article_topics"

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    topic: str = Field(primary_key=True, max_length=64, index=True)
    code: str | None = Field(default=None, max_length=16)
    score: float = Field(sa_column=Column(Float, nullable=False))
    rank: int
