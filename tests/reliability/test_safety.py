"""Safety: the private-network guard in a real run and after redirects, clean stored text, database constraints.

With ``NEWSFLOW_ALLOW_PRIVATE_NETWORKS`` unset, a ``newsflow ingest`` of loopback feeds (by address, by name,
IPv6, IPv4-mapped, decimal) records ``fetch.blocked_address`` for each and sends them nothing; a redirect from
an allowed server to a loopback one is refused at the redirect; article pages go through the same guard.
Control characters in feeds and pages never reach the store (PostgreSQL refuses NUL outright). The unique and
not-null constraints hold on both backends even when the application's own checks are bypassed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from requests.adapters import HTTPAdapter
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from newsflow.errors import BlockedAddress
from newsflow.resources.http import Fetcher
from newsflow.settings import Settings
from newsflow.textutil import strip_control_chars
from tests.reliability.support import (
    LoopbackSite,
    Reply,
    article_page,
    cli_env,
    prefect_api_url,
    query,
    rss,
    rss_item,
    run_cli,
)

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        running.add("/feed.xml", Reply(200, RSS_TYPE, rss([rss_item(title="t", guid="g", description="d")])))
        yield running


def guarded_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"allow_private_networks": False, "per_host_interval": 0.0, "retries": 0}
    return Settings(**{**values, **overrides})


@pytest.mark.prefect
@pytest.mark.slow
def test_guard_on_refuses_loopback_feeds_in_a_real_run(
    prefect_api: None, sqlite_store: str, site: LoopbackSite
) -> None:
    port = site.base.rsplit(":", 1)[1]
    hosts = ["127.0.0.1", "127.0.0.2", "localhost", "[::1]", "[::ffff:127.0.0.1]", "2130706433"]
    urls = [f"http://{host}:{port}/feed.xml" for host in hosts]
    env = cli_env(sqlite_store, prefect_api_url())
    del env["NEWSFLOW_ALLOW_PRIVATE_NETWORKS"]  # the default: guard on

    done = run_cli(["ingest", "--json", *[part for url in urls for part in ("--feed", url)]], env)

    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert summary["feeds"] == len(urls) and summary["feeds_failed"] == len(urls)
    assert {error["code"] for error in summary["errors"]} == {"fetch.blocked_address"}
    assert all("NEWSFLOW_ALLOW_PRIVATE_NETWORKS" in error["message"] for error in summary["errors"])
    assert site.hits == {}  # refused before connecting: the server never saw a request
    codes = {row["last_error_code"] for row in query("SELECT last_error_code FROM feeds")}
    assert codes == {"fetch.blocked_address"}


def test_guard_refuses_a_redirect_to_loopback(site: LoopbackSite) -> None:
    """A server the guard lets through (standing in for a public one) redirects to loopback: refused there."""
    with LoopbackSite() as public:
        public.add("/feed.xml", Reply(302, {"Location": site.url("/feed.xml").replace("127.0.0.1", "localhost")}))
        with Fetcher(guarded_settings()) as fetcher:
            # Only this server's prefix skips the guard; every other URL still goes through it.
            fetcher._session.mount(public.base + "/", HTTPAdapter(max_retries=0))
            with pytest.raises(BlockedAddress) as caught:
                fetcher.get(public.url("/feed.xml"))
    assert caught.value.code == "fetch.blocked_address"
    assert "redirected to" in caught.value.message and "loopback" in caught.value.message
    assert public.hits == {"/feed.xml": 1}
    assert site.hits == {}


def test_article_pages_go_through_the_guard(site: LoopbackSite) -> None:
    from newsflow.pipeline.page_fetch import fetch_pages
    from newsflow.records import FeedEntry

    site.add("/page.html", Reply(200, {"Content-Type": "text/html"}, b"<p>private</p>"))
    entry = FeedEntry(entry_key="guid:p", url=site.url("/page.html"))
    (page,) = fetch_pages([entry], guarded_settings())
    assert (page.error_code, page.html) == ("fetch.blocked_address", None)
    assert site.hits == {}


def test_control_characters_never_reach_the_store(store_url: str, site: LoopbackSite) -> None:
    """A feed and a page full of control characters, NUL included, stored on SQLite and PostgreSQL."""
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.pipeline.feed_fetch import fetch_and_parse
    from newsflow.pipeline.page_fetch import fetch_pages
    from newsflow.store.ingest import commit_feed, plan_entries, resolve_feeds

    dirty = "Null\x00 bell\x07 escape\x1b[2J vertical\x0b delete\x7f c1\x85\x9b end"
    paragraphs = [dirty + " The harbour authority confirmed the northern quay reopens after repairs. " * 4] * 3
    site.add(
        "/dirty.html",
        Reply(
            200, {"Content-Type": "text/html; charset=utf-8"}, article_page("Dirty\x00 page\x1b", paragraphs).encode()
        ),
    )
    items = [
        rss_item(title=dirty, link=site.url("/dirty.html"), guid="dirty\x00guid", description=dirty),
        rss_item(title=dirty + " 2", guid="feed-only", description=f"<p>{dirty}</p>"),
    ]
    body = rss(items, title="Dirty\x00 feed\x1b title")
    site.add("/dirty.xml", Reply(200, RSS_TYPE, body))
    settings = Settings(allow_private_networks=True, per_host_interval=0.0, retries=0)

    (feed,) = resolve_feeds([site.url("/dirty.xml")], all_due=False)
    with Fetcher(settings) as fetcher:
        outcome = fetch_and_parse(feed, fetcher)
    plan = plan_entries(outcome)
    records = assemble_articles(feed.id, plan.todo, fetch_pages(plan.todo, settings))
    report = commit_feed(outcome, records, plan)

    assert report.status == "fetched" and report.articles_new == 2
    rows = query(
        "SELECT a.title, a.text, a.guid, a.html, a.authors, s.raw_html, s.feed_entry FROM articles a "
        "JOIN article_sources s ON s.article_id = a.id"
    )
    rows += query("SELECT title, parse_warning FROM feeds")
    checked = 0
    for row in rows:
        for column, value in row.items():
            if value is None:
                continue
            value = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            assert strip_control_chars(value) == value, (column, value[:120])
            checked += 1
    assert checked >= 12
    assert any("harbour authority" in (row.get("text") or "") for row in rows)


def _feed_row(url: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "url": url,
        "tags": "[]",
        "failures_in_row": 0,
        "disabled": False,
        "quarantined": False,
        "created_at": now,
        "extra": "{}",
    }


def _article_row(feed_id: int, entry_key: str | None, text_value: str | None = "body") -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "feed_id": feed_id,
        "entry_key": entry_key,
        "authors": "[]",
        "fetched_at": now,
        "updated_at": now,
        "categories": "[]",
        "status": "ok",
        "text": text_value,
        "content_hash": "h",
        "topics": "[]",
    }


def _insert(connection: Any, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    values = ", ".join(f":{name}" for name in row)
    connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)


@pytest.mark.parametrize(
    ("table", "make_row", "problem"),
    [
        ("feeds", lambda ids: _feed_row("http://127.0.0.1/one.xml"), "duplicate feed URL"),
        ("feeds", lambda ids: _feed_row(None), "feed without a URL"),  # type: ignore[arg-type]
        ("articles", lambda ids: _article_row(ids["feed"], "guid:one"), "duplicate entry of a feed"),
        ("articles", lambda ids: _article_row(ids["feed"], None), "article without an entry key"),
        ("articles", lambda ids: _article_row(ids["feed"], "guid:two", None), "article without text"),
        ("articles", lambda ids: _article_row(ids["feed"] + 1000, "guid:three"), "article of no feed"),
        ("entities", lambda ids: {"name": "NATO", "label": "ORG", "aliases": "[]"}, "duplicate entity"),
        (
            "article_topics",
            lambda ids: {"article_id": ids["article"], "topic": "Geopolitics", "score": 0.5, "rank": 2},
            "duplicate topic of an article",
        ),
    ],
)
def test_database_constraints_back_the_application(store_url: str, table: str, make_row: Any, problem: str) -> None:
    from newsflow.resources.db import get_engine

    engine = get_engine(store_url)
    with engine.begin() as connection:
        _insert(connection, "feeds", _feed_row("http://127.0.0.1/one.xml"))
        feed_id = connection.execute(text("SELECT id FROM feeds")).scalar_one()
        _insert(connection, "articles", _article_row(feed_id, "guid:one"))
        article_id = connection.execute(text("SELECT id FROM articles")).scalar_one()
        _insert(connection, "entities", {"name": "NATO", "label": "ORG", "aliases": "[]"})
        _insert(
            connection, "article_topics", {"article_id": article_id, "topic": "Geopolitics", "score": 0.9, "rank": 1}
        )
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert(connection, table, make_row({"feed": feed_id, "article": article_id}))
    counts = {name: query(f"SELECT COUNT(*) AS n FROM {name}")[0]["n"] for name in ("feeds", "articles", "entities")}
    assert counts == {"feeds": 1, "articles": 1, "entities": 1}, problem


def test_values_too_long_for_an_index_do_not_fail_the_commit(store_url: str) -> None:
    """A 6 KB link, entity name and redirect target: PostgreSQL's B-tree limit (2,704 bytes) must not bite."""
    import random
    import string

    from newsflow.parse import parse_feed
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.records import Enrichment, EntityMention, FeedFetchOutcome, TopicResult
    from newsflow.store.ingest import commit_feed, plan_entries, resolve_feeds

    noise = "".join(random.Random(7).choice(string.ascii_letters) for _ in range(6000))  # incompressible
    (feed,) = resolve_feeds(["http://127.0.0.1:9/feed.xml"], all_due=False)
    body = rss(
        [
            rss_item(title="Long link", link=f"http://127.0.0.1:9/{noise}", description="A link of 6,000 characters."),
            rss_item(title="Short link", link="http://127.0.0.1:9/short", description="An ordinary entry."),
        ]
    )
    parsed = parse_feed(body, url=feed.url)
    outcome = FeedFetchOutcome(
        feed=feed,
        status="fetched",
        started_at=datetime.now(UTC),
        parsed=parsed,
        permanent_redirect_url=f"http://127.0.0.1:9/moved/{noise}",
    )
    plan = plan_entries(outcome)
    long_name = EntityMention(text=noise, label="ORG", start=0, end=len(noise), canonical=noise)
    short_name = EntityMention(text="Port Ellis", label="GPE", start=0, end=10, canonical="Port Ellis")
    records = [
        record.model_copy(update={"enrichment": Enrichment(topics=TopicResult(), entities=[long_name, short_name])})
        for record in assemble_articles(feed.id, plan.todo, [])
    ]

    report = commit_feed(outcome, records, plan)

    assert report.articles_new == 2
    stored = {row["title"]: row for row in query("SELECT title, url, canonical_url FROM articles")}
    assert stored["Long link"]["url"].endswith(noise) and stored["Long link"]["canonical_url"] is None
    assert stored["Short link"]["canonical_url"] == "http://127.0.0.1:9/short"
    assert [row["name"] for row in query("SELECT name FROM entities")] == ["Port Ellis"]
    assert [row["url"] for row in query("SELECT url FROM feeds")] == [feed.url]  # the move was not followed
