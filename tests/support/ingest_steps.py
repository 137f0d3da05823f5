"""The ingest flow's steps run one after another without Prefect, for tests over many feeds."""

from __future__ import annotations


def ingest_steps(urls: list[str], *, enrich: bool = True) -> tuple[dict[str, str], dict[str, int]]:
    """Each feed through the steps the ingest flow's tasks call, one after another, without the engine and
    without fetching pages.

    Returns ``{url: error code}`` of the feeds that failed and ``{url: distinct entries}`` of those parsed.
    """
    from newsflow.errors import FetchError
    from newsflow.pipeline.assemble import assemble_articles
    from newsflow.pipeline.enrich import enrich_articles
    from newsflow.pipeline.feed_fetch import failed_outcome, fetch_and_parse
    from newsflow.resources.http import Fetcher
    from newsflow.settings import get_settings
    from newsflow.store.ingest import commit_feed, plan_entries, resolve_feeds

    errors, distinct = {}, {}
    with Fetcher() as fetcher:
        for feed in resolve_feeds(urls, all_due=False):
            try:
                outcome = fetch_and_parse(feed, fetcher)
            except FetchError as exc:
                outcome = failed_outcome(feed, exc)
            plan = plan_entries(outcome, limit=get_settings().max_pages_per_feed) if outcome.parsed else None
            if outcome.parsed is not None:
                distinct[feed.url] = len({entry.entry_key for entry in outcome.parsed.entries})
            records = assemble_articles(feed.id, plan.todo, []) if plan and plan.todo else []
            records = enrich_articles(records) if enrich and records else records
            report = commit_feed(outcome, records, plan)
            if report.error_code:
                errors[report.url] = report.error_code
    return errors, distinct
