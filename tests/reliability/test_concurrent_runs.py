"""Two ``newsflow ingest --json`` processes over the same feeds at the same time, on SQLite and PostgreSQL.

Both must exit 0 with no feed failed, and the store must hold each feed and each article exactly once (the
unique constraints back this, but a run that tripped over them would fail its feed, which is checked too).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.reliability.support import REPO, LoopbackSite, cli_env, news_site, newsflow_cmd, prefect_api_url, query

FEEDS = 4
ENTRIES = 10


@pytest.mark.prefect
@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_ingests_at_once_store_everything_once(
    prefect_api: None, backend: str, newsflow_env: str, request: pytest.FixtureRequest
) -> None:
    from newsflow.resources.migrate import upgrade_store

    url = newsflow_env if backend == "sqlite" else request.getfixturevalue("postgres_url")
    upgrade_store(url)
    # INFO, so that a task failing and then succeeding on retry (a deadlock, a locked database) shows too.
    env = cli_env(url, prefect_api_url(), NEWSFLOW_PER_HOST_CONCURRENCY="4", PREFECT_LOGGING_LEVEL="INFO")
    with LoopbackSite() as site:
        catalogue = news_site(site, feeds=FEEDS, entries=ENTRIES)
        args = ["ingest", "--json", *[part for feed in catalogue for part in ("--feed", feed)]]
        runs = [
            subprocess.Popen(
                newsflow_cmd(*args), env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=300) for run in runs]

    summaries = []
    for run, (stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr[-3000:]
        assert "Task run failed" not in stderr and "Traceback" not in stderr, stderr[-3000:]
        summary = json.loads(stdout)
        assert summary["feeds"] == FEEDS and summary["feeds_failed"] == 0 and summary["errors"] == [], summary
        summaries.append(summary)
    # Each article was new to at least one of the runs (both may count it when they race to insert it).
    assert sum(s["articles_new"] for s in summaries) >= FEEDS * ENTRIES

    assert query("SELECT COUNT(*) AS n FROM feeds")[0]["n"] == FEEDS
    rows = query("SELECT f.url AS feed, a.guid AS guid FROM articles a JOIN feeds f ON f.id = a.feed_id")
    assert sorted((row["feed"], row["guid"]) for row in rows) == sorted(
        (feed, guid) for feed, guids in catalogue.items() for guid in guids
    )
    assert query("SELECT COUNT(*) AS n FROM fetch_attempts WHERE status = 'failed'")[0]["n"] == 0
    duplicates = query("SELECT name, label FROM entities GROUP BY name, label HAVING COUNT(*) > 1")
    assert duplicates == []
    assert query("SELECT COUNT(*) AS n FROM entities")[0]["n"] > 0
