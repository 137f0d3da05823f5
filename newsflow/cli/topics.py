"""``newsflow topics``: show the taxonomy, print evaluation mappings, train a topic model.

Human output (rich tables) goes to stderr, JSON to stdout; bad input exits 2 with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from newsflow.cli.console import err, handles_errors, print_json

app = typer.Typer(
    help="The topic taxonomy, evaluation mappings and trainable topic models.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.command("list")
@handles_errors
def list_topics(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")] = False,
) -> None:
    """The active taxonomy: the built-in topics, or a trained model's labels with NEWSFLOW_TOPIC_MODEL."""
    from newsflow.topics import get_classifier

    classifier = get_classifier()
    topics = list(classifier.topics)
    if as_json:
        rows = [
            {"name": t.name, "description": t.description, "iptc_code": t.iptc_code, "iptc_name": t.iptc_name}
            for t in topics
        ]
        print_json({"classifier": f"{classifier.name}@{classifier.version}", "topics": rows})
        return
    table = Table(title=f"Topics ({classifier.name}@{classifier.version})")
    table.add_column("Topic", style="bold")
    table.add_column("IPTC Media Topic")
    table.add_column("Description")
    for topic in topics:
        code = f"{topic.iptc_code} ({topic.iptc_name})" if topic.iptc_code else "-"
        table.add_row(topic.name, code, topic.description)
    err.print(table)


@app.command("mapping")
@handles_errors
def mapping(dataset: Annotated[str, typer.Argument(help="ag_news or bbc_news")]) -> None:
    """JSON {dataset_label: [topic, ...]}: which topics count as each label of a public data set."""
    from newsflow.topics import dataset_mapping, get_classifier

    labels = [topic.name for topic in get_classifier().topics]
    print_json(dataset_mapping(dataset, labels))


@app.command("train")
@handles_errors
def train(
    data: Annotated[list[Path], typer.Option("--data", help="Labelled JSONL (title, text, label); repeatable.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model file.")],
    more: Annotated[
        list[Path] | None, typer.Argument(help="More JSONL files, so `--data a.jsonl b.jsonl` works too.")
    ] = None,
) -> None:
    """Train a scikit-learn topic model on labelled JSONL; use it with NEWSFLOW_TOPIC_MODEL=PATH."""
    from newsflow.topics import train_model

    with err.status("training topic model…"):
        summary = train_model([*data, *(more or [])], output)
    table = Table(title=f"Topic model {summary.model_version}: {summary.documents} documents")
    table.add_column("Label", style="bold")
    table.add_column("Documents", justify="right")
    for label, count in summary.labels.items():
        table.add_row(label, str(count))
    err.print(table)
    err.print(f"Written {summary.output}; use it with NEWSFLOW_TOPIC_MODEL={summary.output}", markup=False)


if __name__ == "__main__":
    app()
