"""The entity extractor: spaCy's NER on case-restored text, then the repairs of ``normalize``.

Documents go through ``nlp.pipe`` in batches, title and text as separate spaCy docs of one newsflow document:
the title's mentions inform coreference and labels ("Marco Rubio" in the title names a later "Rubio") but
are never emitted, because every mention's offsets index ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsflow.entities.amounts import parse_money, parse_percent
from newsflow.entities.casing import restore_case
from newsflow.entities.gazetteer import Gazetteer, get_gazetteer
from newsflow.entities.model import LoadedModel
from newsflow.entities.normalize import (
    Span,
    Tok,
    apply_gazetteer,
    mark_sports_tables,
    repair_spans,
    resolve_document,
)
from newsflow.records import EntityMention

RULES_VERSION = "1"  # bump when normalisation changes what is extracted, so articles can be re-extracted
CHUNK_CHARS = 100_000  # longer texts go to the model in pieces cut at line breaks


def _chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of ``text`` no longer than ``limit``, at line breaks where there are any."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


_DIGITS = re.compile(r"[^\w]*\d[\d\W_]*")


def _is_digit_token(text: str) -> bool:
    """A number written in digits, possibly with separators: "1", "62.00", "4-38", "1996-08-30"."""
    return _DIGITS.fullmatch(text) is not None


def _tokens_and_spans(doc: Any, original: str, offset: int, base: int) -> tuple[list[Tok], list[Span]]:
    """Token records (offsets into the whole text) and the model's spans (token indices from ``base``)."""
    tokens: list[Tok] = []
    for t in doc:
        norm = t.text
        start = offset + t.idx
        end = start + len(norm)
        sent_start = t.is_sent_start is True
        digits = _is_digit_token(norm)
        tokens.append(Tok(start, end, original[start:end], norm, sent_start, digits, bool(t.whitespace_)))
    spans = [Span(base + e.start, base + e.end, e.label_) for e in doc.ents]
    return tokens, spans


class EntityExtractor:
    """Named entities of documents, with canonical names, ISO codes for countries and parsed amounts."""

    name = "newsflow.entities"

    def __init__(self, model: LoadedModel, *, batch_size: int = 64, gazetteer: Gazetteer | None = None) -> None:
        self._nlp = model.nlp
        self.model_package = model.package
        self.version = f"spacy-{model.package}-{model.version}+newsflow-{RULES_VERSION}"
        self.batch_size = batch_size
        self._gazetteer = gazetteer or get_gazetteer()
        # Place names are in WordNet ("japan", "london"): never lower-case them in a restored headline.
        place_words = {w.lower() for surface in self._gazetteer.places for w in surface.split()}
        self._dictionary = model.dictionary - place_words

    def extract_batch(self, docs: Sequence[tuple[str | None, str]]) -> list[list[EntityMention]]:
        """Mentions of each (title, text) document, in text order; offsets index ``text``."""
        jobs: list[tuple[int, str, int, str]] = []  # (doc index, part, offset, original piece)
        for index, (title, text) in enumerate(docs):
            if title and title.strip():
                jobs.append((index, "title", 0, title))
            for offset, piece in _chunks(text or ""):
                jobs.append((index, "text", offset, piece))
        parsed = self._nlp.pipe(
            (restore_case(piece, self._dictionary) for _, _, _, piece in jobs), batch_size=self.batch_size
        )
        titles: dict[int, tuple[list[Tok], list[Span]]] = {}
        texts: dict[int, tuple[list[Tok], list[Span]]] = {}
        for (index, part, offset, _piece), doc in zip(jobs, parsed, strict=True):
            original = (docs[index][0] or "") if part == "title" else (docs[index][1] or "")
            if part == "title":
                titles[index] = _tokens_and_spans(doc, original, 0, 0)
                continue
            tokens, spans = texts.get(index, ([], []))
            new_tokens, new_spans = _tokens_and_spans(doc, original, offset, len(tokens))
            texts[index] = (tokens + new_tokens, spans + new_spans)
        return [
            self._finish(titles.get(i), texts.get(i, ([], [])), docs[i][1] or "") for i in range(len(docs))
        ]

    def _finish(
        self, title: tuple[list[Tok], list[Span]] | None, text: tuple[list[Tok], list[Span]], original: str
    ) -> list[EntityMention]:
        parts: list[tuple[list[Tok], list[Span]]] = []
        for tokens, spans in ([title] if title else []) + [text]:
            repaired = mark_sports_tables(tokens, apply_gazetteer(tokens, repair_spans(tokens, spans), self._gazetteer))
            parts.append((tokens, repaired))
        resolve_document(parts)
        tokens, spans = parts[-1]
        return list(_mentions(tokens, spans, original))


def _mentions(tokens: list[Tok], spans: Iterable[Span], original: str) -> Iterator[EntityMention]:
    for span in spans:
        first, last = tokens[span.start], tokens[span.end - 1]
        surface = original[first.start : last.end]
        value: float | None = None
        unit: str | None = None
        if span.label == "MONEY":
            value, unit = parse_money(surface)
        elif span.label == "PERCENT":
            value = parse_percent(surface)
            unit = "%" if value is not None else None
        yield EntityMention(
            text=surface,
            label=span.label,
            start=first.start,
            end=last.end,
            canonical=span.canonical or " ".join(surface.split()),
            value=value,
            unit=unit,
            iso_code=span.iso_code,
        )
