"""Hostile feeds in one ingest run: every one ends with its own error code, the good feeds are unaffected.

One loopback site serves the well-formed-HTTP cases (statuses, Retry-After, redirect loops and chains, HTML,
binary, empty, over the cap, a gzip bomb, entity expansion and XXE); raw sockets serve what no HTTP library
would send (headers that never come, a body that trickles, a body shorter than its Content-Length, an
unbounded body without one). Beside them, the seed site and a feed of awkward but legitimate entries must
be stored, and stored cleanly: pages in Latin-1, undeclared windows-1252 and Shift_JIS; pages that stall,
explode or are not pages (the article falls back to the feed's text); dates in the future or unparsable; a
shared guid; entries with nothing to identify them; control characters; thousands of entries.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from newsflow.textutil import strip_control_chars
from tests.reliability.support import (
    LoopbackSite,
    Reply,
    article_counts,
    article_page,
    feeds_by_url,
    ingest_env,
    query,
    rss,
    rss_item,
)
from tests.unit.test_http_support import gzip_of_zeros, raw_server

CAP = 1 << 20  # NEWSFLOW_MAX_BODY_BYTES for this run
PER_RUN_LIMIT = 40  # NEWSFLOW_MAX_PAGES_PER_FEED for this run
THOUSANDS = 3000
SEED_START = "Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte"
RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
PARAGRAPHS = [
    "The harbour authority confirmed on Tuesday that the northern quay will reopen after eighteen months of "
    "repairs, ending a dispute between the city council and the shipping companies that use it every week.",
    "Engineers replaced more than four hundred metres of timber piles and strengthened the sea wall, which had "
    "been undermined by two winters of storms, according to the report published by the authority this morning.",
    "Local fishermen said the closure had cost them thousands in extra fuel, because they had to land their "
    "catch at the southern docks and drive it back through the old town to the market halls every morning.",
]


@dataclass
class Hostile:
    """The hostile site's feed URLs, the code each must end with, and the secret an XXE would leak."""

    expected: dict[str, str]
    secret: str
    good_feed: str
    thousands_feed: str


def _feed_with_entities(doctype: str, reference: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel><title>entities</title>'
        f"<item><title>{reference}</title><guid>e1</guid><description>{reference}</description></item>"
        "</channel></rss>"
    ).encode()


def _billion_laughs() -> bytes:
    """lol9 expands to 10**9 "lol"s: each level is ten of the one below."""
    lines = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    return _feed_with_entities("<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>", "&lol9;")


def _quadratic_blowup() -> bytes:
    doctype = f'<!DOCTYPE rss [\n<!ENTITY big "{"B" * 20_000}">\n]>'
    return _feed_with_entities(doctype, "&big;" * 20_000)


HOSTILE_PAGES = {  # guid: the page's error code; the article falls back to the feed's own text
    "page-stalls": "fetch.timeout",
    "page-bomb": "fetch.too_large",
    "page-image": "fetch.not_html",
    "page-500": "fetch.http_500",
}


