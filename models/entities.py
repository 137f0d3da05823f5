"""Entity tables: ``entities`` (one per canonical name and label), ``article_entities`` (links with counts)
and ``entity_mentions`` (each mention with offsets and parsed amounts)."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import JSONType


class Entity(SQLModel, table=True):
    """A named entity across articles, keyed by canonical name and OntoNotes label."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("name", "label", name="uq_entities_name_label"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, index=True))
    label: str = Field(max_length=16)
    iso_code: str | None = Field(default=None, max_length=8)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))


class ArticleEntity(SQLModel, table=True):
    """That an article mentions an entity: how often and where first."""

    __tablename__ = "article_entities"

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    entity_id: int = Field(
        sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    mentions: int = 1
    first_offset: int = 0


class EntityMentionRow(SQLModel, table=True):
    """One mention: surface text, offsets into the article text, and the parsed amount for MONEY/PERCENT."""

    __tablename__ = "entity_mentions"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    entity_id: int = Field(sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE")))
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    value: float | None = Field(default=None, sa_column=Column(Float))
    unit: str | None = Field(default=None, max_length=8)
