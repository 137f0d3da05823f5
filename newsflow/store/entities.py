"""Entity rows: one per canonical name and label, linked to articles with mention counts and offsets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete
from sqlmodel import Session, col, select

from models import ArticleEntity, Entity, EntityMentionRow
from newsflow.entities.summary import EntitySummary, aggregate_entities
from newsflow.records import EntityMention
from newsflow.store.limits import fits_index
from newsflow.store.upsert import insert_for, upsert


def lock_entities(session: Session, mentions: Iterable[EntityMention]) -> None:
    """Create or row-lock every entity ``mentions`` need, in one global order, before any article is written.

    Two transactions storing feeds that share entities (two ingests at once, or two feeds of one run) would
    otherwise lock entity rows in article order, and on PostgreSQL deadlock as soon as two articles name the
    same entities in opposite orders. Locks taken in sorted order cannot form a cycle. SQLite needs none of
    this: every write transaction there already takes the whole database (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    table = Entity.__table__  # type: ignore[attr-defined]
    for name, label in sorted({(mention.canonical, mention.label) for mention in storable(mentions)}):
        statement = insert_for(session, table).values(name=name, label=label, aliases=[], iso_code=None)
        # Setting a column to itself takes the row lock without changing anything.
        session.execute(
            statement.on_conflict_do_update(index_elements=["name", "label"], set_={"aliases": table.c.aliases})
        )


def storable(mentions: Iterable[EntityMention]) -> list[EntityMention]:
    """The mentions whose entity name fits the entities index (a longer "name" is a tokenizer accident)."""
    return [mention for mention in mentions if fits_index(mention.canonical)]


def replace_article_entities(session: Session, article_id: int, mentions: Sequence[EntityMention]) -> None:
    """Make the article's entity links and mentions exactly ``mentions`` (idempotent)."""
    mentions = storable(mentions)
    session.execute(delete(EntityMentionRow).where(col(EntityMentionRow.article_id) == article_id))
    session.execute(delete(ArticleEntity).where(col(ArticleEntity.article_id) == article_id))
    entity_ids = {}
    for summary in aggregate_entities(mentions):
        entity_id = _entity_id(session, summary)
        entity_ids[(summary.canonical, summary.label)] = entity_id
        session.add(
            ArticleEntity(
                article_id=article_id,
                entity_id=entity_id,
                mentions=summary.mentions,
                first_offset=summary.first_offset,
            )
        )
    for mention in mentions:
        session.add(
            EntityMentionRow(
                article_id=article_id,
                entity_id=entity_ids[(mention.canonical, mention.label)],
                text=mention.text,
                start=mention.start,
                end=mention.end,
                value=mention.value,
                unit=mention.unit,
            )
        )


def _entity_id(session: Session, summary: EntitySummary) -> int:
    """The id of the entity row, created if new; its aliases grow with every surface form seen."""
    aliases = sorted(alias for alias in summary.aliases if alias != summary.canonical)
    upsert(
        session,
        Entity.__table__,  # type: ignore[attr-defined]
        {"name": summary.canonical, "label": summary.label, "iso_code": summary.iso_code, "aliases": aliases},
        conflict=["name", "label"],
    )
    entity = session.exec(
        select(Entity).where(Entity.name == summary.canonical).where(Entity.label == summary.label)
    ).one()
    merged = sorted(set(entity.aliases) | set(aliases))
    if merged != sorted(entity.aliases) or (summary.iso_code and not entity.iso_code):
        entity.aliases = merged
        entity.iso_code = entity.iso_code or summary.iso_code
        session.add(entity)
    assert entity.id is not None
    return entity.id
