"""Shared fixtures: an isolated store per test, loopback servers for real data, one Prefect harness."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_ADMIN_URL = os.environ.get("NEWSFLOW_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/test")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data beside the repository), which is absent")
    return path


@pytest.fixture(autouse=True)
def newsflow_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test gets its own SQLite store and settings fit for loopback servers."""
    from newsflow.resources.db import dispose_engines
    from newsflow.settings import reset_settings

    url = f"sqlite:///{tmp_path / 'newsflow.db'}"
    monkeypatch.setenv("NEWSFLOW_DATABASE_URL", url)
    monkeypatch.setenv("NEWSFLOW_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("NEWSFLOW_PER_HOST_INTERVAL", "0")
    monkeypatch.setenv("NEWSFLOW_RETRIES", "0")
    monkeypatch.delenv("NEWSFLOW_TOPIC_MODEL", raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    reset_settings()
    yield url
    dispose_engines()
    reset_settings()


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture
def postgres_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh PostgreSQL database on 127.0.0.1 for this test, dropped afterwards."""
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}; CI must start it")
        pytest.skip(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
    import psycopg

    from newsflow.resources.db import dispose_engines
    from newsflow.settings import reset_settings

    name = f"newsflow_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    monkeypatch.setenv("NEWSFLOW_DATABASE_URL", url)
    reset_settings()
    yield url
    dispose_engines()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, newsflow_env: str) -> str:
    """A migrated store, on SQLite and on PostgreSQL."""
    from newsflow.resources.migrate import upgrade_store

    url = newsflow_env if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    upgrade_store(url)
    return url


@pytest.fixture
def sqlite_store(newsflow_env: str) -> str:
    """A migrated SQLite store."""
    from newsflow.resources.migrate import upgrade_store

    upgrade_store(newsflow_env)
    return newsflow_env


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    """One Prefect test harness (a temporary local API) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seed_site() -> Iterator[str]:
    """The seed site (../shared/seed/site) on loopback; yields its base URL."""
    from newsflow.demo.server import serve_templates

    root = shared_path("seed", "site")
    with serve_templates(root) as base_url:
        yield base_url
