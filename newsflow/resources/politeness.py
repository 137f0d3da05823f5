"""Per-host politeness shared by the whole process: bounded concurrency and spacing of request starts.

Tasks run in threads and each may build its own ``Fetcher``, so the per-host state lives in one module-level
registry (:data:`HOST_GATES`) guarded by a lock. A :class:`HostGate` reserves start times under its lock, so
concurrent callers are spaced ``interval`` seconds apart rather than all waking together.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class HostGate:
    """The politeness state of one host: a semaphore and the earliest time the next request may start."""

    def __init__(self, concurrency: int, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self.concurrency = max(1, concurrency)
        self._slots = threading.BoundedSemaphore(self.concurrency)
        self._lock = threading.Lock()
        self._next_start: float | None = None
        self._clock = clock
        self._sleep = sleep

    def _reserve_start(self, interval: float) -> float:
        """Claim the next start time and return how long the caller must wait for it."""
        with self._lock:
            now = self._clock()
            start = now if self._next_start is None else max(now, self._next_start)
            self._next_start = start + max(0.0, interval)
            return start - now

    @contextmanager
    def slot(self, interval: float) -> Iterator[None]:
        """Hold one of the host's concurrent slots, starting no sooner than ``interval`` after the last start."""
        self._slots.acquire()
        try:
            wait = self._reserve_start(interval)
            if wait > 0:
                self._sleep(wait)
            yield
        finally:
            self._slots.release()


class HostGateRegistry:
    """One :class:`HostGate` per host name, created on first use.

    A host's concurrency is fixed by the first caller; later callers with another value share that gate,
    because two limits for one server would defeat the point.
    """

    def __init__(self, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def gate(self, host: str, concurrency: int) -> HostGate:
        key = host.lower().rstrip(".")
        with self._lock:
            found = self._gates.get(key)
            if found is None:
                found = HostGate(concurrency, clock=self._clock, sleep=self._sleep)
                self._gates[key] = found
            return found

    def clear(self) -> None:
        """Forget every host (for tests and long-lived workers that change settings)."""
        with self._lock:
            self._gates.clear()


HOST_GATES = HostGateRegistry()
"""The process-wide registry every Fetcher uses."""
