"""Dialect-aware ``INSERT … ON CONFLICT`` for SQLite and PostgreSQL, the base of idempotent writes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlmodel import Session


def insert_for(session: Session, table: Table) -> Any:
    """The dialect's ``insert`` construct (which has ``on_conflict_do_*``) for ``table``."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"newsflow stores in SQLite or PostgreSQL, not {dialect}")


def upsert(
    session: Session,
    table: Table,
    values: Mapping[str, Any],
    *,
    conflict: Sequence[str],
    update: Sequence[str] = (),
    returning: str | None = None,
) -> Any:
    """Insert ``values``; on a conflict over ``conflict`` columns update ``update`` columns (or do nothing).

    Returns the ``returning`` column of the affected row, or None when nothing was inserted or updated.
    """
    statement: Insert = insert_for(session, table).values(**values)
    if update:
        excluded = statement.excluded  # type: ignore[attr-defined]
        statement = statement.on_conflict_do_update(  # type: ignore[attr-defined]
            index_elements=list(conflict), set_={name: excluded[name] for name in update}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(conflict))  # type: ignore[attr-defined]
    if returning:
        statement = statement.returning(table.c[returning])
        return session.execute(statement).scalar_one_or_none()
    session.execute(statement)
    return None
