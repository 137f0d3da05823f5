"""The ``reprocess`` flow: recompute cleaning, topics and entities of stored articles, one subflow per day.

Nothing is fetched: each article is extracted again from its stored raw page (``article_sources.raw_html``)
or, without one, from its stored feed entry, then classified and entity-tagged again and rewritten in place.
Partitions are recorded and resumed exactly as a backfill's (see ``flows.backfill``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import flow

from flows.backfill import backfill_run_name, run_partition, run_partitions
from flows.enrichment import enrich_all
from newsflow.records import FeedRef
from newsflow.store.backfill import ALL_FEEDS
from tasks.backfill import articles_of_day_task, days_with_articles_task, re_extract_task, rewrite_articles_task

CHUNK = 200  # articles read, re-extracted and rewritten together: bounds memory on busy days


def _reprocess_day(day: date, feed_ids: list[int] | None) -> int:
    article_ids = articles_of_day_task(day, feed_ids)
    rewritten = 0
    for start in range(0, len(article_ids), CHUNK):
        chunk = article_ids[start : start + CHUNK]
        label = f"{day} articles {start + 1}-{start + len(chunk)}"
        records = re_extract_task(chunk, label=label)
        done, _changed = rewrite_articles_task(enrich_all(records, label=f"{day} batch"), label=label)
        rewritten += done
    return rewritten


@flow(name="reprocess-day", flow_run_name="reprocess {day}")
def reprocess_day_flow(day: date, scope: str, feeds: list[FeedRef]) -> int:
    """One day of a reprocess: every article published that day, recomputed from what was stored."""
    feed_ids = None if scope == ALL_FEEDS else [feed.id for feed in feeds]
    return run_partition(scope, day, "reprocess", lambda: _reprocess_day(day, feed_ids))


@flow(name="reprocess", flow_run_name=backfill_run_name)
def reprocess_flow(
    since: date, until: date | None = None, feed_urls: list[str] | None = None, force: bool = False
) -> dict[str, Any]:
    """Reprocess the articles published ``since``..``until`` (both included; default today) of ``feed_urls``
    or of every feed, from their stored raw HTML and feed entries, without fetching."""
    return run_partitions("reprocess", reprocess_day_flow, days_with_articles_task, since, until, feed_urls, force)
