"""The ``backfill_partitions`` table: which day partitions of which backfill have completed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class BackfillPartition(SQLModel, table=True):
    """One day of a backfill over a set of feeds; completed ones are skipped when a backfill resumes."""

    __tablename__ = "backfill_partitions"
    __table_args__ = (UniqueConstraint("scope", "day", "mode", name="uq_backfill_scope_day_mode"),)

    id: int | None = Field(default=None, primary_key=True)
    scope: str = Field(sa_column=Column(Text, nullable=False))  # "all" or a hash of the feed URLs
    day: date
    mode: str = Field(max_length=16)  # fetch | reprocess
    status: str = Field(max_length=16)  # running | completed | failed
    articles: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))
    flow_run_id: str | None = Field(default=None, max_length=64)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
