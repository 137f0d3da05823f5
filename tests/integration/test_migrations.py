"""Alembic migrations: they build exactly the schema the models declare, and upgrading keeps stored rows."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table on SQLModel.metadata)
from newsflow.resources.db import get_engine
from newsflow.resources.migrate import _config, current_revision, head_revision, upgrade_store


def test_the_migrations_build_the_schema_the_models_declare(store_url: str) -> None:
    upgrade_store(store_url)
    with get_engine(store_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == [], "a model change without its migration (or the reverse)"


@pytest.fixture(params=["sqlite", "postgres"])
def empty_store_url(request: pytest.FixtureRequest, newsflow_env: str) -> str:
    """A store nothing has been migrated in yet, on SQLite and on PostgreSQL."""
    return newsflow_env if request.param == "sqlite" else str(request.getfixturevalue("postgres_url"))


def test_upgrading_a_store_from_the_first_schema_keeps_its_articles(empty_store_url: str) -> None:
    store_url = empty_store_url
    config = _config(store_url)
    with get_engine(store_url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO feeds (id, url, tags, failures_in_row, disabled, quarantined, created_at, extra) "
            "VALUES (1, 'http://feeds.example/rss', '[]', 0, false, false, '2026-11-28 10:00:00', '{}')"
        ))
        connection.execute(text(
            "INSERT INTO articles (id, feed_id, entry_key, authors, fetched_at, updated_at, categories, status, text,"
            " content_hash, topics, title) VALUES (1, 1, 'guid:1', '[\"Ana Ruiz\"]', '2026-11-28 10:00:00',"
            " '2026-11-28 10:00:00', '[]', 'ok', 'The council voted.', 'h1', '[]', 'Bridge closes')"
        ))
    assert current_revision(store_url) == "0001"
    upgrade_store(store_url)
    assert current_revision(store_url) == head_revision()
    with get_engine(store_url).connect() as connection:
        row = connection.execute(text("SELECT title, authors, authors_source FROM articles WHERE id = 1")).one()
    assert row[0] == "Bridge closes" and "Ana Ruiz" in str(row[1]) and row[2] is None
