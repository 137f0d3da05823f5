"""Authors, section, top image and site name, from JSON-LD and meta tags, the page, then the feed."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newsflow.extract.byline import byline_authors, byline_names, has_web_address, is_name
from newsflow.extract.jsonld import JsonLdArticle
from newsflow.extract.page import PageHead
from newsflow.extract.textutil import squash, word_key

_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&)\s*", re.I)
_BYLINE_PREFIX_RE = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.I)
# A social-media handle after the name ("Williams Perdomo @wperdomod")
_HANDLE_TAIL_RE = re.compile(r"(?:\s+@\w+)+$")
_NAME_SITE_SEPARATOR_RE = re.compile(r"\s+[-|–—]\s+")


def site_name(head: PageHead, ld: JsonLdArticle | None) -> str | None:
    return head.first("og:site_name", "application-name", "twitter:site:name") or (ld.publisher if ld else None)


def authors(
    tree: HtmlElement, head: PageHead, ld: JsonLdArticle | None, headline: str | None, fallback: list[str],
    hosts: tuple[str, ...] = (),
) -> tuple[list[str], str | None]:
    """The people who wrote the article, and where they were found: JSON-LD, then meta tags, then the feed
    (``fallback``), then the page's byline.

    A stated author that is only the site's own name (an Organization as author), its address or a name with a
    web address in it gives way to a byline that names a person. ``hosts``: the page address's ``host_keys``.
    """
    site = {word_key(s) for s in (site_name(head, ld), ld.publisher if ld else None) if s}
    site.update(hosts)
    found: list[str] = list(ld.authors) if ld and ld.authors else []
    source = "jsonld"
    if not found:
        for value in head.all("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
            if value.startswith(("http://", "https://")):
                continue
            names = _AUTHOR_SPLIT_RE.split(_BYLINE_PREFIX_RE.sub("", value))
            # "GIROMATCH, Frankfurt a. M., Germany": the site and its address, one author and not a person
            found.extend([names[0]] if _is_site(names[0], site) else names)
        source = "meta"
    if not found:
        found, source = fallback, "feed"
    stated = _clean_names([_without_site(name, site) for name in found])
    people = [name for name in stated if not _is_site(name, site)]
    if people:
        return people, source  # "Rob Picheta, CNN": the site beside a writer is the publisher, not an author
    from_byline = _clean_names(byline_authors(tree, headline))
    # "Stephen Collinson, CNN" in the byline too
    people = [name for name in from_byline if not _is_site(name, site)]
    if people:
        return people, "byline"
    if stated:
        return stated, source  # the site as the stated author (an Organization): what the publisher says
    # a byline naming only the site (a press release) keeps it
    return from_byline, ("byline" if from_byline else None)


def body_byline_authors(lines: list[str]) -> list[str]:
    """The names in a byline the leftover step dropped from the body's opening ("Von Roland Brockmann und
    Sebastian Drescher"), for a page whose metadata and byline markers name nobody."""
    for line in lines:
        names = _clean_names(byline_names(line))
        # a German kicker reads like one ("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»"): every
        # name must look like a person's, two to four capitalised words
        # an agency or broadcaster after the writers ("…, Jan Lukas Strozyk und Benedikt Strunz, NDR") is credited
        # with them
        people = names[:-1] if len(names) > 1 and _AGENCY_RE.match(names[-1]) else names
        if people and all(_PERSON_NAME_RE.match(name) for name in people):
            return names
    return []


def names_a_person(names: list[str]) -> bool:
    """Whether one of ``names`` reads as a person's: two to four capitalised words."""
    return any(_PERSON_NAME_RE.match(name) for name in names)


_AGENCY_RE = re.compile(r"^[A-Z]{2,6}$")
_PERSON_NAME_RE = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w.'’-]*\s+){1,3}[A-ZÀ-ÞĀ-Ž][\w.'’-]*$")


def _is_site(name: str, site: set[str]) -> bool:
    """The site's own name or address where a person's name is expected."""
    return word_key(name) in site or has_web_address(name)


def _without_site(name: str, site: set[str]) -> str:
    """"unocero - Alberto Ávila" -> "Alberto Ávila": the site's name joined to its writer's by a dash or bar."""
    parts = _NAME_SITE_SEPARATOR_RE.split(name)
    kept = [part for part in parts if word_key(part) not in site]
    return " - ".join(kept) if kept and len(kept) < len(parts) else name


def _clean_names(found: list[str]) -> list[str]:
    cleaned: list[str] = []
    seen: set[str] = set()
    for name in found:
        name = _HANDLE_TAIL_RE.sub("", _BYLINE_PREFIX_RE.sub("", squash(html.unescape(name)))).strip(" ,;")
        key = name.casefold()  # "Jeffrey Gettleman" and "JEFFREY GETTLEMAN" are one author
        if is_name(name) and 1 <= len(name.split()) <= 6 and key not in seen:
            seen.add(key)
            cleaned.append(name)
    return cleaned


_SECTION_MAX_CHARS, _SECTION_MAX_WORDS = 60, 6
_PLACEHOLDER_VALUES = frozenset({"nil", "null", "none", "undefined", "false", "n/a", "-"})


def section(head: PageHead, ld: JsonLdArticle | None, fallback: list[str]) -> str | None:
    """The section as published; a keyword list, a sentence or a template's empty value is not one."""
    candidates = [
        ld.section if ld else None,
        *head.all(
            "article:section", "og:article:section", "parsely-section", "section", "article.section",
            "sailthru.section", "category", "dc.subject",
        ),
        *fallback,
    ]
    return next((value for value in candidates if value and _is_section_name(value)), None)


def _is_section_name(value: str) -> bool:
    return (
        len(value) <= _SECTION_MAX_CHARS
        and len(value.split()) <= _SECTION_MAX_WORDS
        and value.strip().lower() not in _PLACEHOLDER_VALUES
        and not value.rstrip().endswith(".")
    )


# The file name of a site's logo or an empty placeholder, which pages put in og:image when the article has no
# picture of its own: no top image is better than the publisher's logo.
_STAND_IN_IMAGE_RE = re.compile(
    r"(?i)logo(?![a-z])|(?:fav|touch-)icon|(?:^|[^a-z])(?:blank|placeholder|spacer|transparent|no-?im(?:a?ge?)?)"
    r"(?:[^a-z]|$)|^(?:default|pixel|1x1)(?:[^a-z]|$)|\.svg$"
)


def top_image(head: PageHead, ld: JsonLdArticle | None, url: str | None, fallback: str | None) -> str | None:
    candidates = [
        *head.all("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
        ld.image if ld else None,
        fallback,
    ]
    for value in candidates:
        if value and not _is_stand_in(value):
            return urljoin(url, value) if url else value
    return None


def _is_stand_in(image_url: str) -> bool:
    name = urlsplit(image_url).path.rstrip("/").rsplit("/", 1)[-1]
    return bool(_STAND_IN_IMAGE_RE.search(name)) or image_url.startswith("data:")
