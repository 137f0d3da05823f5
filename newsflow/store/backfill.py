"""The store side of backfills: which day partitions are done, and writing backfilled articles.

A partition is one day of one backfill mode (``fetch`` or ``reprocess``) over one scope of feeds. Its row says
``running``, ``completed`` or ``failed``; a backfill skips completed days, so running it again resumes where it
stopped. Backfilled articles are stored like ingested ones but never touch a feed's validators or health: an
archive page's ETag says nothing about the live feed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from models import BackfillPartition
from newsflow.identity import entry_hash
from newsflow.records import ArticleRecord, EntryPlan, FeedEntry, StoreCounts
from newsflow.store.articles import known_entries, store_articles
from newsflow.store.upsert import upsert

ALL_FEEDS = "all"


def partition_scope(feed_urls: Sequence[str]) -> str:
    """``all`` for every subscription, else a short hash of the sorted feed URLs."""
    if not feed_urls:
        return ALL_FEEDS
    digest = hashlib.sha256("\n".join(sorted(set(feed_urls))).encode("utf-8")).hexdigest()
    return f"feeds:{digest[:16]}"


def completed_days(session: Session, scope: str, mode: str, days: Sequence[date]) -> set[date]:
    """Those of ``days`` whose partition has completed."""
    rows = session.exec(
        select(col(BackfillPartition.day))
        .where(BackfillPartition.scope == scope)
        .where(BackfillPartition.mode == mode)
        .where(BackfillPartition.status == "completed")
        .where(col(BackfillPartition.day).in_(list(days)))
    )
    return set(rows)


def mark_partition(
    session: Session,
    scope: str,
    day: date,
    mode: str,
    *,
    status: str,
    articles: int = 0,
    error: str | None = None,
    flow_run_id: str | None = None,
) -> None:
    """Record a partition's status (``running``, ``completed`` or ``failed``), creating its row if needed."""
    values: dict[str, object] = {
        "scope": scope, "day": day, "mode": mode, "status": status, "articles": articles,
        "error": error[:2000] if error else None, "updated_at": datetime.now(UTC),
    }
    if flow_run_id is not None:
        values["flow_run_id"] = flow_run_id
    upsert(
        session,
        BackfillPartition.__table__,  # type: ignore[attr-defined]
        values,
        conflict=["scope", "day", "mode"],
        update=[name for name in values if name not in ("scope", "day", "mode")],
    )


def partition_rows(session: Session, scope: str, mode: str, days: Sequence[date]) -> list[BackfillPartition]:
    """The recorded partitions among ``days``, in day order."""
    return list(
        session.exec(
            select(BackfillPartition)
            .where(BackfillPartition.scope == scope)
            .where(BackfillPartition.mode == mode)
            .where(col(BackfillPartition.day).in_(list(days)))
            .order_by(col(BackfillPartition.day))
        )
    )


def finished_since(session: Session, scope: str, mode: str, days: Sequence[date], moment: datetime) -> int:
    """How many of ``days`` completed or failed at or after ``moment`` (a progress bar's count)."""
    return sum(
        1
        for row in partition_rows(session, scope, mode, days)
        if row.status in ("completed", "failed") and row.updated_at >= moment
    )


def plan_history(session: Session, feed_id: int, entries: Sequence[FeedEntry]) -> EntryPlan:
    """Which of a feed's archived ``entries`` are not stored yet, or changed since they were."""
    first_by_key: dict[str, FeedEntry] = {}
    for entry in entries:
        first_by_key.setdefault(entry.entry_key, entry)
    hashes = {key: entry_hash(entry) for key, entry in first_by_key.items()}
    known = known_entries(session, feed_id, list(hashes))
    todo = [entry for key, entry in first_by_key.items() if known.get(key, "") != hashes[key]]
    return EntryPlan(feed_id=feed_id, todo=todo, entry_hashes=hashes, seen=len(entries))


def store_history(session: Session, records: Sequence[ArticleRecord], plan: EntryPlan) -> StoreCounts:
    """Store backfilled articles idempotently, leaving the feed's validators and health alone."""
    return store_articles(session, records, entry_hashes=plan.entry_hashes, now=datetime.now(UTC))
