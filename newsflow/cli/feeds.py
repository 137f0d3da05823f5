"""``newsflow feeds``: subscribe (``add``, ``import``) and show subscriptions with their health."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsflow.cli.console import err, handles_errors, print_json
from newsflow.errors import InputError

app = typer.Typer(help="Subscriptions and their health.", no_args_is_help=True)


@app.command("add")
@handles_errors
def add(
    url: Annotated[str, typer.Argument(help="The feed's URL (RSS, Atom or RDF).")],
    name: Annotated[str | None, typer.Option("--name", help="A display name.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag; repeat for several.")] = None,
) -> None:
    """Subscribe to a feed (again: updates its name and tags)."""
    from newsflow.parse.subscriptions import validate_feed_url
    from newsflow.resources.db import session_scope
    from newsflow.resources.migrate import require_current_schema
    from newsflow.store.feeds import subscribe

    url = validate_feed_url(url)
    require_current_schema()
    with session_scope() as session:
        ref, created = subscribe(session, url, name=name, tags=tag or [])
    err.print(f"{'subscribed to' if created else 'already subscribed:'} {ref.url} (feed {ref.id})")


@app.command("import")
@handles_errors
def import_(
    file: Annotated[Path, typer.Argument(help="OPML, or a YAML/TOML list of feeds.")],
) -> None:
    """Subscribe to every feed a list file names."""
    from newsflow.parse.subscriptions import parse_subscriptions
    from newsflow.resources.db import session_scope
    from newsflow.resources.migrate import require_current_schema
    from newsflow.store.feeds import subscribe

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{file}: cannot read: {exc.strerror}") from exc
    items = parse_subscriptions(data, filename=file.name)
    require_current_schema()
    created = 0
    with session_scope() as session:
        for item in items:
            created += subscribe(
                session, item.url, name=item.name, tags=item.tags, interval_minutes=item.interval_minutes
            )[1]
    err.print(f"{file}: {len(items)} feed(s), {created} new")


def _when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if moment else "-"


@app.command("list")
@handles_errors
def list_(
    json_: Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")] = False,
) -> None:
    """Subscriptions with their health: last status, last error, failures in a row, next due time."""
    from newsflow.resources.db import session_scope
    from newsflow.resources.migrate import require_current_schema
    from newsflow.store.feeds import all_feeds

    require_current_schema()
    with session_scope() as session:
        feeds = all_feeds(session)
    rows = [
        {
            "id": f.id, "url": f.url, "name": f.name, "title": f.title, "tags": f.tags,
            "last_fetched_at": f.last_fetched_at.isoformat() if f.last_fetched_at else None,
            "last_status": f.last_status, "last_http_status": f.last_http_status,
            "last_error_code": f.last_error_code, "last_error_message": f.last_error_message,
            "failures_in_row": f.failures_in_row,
            "next_due_at": f.next_due_at.isoformat() if f.next_due_at else None,
            "disabled": f.disabled, "quarantined": f.quarantined, "parse_warning": f.parse_warning,
        }
        for f in feeds
    ]
    if json_:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} feed(s)")
    for column in ("id", "feed", "last status", "error", "fails", "next due", "state"):
        table.add_column(column)
    for f in feeds:
        state = "disabled" if f.disabled else "quarantined" if f.quarantined else "active"
        table.add_row(
            str(f.id), f.name or f.title or f.url, f.last_status or "never", f.last_error_code or "",
            str(f.failures_in_row), _when(f.next_due_at), state,
        )
    err.print(table)
