"""A loopback HTTP server for a folder of real feed files, read in place.

feedparser's corpus files may declare simulated response headers in their comment header
(``Header: Content-type: application/xml; charset=iso-8859-1``); those are sent as real headers.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

_HEADER_LINE = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.+?)\s*$", re.M)
_TYPES = {".atom": "application/atom+xml", ".rss": "application/rss+xml", ".json": "application/feed+json"}


def declared_headers(body: bytes) -> dict[str, str]:
    """The simulated headers a feedparser corpus file declares in its first comment."""
    head = body[:2000]
    return {m.group(1).decode().lower(): m.group(2).decode("latin-1") for m in _HEADER_LINE.finditer(head)}


@contextmanager
def serve_files(root: Path) -> Iterator[str]:
    """Serve files under ``root`` on 127.0.0.1; yields the base URL."""
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = (root / unquote(urlsplit(self.path).path).lstrip("/")).resolve()
            if root not in path.parents or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            headers = {"content-type": _TYPES.get(path.suffix, "application/xml")}
            headers.update(declared_headers(body))
            self.send_response(200)
            for name, value in headers.items():
                if name not in ("content-length", "content-encoding", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def file_url(base_url: str, root: Path, path: Path) -> str:
    """The URL at which ``serve_files(root)`` serves ``path``."""
    return f"{base_url}/{quote(str(path.relative_to(root)))}"
