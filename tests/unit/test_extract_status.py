"""Paywalls and bot challenges are reported as such, not stored as if their stub were the article."""

from __future__ import annotations

from datetime import UTC, datetime

from newsflow.extract import extract_article
from newsflow.records import FeedEntry

LONG_BODY = " ".join(
    f"<p>Paragraph {i} of the report explains how the city council voted on the new budget, which projects "
    f"were funded and what the opposition said about the decision on Tuesday evening.</p>"
    for i in range(12)
)

CLOUDFLARE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head><body>
<div class="main-wrapper"><h1>www.example-news.com</h1>
<h2>Checking if the site connection is secure</h2>
<p>www.example-news.com needs to review the security of your connection before proceeding.</p>
<div id="challenge-stage"></div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>
</div><footer>Ray ID: 7d1f2a3b4c5d6e7f</footer></body></html>"""

DATADOME = """<html><head><title>example.com</title></head><body>
<p>Please enable JS and disable any ad blocker</p>
<script src="https://ct.captcha-delivery.com/c.js"></script></body></html>"""

PAYWALL = """<!DOCTYPE html><html lang="en"><head><title>Council approves budget | The Daily</title>
<meta property="og:title" content="Council approves budget">
<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Council approves budget","isAccessibleForFree":false,"datePublished":"2024-05-02T08:00:00+02:00",
"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywalled"}}</script>
</head><body><article><h1>Council approves budget</h1>
<p>The city council approved the new budget on Tuesday after a long debate about school funding.</p>
<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>
</article></body></html>"""

FREE = f"""<!DOCTYPE html><html lang="en"><head><title>Council approves budget</title></head>
<body><article><h1>Council approves budget</h1>{LONG_BODY}</article>
<div class="g-recaptcha"></div></body></html>"""


def test_cloudflare_challenge_is_blocked_and_its_words_are_not_the_text():
    article = extract_article(CLOUDFLARE, url="https://www.example-news.com/a/1")
    assert article.status == "blocked"
    assert "connection" not in article.text


def test_datadome_challenge_is_blocked():
    assert extract_article(DATADOME, url="https://example.com/story").status == "blocked"


def test_blocked_page_falls_back_to_the_feed_text_with_its_source():
    entry = FeedEntry(
        entry_key="guid:1",
        title="Council approves budget",
        summary_html="<p>The council approved the budget after a long debate about schools.</p>",
        published_at=datetime(2024, 5, 2, 6, tzinfo=UTC),
    )
    article = extract_article(CLOUDFLARE, url="https://www.example-news.com/a/1", feed_entry=entry)
    assert article.status == "blocked"
    assert article.text_source == "feed_summary"
    assert article.text == "The council approved the budget after a long debate about schools."
    assert article.published_source == "feed"


def test_paywall_teaser_is_paywalled():
    article = extract_article(PAYWALL, url="https://thedaily.example/council")
    assert article.status == "paywalled"
    assert article.title == "Council approves budget"
    assert article.published_at == datetime(2024, 5, 2, 6, tzinfo=UTC)
    assert article.published_source == "jsonld"


def test_a_page_that_ships_the_rest_scrambled_is_paywalled_and_the_scramble_is_not_text():
    # abendblatt.de: the teaser readable, the rest shifted a letter on for a script to decode for subscribers
    teaser = "Obst wird auch in Corona-Zeiten weltweit transportiert. Doch es gibt Probleme auf dem Großmarkt."
    scrambled = "".join(
        '<p class="obfuscated">Hbcj Fvufnýmmfs voe Fmjbof Tufjonfzfs tufifo jo fjofs Ibmmf bvg efn Hfmåoef eft '
        "Hspànbsluft/ Tjf qsýgfo ejf Xbsf- ejf bvt Btjfo voe Týebnfsjlb lpnnu- voe tjf tjoe {vgsjfefo/</p>"
        for _ in range(8)
    )
    page = (
        "<html><head><title>Warum Mangos teurer sind</title></head><body><article><h1>Warum Mangos teurer sind</h1>"
        f"<p>{teaser}</p>{scrambled}</article></body></html>"
    )
    article = extract_article(page, url="https://www.abendblatt.de/hamburg/article1/mangos.html")
    assert article.status == "paywalled"
    assert "Hbcj" not in article.text


def test_paywalled_page_with_the_whole_article_in_the_feed_is_ok():
    entry = FeedEntry(entry_key="guid:2", title="Council approves budget", content_html=LONG_BODY)
    article = extract_article(PAYWALL, url="https://thedaily.example/council", feed_entry=entry)
    assert article.status == "ok"
    assert article.text_source == "feed_content"
    assert article.text.count("\n\n") == 11


def test_a_long_free_article_with_a_captcha_widget_is_ok():
    article = extract_article(FREE, url="https://thedaily.example/council")
    assert article.status == "ok"
    assert article.text.startswith("Paragraph 0 of the report")


def test_an_empty_page_is_empty():
    assert extract_article("", url="https://x.example/").status == "empty"
    assert extract_article("<html><body></body></html>", url="https://x.example/").status == "empty"


TEASER = """<!DOCTYPE html><html lang="en"><head><title>Council approves budget</title>
<meta property="article:content_tier" content="locked"></head><body><article><h1>Council approves budget</h1>
<p>Paragraph 0 of the report explains how the city council voted on the new budget, which projects were funded
and what the opposition said about the decision on Tuesday evening.</p>
<p>Paragraph 1 of the report explains how the city council voted on the new budget, which projects were funded
and what the opposition said about the decision on Tuesday evening.</p>
<div class="paywall-prompt"><p>Subscribe now to continue reading.</p></div></article></body></html>"""


def test_teaser_page_is_paywalled_without_the_feed():
    article = extract_article(TEASER, url="https://thedaily.example/council")
    assert article.status == "paywalled"
    assert article.text_source == "page"
    assert article.text.startswith("Paragraph 0 of the report")


def test_teaser_page_takes_the_feed_full_text_that_contains_it():
    entry = FeedEntry(entry_key="guid:3", title="Council approves budget", content_html=LONG_BODY)
    article = extract_article(TEASER, url="https://thedaily.example/council", feed_entry=entry)
    assert article.status == "ok"
    assert article.text_source == "feed_content"
    assert article.text.split("\n\n")[-1].startswith("Paragraph 11 of the report")


def test_unusable_page_falls_back_to_the_feed():
    entry = FeedEntry(entry_key="guid:4", title="Council approves budget", content_html=LONG_BODY)
    article = extract_article("", url="https://thedaily.example/council", feed_entry=entry)
    assert article.status == "ok" and article.text_source == "feed_content"
    summary_only = FeedEntry(entry_key="guid:5", title="Council", summary_html="<p>The council met.</p>")
    article = extract_article("<html><body></body></html>", url="https://x.example/", feed_entry=summary_only)
    assert article.status == "empty" and article.text_source == "feed_summary" and article.text == "The council met."


def test_a_long_teaser_cut_off_with_an_ellipsis_under_a_paywall_prompt_is_paywalled():
    paragraphs = [
        " ".join(
            f"Le gouvernement a présenté sa réforme numéro {i}.{j} devant les syndicats réunis à Paris mardi."
            for j in range(4)
        )
        for i in range(5)
    ]
    cut = (
        "Mais à la différence du vieux darwinisme social inspiré par Herbert Spencer, qui croyait qu'il suffisait "
        "de démanteler l'État social et de laisser faire les interactions économi..."
    )

    def page(last: str) -> str:
        body = "".join(f"<p>{p}</p>" for p in paragraphs) + f"<p>{last}</p>"
        return (
            "<html><head><title>Retraites</title></head><body><article><h1>La retraite, un archaïsme</h1>"
            f"{body}<div class='paywall'><h3>Pour lire la suite, créez votre compte</h3>"
            "<p>Profitez de notre offre découverte.</p><p>1€ le premier mois puis 12€ par mois</p></div>"
            "</article></body></html>"
        )

    teaser = extract_article(page(cut), url="https://aoc.example/retraite")
    assert teaser.status == "paywalled" and len(teaser.text.split()) > 200
    assert teaser.text.endswith("les interactions économi...")  # the subscription pitch after it is gone
    whole = extract_article(page(cut.replace("économi...", "économiques.")), url="https://aoc.example/retraite")
    assert whole.status == "ok"
