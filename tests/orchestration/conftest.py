"""A real Prefect server on loopback for the orchestration tests, and helpers to wait on it.

The server runs as ``prefect server start --host 127.0.0.1 --port <free>`` with its own PREFECT_HOME in a
temporary directory, for the whole session; tests wait on it by polling its API with bounded waits.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TEST_OUTPUT = REPO / "test-output"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(what: str, probe: Callable[[], T | None], *, timeout: float = 120.0, every: float = 1.0) -> T:
    """Call ``probe`` until it returns something other than None or False; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None and value is not False:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {timeout:.0f}s waiting for {what}")
        time.sleep(every)


def stop_process(process: subprocess.Popen[bytes], *, first: int = signal.SIGTERM, grace: float = 60.0) -> None:
    """Ask ``process`` (its own session) to stop, then kill it if it will not."""
    if process.poll() is not None:
        return
    process.send_signal(first)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@dataclass(frozen=True)
class PrefectServer:
    """A running ``prefect server start``."""

    url: str  # the UI, e.g. http://127.0.0.1:4321
    home: Path
    log: Path

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def env(self, **extra: str) -> dict[str, str]:
        """An environment for a subprocess that talks to this server."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(
            PREFECT_API_URL=self.api_url,
            PREFECT_HOME=str(self.home),
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
        )
        env.update(extra)
        return env


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    """``prefect server start`` on a free loopback port for the session; stopped afterwards."""
    home = tmp_path_factory.mktemp("prefect-home")
    log = home / "server.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_API_URL=f"{url}/api",  # the UI in the browser must call this server, not :4200
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def healthy() -> bool:
        if process.poll() is not None:
            pytest.fail(f"prefect server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            return httpx.get(f"{url}/api/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for("the Prefect server's /api/health", healthy, timeout=120)
        yield PrefectServer(url=url, home=home, log=log)
    finally:
        stop_process(process, grace=30)


@pytest.fixture
def prefect_here(prefect_server: PrefectServer) -> Iterator[PrefectServer]:
    """Flows run in this test process report to the session's server (not the harness, not ephemeral)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # Both workers are cached per process and keep the API URL they started with: start them afresh.
    EventsWorker.drain_all()
    APILogWorker.drain_all()
    with temporary_settings({PREFECT_API_URL: prefect_server.api_url}):
        yield prefect_server
        EventsWorker.drain_all()
        APILogWorker.drain_all()


# The server answers 503 for errors a client should retry (SQLite busy while a served runner writes to it), and
# Prefect's own client retries them; so does this helper
RETRYABLE_STATUSES = frozenset({502, 503, 504})
API_ATTEMPTS = 6


def api(server: PrefectServer, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """One call to the server's REST API, retried while the server says to try again; the JSON answer."""
    for attempt in range(API_ATTEMPTS):
        response = httpx.request(method, f"{server.api_url}{path}", json=body, timeout=30)
        if response.status_code not in RETRYABLE_STATUSES or attempt == API_ATTEMPTS - 1:
            break
        time.sleep(min(0.5 * 2**attempt, 5.0))
    response.raise_for_status()
    return response.json() if response.content else None
