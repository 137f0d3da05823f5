"""Honest final states: some feeds failing leaves the run Completed with the failures in its message; a run
that could not work (the store unreachable) is Failed."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.prefect]


def test_failing_feeds_complete_the_run_and_say_so(prefect_here: Any, sqlite_store: str, seed_site: str) -> None:
    from flows.ingest import ingest_flow

    state = ingest_flow(feed_urls=[f"{seed_site}/feed.xml", f"{seed_site}/missing.xml"], return_state=True)
    assert state.is_completed()
    assert state.message == "2 feed(s), 1 new, 0 updated; 1 failed (fetch.http_404)"
    assert state.result()["feeds_failed"] == 1


def test_an_unreachable_store_fails_the_run(
    prefect_here: Any, seed_site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest import ingest_flow
    from newsflow.errors import StoreUnreachable
    from newsflow.resources.db import dispose_engines
    from newsflow.settings import reset_settings
    from tests.orchestration.conftest import free_port

    monkeypatch.setenv("NEWSFLOW_DATABASE_URL", f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    reset_settings()
    dispose_engines()
    state = ingest_flow(feed_urls=[f"{seed_site}/feed.xml"], return_state=True)
    assert state.is_failed()
    with pytest.raises(StoreUnreachable):
        state.result()
