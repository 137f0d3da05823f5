"""The extractor on the seed article page: clean body, title once, date, section, canonical URL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsflow.extract import EXTRACTOR_VERSION, extract_article

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"
PAGE = SEED / "site" / "articles" / "nato-defense-commitments.html.tmpl"
BASE = "http://127.0.0.1:8000"
URL = f"{BASE}/articles/nato-defense-commitments.html"
TITLE = "NATO leaders discuss increased defense commitments amid global threats"

pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="../shared/seed is absent")


@pytest.fixture(scope="module")
def article():
    html = PAGE.read_text(encoding="utf-8").replace("{{BASE_URL}}", BASE)
    return extract_article(html, url=URL)


def test_body_is_the_article_and_nothing_else(article):
    assert article.status == "ok"
    assert article.text_source == "page"
    assert article.text.startswith("Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte")
    assert article.text.endswith(
        "The meeting concluded with optimism from both leaders about productive engagements moving forward."
    )
    assert len(article.text.split("\n\n")) == 7  # the page's seven paragraphs, nothing more
    lowered = article.text.lower()
    for clutter in (
        "pzt2sj", "webp", "tervakoski", "cookies", "accept all", "share on", "related stories",
        "eu ministers meet", "all rights reserved", "newsletter", "subscribe", "datalayer", "pageview",
        "geopolitics", "atlantic desk",
    ):
        assert clutter not in lowered, clutter


def test_title_once_and_not_in_body(article):
    assert article.title == TITLE
    assert TITLE not in article.text


def test_metadata(article):
    assert article.published_at is not None
    assert article.published_at.date() == date(2025, 4, 3)
    assert article.published_at.utcoffset().total_seconds() == 0
    assert article.published_source == "meta"
    assert article.section == "Geopolitics"
    assert article.canonical_url == URL
    assert article.language == "en"
    assert article.language_confidence is not None and article.language_confidence > 0.5
    assert article.extractor == f"newsflow-extract@{EXTRACTOR_VERSION}"


def test_html_is_the_body_sanitised(article):
    assert article.html is not None
    assert article.html.count("<p>") == 7
    assert "<script" not in article.html and "cookie" not in article.html.lower()
    assert "Secretary of State Marco Rubio" in article.html
