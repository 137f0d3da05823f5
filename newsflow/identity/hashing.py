"""Content hashes that tell an updated article from a repeat of the same one."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC

from newsflow.records import FeedEntry

_SPACE = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """Text with Unicode normalised and runs of white space folded, so layout changes hash the same."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(*parts: str | None) -> str:
    """SHA-256 over the normalised parts (title, text …), as hex."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(normalise_for_hash(part or "").encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def entry_hash(entry: FeedEntry) -> str:
    """Hash of what a feed says about an entry; when it changes, the article is fetched again."""
    return content_hash(
        entry.url,
        entry.title,
        entry.summary_html,
        entry.content_html,
        # as UTC: the offset a feed states its time in is presentation, and must not look like a change
        entry.updated_at.astimezone(UTC).isoformat() if entry.updated_at else None,
    )
