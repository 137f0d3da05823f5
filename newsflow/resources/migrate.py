"""Apply the Alembic migrations (``newsflow init``) and check that a store is up to date."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import OperationalError

from newsflow.errors import SchemaOutOfDate, StoreUnreachable
from newsflow.resources.db import get_engine
from newsflow.settings import get_settings

_MIGRATIONS = Path(__file__).resolve().parents[2] / "models" / "migrations"


def _config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_store(url: str | None = None) -> str:
    """Create or migrate the store at ``url`` to the newest schema; returns the revision now in force."""
    url = url or get_settings().database_url
    config = _config(url)
    engine = get_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreUnreachable(f"cannot migrate the store at {engine.url!r}: {exc.orig or exc}") from exc
    return head_revision()


def head_revision() -> str:
    """The newest migration this version of newsflow knows."""
    head = ScriptDirectory.from_config(_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(url: str | None = None) -> str | None:
    """The migration the store at ``url`` is at, or None for an empty store."""
    try:
        with get_engine(url).connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise StoreUnreachable(f"cannot reach the store: {exc.orig or exc}") from exc


def require_current_schema(url: str | None = None) -> None:
    """Raise :class:`SchemaOutOfDate` unless the store is at the newest migration."""
    current = current_revision(url)
    if current != head_revision():
        state = "empty" if current is None else f"at revision {current}"
        raise SchemaOutOfDate(f"the store is {state}; run `newsflow init` to create or migrate it")
