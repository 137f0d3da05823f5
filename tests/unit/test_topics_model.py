"""Trainable topic models (train, save, load, classify), the evaluation mappings and ``newsflow topics``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsflow.errors import InputError
from newsflow.settings import reset_settings
from newsflow.topics import TopicInput, dataset_mapping, get_classifier, reset_classifiers, taxonomy, train_model
from newsflow.topics.model import MAGIC, load_model

# A small labelled set written for these tests (not taken from any data set).
EXAMPLES = {
    "Sports": [
        ("Rovers win the cup final", "A late goal from the striker sealed victory for the home side."),
        ("Champion retains title", "The defending champion won in straight sets on centre court."),
        ("Coach sacked after defeat", "The club dismissed its manager after a fifth league loss in a row."),
        ("Record run at the Olympics", "The sprinter broke the world record in the 100m final."),
        ("Batsman hits century", "The captain's century put his team in control of the test match."),
        ("Quarterback injured", "The team's quarterback will miss the playoff game with a knee injury."),
    ],
    "Business": [
        ("Bank raises interest rates", "The central bank lifted rates to curb inflation, economists said."),
        ("Carmaker profits jump", "Quarterly profit rose 20% on strong sales, the company reported."),
        ("Retailer cuts jobs", "The chain will close stores and cut 2,000 jobs as sales slump."),
        ("Oil price hits high", "Crude oil rose above $90 a barrel as supply fears grew in markets."),
        ("Takeover bid rejected", "The board rejected the takeover offer, saying it undervalued the firm."),
        ("Shares fall on outlook", "Investors sold the stock after the group cut its earnings forecast."),
    ],
    "Tech": [
        ("New phone has faster chip", "The handset's processor and camera software were upgraded."),
        ("Browser update fixes flaw", "The security patch closes a hole hackers used to install spyware."),
        ("Broadband speeds double", "Internet providers are upgrading their networks to fibre."),
        ("Console sales soar", "Gamers bought the video game console in record numbers."),
        ("Search engine adds maps", "The web company launched an online mapping service for users."),
        ("Laptop makers adopt new screen", "Computer makers will ship the display in notebooks next year."),
    ],
}


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def labelled_rows() -> list[dict[str, object]]:
    return [
        {"title": title, "text": text, "label": label} for label, pairs in EXAMPLES.items() for title, text in pairs
    ]


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("model")
    data = write_jsonl(workdir / "train.jsonl", labelled_rows())
    output = workdir / "topics.model"
    summary = train_model([data], output)
    assert summary.documents == 18
    assert summary.labels == {"Business": 6, "Sports": 6, "Tech": 6}
    return output


@pytest.fixture
def clean_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.delenv("NEWSFLOW_TOPIC_MODEL", raising=False)
    reset_settings()
    reset_classifiers()
    yield monkeypatch
    reset_settings()
    reset_classifiers()


def test_trained_model_classifies_with_its_labels(model_path: Path) -> None:
    model = load_model(model_path)
    results = model.classify_batch(
        [
            TopicInput("Striker scores in cup win", "The home side won the league match with a late goal."),
            TopicInput("Profit warning hits shares", "The company said quarterly sales and earnings fell."),
            TopicInput(None, ""),
        ]
    )
    assert [r.topic for r in results] == ["Sports", "Business", None]
    first = results[0]
    assert {s.label for s in first.topics} <= {"Sports", "Business", "Tech"}
    assert [s.score for s in first.topics] == sorted((s.score for s in first.topics), reverse=True)
    assert abs(sum(s.score for s in first.topics) - 1.0) < 0.01
    assert first.classifier == f"newsflow-trained@{model.version}"
    # "Sports" is also a taxonomy topic, so it carries its IPTC code; the others are not.
    codes = {s.label: s.code for s in first.topics}
    assert codes["Sports"] == "medtop:15000000" and codes.get("Tech") is None
    assert [t.name for t in model.topics] == ["Business", "Sports", "Tech"]


def test_model_file_records_labels_version_and_training_data(model_path: Path) -> None:
    raw = model_path.read_bytes()
    assert raw.startswith(MAGIC)
    header = json.loads(raw[len(MAGIC) :].split(b"\n", 1)[0])
    assert header["format_version"] == 1
    assert header["labels"] == ["Business", "Sports", "Tech"]
    assert header["model_version"] == load_model(model_path).version
    training = header["training"]
    assert training["labels"] == {"Business": 6, "Sports": 6, "Tech": 6}
    assert training["files"][0]["documents"] == 18 and len(training["files"][0]["sha256"]) == 64


def test_models_this_version_cannot_load_are_clear_errors(model_path: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(InputError, match="not a newsflow topic model"):
        load_model(foreign)
    raw = model_path.read_bytes()
    future = tmp_path / "future.model"
    future.write_bytes(raw.replace(b'"format_version": 1', b'"format_version": 2', 1))
    with pytest.raises(InputError, match="format 2"):
        load_model(future)
    damaged = tmp_path / "damaged.model"
    damaged.write_bytes(raw[: len(raw) - 100])
    with pytest.raises(InputError, match=str(damaged)):
        load_model(damaged)
    with pytest.raises(InputError, match="cannot read"):
        load_model(tmp_path / "missing.model")


def test_bad_training_data_names_file_and_line(tmp_path: Path) -> None:
    rows = labelled_rows()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rows[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        train_model([bad], tmp_path / "m")
    nolabel = write_jsonl(tmp_path / "nolabel.jsonl", [{"title": "x", "text": "y"}])
    with pytest.raises(InputError, match=r"nolabel.jsonl:1: 'label'"):
        train_model([nolabel], tmp_path / "m")
    one_label = write_jsonl(tmp_path / "one.jsonl", [r for r in rows if r["label"] == "Tech"])
    with pytest.raises(InputError, match="at least two labels"):
        train_model([one_label], tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_settings_choose_the_trained_model(model_path: Path, clean_settings: pytest.MonkeyPatch) -> None:
    assert get_classifier().name == "newsflow-lexicon"
    clean_settings.setenv("NEWSFLOW_TOPIC_MODEL", str(model_path))
    reset_settings()
    assert get_classifier().name == "newsflow-trained"
    assert get_classifier(model_path) is get_classifier()


def test_mappings_cover_each_topic_once() -> None:
    names = {t.name for t in taxonomy()}
    for dataset, labels in (
        ("ag_news", {"World", "Sports", "Business", "Sci/Tech"}),
        ("bbc_news", {"business", "entertainment", "politics", "sport", "tech"}),
    ):
        mapping = dataset_mapping(dataset)
        assert set(mapping) == labels
        mapped = [t for topics in mapping.values() for t in topics]
        assert len(mapped) == len(set(mapped)) and set(mapped) <= names
    assert "Geopolitics" in dataset_mapping("ag_news")["World"]
    with pytest.raises(InputError, match="unknown data set"):
        dataset_mapping("imdb")


def test_mapping_adds_a_trained_models_own_labels() -> None:
    mapping = dataset_mapping("bbc_news", ["business", "sport", "Other"])
    assert mapping["business"][-1] == "business" and mapping["sport"][-1] == "sport"
    assert all("Other" not in topics for topics in mapping.values())


def test_cli_list_mapping_and_train(tmp_path: Path, clean_settings: pytest.MonkeyPatch) -> None:
    from newsflow.cli.topics import app

    runner = CliRunner()
    listed = runner.invoke(app, ["list", "--json"])
    assert listed.exit_code == 0, listed.output
    payload = json.loads(listed.stdout)
    assert {t["name"] for t in payload["topics"]} >= {"Geopolitics", "Sports"}
    assert payload["classifier"].startswith("newsflow-lexicon@")

    table = runner.invoke(app, ["list"])
    assert table.exit_code == 0 and table.stdout == "" and "Geopolitics" in table.stderr

    mapped = runner.invoke(app, ["mapping", "ag_news"])
    assert mapped.exit_code == 0
    assert json.loads(mapped.stdout) == dataset_mapping("ag_news")

    unknown = runner.invoke(app, ["mapping", "nope"])
    assert unknown.exit_code == 2 and "unknown data set" in unknown.stderr and unknown.stdout == ""

    half = labelled_rows()
    first = write_jsonl(tmp_path / "a.jsonl", half[::2])
    second = write_jsonl(tmp_path / "b.jsonl", half[1::2])
    output = tmp_path / "out" / "model.bin"
    trained = runner.invoke(app, ["train", "--data", str(first), str(second), "--output", str(output)])
    assert trained.exit_code == 0, trained.output
    assert load_model(output).header["training"]["documents"] == 18

    clean_settings.setenv("NEWSFLOW_TOPIC_MODEL", str(output))
    reset_settings()
    listed = runner.invoke(app, ["list", "--json"])
    assert [t["name"] for t in json.loads(listed.stdout)["topics"]] == ["Business", "Sports", "Tech"]

    broken = runner.invoke(app, ["train", "--data", str(tmp_path / "missing.jsonl"), "--output", str(output)])
    assert broken.exit_code == 2 and "missing.jsonl" in broken.stderr
