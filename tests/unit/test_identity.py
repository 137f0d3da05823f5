"""Canonical URLs, entry keys and hashes: what makes two entries the same article."""

from __future__ import annotations

import pytest

from newsflow.identity import canonicalize_url, content_hash, entry_hash, entry_key, is_tracking_parameter
from newsflow.records import FeedEntry


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("http://127.0.0.1:8000/a.html?utm_source=rss&utm_medium=feed", "http://127.0.0.1:8000/a.html"),
        ("HTTPS://Example.COM:443/a?b=2&a=1&fbclid=x#frag", "https://example.com/a?a=1&b=2"),
        ("http://example.com:80", "http://example.com/"),
        ("https://example.com/p?gclid=1&id=7&mc_cid=2", "https://example.com/p?id=7"),
        ("https://example.com/p?q=", "https://example.com/p?q="),
        ("  https://example.com/ a  ", "https://example.com/a"),
    ],
)
def test_canonical_url_drops_tracking_and_noise(raw: str, canonical: str) -> None:
    assert canonicalize_url(raw) == canonical


def test_relative_links_resolve_against_base_and_other_schemes_are_refused() -> None:
    assert canonicalize_url("/x?utm_campaign=y", "https://news.example/feed") == "https://news.example/x"
    assert canonicalize_url("mailto:someone@example.com") is None
    assert canonicalize_url("javascript:alert(1)") is None
    assert canonicalize_url("") is None


def test_tracking_parameters() -> None:
    assert is_tracking_parameter("UTM_Source") and is_tracking_parameter("fbclid")
    assert not is_tracking_parameter("id") and not is_tracking_parameter("page")


def test_entry_key_prefers_guid_then_url_then_content() -> None:
    assert entry_key("abc", "https://e.x/a") == "guid:abc"
    assert entry_key("  ", "https://e.x/a") == "url:https://e.x/a"
    fallback = entry_key(None, None, fallback="title\x1fsummary")
    assert fallback is not None and fallback.startswith("hash:")
    assert entry_key(None, None, fallback="title\x1fsummary") == fallback
    assert entry_key(None, None) is None
    long_key = entry_key("g" * 2000, None)
    assert long_key is not None and len(long_key) < 100 and long_key.startswith("guid-sha256:")


def test_content_hash_ignores_layout_but_not_words() -> None:
    assert content_hash("Title", "a  b\n\nc") == content_hash("Title", "a b c")
    assert content_hash("Title", "a b c") != content_hash("Title", "a b d")
    assert content_hash("Ti", "tle") != content_hash("Title", "")


def test_entry_hash_changes_when_the_feed_changes_the_entry() -> None:
    entry = FeedEntry(entry_key="guid:1", guid="1", url="https://e.x/a", title="A", summary_html="<p>x</p>")
    assert entry_hash(entry) == entry_hash(entry.model_copy())
    assert entry_hash(entry) != entry_hash(entry.model_copy(update={"title": "A (updated)"}))
