"""A publisher's body stated as Markdown (Condé Nast's CMS writes JSON-LD ``articleBody`` so), rendered to HTML.

Read as plain text, such a body keeps its link targets, heading marks and the CMS's own extensions
(``{: target="_blank"}`` after links, ``+++group`` blocks, ``[#image: …]|||caption|||`` embeds). The extensions
go first (embeds with their captions, as captions go from page text), then markdown-it renders the rest.
"""

from __future__ import annotations

import re

# Markdown's own marks that plain prose does not use: a link with its target, a heading line, a CMS block fence
_LINK = r"\]\((?:https?:)?/[^)\s]*\)"
_LINK_RE = re.compile(_LINK)
_MARKDOWN_RE = re.compile(rf"{_LINK}|^#{{1,6}} \S|^\+\+\+[\w-]*$|^\[#\w+: ", re.M)
_CMS_EXTENSIONS_RE = re.compile(
    r"\{:[^}\n]*\}"  # attribute lists after links and images
    r"|^\+\+\+[\w-]*[ \t]*$"  # block fences ("+++group-2", "+++"), not a ticker line "+++ Live +++"
    r"|^\[#\w+:[^\]\n]*\](?:\|\|\|.*?\|\|\|)?[ \t]*$",  # embeds, with their captions between |||
    re.M,
)


def looks_like_markdown(text: str) -> bool:
    return "<" not in text and bool(_MARKDOWN_RE.search(text))


def has_markdown_links(text: str) -> bool:
    """Text showing Markdown's link syntax: a body rendered from Markdown would show the link's words alone."""
    return bool(_LINK_RE.search(text))


def markdown_to_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(_CMS_EXTENSIONS_RE.sub("", text))
