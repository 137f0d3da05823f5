"""The ``newsflow`` console script as users and scripts run it: exit codes, stdout/stderr, real stores."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NEWSFLOW = str(Path(sys.executable).with_name("newsflow"))


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 300):
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [NEWSFLOW, *args], input=stdin, capture_output=True, text=True, env=environment, timeout=timeout, check=False
    )


def test_init_is_idempotent_and_feeds_commands_validate_input(newsflow_env: str, tmp_path: Path) -> None:
    assert run("init").returncode == 0
    second = run("init")
    assert second.returncode == 0 and "schema" in second.stderr and second.stdout == ""

    bad = run("feeds", "add", "not-a-url")
    assert bad.returncode == 2
    assert "not-a-url" in bad.stderr and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

    assert run("feeds", "add", "https://news.example/feed.xml", "--name", "Example", "--tag", "world").returncode == 0
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Tech">'
        '<outline text="B" xmlUrl="https://b.example/atom"/></outline></body></opml>'
    )
    assert run("feeds", "import", str(opml)).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("feeds: {oops")
    failed = run("feeds", "import", str(broken))
    assert failed.returncode == 2 and "broken.yaml" in failed.stderr
    missing = run("feeds", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "nope.toml" in missing.stderr

    listed = run("feeds", "list", "--json")
    assert listed.returncode == 0
    feeds = json.loads(listed.stdout)
    assert [(f["url"], f["name"], f["tags"]) for f in feeds] == [
        ("https://news.example/feed.xml", "Example", ["world"]),
        ("https://b.example/atom", "B", ["Tech"]),
    ]
    assert {"last_status", "last_error_code", "failures_in_row", "next_due_at"} <= set(feeds[0])


def test_commands_on_an_uninitialised_store_say_to_run_init(newsflow_env: str) -> None:
    result = run("feeds", "list")
    assert result.returncode == 1 and "newsflow init" in result.stderr


def test_bad_database_url_is_a_clear_error(newsflow_env: str) -> None:
    result = run("init", env={"NEWSFLOW_DATABASE_URL": "mysql://x"})
    assert result.returncode != 0 and "NEWSFLOW_DATABASE_URL" in result.stderr


def test_export_rejects_bad_dates(newsflow_env: str) -> None:
    assert run("init").returncode == 0
    result = run("export", "--since", "yesterday")
    assert result.returncode == 2 and "--since" in result.stderr


def test_analyze_keeps_order_and_reports_malformed_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "title": "Talks", "text": "Marco Rubio met Mark Rutte in Brussels."}),
        "{not json",
        json.dumps(
            {
                "id": "b",
                "html": "<html><body><article><p>"
                + "Lionel Messi scored twice. " * 20
                + "</p></article></body></html>",
            }
        ),
        json.dumps({"id": 3, "text": "x"}),
    ]
    result = run("analyze", "--no-topics", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "b", 3]
    assert "error" in out[1] and "error" in out[3]
    first = out[0]
    for entity in first["entities"]:
        assert first["text"][entity["start"] : entity["end"]] == entity["text"]
    assert {"Marco Rubio", "Mark Rutte"} <= {e["canonical"] for e in first["entities"] if e["label"] == "PERSON"}
    assert out[2]["text"].startswith("Lionel Messi scored twice.")


@pytest.mark.slow
def test_seed_site_through_the_console_script(newsflow_env: str, seed_site: str, tmp_path: Path) -> None:
    """What outside evaluation does: init, ingest twice with --json (Prefect's ephemeral mode), export."""
    feed = f"{seed_site}/feed.xml"
    env = {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": ""}
    assert run("init", env=env).returncode == 0
    first = run("ingest", "--feed", feed, "--json", env=env)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["articles_new"] == 1 and summary["feeds_failed"] == 0
    second = run("ingest", "--feed", feed, "--json", env=env)
    assert second.returncode == 0 and json.loads(second.stdout)["articles_new"] == 0

    exported = run("export", "--format", "jsonl", env=env)
    (article,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert article["canonical_url"] == f"{seed_site}/articles/nato-defense-commitments.html"
    assert article["text"].startswith("Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte")
    assert {
        "id",
        "feed_url",
        "url",
        "title",
        "text",
        "published_at",
        "published_source",
        "authors",
        "authors_source",
        "modified_source",
        "fetched_at",
        "language",
        "topic",
        "topics",
        "entities",
    } <= set(article)

    as_csv = run("export", "--format", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 1 and rows[0]["title"] == article["title"]
    parquet = tmp_path / "out.parquet"
    assert run("export", "--format", "parquet", "--output", str(parquet), env=env).returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 1
