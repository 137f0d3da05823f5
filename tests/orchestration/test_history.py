"""A feed's history for backfills: a real WordPress feed split into ``?paged=N`` pages, the same feed paged by
RFC 5005 ``rel="next"`` links, a feed with no history, a failing archive page; and a backfill that stores an
entry only the second page holds."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from lxml import etree

from tests.conftest import shared_path

ATOM = "http://www.w3.org/2005/Atom"


def wordpress_feed() -> bytes:
    path = shared_path("data", "feeds", "real", "fastfeedparser", "tests", "integration", "foolcontrol.xml")
    return path.read_bytes()


def split_feed(body: bytes, per_page: int, next_links: list[str | None] | None = None) -> list[bytes]:
    """The RSS ``body`` as pages of ``per_page`` items, newest first, page N optionally linking to the next."""
    root = etree.fromstring(body)
    channel = root.find("channel")
    assert channel is not None
    items = channel.findall("item")
    pages = []
    for number, start in enumerate(range(0, len(items), per_page)):
        page = copy.deepcopy(root)
        page_channel = page.find("channel")
        assert page_channel is not None
        for item in page_channel.findall("item"):
            page_channel.remove(item)
        for item in items[start : start + per_page]:
            page_channel.append(copy.deepcopy(item))
        if next_links and next_links[number]:
            link = etree.SubElement(page_channel, f"{{{ATOM}}}link")
            link.set("rel", "next")
            link.set("href", next_links[number] or "")
        pages.append(etree.tostring(page, xml_declaration=True, encoding="utf-8"))
    return pages


def day(text: str) -> tuple[datetime, datetime]:
    start = datetime.fromisoformat(text).replace(tzinfo=UTC)
    return start, start + timedelta(days=1)


def history(url: str, window: tuple[datetime, datetime], **options: Any) -> Any:
    from newsflow.pipeline.history import PageCache, feed_history
    from newsflow.records import FeedRef
    from newsflow.resources.http import Fetcher

    options.setdefault("cache", PageCache())
    with Fetcher() as fetcher:
        return feed_history(FeedRef(id=1, url=url), fetcher, start=window[0], end=window[1], **options)


def serve_wordpress(httpserver: Any, pages: list[bytes]) -> str:
    for number, page in enumerate(pages, start=1):
        query = "feed=rss2" if number == 1 else f"feed=rss2&paged={number}"
        httpserver.expect_request("/", query_string=query).respond_with_data(page, content_type="application/rss+xml")
    httpserver.expect_request("/", query_string=f"feed=rss2&paged={len(pages) + 1}").respond_with_data(
        "Not found", status=404
    )
    return httpserver.url_for("/") + "?feed=rss2"


def test_wordpress_pages_are_walked_back_to_the_window(httpserver: Any) -> None:
    url = serve_wordpress(httpserver, split_feed(wordpress_feed(), 5))
    found = history(url, day("2021-11-12"))
    assert found.method == "wordpress" and found.pages == 2 and found.reached_start
    assert [entry.published_at.date().isoformat() for entry in found.entries] == ["2021-11-12"]

    recent = history(url, day("2024-10-20"))
    assert recent.pages == 1 and len(recent.entries) == 1  # the first page reaches back far enough

    before_history = history(url, day("2019-01-01"))
    assert (before_history.pages, before_history.entries, before_history.reached_start) == (2, [], False)
    assert [req.query_string.decode() for req, _ in httpserver.log][-1] == "feed=rss2&paged=3"  # the 404 ended it


def test_rfc5005_next_links_are_followed(httpserver: Any) -> None:
    pages = split_feed(wordpress_feed(), 4, [httpserver.url_for("/archive-2.xml"), "archive-3.xml", None])
    for name, page in zip(("/feed.xml", "/archive-2.xml", "/archive-3.xml"), pages, strict=True):
        httpserver.expect_request(name).respond_with_data(page, content_type="application/rss+xml")
    found = history(httpserver.url_for("/feed.xml"), day("2020-11-16"))
    assert found.method == "rfc5005" and found.pages == 3
    assert [entry.published_at.date().isoformat() for entry in found.entries] == ["2020-11-16"]
    assert [req.path for req, _ in httpserver.log] == ["/feed.xml", "/archive-2.xml", "/archive-3.xml"]


def test_a_failing_archive_page_fails_the_window_and_pages_are_cached(httpserver: Any) -> None:
    from newsflow.errors import HTTPStatusError
    from newsflow.pipeline.history import PageCache

    pages = split_feed(wordpress_feed(), 5)
    httpserver.expect_request("/", query_string="feed=rss2").respond_with_data(
        pages[0], content_type="application/rss+xml"
    )
    httpserver.expect_request("/", query_string="feed=rss2&paged=2").respond_with_data("busy", status=503)
    url = httpserver.url_for("/") + "?feed=rss2"
    cache = PageCache()
    with pytest.raises(HTTPStatusError) as failure:
        history(url, day("2021-11-12"), cache=cache)
    assert failure.value.code == "fetch.http_503"
    calls = len(httpserver.log)
    assert len(history(url, day("2024-10-20"), cache=cache).entries) == 1
    assert len(httpserver.log) == calls  # the first page came from the cache


def test_a_feed_without_history_gives_its_current_entries(seed_site: str) -> None:
    found = history(f"{seed_site}/feed.xml", day("2025-04-03"))
    assert (found.method, found.pages, found.reached_start) == ("feed", 1, False)
    assert [entry.title for entry in found.entries] == [
        "NATO leaders discuss increased defense commitments amid global threats"
    ]


@pytest.mark.prefect
@pytest.mark.slow
def test_a_backfill_stores_what_only_an_archive_page_holds(
    prefect_here: Any, sqlite_store: str, httpserver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.backfill import backfill_flow
    from newsflow.resources.db import session_scope
    from newsflow.settings import reset_settings
    from newsflow.store.export import export_articles

    # The entries link to the publisher's real site: never fetch those pages, use the feed's own content.
    monkeypatch.setenv("NEWSFLOW_FETCH_PAGES", "0")
    reset_settings()
    url = serve_wordpress(httpserver, split_feed(wordpress_feed(), 5))
    summary = backfill_flow(since="2021-11-12", until="2021-11-12", feed_urls=[url])
    assert (summary["completed"], summary["articles"]) == (1, 1), summary
    with session_scope() as session:
        rows = list(export_articles(session))
    assert [row["published_at"][:10] for row in rows] == ["2021-11-12"]
    assert rows[0]["title"] == "wp-k8s: WordPress on privately hosted Kubernetes cluster (Raspberry Pi 4 + Synology)"
    assert "Raspberry PI 4 Kubernetes cluster" in rows[0]["text"]
    assert all(req.host.startswith("127.0.0.1") or req.host.startswith("localhost") for req, _ in httpserver.log)
