"""Limits of indexed text columns: values a hostile feed controls must still fit the database's indexes.

PostgreSQL refuses a B-tree index entry over about 2,700 bytes ("index row size exceeds btree maximum"), so
a single 6 KB link in a feed, a page's rel=canonical or a redirect target would fail the whole feed's commit.
Values over :data:`MAX_INDEXED_BYTES` are dropped (a canonical URL) or not followed (a feed's new address)
rather than stored; SQLite has no such limit, but both stores get the same data.
"""

from __future__ import annotations

MAX_INDEXED_BYTES = 2000


def fits_index(value: str | None) -> bool:
    """Whether ``value`` (None counts) is short enough for a B-tree index on any backend."""
    return value is None or len(value.encode("utf-8", "surrogatepass")) <= MAX_INDEXED_BYTES
