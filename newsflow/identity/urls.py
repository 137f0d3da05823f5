"""Canonical URLs: absolute, lower-case scheme and host, no fragment, no tracking parameters.

Two links that differ only by ``utm_*``, ``fbclid``, ``gclid`` and similar click-tracking parameters, by the
order of their query parameters, by a default port or by a fragment name the same article.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
        "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "vero_conv",
        "vero_id", "wickedid", "ncid", "cmpid", "ref_src", "ref_url", "spm", "ocid", "soc_src", "soc_trk",
        "at_medium", "at_campaign", "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "piwik_", "matomo_", "hsa_", "itm_", "at_", "sc_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WHITESPACE = re.compile(r"\s+")


def is_tracking_parameter(name: str) -> bool:
    """True for query parameters that only track clicks and never change the page."""
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


def absolute_url(url: str | None, base: str | None) -> str | None:
    """``url`` made absolute against ``base``; None for empty input or a non-http(s) result."""
    if not url:
        return None
    url = _WHITESPACE.sub("", url)
    joined = urljoin(base, url) if base else url
    if urlsplit(joined).scheme.lower() not in _DEFAULT_PORTS:
        return None
    return joined


def canonicalize_url(url: str | None, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (made absolute against ``base``), or None if it is not http(s)."""
    absolute = absolute_url(url, base)
    if absolute is None:
        return None
    try:
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        credentials = parts.username or ""
        if parts.password:
            credentials += f":{parts.password}"
        netloc = f"{credentials}@{netloc}"
    query_pairs = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    ]
    query = urlencode(sorted(query_pairs), doseq=True)
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))
