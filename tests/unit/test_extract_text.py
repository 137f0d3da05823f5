"""Text normalisation of extracted bodies: invisible break hints do not split words."""

from __future__ import annotations

from newsflow.extract import extract_article
from newsflow.extract.textutil import squash, tidy_paragraph

SENTENCE = "The council met on Tuesday evening to settle the budget for the coming year, and it argued late. "


def test_squash_and_tidy_remove_soft_hyphens_and_zero_width_spaces_but_keep_joiners():
    assert squash("Mit\u00adtel\u00adal\u00adter \ufeffok") == "Mittelalter ok"
    assert tidy_paragraph("Wein\u200bbau\u2060 am  Hang") == "Weinbau am Hang"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # the zero-width non-joiner is spelling
    assert tidy_paragraph(persian) == persian


def test_soft_hyphens_and_zero_width_characters_do_not_split_words():
    paragraph = "Im Mit&shy;tel&shy;al&shy;ter war der Wein&#8203;bau am Hang das Aus&shy;hän&shy;ge&shy;schild. "
    html = f"<html><body><article><p>{paragraph * 4}</p><p>{SENTENCE * 3}</p></article></body></html>"
    text = extract_article(html, url="http://127.0.0.1/wein").text
    assert "Im Mittelalter war der Weinbau am Hang das Aushängeschild." in text
    assert "\u00ad" not in text and "\u200b" not in text
