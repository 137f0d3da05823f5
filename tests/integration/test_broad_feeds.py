"""Every real and well-formed feed of ../shared/data served from loopback: each entry stored exactly once.

Page fetching is off here: these feeds link to public sites, which a test must never reach.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import func, select

from tests.conftest import shared_path
from tests.support.ingest_steps import ingest_steps
from tests.support.static_server import file_url, serve_files

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")


@pytest.fixture
def offline_pipeline(monkeypatch: pytest.MonkeyPatch, sqlite_store: str) -> str:
    from newsflow.settings import reset_settings

    monkeypatch.setenv("NEWSFLOW_FETCH_PAGES", "0")
    monkeypatch.setenv("NEWSFLOW_ENTITIES_ENABLED", "0")
    monkeypatch.setenv("NEWSFLOW_MAX_PAGES_PER_FEED", "100000")
    reset_settings()
    return sqlite_store


def _feed_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FEED_SUFFIXES)


def _stored_per_feed() -> dict[str, int]:
    from models import Article, Feed
    from newsflow.resources.db import session_scope

    with session_scope() as session:
        rows = session.exec(
            select(Feed.url, func.count(Article.id)).join(Article, isouter=True).group_by(Feed.url)  # type: ignore[arg-type]
        )
        return {url: count for url, count in rows}


def _run_pipeline(urls: list[str]) -> dict[str, int]:
    """Distinct entries per parsed feed, after running the ingest steps (what the flow's tasks call)."""
    return ingest_steps(urls)[1]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["real", "feedparser/wellformed"])
def test_every_entry_stored_once_and_again_nothing_new(offline_pipeline: str, corpus: str) -> None:
    root = shared_path("data", "feeds", *corpus.split("/"))
    files = _feed_files(root)
    assert files, f"no feed files under {root}"
    with serve_files(root) as base_url:
        urls = [file_url(base_url, root, path) for path in files]
        expected = _run_pipeline(urls)
        stored = _stored_per_feed()
        assert sum(expected.values()) > 100
        mismatched = {url: (stored.get(url), n) for url, n in expected.items() if stored.get(url) != n}
        assert not mismatched, list(mismatched.items())[:10]

        again = _run_pipeline(urls)
        assert again == expected
        assert _stored_per_feed() == stored
