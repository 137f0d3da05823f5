"""Widen a precision-mode body with the prose a recall-mode pass found between and beside its paragraphs.

Both bodies are trafilatura XML in document order. The precision body is the core; a recall block is taken in
only where it sits between two core blocks (or right next to the first or last one) and reads like the
article: prose with few links, a sub-heading or list between prose, never a leftover pattern. A core block
that lost inline words in precision mode (a link or span pruned mid-sentence) is swapped for its fuller
recall twin.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml.etree import _Element

from newsflow.extract.blocks import block_text, link_share, units
from newsflow.extract.clutter import is_byline_or_dateline, is_leftover_line
from newsflow.extract.textutil import word_key

_SENTENCE_END_RE = re.compile(r"[.!?…。！？\"”»)\]:]$")
# A recall block beside (not between) core blocks must be this long a sentence to be taken in.
EDGE_PROSE_WORDS = 25
PROSE_WORDS = 8
HEADING_MAX_WORDS = 16
LINK_SHARE_MAX = 0.35
# How many recall blocks past the first or last core block are looked at.
EDGE_REACH = 2
# A recall block is a fuller twin of a core block when it holds this share of the core's words (in order).
TWIN_SHARE = 0.9


def _key(block: _Element) -> str:
    return word_key(block_text(block))


def _is_clutter(text: str) -> bool:
    return is_leftover_line(text) or is_byline_or_dateline(text, ())


def _is_prose(block: _Element, text: str, min_words: int) -> bool:
    return (
        block.tag in ("p", "quote")
        and units(text) >= min_words
        and bool(_SENTENCE_END_RE.search(text))
        and link_share(block, text) <= LINK_SHARE_MAX
        and not _is_clutter(text)
    )


def _is_inner_extra(block: _Element, text: str, *, before_core: bool) -> bool:
    """What a recall block between two core blocks must be to join them."""
    if not text or _is_clutter(text):
        return False
    if block.tag == "head":
        # a sub-heading leads into the article's next paragraph (a linked one too: a product or place name);
        # a heading of related links leads into more links
        return units(text) <= HEADING_MAX_WORDS and (before_core or link_share(block, text) <= LINK_SHARE_MAX)
    if block.tag == "list":
        return link_share(block, text) <= LINK_SHARE_MAX and units(text) >= PROSE_WORDS
    return _is_prose(block, text, PROSE_WORDS)


def _is_twin(core_key: str, recall_key: str) -> bool:
    """``recall_key`` holds ``core_key``'s words in order, plus a few more (inline words precision pruned)."""
    if len(recall_key) <= len(core_key) or not core_key:
        return False
    core_words, recall_words = core_key.split(), recall_key.split()
    if len(recall_words) > 1.5 * len(core_words) + 5:
        return False
    j = hits = 0
    for word in core_words:
        while j < len(recall_words) and recall_words[j] != word:
            j += 1
        if j == len(recall_words):
            break
        hits += 1
        j += 1
    return hits >= TWIN_SHARE * len(core_words)


def _align(core_keys: list[str], recall_keys: list[str]) -> list[int | None]:
    """For each core block, the index of its recall counterpart (same text or a fuller twin), in order."""
    positions: dict[str, list[int]] = {}
    for j, key in enumerate(recall_keys):
        positions.setdefault(key, []).append(j)
    matched: list[int | None] = []
    last = -1
    for key in core_keys:
        found = next((j for j in positions.get(key, ()) if j > last), None)
        if found is None and key:
            for j in range(last + 1, min(len(recall_keys), last + 6)):
                if _is_twin(key, recall_keys[j]):
                    found = j
                    break
        matched.append(found)
        if found is not None:
            last = found
    return matched


def widen(core: _Element, recall: _Element) -> _Element:
    """``core`` with recall blocks between/beside its blocks and fuller twins in place; ``core`` is not changed."""
    core_blocks, recall_blocks = list(core), list(recall)
    if not core_blocks or not recall_blocks:
        return core
    core_keys = [_key(b) for b in core_blocks]
    recall_keys = [_key(b) for b in recall_blocks]
    matched = _align(core_keys, recall_keys)
    anchors = [j for j in matched if j is not None]
    if not anchors:
        return core
    merged = deepcopy(core)
    merged_blocks = list(merged)
    for block in merged_blocks:
        merged.remove(block)
    first, last = anchors[0], anchors[-1]

    def take_edge(indices: range) -> list[_Element]:
        taken: list[_Element] = []
        for j in indices:
            block = recall_blocks[j]
            if not _is_prose(block, block_text(block), EDGE_PROSE_WORDS):
                break
            taken.append(block)
        return taken

    before = take_edge(range(first - 1, max(-1, first - 1 - EDGE_REACH), -1))[::-1]
    for block in before:
        merged.append(deepcopy(block))
    previous: int | None = None
    for i, block in enumerate(merged_blocks):
        j = matched[i]
        if j is not None:
            if previous is not None:
                for k in range(previous + 1, j):
                    extra = recall_blocks[k]
                    if _is_inner_extra(extra, block_text(extra), before_core=k == j - 1):
                        merged.append(deepcopy(extra))
            if recall_keys[j] != core_keys[i]:
                block = deepcopy(recall_blocks[j])  # the fuller twin
            previous = j
        merged.append(block)
    for block in take_edge(range(last + 1, min(len(recall_blocks), last + 1 + EDGE_REACH))):
        merged.append(deepcopy(block))
    return merged
