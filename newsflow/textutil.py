"""Small text helpers shared by the pure stages: control-character removal and tag stripping."""

from __future__ import annotations

import html
import re

# C0 controls except tab, newline and carriage return; DEL and C1 controls; lone surrogates; non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACE = re.compile(r"\s+")


def strip_control_chars(text: str) -> str:
    """``text`` without control characters that databases, terminals and JSON consumers choke on."""
    return _CONTROL.sub("", text)


def clean_inline(text: str | None) -> str | None:
    """A one-line field (title, author) as plain text: tags dropped, entities decoded, space folded."""
    if text is None:
        return None
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _SPACE.sub(" ", strip_control_chars(html.unescape(text))).strip()
    return text or None
