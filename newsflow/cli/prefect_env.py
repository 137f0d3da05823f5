"""Prefect defaults for the CLI, set before Prefect is first imported (users' own settings win)."""

from __future__ import annotations

import os


def prepare_prefect_environment() -> None:
    """Quiet, local-friendly Prefect defaults; anything the user set is left alone."""
    # Analytics only adds a harmless but alarming 'database is locked' traceback on the local server.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
