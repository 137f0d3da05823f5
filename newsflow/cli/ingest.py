"""``newsflow ingest``: one ingestion run now, as a Prefect flow run."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsflow.cli.console import err, handles_errors, print_json


def show_summary(summary: dict[str, Any]) -> None:
    """The run's totals and errors as a table on stderr."""
    table = Table(title="ingest", show_header=False)
    for key in ("feeds", "feeds_failed", "entries_seen", "articles_new", "articles_updated"):
        table.add_row(key.replace("_", " "), str(summary.get(key, 0)))
    err.print(table)
    for error in summary.get("errors", []):
        err.print(
            f"[yellow]{escape(error['feed'])}[/]: {escape(error['code'])} {escape(error['message'])}", soft_wrap=True
        )


@handles_errors
def ingest(
    feed: Annotated[list[str] | None, typer.Option("--feed", help="A feed URL (subscribed if new); repeat.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also every due subscription.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print the run's summary as JSON on stdout.")] = False,
) -> None:
    """Fetch the given feeds (or all due ones), fetch and clean new articles, classify, extract, store."""
    from newsflow.parse.subscriptions import validate_feed_url
    from newsflow.resources.migrate import require_current_schema

    urls = [validate_feed_url(url, source="--feed") for url in feed or []]
    require_current_schema()
    from flows.ingest import ingest_flow

    summary = ingest_flow(feed_urls=urls, all_due=all_ or not urls)
    if json_:
        print_json(summary)
    else:
        show_summary(summary)
