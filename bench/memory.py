"""Peak memory (RSS) of ingesting a 10,000-entry feed and an article page just under the body cap.

Every case runs in a fresh child process and reports its own peak resident set size (VmHWM) when it ends;
the parent serves the feeds and pages from 127.0.0.1 and takes the median over ``--repeat`` runs.

Two levels:

- ``cli``: the real ``newsflow ingest --feed URL --json`` entry point, run in the child, against a fresh SQLite
  store and one Prefect API shared by all children (a temporary server started here). The baseline is the
  same command on a 10-entry feed, so the ratio says what the size of the input costs on top of the fixed
  price of Prefect, spaCy and the rest.
- ``steps``: the ingest steps without Prefect or enrichment (fetch, parse, plan, extract, store), which is
  what grows with the input; ``tests/reliability/test_memory.py`` asserts :data:`STEP_BOUNDS_MB` on these.

Run: ``.venv/bin/python -m bench.memory [--repeat 3] [--levels cli steps]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

ENTRIES = 10_000
CAP_BYTES = 15 * 1024 * 1024  # the default NEWSFLOW_MAX_BODY_BYTES
NEAR_CAP_BYTES = CAP_BYTES - 64 * 1024
CASES = ("baseline", "feed-10k", "page-near-cap")
STEP_BOUNDS_MB = {"baseline": 260, "feed-10k": 320, "page-near-cap": 720}
"""Peak RSS bounds of the ``steps`` level, in MiB (measured figures plus headroom; see the README)."""
RSS_FILE_ENV = "NEWSFLOW_BENCH_RSS_FILE"

_PARAGRAPH = (
    "<p>The harbour authority confirmed on Tuesday that the northern quay will reopen after eighteen months of "
    "repairs, ending a dispute between the city council and the shipping companies that use it every week. "
    "Engineers replaced more than four hundred metres of timber piles and strengthened the sea wall.</p>\n"
)


def feed_xml(base: str, entries: int) -> bytes:
    """An RSS feed of ``entries`` items, each with a guid, a link to a small page, a date and a summary."""
    items = "".join(
        f"<item><title>Harbour report {n}</title><link>{base}/a/{n}.html</link>"
        f'<guid isPermaLink="false">report-{n}</guid><pubDate>Tue, 03 Nov 2026 10:{n % 60:02d}:00 GMT</pubDate>'
        f"<description>Report {n}: the northern quay reopens after repairs; fishermen welcome the news.</description>"
        "</item>\n"
        for n in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Memory bench</title>'
        f"<link>{base}/</link><description>bench</description>{items}</channel></rss>"
    ).encode()


def article_html(title: str, size: int) -> bytes:
    """An article page of about ``size`` bytes: a headline and as many paragraphs as fit."""
    head = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
    head += f"<h1>{title}</h1>"
    tail = "</article><footer>Bench News</footer></body></html>"
    count = max(1, (size - len(head) - len(tail)) // len(_PARAGRAPH))
    return (head + _PARAGRAPH * count + tail).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


@contextmanager
def serve() -> Iterator[str]:
    """The bench site on 127.0.0.1: ``/feed-<n>.xml`` (n entries), ``/near-cap.xml`` and the pages they link."""
    cache: dict[str, bytes] = {}
    lock = threading.Lock()
    origin: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            base = origin[0]
            with lock:
                if path not in cache:
                    cache[path] = self._body(path, base)
            body = cache[path]
            kind = "application/rss+xml" if path.endswith(".xml") else "text/html; charset=utf-8"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        @staticmethod
        def _body(path: str, base: str) -> bytes:
            if path.startswith("/feed-") and path.endswith(".xml"):
                return feed_xml(base, int(path[len("/feed-") : -len(".xml")]))
            if path == "/near-cap.xml":
                item = (
                    f"<item><title>A very long page</title><link>{base}/near-cap.html</link>"
                    '<guid isPermaLink="false">near-cap</guid></item>'
                )
                return f'<rss version="2.0"><channel><title>Near cap</title>{item}</channel></rss>'.encode()
            if path == "/near-cap.html":
                return article_html("A very long page", NEAR_CAP_BYTES)
            if path.startswith("/a/"):
                return article_html(f"Harbour report {path}", 3000)
            return b""

        def log_message(self, format: str, *args: object) -> None:
            return

    server = _Server(("127.0.0.1", 0), Handler)
    origin.append(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield origin[0]
    finally:
        server.shutdown()
        server.server_close()


def case_url(base: str, case: str) -> str:
    return {"baseline": f"{base}/feed-10.xml", "feed-10k": f"{base}/feed-{ENTRIES}.xml"}.get(
        case, f"{base}/near-cap.xml"
    )


def _child_env(database: Path, prefect_api_url: str | None) -> dict[str, str]:
    from newsflow.resources.child_env import loopback_child_env

    return loopback_child_env(f"sqlite:///{database}", prefect_api_url, NEWSFLOW_PER_HOST_CONCURRENCY="4")


def measure(level: str, case: str, base: str, *, prefect_api_url: str | None = None) -> float:
    """Peak RSS in MiB of one fresh child process running ``case`` at ``level`` (``cli`` or ``steps``)."""
    with tempfile.TemporaryDirectory(prefix="newsflow-bench-") as scratch:
        database = Path(scratch) / "bench.db"
        rss_file = Path(scratch) / "rss.json"
        env = _child_env(database, prefect_api_url)
        env[RSS_FILE_ENV] = str(rss_file)
        python = sys.executable
        subprocess.run(  # the store is created by a process of its own, outside the measurement
            [python, "-m", "bench.memory", "--child", "steps", "init"],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        done = subprocess.run(
            [python, "-m", "bench.memory", "--child", level, case_url(base, case)],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not rss_file.exists():
            raise RuntimeError(f"{level}/{case} failed ({done.returncode}): {done.stderr[-2000:]}")
        if level == "cli":
            summary = json.loads(done.stdout)
            if summary["feeds_failed"] or not summary["articles_new"]:
                raise RuntimeError(f"{level}/{case} stored nothing: {summary}")
        return float(json.loads(rss_file.read_text())["peak_rss_kib"]) / 1024


def peak_rss_kib() -> int:
    """This process's peak RSS in KiB.

    ``/proc/self/status`` VmHWM belongs to the process image, whereas getrusage's ru_maxrss survives exec: a
    child forked from a large parent (pytest with spaCy loaded) would report the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux, bytes on macOS


