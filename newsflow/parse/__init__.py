"""Feed parsing (pure): bytes and headers in, :class:`newsflow.records.ParsedFeed` out."""

from newsflow.parse.feed import parse_feed

__all__ = ["parse_feed"]
