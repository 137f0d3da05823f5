"""The key that identifies an entry within its feed: its guid, else its canonical URL."""

from __future__ import annotations

import hashlib

# Keys go into a unique index; very long guids are hashed to keep the index within database limits.
_MAX_KEY_LENGTH = 500


def entry_key(guid: str | None, canonical_url: str | None, *, fallback: str | None = None) -> str | None:
    """``guid:<guid>`` when the entry has a guid, else ``url:<canonical>``, else ``hash:<fallback digest>``.

    ``fallback`` (title and date, say) keeps entries with neither guid nor link apart; None when there is
    nothing at all to identify the entry by.
    """
    guid = (guid or "").strip()
    if guid:
        key = f"guid:{guid}"
    elif canonical_url:
        key = f"url:{canonical_url}"
    elif fallback and fallback.strip():
        return "hash:" + hashlib.sha256(fallback.strip().encode("utf-8")).hexdigest()
    else:
        return None
    if len(key) > _MAX_KEY_LENGTH:
        prefix = key.split(":", 1)[0]
        return f"{prefix}-sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key
