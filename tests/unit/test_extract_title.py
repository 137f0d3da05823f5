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


def test_the_title_the_h1_confirms_wins_over_a_json_ld_headline_it_does_not():
    # Wikipedia's JSON-LD "headline" is the article's short description, not its title
    ld = '<script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list article"}</script>'
    page = _page("List of films featuring time loops", "List of films featuring time loops").replace(
        "</head>", f"{ld}</head>"
    )
    assert extract_article(page, url="https://news.example/a").title == "List of films featuring time loops"
    # a title tag whose site suffix the h1 repeats (a visually hidden h1) still loses the suffix
    headline = "Atomkraft und Erdgas sind nicht nachhaltig"
    hidden = _page(headline, f"{headline} | County Times")
    assert extract_article(hidden, url="https://news.example/a").title == headline


def test_an_h1_that_opens_the_title_tag_is_the_title():
    page = (
        "<html><head><title>New Zealand - Wikipedia</title>"
        '<script type="application/ld+json">{"@type": "Article", "headline": "constitutional monarchy in Oceania"}'
        f"</script></head><body><h1>New Zealand</h1>{BODY}</body></html>"
    )
    assert extract_article(page, url="https://news.example/a").title == "New Zealand"


def _bare(title_tag: str, *h1s: str) -> str:
    headings = "".join(f"<h1>{h}</h1>" for h in h1s)
    return f"<html><head><title>{title_tag}</title></head><body>{headings}{BODY}</body></html>"


def test_the_run_of_segments_the_h1_shows_is_the_title_whichever_end_names_the_site():
    # a headline that has a dash of its own, then a site and section name of several segments
    headline = "Professionell entlöten – so machen Sie alte Elektrogeräte wieder einsatzbereit"
    page = _bare(f"{headline} – LimeSpace – IT", headline)
    assert extract_article(page, url="https://news.example/a").title == headline
    # the site's name before the headline
    page = _bare("DVGW e.V. | Welche Heizung ist klimafreundlich?", "Welche Heizung ist klimafreundlich?")
    assert extract_article(page, url="https://news.example/a").title == "Welche Heizung ist klimafreundlich?"


def test_a_site_name_in_the_first_h1_does_not_become_the_title():
    # the site's logo is the first h1 and also the title tag's closing segment; the headline is the next h1
    site = "Mäscot das Schaf – Webcomic"
    page = _bare(f"Kleine Schafskunde | {site}", site, "Kleine Schafskunde")
    assert extract_article(page, url="https://news.example/a").title == "Kleine Schafskunde"
    # an h1 of section and site does not cut the page's own name off the front of the title
    page = _bare("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin", "Salsa-Figuren - Rueda in Berlin")
    assert extract_article(page, url="https://news.example/a").title != "Salsa-Figuren - Rueda in Berlin"


def test_a_segment_naming_the_site_by_its_address_goes_from_either_end():
    headline = "Nummer zwei: Leo und die anderen Hunde"
    page = _bare(f"seelenradio » {headline}")
    assert extract_article(page, url="https://www.seelenradio.de/leo").title == headline
    page = _bare(f"{headline} -- Sott.net")
    assert extract_article(page, url="https://www.sott.net/article/1").title == headline
    # the registrable name, not the first label of the host ("news" of news.bbc.co.uk is no site)
    page = _bare("News | Weather warning for the north")
    assert extract_article(page, url="https://news.bbc.co.uk/a").title == "News | Weather warning for the north"
    page = _bare("0 | Weather warning for the north")
    assert extract_article(page, url="http://127.0.0.1:8000/a").title == "0 | Weather warning for the north"
    page = _bare("BBC | Weather warning for the north")
    assert extract_article(page, url="https://news.bbc.co.uk/a").title == "Weather warning for the north"


def test_the_title_keeps_the_dashes_and_quotes_the_h1_shows_and_no_dangling_separator():
    stated = 'Bushido antwortet Azad - und erklärt ihn für "finished"'
    shown = "Bushido antwortet Azad – und erklärt ihn für „finished“"
    assert extract_article(_page(stated, shown), url="https://news.example/a").title == shown
    # an h1 that differs in more than its marks (a kicker run into the headline) does not replace the title
    page = _bare("Interne Unterlagen im Netz: Daten von Rheinmetall gehackt",
                 "<span>Interne Unterlagen im Netz</span><span>Daten von Rheinmetall gehackt</span>")
    assert extract_article(page, url="https://news.example/a").title == (
        "Interne Unterlagen im Netz: Daten von Rheinmetall gehackt"
    )
    page = _bare("Pferdesport definitiv bei Olympia 2028 dabei -", "Olympia")
    assert extract_article(page, url="https://news.example/a").title == "Pferdesport definitiv bei Olympia 2028 dabei"


def test_a_kicker_before_the_headline_is_not_part_of_the_title():
    # the h1 sets the kicker (Dachzeile) apart, the stated title runs it into the headline
    h1 = ("<span class='article-heading__kicker'>Klimaschutz</span><span class='visually-hidden'>: </span>"
          "<span class='article-heading__title'>Bohren, bis es heiß wird</span>")
    page = _bare("Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE", h1)
    assert extract_article(page, url="https://news.example/a").title == "Bohren, bis es heiß wird"
    # the h1 shows the headline alone
    page = _bare("Chronik: Lotte Tobisch ist tot", "Lotte Tobisch ist tot")
    assert extract_article(page, url="https://news.example/a").title == "Lotte Tobisch ist tot"
    # a colon inside the headline the h1 shows stays
    whole = "Brexit: Johnson loses vote on the deal"
    assert extract_article(_bare(whole, whole), url="https://news.example/a").title == whole
    # the h1's parts join as the reader sees them: a drop cap is one word with the rest, a line break a space
    page = _bare("The old bridge will close to cars | County Times",
                 "<span class='cap'>T</span>he old bridge will close to cars")
    assert extract_article(page, url="https://news.example/a").title == "The old bridge will close to cars"
    page = _bare("Open Progress - Why collaborative thinking beats individual smarts | The Economist",
                 "Open Progress<br>Why collaborative thinking beats individual smarts")
    assert extract_article(page, url="https://news.example/a").title == (
        "Open Progress - Why collaborative thinking beats individual smarts"
    )


def test_a_site_name_with_separators_of_its_own_goes_whole():
    site = "AOC media - Analyse Opinion Critique"
    headline = "Pour le néolibéralisme, la retraite est un archaïsme"
    page = (
        f'<html><head><title>{headline} | {site}</title><meta property="og:site_name" content="{site}"></head>'
        f"<body><h1>Opinion</h1>{BODY}</body></html>"
    )
    assert extract_article(page, url="https://aoc.example/opinion/1").title == headline


def test_a_chinese_site_and_channel_set_after_the_headline_without_spaces_go():
    headline = "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶"
    page = _bare(f"{headline}_科技_腾讯网")
    assert extract_article(page, url="https://news.example/a").title == headline
    page = _bare("短缺药品保供稳价 全力保障临床用药需求-新华网")
    assert extract_article(page, url="https://news.example/a").title == "短缺药品保供稳价 全力保障临床用药需求"
    # a headline naming two places is not a headline and a site
    page = _bare("COVID-19 cases in 北京-上海 corridor")
    assert extract_article(page, url="https://news.example/a").title == "COVID-19 cases in 北京-上海 corridor"
