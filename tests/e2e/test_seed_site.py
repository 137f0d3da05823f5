"""The seed site end to end: ingest twice, on SQLite and PostgreSQL, and check exactly what is stored."""

from __future__ import annotations

from typing import Any

import pytest

SEED_START = "Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte"
SEED_END = "The meeting concluded with optimism from both leaders about productive engagements moving forward."
CLUTTER = [
    "pzt2sj",
    "Webp",
    "Mark Tervakoski",
    "Acting Deputy Chief",
    "cookies",
    "Accept all",
    "Share on",
    "Related stories",
    "EU ministers meet",
    "chip export",
    "All rights reserved",
    "newsletter",
    "dataLayer",
    "Subscribe",
    "Geopolitics\n",
]


def _export() -> list[dict[str, Any]]:
    from newsflow.resources.db import session_scope
    from newsflow.store.export import export_articles

    with session_scope() as session:
        return list(export_articles(session))


@pytest.mark.prefect
def test_seed_site_ingested_once_and_clean(prefect_api: None, store_url: str, seed_site: str) -> None:
    from flows.ingest import ingest_flow

    feed_url = f"{seed_site}/feed.xml"
    first = ingest_flow(feed_urls=[feed_url])
    assert first["feeds"] == 1 and first["feeds_failed"] == 0, first
    assert first["articles_new"] == 1 and first["entries_seen"] == 1

    second = ingest_flow(feed_urls=[feed_url])
    assert second["articles_new"] == 0 and second["articles_updated"] == 0, second

    rows = _export()
    assert len(rows) == 1
    article = rows[0]
    assert article["canonical_url"] == f"{seed_site}/articles/nato-defense-commitments.html"
    assert "utm_" not in article["canonical_url"]
    assert article["title"] == "NATO leaders discuss increased defense commitments amid global threats"
    text = article["text"]
    assert text.startswith(SEED_START)
    assert text.rstrip().endswith(SEED_END)
    assert article["title"] not in text
    for clutter in CLUTTER:
        assert clutter not in text, clutter
    assert text.count("\n\n") == 6  # seven paragraphs
    assert article["published_at"].startswith("2025-04-03")
    assert article["section"] == "Geopolitics"
    assert article["topic"] == "Geopolitics"
    names = {(e["name"], e["label"]): e["mentions"] for e in article["entities"]}
    assert ("Marco Rubio", "PERSON") in names and ("Mark Rutte", "PERSON") in names
    assert ("NATO", "ORG") in names
    for place in ("Ukraine", "Lithuania", "Russia", "China", "North Korea", "Iran", "Canada"):
        assert (place, "GPE") in names, place
    assert names[("Marco Rubio", "PERSON")] >= 6
    assert ("State", "ORG") not in names and ("NATO Allies", "ORG") not in names


@pytest.mark.prefect
def test_second_run_uses_validators_and_fetches_no_pages(prefect_api: None, sqlite_store: str, httpserver: Any) -> None:
    """A feed with an ETag answers 304 the second time; no article page is fetched again."""
    from pathlib import Path

    from werkzeug import Request, Response

    from flows.ingest import ingest_flow
    from tests.conftest import shared_path

    template = Path(shared_path("seed", "site", "feed.xml.tmpl")).read_text(encoding="utf-8")
    page = Path(shared_path("seed", "site", "articles", "nato-defense-commitments.html.tmpl")).read_text()
    base = httpserver.url_for("").rstrip("/")
    feed_body = template.replace("{{BASE_URL}}", base)

    def feed_handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed_body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_handler(feed_handler)
    httpserver.expect_request("/articles/nato-defense-commitments.html").respond_with_data(
        page.replace("{{BASE_URL}}", base), content_type="text/html; charset=utf-8"
    )
    first = ingest_flow(feed_urls=[f"{base}/feed.xml"])
    assert first["articles_new"] == 1
    calls_before = len(httpserver.log)
    second = ingest_flow(feed_urls=[f"{base}/feed.xml"])
    assert second["articles_new"] == 0 and second["feeds_failed"] == 0
    new_calls = httpserver.log[calls_before:]
    assert [(req.path, resp.status_code) for req, resp in new_calls] == [("/feed.xml", 304)]
