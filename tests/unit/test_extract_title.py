"""The article's title: the stated headline without the site's name, confirmed by the page's h1."""

from __future__ import annotations

from newsflow.extract import extract_article

BODY = "<p>" + "The council heard from residents for most of the afternoon before it voted on the plan. " * 4 + "</p>"


def _page(og_title: str, h1: str, site: str = "County Times") -> str:
    return (
        f'<html><head><title>{og_title} | {site}</title><meta property="og:title" content="{og_title}">'
        f'<meta property="og:site_name" content="{site}"></head><body><article><h1>{h1}</h1>{BODY}'
        "</article></body></html>"
    )


def test_a_subtitle_after_a_dash_stays_when_the_h1_shows_it_and_a_site_suffix_goes():
    whole = "This County Criminalized Students for Bad Grades – Until Now"
    assert extract_article(_page(whole, whole), url="https://news.example/a").title == whole
    suffixed = "This County Criminalized Students for Bad Grades – County Times"
    headline = "This County Criminalized Students for Bad Grades"
    assert extract_article(_page(suffixed, headline), url="https://news.example/a").title == headline
    short_suffix = "This County Criminalized Students for Bad Grades - CT Online"
    assert extract_article(_page(short_suffix, "Schools"), url="https://news.example/a").title == headline
