"""Prefect tasks for article batches: fetch pages and extract, enrich, and store per feed."""

from __future__ import annotations

from prefect import task

from newsflow.pipeline.assemble import assemble_articles
from newsflow.pipeline.enrich import enrich_articles
from newsflow.pipeline.page_fetch import fetch_pages
from newsflow.records import ArticleRecord, EntryPlan, FeedFetchOutcome, FeedReport
from newsflow.settings import get_settings
from newsflow.store.ingest import commit_feed
from tasks.options import TASK_DEFAULTS


@task(name="fetch-articles", task_run_name="articles of feed {plan.feed_id} ({plan.seen} entries)", **TASK_DEFAULTS)
def fetch_articles_task(plan: EntryPlan) -> list[ArticleRecord]:
    """Fetch the pages of the plan's entries (unless page fetching is off) and extract each article."""
    settings = get_settings()
    pages = []
    if settings.fetch_pages and plan.todo:
        pages = fetch_pages(plan.todo, settings, workers=settings.per_host_concurrency)
    return assemble_articles(plan.feed_id, plan.todo, pages)


@task(name="enrich-articles", task_run_name="enrich {batch_name}", **TASK_DEFAULTS)
def enrich_articles_task(records: list[ArticleRecord], batch_name: str = "batch") -> list[ArticleRecord]:
    """Topics and entities for a batch of articles (one model pass per batch)."""
    return enrich_articles(records)


@task(name="store-feed", task_run_name="store {outcome.feed.url}", retries=2, retry_delay_seconds=1, **TASK_DEFAULTS)
def store_feed_task(
    outcome: FeedFetchOutcome, records: list[ArticleRecord], plan: EntryPlan | None, flow_run_id: str | None = None
) -> FeedReport:
    """Store the feed's articles, then its validators and health, in one transaction."""
    return commit_feed(outcome, records, plan, flow_run_id=flow_run_id)
