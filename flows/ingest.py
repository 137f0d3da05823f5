"""The ``ingest`` flow: fetch feeds, fetch and clean new articles, enrich them in batches, store.

Feeds are fetched concurrently; each feed's new entries go through page fetching and extraction as one
batch; enrichment runs over batches that span feeds; each feed is then stored in one transaction together
with its validators. A failing feed is recorded and reported; it does not fail the run.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, tags
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Completed

from flows.enrichment import enrich_all
from flows.events import emit_feed_events
from newsflow.pipeline.feed_fetch import failed_outcome
from newsflow.pipeline.summary import failed_report, summarise, summary_markdown
from newsflow.records import ArticleRecord, EntryPlan, FeedFetchOutcome, FeedRef, FeedReport
from tasks.articles import fetch_articles_task, store_feed_task
from tasks.feeds import fetch_feed_task, plan_entries_task, resolve_feeds_task
from tasks.monitoring import feed_health_task, tagged_feeds_task


def ingest_run_name() -> str:
    """Names a run by what it does: which feeds, or all due ones."""
    params = flow_run.parameters
    urls = params.get("feed_urls") or []
    group = params.get("feed_tag")
    hosts = sorted({urlsplit(url).netloc for url in urls})
    what = f"{len(urls)} feed(s) on {', '.join(hosts[:3])}{'…' if len(hosts) > 3 else ''}" if urls else ""
    tagged = f"feeds tagged {group}" if group else ""
    due = "due feeds" if params.get("all_due") or not (urls or group) else ""
    return "ingest " + " + ".join(part for part in (what, tagged, due) if part)


def _host_tag(url: str) -> str:
    return f"host:{urlsplit(url).hostname or 'unknown'}"


def _outcome(feed: FeedRef, future: PrefectFuture[FeedFetchOutcome]) -> FeedFetchOutcome:
    try:
        return future.result()
    except Exception as exc:  # retries exhausted: the feed failed, the run goes on
        return failed_outcome(feed, exc)


def _report(outcome: FeedFetchOutcome, future: PrefectFuture[FeedReport]) -> FeedReport:
    try:
        return future.result()
    except Exception as exc:  # storing this feed failed past retries: report it, the other feeds stand
        return failed_report(outcome, exc)


def _final_state(result: dict[str, Any]) -> Any:
    """Completed either way (failing feeds are reported, not fatal), with a message saying what happened."""
    message = f"{result['feeds']} feed(s), {result['articles_new']} new, {result['articles_updated']} updated"
    if result["feeds_failed"]:
        codes = sorted({error["code"] for error in result["errors"]})
        message += f"; {result['feeds_failed']} failed ({', '.join(codes)})"
    return Completed(message=message, data=result)


@flow(name="ingest", flow_run_name=ingest_run_name, log_prints=False)
def ingest_flow(
    feed_urls: list[str] | None = None, all_due: bool = False, feed_tag: str | None = None
) -> dict[str, Any]:
    """One ingestion run over ``feed_urls`` (subscribed if new), the feeds tagged ``feed_tag`` (a feed group
    with its own schedule) and, with ``all_due`` or when neither is given, every due feed."""
    logger = get_run_logger()
    urls = list(feed_urls or [])
    if feed_tag:
        urls += [feed.url for feed in tagged_feeds_task(feed_tag)]
    feeds = resolve_feeds_task(urls, all_due or not (feed_urls or feed_tag))
    logger.info("ingesting %d feed(s)", len(feeds))

    fetches = {}
    for feed in feeds:
        with tags(_host_tag(feed.url)):
            fetches[feed.id] = fetch_feed_task.submit(feed)
    outcomes = {feed.id: _outcome(feed, fetches[feed.id]) for feed in feeds}

    plans: dict[int, EntryPlan] = {}
    article_futures = {}
    for feed_id, outcome in outcomes.items():
        if outcome.status == "fetched":
            with tags(_host_tag(outcome.feed.url)):
                plans[feed_id] = plan_entries_task(outcome)
                article_futures[feed_id] = fetch_articles_task.submit(plans[feed_id])
    extracted: list[ArticleRecord] = []
    for feed_id, future in article_futures.items():
        try:
            extracted += future.result()
        except Exception as exc:  # this feed's pages failed past retries: report the feed, keep the run going
            outcomes[feed_id] = failed_outcome(outcomes[feed_id].feed, exc)
            plans.pop(feed_id, None)

    enriched = enrich_all(extracted)

    by_feed: dict[int, list[ArticleRecord]] = {feed_id: [] for feed_id in outcomes}
    for record in enriched:
        by_feed[record.feed_id].append(record)
    run_id = flow_run.get_id()
    store_futures = {
        feed_id: store_feed_task.submit(outcome, by_feed[feed_id], plans.get(feed_id), run_id)
        for feed_id, outcome in outcomes.items()
    }
    reports: list[FeedReport] = [_report(outcomes[feed_id], future) for feed_id, future in store_futures.items()]

    for report in reports:
        emit_feed_events(report)
        if report.status == "failed":
            logger.warning("feed %s failed: %s %s", report.url, report.error_code, report.error_message)
    summary = summarise(reports, enriched)
    create_markdown_artifact(
        key="ingest-summary", markdown=summary_markdown(summary), description="What this ingest run did"
    )
    create_table_artifact(
        key="feed-health",
        table=feed_health_task(),
        description="Health of every subscription after this run (failing feeds first)",
    )
    result = summary.to_json()
    logger.info(
        "done: %s feeds (%s failed), %s new, %s updated",
        result["feeds"], result["feeds_failed"], result["articles_new"], result["articles_updated"],
    )
    return _final_state(result)
