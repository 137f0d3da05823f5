"""Case restoration for all-caps lines (headlines, datelines, sports tables), keeping character offsets.

The small English model leans on word shape: "JAPAN GET LUCKY WIN" reads to it as an acronym soup. An
all-caps line is rewritten in the case a sub-editor would use ("Japan get lucky win"): dictionary words
lower-cased, other words (names) capitalised, acronyms kept. Every character keeps its position, so entity
offsets found in the restored copy index the original text unchanged.
"""

from __future__ import annotations

import re

from newsflow.entities.words import words

# Function words: lower-cased inside a restored line (the first word of the line is capitalised instead).
FUNCTION_WORDS = words(
    """a an the and or but nor of in on at to for from by with without into onto over under after before
    against between among during since until up down off out as than then so if is are was were be been am
    has have had do does did will would shall should can could may might must not no yes this that these those
    it its he she his her him they them their we our us you your i me my who whom whose which what when where
    why how all any both each few more most other some such only own same too very just also again further
    once here there about above below through while because per via vs v amid"""
)

# Well-known acronyms that contain vowels (those without are kept anyway): public knowledge, not fitted.
KNOWN_ACRONYMS = words(
    """NATO UN EU US USA UK UAE IMF UEFA FIFA IOC OPEC ASEAN NASA NASDAQ AIDS HIV OECD UNICEF UNESCO ANC IRA
    PLO OSCE EFTA NAFTA OAU AU ECB ESA ICC ICJ IAEA WHO WTO NBA NFL NHL NCAA AFC ABC AT&T IBM AOL EDS GE GM
    SEC FDA EPA CIA FBI NSA DEA ICE IRS NHS BBC ITV CNN NPR AP AFP ETA PKK ISIS IS KGB FSB MI5 MI6 UNHCR
    UNRWA OAS BRICS APEC IPO CEO CFO GDP CPI OPEC+ SPD CDU CSU FDP AfD LDP KMT INC JSE DAX FTSE CAC TSX
    ASX ATP WTA PGA ICAO IATA IEA ILO UNDP UNEP WFP IFAD IMO ITU UPU WIPO OSCE EU-US ETF ECHR"""
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWELS = frozenset("AEIOUY")


def _is_acronym(word: str) -> bool:
    return word in KNOWN_ACRONYMS or not (_VOWELS & set(word))


def _capitalise(word: str) -> str:
    out = [word[0]]
    for char in word[1:]:
        lower = char.lower()
        out.append(lower if len(lower) == 1 else char)  # never change the length (e.g. dotted İ)
    return "".join(out)


def _lower(word: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _is_shouting(words: list[str]) -> bool:
    """Whether a line is written in capitals: most of its longer words are upper case."""
    longer = [w for w in words if len(w) >= 2]
    if not longer:
        return False
    upper = sum(1 for w in longer if w.isupper())
    return upper >= 0.6 * len(longer) and not all(_is_acronym(w) for w in longer if w.isupper())


_SUFFIXES = ("s", "es", "ed", "d", "ing")


def _is_common(lower: str, dictionary: frozenset[str]) -> bool:
    if lower in FUNCTION_WORDS:
        return True
    if not dictionary:
        return False
    if lower in dictionary:
        return True
    return any(lower.endswith(suffix) and lower[: -len(suffix)] in dictionary for suffix in _SUFFIXES)


def restore_case(text: str, dictionary: frozenset[str] = frozenset()) -> str:
    """``text`` with its all-caps lines in ordinary case; same length, same character positions.

    ``dictionary`` holds lower-case common words (minus place names): those are lower-cased, other words
    capitalised. Without it only function words are lower-cased.
    """
    if not any(c.isupper() for c in text):
        return text
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        matches = list(_WORD.finditer(line))
        if not _is_shouting([m.group() for m in matches]):
            pieces.append(line)
            continue
        chars = list(line)
        first = True
        for match in matches:
            word = match.group()
            if word.isupper() and len(word) >= 2 and not _is_acronym(word):
                # With a dictionary, a common word is lower-cased even first in the line: a capitalised
                # "CRICKET" in "CRICKET - ..." reads as an organisation to the model.
                lower_it = _is_common(word.lower(), dictionary) and (not first or bool(dictionary))
                new = _lower(word) if lower_it else _capitalise(word)
                chars[match.start() : match.end()] = new
            first = False
        pieces.append("".join(chars))
    return "".join(pieces)