def _good_entries(site: LoopbackSite, secret_file: Path, stall_base: str) -> bytes:
    """A feed of awkward but legitimate entries, and the pages they link to."""
    latin1 = article_page("Café society in Zürich", [*PARAGRAPHS, "Herr Müller äußerte sich zufrieden."])
    site.add(
        "/pages/latin1.html", Reply(200, {"Content-Type": "text/html; charset=iso-8859-1"}, latin1.encode("latin-1"))
    )
    cp1252 = article_page("Quotes and euros", [*PARAGRAPHS, "The mayor called it a “fair price” of 40 € per tonne."])
    site.add("/pages/cp1252.html", Reply(200, {"Content-Type": "text/html"}, cp1252.encode("windows-1252")))
    japanese = ["東京都の港湾局は火曜日、北側の岸壁が十八か月の修理を経て再開すると発表した。" * 3] * 3
    sjis = article_page("港湾の再開", japanese, charset_meta="shift_jis")
    site.add("/pages/sjis.html", Reply(200, {"Content-Type": "text/html"}, sjis.encode("shift_jis")))
    site.add("/pages/ok.html", Reply(200, HTML_TYPE, article_page("Quay reopens", PARAGRAPHS).encode()))
    xxe_page = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY leak SYSTEM "file://{secret_file}">\n]>\n'
        + article_page("Entity page", [*PARAGRAPHS, "Here: &leak; end."]).replace("<!DOCTYPE html>", "")
    )
    site.add("/pages/xxe.html", Reply(200, {"Content-Type": "application/xhtml+xml"}, xxe_page.encode()))
    site.add("/pages/bomb.html", Reply(200, {**HTML_TYPE, "Content-Encoding": "gzip"}, gzip_of_zeros(64)))
    site.add("/pages/image.html", Reply(200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(4096)))
    site.add("/pages/500.html", Reply(500, {"Content-Type": "text/plain"}, b"boom"))
    page_links = {
        "page-stalls": stall_base + "/page.html",
        "page-bomb": site.url("/pages/bomb.html"),
        "page-image": site.url("/pages/image.html"),
        "page-500": site.url("/pages/500.html"),
    }
    future = format_datetime(datetime.now(UTC) + timedelta(days=400), usegmt=True)
    items = [
        *(
            rss_item(title=f"Hostile page {guid}", link=link, guid=guid, description=f"Feed text of {guid}.")
            for guid, link in page_links.items()
        ),
        rss_item(title="Café society", link=site.url("/pages/latin1.html"), guid="latin1"),
        rss_item(title="Quotes and euros", link=site.url("/pages/cp1252.html"), guid="cp1252"),
        rss_item(title="港湾の再開", link=site.url("/pages/sjis.html"), guid="sjis"),
        rss_item(title="Entity page", link=site.url("/pages/xxe.html"), guid="xxe-page"),
        rss_item(
            title="From the future",
            link=site.url("/pages/ok.html?f"),
            guid="future",
            pub_date=future,
            description="A date far ahead.",
        ),
        rss_item(
            title="Unparsable date",
            guid="baddate",
            pub_date="Someday, 45 Smarch 20x5 25:61",
            description="The date makes no sense.",
        ),
        rss_item(title="First of a shared guid", guid="shared", description="first"),
        rss_item(title="Second of a shared guid", guid="shared", description="second"),
        rss_item(title="Third of a shared guid", guid="shared", description="third"),
        rss_item(description="No link, no guid and no title, only this description of the harbour works."),
        "<item></item>",
        rss_item(
            title="Bell\x07 and escape\x1b[31m red",
            guid="control",
            description="Form\x0cfeed and \x7f delete and \x1f unit separator",
        ),
    ]
    return rss(items, title="Awkward entries")


def _stall(conn: socket.socket, stop: threading.Event) -> None:
    stop.wait(30)  # the request was read; the headers never come


