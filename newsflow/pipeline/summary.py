"""Summaries of an ingest run (pure): topic counts, most-mentioned entities and the run's markdown report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsflow.errors import NewsflowError, error_code
from newsflow.records import ArticleRecord, FeedFetchOutcome, FeedReport, IngestSummary


def summarise(reports: Sequence[FeedReport], records: Sequence[ArticleRecord], *, top: int = 10) -> IngestSummary:
    """The run's summary from each feed's report and the articles stored."""
    topics: Counter[str] = Counter()
    entities: Counter[tuple[str, str]] = Counter()
    for record in records:
        if record.enrichment is None:
            continue
        if record.enrichment.topics.topic:
            topics[record.enrichment.topics.topic] += 1
        for mention in record.enrichment.entities:
            if mention.label not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
                entities[(mention.canonical, mention.label)] += 1
    return IngestSummary(
        feeds=list(reports),
        topic_counts=dict(topics.most_common()),
        top_entities=[(name, label, count) for (name, label), count in entities.most_common(top)],
    )


def failed_report(outcome: FeedFetchOutcome, exc: BaseException) -> FeedReport:
    """The report of a feed whose articles could not be stored: failed, with the error's code."""
    message = exc.message if isinstance(exc, NewsflowError) else f"{type(exc).__name__}: {exc}"
    return FeedReport(
        feed_id=outcome.feed.id,
        url=outcome.feed.url,
        status="failed",
        http_status=outcome.http_status,
        error_code=error_code(exc),
        error_message=message[:2000],
        entries_seen=len(outcome.parsed.entries) if outcome.parsed else 0,
    )


def _cell(value: object) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: IngestSummary) -> str:
    """The run's report as markdown, for a Prefect artifact."""
    totals = summary.to_json()
    by_status = Counter(report.status for report in summary.feeds)
    lines = [
        "# newsflow ingest",
        "",
        f"**Feeds**: {totals['feeds']} — fetched {by_status['fetched']}, not modified {by_status['not_modified']}, "
        f"failed {by_status['failed']}",
        "",
        f"**Entries seen**: {totals['entries_seen']} — **articles new**: {totals['articles_new']}, "
        f"**updated**: {totals['articles_updated']}",
        "",
        "## Feeds",
        "",
        "| feed | status | HTTP | entries | new | updated | error |",
        "|---|---|---|---|---|---|---|",
    ]
    for report in summary.feeds:
        error = f"`{report.error_code}` {report.error_message or ''}" if report.error_code else ""
        lines.append(
            f"| {_cell(report.url)} | {report.status} | {_cell(report.http_status)} | {report.entries_seen} | "
            f"{report.articles_new} | {report.articles_updated} | {_cell(error[:200])} |"
        )
    if summary.topic_counts:
        lines += ["", "## Topics", "", "| topic | articles |", "|---|---|"]
        lines += [f"| {_cell(topic)} | {count} |" for topic, count in summary.topic_counts.items()]
    if summary.top_entities:
        lines += ["", "## Most-mentioned entities", "", "| entity | label | mentions |", "|---|---|---|"]
        lines += [f"| {_cell(name)} | {label} | {count} |" for name, label, count in summary.top_entities]
    return "\n".join(lines) + "\n"
