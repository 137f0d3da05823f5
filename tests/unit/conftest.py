"""Fixtures shared by the unit tests: one loopback HTTP server per module, cleared around each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from tests.unit.test_http_support import http_server


@pytest.fixture(scope="module")
def running_server() -> Iterator[HTTPServer]:
    with http_server() as server:
        yield server


@pytest.fixture
def server(running_server: HTTPServer) -> Iterator[HTTPServer]:
    running_server.clear()
    yield running_server
    running_server.clear()
