"""The served story against a real Prefect server: ``newsflow serve`` registers the deployments, an ingest
triggered through the API completes with its artifacts, its ``newsflow.*`` events start the digest, an outside
``newsflow.feed.updated`` ingests that feed alone, repeated failures raise an alert, and the UI shows the run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared_path
from tests.orchestration.conftest import BIN, TEST_OUTPUT, PrefectServer, api, stop_process, wait_for

pytestmark = [pytest.mark.prefect, pytest.mark.slow]

DEPLOYMENTS = {"ingest", "ingest-feed", "digest", "feed-alert", "backfill", "reprocess"}
SEED_TITLE = "NATO leaders discuss increased defense commitments amid global threats"


@pytest.fixture(scope="module")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store ``newsflow serve`` and these tests share, migrated."""
    from newsflow.resources.migrate import upgrade_store

    url = f"sqlite:///{tmp_path_factory.mktemp('served') / 'newsflow.db'}"
    upgrade_store(url)
    return url


@pytest.fixture
def on_served_store(served_store: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """This test's in-process store is the served one."""
    from newsflow.resources.db import dispose_engines
    from newsflow.settings import reset_settings

    monkeypatch.setenv("NEWSFLOW_DATABASE_URL", served_store)
    reset_settings()
    dispose_engines()
    return served_store


@pytest.fixture(scope="module")
def seed_base() -> Iterator[str]:
    """The seed site on loopback for the whole module (its unknown paths answer 404)."""
    from newsflow.demo.server import serve_templates

    with serve_templates(shared_path("seed", "site")) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def newsflow_serve(prefect_server: PrefectServer, served_store: str, tmp_path_factory: pytest.TempPathFactory,
                   ) -> Iterator[subprocess.Popen[bytes]]:
    """``newsflow serve`` as users run it, until every deployment is registered; stopped before the server."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = prefect_server.env(
        NEWSFLOW_DATABASE_URL=served_store,
        NEWSFLOW_ALLOW_PRIVATE_NETWORKS="1",
        NEWSFLOW_PER_HOST_INTERVAL="0",
        NEWSFLOW_RETRIES="0",
        PREFECT_RUNNER_POLL_FREQUENCY="1",
    )
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN / "newsflow"), "serve", "--limit", "4"], env=env, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def registered() -> bool:
        if process.poll() is not None:
            pytest.fail(f"newsflow serve exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        names = {d["name"] for d in api(prefect_server, "POST", "/deployments/filter", {})}
        return names >= DEPLOYMENTS

    try:
        wait_for("newsflow serve to register its deployments", registered, timeout=120)
        yield process
    finally:
        stop_process(process, first=2, grace=60)  # SIGINT, as Ctrl-C: the runner pauses schedules and exits


def deployment(server: PrefectServer, flow_name: str, name: str) -> dict[str, Any]:
    return dict(api(server, "GET", f"/deployments/name/{flow_name}/{name}"))


def final_run(server: PrefectServer, run_id: str, timeout: float = 180) -> dict[str, Any]:
    """The flow run once it reached a final state."""

    def finished() -> dict[str, Any] | None:
        run = api(server, "GET", f"/flow_runs/{run_id}")
        return run if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    return wait_for(f"flow run {run_id} to finish", finished, timeout=timeout)


def runs_of(server: PrefectServer, deployment_id: str) -> list[dict[str, Any]]:
    return list(api(server, "POST", "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}}))


def automation_run(server: PrefectServer, flow_name: str, name: str, timeout: float = 180) -> dict[str, Any]:
    """The first run of a deployment that an automation created, once finished."""
    target = deployment(server, flow_name, name)

    def created() -> dict[str, Any] | None:
        made = [r for r in runs_of(server, target["id"]) if (r.get("created_by") or {}).get("type") == "AUTOMATION"]
        return made[0] if made else None

    run = wait_for(f"an automation to start {flow_name}/{name}", created, timeout=timeout)
    return final_run(server, run["id"], timeout=timeout)


def artifacts_of(server: PrefectServer, run_id: str) -> dict[str, dict[str, Any]]:
    found = api(server, "POST", "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run_id]}}})
    return {artifact["key"]: artifact for artifact in found}


def events(server: PrefectServer, **event_filter: Any) -> list[dict[str, Any]]:
    answer = api(server, "POST", "/events/filter", {"filter": event_filter, "limit": 50})
    return list(answer["events"])


@pytest.fixture(scope="module")
def ingest_run(prefect_server: PrefectServer, newsflow_serve: Any, seed_base: str) -> dict[str, Any]:
    """An ingest of the seed feed, triggered through the API on the served ``ingest`` deployment."""
    target = deployment(prefect_server, "ingest", "ingest")
    run = api(
        prefect_server, "POST", f"/deployments/{target['id']}/create_flow_run",
        {"parameters": {"feed_urls": [f"{seed_base}/feed.xml"], "all_due": False}},
    )
    return final_run(prefect_server, run["id"])


def test_serve_registers_schedules_triggers_and_the_backfill_limit(
    prefect_server: PrefectServer, newsflow_serve: Any
) -> None:
    ingest = deployment(prefect_server, "ingest", "ingest")
    schedules = {s["slug"]: s for s in ingest["schedules"]}
    assert schedules["due-feeds"]["schedule"]["interval"] == 900 and schedules["due-feeds"]["active"]
    assert schedules["group-breaking"]["parameters"] == {"feed_tag": "breaking"}
    assert not schedules["group-breaking"]["active"]
    assert deployment(prefect_server, "backfill", "backfill")["global_concurrency_limit"]["limit"] == 1

    automations = {a["name"]: a for a in api(prefect_server, "POST", "/automations/filter", {})}
    updated = automations["newsflow-feed-updated"]
    assert updated["trigger"]["expect"] == ["newsflow.feed.updated"]
    assert updated["actions"][0]["type"] == "run-deployment"
    assert updated["actions"][0]["parameters"] == {"feed": "{{ event.resource.id }}"}
    assert automations["newsflow-articles-stored"]["trigger"]["within"] == 120
    assert automations["newsflow-feed-failing"]["trigger"]["threshold"] == 3

    limits = api(prefect_server, "POST", "/v2/concurrency_limits/filter", {})
    assert {"name": "tag:newsflow-backfill", "limit": 1}.items() <= {
        k: v for limit in limits if limit["name"] == "tag:newsflow-backfill" for k, v in limit.items()
    }.items()


def test_an_ingest_through_the_api_completes_with_its_artifacts(
    prefect_server: PrefectServer, ingest_run: dict[str, Any], seed_base: str
) -> None:
    assert ingest_run["state"]["type"] == "COMPLETED", ingest_run["state"]
    assert ingest_run["state"]["message"] == "1 feed(s), 1 new, 0 updated"
    assert ingest_run["name"] == "ingest 1 feed(s) on " + seed_base.removeprefix("http://")

    found = artifacts_of(prefect_server, ingest_run["id"])
    summary = found["ingest-summary"]
    assert summary["type"] == "markdown"
    assert "**articles new**: 1" in summary["data"]
    assert "| Geopolitics | 1 |" in summary["data"]
    assert "| Marco Rubio | PERSON |" in summary["data"]
    health = found["feed-health"]
    assert health["type"] == "table"
    rows = json.loads(health["data"]) if isinstance(health["data"], str) else health["data"]
    assert [(row["feed"], row["state"], row["last_status"]) for row in rows] == [
        (f"{seed_base}/feed.xml", "ok", "fetched")
    ]

    tasks = api(prefect_server, "POST", "/task_runs/filter", {"flow_runs": {"id": {"any_": [ingest_run["id"]]}}})
    names = {task["name"] for task in tasks}
    assert f"fetch {seed_base}/feed.xml" in names
    assert "enrich batch 1 (1 articles)" in names
    fetch = next(task for task in tasks if task["name"] == f"fetch {seed_base}/feed.xml")
    assert "host:127.0.0.1" in fetch["tags"]


def test_events_once_per_feed_and_the_digest_they_start(
    prefect_server: PrefectServer, ingest_run: dict[str, Any], seed_base: str
) -> None:
    related = {"id": [f"prefect.flow-run.{ingest_run['id']}"]}

    def recorded() -> list[dict[str, Any]] | None:
        found = events(prefect_server, event={"prefix": ["newsflow."]}, related=related)
        return found if len(found) >= 2 else None

    found = wait_for("the ingest run's newsflow events", recorded, timeout=60)
    assert sorted(event["event"] for event in found) == ["newsflow.articles.stored", "newsflow.feed.fetched"]
    assert {event["resource"]["prefect.resource.name"] for event in found} == {f"{seed_base}/feed.xml"}
    assert len({event["resource"]["prefect.resource.id"] for event in found}) == 1
    stored = next(event for event in found if event["event"] == "newsflow.articles.stored")
    assert stored["payload"]["articles_new"] == 1

    digest = automation_run(prefect_server, "digest", "digest")
    assert digest["state"]["type"] == "COMPLETED", digest["state"]
    assert digest["created_by"]["display_value"] == "newsflow-articles-stored"
    markdown = artifacts_of(prefect_server, digest["id"])["news-digest"]["data"]
    assert f"[{SEED_TITLE}](" in markdown and "| Geopolitics | 1 |" in markdown


def test_an_outside_feed_updated_event_ingests_that_feed_alone(
    prefect_server: PrefectServer, ingest_run: dict[str, Any], on_served_store: str, seed_base: str
) -> None:
    from sqlmodel import func, select

    from models import FetchAttempt
    from newsflow.resources.db import session_scope
    from newsflow.store.feeds import subscribe
    from newsflow.store.selection import find_feed

    with session_scope() as session:
        seed = find_feed(session, f"{seed_base}/feed.xml")
        other, _ = subscribe(session, f"{seed_base}/other-feed.xml")

    def attempts(feed_id: int) -> int:
        with session_scope() as session:
            return int(session.exec(select(func.count()).where(FetchAttempt.feed_id == feed_id)).one())

    before = attempts(seed.id)
    subprocess.run(
        [str(BIN / "prefect"), "event", "emit", "newsflow.feed.updated", "--resource-id", f"newsflow.feed.{seed.id}"],
        env=prefect_server.env(), check=True, capture_output=True, timeout=120,
    )
    run = automation_run(prefect_server, "ingest-feed", "ingest-feed")
    assert run["state"]["type"] == "COMPLETED", run["state"]
    assert run["parameters"] == {"feed": f"newsflow.feed.{seed.id}"}
    assert run["name"] == f"push: ingest newsflow.feed.{seed.id}"
    assert attempts(seed.id) == before + 1
    assert attempts(other.id) == 0


def test_a_feed_failing_repeatedly_raises_an_alert(
    prefect_server: PrefectServer, newsflow_serve: Any, prefect_here: PrefectServer, on_served_store: str,
    seed_base: str,
) -> None:
    from flows.ingest import ingest_flow

    broken = f"{seed_base}/gone.xml"
    for _ in range(3):
        summary = ingest_flow(feed_urls=[broken])
        assert summary["feeds_failed"] == 1 and summary["errors"][0]["code"] == "fetch.http_404"

    alert = automation_run(prefect_server, "feed-alert", "feed-alert")
    assert alert["state"]["type"] == "COMPLETED", alert["state"]
    assert alert["parameters"]["failures"] == 3
    markdown = artifacts_of(prefect_server, alert["id"])["feed-alert"]["data"]
    assert f"# Feed failing: {broken}" in markdown
    assert "`fetch.http_404`" in markdown and "3 failures in a row" in markdown


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (CI installs it: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="newsflow-chromium-") as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--virtual-time-budget=10000", "--window-size=1400,1100", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


def test_the_prefect_ui_shows_the_run_and_its_summary_artifact(
    prefect_server: PrefectServer, ingest_run: dict[str, Any]
) -> None:
    if shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (CI installs it: apt-get install chromium)")
    summary = artifacts_of(prefect_server, ingest_run["id"])["ingest-summary"]
    run_page = f"{prefect_server.url}/v2/runs/flow-run/{ingest_run['id']}?tab=Artifacts"
    artifact_page = f"{prefect_server.url}/v2/artifacts/artifact/{summary['id']}"

    dom = _chromium("--dump-dom", run_page).stdout
    assert ingest_run["name"] in dom, "the run page does not name the run"
    assert "ingest-summary" in dom, "the run page's Artifacts tab does not list the summary"
    artifact_dom = _chromium("--dump-dom", artifact_page).stdout
    assert "newsflow ingest" in artifact_dom and "Geopolitics" in artifact_dom, "the summary is not rendered"

    TEST_OUTPUT.mkdir(exist_ok=True)
    for page, name in ((run_page, "prefect-ui-ingest-run.png"), (artifact_page, "prefect-ui-ingest-summary.png")):
        shot = TEST_OUTPUT / name
        shot.unlink(missing_ok=True)
        _chromium(f"--screenshot={shot}", page)
        assert shot.is_file() and shot.stat().st_size > 10_000, f"no screenshot at {shot}"
    assert Path(TEST_OUTPUT / "prefect-ui-ingest-summary.png").exists()
