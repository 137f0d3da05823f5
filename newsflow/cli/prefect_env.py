"""Prefect defaults for the CLI, set before Prefect is first imported (users' own settings win)."""

from __future__ import annotations

import os


def prepare_prefect_environment() -> None:
    """Quiet, local-friendly Prefect defaults; anything the user set is left alone."""
    # Analytics only adds a harmless but alarming 'database is locked' traceback on the local server.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # Prefect's ephemeral mode (no PREFECT_API_URL) starts a local server per command; its 20 s start-up
    # allowance is too tight on a busy 2-core machine, and a timed-out start fails the whole run.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
