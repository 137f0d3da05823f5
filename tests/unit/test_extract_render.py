"""The extracted body as plain-text paragraphs: one paragraph per block, whatever the page's source lines."""

from __future__ import annotations

from lxml import etree

from newsflow.extract import extract_article
from newsflow.extract.render import body_paragraphs


def test_source_line_breaks_inside_a_paragraph_are_spaces_and_code_keeps_its_lines():
    body = etree.fromstring(
        "<body><p>Today, <ref>the signals could not differ more</ref>. The\n    Palestinian Authority has\n"
        "    said so.</p><p>Install <code>\n  poetry\n</code> and run:</p>"
        "<code>poetry install\npoetry run pytest</code><p>One line<lb/>and the next</p>"
        "<p>Then: <code>make<lb/>make install</code></p></body>"
    )
    assert body_paragraphs(body) == [
        "Today, the signals could not differ more. The Palestinian Authority has said so.",
        "Install poetry and run:",
        "poetry install",
        "poetry run pytest",
        "One line",
        "and the next",
        "Then:",
        "make",
        "make install",
    ]


def test_a_wrapped_paragraph_with_a_link_is_one_paragraph_of_the_article():
    wrapped = (
        '<p>Today, <a href="/story">the signals could not differ more</a>. The\n'
        "                    Palestinian Authority has said that after it joins the International Criminal\n"
        "                    Court at The Hague on April 1, it will press war crimes charges.</p>"
    )
    filler = "".join(
        f"<p>Paragraph {i} of the story carries on with more detail about the court, the charges and the reaction "
        "of the governments involved.</p>"
        for i in range(4)
    )
    page = f"<html><body><article><h1>Court</h1>{filler}{wrapped}</article></body></html>"
    text = extract_article(page, url="https://news.example/a").text
    assert (
        "Today, the signals could not differ more. The Palestinian Authority has said that after it joins the "
        "International Criminal Court at The Hague on April 1, it will press war crimes charges."
    ) in text.split("\n\n")


def test_code_in_a_sentence_stays_in_its_paragraph_in_the_html_too():
    filler = "".join(
        f"<p>Paragraph {i} of the guide carries on with more detail about installing the engine on a server.</p>"
        for i in range(4)
    )
    page = (
        f"<html><body><article><h1>Install</h1>{filler}<p>Docker provides <code>.deb</code> and <code>.rpm</code>"
        " packages for Linux.</p><pre><code>apt install docker\napt update</code></pre></article></body></html>"
    )
    article = extract_article(page, url="https://docs.example/install")
    assert "Docker provides .deb and .rpm packages for Linux." in article.text.split("\n\n")
    assert article.html is not None
    assert "<p>Docker provides <code>.deb</code> and <code>.rpm</code> packages for Linux.</p>" in article.html
    assert "<pre>apt install docker\napt update</pre>" in article.html
