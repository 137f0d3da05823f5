"""Reading the blocks of trafilatura's XML body: a block's text on one line, its length in words (scripts
without spaces counted too) and the share of it that is link text."""

from __future__ import annotations

import re

from lxml.etree import _Element

from newsflow.extract.textutil import squash, words

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f]")


def units(text: str) -> int:
    """Length in words; for scripts written without spaces, about one word per two such characters."""
    return max(len(words(text)), len(text) // 6, len(_CJK_RE.findall(text)) // 2)


def units_within(text: str, limit: int) -> int | None:
    """``units(text)`` when it is at most ``limit``, else None; answered from the length alone where it can be
    (units are at least a sixth of the characters), so a paragraph of prose is told without reading its words."""
    if len(text) // 6 > limit:
        return None
    n = units(text)
    return n if n <= limit else None


# Elements whose text a reader sees apart from what follows: list items, table cells and rows, line breaks
_SEPARATE = frozenset({"item", "cell", "row", "lb", "p", "head", "list", "table", "quote"})


def block_text(block: _Element) -> str:
    """A block's text on one line; a list's items and a table's cells are separated by a space ("Separate Küche
    Geschirrspüler", not "Separate KücheGeschirrspüler")."""
    if block.tag not in ("list", "table") and block.find(".//lb") is None:
        return squash("".join(block.itertext()))
    parts: list[str] = []
    _spaced_text(block, parts)
    return squash("".join(parts))


def _spaced_text(element: _Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        _spaced_text(child, parts)
        if child.tag in _SEPARATE:
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)


def link_share(block: _Element, text: str) -> float:
    """The share of the block's ``text`` that is link text, in visible characters (the spaces between a list's
    items are not text)."""
    linked = sum(_visible_length("".join(ref.itertext())) for ref in block.iter("ref"))
    total = _visible_length(text)
    return min(1.0, linked / total) if total else 0.0


def _visible_length(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \t\n\r\u00a0")
