"""Feed HTML to clean text, and articles made from the feed alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsflow.extract import EXTRACTOR_VERSION, article_from_feed, clean_feed_html
from newsflow.records import FeedEntry

SEED_FEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "site" / "feed.xml.tmpl"

CONTENT = """<figure><img src="https://x.example/a.jpg" alt="pzt2sjfeqjjdhiq5ow7dd1dbbo1i">
<figcaption>Photo: Jane Doe/Reuters</figcaption></figure>
<p>First paragraph of the story, with <a href="https://x.example">a link</a> and <b>bold</b> words.</p>
<script>alert(1)</script><p>Second paragraph.<br>Same paragraph, next line.</p>
<ul><li>A point</li><li>Another point</li></ul>
<p>Read more: <a href="https://x.example/other">another story</a></p>
<p>The post Story title appeared first on Example News.</p>"""


def test_clean_feed_html_gives_paragraphs_without_clutter():
    text = clean_feed_html(CONTENT)
    assert text.split("\n\n") == [
        "First paragraph of the story, with a link and bold words.",
        "Second paragraph.",
        "Same paragraph, next line.",
        "A point",
        "Another point",
    ]


def test_clean_feed_html_of_plain_text_and_nothing():
    assert clean_feed_html("Just words, no markup.") == "Just words, no markup."
    assert clean_feed_html("") == ""


def test_article_from_feed_uses_content_then_summary_and_never_a_future_date():
    now = datetime.now(UTC)
    entry = FeedEntry(
        entry_key="guid:1",
        url="https://x.example/story?utm_source=rss",
        canonical_url="https://x.example/story",
        title="Story title",
        authors=["Jane Doe"],
        published_at=now + timedelta(days=2),
        updated_at=now - timedelta(hours=1),
        summary_html="<p>Short summary.</p>",
        content_html=CONTENT,
        categories=["Geopolitics", "World"],
        image_url="https://x.example/a.jpg",
    )
    article = article_from_feed(entry)
    assert article.status == "feed_only"
    assert article.text_source == "feed_content"
    assert article.text.startswith("First paragraph of the story")
    assert article.published_at is None  # in the future: refused
    assert article.modified_at == entry.updated_at and article.modified_source == "feed"
    assert article.section == "Geopolitics"
    assert article.canonical_url == "https://x.example/story"
    assert article.html is not None and "<script" not in article.html
    assert article.extractor == f"newsflow-extract@{EXTRACTOR_VERSION}"

    summary_only = article_from_feed(entry.model_copy(update={"content_html": None}))
    assert summary_only.text == "Short summary." and summary_only.text_source == "feed_summary"


@pytest.mark.skipif(not SEED_FEED.exists(), reason="../shared/seed is absent")
def test_seed_feed_description_cleans_to_text():
    import re

    xml = SEED_FEED.read_text(encoding="utf-8")
    match = re.search(r"<description>(.*?)</description>", xml.split("<item>", 1)[1], re.S)
    assert match is not None
    raw = match.group(1)
    if raw.strip().startswith("<![CDATA["):
        raw = raw.strip()[9:-3]
    else:
        import html

        raw = html.unescape(raw)
    text = clean_feed_html(raw)
    assert text.startswith("Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte")
    assert text.endswith("Rutte stated.")
    assert "<" not in text and "pzt2sj" not in text.lower()
