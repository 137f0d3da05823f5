"""Load the taxonomy file (``taxonomy.toml``): topics, their IPTC codes, lexicon signals and mappings.

The file is data that people review; this module only reads and checks it. Nothing here scores text.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newsflow.errors import InputError

TAXONOMY_FILE = "taxonomy.toml"
SUPPORTED_FORMAT = 1
SIGNAL_LEVELS = ("strong", "medium", "weak")


@dataclass(frozen=True)
class Topic:
    """One topic of a taxonomy: what it is called, what it covers, and its IPTC Media Topic code."""

    name: str
    description: str = ""
    iptc_code: str | None = None
    iptc_name: str | None = None
    related_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateSignal:
    """How mentions of distinct states add to one topic (see ``[state_signal]`` in the file)."""

    topic: str
    first: float
    each_more: float
    max: float

    def bonus(self, distinct_states: int) -> float:
        if distinct_states <= 0:
            return 0.0
        return min(self.max, self.first + self.each_more * (distinct_states - 1))


@dataclass(frozen=True)
class TaxonomyData:
    """Everything the taxonomy file holds, checked."""

    version: str
    digest: str  # sha256 of the file, so any edit changes the classifier's version
    topics: tuple[Topic, ...]
    signals: dict[str, list[tuple[str, float]]]  # topic name → (term, weight)
    states: dict[str, list[str]]  # ISO code → terms
    state_signal: StateSignal | None
    title_weight: float
    min_score: float
    min_share: float
    mappings: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def split_terms(value: str | list[str]) -> list[str]:
    """The terms of one signal list: a comma-separated string (or a TOML array) → stripped, non-empty."""
    items = value if isinstance(value, list) else value.split(",")
    return [" ".join(item.split()) for item in items if item.strip()]


def parse_taxonomy(raw: bytes) -> TaxonomyData:
    """Check and read a taxonomy file's bytes; InputError says what is wrong."""
    try:
        doc: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"taxonomy file is not valid TOML: {exc}") from exc
    if doc.get("format") != SUPPORTED_FORMAT:
        raise InputError(f"taxonomy file format {doc.get('format')!r} is not {SUPPORTED_FORMAT}")
    level_weights: dict[str, float] = {k: float(v) for k, v in doc.get("weights", {}).items()}
    topics: list[Topic] = []
    signals: dict[str, list[tuple[str, float]]] = {}
    for entry in doc.get("topics", []):
        name = entry.get("name")
        if not name or name in signals:
            raise InputError(f"taxonomy topic without a name or named twice: {name!r}")
        topics.append(
            Topic(
                name=name,
                description=entry.get("description", ""),
                iptc_code=entry.get("iptc_code"),
                iptc_name=entry.get("iptc_name"),
                related_codes=tuple(entry.get("related_codes", ())),
            )
        )
        terms: list[tuple[str, float]] = []
        for level in SIGNAL_LEVELS:
            if level in entry:
                if level not in level_weights:
                    raise InputError(f"taxonomy has no weight for signal level {level!r}")
                terms.extend((term, level_weights[level]) for term in split_terms(entry[level]))
        signals[name] = terms
    if not topics:
        raise InputError("taxonomy file defines no topics")
    names = set(signals)
    state_signal = None
    if "state_signal" in doc:
        spec = doc["state_signal"]
        if spec.get("topic") not in names:
            raise InputError(f"state_signal names an unknown topic {spec.get('topic')!r}")
        state_signal = StateSignal(
            topic=spec["topic"],
            first=float(spec.get("first", 0.0)),
            each_more=float(spec.get("each_more", 0.0)),
            max=float(spec.get("max", 0.0)),
        )
    mappings: dict[str, dict[str, list[str]]] = {}
    for dataset, labels in doc.get("mappings", {}).items():
        seen: dict[str, str] = {}
        for label, mapped in labels.items():
            for topic in mapped:
                if topic not in names:
                    raise InputError(f"mapping {dataset}/{label} names an unknown topic {topic!r}")
                if topic in seen:
                    raise InputError(f"mapping {dataset}: {topic!r} is under both {seen[topic]!r} and {label!r}")
                seen[topic] = label
        mappings[dataset] = {label: list(mapped) for label, mapped in labels.items()}
    return TaxonomyData(
        version=str(doc.get("version", "0")),
        digest=hashlib.sha256(raw).hexdigest(),
        topics=tuple(topics),
        signals=signals,
        states={code: split_terms(terms) for code, terms in doc.get("states", {}).items()},
        state_signal=state_signal,
        title_weight=float(doc.get("title_weight", 1.0)),
        min_score=float(doc.get("min_score", 0.0)),
        min_share=float(doc.get("min_share", 0.0)),
        mappings=mappings,
    )


@lru_cache(maxsize=1)
def load_taxonomy() -> TaxonomyData:
    """The taxonomy shipped with newsflow, read once."""
    raw = resources.files("newsflow.topics").joinpath(TAXONOMY_FILE).read_bytes()
    return parse_taxonomy(raw)


def taxonomy() -> list[Topic]:
    """The built-in topics, in the file's order."""
    return list(load_taxonomy().topics)
