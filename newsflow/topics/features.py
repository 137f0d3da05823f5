"""Features for trained topic models: the text a model reads, and the lexicon's topic shares as prior knowledge.

The lexicon's view (which built-in topic a document leans to) helps a model trained on a few thousand
examples generalise past the words it has seen. The lexicon is pickled inside the model, so a model keeps
the features it was trained with when the shipped taxonomy changes later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from newsflow.topics.base import TopicInput

TITLE_REPEATS = 2  # the title counts this many times in the model's text, as a cheap title weighting


def model_text(title: str | None, text: str) -> str:
    """The one string a model's word and character features see for a document."""
    title = (title or "").strip()
    return "\n".join([title] * TITLE_REPEATS + [text or ""]) if title else (text or "")


def model_texts(docs: Sequence[tuple[str | None, str]]) -> list[str]:
    return [model_text(title, text) for title, text in docs]


class LexiconShares(TransformerMixin, BaseEstimator):
    """Each document's share of lexicon score per built-in topic, times ``weight`` (a sparse matrix)."""

    def __init__(self, weight: float = 0.3) -> None:
        self.weight = weight

    def fit(self, docs: Sequence[tuple[str | None, str]], y: Any = None) -> LexiconShares:
        from newsflow.topics.lexicon import LexiconClassifier

        self.lexicon_ = LexiconClassifier()
        return self

    def transform(self, docs: Sequence[tuple[str | None, str]]) -> sparse.csr_matrix:
        scores = np.array(
            [self.lexicon_.raw_scores(TopicInput(title, text)) for title, text in docs], dtype=np.float64
        ).reshape(len(docs), -1)
        scores = np.maximum(scores, 0.0)
        totals = scores.sum(axis=1, keepdims=True)
        totals[totals == 0.0] = 1.0
        return sparse.csr_matrix(scores / totals * self.weight)