def _trickle(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<rss>")
    while not stop.wait(0.2):
        conn.sendall(b" ")


def _truncated(conn: socket.socket, stop: threading.Event) -> None:
    body = rss([rss_item(title="cut", guid="cut")])
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n" % (len(body) + 5000)
    )
    conn.sendall(body[: len(body) // 2])


def _endless(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss><channel>")
    chunk = b"<item><title>more</title></item>" * 2048
    sent = 0
    while sent < 4 * CAP and not stop.is_set():
        conn.sendall(chunk)
        sent += len(chunk)


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Hostile]:
    secret = f"SECRET-{time.time_ns()}-DO-NOT-STORE"
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(secret + "\n", encoding="utf-8")
    with (
        LoopbackSite() as site,
        raw_server(_stall) as stall,
        raw_server(_trickle) as trickle,
        raw_server(_truncated) as truncated,
        raw_server(_endless) as endless,
    ):
        expected: dict[str, str] = {}

        def add(path: str, code: str, reply: Reply) -> None:
            expected[site.add(path, reply)] = code

        add("/h/500", "fetch.http_500", Reply(500, {"Content-Type": "text/plain"}, b"boom"))
        add("/h/503", "fetch.http_503", Reply(503, {"Content-Type": "text/plain"}, b"busy"))
        add("/h/404", "fetch.http_404", Reply(404, {"Content-Type": "text/plain"}, b"gone?"))
        add("/h/410", "fetch.http_410", Reply(410, {"Content-Type": "text/plain"}, b"gone"))
        add("/h/429-seconds", "fetch.rate_limited", Reply(429, {"Retry-After": "7200"}, b""))
        later = format_datetime(datetime.now(UTC) + timedelta(hours=3), usegmt=True)
        add("/h/429-date", "fetch.rate_limited", Reply(429, {"Retry-After": later}, b""))
        add("/h/loop-a", "fetch.too_many_redirects", Reply(302, {"Location": "/h/loop-b"}))
        site.add("/h/loop-b", Reply(301, {"Location": "/h/loop-a"}))
        add("/h/chain/0", "fetch.too_many_redirects", Reply(302, {"Location": "/h/chain/1"}))
        for hop in range(1, 12):
            site.add(f"/h/chain/{hop}", Reply(307, {"Location": f"/h/chain/{hop + 1}"}))
        add("/h/html", "parse.not_a_feed", Reply(200, HTML_TYPE, article_page("Not a feed", PARAGRAPHS).encode()))
        binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
        add("/h/binary", "parse.not_a_feed", Reply(200, RSS_TYPE, binary))
        add("/h/empty", "parse.empty", Reply(200, RSS_TYPE, b""))
        big = rss([rss_item(title="x" * 1000, guid=str(n)) for n in range(1200)])
        assert len(big) > CAP
        add("/h/too-large", "fetch.too_large", Reply(200, RSS_TYPE, big))
        bomb_headers = {**RSS_TYPE, "Content-Encoding": "gzip"}
        add("/h/gzip-bomb", "fetch.too_large", Reply(200, bomb_headers, gzip_of_zeros(64)))
        add("/h/billion-laughs", "parse.unsafe_xml", Reply(200, RSS_TYPE, _billion_laughs()))
        add("/h/quadratic", "parse.unsafe_xml", Reply(200, RSS_TYPE, _quadratic_blowup()))
        xxe = _feed_with_entities(f'<!DOCTYPE rss [\n<!ENTITY leak SYSTEM "file://{secret_file}">\n]>', "&leak;")
        add("/h/xxe", "parse.unsafe_xml", Reply(200, RSS_TYPE, xxe))
        expected[stall + "/stall.xml"] = "fetch.timeout"
        expected[trickle + "/trickle.xml"] = "fetch.timeout"
        expected[truncated + "/truncated.xml"] = "fetch.truncated"
        expected[endless + "/endless.xml"] = "fetch.too_large"

        # Not refused, but must not leak either: a parameter entity pulling in the file.
        site.add(
            "/h/xxe-parameter",
            Reply(
                200,
                RSS_TYPE,
                _feed_with_entities(
                    f'<!DOCTYPE rss [\n<!ENTITY % leak SYSTEM "file://{secret_file}">\n%leak;\n]>', "inline"
                ),
            ),
        )
        good_url = site.add("/ok/entries.xml", Reply(200, RSS_TYPE, _good_entries(site, secret_file, stall)))
        many = rss(
            [rss_item(title=f"Entry {n}", guid=f"entry-{n}", description=f"Number {n}.") for n in range(THOUSANDS)]
        )
        thousands_url = site.add("/ok/thousands.xml", Reply(200, {**RSS_TYPE, "ETag": '"thousands-v1"'}, many))
        yield Hostile(expected=expected, secret=secret, good_feed=good_url, thousands_feed=thousands_url)


def _articles_of(feed_url: str) -> list[dict[str, Any]]:
    return query(
        "SELECT a.*, s.raw_html AS raw_html, s.page_error_code AS page_error_code FROM articles a "
        "JOIN feeds f ON f.id = a.feed_id "
        "LEFT JOIN article_sources s ON s.article_id = a.id WHERE f.url = :url ORDER BY a.id",
        url=feed_url,
    )


@pytest.mark.prefect
@pytest.mark.slow
def test_hostile_feeds_fail_with_their_codes_and_leave_the_rest_alone(
    prefect_api: None, sqlite_store: str, seed_site: str, hostile: Hostile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest import ingest_flow

    ingest_env(
        monkeypatch,
        connect_timeout=1,
        read_timeout=1,
        total_timeout=3,
        max_body_bytes=CAP,
        max_pages_per_feed=PER_RUN_LIMIT,
    )
    seed_feed = f"{seed_site}/feed.xml"
    started = datetime.now(UTC)
    feed_urls = [seed_feed, hostile.good_feed, hostile.thousands_feed, *hostile.expected]
    parameter_xxe = hostile.good_feed.replace("/ok/entries.xml", "/h/xxe-parameter")
    summary = ingest_flow(feed_urls=[*feed_urls, parameter_xxe])

    # The run completed, and each hostile feed failed with its own code, in the summary and in the store.
    got = {error["feed"]: error["code"] for error in summary["errors"]}
    assert got == hostile.expected
    assert summary["feeds"] == len(feed_urls) + 1
    assert summary["feeds_failed"] == len(hostile.expected)
    feeds = feeds_by_url()
    for url, code in hostile.expected.items():
        row = feeds[url]
        assert (row["last_status"], row["last_error_code"], row["failures_in_row"]) == ("failed", code, 1), url
        assert row["etag"] is None
        assert bool(row["disabled"]) == (code == "fetch.http_410"), url
    for url in (seed_feed, hostile.good_feed, hostile.thousands_feed, parameter_xxe):
        assert (feeds[url]["last_status"], feeds[url]["failures_in_row"]) == ("fetched", 0), url

    # Retry-After, in seconds or as a date, holds the feed back at least that long.
    seconds_due = feeds[next(u for u in hostile.expected if u.endswith("/h/429-seconds"))]["next_due_at"]
    date_due = feeds[next(u for u in hostile.expected if u.endswith("/h/429-date"))]["next_due_at"]
    assert _utc(seconds_due) >= started + timedelta(seconds=7200)
    assert _utc(date_due) >= started + timedelta(hours=3) - timedelta(seconds=5)

    # The good feeds are unaffected.
    stored = article_counts()
    assert stored[seed_feed] == 1
    (seed_article,) = _articles_of(seed_feed)
    assert seed_article["text"].startswith(SEED_START)

    # Thousands of entries: the per-run limit stored, the rest deferred, so the validators did not advance.
    assert stored[hostile.thousands_feed] == PER_RUN_LIMIT
    assert feeds[hostile.thousands_feed]["etag"] is None

    # Awkward entries are stored, decoded and clean.
    articles = {row["guid"] or row["entry_key"]: row for row in _articles_of(hostile.good_feed)}
    assert {"latin1", "cp1252", "sjis", "xxe-page", "future", "baddate", "shared", "control"} <= set(articles), [
        (key, row["title"]) for key, row in articles.items()
    ]
    assert "Herr Müller äußerte sich zufrieden." in articles["latin1"]["text"]
    assert "“fair price” of 40 €" in articles["cp1252"]["text"]
    assert "東京都の港湾局" in articles["sjis"]["text"]
    assert articles["future"]["published_at"] is None or _utc(articles["future"]["published_at"]) < started + timedelta(
        days=2
    )
    assert articles["baddate"]["published_at"] is None
    shared = [row for row in articles.values() if row["guid"] == "shared"]
    assert [row["title"] for row in shared] == ["First of a shared guid"]
    anonymous = [row for row in articles.values() if row["entry_key"].startswith("hash:")]
    assert any("only this description" in row["text"] for row in anonymous)
    assert articles["control"]["title"] == "Bell and escape[31m red"
    assert articles["xxe-page"]["status"] in ("ok", "feed_only")
    for guid, code in HOSTILE_PAGES.items():
        assert (articles[guid]["page_error_code"], articles[guid]["text"]) == (code, f"Feed text of {guid}."), guid
    for row in articles.values():
        for column in ("title", "text", "url", "canonical_url"):
            value = row[column]
            assert value is None or strip_control_chars(value) == value, (column, value)

    # Nothing leaked: the secret file's contents are nowhere in the store.
    from newsflow.resources.db import dispose_engines

    dispose_engines()
    database = Path(sqlite_store.removeprefix("sqlite:///"))
    stored_bytes = b"".join(
        path.read_bytes() for path in (database, database.with_name(database.name + "-wal")) if path.exists()
    )
    assert "Herr Müller äußerte".encode() in stored_bytes  # the scan does see stored text
    assert hostile.secret.encode() not in stored_bytes


def _utc(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
