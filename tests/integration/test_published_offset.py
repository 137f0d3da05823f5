"""A published (and modified) time keeps the offset the page stated: stored as the UTC instant, exported in the
publisher's own time, so its date is the day the publisher printed (an evening article in Buenos Aires is not the
next day's)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The lower house voted late on Tuesday to send the single-ballot bill back to committee for more study.",
        "Opposition deputies said the move was a manoeuvre to run out the clock before the session ends in June.",
        "The government's whip said the bill needed changes that the committee could make within a few weeks.",
    )
)
PAGE = (
    '<html><head><title>Ballot bill sent back</title>'
    '<meta property="article:published_time" content="2022-05-03T21:25:56-03:00">'
    '<meta property="article:modified_time" content="2022-05-04T08:10:00+05:30"></head>'
    f"<body><article><h1>Ballot bill sent back</h1>{BODY}</article></body></html>"
)


def test_the_stated_offset_survives_the_store_and_the_export(store_url: str) -> None:
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.records import FeedEntry, PageFetch
    from newsflow.resources.db import get_engine, session_scope
    from newsflow.resources.migrate import upgrade_store
    from newsflow.store.articles import store_articles
    from newsflow.store.export import export_articles
    from newsflow.store.feeds import subscribe

    upgrade_store(store_url)
    url = "http://127.0.0.1:1/politica/ballot"
    entry = FeedEntry(entry_key=f"url:{url}", url=url, title="Ballot bill sent back")
    page = PageFetch(entry_key=entry.entry_key, url=url, status=200, html=PAGE)
    with session_scope(store_url) as session:
        feed, _ = subscribe(session, "http://127.0.0.1:1/feed.xml")
        (record,) = assemble_articles(feed.id, [entry], [page])
        assert record.extracted.published_at is not None
        assert record.extracted.published_at.isoformat() == "2022-05-03T21:25:56-03:00"
        store_articles(session, [record], entry_hashes={}, now=datetime.now(UTC))

    with get_engine(store_url).connect() as connection:
        stored, offset, modified_offset = connection.execute(
            text("SELECT published_at, published_utc_offset, modified_utc_offset FROM articles")
        ).one()
    stored = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    stored = stored if stored.tzinfo else stored.replace(tzinfo=UTC)  # SQLite gives the UTC wall time, naive
    assert stored == datetime(2022, 5, 4, 0, 25, 56, tzinfo=UTC), "the column holds the UTC instant"
    assert offset == -180
    assert modified_offset == 330

    with session_scope(store_url) as session:
        (row,) = list(export_articles(session))
    assert row["published_at"] == "2022-05-03T21:25:56-03:00"
    assert row["modified_at"] == "2022-05-04T08:10:00+05:30"
