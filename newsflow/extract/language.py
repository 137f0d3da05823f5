"""Detect an article's language from its text with py3langid, with a normalised confidence."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Beyond a few thousand characters the answer no longer changes, only the time it takes.
_SAMPLE_CHARS = 1500
MIN_CHARS = 20


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, hint: str | None = None) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, confidence 0..1) of ``text``; the page's declared language only breaks near-ties."""
    sample = text[:_SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return None, None
    ranked = _identifier().rank(sample)
    if not ranked:
        return None, None
    code, confidence = ranked[0]
    declared = (hint or "").split("-")[0].split("_")[0].strip().lower()
    if declared and declared != code:
        for other, other_confidence in ranked[1:4]:
            if other == declared and other_confidence >= 0.8 * confidence:
                code, confidence = other, other_confidence
                break
    if code == "und":
        return None, None
    return str(code), round(float(confidence), 4)
