"""The publisher's schema.org JSON-LD: metadata with provenance, and its articleBody when the page has no body."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from lxml.html import fromstring

from newsflow.extract import extract_article
from newsflow.extract.jsonld import read_jsonld

BODY = "\n\n".join(
    f"Paragraph {i}: the minister said on Monday that the new rail line would open next spring, two years late "
    f"and over budget, after a review of the contracts." for i in range(6)
)
LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Rail Times"},
        {
            "@type": ["NewsArticle"],
            "headline": "Rail line to open next spring",
            "articleBody": BODY,
            "datePublished": "2024-03-04T09:30:00+01:00",
            "dateModified": "2024-03-04T12:00:00+01:00",
            "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Ben Ode"}],
            "articleSection": ["Transport"],
            "image": {"@type": "ImageObject", "url": "https://rail.example/img/line.jpg"},
            "publisher": {"@type": "Organization", "name": "Rail Times"},
            "inLanguage": "en",
        },
    ],
}
SCRIPT_PAGE = f"""<!DOCTYPE html><html><head><title>Rail line to open next spring | Rail Times</title>
<script type="application/ld+json">{json.dumps(LD)}</script></head>
<body><div id="app"></div><script src="/bundle.js"></script></body></html>"""


def test_read_jsonld_finds_the_article_in_a_graph():
    ld = read_jsonld(fromstring(SCRIPT_PAGE))
    assert ld is not None
    assert ld.headline == "Rail line to open next spring"
    assert ld.authors == ["Ana Ruiz", "Ben Ode"]
    assert ld.section == "Transport"
    assert ld.image == "https://rail.example/img/line.jpg"
    assert ld.publisher == "Rail Times"


def test_script_rendered_page_takes_the_jsonld_body_and_metadata():
    article = extract_article(SCRIPT_PAGE, url="https://rail.example/news/1")
    assert article.status == "ok"
    assert article.text_source == "jsonld"
    assert article.text == BODY
    assert article.title == "Rail line to open next spring"
    assert article.published_at == datetime(2024, 3, 4, 8, 30, tzinfo=UTC)
    assert article.published_source == "jsonld"
    assert article.modified_at == datetime(2024, 3, 4, 11, 0, tzinfo=UTC) and article.modified_source == "jsonld"
    assert article.authors == ["Ana Ruiz", "Ben Ode"] and article.authors_source == "jsonld"
    assert article.section == "Transport"
    assert article.site_name == "Rail Times"
    assert article.html is not None and article.html.count("<p>") == 6


def test_broken_jsonld_is_ignored():
    page = SCRIPT_PAGE.replace('"@context"', '"@context" oops')
    article = extract_article(page, url="https://rail.example/news/1")
    assert article.text_source != "jsonld"
    assert article.title == "Rail line to open next spring"


def test_jsonld_wrapped_in_cdata_and_with_an_object_context_is_read():
    ld = dict(LD["@graph"][1], **{"@context": {"@vocab": "http://schema.org", "topics": {"@id": "Text"}}})
    for wrapped in (f"<![CDATA[ {json.dumps(ld)} ]]>", f"//<![CDATA[\n{json.dumps(ld)}\n//]]>"):
        page = f'<html><head><script type="application/ld+json">{wrapped}</script></head><body></body></html>'
        found = read_jsonld(fromstring(page))
        assert found is not None and found.headline == "Rail line to open next spring", wrapped[:12]


def test_a_truncated_jsonld_body_does_not_cut_the_page_down_to_its_opening():
    paragraphs = [
        "The minister said on Monday that the new rail line would open next spring, two years late and over budget.",
        "A review of the contracts found faults in the signalling work that the builders must now repair at cost.",
        "Commuters in the northern suburbs have waited almost a decade for the line and its eleven new stations.",
        "The opposition called for an inquiry into how the budget doubled while the timetable slipped twice.",
        "Engineers blamed the delays on flooding in two tunnels and on a shortage of qualified electricians.",
        "Fares will match those on the existing network, the transport authority confirmed in a statement.",
        "Trains will run every six minutes at peak times and every quarter of an hour late in the evening.",
        "Local businesses near the stations hope the line will bring shoppers back to their high streets.",
    ]
    opening = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rail line to open next spring",
               "articleBody": " ".join(paragraphs[:3])}
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(opening)}</script></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    article = extract_article(page, url="https://rail.example/news/2")
    assert article.text_source == "page"
    assert article.text.split("\n\n") == paragraphs


def test_a_whole_jsonld_body_trims_the_pages_closing_clutter_and_keeps_its_standfirst():
    standfirst = "Two years late and over budget, the line still has to pass its safety checks before it can open."
    paragraphs = BODY.split("\n\n")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rail line to open next spring",
          "articleBody": BODY}
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body><article>"
        f"<p class='standfirst'>{standfirst}</p>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<p>Our reporters visited the depot last week and spoke to the drivers who will run the new service.</p>"
        "</article></body></html>"
    )
    article = extract_article(page, url="https://rail.example/news/3")
    assert article.text.split("\n\n") == [standfirst, *paragraphs]


def test_a_markdown_articlebody_is_read_as_text_without_link_targets_or_cms_marks():
    paragraphs = [
        "Engineers found cracks in the piers of the old bridge last week, and the council closed it to cars on "
        "Tuesday until the repairs are done.",
        "Buses and bicycles may still cross, the council said, while lorries take the ring road around the old "
        "town for the two years the work will last.",
        "Shop owners on both banks asked for help with the trade they expect to lose, and the council promised a "
        "fund for those worst hit.",
    ]
    linked = paragraphs[1].replace("the council said", "[the council said](https://rail.example/n){: target=_blank}")
    markdown = (
        f"**{paragraphs[0]}**\n\n## What changes\n\n{linked}"
        "\n\n+++group-2\n\n[#image: /photos/61979e4b849388156b5a9ae5]|||The bridge at dusk.|||\n\n+++\n\n"
        f"{paragraphs[2]}\n\n[#article: /articles/62d0355ce3302c63fbb8b840]"
    )
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Old bridge closes to cars",
          "articleBody": markdown}
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
        "<div id='app'></div></body></html>"
    )
    article = extract_article(page, url="https://rail.example/news/3")
    assert article.text_source == "jsonld"
    assert article.text.split("\n\n") == [paragraphs[0], "What changes", paragraphs[1], paragraphs[2]]


def test_character_references_in_jsonld_bodies_and_authors_are_decoded():
    body = " ".join(["That&#039;s the plan &mdash; the council&#039;s own words, repeated at every meeting."] * 8)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Plan", "articleBody": body,
          "author": {"@type": "Person", "name": "Lindsey O&#039;Donnell"}}
    page = f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body></body></html>"
    article = extract_article(page, url="https://rail.example/news/4")
    assert article.text.startswith("That's the plan — the council's own words")
    assert "&#039;" not in article.text and "&mdash;" not in article.text
    assert article.authors == ["Lindsey O'Donnell"]


def test_raw_line_breaks_in_strings_do_not_lose_the_jsonld():
    # browsers accept a literal line break inside a JSON-LD string; strict JSON does not
    raw = json.dumps(LD["@graph"][1]).replace("Rail line to open", "Rail line\nto open")
    page = f'<html><head><script type="application/ld+json">{raw}</script></head><body></body></html>'
    found = read_jsonld(fromstring(page))
    assert found is not None and found.authors == ["Ana Ruiz", "Ben Ode"]


def test_a_graph_without_an_article_gives_the_web_pages_author():
    # Yoast without Article schema: the WebPage node names its writer, by reference to a Person node
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://blog.example/#website", "name": "Blog"},
            {"@type": "WebPage", "@id": "https://blog.example/p/#webpage", "name": "A post",
             "author": {"@id": "https://blog.example/#/schema/person/1"}},
            {"@type": "Person", "@id": "https://blog.example/#/schema/person/1", "name": "Amy Motroni"},
        ],
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    found = read_jsonld(fromstring(page))
    assert found is not None and found.authors == ["Amy Motroni"]
    assert found.headline is None and found.published is None  # the page's other fields are not an article's


def test_an_article_without_an_author_takes_the_web_pages():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://blog.example/p/#webpage", "author": {"name": "Amy Motroni"}},
            {"@type": "BlogPosting", "headline": "A post", "isPartOf": {"@id": "https://blog.example/p/#webpage"}},
        ],
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    found = read_jsonld(fromstring(page))
    assert found is not None and found.headline == "A post" and found.authors == ["Amy Motroni"]
