"""Rebuild article records from what was stored for them (pure: extraction from the stored page or entry)."""

from __future__ import annotations

from collections.abc import Sequence

from newsflow.pipeline.assemble import assemble_articles
from newsflow.records import ArticleRecord
from newsflow.store.reprocess import StoredSource


def rebuild_records(sources: Sequence[StoredSource]) -> list[ArticleRecord]:
    """One fresh record per stored source, extracted again from its raw page (or its feed entry)."""
    records: list[ArticleRecord] = []
    for source in sources:
        pages = [source.page] if source.page is not None else []
        records += assemble_articles(source.feed_id, [source.entry], pages)
    return records
