"""The default lexicon classifier and the taxonomy file it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.errors import InputError
from newsflow.topics import TopicInput, get_classifier, taxonomy
from newsflow.topics.lexicon import LexiconClassifier
from newsflow.topics.taxonomy import TAXONOMY_FILE, load_taxonomy, parse_taxonomy
from newsflow.topics.text import normalise

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "seed-article.txt"
REQUIRED = {
    "Geopolitics",
    "Politics",
    "Business & Economy",
    "Technology",
    "Science",
    "Health",
    "Environment & Climate",
    "Sports",
    "Arts, Culture & Entertainment",
    "Crime & Justice",
    "Disasters & Accidents",
}


@pytest.fixture(scope="module")
def lexicon() -> LexiconClassifier:
    return LexiconClassifier()


def top(lexicon: LexiconClassifier, title: str | None, text: str) -> str | None:
    return lexicon.classify_batch([TopicInput(title, text)])[0].topic


def test_taxonomy_has_the_required_topics_with_iptc_codes() -> None:
    topics = {topic.name: topic for topic in taxonomy()}
    assert set(topics) >= REQUIRED
    assert topics["Geopolitics"].iptc_code == "medtop:20000638"
    assert topics["Sports"].iptc_code == "medtop:15000000"
    for topic in topics.values():
        assert topic.description and topic.iptc_code and topic.iptc_code.startswith("medtop:")


def test_seed_article_is_geopolitics(lexicon: LexiconClassifier) -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared not beside the repo)")
    raw = SEED.read_text(encoding="utf-8")
    title = raw.splitlines()[0]
    body = raw[raw.index("Secretary of State Marco Rubio") :]
    result = lexicon.classify_batch([TopicInput(title, body)])[0]
    assert result.topic == "Geopolitics"
    assert result.topics[0].code == "medtop:20000638"
    assert top(lexicon, None, body) == "Geopolitics"  # the body alone, without the telling title


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Striker scores twice as United win derby", "The midfielder was booked before half time.", "Sports"),
        (
            "Shares slide after profit warning",
            "The retailer said quarterly sales fell 4% and cut its outlook.",
            "Business & Economy",
        ),
        (
            "New chip doubles laptop battery life",
            "The processor maker said the software update ships next month.",
            "Technology",
        ),
        (
            "Astronomers spot water on distant planet",
            "The telescope data suggest the planet's orbit is stable.",
            "Science",
        ),
        (
            "Flu vaccine shortage worries doctors",
            "Hospitals say patients with chronic conditions are at risk.",
            "Health",
        ),
        (
            "Glaciers melting faster, climate study says",
            "Greenhouse gas emissions keep rising, scientists warned.",
            "Environment & Climate",
        ),
        (
            "Actress wins best film award",
            "The director thanked the cast at the Oscars ceremony.",
            "Arts, Culture & Entertainment",
        ),
        (
            "Man jailed for murder",
            "The jury at the crown court found him guilty after a three-week trial.",
            "Crime & Justice",
        ),
        (
            "Earthquake kills hundreds",
            "Rescue workers searched the rubble as the death toll rose.",
            "Disasters & Accidents",
        ),
        (
            "Opposition party wins most seats",
            "Voters turned out in record numbers for the general election.",
            "Politics",
        ),
        (
            "Ministers sign arms treaty",
            "Diplomats from both countries agreed new sanctions at the summit.",
            "Geopolitics",
        ),
    ],
)
def test_clear_cases(lexicon: LexiconClassifier, title: str, text: str, expected: str) -> None:
    assert top(lexicon, title, text) == expected


def test_result_shape(lexicon: LexiconClassifier) -> None:
    result = lexicon.classify_batch([TopicInput("Chelsea beat Arsenal", "A late goal won the league match.")])[0]
    scores = [s.score for s in result.topics]
    assert result.topic == result.topics[0].label == "Sports"
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    assert sum(scores) <= 1.0001
    assert result.classifier == f"{lexicon.name}@{lexicon.version}"
    codes = {t.name: t.iptc_code for t in taxonomy()}
    assert all(s.code == codes[s.label] for s in result.topics)


def test_nothing_scores_gives_no_topic(lexicon: LexiconClassifier) -> None:
    for doc in (TopicInput(None, ""), TopicInput("", "   "), TopicInput(None, "Lorem ipsum dolor sit amet")):
        result = lexicon.classify_batch([doc])[0]
        assert result.topic is None and result.topics == []


def test_longest_phrase_wins(lexicon: LexiconClassifier) -> None:
    # "video game" is a Technology phrase; its "game" must not also count for Sports.
    assert top(lexicon, None, "A new video game for the console") == "Technology"
    assert top(lexicon, None, "The game went to extra time") == "Sports"


def test_case_sensitive_words(lexicon: LexiconClassifier) -> None:
    # "US" names a state, "us" does not; "Labour" is a party, "labour" is work.
    names = [t.name for t in taxonomy()]
    geo, politics = names.index("Geopolitics"), names.index("Politics")
    assert (
        lexicon.raw_scores(TopicInput(None, "Tell US about Iran"))[geo]
        > (lexicon.raw_scores(TopicInput(None, "Tell us about Iran"))[geo])
    )
    assert lexicon.raw_scores(TopicInput(None, "Labour"))[politics] > 0
    assert lexicon.raw_scores(TopicInput(None, "labour"))[politics] == 0


def test_plurals_and_possessives_normalise() -> None:
    assert normalise("Treaties") == normalise("treaty") == "treaty"
    assert normalise("Talks") == "talk"
    assert normalise("Britain's") == "britain"
    assert normalise("crisis") == "crisis" and normalise("bus") == "bus"


def test_title_counts_more_than_body(lexicon: LexiconClassifier) -> None:
    in_title = lexicon.raw_scores(TopicInput("Election", "nothing here"))
    in_body = lexicon.raw_scores(TopicInput("nothing here", "Election"))
    politics = [t.name for t in taxonomy()].index("Politics")
    assert in_title[politics] > in_body[politics] > 0


def test_several_states_point_to_geopolitics(lexicon: LexiconClassifier) -> None:
    geo = [t.name for t in taxonomy()].index("Geopolitics")
    one = lexicon.raw_scores(TopicInput(None, "France"))[geo]
    three = lexicon.raw_scores(TopicInput(None, "France, Germany and Japan"))[geo]
    assert three > one > 0


def test_default_classifier_is_the_lexicon_and_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsflow.settings import reset_settings
    from newsflow.topics import reset_classifiers

    monkeypatch.delenv("NEWSFLOW_TOPIC_MODEL", raising=False)
    reset_settings()
    reset_classifiers()
    first = get_classifier()
    assert first.name == "newsflow-lexicon"
    assert get_classifier() is first


def test_version_follows_the_file() -> None:
    from importlib import resources

    raw = resources.files("newsflow.topics").joinpath(TAXONOMY_FILE).read_bytes()
    edited = parse_taxonomy(raw.replace(b"diplomacy, diplomat,", b"diplomat,", 1))
    assert LexiconClassifier(edited).version != LexiconClassifier(load_taxonomy()).version


def test_no_phrase_opens_with_a_very_common_word(lexicon: LexiconClassifier) -> None:
    common = {"the", "a", "an", "at", "of", "in", "to", "on", "not", "no", "and", "for", "is", "it", "by", "with"}
    assert [pair for pair in lexicon._bigrams if pair[0] in common] == []


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ((b"format = 1", b"format = 9"), "format"),
        ((b'name = "Politics"', b'name = "Geopolitics"'), "twice"),
        ((b'World = ["Geopolitics"', b'World = ["Geopolitix"'), "unknown topic"),
        ((b'Sports = ["Sports"]', b'Sports = ["Sports", "Politics"]'), "both"),
        ((b"\n[weights]\n", b"\n[weights\n"), "TOML"),
    ],
)
def test_broken_taxonomy_files_are_refused(edit: tuple[bytes, bytes], message: str) -> None:
    from importlib import resources

    raw = resources.files("newsflow.topics").joinpath(TAXONOMY_FILE).read_bytes()
    assert edit[0] in raw
    with pytest.raises(InputError, match=message):
        parse_taxonomy(raw.replace(edit[0], edit[1], 1))


def test_dev_sets_through_the_mapping_when_present(lexicon: LexiconClassifier) -> None:
    """Accuracy floors well under the measured figures (bench/topics.py), to catch a broken lexicon."""
    import json

    from newsflow.topics import dataset_mapping

    for dataset, floor in (("ag_news", 0.75), ("bbc_news", 0.85)):
        path = SHARED / "data" / "topics" / f"{dataset}.dev.jsonl"
        if not path.exists():
            pytest.skip(f"{path} is absent (../shared not beside the repo)")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        label_of = {t: label for label, topics in dataset_mapping(dataset).items() for t in topics}
        results = lexicon.classify_batch([TopicInput(r.get("title"), r.get("text") or "") for r in rows])
        correct = sum(label_of.get(res.topic or "") == r["label"] for r, res in zip(rows, results, strict=True))
        assert correct / len(rows) >= floor, dataset


@pytest.mark.parametrize(
    ("title", "text", "not_expected"),
    [
        # Plural team names normalise to common words ("Nationals" → "national"); they must not fire.
        ("National Guard HQ attacked", "A mortar attack on a National Guard base killed four guards.", "Sports"),
        ("Bombs hit the south", "More bombs hit markets as the prime minister appealed for calm.", "Sports"),
        ("Brown bear attacks hikers", "A brown bear was seen near the forest village.", "Sports"),
        ("Common ground on security", "Leaders found common ground on border security.", "Business & Economy"),
    ],
)
def test_common_words_do_not_fire_for_names(
    lexicon: LexiconClassifier, title: str, text: str, not_expected: str
) -> None:
    assert top(lexicon, title, text) != not_expected
