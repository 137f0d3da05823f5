"""Feed health (pure): failures in a row, exponential backoff with jitter, quarantine, and 410 Gone.

Given what a fetch came to and the feed's record so far, decide when to fetch it next.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class HealthPolicy:
    """How patient to be with failing feeds."""

    interval_minutes: int = 15
    backoff_max_hours: float = 24.0
    quarantine_after_failures: int = 10
    quarantine_retry_hours: float = 24.0


@dataclass(frozen=True)
class HealthChange:
    """The feed's new health fields."""

    failures_in_row: int
    next_due_at: datetime
    quarantined: bool
    disabled: bool


def next_health(
    *,
    now: datetime,
    failed: bool,
    error_code: str | None,
    failures_before: int,
    retry_after: float | None,
    interval_minutes: int | None,
    policy: HealthPolicy,
    rng: random.Random | None = None,
) -> HealthChange:
    """The health after one fetch. ``retry_after`` (seconds) comes from a 429/503 and is honoured."""
    rng = rng or random.Random()
    interval = timedelta(minutes=interval_minutes or policy.interval_minutes)
    if not failed:
        return HealthChange(0, now + interval, quarantined=False, disabled=False)
    failures = failures_before + 1
    if error_code == "fetch.http_410":
        return HealthChange(failures, now + timedelta(days=3650), quarantined=False, disabled=True)
    quarantined = failures >= policy.quarantine_after_failures
    if quarantined:
        delay = timedelta(hours=policy.quarantine_retry_hours)
    else:
        cap = timedelta(hours=policy.backoff_max_hours)
        backoff = min(interval * (2 ** (failures - 1)), cap)
        # Full jitter on the upper half keeps many failing feeds from retrying in lockstep.
        delay = backoff / 2 + (backoff / 2) * rng.random()
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return HealthChange(failures, now + delay, quarantined=quarantined, disabled=False)
