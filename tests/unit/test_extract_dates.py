"""Reading published and modified times from the strings pages put in their metadata."""

from __future__ import annotations

from datetime import UTC, datetime

from newsflow.extract.dates import parse_time

# Two paragraphs of an article, enough for the extractor to find a body
BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The council voted on Tuesday to close the old bridge to cars next month after engineers found cracks.",
        "Buses and bicycles will still cross while the repairs, expected to take two years, go ahead there.",
    )
)


def _page(*, head: str = "", lead: str = "", tail: str = "", after: str = "", title: str = "Bridge",
          h1: str = "Bridge") -> str:
    """An article page: ``lead`` before the body and ``tail`` after it inside the article, ``after`` outside."""
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{h1}</h1>{lead}{BODY}{tail}</article>"
        f"{after}</body></html>"
    )


def test_dotted_dates_are_day_first_and_iso_and_slashed_dates_read_as_written():
    assert parse_time("10.12.2022, 07:00:03") == datetime(2022, 12, 10, 7, 0, 3, tzinfo=UTC)
    assert parse_time("3.4.2025") == datetime(2025, 4, 3, tzinfo=UTC)
    assert parse_time("2025-04-03T09:30:00+02:00") == datetime(2025, 4, 3, 7, 30, tzinfo=UTC)
    assert parse_time("04/03/2025") == datetime(2025, 4, 3, tzinfo=UTC)  # US order, as dateutil reads it
    assert parse_time("1700000000") == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert parse_time("2021-01-03T17:40:00EET") == datetime(2021, 1, 3, 15, 40, tzinfo=UTC)  # zone abbreviations
    assert parse_time("Mon, 06 Nov 2023 10:00:00 EST") == datetime(2023, 11, 6, 15, 0, tzinfo=UTC)
    assert parse_time("1985-01-01") is None  # before any web page
    assert parse_time("not a date") is None


def test_published_falls_back_to_the_pages_dateline_and_modified_to_the_feed():
    from newsflow.extract import extract_article
    from newsflow.records import FeedEntry

    page = _page(
        title="Bridge to close", h1="Old bridge to close", lead='<p class="dateline">Published 3 April 2025</p>',
        tail="<footer>Comments closed on 9 May 2025. © 2025</footer>",
    )
    article = extract_article(page, url="https://news.example/2025/bridge")
    assert article.published_at is not None and article.published_at.date().isoformat() == "2025-04-03"
    assert article.published_source == "htmldate"
    assert article.modified_at is None and article.modified_source is None

    updated = datetime(2025, 4, 5, 8, 0, tzinfo=UTC)
    entry = FeedEntry(entry_key="k", url="https://news.example/2025/bridge", updated_at=updated)
    article = extract_article(page, url="https://news.example/2025/bridge", feed_entry=entry)
    assert article.modified_at == updated and article.modified_source == "feed"


def test_no_publication_day_is_made_up_from_a_copyright_year_or_a_misread_date():
    from newsflow.extract import extract_article

    footer = "<footer><div class='t-meta'>© 2020 Example Media. All rights reserved.</div></footer>"
    page = _page(after=footer)
    # htmldate falls back on the copyright year as 1 January 2020 (engadget.com)
    article = extract_article(page, url="https://news.example/bridge-to-close")
    assert article.published_at is None and article.published_source is None
    # a real 1 January stays
    new_year = page.replace("<h1>Bridge</h1>", "<h1>Bridge</h1><time datetime='2020-01-01'>1 January 2020</time>")
    dated = extract_article(new_year, url="https://news.example/bridge-to-close").published_at
    assert dated is not None and dated.date().isoformat() == "2020-01-01"
    # a teaser's "10/04/16" read as 10 April under an address of October 2016 (politico.com)
    aside = "<aside><p class='timestamp'>Updated 10/04/16 05:12 PM EDT</p></aside>"
    teaser = page.replace("</article>", f"</article>{aside}")
    article = extract_article(teaser, url="https://news.example/story/2016/10/bridge-229079")
    assert article.published_at is None or article.published_at.date().isoformat() >= "2016-10-01"


