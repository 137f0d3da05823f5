"""Authors from the page's byline when its metadata names nobody, and which stated author wins."""

from __future__ import annotations

import json

from lxml.html import fromstring

from newsflow.extract import extract_article
from newsflow.extract.byline import byline_authors
from newsflow.extract.jsonld import read_jsonld
from newsflow.records import FeedEntry

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The council voted on Tuesday to close the old bridge to cars from next month, after engineers found cracks.",
        "Buses and bicycles will still be allowed across while the repairs, expected to take two years, go ahead.",
        "Shop owners on both banks said they feared losing customers and asked for help with the lost trade.",
    )
)


def _page(header: str = "", byline: str = "", after: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>Bridge to close</title>{head}</head><body>"
        f"<header>{header}</header><article><h1>Old bridge to close to cars</h1>{byline}{BODY}</article>"
        f"{after}</body></html>"
    )


def test_the_byline_after_the_headline_wins_over_teasers_before_and_comments_after():
    page = _page(
        header='<div class="teaser"><span class="author">Teaser Writer</span></div>',
        byline='<p class="byline">By <a rel="author" href="/staff/ana">Ana Ruiz</a></p>',
        after=(
            '<section id="comments"><div class="comment"><span class="author">Reader Name</span></div></section>'
            '<aside class="sidebar"><span class="author">Sidebar Writer</span></aside>'
        ),
    )
    assert byline_authors(fromstring(page)) == ["Ana Ruiz"]
    article = extract_article(page, url="https://news.example/bridge")
    assert article.authors == ["Ana Ruiz"] and article.authors_source == "byline"


