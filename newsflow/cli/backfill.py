"""``newsflow backfill``: re-run past days in day partitions, idempotently, with a progress bar."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsflow.cli.console import err, handles_errors, print_json
from newsflow.errors import InputError


def parse_day(value: str, option: str) -> date:
    """A day from ``YYYY-MM-DD`` (a timestamp's date part is accepted too)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


@contextmanager
def partition_progress(scope: str, mode: str, days: list[date], skipped: int) -> Iterator[None]:
    """A progress bar on stderr that follows the partitions the store records as finished."""
    from newsflow.resources.db import session_scope
    from newsflow.store.backfill import finished_since

    started = datetime.now(UTC)
    stop = threading.Event()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        bar = progress.add_task(f"{mode} {days[0]}..{days[-1]}", total=len(days), completed=skipped)

        def follow() -> None:
            while not stop.wait(1.0):
                try:
                    with session_scope() as session:
                        finished = finished_since(session, scope, mode, days, started)
                except Exception:  # the bar is a courtesy: a busy store must not break the backfill
                    continue
                progress.update(bar, completed=skipped + finished)

        watcher = threading.Thread(target=follow, name="newsflow-backfill-progress", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join(timeout=5)
            with session_scope() as session:
                progress.update(bar, completed=skipped + finished_since(session, scope, mode, days, started))


def show_backfill(summary: dict[str, Any]) -> None:
    """The backfill's totals, and each failed day with its error, on stderr."""
    table = Table(show_header=False)
    for key in ("partitions", "completed", "skipped", "failed", "articles"):
        table.add_row(key, str(summary[key]))
    err.print(f"{summary['mode']} {summary['since']}..{summary['until']}")
    err.print(table)
    for failure in summary["failures"]:
        err.print(f"[yellow]{failure['day']}[/]: {failure['error']}", soft_wrap=True)
    if summary["failed"]:
        err.print("Run the same command again to resume: completed days are skipped.")


@handles_errors
def backfill(
    since: Annotated[str, typer.Option("--since", help="First day, YYYY-MM-DD (UTC).")],
    until: Annotated[str | None, typer.Option("--until", help="Last day, included (default: today).")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="A feed URL (subscribed if new); repeat.")] = None,
    reprocess: Annotated[
        bool, typer.Option("--reprocess", help="Recompute stored articles from their raw HTML; fetch nothing.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Run days that already completed again.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print the backfill's summary as JSON on stdout.")] = False,
) -> None:
    """Re-run past days in day partitions (subflow runs); completed days are skipped, so it resumes."""
    from newsflow.parse.subscriptions import validate_feed_url
    from newsflow.pipeline.backfill import day_partitions
    from newsflow.resources.db import session_scope
    from newsflow.resources.migrate import require_current_schema
    from newsflow.store.backfill import completed_days, partition_scope

    first = parse_day(since, "--since")
    last = parse_day(until, "--until") if until else datetime.now(UTC).date()
    days = day_partitions(first, last)
    urls = [validate_feed_url(url, source="--feed") for url in feed or []]
    require_current_schema()
    mode, scope = ("reprocess" if reprocess else "fetch"), partition_scope(urls)
    with session_scope() as session:
        skipped = 0 if force else len(completed_days(session, scope, mode, days))
    if reprocess:
        from flows.reprocess import reprocess_flow as chosen
    else:
        from flows.backfill import backfill_flow as chosen

    with partition_progress(scope, mode, days, skipped):
        state = chosen(since=first, until=last, feed_urls=urls, force=force, return_state=True)
    summary = state.result(raise_on_failure=False)
    if isinstance(summary, BaseException):  # the run itself could not work (store unreachable …)
        raise summary
    if json_:
        print_json(summary)
    else:
        show_backfill(summary)
    if summary["failed"]:
        raise typer.Exit(1)
