"""Every ill-formed, mis-encoded and real-world feed of ../shared/data/feeds, served from loopback, in one run.

feedparser's corpus files carry ``Header:`` comment lines standing for HTTP headers (a Content-type with or
without a charset that contradicts the document); they are sent as real headers. Page fetching is off: the
feeds link to real public sites, and a test must never reach them. Each feed must end ``fetched`` with every
one of its distinct entries stored (up to the per-run limit), or ``failed`` with a parse code; never an
unhandled exception, and no control characters in anything stored.

The feeds go through the same steps the ingest flow's tasks call (subscribe, conditional GET and parse, plan,
assemble, enrich, commit), one feed after another, without the engine: the flow spends about half a second of
task bookkeeping per feed, which for 257 feeds would be most of the suite's time budget. The flow itself meets
hostile feeds in ``test_hostile_feeds``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsflow.textutil import strip_control_chars
from tests.conftest import shared_path
from tests.reliability.support import (
    LoopbackSite,
    Reply,
    article_counts,
    feeds_by_url,
    ingest_env,
    query,
)
from tests.support.ingest_steps import ingest_steps

PER_RUN_LIMIT = 3
FEED_SUFFIXES = (".xml", ".rss", ".atom")
PARSE_CODES = {"parse.not_a_feed", "parse.empty", "parse.unsafe_xml"}
_HEADER_LINE = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.M)
_CONTENT_TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".xml": "application/xml",
}


def simulated_headers(body: bytes) -> dict[str, str]:
    """The ``Header: Name: value`` lines of a feedparser corpus file's leading comment."""
    comment_end = body.find(b"-->")
    head = body[: comment_end if comment_end >= 0 else 2000]
    return {name.decode("ascii"): value.decode("latin-1") for name, value in _HEADER_LINE.findall(head)}


def corpus_files() -> list[Path]:
    feeds = shared_path("data", "feeds")
    files = sorted((feeds / "feedparser" / "illformed").rglob("*.xml"))
    files += sorted((feeds / "feedparser" / "encoding").rglob("*.xml"))
    real = feeds / "real"
    files += sorted(p for p in real.rglob("*") if p.is_file() and p.suffix in FEED_SUFFIXES)
    # JSON Feed documents (the expected-output JSON files beside the XML ones are not feeds).
    files += sorted(p for p in real.rglob("*.json") if "json_feed" in p.name or p.parent.name == "jsonfeed")
    return [p for p in files if not p.name.endswith((".serde.json", ".expected.json"))]


@pytest.mark.shared
@pytest.mark.slow
def test_every_corpus_feed_is_stored_or_fails_with_a_code(sqlite_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    files = corpus_files()
    assert len(files) > 200
    ingest_env(monkeypatch, fetch_pages=0, max_pages_per_feed=PER_RUN_LIMIT)
    sources: dict[str, Path] = {}
    with LoopbackSite() as site:
        for number, path in enumerate(files):
            body = path.read_bytes()
            headers = simulated_headers(body) or {"Content-Type": _CONTENT_TYPES[path.suffix]}
            url = site.add(f"/corpus/{number}/{path.name}", Reply(200, headers, body))
            sources[url] = path
        errors, distinct = ingest_steps(list(sources))

    feeds = feeds_by_url()
    assert len(feeds) == len(files)
    stored = article_counts()
    problems = []
    for url, path in sources.items():
        feed = feeds[url]
        name = path.relative_to(path.parents[2])
        if url not in distinct:
            if feed["last_status"] != "failed" or feed["last_error_code"] not in PARSE_CODES:
                problems.append(f"{name}: {feed['last_status']} {feed['last_error_code']}")
            elif errors.get(url) != feed["last_error_code"]:
                problems.append(f"{name}: the run said {errors.get(url)}, the store says {feed['last_error_code']}")
        elif feed["last_status"] != "fetched" or stored[url] != min(distinct[url], PER_RUN_LIMIT):
            problems.append(
                f"{name}: {feed['last_status']} {feed['last_error_code']} {feed['last_error_message']}; "
                f"stored {stored[url]} of {distinct[url]} entries"
            )
    assert not problems, "\n".join(problems)
    assert len(errors) == len(files) - len(distinct)
    assert sum(stored.values()) >= 250

    for row in query("SELECT title, text, url, guid FROM articles") + query("SELECT title, url FROM feeds"):
        for column, value in row.items():
            if isinstance(value, str):
                assert strip_control_chars(value) == value, (column, value[:80])
