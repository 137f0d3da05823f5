"""Sanitise article HTML with nh3: text structure, links and images only; no scripts, styles, handlers, frames."""

from __future__ import annotations

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "a", "img",
    "em", "strong", "i", "b", "u", "sub", "sup", "del", "table", "thead", "tbody", "tr", "th", "td",
    "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Elements whose content goes with them (nh3 would otherwise keep the text of a dropped tag).
DROP_WITH_CONTENT = {"script", "style", "iframe", "noscript", "object", "embed", "template", "svg", "math", "form"}


def sanitize_html(html: str, *, base_url: str | None = None) -> str:
    """A safe fragment of ``html``; relative links and image sources are made absolute against ``base_url``."""
    import nh3

    kwargs: dict[str, object] = {}
    if base_url and base_url.startswith(("http://", "https://")):
        kwargs["url_relative"] = ("rewrite_with_base", base_url)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        **kwargs,  # type: ignore[arg-type]
    ).strip()
