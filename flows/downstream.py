"""The ``digest`` flow: what was stored lately, as a markdown artifact. Started by ``newsflow.articles.stored``.

Its deployment trigger is debounced: one digest per window however many feeds store articles meanwhile.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from newsflow.pipeline.digest import digest_markdown
from tasks.monitoring import stored_since_task


@flow(name="digest", flow_run_name="digest of the last {hours}h")
def digest_flow(hours: int = 24) -> dict[str, Any]:
    """Summarise the articles stored in the last ``hours``: topics, feeds, entities and headlines."""
    stored = stored_since_task(hours)
    create_markdown_artifact(
        key="news-digest", markdown=digest_markdown(stored), description=f"Articles stored in the last {hours}h"
    )
    get_run_logger().info("digest: %d article(s) from %d feed(s)", stored.articles, len(stored.by_feed))
    return {"articles": stored.articles, "feeds": len(stored.by_feed), "topics": dict(stored.by_topic)}
