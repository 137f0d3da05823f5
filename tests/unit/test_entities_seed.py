"""The seed article through the real spaCy model: people, places, amounts, and short names joined up."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.entities import aggregate_entities, get_extractor
from newsflow.records import EntityMention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "seed-article.txt"
TITLE = "NATO leaders discuss increased defense commitments amid global threats"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_mentions() -> tuple[str, list[EntityMention]]:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared not beside the checkout)")
    raw = SEED.read_text(encoding="utf-8")
    body = raw[raw.index("Secretary of State Marco Rubio") :]
    return body, get_extractor().extract_batch([(TITLE, body)])[0]


def labels_of(mentions: list[EntityMention]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.canonical, set()).add(m.label)
    return out


def test_offsets_index_the_text(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    body, mentions = seed_mentions
    assert mentions
    for m in mentions:
        assert body[m.start : m.end] == m.text


def test_people_places_and_organisations(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    _, mentions = seed_mentions
    labels = labels_of(mentions)
    assert labels["Marco Rubio"] == {"PERSON"}
    assert labels["Mark Rutte"] == {"PERSON"}
    assert labels["NATO"] == {"ORG"}
    for country in ("Ukraine", "Lithuania", "Russia", "China", "North Korea", "Iran", "Canada"):
        assert labels[country] == {"GPE"}, country


def test_every_short_name_counts_under_the_full_name(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    body, mentions = seed_mentions
    rubio = [m for m in mentions if m.text in {"Rubio", "Marco Rubio"}]
    assert len(rubio) == body.count("Rubio")
    assert {m.canonical for m in rubio} == {"Marco Rubio"}
    rutte = [m for m in mentions if "Rutte" in m.text]
    assert len(rutte) == body.count("Rutte")
    assert {(m.canonical, m.label) for m in rutte} == {("Mark Rutte", "PERSON")}


def test_no_roles_or_glued_plurals_as_organisations(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    _, mentions = seed_mentions
    orgs = {m.text for m in mentions if m.label == "ORG"}
    assert "State" not in orgs
    assert "NATO Allies" not in orgs
    assert not any("Secretary" in m.text or "President" in m.text for m in mentions if m.label == "PERSON")


def test_amounts_are_parsed(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    _, mentions = seed_mentions
    money = [m for m in mentions if m.label == "MONEY"]
    assert [(m.text, m.value, m.unit) for m in money] == [("$20 billion", 20_000_000_000.0, "USD")]
    percent = [m for m in mentions if m.label == "PERCENT"]
    assert [(m.text, m.value, m.unit) for m in percent] == [("5 percent", 5.0, "%")]


def test_countries_carry_iso_codes(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    _, mentions = seed_mentions
    codes = {m.canonical: m.iso_code for m in mentions if m.label == "GPE"}
    assert codes["North Korea"] == "KP"
    assert codes["United States"] == "US"  # from "U.S." and "the United States'"
    assert {m.text for m in mentions if m.canonical == "United States"} == {"U.S.", "United States"}


def test_summary_one_row_per_entity(seed_mentions: tuple[str, list[EntityMention]]) -> None:
    body, mentions = seed_mentions
    summaries = {(s.canonical, s.label): s for s in aggregate_entities(mentions)}
    rubio = summaries[("Marco Rubio", "PERSON")]
    assert rubio.mentions == body.count("Rubio")
    assert rubio.aliases == ["Marco Rubio", "Rubio"]
    assert rubio.first_offset == body.index("Marco Rubio")
    assert summaries[("United States", "GPE")].iso_code == "US"
    assert len(summaries) == len({(m.canonical, m.label) for m in mentions})
