"""Feed health through real ingest runs: failures in a row, capped exponential backoff with jitter, quarantine
and its occasional retry, 301/308 moving a feed, 410 disabling it, and ``newsflow feeds list`` showing it all.

Settings for the run: a 15-minute interval, backoff capped at 30 minutes, quarantine after 4 failures in a
row, retried every 6 hours. So the delays after failures 1 to 3 are 15, 30 and 30 (capped) minutes, each
jittered down to half, and the fourth failure quarantines the feed for 6 hours.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.reliability.support import (
    LoopbackSite,
    Reply,
    cli_env,
    feeds_by_url,
    ingest_env,
    query,
    rss,
    rss_item,
    run_cli,
)

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
NOT_FOUND = Reply(404, {"Content-Type": "text/plain"}, b"no feed here")
EXPECTED_BACKOFF_MINUTES = {1: 15, 2: 30, 3: 30}


def _feed(name: str) -> Reply:
    items = [rss_item(title=f"{name} {n}", guid=f"{name}-{n}", description=f"Entry {n} of {name}.") for n in range(2)]
    return Reply(200, RSS_TYPE, rss(items, title=name))


def _utc(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _delay(row: dict[str, Any], since: datetime) -> timedelta:
    return _utc(row["next_due_at"]) - since


@pytest.mark.prefect
@pytest.mark.slow
def test_health_over_several_runs(prefect_api: None, sqlite_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import text

    from flows.ingest import ingest_flow
    from newsflow.resources.db import get_engine, session_scope
    from newsflow.store.feeds import due_feeds

    ingest_env(
        monkeypatch,
        fetch_pages=0,
        default_interval_minutes=15,
        backoff_max_hours=0.5,
        quarantine_after_failures=4,
        quarantine_retry_hours=6,
    )
    with LoopbackSite() as site:
        flaky = site.add("/flaky.xml", NOT_FOUND)
        broken = [site.add(f"/broken-{n}.xml", NOT_FOUND) for n in range(3)]
        gone = site.add("/gone.xml", Reply(410, {"Content-Type": "text/plain"}, b"gone for good"))
        moved = {}
        for status in (301, 308, 302):
            old = site.add(f"/old-{status}.xml", Reply(status, {"Location": f"/new-{status}.xml"}))
            moved[status] = (old, site.add(f"/new-{status}.xml", _feed(f"moved-{status}")))

        # Run 1: every feed once.
        before = datetime.now(UTC)
        summary = ingest_flow(feed_urls=[flaky, *broken, gone, *(old for old, _ in moved.values())])
        after = datetime.now(UTC)
        assert summary["feeds_failed"] == 5 and summary["articles_new"] == 6, summary
        feeds = feeds_by_url()

        # Backoff with jitter: the same failure count gives delays spread over the upper half of the backoff.
        delays = [_delay(feeds[url], before) for url in [flaky, *broken]]
        for delay in delays:
            assert timedelta(minutes=7.5) - (after - before) <= delay <= timedelta(minutes=15) + (after - before)
        assert len({round(delay.total_seconds(), 3) for delay in delays}) > 1

        # 410 Gone disables the feed; 301 and 308 move it; 302 does not.
        assert feeds[gone]["disabled"] and feeds[gone]["last_error_code"] == "fetch.http_410"
        for status, (old, new) in moved.items():
            permanent = status in (301, 308)
            assert (old in feeds, new in feeds) == (not permanent, permanent), status
            row = feeds[new if permanent else old]
            assert row["last_status"] == "fetched" and row["failures_in_row"] == 0
            if permanent:
                assert json.loads(row["extra"]) == {"moved_from": old}

        # Asked for by its old address again, a moved feed is fetched at the new one: no second subscription.
        hits_before = dict(site.hits)
        again = ingest_flow(feed_urls=[moved[301][0]])
        assert again["feeds"] == 1 and again["articles_new"] == 0, again
        assert moved[301][0] not in feeds_by_url()
        assert site.hits["/old-301.xml"] == hits_before["/old-301.xml"]

        # Runs 2-4: failures in a row count up, the backoff doubles and is capped, then the feed is quarantined.
        for failures in (2, 3, 4):
            started = datetime.now(UTC)
            ingest_flow(feed_urls=[flaky])
            row = feeds_by_url()[flaky]
            assert (row["failures_in_row"], row["last_error_code"]) == (failures, "fetch.http_404")
            delay = _delay(row, started)
            if failures in EXPECTED_BACKOFF_MINUTES:
                backoff = timedelta(minutes=EXPECTED_BACKOFF_MINUTES[failures])
                assert backoff / 2 <= delay <= backoff + timedelta(seconds=30), (failures, delay)
                assert not row["quarantined"]
            else:
                assert row["quarantined"]
                assert timedelta(hours=6) <= delay <= timedelta(hours=6, seconds=30)

        # A quarantined feed is left alone until its retry time, then tried again; a gone one never is.
        with session_scope() as session:
            due_now = {ref.url for ref in due_feeds(session, datetime.now(UTC))}
            due_later = {ref.url for ref in due_feeds(session, datetime.now(UTC) + timedelta(hours=6, minutes=1))}
        assert flaky not in due_now and flaky in due_later
        assert gone not in due_now and gone not in due_later

        # Due moved feeds are fetched at their new address.
        with get_engine().begin() as connection:
            connection.execute(
                text("UPDATE feeds SET next_due_at = NULL WHERE url IN (:a, :b)"),
                {"a": moved[301][1], "b": moved[308][1]},
            )
        hits_before = dict(site.hits)
        ingest_flow(all_due=True)
        for status in (301, 308):
            assert site.hits[f"/old-{status}.xml"] == hits_before[f"/old-{status}.xml"]
            assert site.hits[f"/new-{status}.xml"] == hits_before[f"/new-{status}.xml"] + 1

        # The CLI shows the health.
        listed = run_cli(["feeds", "list", "--json"], cli_env(sqlite_store, None))
        assert listed.returncode == 0, listed.stderr
        shown = {row["url"]: row for row in json.loads(listed.stdout)}
        assert shown[flaky]["quarantined"] is True and shown[flaky]["failures_in_row"] == 4
        assert shown[flaky]["last_status"] == "failed" and shown[flaky]["last_error_code"] == "fetch.http_404"
        assert _utc(shown[flaky]["next_due_at"]) > datetime.now(UTC) + timedelta(hours=5)
        assert shown[gone]["disabled"] is True and shown[gone]["last_error_code"] == "fetch.http_410"
        assert moved[301][1] in shown and moved[301][0] not in shown

        # The feed recovers: failures reset, quarantine lifted, back to the normal interval.
        site.add("/flaky.xml", _feed("flaky"))
        started = datetime.now(UTC)
        summary = ingest_flow(feed_urls=[flaky])
        row = feeds_by_url()[flaky]
        assert summary["feeds_failed"] == 0 and summary["articles_new"] == 2
        assert (row["failures_in_row"], row["quarantined"], row["last_error_code"]) == (0, False, None)
        assert timedelta(minutes=15) <= _delay(row, started) <= timedelta(minutes=15, seconds=30)

    assert (
        query(
            "SELECT COUNT(*) AS n FROM fetch_attempts WHERE feed_id = (SELECT id FROM feeds WHERE url = :u)", u=flaky
        )[0]["n"]
        == 5
    )


def test_a_moved_feed_keeps_answering_to_its_old_address(store_url: str) -> None:
    from newsflow.health import HealthPolicy
    from newsflow.records import FeedFetchOutcome, StoreCounts
    from newsflow.resources.db import session_scope
    from newsflow.store.feeds import record_outcome, subscribe

    old, new = "http://127.0.0.1:9/old.xml", "http://127.0.0.1:9/new.xml"
    with session_scope() as session:
        feed, created = subscribe(session, old)
        outcome = FeedFetchOutcome(
            feed=feed, status="not_modified", started_at=datetime.now(UTC), permanent_redirect_url=new
        )
        record_outcome(session, outcome, StoreCounts(), now=datetime.now(UTC), policy=HealthPolicy())
    with session_scope() as session:
        again, created_again = subscribe(session, old)
    assert created and not created_again
    assert (again.id, again.url) == (feed.id, new)
    assert [row["url"] for row in query("SELECT url FROM feeds")] == [new]
