"""A linear SVM whose scores become probabilities through a softmax with one fitted temperature.

Per-class sigmoid calibration (``CalibratedClassifierCV``) can reorder classes when training data is small;
one positive temperature cannot, so the most probable label is always the SVM's own choice. The temperature
minimises the log-loss of cross-validated SVM scores. Kept in its own module because pickled models name it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.model_selection import cross_val_predict
from sklearn.svm import LinearSVC

DEFAULT_SCALE = 3.0  # used when there is too little data to fit one
SCALES = np.logspace(-0.5, 1.7, 34)


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def _as_matrix(decision: np.ndarray) -> np.ndarray:
    """Binary LinearSVC gives one score per document; make it one per class."""
    if decision.ndim == 1:
        return np.column_stack([-decision / 2.0, decision / 2.0])
    return decision


class SoftmaxSVM(ClassifierMixin, BaseEstimator):
    """``LinearSVC`` with ``predict_proba`` = softmax(scale × decision scores)."""

    def __init__(self, C: float = 0.5, cv: int = 3) -> None:
        self.C = C
        self.cv = cv

    def fit(self, X: Any, y: Any) -> SoftmaxSVM:
        labels = np.asarray(y)
        self.svm_ = LinearSVC(C=self.C).fit(X, labels)
        self.classes_ = self.svm_.classes_
        self.scale_ = DEFAULT_SCALE
        counts = np.unique(labels, return_counts=True)[1]
        if counts.min() >= self.cv:
            decision = _as_matrix(
                cross_val_predict(LinearSVC(C=self.C), X, labels, cv=self.cv, method="decision_function")
            )
            truth = np.searchsorted(self.classes_, labels)
            losses = []
            for scale in SCALES:
                probabilities = softmax(decision * scale)
                losses.append(-np.mean(np.log(probabilities[np.arange(len(truth)), truth] + 1e-12)))
            self.scale_ = float(SCALES[int(np.argmin(losses))])
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return _as_matrix(self.svm_.decision_function(X))

    def predict_proba(self, X: Any) -> np.ndarray:
        return softmax(self.decision_function(X) * self.scale_)

    def predict(self, X: Any) -> np.ndarray:
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]
