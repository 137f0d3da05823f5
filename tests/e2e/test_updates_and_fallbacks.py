"""Changed entries update their article in place; unreachable pages fall back to the feed's own content."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from tests.conftest import shared_path


def _seed(base: str) -> tuple[str, str]:
    feed = shared_path("seed", "site", "feed.xml.tmpl").read_text(encoding="utf-8").replace("{{BASE_URL}}", base)
    page = shared_path("seed", "site", "articles", "nato-defense-commitments.html.tmpl").read_text(encoding="utf-8")
    return feed, page.replace("{{BASE_URL}}", base)


def _articles() -> list[Any]:
    from models import Article
    from newsflow.resources.db import session_scope

    with session_scope() as session:
        return list(session.exec(select(Article)))


@pytest.mark.prefect
def test_changed_entry_updates_the_article_in_place(prefect_api: None, sqlite_store: str, httpserver: Any) -> None:
    from flows.ingest import ingest_flow

    base = httpserver.url_for("").rstrip("/")
    feed, page = _seed(base)
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_data(
        page, content_type="text/html"
    )
    assert ingest_flow(feed_urls=[f"{base}/feed.xml"])["articles_new"] == 1
    (before,) = _articles()

    httpserver.clear()
    changed_title = "NATO leaders agree on higher defense commitments"
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed.replace("NATO leaders discuss increased defense commitments amid global threats", changed_title),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_data(
        page.replace("productive engagements moving forward.", "productive engagements in June."),
        content_type="text/html",
    )
    summary = ingest_flow(feed_urls=[f"{base}/feed.xml"])
    assert summary["articles_new"] == 0 and summary["articles_updated"] == 1, summary
    (after,) = _articles()
    assert after.id == before.id
    assert after.text.endswith("productive engagements in June.")
    assert after.content_hash != before.content_hash


@pytest.mark.prefect
def test_page_failure_falls_back_to_feed_content(prefect_api: None, sqlite_store: str, httpserver: Any) -> None:
    from flows.ingest import ingest_flow

    base = httpserver.url_for("").rstrip("/")
    feed, _page = _seed(base)
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_data("gone", status=404)
    summary = ingest_flow(feed_urls=[f"{base}/feed.xml"])
    assert summary["articles_new"] == 1 and summary["feeds_failed"] == 0
    (article,) = _articles()
    assert article.status == "feed_only"
    assert article.text.startswith("Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte")
    assert "pzt2sj" not in article.text
    from models import ArticleSource
    from newsflow.resources.db import session_scope

    with session_scope() as session:
        source = session.exec(select(ArticleSource)).one()
    assert source.page_error_code == "fetch.http_404" and source.raw_html is None


@pytest.mark.prefect
def test_page_that_failed_transiently_is_fetched_next_run(
    prefect_api: None, sqlite_store: str, httpserver: Any
) -> None:
    from flows.ingest import ingest_flow

    base = httpserver.url_for("").rstrip("/")
    feed, page = _seed(base)
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    from werkzeug import Response

    page_calls: list[int] = []

    def flaky_page(_request: Any) -> Response:
        page_calls.append(1)
        if len(page_calls) == 1:
            return Response("busy", status=503)
        return Response(page, content_type="text/html")

    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_handler(flaky_page)
    assert ingest_flow(feed_urls=[f"{base}/feed.xml"])["articles_new"] == 1
    (first,) = _articles()
    assert first.status == "feed_only"

    assert ingest_flow(feed_urls=[f"{base}/feed.xml"])["articles_updated"] == 1
    (second,) = _articles()
    assert second.status == "ok" and second.section == "Geopolitics"
    assert len(page_calls) == 2
