"""Fetch one feed and parse it into a :class:`FeedFetchOutcome` (HTTP resource + pure parser)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from newsflow.errors import FetchError, NewsflowError, ParseError, RateLimited, error_code
from newsflow.parse import parse_feed
from newsflow.records import FeedFetchOutcome, FeedRef
from newsflow.resources.http import Fetcher


def fetch_and_parse(feed: FeedRef, fetcher: Fetcher) -> FeedFetchOutcome:
    """Conditional GET of ``feed`` then parse; transient fetch errors are raised so the caller may retry."""
    started = datetime.now(UTC)
    clock = time.perf_counter()
    try:
        result = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, kind="feed")
    except FetchError as exc:
        if exc.transient:
            raise
        return failed_outcome(feed, exc, started, duration_ms=(time.perf_counter() - clock) * 1000)
    common: dict[str, Any] = {
        "feed": feed,
        "started_at": started,
        "http_status": result.status,
        "final_url": result.final_url,
        "permanent_redirect_url": result.permanent_redirect_url,
        "bytes": len(result.body),
        "duration_ms": result.elapsed_ms,
    }
    if result.not_modified:
        return FeedFetchOutcome(status="not_modified", etag=feed.etag, last_modified=feed.last_modified, **common)
    try:
        parsed = parse_feed(result.body, url=result.final_url, headers=result.headers)
    except ParseError as exc:
        return FeedFetchOutcome(status="failed", error_code=exc.code, error_message=exc.message, **common)
    return FeedFetchOutcome(
        status="fetched", parsed=parsed, etag=result.etag, last_modified=result.last_modified, **common
    )


def failed_outcome(
    feed: FeedRef, exc: BaseException, started: datetime | None = None, *, duration_ms: float = 0.0
) -> FeedFetchOutcome:
    """The outcome of a feed whose fetch raised ``exc`` (after any retries)."""
    message = exc.message if isinstance(exc, NewsflowError) else f"{type(exc).__name__}: {exc}"
    return FeedFetchOutcome(
        feed=feed,
        status="failed",
        started_at=started or datetime.now(UTC),
        http_status=getattr(exc, "status", None),
        error_code=error_code(exc),
        error_message=message[:2000],
        retry_after=exc.retry_after if isinstance(exc, RateLimited) else None,
        duration_ms=duration_ms,
    )
