"""Crash safety: a ``newsflow ingest`` killed with SIGKILL part-way loses nothing and duplicates nothing.

Each feed's articles and its validators (ETag, Last-Modified) are committed in one transaction. The subprocess
test kills a real run as soon as its first feed is committed, checks that no feed's ETag got ahead of its
stored entries, then runs again and checks every article is present exactly once. The in-process tests make a
feed's commit fail half-way (a database trigger refuses one article, on SQLite and PostgreSQL) and check that
nothing of that feed, and none of its validators, was kept.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.reliability.support import (
    REPO,
    LoopbackSite,
    cli_env,
    news_site,
    newsflow_cmd,
    prefect_api_url,
    query,
    run_cli,
)

FEEDS = 8
ENTRIES = 20


def _snapshot(database: Path) -> dict[str, tuple[str | None, int]]:
    """``{feed url: (etag, stored articles)}`` read straight from the SQLite file (read-only)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT f.url, f.etag, COUNT(a.id) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id"
        ).fetchall()
    return {url: (etag, count) for url, etag, count in rows}


def _stored_articles(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.prefect
@pytest.mark.slow
def test_kill_9_part_way_then_rerun_stores_every_article_once(prefect_api: None, sqlite_store: str) -> None:
    database = Path(sqlite_store.removeprefix("sqlite:///"))
    env = cli_env(sqlite_store, prefect_api_url(), NEWSFLOW_PER_HOST_CONCURRENCY="8")
    with LoopbackSite() as site:
        catalogue = news_site(site, feeds=FEEDS, entries=ENTRIES)
        total = FEEDS * ENTRIES
        args = ["ingest", "--json", *[part for url in catalogue for part in ("--feed", url)]]

        victim = subprocess.Popen(
            newsflow_cmd(*args), env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            deadline = time.monotonic() + 300
            while victim.poll() is None and time.monotonic() < deadline and _stored_articles(database) == 0:
                time.sleep(0.005)
            assert victim.poll() is None, "the run ended before any feed was committed; nothing to kill"
            os.kill(victim.pid, signal.SIGKILL)
        finally:
            if victim.poll() is None:
                victim.kill()
            victim.communicate(timeout=60)
        assert victim.returncode == -signal.SIGKILL

        at_kill = _snapshot(database)
        stored_at_kill = sum(count for _, count in at_kill.values())
        assert 0 < stored_at_kill < total, "the kill should land between the first and the last feed's commit"
        for url, (etag, count) in at_kill.items():
            # A feed's validators only ever move together with all of its entries.
            assert (etag is not None) == (count == ENTRIES), (url, etag, count)
            assert count in (0, ENTRIES), (url, count)

        rerun = run_cli(args, env)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        summary = json.loads(rerun.stdout)
        assert summary["feeds"] == FEEDS and summary["feeds_failed"] == 0, summary
        assert summary["articles_new"] == total - stored_at_kill

    rows = query(
        "SELECT f.url AS feed, a.guid AS guid, f.etag AS etag FROM articles a JOIN feeds f ON f.id = a.feed_id"
    )
    assert len(rows) == total
    stored = {(row["feed"], row["guid"]) for row in rows}
    assert stored == {(url, guid) for url, guids in catalogue.items() for guid in guids}
    assert all(row["etag"] for row in rows)


@pytest.fixture
def poisoned_store(store_url: str) -> str:
    """The store with a trigger that refuses any article titled 'poison', on SQLite and PostgreSQL."""
    from sqlalchemy import text

    from newsflow.resources.db import get_engine

    with get_engine(store_url).begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_poison BEFORE INSERT ON articles WHEN NEW.title = 'poison' "
                    "BEGIN SELECT RAISE(ABORT, 'poisoned article'); END"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN "
                    "IF NEW.title = 'poison' THEN RAISE EXCEPTION 'poisoned article'; END IF; RETURN NEW; "
                    "END $$ LANGUAGE plpgsql"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_poison BEFORE INSERT ON articles "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_poison()"
                )
            )
    return store_url


def test_a_commit_that_fails_half_way_keeps_nothing_of_the_feed(poisoned_store: str) -> None:
    """Articles before the failing one, and the feed's new validators, are rolled back with it."""
    from newsflow.parse import parse_feed
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.records import FeedFetchOutcome, ParsedFeed
    from newsflow.store.ingest import commit_feed, plan_entries, resolve_feeds
    from tests.reliability.support import rss, rss_item

    (feed,) = resolve_feeds(["http://127.0.0.1:9/feed.xml"], all_due=False)
    titles = ["first", "second", "poison", "fourth"]
    body = rss([rss_item(title=t, guid=t, description=f"The {t} article.") for t in titles])
    parsed: ParsedFeed = parse_feed(body, url=feed.url)
    outcome = FeedFetchOutcome(
        feed=feed,
        status="fetched",
        started_at=datetime.now(UTC),
        http_status=200,
        parsed=parsed,
        etag='"new-etag"',
        last_modified="Sat, 28 Nov 2026 10:00:00 GMT",
    )
    plan = plan_entries(outcome)
    records = assemble_articles(feed.id, plan.todo, [])
    with pytest.raises(Exception, match="poisoned article"):
        commit_feed(outcome, records, plan)

    assert query("SELECT COUNT(*) AS n FROM articles")[0]["n"] == 0
    (row,) = query("SELECT etag, last_modified, last_status FROM feeds")
    assert (row["etag"], row["last_modified"], row["last_status"]) == (None, None, None)

    # Without the poisoned entry the same feed commits whole, validators included.
    clean = [record for record in records if record.entry.title != "poison"]
    commit_feed(outcome, clean, plan)
    assert query("SELECT COUNT(*) AS n FROM articles")[0]["n"] == 3
    assert query("SELECT etag FROM feeds")[0]["etag"] == '"new-etag"'


def test_entries_past_the_per_run_limit_are_stored_by_later_runs_despite_304s(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server answers If-None-Match with 304; the ETag is only kept once every entry is stored."""
    from tests.reliability.support import Reply, ingest_env, rss, rss_item
    from tests.support.ingest_steps import ingest_steps

    ingest_env(monkeypatch, max_pages_per_feed=50)
    etag = '"all-120"'
    body = rss([rss_item(title=f"Entry {n}", guid=f"e{n}", description=f"Entry number {n}.") for n in range(120)])

    def reply(headers: Mapping[str, str]) -> Reply:
        if headers.get("if-none-match") == etag:
            return Reply(304, {"ETag": etag})
        return Reply(200, {"Content-Type": "application/rss+xml", "ETag": etag}, body)

    with LoopbackSite() as site:
        url = site.add("/big.xml", reply)
        progress = []
        for _ in range(4):
            errors, _ = ingest_steps([url], enrich=False)
            assert errors == {}
            row = query(
                "SELECT f.etag AS etag, COUNT(a.id) AS n FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id "
                "GROUP BY f.id"
            )[0]
            progress.append((row["n"], row["etag"]))
    assert progress == [(50, None), (100, None), (120, etag), (120, etag)]
    assert query("SELECT status FROM fetch_attempts ORDER BY id DESC LIMIT 1")[0]["status"] == "not_modified"
