"""The default topic classifier: weighted phrase lexicons from the taxonomy file, no training data.

A document's words are looked up in tables built from the taxonomy (case-insensitive words, case-sensitive
words, prefixes, phrases; the longest phrase at a position wins). A topic's raw score sums, over its
distinct signals, weight × (1 + ln(occurrences)), title words counting ``title_weight`` times; mentions of
several distinct states add to Geopolitics. Reported scores are each topic's share of the total.

Speed: each distinct word is resolved once and cached; per document the work is C-level ``map``/``Counter``
calls over the tokens, a Python loop over the few positions where a phrase's first two words occur, and one
small numpy product of the signal counts with the signal × topic weight matrix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Generic, TypeVar

import numpy as np

from newsflow.records import TopicResult, TopicScore
from newsflow.topics.base import TopicInput
from newsflow.topics.taxonomy import TaxonomyData, Topic, load_taxonomy
from newsflow.topics.text import TOKEN, normalise

NAME = "newsflow-lexicon"
CODE_VERSION = "1"
CACHE_LIMIT = 300_000  # distinct words remembered before the cache starts afresh

MAX_TEXT_CHARS = 4_000  # the opening of an article decides its topic; this bounds the cost of long ones
MAX_TITLE_CHARS = 400
T = TypeVar("T")
Phrase = tuple[tuple[str, ...], int]  # the words after the first two, and the signal they make


class _Memo(dict[str, T], Generic[T]):
    """A dict that computes and keeps the value of a missing key (``map(memo.__getitem__, …)`` stays in C)."""

    def __init__(self, compute: Callable[[str], T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str) -> T:
        value = self._compute(key)
        self[key] = value
        return value


def _head(text: str, limit: int) -> str:
    """The first ``limit`` characters, cut back to a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit]


@dataclass
class _Signal:
    weights: dict[int, float] = field(default_factory=dict)  # topic index → weight (largest if listed twice)
    state: str | None = None


