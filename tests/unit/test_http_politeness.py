"""Per-host politeness: start spacing (checked on an injected clock, never the wall clock) and concurrency."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from newsflow.resources import http as http_module
from newsflow.resources.http import Fetcher
from newsflow.resources.politeness import HOST_GATES, HostGate, HostGateRegistry
from tests.unit.test_http_support import http_server, loopback_settings


class FakeClock:
    """A monotonic clock that only moves when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def test_starts_are_spaced_by_the_interval() -> None:
    fake = FakeClock()
    gate = HostGate(1, clock=fake.clock, sleep=fake.sleep)
    starts = []
    for _ in range(3):
        with gate.slot(2.0):
            starts.append(fake.clock())
    assert starts == [100.0, 102.0, 104.0]
    assert fake.sleeps == [2.0, 2.0]


def test_time_already_passed_counts_towards_the_interval() -> None:
    fake = FakeClock()
    gate = HostGate(1, clock=fake.clock, sleep=fake.sleep)
    with gate.slot(5.0):
        pass
    fake.now += 3.0  # the caller did other work meanwhile
    with gate.slot(5.0):
        pass
    fake.now += 10.0
    with gate.slot(5.0):
        pass
    assert fake.sleeps == [2.0]


def test_zero_interval_never_waits() -> None:
    fake = FakeClock()
    gate = HostGate(2, clock=fake.clock, sleep=fake.sleep)
    for _ in range(5):
        with gate.slot(0.0):
            pass
    assert fake.sleeps == []


def test_concurrent_callers_reserve_distinct_start_times() -> None:
    # Reservations happen under the gate's lock, so eight threads get eight distinct, spaced slots.
    fake = FakeClock()
    gate = HostGate(8, clock=lambda: 0.0, sleep=fake.sleep)
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        with gate.slot(1.5):
            pass

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(fake.sleeps) == [1.5 * n for n in range(1, 8)]


def test_concurrency_is_bounded_per_host() -> None:
    gate = HostGate(1)
    inside = threading.Event()
    release = threading.Event()
    second_entered = threading.Event()

    def holder() -> None:
        with gate.slot(0.0):
            inside.set()
            release.wait(10)

    def waiter() -> None:
        with gate.slot(0.0):
            second_entered.set()

    first = threading.Thread(target=holder)
    first.start()
    assert inside.wait(10)
    second = threading.Thread(target=waiter)
    second.start()
    second.join(timeout=0.2)
    assert not second_entered.is_set()
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert second_entered.is_set()


def test_registry_shares_one_gate_per_host_name() -> None:
    registry = HostGateRegistry()
    gate = registry.gate("Example.COM", 2)
    assert registry.gate("example.com.", 5) is gate
    assert gate.concurrency == 2
    assert registry.gate("other.example", 1) is not gate


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    with http_server() as running:
        yield running


def test_fetchers_share_the_process_wide_gates(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two Fetchers (as two tasks would build) must be spaced as one: the interval comes from settings,
    # the clock is injected through the registry the module uses.
    fake = FakeClock()
    monkeypatch.setattr(http_module, "HOST_GATES", HostGateRegistry(clock=fake.clock, sleep=fake.sleep))
    server.expect_request("/a").respond_with_data("a")
    settings = loopback_settings(per_host_interval=7.0)
    with Fetcher(settings) as first, Fetcher(settings) as second:
        first.get(server.url_for("/a"))
        second.get(server.url_for("/a"))
        first.get(server.url_for("/a"))
    assert fake.sleeps == [7.0, 7.0]


def test_module_registry_is_the_default() -> None:
    assert http_module.HOST_GATES is HOST_GATES
