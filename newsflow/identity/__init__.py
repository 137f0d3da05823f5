"""Identity of entries and articles: canonical URLs, entry keys and content hashes (pure)."""

from newsflow.identity.hashing import content_hash, entry_hash
from newsflow.identity.keys import entry_key
from newsflow.identity.urls import canonicalize_url, is_tracking_parameter

__all__ = ["canonicalize_url", "content_hash", "entry_hash", "entry_key", "is_tracking_parameter"]
