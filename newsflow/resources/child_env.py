"""The environment for a ``newsflow`` child process run by a test or a benchmark against loopback servers."""

from __future__ import annotations

import os


def loopback_child_env(database_url: str, prefect_api_url: str | None, **extra: str) -> dict[str, str]:
    """This process's environment for a child: its own store and Prefect API, loopback fetches allowed, no pause
    between requests to one host, and none of this process's proxies or ``NEWSFLOW_`` settings; ``extra`` last."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFLOW_") and not k.lower().endswith("_proxy")}
    env.update(
        {
            "NEWSFLOW_DATABASE_URL": database_url,
            "NEWSFLOW_ALLOW_PRIVATE_NETWORKS": "1",
            "NEWSFLOW_PER_HOST_INTERVAL": "0",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        }
    )
    env.pop("PREFECT_API_URL", None)
    if prefect_api_url:
        env["PREFECT_API_URL"] = prefect_api_url
    env.update(extra)
    return env
