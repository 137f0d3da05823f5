"""``newsflow export``: stored articles as JSONL, CSV or Parquet, for downstream use."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from newsflow.cli.console import err, handles_errors
from newsflow.errors import InputError


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def parse_day(value: str | None, option: str) -> datetime | None:
    """An ISO date or date-time as UTC; :class:`InputError` naming ``option`` otherwise."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{option}: {value!r} is not a date (YYYY-MM-DD) or ISO date-time") from exc
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Lists and objects as JSON text, for formats with flat columns."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in row.items()}


def _write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    from newsflow.store.export import EXPORT_FIELDS

    writer = csv.DictWriter(out, fieldnames=list(EXPORT_FIELDS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_flat(row))
        count += 1
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    materialised = [_flat(row) for row in rows]
    pq.write_table(pa.Table.from_pylist(materialised), path)
    return len(materialised)


@handles_errors
def export(
    since: Annotated[str | None, typer.Option("--since", help="From this date (inclusive), UTC.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (exclusive), UTC.")] = None,
    feed: Annotated[str | None, typer.Option("--feed", help="Only this feed's articles.")] = None,
    format_: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Stored articles with topics and entities, in publication order."""
    from newsflow.resources.db import session_scope
    from newsflow.resources.migrate import require_current_schema
    from newsflow.store.export import export_articles

    start, end = parse_day(since, "--since"), parse_day(until, "--until")
    if format_ is ExportFormat.parquet and output is None:
        raise InputError("--format parquet needs --output FILE")
    require_current_schema()
    with session_scope() as session:
        rows = export_articles(session, since=start, until=end, feed_url=feed)
        if format_ is ExportFormat.parquet:
            assert output is not None
            count = _write_parquet(rows, output)
        else:
            writer = _write_jsonl if format_ is ExportFormat.jsonl else _write_csv
            if output is None:
                count = writer(rows, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    count = writer(rows, handle)
    err.print(f"exported {count} article(s)")
