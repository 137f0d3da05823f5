"""Enrichment of article batches: topics and entities in one pass over many documents."""

from __future__ import annotations

from collections.abc import Sequence

from newsflow.records import ArticleRecord, Enrichment, EntityMention, TopicResult
from newsflow.settings import get_settings


def enrich_documents(
    docs: Sequence[tuple[str | None, str]], *, topics: bool = True, entities: bool = True
) -> list[tuple[TopicResult | None, list[EntityMention] | None, str]]:
    """``(topics, entities, entity_model)`` for each ``(title, text)``, batched through each model once."""
    topic_results: list[TopicResult | None] = [None] * len(docs)
    entity_results: list[list[EntityMention] | None] = [None] * len(docs)
    entity_model = ""
    if topics and docs:
        from newsflow.topics import TopicInput, get_classifier

        classifier = get_classifier()
        topic_results = list(classifier.classify_batch([TopicInput(title=t, text=x) for t, x in docs]))
    if entities and docs:
        from newsflow.entities import get_extractor

        extractor = get_extractor()
        entity_results = list(extractor.extract_batch(list(docs)))
        entity_model = f"{extractor.name}@{extractor.version}"
    return list(zip(topic_results, entity_results, [entity_model] * len(docs), strict=True))


def enrich_articles(records: Sequence[ArticleRecord]) -> list[ArticleRecord]:
    """``records`` with their :class:`Enrichment` filled in (each stage unless switched off in settings)."""
    settings = get_settings()
    results = enrich_documents(
        [(r.extracted.title or r.entry.title, r.extracted.text) for r in records],
        topics=settings.topics_enabled,
        entities=settings.entities_enabled,
    )
    enriched = []
    for record, (topic_result, mentions, entity_model) in zip(records, results, strict=True):
        enrichment = Enrichment(
            topics=topic_result or TopicResult(), entities=mentions or [], entity_model=entity_model
        )
        enriched.append(record.model_copy(update={"enrichment": enrichment}))
    return enriched
