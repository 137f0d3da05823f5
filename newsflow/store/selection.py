"""Choose feeds for orchestration: one by its event resource or URL (pushes), a tagged group (group schedules),
or every enabled subscription (backfills)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from models import Feed
from newsflow.errors import InputError
from newsflow.records import FeedRef
from newsflow.store.feeds import subscribe, to_ref

FEED_RESOURCE_PREFIX = "newsflow.feed."


def feed_resource_id(feed_id: int) -> str:
    """The Prefect event resource id of a feed: ``newsflow.feed.<id>``."""
    return f"{FEED_RESOURCE_PREFIX}{feed_id}"


def find_feed(session: Session, ref: str) -> FeedRef:
    """The subscription named by ``ref``: ``newsflow.feed.<id>``, a bare id, or its URL."""
    text = ref.strip()
    number = text.removeprefix(FEED_RESOURCE_PREFIX)
    feed = session.get(Feed, int(number)) if number.isdigit() else None
    if feed is None and not number.isdigit():
        feed = session.exec(select(Feed).where(Feed.url == text)).first()
    if feed is None:
        raise InputError(f"no subscription matches {ref!r} (expected newsflow.feed.<id>, an id or a feed URL)")
    return to_ref(feed)


def tagged_feeds(session: Session, tag: str) -> list[FeedRef]:
    """Enabled subscriptions carrying ``tag``, in id order (tags are a JSON list, so filtered here)."""
    rows = session.exec(select(Feed).where(col(Feed.disabled).is_(False)).order_by(col(Feed.id)))
    return [to_ref(feed) for feed in rows if tag in (feed.tags or [])]


def enabled_feeds(session: Session) -> list[FeedRef]:
    """Every enabled subscription, in id order."""
    rows = session.exec(select(Feed).where(col(Feed.disabled).is_(False)).order_by(col(Feed.id)))
    return [to_ref(feed) for feed in rows]


def feeds_for_urls(session: Session, urls: Sequence[str]) -> list[FeedRef]:
    """The subscriptions of ``urls`` (subscribed if new), in id order."""
    refs = {ref.id: ref for ref in (subscribe(session, url)[0] for url in urls)}
    return sorted(refs.values(), key=lambda ref: ref.id)
