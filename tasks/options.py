"""Options shared by every newsflow task: no result persistence or caching, retries only when transient."""

from __future__ import annotations

from typing import Any

from prefect.cache_policies import NO_CACHE

from newsflow.errors import NewsflowError


def retry_if_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry only errors marked transient (timeouts, resets, 5xx)."""
    try:
        state.result()
    except NewsflowError as exc:
        return exc.transient
    except Exception:
        return False
    return False


# Records are small but pages are not: results stay in memory, never written to Prefect's result storage.
TASK_DEFAULTS: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}