def test_the_modification_time_is_not_taken_for_the_publication_date():
    from newsflow.extract import extract_article

    # fluter.de: the visible creation date in a <time> without a datetime, og:updated_time in the head
    page = _page(
        head='<meta property="og:updated_time" content="2020-06-02T11:57:06+02:00">',
        lead='<time class="field-node-create-date">31.03.2020</time>',
    )
    article = extract_article(page, url="https://news.example/bridge-to-close")
    assert article.published_at is not None and article.published_at.date().isoformat() == "2020-03-31"
    assert article.published_source == "htmldate"
    assert article.modified_at is not None and article.modified_at.date().isoformat() == "2020-06-02"
    # with no other date on the page, the modification time is no publication date
    bare = page.replace('<time class="field-node-create-date">31.03.2020</time>', "")
    article = extract_article(bare, url="https://news.example/bridge-to-close")
    assert article.published_at is None
    assert article.modified_at is not None and article.modified_source == "meta"


def test_a_stated_offset_is_kept_so_the_date_is_the_publishers_day():
    evening = parse_time("2022-05-03T21:25:56-03:00")
    assert evening is not None and evening.isoformat() == "2022-05-03T21:25:56-03:00"
    assert evening.date().isoformat() == "2022-05-03"
    named = parse_time("Sat, 19 Oct 2019 00:04:00 CEST")
    assert named is not None and named.isoformat() == "2019-10-19T00:04:00+02:00"
    assert parse_time("2022-05-04T00:25:56Z") == datetime(2022, 5, 4, 0, 25, 56, tzinfo=UTC)


def test_a_year_or_a_month_alone_is_no_publication_day():
    # dateutil would fill the missing day (and month) from today's date
    assert parse_time("2006") is None
    assert parse_time("2017/01") is None
    assert parse_time("March 2019") is None
    assert parse_time("2017/01/30") == datetime(2017, 1, 30, tzinfo=UTC)


def test_a_utc_time_takes_the_local_offset_another_tag_gives_for_the_same_moment():
    from newsflow.extract import extract_article

    body = "<p>" + "The river rose above the old quay twice this week and closed the road along it. " * 4 + "</p>"
    page = (
        '<html><head><title>Flood</title><meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River floods the quay",'
        ' "datePublished": "2019-10-18T22:04:00Z"}</script></head>'
        f"<body><article><h1>River floods the quay</h1>{body}</article></body></html>"
    )
    article = extract_article(page, url="https://news.example/flood")
    assert article.published_source == "jsonld"
    assert article.published_at is not None and article.published_at.isoformat() == "2019-10-19T00:04:00+02:00"


def test_a_utc_time_takes_the_offset_of_the_local_time_the_page_shows_without_a_zone():
    from newsflow.extract import extract_article

    body = "<p>" + "The mayor conceded on Wednesday night after the last precincts reported their count. " * 4 + "</p>"

    def page(shown: str) -> str:
        return (
            '<html><head><title>Mayor</title><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Mayor concedes", "datePublished": "2023-11-09T05:30:59Z"}</script></head>'
            f"<body><article><h1>Mayor concedes</h1><time datetime='{shown}'>Nov 8</time>{body}</article>"
            "</body></html>"
        )

    article = extract_article(page("2023-11-08 23:30:59"), url="https://news.example/mayor")
    assert article.published_at is not None and article.published_at.isoformat() == "2023-11-08T23:30:59-06:00"
    # a shown time that is another moment (the update, minutes apart) leaves the stated time in UTC
    article = extract_article(page("2023-11-09 00:21:49"), url="https://news.example/mayor")
    assert article.published_at is not None and article.published_at.isoformat() == "2023-11-09T05:30:59+00:00"