def test_labels_dates_and_several_names_are_read_off_the_byline():
    cases = {
        '<div class="byline">Posted by Jane Doe on March 3, 2024</div>': ["Jane Doe"],
        '<span class="author-name">View all posts by Jane Doe</span>': ["Jane Doe"],
        '<div class="byline">By Nathan Willis March 22, 2017</div>': ["Nathan Willis"],
        '<div class="byline">Von Benjamin Fischer und Marcus Theurer</div>': ["Benjamin Fischer", "Marcus Theurer"],
        '<div class="byline">By Ana Ruiz <time datetime="2024-03-03">3 March 2024, 10:00</time></div>': ["Ana Ruiz"],
        '<div class="byline">By Brenda Goodman, MA</div>': ["Brenda Goodman"],
        '<div class="byline">By Bruno Mars</div>': ["Bruno Mars"],  # a month's name ends it, not a date
        '<div class="byline">By John Smith, Staff Writer</div>': ["John Smith"],
        '<span class="author">Ben Silverman Games Editor</span>': ["Ben Silverman"],
        # a role after a two-word name takes no part of the name with it (angelmagazin.de)
        '<div class="author-ch">Christoph Hein Chefredakteur</div>': ["Christoph Hein"],
        # the writer's description after the name is not a second author (aoc.media)
        '<p class="byline">Par Barbara Stiegler Philosophe, Professeur de philosophie politique à l’Université'
        " Bordeaux-Montaigne</p>": ["Barbara Stiegler"],
        '<div class="byline">By Alejandro de la Garza</div>': ["Alejandro de la Garza"],
        # a user name keeps its digits (foren.myoos.de)
        '<p class="author">Beitrag von <a href="/u/23">r23</a> » 21.01.2009, 05:42</p>': ["r23"],
        # a credit naming a site stays as written, not title-cased apart (hessenschau.de)
        '<p class="author">Quelle: hessenschau.de/bb</p>': ["hessenschau.de/bb"],
        '<p class="author">Von Max Muster, t-online.de</p>': ["Max Muster", "t-online.de"],
        '<div class="author">Sara Zinnecker Stand: 12.01.2022</div>': ["Sara Zinnecker"],
        '<div class="author">Publié par Unknown</div>': [],
        '<p class="author">Text und Interview: Harald Willenbrock</p>': ["Harald Willenbrock"],  # brandeins.de
        '<div class="author">Last Updated: January 7, 2025</div>': [],
        # the article's tags in the byline's row are not names (solarserver.de)
        '<div class="author">01.12.2022 / <a href="/autor/ana">Ana Ruiz</a> / <a rel="tag" href="/t/csp">CSP</a>'
        ' / <a rel="category tag" href="/t/pv">Photovoltaik</a></div>': ["Ana Ruiz"],
        # the date before the label (macrumors.com), the writer's profile links and outlet after the name
        '<div class="byline">Wednesday January 18, 2017 11:44 am PST by <a href="/a/jc">Juli Clover</a></div>': [
            "Juli Clover"
        ],
        '<div class="byline">Alyssa Newcomb <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">Email</a>'
        "</div>": ["Alyssa Newcomb"],
        '<span class="byline">Pete Evans · CBC News</span>': ["Pete Evans"],
        '<span class="byline">Mike Cason | mcason@al.com</span>': ["Mike Cason"],
        # the outlet beside the name, marked as the publisher (today.com), is not an author
        '<div class="byline"><div itemprop="author"><span itemprop="name">Melissa Allison</span></div>'
        '<div class="byline-affiliation" itemprop="publisher"><span itemprop="name">Zillow</span></div></div>': [
            "Melissa Allison"
        ],
        # a byline row whose class mentions its comment count (observer.com) is no comment thread
        '<div class="entry-meta nyo-social-comments">By <span class="author vcard" itemprop="author">'
        '<a rel="author" href="/author/sage">Sage Lazzaro</a></span></div>': ["Sage Lazzaro"],
        # the writer's address (miamiherald.com) and a role of several words (huffingtonpost.com) are no names
        '<div class="byline">Jenny Staletovich <a href="mailto:j@x.com">jstaletovich@miamiherald.com</a></div>': [
            "Jenny Staletovich"
        ],
        '<div class="byline">By Sam Stein Senior Politics Editor</div>': ["Sam Stein"],
        '<div class="byline">By Anna Lena Maier Senior Editor</div>': ["Anna Lena Maier"],
        # a letter set apart inside the name for its spacing (wired.com) stays in the word
        '<span class="byline__name"><a href="/author/e">Emma Grey Elli<span class="last-letter">s</span></a></span>': [
            "Emma Grey Ellis"
        ],
        # initials keep their full stops as the byline writes them (rp-online.de, emacspeak, lacuarta.com)
        '<div class="byline">Von Boris T. Kaiser</div>': ["Boris T. Kaiser"],
        '<span class="author">T. V. Raman</span>': ["T. V. Raman"],
        '<span class="author">T.V. Raman</span>': ["T.V. Raman"],
        '<div class="byline">Por Juan Carlos Muñoz C.</div>': ["Juan Carlos Muñoz C."],
        '<div class="byline">Posted by K A</div>': ["K A"],
        # a gendered label (ndr.de), a recipe's label, an editor after the writer (google-sre-book) and a German
        # byline's place (sueddeutsche.de) are not names; an English byline's agency is kept
        '<span class="author">Autor/in: Korinna Hennig</span>': ["Korinna Hennig"],
        '<span class="recipe-card-author">Recipe by Ana Ruiz</span>': ["Ana Ruiz"],
        '<div class="author">Written by Rob Ewaschuk Edited by Betsy Beyer</div>': ["Rob Ewaschuk"],
        '<div class="authorProfileContainer">Von Markus Balser , Berlin</div>': ["Markus Balser"],
        '<div class="byline">By Ana Ruiz, Reuters</div>': ["Ana Ruiz", "Reuters"],
        # the writer's description run on after the name is not title-cased into a name (toptal.com)
        '<div class="author">Martin Chikilian Martin is a full-stack engineer and has worked as a professional'
        " Python developer since 2007.</div>": [],
    }
    for byline, expected in cases.items():
        assert byline_authors(fromstring(_page(byline=byline))) == expected, byline


