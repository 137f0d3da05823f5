"""One summary per distinct entity of a document: what the entity and link tables are built from."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from newsflow.records import EntityMention


class EntitySummary(BaseModel):
    """A canonical entity of one document and how it was mentioned."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    canonical: str
    label: str
    mentions: int
    first_offset: int
    aliases: list[str] = Field(default_factory=list)  # distinct surface forms, in order of appearance
    iso_code: str | None = None


def aggregate_entities(mentions: Sequence[EntityMention]) -> list[EntitySummary]:
    """One summary per (canonical, label), ordered by first appearance."""
    groups: dict[tuple[str, str], list[EntityMention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        groups.setdefault((mention.canonical, mention.label), []).append(mention)
    summaries: list[EntitySummary] = []
    for (canonical, label), group in groups.items():
        aliases = list(dict.fromkeys(" ".join(m.text.split()) for m in group))
        iso_code = next((m.iso_code for m in group if m.iso_code), None)
        summaries.append(
            EntitySummary(
                canonical=canonical,
                label=label,
                mentions=len(group),
                first_offset=group[0].start,
                aliases=aliases,
                iso_code=iso_code,
            )
        )
    return summaries
