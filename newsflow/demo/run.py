"""The offline demo: serve the bundled sample site on loopback and ingest it into the default store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

SITE = Path(__file__).resolve().parent / "site"
DEMO_PORT = 8765  # fixed where free, so running the demo again finds the same feeds (and stores nothing twice)
DEMO_FEEDS = ("world.xml", "tech.atom")


def run_demo() -> tuple[dict[str, Any], list[str]]:
    """Ingest the sample site; returns the run's summary and the demo feeds' URLs."""
    # The sample site is on loopback, which the private-network guard refuses unless told otherwise.
    os.environ["NEWSFLOW_ALLOW_PRIVATE_NETWORKS"] = "1"
    os.environ.setdefault("NEWSFLOW_PER_HOST_INTERVAL", "0")
    from newsflow.settings import reset_settings

    reset_settings()
    from flows.ingest import ingest_flow
    from newsflow.demo.server import serve_templates
    from newsflow.resources.migrate import upgrade_store

    upgrade_store()
    with serve_templates(SITE, port=DEMO_PORT) as base_url:
        urls = [f"{base_url}/{name}" for name in DEMO_FEEDS]
        summary = ingest_flow(feed_urls=urls)
    return summary, urls
