"""``newsflow init``: create or migrate the store."""

from __future__ import annotations

from newsflow.cli.console import err, handles_errors


@handles_errors
def init() -> None:
    """Create or migrate the store to the current schema. Safe to run again."""
    from sqlalchemy.engine import make_url

    from newsflow.resources.migrate import upgrade_store
    from newsflow.settings import get_settings

    url = get_settings().database_url
    revision = upgrade_store(url)
    err.print(f"store ready at {make_url(url).render_as_string(hide_password=True)} (schema {revision})")
