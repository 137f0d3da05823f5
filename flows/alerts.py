"""The ``feed-alert`` flow: a feed keeps failing, so tell a person. Started by repeated ``newsflow.feed.failed``.

What a person sees: a ``feed-alert`` markdown artifact (Artifacts page of the UI), an error in the run's log,
a ``newsflow.feed.alerted`` event, and, when ``notify_block`` names a Prefect notification block (Slack,
e-mail, Apprise, a custom webhook …), a message through it.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.events import emit_feed_alert
from newsflow.pipeline.digest import alert_markdown
from tasks.monitoring import feed_health_task, find_feed_task


@flow(name="feed-alert", flow_run_name="alert: {feed} failed {failures} times")
def feed_alert_flow(feed: str, failures: int = 3, notify_block: str | None = None) -> dict[str, Any]:
    """Report that ``feed`` (``newsflow.feed.<id>``, an id or a URL) failed ``failures`` times; with
    ``notify_block`` (``slack-webhook/newsroom``: block type slug and name) also send it through that block."""
    ref = find_feed_task(feed)
    health = feed_health_task([ref.id], scope=ref.url)[0]
    markdown = alert_markdown(health, failures)
    create_markdown_artifact(key="feed-alert", markdown=markdown, description=f"Failing feed: {ref.url}")
    get_run_logger().error(
        "feed %s failed %d times (%s failures in a row, last error %s)",
        ref.url, failures, health["failures_in_row"], health["error"] or "-",
    )
    if notify_block:
        from prefect.blocks.core import Block

        block: Any = Block.load(notify_block)
        block.notify(body=markdown, subject=f"newsflow: feed failing: {ref.url}")
    emit_feed_alert(health, failures)
    return health
