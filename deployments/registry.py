"""newsflow's deployments, read from ``deployments/prefect.yaml`` into Prefect runner deployments.

``prefect.yaml`` is the one place deployments are defined: ``prefect deploy`` reads it for work pools, and
``newsflow serve`` reads it here. Both read the same keys (entrypoint, description, tags, parameters,
schedules, triggers, concurrency_limit); ``work_pool`` and the build/push/pull steps only matter to
``prefect deploy``, since a served deployment runs in the serving process's environment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from newsflow.errors import InputError

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment
    from prefect.events import DeploymentTriggerTypes
    from prefect.schedules import Schedule

PREFECT_YAML = Path(__file__).resolve().with_name("prefect.yaml")
BACKFILL_TAG = "newsflow-backfill"  # the tag every backfill and reprocess task carries (flows.backfill)


@dataclass(frozen=True)
class DeploymentSpec:
    """One deployment as ``prefect.yaml`` describes it."""

    name: str
    entrypoint: str
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    parameters: dict[str, Any] = field(default_factory=dict)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    concurrency_limit: int | None = None


def read_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    """The deployments ``path`` defines; :class:`InputError` when it is unreadable or malformed."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the deployments: {exc}") from exc
    entries = document.get("deployments") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: no 'deployments' list")
    specs = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("entrypoint"):
            raise InputError(f"{path}: every deployment needs a name and an entrypoint, got {entry!r}")
        specs.append(
            DeploymentSpec(
                name=str(entry["name"]),
                entrypoint=str(entry["entrypoint"]),
                description=entry.get("description"),
                tags=list(entry.get("tags") or []),
                parameters=dict(entry.get("parameters") or {}),
                schedules=list(entry.get("schedules") or []),
                triggers=list(entry.get("triggers") or []),
                concurrency_limit=entry.get("concurrency_limit"),
            )
        )
    return specs


def schedule_of(config: dict[str, Any]) -> Schedule:
    """A ``prefect.yaml`` schedule entry (``interval`` seconds, ``cron`` or ``rrule``) as a Prefect schedule."""
    from prefect.schedules import Schedule

    options: dict[str, Any] = {
        "timezone": config.get("timezone"),
        "active": bool(config.get("active", True)),
        "parameters": dict(config.get("parameters") or {}),
        "slug": config.get("slug"),
    }
    if config.get("interval") is not None:
        options["interval"] = timedelta(seconds=float(config["interval"]))
    elif config.get("cron"):
        options["cron"] = str(config["cron"])
    elif config.get("rrule"):
        options["rrule"] = str(config["rrule"])
    else:
        raise InputError(f"a schedule needs interval, cron or rrule: {config!r}")
    return Schedule(**options)


def triggers_of(spec: DeploymentSpec) -> list[DeploymentTriggerTypes]:
    """The spec's triggers as Prefect deployment triggers (named after the deployment when unnamed)."""
    from prefect.events import DeploymentTriggerTypes
    from pydantic import TypeAdapter

    adapter: TypeAdapter[DeploymentTriggerTypes] = TypeAdapter(DeploymentTriggerTypes)
    return [
        adapter.validate_python({"name": f"{spec.name}__automation_{number}", **trigger})
        for number, trigger in enumerate(spec.triggers, start=1)
    ]


def runner_deployment(spec: DeploymentSpec) -> RunnerDeployment:
    """The spec as a deployment ``prefect.serve`` can register and run."""
    from prefect.deployments.runner import EntrypointType, RunnerDeployment
    from prefect.flows import Flow, load_flow_from_entrypoint

    flow: Flow[..., Any] = load_flow_from_entrypoint(spec.entrypoint, use_placeholder_flow=False)
    deployment = flow.to_deployment(
        name=spec.name,
        description=spec.description,
        tags=spec.tags,
        parameters=spec.parameters,
        schedules=[schedule_of(config) for config in spec.schedules],
        triggers=list(triggers_of(spec)),
        concurrency_limit=spec.concurrency_limit,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    assert isinstance(deployment, RunnerDeployment)  # the async variant only applies in async code
    return deployment


def load_deployments(path: Path = PREFECT_YAML) -> list[RunnerDeployment]:
    """Every deployment ``path`` defines, ready to serve."""
    return [runner_deployment(spec) for spec in read_specs(path)]


def ensure_backfill_limit(limit: int) -> None:
    """Create (or resize) the tag concurrency limit that keeps backfills from starving live ingestion."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.create_concurrency_limit(tag=BACKFILL_TAG, concurrency_limit=limit)
