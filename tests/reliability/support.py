"""Helpers for the reliability suite (this module holds no tests of its own).

A loopback HTTP server whose routes are set per test, the settings an in-process ingest needs for hostile
servers, reads of the store, and running the real ``newsflow`` CLI as a subprocess. Everything listens on
127.0.0.1 and every feed's links point back to it: nothing here may reach another address.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
NEWSFLOW = REPO / ".venv" / "bin" / "newsflow"


@dataclass
class Reply:
    """A canned HTTP response. ``body`` may be a callable of the request headers (for conditional GETs)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


Route = Reply | Callable[[Mapping[str, str]], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections when a run opens dozens at once


class LoopbackSite:
    """A threaded HTTP/1.0 server on 127.0.0.1 serving :class:`Reply` objects by path; counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-site", daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                with site._lock:
                    site.hits[path] = site.hits.get(path, 0) + 1
                route = site.routes.get(path)
                if route is None:
                    reply = Reply(404, {"Content-Type": "text/plain"}, b"not here")
                elif isinstance(route, Reply):
                    reply = route
                else:
                    reply = route({k.lower(): v for k, v in self.headers.items()})
                self.send_response(reply.status)
                names = {name.lower() for name in reply.headers}
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> LoopbackSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def ingest_env(monkeypatch: pytest.MonkeyPatch, **values: object) -> None:
    """Set ``NEWSFLOW_<NAME>`` variables for an in-process ingest and make settings and politeness see them."""
    from newsflow.resources.politeness import HOST_GATES
    from newsflow.settings import reset_settings

    defaults: dict[str, object] = {"per_host_concurrency": 16, "per_host_interval": 0, "retries": 0}
    for name, value in {**defaults, **values}.items():
        monkeypatch.setenv(f"NEWSFLOW_{name.upper()}", str(value))
    reset_settings()
    # The process-wide gate of a host keeps the concurrency of whoever made it first (another test perhaps).
    HOST_GATES.clear()


def query(sql: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of ``sql`` against the configured store, as dicts."""
    from sqlalchemy import text

    from newsflow.resources.db import get_engine

    with get_engine().connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(sql), params)]


def feeds_by_url() -> dict[str, dict[str, Any]]:
    return {row["url"]: row for row in query("SELECT * FROM feeds")}


def article_counts() -> dict[str, int]:
    """Stored articles per feed URL."""
    rows = query(
        "SELECT f.url AS url, COUNT(a.id) AS n FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.url"
    )
    return {row["url"]: int(row["n"]) for row in rows}


def cli_env(database_url: str, prefect_api_url: str | None, **extra: str) -> dict[str, str]:
    """Environment for a ``newsflow`` subprocess: this store, this Prefect API, no proxies, no retries."""
    from newsflow.resources.child_env import loopback_child_env

    settings = {"NEWSFLOW_RETRIES": "0", "PYTHONUNBUFFERED": "1", **extra}
    return loopback_child_env(database_url, prefect_api_url, **settings)


def newsflow_cmd(*args: str) -> list[str]:
    """The installed console script, or its entry point run by this interpreter when there is none."""
    if NEWSFLOW.exists():
        return [str(NEWSFLOW), *args]
    entry = "import sys; from newsflow.cli.app import main; sys.argv[0] = 'newsflow'; main()"
    return [sys.executable, "-c", entry, *args]


def run_cli(args: list[str], env: Mapping[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        newsflow_cmd(*args), env=dict(env), cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )


def prefect_api_url() -> str:
    """The API URL of the session's Prefect harness (for subprocesses to share it)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the prefect_api fixture must be active"
    return str(url)


@contextmanager
def migrated(url: str) -> Iterator[str]:
    from newsflow.resources.migrate import upgrade_store

    upgrade_store(url)
    yield url


def rss_item(
    *,
    title: str | None = None,
    link: str | None = None,
    guid: str | None = None,
    description: str | None = None,
    pub_date: str | None = None,
) -> str:
    """One ``<item>`` with only the elements given (text is inserted as is: escape it yourself)."""
    parts = [
        f"<{name}>{value}</{name}>"
        for name, value in (("title", title), ("link", link), ("description", description), ("pubDate", pub_date))
        if value is not None
    ]
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    return "<item>" + "".join(parts) + "</item>"


def rss(items: list[str], *, title: str = "A loopback feed", link: str = "http://127.0.0.1/") -> bytes:
    """An RSS 2.0 document around ``items``, UTF-8."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>{link}</link><description>test</description>"
        + "\n".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


def article_page(title: str, paragraphs: list[str], *, charset_meta: str | None = None) -> str:
    """A plain article page: a headline and paragraphs, enough for main-text extraction."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f"<header><nav><a href='/'>Home</a></nav></header><main><article><h1>{title}</h1>{body}</article></main>"
        "<footer>Loopback News</footer></body></html>"
    )


def news_site(site: LoopbackSite, *, feeds: int, entries: int) -> dict[str, list[str]]:
    """``feeds`` feeds of ``entries`` articles each, with ETag/If-None-Match; returns ``{feed URL: [guid, …]}``."""
    catalogue: dict[str, list[str]] = {}
    for number in range(feeds):
        guids = [f"feed{number}-article{entry}" for entry in range(entries)]
        items = []
        for entry, guid in enumerate(guids):
            page = f"/f{number}/a{entry}.html"
            paragraphs = [
                f"Report {entry} of desk {number}: the harbour authority in Port Ellis said on Tuesday that the "
                f"northern quay will reopen after {entry + 3} months of repairs, ending a dispute with the council.",
                "Engineers replaced hundreds of metres of timber piles and strengthened the sea wall, which two "
                "winters of storms had undermined, according to the report the authority published that morning.",
            ]
            site.add(
                page,
                Reply(
                    200,
                    {"Content-Type": "text/html; charset=utf-8"},
                    article_page(f"Quay report {number}-{entry}", paragraphs).encode(),
                ),
            )
            items.append(
                rss_item(
                    title=f"Quay report {number}-{entry}",
                    link=site.url(page),
                    guid=guid,
                    description=f"Summary of report {entry}.",
                )
            )
        body = rss(items, title=f"Desk {number}", link=site.url("/"))
        etag = f'"desk-{number}-v1"'

        def reply(headers: Mapping[str, str], body: bytes = body, etag: str = etag) -> Reply:
            if headers.get("if-none-match") == etag:
                return Reply(304, {"ETag": etag})
            return Reply(200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag}, body)

        catalogue[site.add(f"/f{number}/feed.xml", reply)] = guids
    return catalogue
