"""Read subscription lists (pure): OPML, or YAML/TOML lists of feeds, into :class:`Subscription` records.

YAML and TOML take either a list of URLs or ``feeds: [{url, name?, tags?, interval_minutes?}]``.
"""

from __future__ import annotations

import tomllib
from typing import Any

import yaml
from lxml import etree

from newsflow.errors import InputError
from newsflow.records import Record


class Subscription(Record):
    """One feed to subscribe to, as a list file names it."""

    url: str
    name: str | None = None
    tags: list[str] = []
    interval_minutes: int | None = None


# Longer feed URLs are refused as input: browsers and servers cap URLs near here, and the store's unique index
# on the feed URL (a B-tree row on PostgreSQL holds about 2.7 KB) must be able to hold every accepted one.
MAX_FEED_URL_BYTES = 2048


def validate_feed_url(url: str, *, source: str = "argument") -> str:
    """``url`` stripped, if it is an absolute http(s) URL of sane length; else :class:`InputError` naming it."""
    from urllib.parse import urlsplit

    cleaned = (url or "").strip()
    size = len(cleaned.encode("utf-8"))
    if size > MAX_FEED_URL_BYTES:
        raise InputError(
            f"{source}: feed URL {cleaned[:60]!r}... is {size} bytes long; at most {MAX_FEED_URL_BYTES} are accepted"
        )
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{source}: {url!r} is not an absolute http(s) feed URL")
    return cleaned


def parse_subscriptions(data: bytes, *, filename: str) -> list[Subscription]:
    """Subscriptions from the bytes of an OPML, YAML or TOML file named ``filename``."""
    lowered = filename.lower()
    if lowered.endswith((".opml", ".xml")):
        items = _opml(data, filename)
    elif lowered.endswith((".yaml", ".yml")):
        try:
            items = _from_mapping(yaml.safe_load(data), filename)
        except yaml.YAMLError as exc:
            raise InputError(f"{filename}: not valid YAML: {exc}") from exc
    elif lowered.endswith(".toml"):
        try:
            items = _from_mapping(tomllib.loads(data.decode("utf-8")), filename)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{filename}: not valid TOML: {exc}") from exc
    else:
        raise InputError(f"{filename}: unknown list format; use .opml, .yaml/.yml or .toml")
    if not items:
        raise InputError(f"{filename}: names no feeds")
    return items


def _opml(data: bytes, filename: str) -> list[Subscription]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{filename}: not valid OPML: {exc}") from exc
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        parent = outline.getparent()
        in_folder = parent is not None and parent.tag == "outline"
        tags = [parent.get("text") or parent.get("title") or ""] if in_folder else []
        found.append(
            Subscription(
                url=validate_feed_url(url, source=filename),
                name=outline.get("title") or outline.get("text"),
                tags=[tag for tag in tags if tag],
            )
        )
    return found


def _from_mapping(document: Any, filename: str) -> list[Subscription]:
    entries = document.get("feeds") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise InputError(f"{filename}: expected a list of feeds, or a 'feeds' list")
    found = []
    for position, entry in enumerate(entries, start=1):
        where = f"{filename}, feed {position}"
        if isinstance(entry, str):
            found.append(Subscription(url=validate_feed_url(entry, source=where)))
        elif isinstance(entry, dict) and isinstance(entry.get("url"), str):
            tags = entry.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
                raise InputError(f"{where}: 'tags' must be a list of strings")
            interval = entry.get("interval_minutes")
            if interval is not None and (not isinstance(interval, int) or interval < 1):
                raise InputError(f"{where}: 'interval_minutes' must be a positive whole number")
            found.append(
                Subscription(
                    url=validate_feed_url(entry["url"], source=where),
                    name=entry.get("name"),
                    tags=tags,
                    interval_minutes=interval,
                )
            )
        else:
            raise InputError(f"{where}: each feed is a URL or a mapping with a 'url'")
    return found
