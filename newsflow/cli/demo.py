"""``newsflow demo``: the whole pipeline offline on the bundled sample site, ending with what was stored."""

from __future__ import annotations

from rich.table import Table

from newsflow.cli.console import err, handles_errors
from newsflow.cli.ingest import show_summary


@handles_errors
def demo() -> None:
    """Serve the sample feeds on loopback, ingest them into the default store, and show the result."""
    from newsflow.demo.run import run_demo
    from newsflow.resources.db import session_scope
    from newsflow.store.export import export_articles

    summary, urls = run_demo()
    show_summary(summary)
    table = Table(title="stored articles")
    for column in ("published", "title", "topic", "entities", "words"):
        table.add_column(column, overflow="fold")
    with session_scope() as session:
        for url in urls:
            for row in export_articles(session, feed_url=url):
                people = ", ".join(e["name"] for e in row["entities"] if e["label"] in ("PERSON", "ORG", "GPE"))
                table.add_row(
                    (row["published_at"] or "")[:10], row["title"] or "", row["topic"] or "-",
                    people[:80], str(len(row["text"].split())),
                )
    err.print(table)
