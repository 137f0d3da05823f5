"""Text the page's readers do not see leaves before extraction: hidden elements, screen-reader text, hover cards'
hidden parts, share buttons inside sentences."""

from __future__ import annotations

from newsflow.extract import extract_article

SENTENCE = "The council met on Tuesday evening to settle the budget for the coming year, and it argued late. "


def test_a_hover_cards_hidden_text_leaves_the_sentence_and_the_name_stays():
    # thehill.com: each person's name carries a card of the full name and other stories' headlines
    card = (
        "<p>South Dakota Gov. <span class='rollover-people'><a href='/people/kristi-noem'>Kristi Noem</a>"
        "<span class='rollover-people-block'><a href='/people/kristi-noem'>Kristi Lynn Noem</a>"
        "<a href='/x'>South Dakota governor doubles down on meth campaign</a></span></span> (R) is defending the "
        "state's launch of an anti-drug campaign.</p>"
        "<p>A <span class='tooltip'>quorum<span class='tooltiptext'>the least number of members</span></span> met.</p>"
    )
    article = extract_article(f"<html><body><article>{card}<p>{SENTENCE * 3}</p></article></body></html>")
    assert article.text.startswith(
        "South Dakota Gov. Kristi Noem (R) is defending the state's launch of an anti-drug campaign.\n\nA quorum met."
    )


def test_what_a_browser_hides_and_text_for_screen_readers_only_leave_and_collapsed_text_stays():
    body = (
        f"<p>{SENTENCE}</p><p hidden>A related story that the page never shows.</p>"
        "<div style='visibility: hidden;'><p>A teaser the page keeps invisible.</p></div>"
        f"<p><span class='sr-only'>Image caption </span>The mayor at the podium on Tuesday.</p>"
        f"<p hidden='until-found'>The rest of the council's answer, opened by the page's search.</p><p>{SENTENCE}</p>"
    )
    article = extract_article(f"<html><body><article>{body}</article></body></html>")
    assert "never shows" not in article.text and "Image caption" not in article.text
    assert "invisible" not in article.text
    assert "The mayor at the podium on Tuesday." in article.text
    assert "opened by the page's search" in article.text


def test_a_share_button_inside_the_text_leaves_and_the_quote_and_a_sentences_share_link_stay():
    intent = "https://twitter.com/intent/tweet?text=quote"
    quote = (
        "<p>Think about it. <span class='bctt-click-to-tweet'><span class='bctt-ctt-text'>"
        f"<a href='{intent}'>The laws of physics apply to online business just like offline business.</a></span>"
        f"<a href='{intent}' class='bctt-ctt-btn'>Click To Tweet</a></span>It takes time to build a business.</p>"
        "<p>To write to your MP, click <a href='mailto:?subject=Farms'>here</a> and paste in the address.</p>"
    )
    article = extract_article(f"<html><body><article>{quote}<p>{SENTENCE * 3}</p></article></body></html>")
    assert "Click To Tweet" not in article.text
    assert "offline business.It takes time" in article.text
    assert "click here and paste" in article.text


def test_a_page_that_hides_its_whole_content_until_a_script_runs_keeps_its_text():
    body = f"<div id='app' hidden><article><p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p></article></div>"
    assert SENTENCE.strip() in extract_article(f"<html><body>{body}</body></html>").text
