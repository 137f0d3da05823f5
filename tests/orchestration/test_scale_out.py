"""Scale-out: enrichment on a Dask cluster when NEWSFLOW_DASK_ADDRESS names one (a LocalCluster here), and a
feed group ingested by its tag, as a group schedule runs it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = [pytest.mark.prefect, pytest.mark.slow]


@pytest.fixture
def dask_cluster() -> Iterator[Any]:
    """One worker process, one thread: a real cluster the enrichment must travel to."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        yield cluster


def test_enrichment_runs_on_the_dask_cluster_the_setting_names(
    prefect_here: Any, sqlite_store: str, seed_site: str, dask_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client

    from flows.ingest import ingest_flow
    from newsflow.resources.db import session_scope
    from newsflow.settings import reset_settings
    from newsflow.store.export import export_articles

    monkeypatch.setenv("NEWSFLOW_DASK_ADDRESS", dask_cluster.scheduler_address)
    reset_settings()
    summary = ingest_flow(feed_urls=[f"{seed_site}/feed.xml"])
    assert summary["articles_new"] == 1, summary

    with Client(dask_cluster.scheduler_address) as client:
        ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
        enriched_there = client.run(lambda: __import__("sys").modules.get("newsflow.entities.extractor") is not None)
    assert any("enrich" in prefix for prefix in ran), ran
    assert list(enriched_there.values()) == [True], "the worker never loaded the entity extractor"

    with session_scope() as session:
        (article,) = list(export_articles(session))
    assert article["topic"] == "Geopolitics"
    assert {("Marco Rubio", "PERSON"), ("NATO", "ORG")} <= {(e["name"], e["label"]) for e in article["entities"]}
    assert article["text"].startswith("Secretary of State Marco Rubio met with NATO Secretary General Mark Rutte")


def test_a_feed_group_is_ingested_by_its_tag(prefect_here: Any, sqlite_store: str, seed_site: str) -> None:
    from flows.ingest import ingest_flow
    from newsflow.resources.db import session_scope
    from newsflow.store.feeds import subscribe

    with session_scope() as session:
        subscribe(session, f"{seed_site}/feed.xml", tags=["breaking"])
        subscribe(session, f"{seed_site}/elsewhere.xml", tags=["weekly"])
    summary = ingest_flow(feed_tag="breaking")
    assert (summary["feeds"], summary["feeds_failed"], summary["articles_new"]) == (1, 0, 1), summary
