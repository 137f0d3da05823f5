"""``newsflow analyze``: the enrichment stages alone on JSONL, no store, no network."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsflow.cli.console import handles_errors
from newsflow.errors import InputError


@handles_errors
def analyze(
    input_: Annotated[Path | None, typer.Option("--input", help="JSONL file (default: stdin).")] = None,
    output: Annotated[Path | None, typer.Option("--output", help="JSONL file (default: stdout).")] = None,
    no_topics: Annotated[bool, typer.Option("--no-topics", help="Skip topic classification.")] = False,
    no_entities: Annotated[bool, typer.Option("--no-entities", help="Skip entity extraction.")] = False,
) -> None:
    """Extract text (from html), classify topics and extract entities for each JSONL document."""
    from newsflow.pipeline.analyze import analyze_lines

    try:
        source = input_.open(encoding="utf-8", errors="replace") if input_ else sys.stdin
    except OSError as exc:
        raise InputError(f"{input_}: cannot read: {exc.strerror}") from exc
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for result in analyze_lines(source, topics=not no_topics, entities=not no_entities):
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
        sink.flush()
    finally:
        if input_:
            source.close()
        if output:
            sink.close()
