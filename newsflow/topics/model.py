"""Trainable topic models: fit a scikit-learn pipeline on labelled JSONL, save it, load it, classify.

A model file is one line ``NEWSFLOW-TOPIC-MODEL``, one line of JSON (format version, labels, training
summary, library versions) and then the pickled pipeline, zlib-compressed. The header is read and checked
before anything is unpickled, so a foreign or incompatible file is refused with a clear reason. Model
files are code (pickle): load only files you trained or trust.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsflow import __version__
from newsflow.errors import InputError
from newsflow.records import TopicResult, TopicScore
from newsflow.topics.base import TopicInput
from newsflow.topics.taxonomy import Topic, load_taxonomy

MAGIC = b"NEWSFLOW-TOPIC-MODEL\n"
FORMAT_VERSION = 1
NAME = "newsflow-trained"


@dataclass(frozen=True)
class TrainSummary:
    """What a model was trained on; stored in the model file's header."""

    output: str
    documents: int
    labels: dict[str, int]  # label → training documents
    files: list[dict[str, Any]]  # {"path", "sha256", "documents"}
    created_at: str
    model_version: str
    newsflow_version: str
    sklearn_version: str


def read_labelled(path: Path) -> list[tuple[str | None, str, str]]:
    """``(title, text, label)`` per line of a labelled JSONL file; InputError names the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read training data {path}: {exc}") from exc
    rows: list[tuple[str | None, str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
        if not isinstance(item, dict):
            raise InputError(f"{path}:{number}: not a JSON object")
        label, title, text = item.get("label"), item.get("title"), item.get("text")
        if not isinstance(label, str) or not label.strip():
            raise InputError(f"{path}:{number}: 'label' must be a non-empty string")
        if title is not None and not isinstance(title, str):
            raise InputError(f"{path}:{number}: 'title' must be a string")
        if text is not None and not isinstance(text, str):
            raise InputError(f"{path}:{number}: 'text' must be a string")
        if not (title or "").strip() and not (text or "").strip():
            raise InputError(f"{path}:{number}: needs a 'title' or a 'text'")
        rows.append((title, text or "", label.strip()))
    if not rows:
        raise InputError(f"{path}: no labelled documents")
    return rows


def build_pipeline() -> Any:
    """(title, text) pairs → word 1–2-gram and character 2–5-gram TF-IDF plus the lexicon's topic shares →
    a linear SVM with softmax probabilities."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import FunctionTransformer

    from newsflow.topics.features import LexiconShares, model_texts
    from newsflow.topics.svm import SoftmaxSVM

    text_features = make_pipeline(
        FunctionTransformer(model_texts),
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=0.9),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_df=0.9),
        ),
    )
    return make_pipeline(make_union(text_features, LexiconShares(weight=0.3)), SoftmaxSVM(C=0.5))


def _drop_cut_terms(estimator: Any) -> None:
    """TfidfVectorizer keeps the terms min_df/max_df cut (``stop_words_``): only bloat in a saved model."""
    if hasattr(estimator, "stop_words_"):
        del estimator.stop_words_
    for child in getattr(estimator, "steps", []):
        _drop_cut_terms(child[1])
    for child in getattr(estimator, "transformer_list", []):
        _drop_cut_terms(child[1])


