"""The ``feeds`` table: one row per subscription, with its HTTP validators and health."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from models.base import JSONType, UTCDateTime, utcnow


class Feed(SQLModel, table=True):
    """A subscribed feed. ``url`` is unique; 301/308 redirects update it."""

    __tablename__ = "feeds"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, unique=True, nullable=False))
    name: str | None = Field(default=None, sa_column=Column(Text))
    title: str | None = Field(default=None, sa_column=Column(Text))
    site_url: str | None = Field(default=None, sa_column=Column(Text))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    etag: str | None = Field(default=None, sa_column=Column(Text))
    last_modified: str | None = Field(default=None, sa_column=Column(Text))
    last_fetched_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_success_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_status: str | None = Field(default=None, max_length=32)  # fetched | not_modified | failed
    last_http_status: int | None = None
    last_error_code: str | None = Field(default=None, max_length=64)
    last_error_message: str | None = Field(default=None, sa_column=Column(Text))
    parse_warning: str | None = Field(default=None, sa_column=Column(Text))
    failures_in_row: int = Field(default=0, nullable=False)
    next_due_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), index=True))
    interval_minutes: int | None = None  # None: the global default
    disabled: bool = Field(default=False, nullable=False)  # 410 Gone, or by hand
    quarantined: bool = Field(default=False, nullable=False)  # failing for long: retried rarely
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONType, nullable=False))
