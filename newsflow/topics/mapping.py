"""Which taxonomy topics count as each label of a public evaluation data set (from the taxonomy file)."""

from __future__ import annotations

from collections.abc import Iterable

from newsflow.errors import InputError
from newsflow.topics.taxonomy import load_taxonomy


def known_datasets() -> list[str]:
    return sorted(load_taxonomy().mappings)


def dataset_mapping(dataset: str, labels: Iterable[str] = ()) -> dict[str, list[str]]:
    """``{dataset_label: [topic, …]}`` for ``dataset``; each topic under at most one label.

    ``labels`` are the active classifier's labels: a trained model's label that equals a data-set label
    (a model trained on that data set) is added under itself, so its output maps too.
    """
    mappings = load_taxonomy().mappings
    if dataset not in mappings:
        raise InputError(f"unknown data set {dataset!r}: known are {', '.join(known_datasets())}")
    mapping = {label: list(topics) for label, topics in mappings[dataset].items()}
    taken = {topic for topics in mapping.values() for topic in topics}
    for label in labels:
        if label in mapping and label not in taken:
            mapping[label].append(label)
            taken.add(label)
    return mapping
