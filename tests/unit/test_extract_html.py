"""The stored HTML is the body sanitised by nh3: structure, links, images; no scripts, styles, handlers, frames."""

from __future__ import annotations

import re

from newsflow.extract import extract_article
from newsflow.extract.sanitize import sanitize_html

HOSTILE = """<p onclick="steal()">Hello <a href="javascript:alert(1)" onmouseover="x()">link</a>
<a href="/relative/page">relative</a></p>
<script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example/"></iframe>
<img src="/img/a.jpg" onerror="steal()" alt="A picture"><h2 style="color:red">Heading</h2>
<ul><li>one</li><li>two</li></ul><object data="x.swf"></object><form><input name="q"></form>"""

PAGE = """<!DOCTYPE html><html><head><title>Story</title></head><body><article><h1>Story</h1>
<p onclick="track()">The first paragraph of a story that is long enough to be kept as the article body by the
extractor, with <a href="/more" onclick="track()">a link</a> in it and more words after it.</p>
<script>document.write('<p>injected text</p>')</script>
<iframe src="https://ads.example/frame"></iframe>
<h2 onmouseover="x()">A section heading</h2>
<p>The second paragraph carries on the story with further detail about what happened and why it matters to
readers of the site, so that there is plenty of text to extract from this page.</p>
<ul><li>A first point worth listing in the article body.</li><li>A second point, also in the body.</li></ul>
<p>The third paragraph ends the story with a quotation from an official who spoke on condition of anonymity.</p>
</article></body></html>"""


def _assert_safe(html: str) -> None:
    lowered = html.lower()
    for tag in ("<script", "<style", "<iframe", "<object", "<form", "<input", "<embed"):
        assert tag not in lowered, tag
    assert not re.search(r"\son\w+\s*=", lowered), "event handler attribute left in"
    assert "javascript:" not in lowered
    assert "style=" not in lowered


def test_sanitize_strips_hostile_markup_and_keeps_structure():
    clean = sanitize_html(HOSTILE, base_url="https://site.example/news/story.html")
    _assert_safe(clean)
    assert "alert(1)" not in clean and "color:red" not in clean
    assert "<h2>Heading</h2>" in clean
    assert "<li>one</li>" in clean
    assert 'href="https://site.example/relative/page"' in clean
    assert 'src="https://site.example/img/a.jpg"' in clean and 'alt="A picture"' in clean


def test_extracted_article_html_is_safe_and_structured():
    article = extract_article(PAGE, url="https://site.example/story")
    assert article.html is not None
    _assert_safe(article.html)
    assert "injected text" not in article.html and "injected text" not in article.text
    assert "<h2>A section heading</h2>" in article.html
    assert "<li>A first point worth listing in the article body.</li>" in article.html
    assert '<a href="https://site.example/more"' in article.html
    assert article.html.count("<p>") == 3


def test_relative_links_resolve_against_the_page_and_its_base_element_as_browsers_do():
    page = PAGE.replace('href="/more"', 'href="guide.html"')
    article = extract_article(page, url="https://site.example/news/story.html")
    assert article.html is not None and '<a href="https://site.example/news/guide.html"' in article.html
    based = page.replace("<title>", '<base href="https://cdn.example/archive/"><title>')
    article = extract_article(based, url="https://site.example/news/story.html")
    assert article.html is not None and '<a href="https://cdn.example/archive/guide.html"' in article.html
