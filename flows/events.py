"""The ``newsflow.*`` Prefect events a run emits: at most one per feed and kind, never one per article.

    newsflow.feed.fetched     the feed was fetched (or not modified); payload: counts
    newsflow.feed.failed      the fetch failed; payload: error code and message, failures in a row
    newsflow.articles.stored  the run stored new or updated articles of the feed; payload: counts

The resource is the feed: ``newsflow.feed.<id>``, named by its URL.
"""

from __future__ import annotations

from prefect.events import emit_event

from newsflow.records import FeedReport


def feed_resource(report: FeedReport) -> dict[str, str]:
    """The Prefect resource a feed's events are about."""
    return {"prefect.resource.id": f"newsflow.feed.{report.feed_id}", "prefect.resource.name": report.url}


def emit_feed_events(report: FeedReport) -> None:
    """Emit the events for one feed's part of a run."""
    resource = feed_resource(report)
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
