"""The ``ingest-feed`` flow: ingest one feed now because it said it changed (``newsflow.feed.updated``).

A WebSub hub or a publisher's webhook relays as ``prefect event emit newsflow.feed.updated --resource-id
newsflow.feed.<id>``; the deployment trigger passes the event's resource id here.
"""

from __future__ import annotations

from typing import Any

from prefect import flow

from flows.ingest import ingest_flow
from tasks.monitoring import find_feed_task


@flow(name="ingest-feed", flow_run_name="push: ingest {feed}")
def ingest_feed_flow(feed: str) -> dict[str, Any]:
    """Ingest the one feed ``feed`` names (``newsflow.feed.<id>``, an id or a subscribed URL)."""
    ref = find_feed_task(feed)
    # The ingest's own final state (Completed with its counts, or Failed) becomes this run's.
    return ingest_flow(feed_urls=[ref.url], all_due=False, return_state=True)  # type: ignore[return-value]
