"""A loopback HTTP server for a folder of ``*.tmpl`` files, with ``{{BASE_URL}}`` filled in.

Serves the bundled demo site (and, in tests, the seed site): ``feed.xml`` is ``feed.xml.tmpl`` rendered with
the server's own base URL. Binds to 127.0.0.1 only.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
}


def _handler(root: Path, base_url: list[str]) -> type[BaseHTTPRequestHandler]:
    class TemplateHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path.lstrip("/") or "index.html"
            template = (root / f"{path}.tmpl").resolve()
            if root not in template.parents or not template.is_file():
                self.send_error(404)
                return
            body = template.read_text(encoding="utf-8").replace("{{BASE_URL}}", base_url[0]).encode("utf-8")
            suffix = Path(path).suffix
            content_type = _TYPES.get(suffix, "text/plain; charset=utf-8")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet: the demo prints its own table
            return

    return TemplateHandler


@contextmanager
def serve_templates(root: Path, *, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 for the block (``port``, or any free one if it is 0 or taken)."""
    root = root.resolve()
    base_url = [""]
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), _handler(root, base_url))
    except OSError:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root, base_url))
    base_url[0] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="newsflow-demo-site", daemon=True)
    thread.start()
    try:
        yield base_url[0]
    finally:
        server.shutdown()
        server.server_close()
