"""Feed rows: subscribe, look up, choose the due ones, and record what a fetch came to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, select

from models import Feed, FetchAttempt
from models.base import utcnow
from newsflow.health import HealthPolicy, next_health
from newsflow.records import FeedFetchOutcome, FeedRef, StoreCounts
from newsflow.store.limits import fits_index
from newsflow.store.upsert import upsert


def to_ref(feed: Feed) -> FeedRef:
    """The small record the pipeline passes around for a feed row."""
    assert feed.id is not None
    return FeedRef(
        id=feed.id, url=feed.url, title=feed.title, etag=feed.etag, last_modified=feed.last_modified
    )


def subscribe(
    session: Session,
    url: str,
    *,
    name: str | None = None,
    tags: Sequence[str] = (),
    interval_minutes: int | None = None,
) -> tuple[FeedRef, bool]:
    """Subscribe to ``url`` (already validated and normalised); returns the feed and whether it is new."""
    existing = session.exec(select(Feed).where(Feed.url == url)).first()
    if existing is None:
        # A feed that moved (301/308) still answers to the address it was subscribed at; a second row for the
        # old address would fetch the same entries again and store each article twice.
        moved_from = Feed.extra["moved_from"].as_string()
        existing = session.exec(select(Feed).where(moved_from == url).order_by(Feed.id)).first()  # type: ignore[arg-type]
    if existing is not None:
        changed = False
        if name and existing.name != name:
            existing.name, changed = name, True
        if interval_minutes and existing.interval_minutes != interval_minutes:
            existing.interval_minutes, changed = interval_minutes, True
        merged = sorted(set(existing.tags) | set(tags))
        if merged != sorted(existing.tags):
            existing.tags, changed = merged, True
        if changed:
            session.add(existing)
            session.flush()
        return to_ref(existing), False
    upsert(
        session,
        Feed.__table__,  # type: ignore[attr-defined]
        {"url": url, "name": name, "tags": sorted(set(tags)), "failures_in_row": 0, "disabled": False,
         "quarantined": False, "extra": {}, "interval_minutes": interval_minutes, "created_at": utcnow()},
        conflict=["url"],
    )
    feed = session.exec(select(Feed).where(Feed.url == url)).one()
    return to_ref(feed), True


def all_feeds(session: Session) -> list[Feed]:
    """Every feed row, oldest subscription first."""
    return list(session.exec(select(Feed).order_by(Feed.id)))  # type: ignore[arg-type]


def feeds_by_id(session: Session, ids: Sequence[int]) -> list[FeedRef]:
    """Feed records for ``ids``, in id order."""
    rows = session.exec(select(Feed).where(Feed.id.in_(list(ids))).order_by(Feed.id))  # type: ignore[union-attr,arg-type]
    return [to_ref(feed) for feed in rows]


def due_feeds(session: Session, now: datetime) -> list[FeedRef]:
    """Enabled feeds whose next due time has come (or was never set)."""
    query = (
        select(Feed)
        .where(Feed.disabled == False)  # noqa: E712  (SQL expression, not a Python comparison)
        .where(or_(Feed.next_due_at == None, Feed.next_due_at <= now))  # type: ignore[arg-type,operator]  # noqa: E711
        .order_by(Feed.id)  # type: ignore[arg-type]
    )
    return [to_ref(feed) for feed in session.exec(query)]


def record_outcome(
    session: Session,
    outcome: FeedFetchOutcome,
    counts: StoreCounts,
    *,
    now: datetime,
    policy: HealthPolicy,
    flow_run_id: str | None = None,
) -> None:
    """Write the fetch attempt and the feed's new validators and health, in the caller's transaction.

    Called in the same transaction that stored the feed's articles, so the validators never advance past
    entries that were not stored.
    """
    feed = session.get(Feed, outcome.feed.id)
    if feed is None:
        return
    failed = outcome.status == "failed"
    parsed = outcome.parsed
    session.add(
        FetchAttempt(
            feed_id=outcome.feed.id,
            started_at=outcome.started_at,
            status=outcome.status,
            http_status=outcome.http_status,
            duration_ms=outcome.duration_ms,
            bytes=outcome.bytes,
            entries_seen=len(parsed.entries) if parsed else 0,
            entries_new=counts.new,
            entries_updated=counts.updated,
            error_code=outcome.error_code,
            error_message=outcome.error_message,
            flow_run_id=flow_run_id,
        )
    )
    health = next_health(
        now=now,
        failed=failed,
        error_code=outcome.error_code,
        failures_before=feed.failures_in_row,
        retry_after=outcome.retry_after,
        interval_minutes=feed.interval_minutes,
        policy=policy,
    )
    feed.last_fetched_at = now
    feed.last_status = outcome.status
    feed.last_http_status = outcome.http_status
    feed.failures_in_row = health.failures_in_row
    feed.next_due_at = health.next_due_at
    feed.quarantined = health.quarantined
    feed.disabled = feed.disabled or health.disabled
    if failed:
        feed.last_error_code = outcome.error_code
        feed.last_error_message = outcome.error_message
    else:
        feed.last_success_at = now
        feed.last_error_code = None
        feed.last_error_message = None
        if outcome.status == "fetched":
            feed.etag = outcome.etag
            feed.last_modified = outcome.last_modified
        if parsed is not None:
            feed.title = parsed.title or feed.title
            feed.site_url = parsed.site_url or feed.site_url
            feed.parse_warning = parsed.warning
    moved_to = outcome.permanent_redirect_url
    if moved_to and moved_to != feed.url and fits_index(moved_to):
        _move_feed(session, feed, moved_to)
    session.add(feed)


def _move_feed(session: Session, feed: Feed, new_url: str) -> None:
    # A 301/308 means the feed lives elsewhere now; keep one row unless the new URL is already subscribed.
    taken = session.exec(select(Feed).where(Feed.url == new_url)).first()
    if taken is None:
        feed.extra = {**feed.extra, "moved_from": feed.url}
        feed.url = new_url
