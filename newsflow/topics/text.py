"""Tokenising and light normalisation shared by the lexicon and its taxonomy file.

Both sides (lexicon phrases and article text) go through :func:`normalise`, so a lexicon written in
singular matches plurals and possessives in articles without a full stemmer.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def tokens(text: str) -> list[str]:
    """Word tokens as written (case kept); apostrophe forms like ``Britain's`` stay one token."""
    return TOKEN.findall(text)


def normalise(token: str) -> str:
    """Lower-case, drop a possessive ``'s`` and a plural ending: ``Talks`` → ``talk``, ``Allies`` → ``ally``."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        word = word.replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word
