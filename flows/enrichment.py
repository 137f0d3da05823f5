"""Enrichment of many articles inside a flow run: batches in this process, or on a Dask cluster when one is set.

Topics and entities are the CPU-heavy stage. With ``NEWSFLOW_DASK_ADDRESS`` (``tcp://scheduler:8786``) the
batches run as Prefect task runs on that cluster's workers through prefect-dask's ``DaskTaskRunner``, all at
once; otherwise they run one after another here. Raw pages stay behind: the workers only need the text.
"""

from __future__ import annotations

from prefect import tags

from newsflow.records import ArticleRecord
from newsflow.settings import get_settings
from tasks.articles import enrich_articles_task

ENRICH_TAG = "newsflow-enrich"


def _batches(records: list[ArticleRecord], size: int) -> list[list[ArticleRecord]]:
    return [records[start : start + size] for start in range(0, len(records), max(1, size))]


def _without_page(record: ArticleRecord) -> ArticleRecord:
    return record.model_copy(update={"page": None}) if record.page is not None else record


def enrich_all(records: list[ArticleRecord], *, label: str = "batch") -> list[ArticleRecord]:
    """``records`` with topics and entities, in the same order."""
    settings = get_settings()
    batches = _batches(records, settings.enrich_batch_size)
    names = [f"{label} {number} ({len(batch)} articles)" for number, batch in enumerate(batches, start=1)]
    with tags(ENRICH_TAG):
        if not settings.dask_address or not batches:
            return [record for batch, name in zip(batches, names, strict=True)
                    for record in enrich_articles_task(batch, batch_name=name)]
        from prefect_dask import DaskTaskRunner

        with DaskTaskRunner(address=settings.dask_address) as runner:
            futures = [
                runner.submit(enrich_articles_task, {"records": [_without_page(r) for r in batch], "batch_name": name})
                for batch, name in zip(batches, names, strict=True)
            ]
            results = [future.result() for future in futures]
    enriched = []
    for batch, result in zip(batches, results, strict=True):
        enriched += [
            original.model_copy(update={"enrichment": done.enrichment})
            for original, done in zip(batch, result, strict=True)
        ]
    return enriched
