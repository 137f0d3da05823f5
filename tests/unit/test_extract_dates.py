"""Reading published and modified times from the strings pages put in their metadata."""

from __future__ import annotations

from datetime import UTC, datetime

from newsflow.extract.dates import parse_time


def test_dotted_dates_are_day_first_and_iso_and_slashed_dates_read_as_written():
    assert parse_time("10.12.2022, 07:00:03") == datetime(2022, 12, 10, 7, 0, 3, tzinfo=UTC)
    assert parse_time("3.4.2025") == datetime(2025, 4, 3, tzinfo=UTC)
    assert parse_time("2025-04-03T09:30:00+02:00") == datetime(2025, 4, 3, 7, 30, tzinfo=UTC)
    assert parse_time("04/03/2025") == datetime(2025, 4, 3, tzinfo=UTC)  # US order, as dateutil reads it
    assert parse_time("1700000000") == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert parse_time("1985-01-01") is None  # before any web page
    assert parse_time("not a date") is None