class LexiconClassifier:
    """Scores documents against the taxonomy's lexicons; thousands of documents a second on one core."""

    name = NAME

    def __init__(self, data: TaxonomyData | None = None) -> None:
        self._data = data or load_taxonomy()
        self.version = f"{self._data.version}.{CODE_VERSION}+{self._data.digest[:8]}"
        self._topics = self._data.topics
        index = {topic.name: i for i, topic in enumerate(self._topics)}
        self._signals: list[_Signal] = []
        self._keys: dict[tuple[str, str], int] = {}
        self._lower: dict[str, int] = {}  # normalised word → signal
        self._cased: dict[str, int] = {}  # word as written → signal
        self._prefixes: dict[str, int] = {}
        self._bigrams: dict[tuple[str, str], list[Phrase]] = {}  # first two words → phrases, longest first
        for topic_name, terms in self._data.signals.items():
            for term, weight in terms:
                self._add(term, topic=index[topic_name], weight=weight)
        for code, names in self._data.states.items():
            for term in names:
                self._add(term, state=code)
        self._prefix_lengths = sorted({len(p) for p in self._prefixes}, reverse=True)
        for phrases in self._bigrams.values():
            phrases.sort(key=lambda phrase: -len(phrase[0]))
        # Rows are slots: signal id + 1, with row 0 (no signal) all zero.
        self._weights = np.zeros((len(self._signals) + 1, len(self._topics)))
        self._state_of: dict[int, str] = {}  # slot → the state it names
        for signal_id, entry in enumerate(self._signals):
            for topic, weight in entry.weights.items():
                self._weights[signal_id + 1, topic] = weight
            if entry.state is not None:
                self._state_of[signal_id + 1] = entry.state
        self._first_words = {first for first, _ in self._bigrams}
        self._label = f"{self.name}@{self.version}"
        self._reset_cache()
        signal = self._data.state_signal
        self._state_signal = signal
        self._state_topic = index[signal.topic] if signal else -1

    @property
    def topics(self) -> Sequence[Topic]:
        return self._topics

    def _reset_cache(self) -> None:
        # Per distinct word as written, filled as words are met: its slot, its normalised form, and
        # whether a phrase can start with it.
        self._slot_of: _Memo[int] = _Memo(self._learn)
        self._norm_of: _Memo[str] = _Memo(normalise)
        self._starts: set[str] = set()

    def __getstate__(self) -> dict[str, object]:
        """Pickled (inside trained models) without the word cache, which refills itself."""
        return {k: v for k, v in self.__dict__.items() if k not in {"_slot_of", "_norm_of", "_starts"}}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._reset_cache()

    def _add(self, term: str, *, topic: int | None = None, weight: float = 0.0, state: str | None = None) -> None:
        words = TOKEN.findall(term)
        if not words:
            return
        if len(words) == 1 and term.endswith("*"):
            kind, key = "prefix", words[0].lower()
        elif len(words) == 1 and any(ch.isupper() for ch in words[0]):
            kind, key = "cased", words[0]
        elif len(words) == 1:
            kind, key = "lower", normalise(words[0])
        else:
            kind, key = "phrase", " ".join(normalise(w) for w in words)
        signal_id = self._keys.get((kind, key))
        if signal_id is None:
            signal_id = len(self._signals)
            self._signals.append(_Signal())
            self._keys[(kind, key)] = signal_id
            if kind == "prefix":
                self._prefixes[key] = signal_id
            elif kind == "cased":
                self._cased[key] = signal_id
            elif kind == "lower":
                self._lower[key] = signal_id
            else:
                first, second, *rest = key.split(" ")
                self._bigrams.setdefault((first, second), []).append((tuple(rest), signal_id))
        entry = self._signals[signal_id]
        if topic is not None:
            entry.weights[topic] = max(weight, entry.weights.get(topic, weight))
        if state is not None:
            entry.state = state

    def _learn(self, word: str) -> int:
        """The slot (signal id + 1; 0 for none) of a word not seen before, remembered."""
        if len(self._slot_of) >= CACHE_LIMIT:
            self._slot_of.clear()
            self._norm_of.clear()
            self._starts.clear()
        norm = self._norm_of[word]
        signal = self._cased.get(word, -1)
        if signal < 0:
            signal = self._lower.get(norm, -1)
        if signal < 0:
            lowered = word.lower()
            for length in self._prefix_lengths:
                signal = self._prefixes.get(lowered[:length], -1)
                if signal >= 0:
                    break
        if norm in self._first_words:
            self._starts.add(word)
        self._slot_of[word] = signal + 1
        return signal + 1

    def _count(self, text: str) -> Counter[int]:
        """How often each signal's slot occurs in ``text`` (phrases consume the words they span)."""
        words = TOKEN.findall(text)
        slots = list(map(self._slot_of.__getitem__, words))  # unknown words are learnt on the way
        # Only positions whose word can open a phrase get a Python-level look.
        starts = compress(range(len(words) - 1), map(self._starts.__contains__, words))
        norm_of, bigrams = self._norm_of, self._bigrams
        covered = 0
        for i in starts:
            if i < covered:
                continue
            phrases = bigrams.get((norm_of[words[i]], norm_of[words[i + 1]]))
            if phrases is None:
                continue
            for rest, phrase_signal in phrases:
                end = i + 2 + len(rest)
                if not rest or tuple(norm_of[w] for w in words[i + 2 : end]) == rest:
                    slots[i] = phrase_signal + 1
                    slots[i + 1 : end] = [0] * (end - i - 1)
                    covered = end
                    break
        return Counter(filter(None, slots))

    def raw_scores(self, doc: TopicInput) -> list[float]:
        """Unnormalised score per topic, in taxonomy order."""
        occurrences: Counter[int] = self._count(_head(doc.text, MAX_TEXT_CHARS)) if doc.text else Counter()
        if doc.title:
            weight = self._data.title_weight
            for slot, times in self._count(_head(doc.title, MAX_TITLE_CHARS)).items():
                occurrences[slot] += times * weight  # type: ignore[assignment]  # float counts are fine
        if not occurrences:
            return [0.0] * len(self._topics)
        ids = np.fromiter(occurrences.keys(), dtype=np.intp, count=len(occurrences))
        n = np.fromiter(occurrences.values(), dtype=np.float64, count=len(occurrences))
        scores = (1.0 + np.log(n)) @ self._weights[ids]  # every n >= 1: a word occurs at least once
        if self._state_signal is not None:
            distinct = len(set(map(self._state_of.__getitem__, occurrences.keys() & self._state_of.keys())))
            scores[self._state_topic] += self._state_signal.bonus(distinct)
        return scores.tolist()

    def classify(self, doc: TopicInput) -> TopicResult:
        """Ranked topics of one document; no topic when the best raw score is under ``min_score``."""
        scores = self.raw_scores(doc)
        classifier = self._label
        best = max(scores, default=0.0)
        if best <= 0.0 or best < self._data.min_score:
            return TopicResult(topic=None, topics=[], classifier=classifier)
        total = sum(s for s in scores if s > 0.0)
        ranked = sorted(
            ((s / total, i) for i, s in enumerate(scores) if s > 0.0 and s / total >= self._data.min_share),
            key=lambda item: (-item[0], item[1]),
        )
        topics = [
            TopicScore(label=self._topics[i].name, score=round(share, 4), code=self._topics[i].iptc_code)
            for share, i in ranked
        ]
        return TopicResult(topic=topics[0].label, topics=topics, classifier=classifier)

    def classify_batch(self, docs: Sequence[TopicInput]) -> list[TopicResult]:
        return [self.classify(doc) for doc in docs]
