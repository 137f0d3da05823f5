"""What every topic classifier takes and promises: :class:`TopicInput` in, ``TopicResult`` out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from newsflow.records import TopicResult
from newsflow.topics.taxonomy import Topic


class TopicInput(NamedTuple):
    """One document to classify: its title (if any) and its main text."""

    title: str | None
    text: str


class TopicClassifier(Protocol):
    """A classifier; ``name@version`` is stored with each result so articles can be reclassified."""

    name: str
    version: str

    @property
    def topics(self) -> Sequence[Topic]:
        """The topics (labels) this classifier can give."""
        ...

    def classify_batch(self, docs: Sequence[TopicInput]) -> list[TopicResult]:
        """One result per document, in order."""
        ...
