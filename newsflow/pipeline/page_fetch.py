"""Fetch the article pages of a batch of entries, a few at a time, recording each failure by its code."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from newsflow.errors import FetchError
from newsflow.records import FeedEntry, PageFetch
from newsflow.resources.http import Fetcher, decode_html
from newsflow.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml", "text/plain")


def fetch_pages(entries: Sequence[FeedEntry], settings: Settings, *, workers: int = 2) -> list[PageFetch]:
    """One :class:`PageFetch` per entry that has a link, in entry order, ``workers`` at a time."""
    with_links = [entry for entry in entries if entry.url]
    if not with_links:
        return []
    # A requests session is not safe to share between threads: each worker thread gets its own fetcher.
    local = threading.local()
    fetchers: list[Fetcher] = []

    def fetch_in_worker(entry: FeedEntry) -> PageFetch:
        if not hasattr(local, "fetcher"):
            local.fetcher = Fetcher(settings)
            fetchers.append(local.fetcher)
        return fetch_page(entry, local.fetcher)

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="newsflow-page") as pool:
            return list(pool.map(fetch_in_worker, with_links))
    finally:
        for fetcher in fetchers:
            fetcher.close()


def fetch_page(entry: FeedEntry, fetcher: Fetcher) -> PageFetch:
    """Fetch one entry's page; never raises for fetch problems."""
    assert entry.url is not None
    now = datetime.now(UTC)
    try:
        result = fetcher.get(entry.url, kind="page")
    except FetchError as exc:
        return PageFetch(
            entry_key=entry.entry_key, url=entry.url, status=getattr(exc, "status", None),
            error_code=exc.code, error_message=exc.message[:1000], fetched_at=now,
        )
    content_type = result.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not content_type.startswith(_HTML_TYPES):  # no Content-Type at all: try it as HTML
        return PageFetch(
            entry_key=entry.entry_key, url=entry.url, final_url=result.final_url, status=result.status,
            error_code="fetch.not_html", error_message=f"{entry.url}: {content_type} is not a web page",
            fetched_at=now,
        )
    return PageFetch(
        entry_key=entry.entry_key,
        url=entry.url,
        final_url=result.final_url,
        status=result.status,
        html=decode_html(result.body, result.headers),
        fetched_at=now,
    )
