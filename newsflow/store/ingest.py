"""The store side of an ingest run: choose feeds, plan which entries need work, commit a feed's results."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newsflow.health import HealthPolicy
from newsflow.identity import entry_hash
from newsflow.records import ArticleRecord, EntryPlan, FeedEntry, FeedFetchOutcome, FeedRef, FeedReport
from newsflow.resources.db import session_scope
from newsflow.settings import get_settings
from newsflow.store.articles import known_entries, store_articles
from newsflow.store.feeds import due_feeds, record_outcome, subscribe


def resolve_feeds(urls: Sequence[str], *, all_due: bool) -> list[FeedRef]:
    """The feeds to run: ``urls`` (subscribed if new) plus, with ``all_due``, every due subscription."""
    with session_scope() as session:
        chosen = {ref.id: ref for ref in (subscribe(session, url)[0] for url in urls)}
        if all_due:
            for ref in due_feeds(session, datetime.now(UTC)):
                chosen.setdefault(ref.id, ref)
    return sorted(chosen.values(), key=lambda ref: ref.id)


def plan_entries(outcome: FeedFetchOutcome, *, limit: int | None = None) -> EntryPlan:
    """Entries of a fetched feed that are new, or whose feed entry changed since we stored them."""
    entries = outcome.parsed.entries if outcome.parsed else []
    # A feed may repeat an entry (shared guid): the first occurrence is the one we keep.
    first_by_key: dict[str, FeedEntry] = {}
    for entry in entries:
        first_by_key.setdefault(entry.entry_key, entry)
    unique = list(first_by_key.values())
    hashes = {entry.entry_key: entry_hash(entry) for entry in unique}
    with session_scope() as session:
        known = known_entries(session, outcome.feed.id, list(hashes))
    todo = [entry for entry in unique if known.get(entry.entry_key, "") != hashes[entry.entry_key]]
    deferred = max(0, len(todo) - limit) if limit is not None else 0
    if limit is not None:
        todo = todo[:limit]
    return EntryPlan(feed_id=outcome.feed.id, todo=todo, entry_hashes=hashes, seen=len(entries), deferred=deferred)


def commit_feed(
    outcome: FeedFetchOutcome,
    records: Sequence[ArticleRecord],
    plan: EntryPlan | None,
    *,
    flow_run_id: str | None = None,
) -> FeedReport:
    """Store the feed's articles and its new validators and health in one transaction."""
    settings = get_settings()
    policy = HealthPolicy(
        interval_minutes=settings.default_interval_minutes,
        backoff_max_hours=settings.backoff_max_hours,
        quarantine_after_failures=settings.quarantine_after_failures,
        quarantine_retry_hours=settings.quarantine_retry_hours,
    )
    now = datetime.now(UTC)
    if plan is not None and plan.deferred:
        # Entries were left for a later run: new validators would get a 304 then, and those entries never.
        outcome = outcome.model_copy(update={"etag": None, "last_modified": None})
    with session_scope() as session:
        counts = store_articles(session, records, entry_hashes=plan.entry_hashes if plan else {}, now=now)
        record_outcome(session, outcome, counts, now=now, policy=policy, flow_run_id=flow_run_id)
    pages = [record.page for record in records if record.page is not None]
    return FeedReport(
        feed_id=outcome.feed.id,
        url=outcome.feed.url,
        status=outcome.status,
        http_status=outcome.http_status,
        error_code=outcome.error_code,
        error_message=outcome.error_message,
        warning=outcome.parsed.warning if outcome.parsed else None,
        entries_seen=plan.seen if plan else 0,
        articles_new=counts.new,
        articles_updated=counts.updated,
        pages_fetched=sum(1 for page in pages if page.html),
        pages_failed=sum(1 for page in pages if page.error_code),
    )
