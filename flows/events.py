"""The ``newsflow.*`` Prefect events a run emits: at most one per feed and kind, never one per article.

    newsflow.feed.fetched     the feed was fetched (or not modified); payload: counts
    newsflow.feed.failed      the fetch failed; payload: error code and message
    newsflow.articles.stored  the run stored new or updated articles of the feed; payload: counts and the feed
    newsflow.feed.alerted     a feed kept failing and a person was told (emitted by the feed-alert flow)

The resource is the feed: ``newsflow.feed.<id>``, named by its URL. Events from outside start work too:
``newsflow.feed.updated`` on a feed's resource (a WebSub push, a publisher's webhook) ingests that feed.
"""

from __future__ import annotations

from collections.abc import Mapping

from prefect.events import emit_event

from newsflow.records import FeedReport
from newsflow.store.selection import feed_resource_id


def feed_resource(feed_id: int, url: str | None = None) -> dict[str, str]:
    """The Prefect resource a feed's events are about."""
    resource = {"prefect.resource.id": feed_resource_id(feed_id)}
    if url:
        resource["prefect.resource.name"] = url
    return resource


def emit_feed_events(report: FeedReport) -> None:
    """Emit the events for one feed's part of a run."""
    resource = feed_resource(report.feed_id, report.url)
    if report.status == "failed":
        emit_event(
            "newsflow.feed.failed",
            resource=resource,
            payload={"code": report.error_code, "message": report.error_message, "http_status": report.http_status},
        )
        return
    counts = {
        "status": report.status,
        "entries_seen": report.entries_seen,
        "articles_new": report.articles_new,
        "articles_updated": report.articles_updated,
    }
    emit_event("newsflow.feed.fetched", resource=resource, payload=counts)
    if report.articles_new or report.articles_updated:
        emit_event("newsflow.articles.stored", resource=resource, payload={**counts, "feed": report.url})


def emit_feed_alert(health: Mapping[str, object], failures: int) -> None:
    """Say, as an event, that a person was alerted about a failing feed."""
    feed_id = health.get("id")
    assert isinstance(feed_id, int)
    emit_event(
        "newsflow.feed.alerted",
        resource=feed_resource(feed_id, str(health.get("feed") or "")),
        payload={"failures": failures, "failures_in_row": health.get("failures_in_row"), "code": health.get("error")},
    )
