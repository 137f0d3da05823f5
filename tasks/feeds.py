"""Prefect tasks for feeds: choose which to run, fetch and parse each, plan its entries."""

from __future__ import annotations

from prefect import task

from newsflow.pipeline.feed_fetch import fetch_and_parse
from newsflow.records import EntryPlan, FeedFetchOutcome, FeedRef
from newsflow.resources.http import Fetcher
from newsflow.settings import get_settings
from newsflow.store.ingest import plan_entries, resolve_feeds
from tasks.options import TASK_DEFAULTS, retry_if_transient


@task(name="resolve-feeds", task_run_name="resolve feeds (all_due={all_due} + {urls})", **TASK_DEFAULTS)
def resolve_feeds_task(urls: list[str], all_due: bool) -> list[FeedRef]:
    """Subscribe to ``urls`` if new and add every due feed when ``all_due``."""
    return resolve_feeds(urls, all_due=all_due)


@task(
    name="fetch-feed",
    task_run_name="fetch {feed.url}",
    retries=1,
    retry_delay_seconds=2,
    retry_condition_fn=retry_if_transient,
    **TASK_DEFAULTS,
)
def fetch_feed_task(feed: FeedRef) -> FeedFetchOutcome:
    """Conditional GET and parse of one feed."""
    with Fetcher() as fetcher:
        return fetch_and_parse(feed, fetcher)


@task(name="plan-entries", task_run_name="plan {outcome.feed.url}", **TASK_DEFAULTS)
def plan_entries_task(outcome: FeedFetchOutcome) -> EntryPlan:
    """Which of the feed's entries are new or changed."""
    return plan_entries(outcome, limit=get_settings().max_pages_per_feed)
