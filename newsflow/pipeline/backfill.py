"""Backfill planning and reporting (pure): day partitions of a window, and a backfill run's report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from newsflow.errors import InputError

MAX_PARTITIONS = 3660  # ten years of days: more is a typo, not a backfill


def day_partitions(since: date, until: date) -> list[date]:
    """Every day from ``since`` to ``until``, both included."""
    if until < since:
        raise InputError(f"--until {until} is before --since {since}")
    count = (until - since).days + 1
    if count > MAX_PARTITIONS:
        raise InputError(f"{since} to {until} is {count} days; backfill at most {MAX_PARTITIONS} at a time")
    return [since + timedelta(days=offset) for offset in range(count)]


def backfill_summary(mode: str, days: Sequence[date], outcomes: dict[date, dict[str, Any]]) -> dict[str, Any]:
    """The ``newsflow backfill --json`` object from each day's outcome (``status``, ``articles``, ``error``)."""
    statuses = Counter(outcomes[day]["status"] for day in days)
    return {
        "mode": mode,
        "since": days[0].isoformat() if days else None,
        "until": days[-1].isoformat() if days else None,
        "partitions": len(days),
        "completed": statuses["completed"],
        "skipped": statuses["skipped"],
        "failed": statuses["failed"],
        "articles": sum(int(outcomes[day].get("articles") or 0) for day in days),
        "failures": [
            {"day": day.isoformat(), "error": outcomes[day].get("error") or ""}
            for day in days
            if outcomes[day]["status"] == "failed"
        ],
    }


def backfill_table(days: Sequence[date], outcomes: dict[date, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per day partition, for a table artifact."""
    return [
        {
            "day": day.isoformat(),
            "status": outcomes[day]["status"],
            "articles": outcomes[day].get("articles") or 0,
            "error": (outcomes[day].get("error") or "")[:300],
        }
        for day in days
    ]


def backfill_message(summary: dict[str, Any]) -> str:
    """One line for the run's final state."""
    line = (
        f"{summary['mode']} {summary['since']}..{summary['until']}: {summary['completed']} done, "
        f"{summary['skipped']} skipped, {summary['failed']} failed, {summary['articles']} article(s)"
    )
    if summary["failed"]:
        line += "; run it again to resume the failed days"
    return line
