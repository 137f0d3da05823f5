"""The standfirst a page shows above the body, outside the body's container, opens the extracted text where the
page's language writes it as the story's lead; an English dek (a summary apart from the story) is left out."""

from __future__ import annotations

from newsflow.extract import extract_article

DEK = "Engineers found cracks in the piers last week, and the council says the repairs will take two years."
PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge to cars from next month, after an inspection of the "
    "piers found cracks that had widened since the last survey in the spring.",
    "Buses and bicycles will still be allowed across while the repairs go ahead, the council said, but lorries "
    "will have to take the ring road, adding twenty minutes to deliveries into the old town.",
    "Shop owners on both banks said they feared losing customers and asked the council for help with the lost "
    "trade; the council promised a fund for the businesses worst hit by the closure.",
    "The bridge, built in 1889, carries about twelve thousand vehicles a day, according to the council's own "
    "traffic counts, and it was last closed for repairs in the winter of 1978.",
]

# A German Vorspann opens the story; trafilatura's evaldata counts it as the article's text
VORSPANN = "Ingenieure fanden in der vergangenen Woche Risse in den Pfeilern, die Reparatur dauert zwei Jahre."
ABSAETZE = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem nächsten Monat für Autos zu sperren, nachdem "
    "bei einer Prüfung der Pfeiler Risse gefunden wurden, die seit der letzten Untersuchung breiter geworden sind.",
    "Busse und Fahrräder dürfen die Brücke während der Reparatur weiter nutzen, sagte der Stadtrat, aber Lastwagen "
    "müssen über die Ringstraße fahren, was die Lieferungen in die Altstadt um zwanzig Minuten verlängert.",
    "Ladenbesitzer auf beiden Ufern fürchten, Kunden zu verlieren, und baten den Stadtrat um Hilfe; der Stadtrat "
    "versprach einen Fonds für die Geschäfte, die von der Sperrung am stärksten betroffen sind.",
    "Die Brücke wurde im Jahr 1889 gebaut und trägt nach den Zählungen des Stadtrats etwa zwölftausend Fahrzeuge am "
    "Tag; zuletzt wurde sie im Winter 1978 für Reparaturen gesperrt.",
]


def _page(lead: str, after: str = "", description: str = VORSPANN, paragraphs: list[str] = ABSAETZE) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><title>Old bridge to close to cars</title><meta name="description" content="{description}">'
        "</head><body><nav><a href='/'>Home</a></nav><div class='hero'><h1>Old bridge to close to cars</h1>"
        f"{lead}</div><div class='content'><article>{body}</article></div>{after}</body></html>"
    )


def test_a_standfirst_outside_the_article_container_opens_the_text():
    article = extract_article(_page(f"<div class='article__lead'>{VORSPANN}</div>"), url="https://news.example/b")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == VORSPANN
    assert paragraphs[1:] == ABSAETZE
    assert article.html is not None and article.html.startswith(f"<p>{VORSPANN}</p>")


def test_an_english_dek_is_a_summary_apart_from_the_story_and_is_left_out():
    page = _page(f"<div class='article__lead'>{DEK}</div>", description=DEK, paragraphs=PARAGRAPHS)
    article = extract_article(page, url="https://news.example/bridge")
    assert article.language == "en"
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_description_shown_nowhere_or_only_after_the_body_or_as_a_teaser_is_not_added():
    url = "https://news.example/bridge"
    assert extract_article(_page(""), url=url).text.split("\n\n") == ABSAETZE
    footer = f"<footer><p>{VORSPANN}</p></footer>"
    assert extract_article(_page("", after=footer), url=url).text.split("\n\n") == ABSAETZE
    after = f"<section class='more'><p>{VORSPANN}</p></section>"
    assert VORSPANN not in extract_article(_page("", after=after), url=url).text.split("\n\n")[:1]
    teaser = f"<aside><p>{VORSPANN}</p></aside>"
    assert extract_article(_page(teaser), url=url).text.split("\n\n") == ABSAETZE
    short = "Bridge closes to cars."
    page = _page(f"<div class='article__lead'>{short}</div>", description=short)
    assert extract_article(page, url=url).text.split("\n\n") == ABSAETZE


def test_a_description_that_repeats_the_headline_is_not_added_again():
    headline = "Old bridge to close to cars next month after engineers find cracks in all four of its piers"
    page = _page("", description=headline).replace(
        "<h1>Old bridge to close to cars</h1>", f"<h1>{headline}</h1>"
    ).replace("<title>Old bridge to close to cars</title>", f"<title>{headline}</title>")
    assert extract_article(page, url="https://news.example/bridge").text.split("\n\n") == ABSAETZE


def test_a_description_cut_short_with_an_ellipsis_still_finds_its_standfirst():
    cut = VORSPANN[:84].rsplit(" ", 1)[0] + " …"
    article = extract_article(_page(f"<div class='article__lead'>{VORSPANN}</div>", description=cut),
                              url="https://news.example/bridge")
    assert article.text.split("\n\n")[0] == VORSPANN


def test_a_standfirst_in_the_articles_header_is_left_to_the_header():
    page = _page("").replace("<div class='hero'>", "<header class='article-header'>").replace(
        "</h1></div>", f"</h1><p class='dek'>{VORSPANN}</p></header>"
    )
    assert extract_article(page, url="https://news.example/bridge").text.split("\n\n") == ABSAETZE


def test_a_lede_whose_dateline_the_description_leaves_out_opens_the_text_even_in_english():
    lede = f"<p class='zn-body__paragraph'><cite class='el-editorial-source'>London (CNN)</cite>{DEK}</p>"
    page = _page(f"<div class='el__leafmedia'>{lede}</div>", description=DEK, paragraphs=PARAGRAPHS)
    article = extract_article(page, url="https://news.example/bridge")
    assert article.text.split("\n\n")[0] == f"London (CNN){DEK}"
    # a longer prefix is another paragraph that happens to end with the description's words
    long_prefix = f"<p>As the city's oldest residents will remember from the last closure, {DEK}</p>"
    article = extract_article(_page(f"<div class='el__leafmedia'>{long_prefix}</div>", description=DEK,
                                    paragraphs=PARAGRAPHS), url="https://news.example/b")
    assert article.text.split("\n\n") == PARAGRAPHS


def test_an_intro_paragraph_a_cut_description_was_taken_from_opens_the_text_even_in_english():
    # The Verge sets a story's first paragraph apart for its drop cap; the description is its opening, cut short
    intro = (
        "Engineers have watched the old bridge for years. From the first survey in 1978 to the inspection last "
        "week, each report has found the piers a little weaker than before. That is no accident, as the river has "
        "been scouring the footings for decades. This spring the council finally ran out of time, and of money, "
        "to patch the stonework again."
    )
    cut = intro[:130].rsplit(" ", 1)[0] + "..."
    page = _page(f"<div class='c-entry-intro p-dropcap'><p>{intro}</p><hr></div>", description=cut,
                 paragraphs=PARAGRAPHS)
    article = extract_article(page, url="https://news.example/bridge")
    assert article.language == "en"
    assert article.text.split("\n\n") == [intro, *PARAGRAPHS]
    # a dek the cut description is taken from stays out: it runs on for a sentence, not for a paragraph
    dek = "Engineers found cracks in the piers last week. The council says the repairs will take two years."
    page = _page(f"<div class='article__lead'><p>{dek}</p></div>", description=dek[:60].rsplit(" ", 1)[0] + "...",
                 paragraphs=PARAGRAPHS)
    assert extract_article(page, url="https://news.example/bridge").text.split("\n\n") == PARAGRAPHS
