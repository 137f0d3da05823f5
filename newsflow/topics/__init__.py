"""Topic classification: the taxonomy, the default lexicon classifier and trainable models.

Public API::

    get_classifier(model_path=None) -> TopicClassifier   # NEWSFLOW_TOPIC_MODEL, else the lexicon; cached
    taxonomy() -> list[Topic]                            # the built-in topics
    dataset_mapping(dataset) -> {label: [topic, ...]}    # for evaluation on public data sets
    train_model(paths, output) -> TrainSummary           # fit a scikit-learn model on labelled JSONL

scikit-learn is imported only when a trained model is trained or loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsflow.topics.base import TopicClassifier, TopicInput
from newsflow.topics.mapping import dataset_mapping
from newsflow.topics.taxonomy import Topic, taxonomy

if TYPE_CHECKING:
    from newsflow.topics.model import TrainSummary

__all__ = [
    "Topic",
    "TopicClassifier",
    "TopicInput",
    "TrainSummary",
    "dataset_mapping",
    "get_classifier",
    "reset_classifiers",
    "taxonomy",
    "train_model",
]

_classifiers: dict[Path | None, TopicClassifier] = {}


def get_classifier(model_path: Path | None = None) -> TopicClassifier:
    """The classifier for ``model_path``, else ``settings.topic_model``, else the built-in lexicon; cached."""
    if model_path is None:
        from newsflow.settings import get_settings

        model_path = get_settings().topic_model
    key = Path(model_path).resolve() if model_path is not None else None
    classifier = _classifiers.get(key)
    if classifier is None:
        if key is None:
            from newsflow.topics.lexicon import LexiconClassifier

            classifier = LexiconClassifier()
        else:
            from newsflow.topics.model import load_model

            classifier = load_model(key)
        _classifiers[key] = classifier
    return classifier


def reset_classifiers() -> None:
    """Forget loaded classifiers (after a model file was replaced)."""
    _classifiers.clear()


def train_model(paths: Sequence[Path], output: Path) -> TrainSummary:
    """Fit a model on labelled JSONL files and write it to ``output``; see :mod:`newsflow.topics.model`."""
    from newsflow.topics.model import train_model as train

    return train(paths, output)
