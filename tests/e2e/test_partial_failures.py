"""A feed whose articles cannot be stored fails alone: the run completes and the other feeds are stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import shared_path


@pytest.mark.prefect
def test_a_feed_failing_to_store_does_not_fail_the_run(prefect_api: None, sqlite_store: str, httpserver: Any) -> None:
    from flows.ingest import ingest_flow
    from newsflow.resources.db import get_engine

    base = httpserver.url_for("").rstrip("/")
    feed = shared_path("seed", "site", "feed.xml.tmpl").read_text(encoding="utf-8").replace("{{BASE_URL}}", base)
    poisoned = feed.replace("atlantic-desk-2025-04-03-nato", "poison-guid").replace(
        "NATO leaders discuss", "POISON leaders discuss"
    )
    httpserver.expect_request("/good.xml").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/bad.xml").respond_with_data(poisoned, content_type="application/rss+xml")
    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_data("gone", status=404)
    with get_engine().begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.title LIKE 'POISON%' "
                "BEGIN SELECT RAISE(ABORT, 'poisoned article'); END"
            )
        )
    summary = ingest_flow(feed_urls=[f"{base}/good.xml", f"{base}/bad.xml"])
    assert summary["feeds"] == 2 and summary["feeds_failed"] == 1
    assert summary["articles_new"] == 1
    (error,) = summary["errors"]
    assert error["feed"] == f"{base}/bad.xml" and "poisoned article" in error["message"]
