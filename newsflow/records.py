"""The small typed records that stages pass to each other.

Records are frozen pydantic models: cheap to serialise, safe to cache, and never tied to a database session
or an HTTP client. Each says which stage makes it and which consumes it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base: immutable, and strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class FeedRef(Record):
    """A subscribed feed as the pipeline needs it (made by the store, read by fetching)."""

    id: int
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class FeedEntry(Record):
    """One item of a parsed feed (made by ``newsflow.parse.feed``)."""

    entry_key: str  # identity within the feed: "guid:<guid>" or "url:<canonical url>"
    guid: str | None = None
    url: str | None = None  # the link as published, absolute
    canonical_url: str | None = None  # the link with tracking parameters stripped
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    summary_html: str | None = None
    content_html: str | None = None  # full content (content:encoded, atom:content) when the feed has it
    categories: list[str] = Field(default_factory=list)
    image_url: str | None = None


class ParsedFeed(Record):
    """A whole parsed feed document (made by ``newsflow.parse.feed``)."""

    title: str | None = None
    site_url: str | None = None
    language: str | None = None
    format: str | None = None  # feedparser's version string: rss20, atom10, rdf ...
    entries: list[FeedEntry] = Field(default_factory=list)
    warning: str | None = None  # the feed was ill-formed but yielded entries: what was wrong
    next_page_url: str | None = None  # RFC 5005 "next"/"prev-archive" link, for backfills


class HttpResult(Record):
    """What one GET brought back (made by ``newsflow.resources.http``)."""

    url: str  # what was asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str] = Field(default_factory=dict)  # lower-case names
    body: bytes = b""
    elapsed_ms: float = 0.0
    not_modified: bool = False  # a 304 to a conditional GET
    permanent_redirect_url: str | None = None  # where a 301/308 chain from ``url`` ended, if it did

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class PageFetch(Record):
    """An article page fetched for an entry (made by the page task, read by extraction)."""

    entry_key: str
    url: str
    final_url: str | None = None
    status: int | None = None
    html: str | None = None  # decoded page, kept raw so later stages can be recomputed
    error_code: str | None = None
    error_message: str | None = None
    fetched_at: datetime | None = None


ArticleStatus = Literal["ok", "feed_only", "paywalled", "blocked", "empty"]


class ExtractedArticle(Record):
    """Main text and metadata of one article (made by ``newsflow.extract``)."""

    title: str | None = None
    text: str = ""
    html: str | None = None  # the body as sanitised HTML (nh3)
    authors: list[str] = Field(default_factory=list)
    authors_source: str | None = None  # jsonld | meta | feed | byline (the page's byline, read by heuristics)
    published_at: datetime | None = None
    published_source: str | None = None  # jsonld | meta | htmldate | feed
    modified_at: datetime | None = None
    modified_source: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    top_image: str | None = None
    site_name: str | None = None
    section: str | None = None  # as published, e.g. "Geopolitics"
    canonical_url: str | None = None  # the page's rel=canonical, absolute
    status: ArticleStatus = "ok"
    text_source: str | None = None  # page | jsonld | feed_content | feed_summary
    extractor: str = ""  # name@version, so articles can be re-extracted when it changes


class TopicScore(Record):
    """One topic with its score (made by ``newsflow.topics``)."""

    label: str
    score: float
    code: str | None = None  # IPTC Media Topic code where one applies


class TopicResult(Record):
    """Ranked topics of one document; ``topic`` is the best or None when nothing scores."""

    topic: str | None = None
    topics: list[TopicScore] = Field(default_factory=list)
    classifier: str = ""  # name@version


class EntityMention(Record):
    """One entity mention in a text (made by ``newsflow.entities``); offsets index the article text."""

    text: str
    label: str  # OntoNotes label: PERSON, ORG, GPE ...
    start: int
    end: int
    canonical: str
    value: float | None = None  # MONEY amount or PERCENT number
    unit: str | None = None  # ISO 4217 currency for MONEY, "%" for PERCENT
    iso_code: str | None = None  # ISO 3166-1 alpha-2 for countries


class Enrichment(Record):
    """Topics and entities of one article."""

    topics: TopicResult
    entities: list[EntityMention] = Field(default_factory=list)
    entity_model: str = ""  # name@version of the NER stage


class ArticleRecord(Record):
    """Everything stored for one article (assembled by tasks, written by ``newsflow.store``)."""

    feed_id: int
    entry: FeedEntry
    page: PageFetch | None = None
    extracted: ExtractedArticle
    content_hash: str
    enrichment: Enrichment | None = None


FeedStatus = Literal["fetched", "not_modified", "failed", "skipped"]


class FeedFetchOutcome(Record):
    """What fetching and parsing one feed came to (made by the fetch task)."""

    feed: FeedRef
    status: FeedStatus
    started_at: datetime
    http_status: int | None = None
    final_url: str | None = None
    permanent_redirect_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    bytes: int = 0
    duration_ms: float = 0.0
    parsed: ParsedFeed | None = None
    error_code: str | None = None
    error_message: str | None = None
    retry_after: float | None = None


class StoreCounts(Record):
    """What storing a batch of articles did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


class EntryPlan(Record):
    """Which entries of a fetched feed need work this run (made by planning, read by page fetching)."""

    feed_id: int
    todo: list[FeedEntry] = Field(default_factory=list)  # new entries, and known ones whose entry changed
    entry_hashes: dict[str, str] = Field(default_factory=dict)  # entry_key -> hash, for every entry seen
    seen: int = 0
    deferred: int = 0  # entries that need work but were left for a later run (over the per-run limit)


class FeedReport(Record):
    """What one feed came to in a run: the fetch outcome's summary and what was stored."""

    feed_id: int
    url: str
    status: FeedStatus
    http_status: int | None = None
    error_code: str | None = None
    error_message: str | None = None
    warning: str | None = None
    entries_seen: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    pages_fetched: int = 0
    pages_failed: int = 0


class IngestSummary(Record):
    """The outcome of one ingest run; ``to_json`` is the ``newsflow ingest --json`` object."""

    feeds: list[FeedReport] = Field(default_factory=list)
    topic_counts: dict[str, int] = Field(default_factory=dict)
    top_entities: list[tuple[str, str, int]] = Field(default_factory=list)  # (name, label, mentions)

    def to_json(self) -> dict[str, object]:
        failed = [f for f in self.feeds if f.status == "failed"]
        return {
            "feeds": len(self.feeds),
            "feeds_failed": len(failed),
            "feeds_not_modified": sum(1 for f in self.feeds if f.status == "not_modified"),
            "entries_seen": sum(f.entries_seen for f in self.feeds),
            "articles_new": sum(f.articles_new for f in self.feeds),
            "articles_updated": sum(f.articles_updated for f in self.feeds),
            "errors": [
                {"feed": f.url, "code": f.error_code or "", "message": f.error_message or ""} for f in failed
            ],
        }