def train_model(paths: Sequence[Path], output: Path) -> TrainSummary:
    """Fit a model on labelled JSONL files (``title``, ``text``, ``label``) and write it to ``output``."""
    import sklearn

    if not paths:
        raise InputError("no training data given")
    docs: list[tuple[str | None, str]] = []
    labels: list[str] = []
    files: list[dict[str, Any]] = []
    for path in paths:
        rows = read_labelled(Path(path))
        docs.extend((title, text) for title, text, _ in rows)
        labels.extend(label for _, _, label in rows)
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        files.append({"path": str(path), "sha256": digest, "documents": len(rows)})
    counts = Counter(labels)
    if len(counts) < 2:
        raise InputError(f"training data needs at least two labels, found {sorted(counts)}")
    too_few = sorted(label for label, n in counts.items() if n < 3)
    if too_few:
        raise InputError(f"each label needs at least 3 documents; too few for: {', '.join(too_few)}")
    pipeline = build_pipeline()
    pipeline.fit(docs, labels)
    _drop_cut_terms(pipeline)
    payload = zlib.compress(pickle.dumps(pipeline, protocol=pickle.HIGHEST_PROTOCOL), level=6)
    summary = TrainSummary(
        output=str(output),
        documents=len(docs),
        labels=dict(sorted(counts.items())),
        files=files,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        model_version=hashlib.sha256(payload).hexdigest()[:12],
        newsflow_version=__version__,
        sklearn_version=sklearn.__version__,
    )
    header = {
        "format_version": FORMAT_VERSION,
        "labels": [str(label) for label in pipeline.classes_],
        "model_version": summary.model_version,
        "sklearn_version": summary.sklearn_version,
        "training": asdict(summary),
    }
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_bytes(MAGIC + json.dumps(header).encode("utf-8") + b"\n" + payload)
        tmp.replace(output)
    except OSError as exc:
        raise InputError(f"cannot write model {output}: {exc}") from exc
    return summary


def read_header(path: Path) -> tuple[dict[str, Any], bytes]:
    """The checked JSON header of a model file and its payload; InputError when it is not usable."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read topic model {path}: {exc}") from exc
    if not raw.startswith(MAGIC):
        raise InputError(f"{path} is not a newsflow topic model (train one with `newsflow topics train`)")
    header_line, _, payload = raw[len(MAGIC) :].partition(b"\n")
    try:
        header = json.loads(header_line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: damaged topic model header") from exc
    if not isinstance(header, dict):
        raise InputError(f"{path}: damaged topic model header")
    if header.get("format_version") != FORMAT_VERSION:
        raise InputError(
            f"{path}: topic model format {header.get('format_version')!r}, this newsflow reads "
            f"format {FORMAT_VERSION}; retrain it with `newsflow topics train`"
        )
    return header, payload


def load_model(path: Path) -> TrainedClassifier:
    """Load a model file written by :func:`train_model`."""
    import sklearn

    header, payload = read_header(path)
    trained_with = str(header.get("sklearn_version", "?"))
    if trained_with.split(".")[:2] != sklearn.__version__.split(".")[:2]:
        raise InputError(
            f"{path}: trained with scikit-learn {trained_with}, this is {sklearn.__version__}; "
            "retrain it with `newsflow topics train`"
        )
    try:
        pipeline = pickle.loads(zlib.decompress(payload))
    except Exception as exc:  # a damaged or foreign payload can fail in many ways
        raise InputError(f"{path}: cannot load topic model: {exc}") from exc
    labels = [str(label) for label in getattr(pipeline, "classes_", [])]
    if labels != header.get("labels"):
        raise InputError(f"{path}: model labels do not match its header")
    return TrainedClassifier(pipeline, header)


class TrainedClassifier:
    """A loaded model: its labels are the taxonomy, its probabilities the scores."""

    name = NAME

    def __init__(self, pipeline: Any, header: dict[str, Any]) -> None:
        self._pipeline = pipeline
        self.header = header
        self.version = str(header.get("model_version", "0"))
        known = {topic.name: topic for topic in load_taxonomy().topics}
        self._topics = [known.get(label, Topic(name=label, description="trained label")) for label in header["labels"]]

    @property
    def topics(self) -> Sequence[Topic]:
        return self._topics

    def classify_batch(self, docs: Sequence[TopicInput]) -> list[TopicResult]:
        if not docs:
            return []
        classifier = f"{self.name}@{self.version}"
        probabilities = self._pipeline.predict_proba([(d.title, d.text) for d in docs])
        results: list[TopicResult] = []
        for doc, row in zip(docs, probabilities, strict=True):
            if not (doc.title or "").strip() and not doc.text.strip():
                results.append(TopicResult(topic=None, topics=[], classifier=classifier))
                continue
            ranked = sorted(((float(p), i) for i, p in enumerate(row) if p > 0.0), reverse=True)
            topics = [
                TopicScore(label=self._topics[i].name, score=round(p, 4), code=self._topics[i].iptc_code)
                for p, i in ranked
                if round(p, 4) > 0.0
            ]
            results.append(TopicResult(topic=topics[0].label if topics else None, topics=topics, classifier=classifier))
        return results
