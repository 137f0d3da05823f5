"""The ``fetch_attempts`` table: one row per attempt to fetch a feed, successful or not."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, Text
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class FetchAttempt(SQLModel, table=True):
    """What one fetch of one feed did: status, timing, size and entry counts, or the error."""

    __tablename__ = "fetch_attempts"

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(sa_column=Column(Integer, ForeignKey("feeds.id", ondelete="CASCADE"), index=True))
    started_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    status: str = Field(max_length=32)  # fetched | not_modified | failed
    http_status: int | None = None
    duration_ms: float = 0.0
    bytes: int = 0
    entries_seen: int = 0
    entries_new: int = 0
    entries_updated: int = 0
    error_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = Field(default=None, sa_column=Column(Text))
    flow_run_id: str | None = Field(default=None, max_length=64)