def test_template_words_and_comment_forms_are_not_authors():
    form = (
        '<form id="commentform"><p class="comment-form-author"><label for="author">Name *</label>'
        '<input id="author" name="author"></p></form>'
    )
    assert byline_authors(fromstring(_page(after=form))) == []
    assert byline_authors(fromstring(_page(byline='<div class="author">Follow</div>'))) == []
    submitted = '<span class="submitted-by">Submitted on Mon, 2019-01-21</span>'
    assert byline_authors(fromstring(_page(byline=submitted))) == []
    assert extract_article(_page(after=form), url="https://news.example/bridge").authors == []
    # a shop's product-review widget names its reviewers (happycoffee.org's Judge.me widget)
    reviews = (
        '<div class="jdgm-widget jdgm-review-widget"><div class="jdgm-rev"><div class="jdgm-rev__header">'
        '<span class="jdgm-rev__author-wrapper">D.E.</span></div><p>Great coffee, would buy again.</p></div></div>'
    )
    assert byline_authors(fromstring(_page(after=reviews))) == []
    page = _page(byline='<p class="byline">By <a rel="author" href="/staff/ana">Ana Ruiz</a></p>')
    # the page's own classes (nytimes.com's <html class="… has-comments …">) do not make it a comment thread
    assert byline_authors(fromstring(page.replace("<html>", '<html class="has-comments">'))) == ["Ana Ruiz"]
    assert byline_authors(fromstring(page.replace("<body>", '<body class="single comments-open">'))) == ["Ana Ruiz"]
    # nor do the layout classes of the elements around the headline (rawstory.com's "page-left-right-sidebar")
    layout = _page(byline='<div class="blog-author"><a rel="author" href="/author/tg">Tana Ganeva</a></div>')
    layout = layout.replace("<article>", '<div class="page-wrapper right-sidebar"><article>').replace(
        "</article>", "</article></div>"
    )
    assert byline_authors(fromstring(layout), "Old bridge to close to cars") == ["Tana Ganeva"]
    # a teaser card for another article, its writer's name inside the link (lemonde.fr's "article--nav")
    card = (
        '<a class="article article--nav" href="/idees/2019/05/07/ena"><p class="article__title">La suppression de'
        " l’ENA démontrerait la faible capacité de la France de se réformer</p><div class='article__author'>"
        '<div class="article__author-name">Jocelyn Caron</div><div>Ancien élève de l’ENA</div></div></a>'
    )
    assert byline_authors(fromstring(_page(after=card)), "Old bridge to close to cars") == []
    linked = '<p class="byline">By <a href="/by/ana"><span class="byline-author">Ana Ruiz</span></a></p>'
    assert byline_authors(fromstring(_page(byline=linked))) == ["Ana Ruiz"]  # a link to the writer's page
    for thread in (
        '<div class="wpd-comment"><span class="author">Reader</span></div>',
        '<ol class="site comment-list"><li><span class="author">Reader</span></li></ol>',
        '<div class="article_comments"><span class="author">Reader</span></div>',
    ):
        assert byline_authors(fromstring(_page(after=thread))) == [], thread


def test_a_wordpress_post_and_its_meta_row_are_a_bylines_place():
    # post_class() puts "category-<slug>" on the post's container: that is not a category widget to skip
    page = (
        "<html><body><h1>Notes from the river</h1>"
        '<div class="post-1 post type-post hentry category-fotografie tag-abendhimmel">'
        '<small class="post-meta"><span class="post-date"><b>Veröffentlicht:</b> 05.01.2020</span> '
        '<span class="author-link">| <b>Autor:</b> <a href="/author/gnaddrig/" rel="author">gnaddrig</a></span> '
        f'<span class="cat-links"><a href="/category/fotografie/" rel="category tag">Fotografie</a></span></small>'
        f"{BODY}</div></body></html>"
    )
    assert byline_authors(fromstring(page)) == ["Gnaddrig"]
    label_first = (
        '<div class="entry-meta"><span class="meta-prep meta-prep-author">Publiziert am</span> '
        '<a href="/2014/01/x/"><span class="entry-date">13. Januar 2014</span></a> <span class="meta-sep">von</span> '
        '<span class="author vcard"><a class="url fn n" href="/author/admin/">uriebe</a></span></div>'
    )
    assert byline_authors(fromstring(_page(byline=label_first))) == ["Uriebe"]


