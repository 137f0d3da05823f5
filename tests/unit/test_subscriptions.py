"""Subscription lists: OPML, YAML and TOML, and clear errors for bad ones."""

from __future__ import annotations

import pytest

from newsflow.errors import InputError
from newsflow.parse.subscriptions import parse_subscriptions, validate_feed_url

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="World"><outline text="Desk" title="Atlantic Desk" type="rss" xmlUrl="https://a.example/feed.xml"/></outline>
<outline text="Solo" type="rss" xmlUrl="https://b.example/atom"/></body></opml>"""


def test_opml_with_folders_as_tags() -> None:
    subs = parse_subscriptions(OPML, filename="subs.opml")
    assert [(s.url, s.name, s.tags) for s in subs] == [
        ("https://a.example/feed.xml", "Atlantic Desk", ["World"]),
        ("https://b.example/atom", "Solo", []),
    ]


def test_yaml_and_toml_lists() -> None:
    yaml_subs = parse_subscriptions(
        b"feeds:\n  - https://a.example/f\n  - {url: https://b.example/f, name: B, tags: [x], interval_minutes: 60}\n",
        filename="feeds.yaml",
    )
    assert [(s.url, s.name, s.tags, s.interval_minutes) for s in yaml_subs] == [
        ("https://a.example/f", None, [], None),
        ("https://b.example/f", "B", ["x"], 60),
    ]
    toml_subs = parse_subscriptions(b'[[feeds]]\nurl = "https://c.example/f"\ntags = ["t"]\n', filename="f.toml")
    assert toml_subs[0].url == "https://c.example/f" and toml_subs[0].tags == ["t"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"<opml><body>", "x.opml", "not valid OPML"),
        (b"feeds: [ftp://x]", "x.yaml", "not an absolute http(s) feed URL"),
        (b"feeds: {a: 1}", "x.yaml", "expected a list"),
        (b"feeds:\n  - {url: https://a/, interval_minutes: -1}", "x.yaml", "interval_minutes"),
        (b"feeds = [", "x.toml", "not valid TOML"),
        (b"[]", "x.json", "unknown list format"),
        (b"feeds: []", "x.yaml", "names no feeds"),
    ],
)
def test_bad_lists_name_the_file_and_the_problem(data: bytes, name: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_subscriptions(data, filename=name)
    assert name in str(error.value) and message in str(error.value)


def test_feed_url_validation() -> None:
    assert validate_feed_url(" https://e.x/feed ") == "https://e.x/feed"
    for bad in ("e.x/feed", "file:///etc/passwd", "https://", ""):
        with pytest.raises(InputError):
            validate_feed_url(bad)


def test_an_overlong_feed_url_is_refused_as_input_naming_its_source_and_length():
    from newsflow.parse.subscriptions import MAX_FEED_URL_BYTES

    longest = "https://example.org/feed?" + "a" * (MAX_FEED_URL_BYTES - 25)
    assert validate_feed_url(longest) == longest
    with pytest.raises(InputError, match=r"--feed: feed URL .* is 3025 bytes long; at most 2048"):
        validate_feed_url("https://example.org/feed?" + "a" * 3000, source="--feed")
