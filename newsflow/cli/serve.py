"""``newsflow serve``: register the deployments (schedules, event triggers) with the Prefect API and run them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsflow.cli.console import err, handles_errors
from newsflow.errors import InputError, NewsflowError


@handles_errors
def serve(
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Most flow runs at once (default: Prefect's runner limit).")
    ] = None,
    backfill_concurrency: Annotated[
        int, typer.Option("--backfill-concurrency", min=1, help="Backfill tasks at once, across all runs.")
    ] = 1,
    file: Annotated[
        Path | None, typer.Option("--file", help="The deployments file (default: the bundled prefect.yaml).")
    ] = None,
) -> None:
    """Register ingest (every 15 min), ingest-feed, digest, feed-alert, backfill and reprocess, then run them."""
    from prefect.settings import PREFECT_API_URL

    from deployments.registry import PREFECT_YAML, ensure_backfill_limit, load_deployments
    from newsflow.resources.migrate import upgrade_store

    api_url = PREFECT_API_URL.value()
    if not api_url:
        raise InputError("newsflow serve needs a Prefect server: set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)")
    # Runs on this machine write to this store: make sure it exists at the current schema (as `newsflow init`).
    upgrade_store()
    deployments = load_deployments(file or PREFECT_YAML)
    try:
        ensure_backfill_limit(backfill_concurrency)
    except Exception as exc:
        raise NewsflowError(f"cannot reach the Prefect API at {api_url}: {exc}", code="prefect.unreachable") from exc
    # Runs are subprocesses that inherit this environment: their logs should reach the UI at INFO.
    os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"

    table = Table(title=f"serving {len(deployments)} deployment(s) from {api_url}")
    for column in ("deployment", "schedules", "triggers"):
        table.add_column(column)
    for deployment in deployments:
        schedules = ", ".join(
            f"{s.slug or 'schedule'}{'' if s.active else ' (paused)'}" for s in deployment.schedules or []
        )
        triggers = ", ".join(getattr(trigger, "name", None) or "trigger" for trigger in deployment.triggers)
        table.add_row(f"{deployment.flow_name}/{deployment.name}", schedules or "-", triggers or "-")
    err.print(table)
    err.print("Stop with Ctrl-C (schedules are paused on the way out).")

    from prefect import serve as prefect_serve

    prefect_serve(*deployments, limit=limit, print_starting_message=False)
