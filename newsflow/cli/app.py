"""The ``newsflow`` command line (typer): see ../shared/docs/INTERFACE.md for the promised interface."""

from __future__ import annotations

from typing import Annotated

import typer

from newsflow import __version__
from newsflow.cli import feeds, topics
from newsflow.cli.analyze import analyze
from newsflow.cli.backfill import backfill
from newsflow.cli.console import state
from newsflow.cli.demo import demo
from newsflow.cli.export import export
from newsflow.cli.ingest import ingest
from newsflow.cli.init import init
from newsflow.cli.prefect_env import prepare_prefect_environment
from newsflow.cli.serve import serve

app = typer.Typer(
    name="newsflow",
    help="Event-driven news ingestion on Prefect 3: feeds in; clean, classified, entity-tagged articles out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsflow {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    state.debug = debug


app.command("init")(init)
app.add_typer(feeds.app, name="feeds")
app.command("ingest")(ingest)
app.command("export")(export)
app.command("analyze")(analyze)
app.command("demo")(demo)
app.add_typer(topics.app, name="topics")
app.command("backfill")(backfill)
app.command("serve")(serve)


def main() -> None:
    """Console-script entry point."""
    prepare_prefect_environment()
    app()