def _report_peak() -> None:
    target = os.environ.get(RSS_FILE_ENV)
    if target:
        Path(target).write_text(json.dumps({"peak_rss_kib": peak_rss_kib()}))


def _child_steps(url: str) -> None:
    """The ingest steps for one feed without Prefect or enrichment."""
    from newsflow.resources.migrate import upgrade_store

    if url == "init":
        upgrade_store()
        return
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.pipeline.feed_fetch import fetch_and_parse
    from newsflow.pipeline.page_fetch import fetch_pages
    from newsflow.resources.http import Fetcher
    from newsflow.settings import get_settings
    from newsflow.store.ingest import commit_feed, plan_entries, resolve_feeds

    settings = get_settings()
    (feed,) = resolve_feeds([url], all_due=False)
    with Fetcher(settings) as fetcher:
        outcome = fetch_and_parse(feed, fetcher)
    if outcome.status != "fetched":
        raise SystemExit(f"{url}: {outcome.error_code} {outcome.error_message}")
    plan = plan_entries(outcome, limit=settings.max_pages_per_feed)
    pages = fetch_pages(plan.todo, settings, workers=settings.per_host_concurrency)
    records = assemble_articles(feed.id, plan.todo, pages)
    commit_feed(outcome, records, plan)


def _child(level: str, target: str) -> int:
    code = 0
    try:
        if level == "steps":
            _child_steps(target)
        else:
            from newsflow.cli.app import main

            sys.argv = ["newsflow", "ingest", "--feed", target, "--json"]
            try:
                main()
            except SystemExit as exit_:
                code = int(exit_.code or 0)
    finally:
        _report_peak()
    return code


@contextmanager
def prefect_api() -> Iterator[str]:
    """A temporary Prefect API (the test harness's) for the ``cli`` children to share."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield str(PREFECT_API_URL.value())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the median is reported")
    parser.add_argument("--levels", nargs="+", choices=("cli", "steps"), default=["cli", "steps"])
    parser.add_argument("--child", nargs=2, metavar=("LEVEL", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        raise SystemExit(_child(*args.child))

    print(
        f"peak RSS, median of {args.repeat} fresh processes; feed of {ENTRIES:,} entries; page of "
        f"{NEAR_CAP_BYTES / 1048576:.2f} MiB under a cap of {CAP_BYTES / 1048576:.0f} MiB"
    )
    with serve() as base:
        for level in args.levels:
            with prefect_api() if level == "cli" else _nothing() as api_url:
                medians = {}
                for case in CASES:
                    runs = [measure(level, case, base, prefect_api_url=api_url) for _ in range(args.repeat)]
                    medians[case] = statistics.median(runs)
                for case in CASES:
                    ratio = medians[case] / medians["baseline"]
                    bound = f"  (bound {STEP_BOUNDS_MB[case]} MiB)" if level == "steps" else ""
                    print(f"{level:5} {case:14} {medians[case]:7.1f} MiB  x{ratio:.2f} of baseline{bound}")


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
