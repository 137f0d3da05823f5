"""``newsflow analyze`` without the CLI: JSONL documents in, enriched JSON objects out, in input order."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from newsflow.pipeline.enrich import enrich_documents

logger = logging.getLogger(__name__)


def _prepare(line: str) -> dict[str, Any]:
    """The document of one input line: ``{"id", "title", "text"}``, or ``{"id", "error"}``."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(doc, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    doc_id = doc.get("id")
    if not isinstance(doc_id, str):
        return {"id": doc_id, "error": "'id' must be a string"}
    for field in ("title", "text", "html", "url"):
        if doc.get(field) is not None and not isinstance(doc[field], str):
            return {"id": doc_id, "error": f"'{field}' must be a string"}
    title, text = doc.get("title"), doc.get("text")
    if doc.get("html"):
        from newsflow.extract import extract_text

        try:
            extracted_title, text = extract_text(doc["html"], url=doc.get("url"))
        except Exception as exc:  # a page that breaks the extractor must not stop the documents after it
            logger.debug("extraction failed for document %r", doc_id, exc_info=True)
            return {"id": doc_id, "error": f"could not extract text from 'html': {type(exc).__name__}: {exc}"}
        title = title or extracted_title
    if text is None and title is None:
        return {"id": doc_id, "error": "needs 'text', 'html' or 'title'"}
    return {"id": doc_id, "title": title, "text": text or ""}


def analyze_lines(
    lines: Iterable[str], *, topics: bool = True, entities: bool = True, batch_size: int = 128
) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line, batching documents through the models."""
    iterator = (line for line in lines if line.strip())
    while batch := list(islice(iterator, batch_size)):
        prepared = [_prepare(line) for line in batch]
        good = [doc for doc in prepared if "error" not in doc]
        results = iter(enrich_documents([(d["title"], d["text"]) for d in good], topics=topics, entities=entities))
        for doc in prepared:
            if "error" in doc:
                yield doc
                continue
            topic_result, mentions, _model = next(results)
            yield {
                "id": doc["id"],
                "title": doc["title"],
                "text": doc["text"],
                "topic": topic_result.topic if topic_result else None,
                "topics": [{"label": s.label, "score": round(s.score, 4)} for s in topic_result.topics]
                if topic_result
                else [],
                "entities": [
                    {"text": m.text, "label": m.label, "start": m.start, "end": m.end, "canonical": m.canonical}
                    for m in mentions or []
                ],
            }
