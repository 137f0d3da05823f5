"""Prefect tasks that read the store for people and for event reactions: feed health, digests, feed lookup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prefect import task

from newsflow.records import FeedRef
from newsflow.resources.db import session_scope
from newsflow.store.monitoring import StoredSince, feed_health, stored_since
from newsflow.store.selection import find_feed, tagged_feeds
from tasks.options import TASK_DEFAULTS


@task(name="feed-health", task_run_name="health of {scope}", **TASK_DEFAULTS)
def feed_health_task(feed_ids: list[int] | None = None, scope: str = "every subscription") -> list[dict[str, object]]:
    """Health rows of every subscription (or of ``feed_ids``), failing ones first."""
    with session_scope() as session:
        return feed_health(session, feed_ids)


@task(name="stored-since", task_run_name="articles stored in the last {hours}h", **TASK_DEFAULTS)
def stored_since_task(hours: int) -> StoredSince:
    """What the store received in the last ``hours``."""
    with session_scope() as session:
        return stored_since(session, datetime.now(UTC) - timedelta(hours=hours))


@task(name="find-feed", task_run_name="find {ref}", **TASK_DEFAULTS)
def find_feed_task(ref: str) -> FeedRef:
    """The subscription an event's resource id (``newsflow.feed.<id>``), an id or a URL names."""
    with session_scope() as session:
        return find_feed(session, ref)


@task(name="tagged-feeds", task_run_name="feeds tagged {tag}", **TASK_DEFAULTS)
def tagged_feeds_task(tag: str) -> list[FeedRef]:
    """Enabled subscriptions carrying ``tag`` (a feed group)."""
    with session_scope() as session:
        return tagged_feeds(session, tag)