def test_the_site_beside_a_writer_is_the_publisher_and_its_address_is_no_author():
    site = '<meta property="og:site_name" content="CNN">'
    stated = '<meta name="author" content="Rob Picheta, CNN">'
    article = extract_article(_page(head=site + stated), url="https://news.example/b")
    assert article.authors == ["Rob Picheta"]
    site = '<meta property="og:site_name" content="GIROMATCH">'
    stated = '<meta name="author" content="GIROMATCH, Frankfurt a. M., Germany">'
    article = extract_article(_page(head=site + stated), url="https://news.example/b")
    assert article.authors == ["GIROMATCH"]
    # the site's name joined to the writer's by a dash (unocero.com); a dash inside one name stays
    site = '<meta property="og:site_name" content="unocero">'
    cases = {"unocero - Alberto Ávila": ["Alberto Ávila"], "L-MAG – Das Magazin": ["L-MAG – Das Magazin"]}
    for stated, expected in cases.items():
        page = _page(head=f'{site}<meta name="author" content="{stated}">')
        assert extract_article(page, url="https://news.example/b").authors == expected


def test_template_words_and_degrees_in_the_metadata_are_not_authors_either():
    for stated, expected in {
        '<meta name="author" content="No Author">': [],  # japantimes.co.jp
        '<meta name="article:author" content="Grant Tinsley, PhD">': ["Grant Tinsley"],  # healthline.com
        '<meta name="author" content="admin">': [],
        '<meta name="author" content="Williams Perdomo @wperdomod">': ["Williams Perdomo"],  # elnacional.com
    }.items():
        assert extract_article(_page(head=stated), url="https://news.example/b").authors == expected, stated


def test_stated_authors_come_first_and_a_site_name_as_author_gives_way_to_the_byline():
    byline = '<p class="byline">By Ana Ruiz</p>'
    stated = '<meta name="author" content="Ben Ode"><meta property="og:site_name" content="Bridge Times">'
    article = extract_article(_page(byline=byline, head=stated), url="https://news.example/b")
    assert (article.authors, article.authors_source) == (["Ben Ode"], "meta")
    site = '<meta name="author" content="Bridge Times"><meta property="og:site_name" content="Bridge Times">'
    article = extract_article(_page(byline=byline, head=site), url="https://news.example/b")
    assert (article.authors, article.authors_source) == (["Ana Ruiz"], "byline")
    article = extract_article(_page(head=site), url="https://news.example/b")
    assert (article.authors, article.authors_source) == (["Bridge Times"], "meta")
    # the site beside the writer in the byline (cnn.com's "Stephen Collinson, CNN") is the publisher
    site_only = '<meta property="og:site_name" content="Bridge Times">'
    beside = '<p class="byline">By Ana Ruiz, Bridge Times</p>'
    article = extract_article(_page(byline=beside, head=site_only), url="https://news.example/b")
    assert (article.authors, article.authors_source) == (["Ana Ruiz"], "byline")
    alone = '<p class="byline">By Bridge Times</p>'  # a press release
    assert extract_article(_page(byline=alone, head=site_only), url="https://news.example/b").authors == [
        "Bridge Times"
    ]
    entry = FeedEntry(entry_key="k", url="https://news.example/b", authors=["Cy Twombly"])
    article = extract_article(_page(byline=byline), url="https://news.example/b", feed_entry=entry)
    assert (article.authors, article.authors_source) == (["Cy Twombly"], "feed")


