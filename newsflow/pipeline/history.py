"""A feed's older entries, for backfills: walk its archive pages back to the start of a window.

Two ways a feed offers history are followed: RFC 5005 paged and archived feeds (``rel="next"`` or
``rel="prev-archive"`` links, read by the parser into ``ParsedFeed.next_page_url``) and WordPress, whose feeds
take ``?paged=2``, ``?paged=3`` … until a 404. Any other feed gives what its current document holds.

Day partitions of one backfill each walk the pages they need, so each can be re-run alone; a small
per-process cache keeps a multi-day backfill from fetching the same archive page once per day.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsflow.errors import HTTPStatusError
from newsflow.parse import parse_feed
from newsflow.records import FeedEntry, FeedRef, ParsedFeed
from newsflow.resources.http import Fetcher

DEFAULT_MAX_PAGES = 25


@dataclass(frozen=True)
class HistoryWindow:
    """The entries of a feed dated within a window, and how they were found."""

    entries: list[FeedEntry]
    pages: int
    method: str  # feed | rfc5005 | wordpress
    reached_start: bool  # False: the feed's history ends before the window's start (or max_pages was hit)


class PageCache:
    """A small thread-safe LRU of parsed archive pages, each kept for ``ttl`` seconds."""

    def __init__(self, size: int = 64, ttl: float = 900.0) -> None:
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[str, tuple[float, ParsedFeed]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, url: str) -> ParsedFeed | None:
        with self._lock:
            item = self._items.get(url)
            if item is None or time.monotonic() - item[0] > self.ttl:
                self._items.pop(url, None)
                return None
            self._items.move_to_end(url)
            return item[1]

    def put(self, url: str, parsed: ParsedFeed) -> None:
        with self._lock:
            self._items[url] = (time.monotonic(), parsed)
            self._items.move_to_end(url)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PAGE_CACHE = PageCache()


def entry_moment(entry: FeedEntry) -> datetime | None:
    """When an entry was published (or, failing that, updated)."""
    return entry.published_at or entry.updated_at


def entry_days(entries: list[FeedEntry]) -> set[date]:
    """The UTC days the dated ``entries`` fall on."""
    return {moment.astimezone(UTC).date() for entry in entries if (moment := entry_moment(entry)) is not None}


def is_wordpress_feed(url: str) -> bool:
    """Whether ``url`` looks like a WordPress feed (``…/feed/``, ``…/feed/atom/``, ``?feed=rss2``)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    if "feed" in dict(parse_qsl(parts.query)):
        return True
    return bool(segments) and (segments[-1] == "feed" or (len(segments) > 1 and segments[-2] == "feed"))


def wordpress_page_url(url: str, number: int) -> str:
    """``url`` asking for page ``number`` of the feed (WordPress's ``paged`` parameter)."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != "paged"]
    query.append(("paged", str(number)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _page(url: str, fetcher: Fetcher, cache: PageCache | None) -> ParsedFeed:
    if cache is not None and (cached := cache.get(url)) is not None:
        return cached
    result = fetcher.get(url, kind="feed")
    parsed = parse_feed(result.body, url=result.final_url, headers=result.headers)
    if cache is not None:
        cache.put(url, parsed)
    return parsed


def feed_history(
    feed: FeedRef,
    fetcher: Fetcher,
    *,
    start: datetime,
    end: datetime,
    max_pages: int = DEFAULT_MAX_PAGES,
    cache: PageCache | None = PAGE_CACHE,
) -> HistoryWindow:
    """Entries of ``feed`` dated in ``[start, end)``, walking archive pages until one reaches back past ``start``.

    Fetch and parse errors are raised (the window cannot be complete without that page), except a 404 or 410
    on a WordPress page after the first, which is how WordPress says there are no more pages.
    """
    wordpress = is_wordpress_feed(feed.url)
    url: str | None = feed.url
    method, pages, number, reached = "feed", 0, 1, False
    visited: set[str] = set()
    seen: set[str] = set()
    found: list[FeedEntry] = []
    while url and pages < max_pages and url not in visited:
        visited.add(url)
        try:
            parsed = _page(url, fetcher, cache)
        except HTTPStatusError as exc:
            if method == "wordpress" and exc.status in (404, 410):
                break
            raise
        pages += 1
        fresh = [entry for entry in parsed.entries if entry.entry_key not in seen]
        if not fresh:  # a server that ignores the page parameter repeats the first page
            break
        seen.update(entry.entry_key for entry in fresh)
        moments = [(entry, entry_moment(entry)) for entry in fresh]
        found += [entry for entry, moment in moments if moment is not None and start <= moment < end]
        dated = [moment for _, moment in moments if moment is not None]
        if dated and min(dated) < start:
            reached = True
            break
        if parsed.next_page_url:
            url, method = parsed.next_page_url, "rfc5005"
        elif wordpress:
            number += 1
            url, method = wordpress_page_url(feed.url, number), "wordpress"
        else:
            url = None
    return HistoryWindow(entries=found, pages=pages, method=method, reached_start=reached)
