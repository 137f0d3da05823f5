"""The ``backfill`` flow: ingest past days again from the feeds' history, one subflow run per day partition.

Each day with work is a subflow run named after it (``backfill 2025-04-03``) and tagged ``partition:2025-04-03``,
so the UI shows the backfill's progress day by day; days with nothing to do (no entries in any feed's history)
are recorded as done without a run each. Each partition's outcome is recorded in the store: completed days
are skipped when the same backfill runs again (unless ``force``), and a failing day fails only its partition.
The parent then ends Failed, saying which days failed; running it again resumes with those days alone.

Partition tasks carry the ``newsflow-backfill`` tag: a tag concurrency limit on it (``newsflow serve`` creates
one) keeps a long backfill from starving live ingestion.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, cast
from urllib.parse import urlsplit

from prefect import Flow, Task, flow, get_run_logger, tags
from prefect.artifacts import create_table_artifact
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from flows.enrichment import enrich_all
from newsflow.errors import InputError, error_code
from newsflow.pipeline.backfill import backfill_message, backfill_summary, backfill_table, day_partitions
from newsflow.records import ArticleRecord, EntryPlan, FeedRef
from newsflow.store.backfill import partition_scope
from tasks.articles import fetch_articles_task
from tasks.backfill import (
    backfill_feeds_task,
    completed_days_task,
    days_with_entries_task,
    feed_history_task,
    mark_empty_days_task,
    mark_partition_task,
    plan_history_task,
    store_history_task,
)

BACKFILL_TAG = "newsflow-backfill"


def backfill_run_name() -> str:
    """``backfill 2025-04-01..2025-04-06 (all feeds)``: the window and the feeds."""
    params = flow_run.parameters
    urls = params.get("feed_urls") or []
    until = params.get("until") or "today"
    feeds = f"{len(urls)} feed(s)" if urls else "all feeds"
    return f"{flow_run.flow_name} {params.get('since')}..{until} ({feeds}{', forced' if params.get('force') else ''})"


def _day_of(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def run_partitions(
    mode: str,
    partition_flow: Flow[..., int],
    busy_days: Task[..., list[date]],
    since: date,
    until: date | None,
    feed_urls: list[str] | None,
    force: bool,
) -> Any:
    """Run ``partition_flow`` for each day not yet completed that ``busy_days`` finds work on (days without
    any are recorded as completed in one go); the parent's final state says how it went."""
    logger = get_run_logger()
    urls = list(feed_urls or [])
    days = day_partitions(_day_of(since), _day_of(until) if until else datetime.now(UTC).date())
    feeds = backfill_feeds_task(urls)
    if not feeds:
        raise InputError("no feeds to backfill: subscribe some (newsflow feeds add) or pass --feed")
    scope = partition_scope(urls)
    done = set() if force else completed_days_task(scope, mode, days)
    todo = [day for day in days if day not in done]
    label = f"{len(todo)} day(s)"
    busy = set(busy_days(todo, feeds, scope, label=label)) if todo else set()
    idle = [day for day in todo if day not in busy]
    if idle:
        mark_empty_days_task(scope, idle, mode, label=f"{len(idle)} day(s)")
    logger.info(
        "%s over %d day(s) of %d feed(s): %d already done, %d with nothing to do, %d to run",
        mode, len(days), len(feeds), len(done), len(idle), len(busy),
    )
    outcomes: dict[date, dict[str, Any]] = {}
    for day in days:
        if day in done:
            outcomes[day] = {"status": "skipped"}
            continue
        if day not in busy:
            outcomes[day] = {"status": "completed", "articles": 0}
            continue
        with tags(BACKFILL_TAG, f"partition:{day.isoformat()}", f"{mode}-partition"):
            state = cast("State[int]", partition_flow(day=day, scope=scope, feeds=feeds, return_state=True))
        if state.is_completed():
            outcomes[day] = {"status": "completed", "articles": state.result()}
        else:
            outcomes[day] = {"status": "failed", "error": state.message or state.name}
            logger.error("%s of %s failed: %s", mode, day, state.message)
    summary = backfill_summary(mode, days, outcomes)
    create_table_artifact(
        key=f"{mode}-partitions", table=backfill_table(days, outcomes), description=backfill_message(summary)
    )
    message = backfill_message(summary)
    return Failed(message=message, data=summary) if summary["failed"] else Completed(message=message, data=summary)


def run_partition(scope: str, day: date, mode: str, work: Callable[[], int]) -> int:
    """Record the partition running, do ``work``, record how it ended; a failure is recorded and re-raised."""
    mark_partition_task(scope, day, mode, "running", flow_run_id=flow_run.get_id())
    try:
        articles = work()
    except Exception as exc:
        mark_partition_task(scope, day, mode, "failed", error=f"{error_code(exc)}: {exc}")
        raise
    mark_partition_task(scope, day, mode, "completed", articles=articles)
    return articles


def _fetch_day(day: date, feeds: list[FeedRef]) -> int:
    histories = {}
    for feed in feeds:
        with tags(f"host:{urlsplit(feed.url).hostname or 'unknown'}"):
            histories[feed.id] = feed_history_task.submit(feed, day)
    plans: dict[int, EntryPlan] = {}
    records: list[ArticleRecord] = []
    for feed in feeds:
        plan = plan_history_task(feed.id, histories[feed.id].result(), day)
        if plan.todo:
            plans[feed.id] = plan
            records += fetch_articles_task(plan)
    enriched = enrich_all(records, label=f"{day} batch")
    stored = 0
    for feed_id, plan in plans.items():
        counts = store_history_task([r for r in enriched if r.feed_id == feed_id], plan, day)
        stored += counts.new + counts.updated
    return stored


@flow(name="backfill-day", flow_run_name="backfill {day}")
def backfill_day_flow(day: date, scope: str, feeds: list[FeedRef]) -> int:
    """One day of a backfill: the feeds' entries dated that day, fetched, cleaned, enriched and stored."""
    return run_partition(scope, day, "fetch", lambda: _fetch_day(day, feeds))


@flow(name="backfill", flow_run_name=backfill_run_name)
def backfill_flow(
    since: date, until: date | None = None, feed_urls: list[str] | None = None, force: bool = False
) -> dict[str, Any]:
    """Backfill ``since``..``until`` (both included; default today) for ``feed_urls`` or every subscription,
    following paged (RFC 5005) and WordPress feeds back in time where they allow it."""
    return run_partitions("fetch", backfill_day_flow, days_with_entries_task, since, until, feed_urls, force)
