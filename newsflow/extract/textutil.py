"""Small text helpers shared by the extractor: whitespace, paragraphs and word-shingle agreement."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Characters that only hint at line breaking (soft hyphen, zero-width space, word joiner, stray BOM): inside a
# word they would split it in two for search, NER and comparison ("Mit\u00adtel\u00adal\u00adter")
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")


# A text that breaks off with an ellipsis right after a word ("les interactions économi...") was cut, as paywalls
# cut their teasers; an ellipsis after a space or a closing quote is the writer's own
_CUT_OFF_RE = re.compile(r"\w(?:\.{3}|…)$")


def ends_cut_off(text: str) -> bool:
    return bool(_CUT_OFF_RE.search(text))


def squash(text: str) -> str:
    """One line: every run of whitespace becomes a single space; invisible break hints go."""
    return " ".join(_INVISIBLE_RE.sub("", text).split())


def tidy_paragraph(text: str) -> str:
    """A paragraph's text in NFC with runs of spaces collapsed and no line breaks inside."""
    return squash(unicodedata.normalize("NFC", _SPACE_RE.sub(" ", text)))


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by a blank line, empty ones dropped."""
    return "\n\n".join(p for p in (tidy_paragraph(p) for p in paragraphs) if p)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: a blank line separates them, single line breaks too."""
    return [p for p in (tidy_paragraph(line) for line in text.splitlines()) if p]


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def word_key(text: str) -> str:
    """The text's words, case-folded and joined by single spaces: what two spellings of one phrase share
    ("Bridge Times", "BRIDGE TIMES!")."""
    return " ".join(words(text))


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = words(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def containment(part: str, whole: str, n: int = 4) -> float:
    """Share of ``part``'s word shingles that also occur in ``whole`` (1.0 = all of it is there)."""
    want = shingles(part, n)
    total = sum(want.values())
    if not total:
        return 0.0
    have = shingles(whole, n)
    return sum(min(c, have.get(k, 0)) for k, c in want.items()) / total
