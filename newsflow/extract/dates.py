"""Published and modified times with their provenance: JSON-LD, then meta tags, then htmldate (published only),
then the feed.

Every time is timezone-aware and keeps the offset the page states, so its date is the publisher's calendar day
(a time without a zone, and a bare date, is read as UTC). None is later than ``now``: a candidate in the future
is skipped and the next source is asked. htmldate's guesses are not taken for dates: the copyright year it falls
back on as 1 January (41 of the 1,143 saved pages had one), or a day it read before the month the address states.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from lxml.html import HtmlElement

from newsflow.extract.jsonld import JsonLdArticle
from newsflow.extract.page import PageHead, meta_keys

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "dc.date.created", "dc.date", "date", "article_date_original", "originalpublicationdate",
    "cxenseparse:recs:publishtime", "rnews:datepublished", "citation_publication_date", "datecreated",
)
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "article.updated", "modified_time", "last-modified", "dcterms.modified", "dc.date.modified",
    "lastmod", "revised",
)
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_NUMERIC_RE = re.compile(r"^\d{10}(\d{3})?$")
_DOTTED_DATE_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Zone abbreviations pages write after a time ("2021-01-03T17:40:00EET"), as offsets in hours; dateutil knows
# only UTC and GMT itself and would read the rest as UTC. CST is the US one, as dateutil assumes.
_ZONE_HOURS = {
    "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "BST": 1,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9,
    "AKDT": -8, "HST": -10, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9.5,
    "AWST": 8, "NZST": 12, "NZDT": 13,
}
_ZONE_OFFSETS = {name: int(hours * 3600) for name, hours in _ZONE_HOURS.items()}  # dateutil's tzinfos: seconds
_DEFAULT_A, _DEFAULT_B = datetime(2000, 1, 1), datetime(2001, 2, 2)


@dataclass(frozen=True)
class Dated:
    value: datetime
    source: str  # jsonld | meta | htmldate | feed


def parse_time(value: str | datetime | date | None) -> datetime | None:
    """A date or date-time, aware in the offset it was written with (UTC when none), or None when it cannot be
    read or is before 1990."""
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time(), tzinfo=UTC)
    else:
        parsed_or_none = _parse_string(value.strip())
        if parsed_or_none is None:
            return None
        parsed = parsed_or_none
    offset = parsed.utcoffset()
    # a fixed offset, whatever tzinfo the parser gave (dateutil's tzoffset, a zoneinfo): it serialises plainly
    parsed = parsed.replace(tzinfo=UTC if not offset else timezone(offset))
    return parsed if parsed >= EARLIEST else None


def _parse_string(text: str) -> datetime | None:
    if not text:
        return None
    if _NUMERIC_RE.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    except ValueError:
        pass
    from dateutil import parser as dateutil_parser

    try:
        with warnings.catch_warnings():
            # an unknown zone name is read as UTC, which is what a time without a zone means here anyway
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            # dotted numeric dates are day first wherever they are written (10.12.2022 is 10 December)
            dayfirst = bool(_DOTTED_DATE_RE.match(text))
            parsed = dateutil_parser.parse(text, dayfirst=dayfirst, tzinfos=_ZONE_OFFSETS, default=_DEFAULT_A)
            # dateutil fills what the text leaves out from its default: "2006" or "2017/01" is no day at all
            other = dateutil_parser.parse(text, dayfirst=dayfirst, tzinfos=_ZONE_OFFSETS, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if parsed.date() == other.date() else None


def first_valid(candidates: Iterable[tuple[str | datetime | None, str]], now: datetime) -> Dated | None:
    for raw, source in candidates:
        value = parse_time(raw)
        if value is not None and value <= now:
            return Dated(value, source)
    return None


def published_time(
    tree: HtmlElement,
    head: PageHead,
    ld: JsonLdArticle | None,
    url: str | None,
    feed_time: datetime | None,
    now: datetime,
) -> Dated | None:
    stated = [(ld.published if ld else None, "jsonld"), *((v, "meta") for v in head.all(*PUBLISHED_META))]
    found = first_valid(stated, now)
    if found:
        return _in_local_offset(found, [raw for raw, _ in stated], tree)
    return first_valid([(_htmldate(tree, url, now), "htmldate"), (feed_time, "feed")], now)


# A date-time written without a zone ("2023-11-08 23:30:59" in a <time datetime>): the publisher's local time
_NAIVE_TIME_RE = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?$")
_MAX_OFFSET = timedelta(hours=14)
# The article's own times come first on a page (its header); later ones date comments and other articles
NAIVE_TIMES_LOOKED_AT = 3


def _naive_page_times(tree: HtmlElement) -> list[datetime]:
    """The zone-less times the page's ``<time datetime>`` elements show, as naive datetimes."""
    found: list[datetime] = []
    for element in tree.iter("time"):
        raw = (element.get("datetime") or "").strip()
        if _NAIVE_TIME_RE.match(raw):
            try:
                found.append(datetime.fromisoformat(raw.replace(" ", "T", 1)))
            except ValueError:
                continue
            if len(found) == NAIVE_TIMES_LOOKED_AT:
                break
    return found


