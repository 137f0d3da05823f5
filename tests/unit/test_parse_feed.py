"""Feed parsing on real feeds and on hand-written edge cases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsflow.errors import EmptyDocument, NotAFeed, UnsafeDocument
from newsflow.parse import parse_feed
from tests.conftest import shared_path

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T &amp; <b>Co</b></title><link>https://news.example/</link>
<item><title>One</title><link>/a/1?utm_source=x</link><guid isPermaLink="false">g1</guid>
<pubDate>Thu, 03 Apr 2025 14:20:00 GMT</pubDate><description>&lt;p&gt;Hi&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://news.example/a/2</link><pubDate>Thu, 03 Apr 2125 14:20:00 GMT</pubDate></item>
<item><description>no link, no guid, no title</description></item>
</channel></rss>"""


def test_rss_entries_with_identity_and_dates() -> None:
    feed = parse_feed(RSS, url="https://news.example/feed", headers={"Content-Type": "application/rss+xml"})
    assert feed.title == "T & Co" and feed.site_url == "https://news.example/" and feed.format == "rss20"
    first, second, third = feed.entries
    assert first.entry_key == "guid:g1"
    assert first.url == "https://news.example/a/1?utm_source=x"
    assert first.canonical_url == "https://news.example/a/1"
    assert first.published_at == datetime(2025, 4, 3, 14, 20, tzinfo=UTC)
    assert second.entry_key == "url:https://news.example/a/2"
    assert second.published_at is None  # a century ahead is not a publication date
    assert third.entry_key.startswith("hash:") and third.title is None
    assert feed.warning is None


def test_not_a_feed_and_empty_have_codes() -> None:
    with pytest.raises(NotAFeed) as html:
        parse_feed(b"<!doctype html><html><body><p>Hello</p></body></html>", url="https://e.x/")
    assert html.value.code == "parse.not_a_feed" and "https://e.x/" in str(html.value)
    with pytest.raises(NotAFeed):
        parse_feed(bytes(range(256)) * 8, url="https://e.x/bin")
    with pytest.raises(EmptyDocument) as empty:
        parse_feed(b"  \n", url="https://e.x/empty")
    assert empty.value.code == "parse.empty"


def test_entity_tricks_are_refused_but_plain_entities_allowed() -> None:
    laughs = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>
<rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>"""
    with pytest.raises(UnsafeDocument) as expansion:
        parse_feed(laughs, url="https://e.x/laughs")
    assert expansion.value.code == "parse.unsafe_xml"
    xxe = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>"""
    with pytest.raises(UnsafeDocument):
        parse_feed(xxe, url="https://e.x/xxe")
    plain = shared_path("data", "feeds", "feedparser", "wellformed", "rss", "entity_in_doctype.xml").read_bytes()
    assert parse_feed(plain, url="https://e.x/").entries[0].guid == "tag:example.com,2006-05-04:/blog/"


def test_ill_formed_feed_with_entries_is_kept_with_a_warning() -> None:
    body = b"""<rss version="2.0"><channel><title>Broken</title>
<item><title>Still here &nbsp; ok</title><link>https://e.x/1</link></item></channel>"""
    feed = parse_feed(body, url="https://e.x/", headers={"content-type": "application/rss+xml"})
    assert [e.url for e in feed.entries] == ["https://e.x/1"]
    assert feed.warning and feed.warning.startswith("ill-formed")


def test_seed_feed() -> None:
    text = shared_path("seed", "site", "feed.xml.tmpl").read_text().replace("{{BASE_URL}}", "http://127.0.0.1:1")
    feed = parse_feed(text.encode(), url="http://127.0.0.1:1/feed.xml", headers={"content-type": "application/rss+xml"})
    (entry,) = feed.entries
    assert entry.entry_key == "guid:atlantic-desk-2025-04-03-nato"
    assert entry.canonical_url == "http://127.0.0.1:1/articles/nato-defense-commitments.html"
    assert entry.authors == ["Atlantic Desk staff"]
    assert entry.summary_html and "Marco Rubio" in entry.summary_html


def test_real_feeds_parse_or_fail_with_a_code() -> None:
    root = shared_path("data", "feeds", "real")
    files = [p for p in root.rglob("*") if p.suffix in (".xml", ".rss", ".atom")]
    assert len(files) > 100
    entries = 0
    for path in files:
        try:
            entries += len(parse_feed(path.read_bytes(), url="https://feeds.example/f").entries)
        except NotAFeed as exc:
            assert exc.code == "parse.not_a_feed"
    assert entries > 1000


def test_entry_times_keep_the_offset_the_feed_wrote_them_with() -> None:
    path = shared_path("data", "feeds", "real", "rss-parser", "test", "input", "pagination-links.rss")
    (entry,) = parse_feed(path.read_bytes(), url="http://127.0.0.1/feed").entries
    assert entry.published_at is not None
    # Sydney's evening of the 21st, not UTC's morning: the day a reader there saw on the page
    assert entry.published_at.isoformat() == "2021-01-21T18:58:00+11:00"
    assert entry.published_at == datetime(2021, 1, 21, 7, 58, tzinfo=UTC)
