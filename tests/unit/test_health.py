"""Feed health: backoff with jitter, its cap, quarantine, Retry-After and 410 Gone."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newsflow.health import HealthPolicy, next_health

NOW = datetime(2025, 4, 3, 12, 0, tzinfo=UTC)
POLICY = HealthPolicy(
    interval_minutes=15, backoff_max_hours=24, quarantine_after_failures=10, quarantine_retry_hours=24
)


def _after(
    failures_before: int, *, code: str | None = "fetch.http_500", retry_after: float | None = None, seed: int = 1
):
    return next_health(
        now=NOW,
        failed=code is not None,
        error_code=code,
        failures_before=failures_before,
        retry_after=retry_after,
        interval_minutes=None,
        policy=POLICY,
        rng=random.Random(seed),
    )


def test_success_resets_failures_and_uses_the_interval() -> None:
    change = _after(7, code=None)
    assert change.failures_in_row == 0 and change.next_due_at == NOW + timedelta(minutes=15)
    assert not change.quarantined and not change.disabled


def test_backoff_grows_exponentially_within_jitter_and_is_capped() -> None:
    for failures_before in range(0, 9):
        change = _after(failures_before)
        backoff = min(timedelta(minutes=15) * 2**failures_before, timedelta(hours=24))
        assert backoff / 2 <= change.next_due_at - NOW <= backoff
        assert change.failures_in_row == failures_before + 1
    delays = {_after(3, seed=seed).next_due_at for seed in range(20)}
    assert len(delays) > 10  # jitter spreads retries


def test_quarantine_after_many_failures_and_retry_after_is_honoured() -> None:
    quarantined = _after(9)
    assert quarantined.quarantined and quarantined.next_due_at == NOW + timedelta(hours=24)
    limited = _after(0, code="fetch.rate_limited", retry_after=7200)
    assert limited.next_due_at >= NOW + timedelta(hours=2)


def test_gone_disables() -> None:
    change = _after(0, code="fetch.http_410")
    assert change.disabled and change.failures_in_row == 1
