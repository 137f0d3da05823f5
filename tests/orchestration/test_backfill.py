"""``newsflow backfill`` against a real Prefect server: day partitions as named, tagged subflow runs, skipped
when done, a failed day resumed alone, and ``--reprocess`` recomputing stored articles without fetching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.orchestration.conftest import PrefectServer, api

pytestmark = [pytest.mark.prefect, pytest.mark.slow]

DEMO_SITE = Path(__file__).resolve().parents[2] / "newsflow" / "demo" / "site"
WINDOW = ["--since", "2025-03-31", "--until", "2025-04-04"]  # 03-31 has no article: recorded, never run
DAYS = [f"2025-04-0{day}" for day in range(1, 5)]


def newsflow(*args: str) -> tuple[int, dict[str, Any], str]:
    """Run the CLI in this process; (exit code, the JSON on stdout, stderr)."""
    from newsflow.cli.app import app

    result = CliRunner().invoke(app, list(args))
    stdout = result.stdout.strip()
    return result.exit_code, json.loads(stdout) if stdout else {}, result.stderr


def runs_named(server: PrefectServer, prefix: str) -> list[dict[str, Any]]:
    body = {"flow_runs": {"name": {"like_": prefix}}, "sort": "EXPECTED_START_TIME_ASC"}
    return [run for run in api(server, "POST", "/flow_runs/filter", body) if run["name"].startswith(prefix)]


def test_backfill_and_reprocess_partitions_resume_after_a_failed_day(
    prefect_here: PrefectServer, sqlite_store: str
) -> None:
    from sqlalchemy import delete, update
    from sqlmodel import col, select

    from models import Article, ArticleEntity, ArticleSource, ArticleTopic, BackfillPartition
    from newsflow.demo.server import serve_templates
    from newsflow.resources.db import session_scope

    with serve_templates(DEMO_SITE) as base:
        feeds = ["--feed", f"{base}/world.xml", "--feed", f"{base}/tech.atom"]
        code, first, _ = newsflow("backfill", *WINDOW, *feeds, "--json")
        assert code == 0, first
        assert (first["partitions"], first["completed"], first["skipped"], first["articles"]) == (5, 5, 0, 4)

    # The site is gone from here on: reprocessing must work from what was stored.
    with session_scope() as session:
        articles = {a.published_at.date().isoformat(): a for a in session.exec(select(Article))}  # type: ignore[union-attr]
        assert sorted(articles) == DAYS
        assert len(articles) == 4
        damaged = articles["2025-04-03"]
        source = session.get(ArticleSource, damaged.id)
        assert source is not None and source.raw_html
        kept_entry = source.feed_entry
        source.feed_entry = {"title": "a row damaged on disk"}  # no entry_key: unreadable
        session.add(source)
        # As if an older model had left no topics or entities behind.
        session.execute(update(Article).values(topic=None, topics=[]))
        session.execute(delete(ArticleTopic))
        session.execute(delete(ArticleEntity))

    code, broken, stderr = newsflow("backfill", *WINDOW, *feeds, "--reprocess", "--json")
    assert code == 1, stderr
    assert (broken["completed"], broken["failed"], broken["articles"]) == (4, 1, 3)
    assert broken["failures"][0]["day"] == "2025-04-03" and "entry_key" in broken["failures"][0]["error"]

    with session_scope() as session:
        repaired = session.get(ArticleSource, damaged.id)
        assert repaired is not None
        repaired.feed_entry = kept_entry
        session.add(repaired)
    code, resumed, stderr = newsflow("backfill", *WINDOW, *feeds, "--reprocess", "--json")
    assert code == 0, stderr
    assert (resumed["completed"], resumed["skipped"], resumed["failed"], resumed["articles"]) == (1, 4, 0, 1)

    with session_scope() as session:
        assert all(a.topic for a in session.exec(select(Article))), "reprocess left an article without a topic"
        linked = session.exec(select(ArticleEntity.article_id).distinct())
        assert set(linked) == {a.id for a in articles.values()}, "entities were not recomputed for every article"
        partitions = session.exec(select(BackfillPartition).order_by(col(BackfillPartition.day)))
        assert {(p.mode, p.status) for p in partitions} == {("fetch", "completed"), ("reprocess", "completed")}

    runs = runs_named(prefect_here, "reprocess 2025-04-03")
    assert [run["state"]["type"] for run in runs] == ["FAILED", "COMPLETED"]
    assert {"partition:2025-04-03", "newsflow-backfill", "reprocess-partition"} <= set(runs[-1]["tags"])
    parents = runs_named(prefect_here, "reprocess 2025-03-31..2025-04-04 (2 feed(s))")
    assert [run["state"]["type"] for run in parents] == ["FAILED", "COMPLETED"]
    assert "1 failed" in parents[0]["state"]["message"] and "resume" in parents[0]["state"]["message"]
    days_run = [run["name"] for run in runs_named(prefect_here, "backfill 2025-0") if ".." not in run["name"]]
    assert sorted(days_run) == [f"backfill {day}" for day in DAYS]  # one subflow per day, the first time only
