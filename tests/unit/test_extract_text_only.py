"""``extract_text``, what ``newsflow analyze`` runs, gives the title and text ``extract_article`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.extract import extract_article, extract_text

PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "pages"
READABILITY = PAGES / "mozilla_readability" / "test" / "test-pages"
# news pages that take each path of the extractor: a precision core alone, a thin core widened by balanced mode
# (cnn, wapo-1), JSON-LD bodies (nytimes-3), a standfirst (bbc-1), a paywall status (nytimes-5), non-Latin script
READABILITY_NEWS = ("cnn", "wapo-1", "nytimes-3", "nytimes-5", "bbc-1", "guardian-1", "yahoo-2", "qq", "folha")

CLOUDFLARE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>
<div class="main-wrapper"><h1>www.example-news.com</h1>
<h2>Checking if the site connection is secure</h2>
<p>www.example-news.com needs to review the security of your connection before proceeding.</p>
<div id="challenge-stage"></div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>
</div><footer>Ray ID: 7d1f2a3b4c5d6e7f</footer></body></html>"""


@pytest.mark.shared
@pytest.mark.skipif(not READABILITY.exists(), reason="../shared/data/pages is absent")
@pytest.mark.parametrize("name", READABILITY_NEWS)
def test_same_title_and_text_as_the_full_extraction(name: str) -> None:
    html = (READABILITY / name / "source.html").read_text(encoding="utf-8")
    url = "http://fakehost/test/page.html"
    article = extract_article(html, url=url)
    assert article.text, name
    assert extract_text(html, url=url) == (article.title, article.text)


def test_a_challenge_page_gives_no_text() -> None:
    assert extract_article(CLOUDFLARE, url="https://www.example-news.com/a/1").status == "blocked"
    assert extract_text(CLOUDFLARE, url="https://www.example-news.com/a/1") == ("Just a moment...", "")


def test_nothing_to_read_gives_empty_text() -> None:
    assert extract_text("") == (None, "")
    assert extract_text("<html><body></body></html>")[1] == ""
