"""Entity rows: one per canonical name and label, linked to articles with mention counts and offsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete
from sqlmodel import Session, col, select

from models import ArticleEntity, Entity, EntityMentionRow
from newsflow.records import EntityMention
from newsflow.store.upsert import upsert


@dataclass
class _Group:
    mentions: list[EntityMention] = field(default_factory=list)

    @property
    def first(self) -> EntityMention:
        return min(self.mentions, key=lambda m: m.start)


def replace_article_entities(session: Session, article_id: int, mentions: Sequence[EntityMention]) -> None:
    """Make the article's entity links and mentions exactly ``mentions`` (idempotent)."""
    session.execute(delete(EntityMentionRow).where(col(EntityMentionRow.article_id) == article_id))
    session.execute(delete(ArticleEntity).where(col(ArticleEntity.article_id) == article_id))
    groups: dict[tuple[str, str], _Group] = {}
    for mention in mentions:
        groups.setdefault((mention.canonical, mention.label), _Group()).mentions.append(mention)
    for (name, label), group in groups.items():
        entity_id = _entity_id(session, name, label, group)
        session.add(
            ArticleEntity(
                article_id=article_id,
                entity_id=entity_id,
                mentions=len(group.mentions),
                first_offset=group.first.start,
            )
        )
        for mention in group.mentions:
            session.add(
                EntityMentionRow(
                    article_id=article_id,
                    entity_id=entity_id,
                    text=mention.text,
                    start=mention.start,
                    end=mention.end,
                    value=mention.value,
                    unit=mention.unit,
                )
            )


def _entity_id(session: Session, name: str, label: str, group: _Group) -> int:
    aliases = sorted({m.text for m in group.mentions if m.text != name})
    iso_code = next((m.iso_code for m in group.mentions if m.iso_code), None)
    upsert(
        session,
        Entity.__table__,  # type: ignore[attr-defined]
        {"name": name, "label": label, "iso_code": iso_code, "aliases": aliases},
        conflict=["name", "label"],
    )
    entity = session.exec(select(Entity).where(Entity.name == name).where(Entity.label == label)).one()
    merged = sorted(set(entity.aliases) | set(aliases))
    if merged != sorted(entity.aliases) or (iso_code and not entity.iso_code):
        entity.aliases = merged
        entity.iso_code = entity.iso_code or iso_code
        session.add(entity)
    assert entity.id is not None
    return entity.id
