"""Database engine and sessions for the store: SQLite (WAL, busy timeout) or PostgreSQL (psycopg 3).

Engines are cached per URL so a process shares one pool; ``session_scope`` gives a session that commits on
success and rolls back on error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from newsflow.errors import StoreUnreachable
from newsflow.settings import get_settings

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()
SQLITE_BUSY_TIMEOUT_MS = 30_000


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: settings), created once per process."""
    url = url or get_settings().database_url
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _create_engine(url)
            _ENGINES[url] = engine
        return engine


def dispose_engines() -> None:
    """Close every pooled connection (tests, and forked workers)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, issue BEGIN, so we can make every write transaction IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # A deferred transaction that reads then writes can fail with "database is locked" without waiting
    # for the busy timeout when another process writes meanwhile; IMMEDIATE takes the write lock up front.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises."""
    try:
        session = Session(get_engine(url), expire_on_commit=False)
    except OperationalError as exc:  # pragma: no cover - creation is lazy; kept for clarity
        raise StoreUnreachable(f"cannot open the store: {exc}") from exc
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise StoreUnreachable(f"store error: {exc.orig or exc}") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
