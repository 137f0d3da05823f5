"""Parse fetched feed bytes (RSS, Atom, RDF, JSON Feed) into :class:`ParsedFeed` with feedparser.

feedparser only ever sees bytes we fetched ourselves (wrapped in a stream, since feedparser would open a
path or fetch a URL given as a string). An ill-formed feed that still yields entries is kept, with what was
wrong in ``ParsedFeed.warning``; anything that is not a feed raises an error with a stable code.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from newsflow.errors import EmptyDocument, NotAFeed
from newsflow.identity import canonicalize_url, entry_key
from newsflow.identity.urls import absolute_url
from newsflow.parse.safety import check_xml_safety
from newsflow.records import FeedEntry, ParsedFeed
from newsflow.textutil import clean_inline, strip_control_chars

# A publisher's clock may run a little ahead; beyond this a date is wrong, not early.
_FUTURE_TOLERANCE = timedelta(hours=24)
_MAX_ENTRIES = 5000
_FORWARDED_HEADERS = ("content-type", "content-location", "content-language")


def parse_feed(
    body: bytes,
    *,
    url: str,
    headers: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> ParsedFeed:
    """Parse ``body`` fetched from ``url`` (``headers``: the response headers, any case)."""
    if not body or not body.strip():
        raise EmptyDocument(f"{url}: the response body is empty")
    response_headers = {k.lower(): v for k, v in (headers or {}).items() if k.lower() in _FORWARDED_HEADERS}
    check_xml_safety(body, response_headers)
    response_headers.setdefault("content-location", url)
    parsed = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
    feed_meta: Mapping[str, Any] = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise NotAFeed(f"{url}: not an RSS, Atom or JSON feed{detail}")
    now = now or datetime.now(UTC)
    site_url = absolute_url(feed_meta.get("link"), url)
    base = site_url or url
    return ParsedFeed(
        title=clean_inline(feed_meta.get("title")),
        site_url=site_url,
        language=clean_inline(feed_meta.get("language")),
        format=parsed.get("version") or None,
        entries=[_entry(raw, base=base, now=now) for raw in entries[:_MAX_ENTRIES]],
        warning=_warning(parsed, len(entries)),
        next_page_url=_next_page(feed_meta, url),
    )


def _warning(parsed: Mapping[str, Any], entry_count: int) -> str | None:
    notes = []
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        notes.append(f"ill-formed: {type(problem).__name__}: {problem}" if problem else "ill-formed")
    if entry_count > _MAX_ENTRIES:
        notes.append(f"{entry_count} entries; only the first {_MAX_ENTRIES} were read")
    return strip_control_chars("; ".join(notes))[:1000] if notes else None


def _next_page(feed_meta: Mapping[str, Any], url: str) -> str | None:
    for link in feed_meta.get("links", []):
        if link.get("rel") in ("next", "prev-archive") and link.get("href"):
            return absolute_url(link["href"], url)
    return None


def _entry(raw: Mapping[str, Any], *, base: str, now: datetime) -> FeedEntry:
    link = absolute_url(_text(raw.get("link")), base)
    canonical = canonicalize_url(link)
    guid = _text(raw.get("id")) or None
    title = clean_inline(_text(raw.get("title")))
    published = _as_stated(raw.get("published"), _date(raw.get("published_parsed"), now)) or _as_stated(
        raw.get("created"), _date(raw.get("created_parsed"), now)
    )
    updated = _as_stated(raw.get("updated"), _date(raw.get("updated_parsed"), now))
    summary = _text(raw.get("summary")) or None
    contents = [c.get("value", "") for c in raw.get("content", []) if c.get("value")]
    content = max(contents, key=len) if contents else None
    if content and summary and content.strip() == summary.strip():
        summary = None
    # the UTC reading, as identity: the same entry keeps its key whatever offset its time is shown in
    fallback = "\x1f".join(filter(None, [title, summary, str(published.astimezone(UTC)) if published else ""]))
    return FeedEntry(
        entry_key=entry_key(guid, canonical, fallback=fallback) or "hash:empty",
        guid=guid,
        url=link,
        canonical_url=canonical,
        title=title,
        authors=_authors(raw),
        published_at=published or updated,
        updated_at=updated,
        summary_html=strip_control_chars(summary) if summary else None,
        content_html=strip_control_chars(content) if content else None,
        categories=[t for t in (clean_inline(tag.get("term")) for tag in raw.get("tags", [])) if t],
        image_url=_image(raw, base),
    )


def _text(value: Any) -> str:
    return strip_control_chars(value).strip() if isinstance(value, str) else ""


def _date(value: Any, now: datetime) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    if moment > now + _FUTURE_TOLERANCE or moment.year < 1970:
        return None
    return moment


def _as_stated(written: Any, moment: datetime | None) -> datetime | None:
    """``moment`` (feedparser's UTC reading) in the offset the feed wrote it with, so its date is the
    publisher's day; feedparser keeps only the UTC time."""
    if moment is None or not isinstance(written, str):
        return moment
    try:
        stated = parsedate_to_datetime(written)
    except (TypeError, ValueError, IndexError):
        try:
            stated = datetime.fromisoformat(written.strip())
        except ValueError:
            return moment
    offset = stated.utcoffset()
    if not offset or stated != moment:
        return moment
    return stated.replace(tzinfo=timezone(offset))


def _authors(raw: Mapping[str, Any]) -> list[str]:
    names: list[str] = []
    for author in raw.get("authors", []) or []:
        name = clean_inline(author.get("name")) if isinstance(author, Mapping) else None
        if name and name not in names:
            names.append(name)
    single = clean_inline(_text(raw.get("author")))
    if not names and single:
        names.append(single)
    return names


def _image(raw: Mapping[str, Any], base: str) -> str | None:
    for media in raw.get("media_content", []) or []:
        if media.get("url") and (media.get("medium") == "image" or "image" in media.get("type", "")):
            return absolute_url(media["url"], base)
    for thumb in raw.get("media_thumbnail", []) or []:
        if thumb.get("url"):
            return absolute_url(thumb["url"], base)
    for enclosure in raw.get("enclosures", []) or []:
        if "image" in (enclosure.get("type") or "") and enclosure.get("href"):
            return absolute_url(enclosure["href"], base)
    return None