def test_the_same_author_in_two_cases_is_one_author():
    head = '<meta name="author" content="Jeffrey Gettleman"><meta name="byl" content="JEFFREY GETTLEMAN">'
    assert extract_article(_page(head=head), url="https://news.example/b").authors == ["Jeffrey Gettleman"]


def test_jsonld_authors_given_as_references_to_graph_nodes_are_resolved():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "Old bridge to close to cars",
                "author": {"@id": "https://news.example/#/person/1"},
                "publisher": {"@id": "https://news.example/#org"},
            },
            {"@type": "Person", "@id": "https://news.example/#/person/1", "name": "Tatyana Turner"},
            {"@type": "Organization", "@id": "https://news.example/#org", "name": "City Limits"},
        ],
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    found = read_jsonld(fromstring(page))
    assert found is not None
    assert found.authors == ["Tatyana Turner"]
    assert found.publisher == "City Limits"


def test_a_byline_the_body_opens_with_names_the_authors_when_nothing_else_does():
    url = "https://news.example/bridge"
    article = extract_article(_page(byline="<p>Von Roland Brockmann und Sebastian Drescher</p>"), url=url)
    assert article.authors == ["Roland Brockmann", "Sebastian Drescher"]
    assert article.authors_source == "byline"
    assert "Brockmann" not in article.text
    # behind a kicker, and on the line before a dateline in the same paragraph
    kicker = "<p>MIGRATION – Probleme zwischen Einheimischen und Flüchtlingen sind auch in Afrika ein Thema</p>"
    article = extract_article(_page(byline=f"{kicker}<p>By Ann Lee<br>Kakuma, Kenya</p>"), url=url)
    assert article.authors == ["Ann Lee"]
    # a kicker that reads like a byline names nobody
    kicker = "<p>Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»</p>"
    assert extract_article(_page(byline=kicker), url=url).authors == []
    # stated authors stay
    head = '<meta name="author" content="Tom Park">'
    assert extract_article(_page(byline="<p>By Ann Lee</p>", head=head), url=url).authors == ["Tom Park"]
    # unless they name no person, only an organisation (l-mag.de, energieverbraucher.de, 24horas.cl)
    for organisation in ("Das Magazin für Lesben", "Bund der Energieverbraucher e.V.", "24horas.cl"):
        head = f'<meta name="author" content="{organisation}">'
        article = extract_article(_page(byline="<p>Von Claudia Lindner</p>", head=head), url=url)
        assert (article.authors, article.authors_source) == (["Claudia Lindner"], "byline"), organisation
    # an agency or broadcaster after the writers is credited with them (tagesschau.de)
    byline = "<p>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>"
    head = '<meta name="author" content="tagesschau.de">'
    assert extract_article(_page(byline=byline, head=head), url=url).authors == [
        "Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz", "NDR"
    ]


def test_an_address_or_the_sites_host_as_stated_author_gives_way_to_the_byline():
    byline = '<p class="byline">Von Boris Kaiser</p>'
    for stated in ("jungefreiheit.de", "Deutsche Welle (www.dw.com)", "LAOLA1.at", "Bridge"):
        head = f'<meta name="author" content="{stated}">'
        article = extract_article(_page(byline=byline, head=head), url="https://www.bridge.example/b")
        assert (article.authors, article.authors_source) == (["Boris Kaiser"], "byline"), stated
    # without a byline naming a person, what the publisher states stays, the company and not its address
    head = '<meta name="author" content="Süddeutsche.de GmbH, Munich, Germany">'
    assert extract_article(_page(head=head), url="https://news.example/b").authors == ["Süddeutsche.de GmbH"]
    # initials and a dotted name are not an address
    head = '<meta name="author" content="J.R. St.Clair">'
    assert extract_article(_page(head=head), url="https://news.example/b").authors == ["J.R. St.Clair"]
