"""Read the schema.org Article a publisher embeds as JSON-LD: headline, body, dates, authors, section, image."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from newsflow.extract.textutil import squash

_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "socialmediaposting",
    "liveblogposting", "scholarlyarticle", "techarticle", "report", "advertisercontentarticle",
    "satiricalarticle", "medicalscholarlyarticle", "discussionforumposting", "posting",
})
_WEB_PAGE_TYPES = frozenset({"webpage", "itempage"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class JsonLdArticle:
    """The fields of the page's main schema.org Article that the extractor uses."""

    headline: str | None = None
    body: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    image: str | None = None
    publisher: str | None = None
    language: str | None = None
    free: bool | None = None  # isAccessibleForFree, when stated


def read_jsonld(tree: HtmlElement) -> JsonLdArticle | None:
    """The page's main Article object, or None when it has none (the one with a body, else the first)."""
    objects = list(_objects(tree))
    # Yoast-style graphs name the author and publisher once, as nodes the article refers to by "@id"
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    articles = [obj for obj in objects if _is_article(obj)]
    if not articles:
        authors = _page_authors(objects, nodes)
        return JsonLdArticle(authors=authors) if authors else None
    best = max(articles, key=lambda obj: len(_text(obj.get("articleBody")) or ""))
    return JsonLdArticle(
        headline=_text(best.get("headline")) or _text(best.get("name")),
        body=_body(best.get("articleBody")),
        published=_text(best.get("datePublished")) or _text(best.get("dateCreated")),
        modified=_text(best.get("dateModified")),
        authors=_people(_resolve(best.get("author"), nodes)) or _page_authors(objects, nodes),
        section=_section(best.get("articleSection")),
        image=_image(best.get("image")) or _image(best.get("thumbnailUrl")),
        publisher=_name(_resolve(best.get("publisher"), nodes)),
        language=_text(best.get("inLanguage")),
        free=_flag(best.get("isAccessibleForFree")),
    )


def _page_authors(objects: list[dict[str, Any]], nodes: dict[str, dict[str, Any]]) -> list[str]:
    """The writer a WebPage node names: Yoast states it there when the Article node has none, or there is none."""
    page = next((obj for obj in objects if _is_web_page(obj) and obj.get("author")), None)
    return _people(_resolve(page.get("author"), nodes)) if page else []


def _objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        raw = _CONTROL_RE.sub(" ", script.text.strip())
        raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        raw = raw.removeprefix("<![CDATA[").removesuffix("]]>").strip()
        try:
            # strict=False: publishers leave raw line breaks and tabs inside strings, which browsers accept
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        yield from _walk(data)


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
            if isinstance(data.get(key), list | dict):
                yield from _walk(data[key])


def _resolve(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A reference ``{"@id": …}`` replaced by the node it names, in a value or a list of them."""
    if isinstance(value, list):
        return [_resolve(item, nodes) for item in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return nodes.get(value["@id"], value)
    return value


def _is_article(obj: dict[str, Any]) -> bool:
    return _has_type(obj, _ARTICLE_TYPES)


def _is_web_page(obj: dict[str, Any]) -> bool:
    return _has_type(obj, _WEB_PAGE_TYPES)


def _has_type(obj: dict[str, Any], types: frozenset[str]) -> bool:
    """One of the object's "@type"s (a name or a schema.org URL, one or a list) is among ``types``."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].lower() in types for k in kinds)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = squash(str(value))
        return text or None
    return None


def _body(value: Any) -> str | None:
    if isinstance(value, list):
        value = "\n\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _people(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _name(item)
        if name and not name.lower().startswith(("http://", "https://")) and name not in names:
            names.append(name)
    return names


def _section(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    text = _text(value)
    return text.split(",")[0].strip() if text and "," in text and len(text) > 40 else text


def _image(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("contentUrl"))
    return _text(value)


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None