def _in_local_offset(found: Dated, others: Iterable[str | datetime | None], tree: HtmlElement) -> Dated:
    """``found`` in the publisher's offset when it is stated in UTC and another tag gives the same moment in
    local time (JSON-LD "2019-10-18T22:04:00Z", meta "Sat, 19 Oct 2019 00:04:00 +0200"), or the page shows it as
    a zone-less local time: JSON-LD "2023-11-09T05:30:59Z", ``<time datetime="2023-11-08 23:30:59">`` is the
    same moment at -06:00 (the minutes and seconds agree, the hours differ by a whole or half hour)."""
    if found.value.utcoffset():
        return found
    for raw in others:
        value = parse_time(raw)
        if value is not None and value == found.value and value.utcoffset():
            return Dated(value, found.source)
    # the page's <time> elements are walked only for a UTC time that no tag states in local time
    utc = found.value.replace(tzinfo=None)
    for local in _naive_page_times(tree):
        offset = local - utc
        if offset and abs(offset) <= _MAX_OFFSET and offset % timedelta(minutes=30) == timedelta(0):
            return Dated(found.value.astimezone(timezone(offset)), found.source)
    return found


def modified_time(
    head: PageHead, ld: JsonLdArticle | None, feed_time: datetime | None, now: datetime
) -> Dated | None:
    """The time the publisher states the article last changed: JSON-LD, meta tags, then the feed.

    htmldate is not asked: its "latest date on the page" gave a later day than the publication on 16 of 1,143
    saved pages (copyright years, comment dates, a time zone's midnight) at about 2 ms a page on the rest.
    """
    return first_valid(
        [
            (ld.modified if ld else None, "jsonld"),
            *((v, "meta") for v in head.all(*MODIFIED_META)),
            (feed_time, "feed"),
        ],
        now,
    )


# A year and month in the address ("/story/2016/10/…"): a date before that month was misread from the page's text
# ("10/04/16" as 10 April); a later one may be a republication the page states (bundespolizei.de)
_URL_MONTH_RE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-]|$)")


def _htmldate(tree: HtmlElement, url: str | None, now: datetime) -> str | None:
    """htmldate's publication date, where it read one: not the copyright year it falls back on as 1 January, nor
    a day before the month the address states."""
    from htmldate import find_date

    def search(extensive: bool) -> str | None:
        return find_date(
            tree, url=url, original_date=True, extensive_search=extensive, max_date=now.strftime("%Y-%m-%d")
        )

    # htmldate falls back on a page's modification time (og:updated_time) where it finds no other: the
    # publication date is asked for, and the modification time is read from the tags themselves
    for meta in list(tree.iter("meta")):
        if any(key in MODIFIED_META for key in meta_keys(meta)):
            meta.drop_tree()
    try:
        found = search(True)
        if found and found.endswith("-01-01"):
            # 1 January is what htmldate gives for a page's "© 2020" when nothing else is found; the date is kept
            # only where the page states it without that guess
            found = search(False)
    except (ValueError, TypeError):
        return None
    month = _URL_MONTH_RE.search(url or "")
    if found and month and found[:7] < f"{month.group(1)}-{month.group(2)}":
        return None
    return found
