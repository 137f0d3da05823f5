"""Prefect tasks of backfills: choose feeds and days, read a feed's history, re-extract and rewrite articles."""

from __future__ import annotations

from datetime import date

from prefect import task

from newsflow.pipeline.history import entry_days, feed_history
from newsflow.pipeline.reprocess import rebuild_records
from newsflow.records import ArticleRecord, EntryPlan, FeedEntry, FeedRef, StoreCounts
from newsflow.resources.db import session_scope
from newsflow.resources.http import Fetcher
from newsflow.store.backfill import ALL_FEEDS, completed_days, mark_partition, plan_history, store_history
from newsflow.store.reprocess import article_days, article_ids_of_day, day_bounds, rewrite_articles, stored_sources
from newsflow.store.selection import enabled_feeds, feeds_for_urls
from tasks.options import TASK_DEFAULTS


@task(name="backfill-feeds", **TASK_DEFAULTS)
def backfill_feeds_task(urls: list[str]) -> list[FeedRef]:
    """The feeds of ``urls`` (subscribed if new), or every enabled subscription when there are none."""
    with session_scope() as session:
        return feeds_for_urls(session, urls) if urls else enabled_feeds(session)


@task(name="completed-days", task_run_name="completed {mode} days", **TASK_DEFAULTS)
def completed_days_task(scope: str, mode: str, days: list[date]) -> set[date]:
    """Days of ``days`` whose partition already completed (skipped unless forced)."""
    with session_scope() as session:
        return completed_days(session, scope, mode, days)


@task(name="mark-partition", task_run_name="mark {day} {status}", retries=2, retry_delay_seconds=1, **TASK_DEFAULTS)
def mark_partition_task(
    scope: str, day: date, mode: str, status: str, articles: int = 0, error: str | None = None,
    flow_run_id: str | None = None,
) -> None:
    """Record a partition's status."""
    with session_scope() as session:
        mark_partition(
            session, scope, day, mode, status=status, articles=articles, error=error, flow_run_id=flow_run_id
        )


@task(name="days-with-entries", task_run_name="days with entries among {label}", **TASK_DEFAULTS)
def days_with_entries_task(days: list[date], feeds: list[FeedRef], scope: str, label: str = "") -> list[date]:
    """Days of ``days`` on which some feed's history has entries; all of them when a history cannot be read
    (so each day's partition meets, and records, the error itself)."""
    start, _ = day_bounds(min(days))
    _, end = day_bounds(max(days))
    found: set[date] = set()
    with Fetcher() as fetcher:
        for feed in feeds:
            try:
                found |= entry_days(feed_history(feed, fetcher, start=start, end=end).entries)
            except Exception:
                return list(days)
    return sorted(found & set(days))


@task(name="days-with-articles", task_run_name="days with articles among {label}", **TASK_DEFAULTS)
def days_with_articles_task(days: list[date], feeds: list[FeedRef], scope: str, label: str = "") -> list[date]:
    """Days of ``days`` on which stored articles (of ``feeds``, unless the scope is every feed) were published."""
    with session_scope() as session:
        found = article_days(session, min(days), max(days), None if scope == ALL_FEEDS else [f.id for f in feeds])
    return sorted(found & set(days))


@task(name="mark-empty-days", task_run_name="{label}: nothing to do", **TASK_DEFAULTS)
def mark_empty_days_task(scope: str, days: list[date], mode: str, label: str = "") -> None:
    """Record days with nothing to do as completed, without a partition run each."""
    with session_scope() as session:
        for day in days:
            mark_partition(session, scope, day, mode, status="completed", articles=0)


@task(name="feed-history", task_run_name="history of {feed.url} on {day}", retries=1, retry_delay_seconds=2,
      **TASK_DEFAULTS)
def feed_history_task(feed: FeedRef, day: date) -> list[FeedEntry]:
    """The feed's entries dated on ``day``, following its archive pages as far back as needed."""
    start, end = day_bounds(day)
    with Fetcher() as fetcher:
        return feed_history(feed, fetcher, start=start, end=end).entries


@task(name="plan-history", task_run_name="plan {feed_id}: {day}", **TASK_DEFAULTS)
def plan_history_task(feed_id: int, entries: list[FeedEntry], day: date) -> EntryPlan:
    """Which archived entries are not stored yet (or changed)."""
    with session_scope() as session:
        return plan_history(session, feed_id, entries)


@task(name="store-history", task_run_name="store {plan.feed_id}: {day}", retries=2, retry_delay_seconds=1,
      **TASK_DEFAULTS)
def store_history_task(records: list[ArticleRecord], plan: EntryPlan, day: date) -> StoreCounts:
    """Store backfilled articles without touching the feed's validators or health."""
    with session_scope() as session:
        return store_history(session, records, plan)


@task(name="articles-of-day", task_run_name="articles of {day}", **TASK_DEFAULTS)
def articles_of_day_task(day: date, feed_ids: list[int] | None) -> list[int]:
    """Ids of the stored articles published on ``day``."""
    with session_scope() as session:
        return article_ids_of_day(session, day, feed_ids)


@task(name="re-extract", task_run_name="re-extract {label}", **TASK_DEFAULTS)
def re_extract_task(article_ids: list[int], label: str = "") -> list[ArticleRecord]:
    """Read the stored page and feed entry of each article and extract it again."""
    with session_scope() as session:
        sources = stored_sources(session, article_ids)
    return rebuild_records(sources)


@task(name="rewrite-articles", task_run_name="rewrite {label}", retries=2, retry_delay_seconds=1, **TASK_DEFAULTS)
def rewrite_articles_task(records: list[ArticleRecord], label: str = "") -> tuple[int, int]:
    """Write the recomputed articles; returns (rewritten, changed)."""
    with session_scope() as session:
        return rewrite_articles(session, records)
