"""Turning the model's raw entity spans into clean, named mentions of one document.

Works on plain token records (no spaCy objects), in three passes:

1. span repair: drop a leading "the", trailing possessives and generic plurals ("NATO Allies" → NATO), split
   spans at numbers, brackets and commas (sports tables: "Bristol Rovers 1 Stockport 1"), take honorifics and
   roles off people ("Secretary of State Marco Rubio" → Marco Rubio, "NATO Secretary General Mark Rutte" →
   NATO + Mark Rutte) and drop spans that are nothing but a role ("State" in "Secretary of State");
2. the gazetteer: countries, cities and demonyms get their label and canonical name (and ISO code), and
   country names the model missed are added;
3. within the document: later short mentions of a person join the full name ("Rubio" → Marco Rubio, even
   when the model called it an ORG or missed it), and every canonical entity gets one label.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsflow.entities.gazetteer import AMBIGUOUS_PLACES, Gazetteer, Place
from newsflow.entities.words import words

# Labels whose mentions are names (the rest are amounts, dates and the like, kept as the model found them).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Labels whose spans are split at numbers and punctuation: names of people, bodies and places do not hold them.
SPLIT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Words that head a role or honorific in front of a person's name.
TITLES = words(
    """President Secretary Secretary-General Minister Chancellor Senator Sen. Sen Rep. Representative
    Congressman Congresswoman Governor Gov. Mayor King Queen Prince Princess Pope Gen. Col. Colonel Admiral
    Adm. Lt. Lieutenant Captain Capt. Sgt. Sergeant Major-General Judge Justice Ambassador Envoy Spokesman
    Spokeswoman Spokesperson Chairman Chairwoman Chairperson Chair CEO Director Director-General Commissioner
    Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Miss Sir Dame Lord Lady Rev. Reverend Sheikh Emir Ayatollah Premier Speaker
    Coach Manager Professor Prof. Leader Chief Officer Ministers Presidents Secretaries President-elect
    Vice-President Vice-Chancellor"""
)
# Words that sit inside or in front of a role ("Prime Minister", "Secretary of State", "Foreign Minister").
ROLE_MODIFIERS = words(
    """of the for State Defense Defence Foreign Finance Interior Home Health Treasury Trade Commerce Energy Labor
    Labour Education Transport Transportation Agriculture Justice General Deputy Vice Acting Chief Prime
    Executive Assistant Under Former former Attorney Affairs Economy Economic Culture Environment Homeland
    Security National Majority Minority Senate House Supreme Court Federal Reserve Fed Central Bank Crown
    Grand Lord High Permanent Special Senior Junior First Second Third Head Managing Supreme Allied Army Navy
    Air Force Defense-Secretary Energy-Secretary Commander Commander-in-Chief Interim Outgoing Incoming
    European Parliamentary Cabinet Opposition Party Ministry Department Mission"""
)
_ROLE_WORDS = TITLES | ROLE_MODIFIERS
# Generic plurals and nouns that the small model glues onto the end of an organisation or place.
GENERIC_TAILS = words(
    """Allies allies leaders Leaders officials Officials members Members member states troops Troops forces
    soldiers ministers Ministers citizens officers delegation delegates diplomats lawmakers spokesman
    spokeswoman counterparts partners Partners"""
)
_TAILED_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC"})
_LEADING_DROPS = frozenset({"the", "The", "THE", "a", "A", "an", "An"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_SPLITTERS = frozenset({"(", ")", "[", "]", "{", "}", ",", ";", ":", "/", "|", '"', "“", "”", "--", "—", "–"})
_EDGE_PUNCT = _SPLITTERS | frozenset({"-", ".", "'", "’", "‘", "`", "``", "''", "*", "#", "!", "?", "…"})
# Function words that are never a name on their own (the model sometimes tags a capitalised one).
_STOP_NAMES = words(
    """I A The This That These Those It He She We They You His Her Its Our Their My Your And But Or If As At
    In On Of For To By With From Not No Yes All Some Any Each Every There Here When Where What Which Who Why
    How Mr Mrs Ms Dr"""
)


@dataclass(slots=True)
class Tok:
    """One token of the document: its place in the original text and its text in case-restored form."""

    start: int
    end: int
    text: str  # as written in the original text
    norm: str  # the same characters after case restoration (see ``casing``)
    sent_start: bool = False
    is_digit: bool = False  # a number written in digits ("1", "62.00", "1,000")
    space_after: bool = True


@dataclass
class Span:
    """A candidate mention: tokens [start, end) of the document and its label."""

    start: int
    end: int
    label: str
    canonical: str | None = None  # set when the gazetteer or coreference names it
    iso_code: str | None = None
    from_title: bool = False
    place: Place | None = field(default=None, repr=False)


def span_norm(tokens: list[Tok], start: int, end: int) -> str:
    """The case-restored text of tokens [start, end), with the original spacing collapsed to single spaces."""
    parts: list[str] = []
    for i in range(start, end):
        tok = tokens[i]
        parts.append(tok.norm)
        if i < end - 1 and tokens[i + 1].start > tok.end:
            parts.append(" ")
    return " ".join("".join(parts).split())


# Pass 1: span repair ---------------------------------------------------------------------------------------


def _split_at_breaks(tokens: list[Tok], span: Span) -> list[Span]:
    """Pieces of a name span between numbers, brackets, commas and line breaks."""
    pieces: list[Span] = []
    begin = span.start
    for i in range(span.start, span.end):
        tok = tokens[i]
        spaced_dash = tok.text == "-" and tok.space_after and i > 0 and tokens[i - 1].space_after
        if tok.is_digit or tok.text in _SPLITTERS or spaced_dash or "\n" in tok.text or not tok.text.strip():
            if i > begin:
                pieces.append(Span(begin, i, span.label))
            begin = i + 1
    if span.end > begin:
        pieces.append(Span(begin, span.end, span.label))
    return pieces


def _trim(tokens: list[Tok], span: Span) -> Span | None:
    """Drop a leading article and edge punctuation, trailing possessives and generic plurals."""
    start, end = span.start, span.end
    changed = True
    while changed and start < end:
        changed = False
        first = tokens[start]
        if first.text in _EDGE_PUNCT or (
            first.text in _LEADING_DROPS and not (first.text == "The" and not first.sent_start and end - start > 1)
        ):
            start += 1
            changed = True
        elif tokens[end - 1].text in _POSSESSIVES or tokens[end - 1].text in _EDGE_PUNCT:
            end -= 1
            changed = True
        elif tokens[end - 1].text.endswith(("'s", "’s")) and len(tokens[end - 1].text) > 2 and end - start == 1:
            break  # a single token "Rubio's" the tokenizer did not split: leave it to the offsets fix below
        elif span.label in _TAILED_LABELS and end - start >= 2 and tokens[end - 1].text in GENERIC_TAILS:
            end -= 1
            changed = True
    if start >= end:
        return None
    return Span(start, end, span.label)


def _is_bare_role(tokens: list[Tok], span: Span, texts: list[str]) -> bool:
    """A span of role words that is a role ("Prime Minister", "State" after "Secretary of"), not a body
    ("Federal Reserve", "Treasury", "Commerce Department")."""
    if any(t in TITLES for t in texts):
        return True
    before = [tokens[i].text for i in range(max(0, span.start - 3), span.start)]
    return any(t in TITLES for t in before) and (not before or before[-1] in {"of", "General", "-"})


def _strip_roles(tokens: list[Tok], span: Span) -> list[Span]:
    """Take roles and honorifics off a person; split "NATO Secretary General Mark Rutte" into its parts."""
    texts = [tokens[i].text for i in range(span.start, span.end)]
    if all(t in _ROLE_WORDS for t in texts) and _is_bare_role(tokens, span, texts):
        # Nothing but a role: "State" of "Secretary of State", "President", "Secretary General".
        return [] if span.label in {"PERSON", "ORG", "GPE", "NORP", "LOC"} else [span]
    if span.label not in {"PERSON", "ORG"}:
        return [span]
    title_at = next((k for k, t in enumerate(texts) if t in TITLES), None)
    if title_at is None:
        return [span]
    role_start = title_at
    while role_start > 0 and texts[role_start - 1] in ROLE_MODIFIERS and texts[role_start - 1] not in {"of", "the"}:
        role_start -= 1
    role_end = title_at + 1
    while role_end < len(texts) and texts[role_end] in _ROLE_WORDS:
        role_end += 1
    name = texts[role_end:]
    if not name or not all(t[:1].isupper() for t in name if t not in {"-", "'", "’", "."}):
        # "General Motors", "President's Council": no capitalised name follows the role; not a person.
        return [span] if span.label == "ORG" else []
    pieces: list[Span] = []
    if role_start > 0:
        left = Span(span.start, span.start + role_start, "ORG")
        pieces.append(left)
    pieces.append(Span(span.start + role_end, span.end, "PERSON"))
    return pieces


# Hedges the model includes in amounts ("over $20 billion", "up to 5 percent"): the amount is what follows.
AMOUNT_HEDGES = words(
    """over under about around nearly almost roughly approximately some just only more less than fewer at least
    most up to as much many much estimated total of below above beyond exceeding close
    Over Under About Around Nearly Almost Roughly Approximately Some Just Only More Less Up At"""
)
AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _trim_amount(tokens: list[Tok], span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and tokens[start].text in AMOUNT_HEDGES:
        start += 1
    return Span(start, span.end, span.label)


def repair_spans(tokens: list[Tok], spans: list[Span]) -> list[Span]:
    """Pass 1 over the model's spans (see module docstring)."""
    out: list[Span] = []
    for span in spans:
        if span.label in AMOUNT_LABELS:
            out.append(_trim_amount(tokens, span))
            continue
        if span.label not in SPLIT_LABELS:
            trimmed = _trim(tokens, span) if span.label in NAME_LABELS else span
            if trimmed is not None:
                out.append(trimmed)
            continue
        for piece in _split_at_breaks(tokens, span):
            trimmed = _trim(tokens, piece)
            if trimmed is None:
                continue
            for part in _strip_roles(tokens, trimmed):
                final = _trim(tokens, part)
                if final is None:
                    continue
                if final.end - final.start == 1 and tokens[final.start].text in _STOP_NAMES:
                    continue
                if not any(c.isalpha() for i in range(final.start, final.end) for c in tokens[i].text):
                    continue
                out.append(final)
    return out


# Pass 2: the gazetteer -------------------------------------------------------------------------------------


def apply_gazetteer(tokens: list[Tok], spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Name and label places the model found, and add unambiguous place names it missed."""
    for span in spans:
        if span.label not in SPLIT_LABELS:
            continue
        surface = span_norm(tokens, span.start, span.end)
        place = gazetteer.lookup(surface)
        if place is None:
            continue
        ambiguous = surface in AMBIGUOUS_PLACES or place.name in AMBIGUOUS_PLACES
        if span.label in {"PERSON", "ORG", "FAC"} and ambiguous:
            continue
        span.label = place.label
        span.canonical = place.name if place.kind != "demonym" else surface
        span.iso_code = place.iso_code if place.kind == "country" else None
        span.place = place
    covered = [False] * len(tokens)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = True
    added: list[Span] = []
    i = 0
    while i < len(tokens):
        if covered[i] or tokens[i].norm not in gazetteer.first_words or not tokens[i].norm[:1].isupper():
            i += 1
            continue
        match: tuple[int, Place] | None = None
        for j in range(min(len(tokens), i + gazetteer.max_tokens), i, -1):
            if any(covered[k] for k in range(i, j)):
                continue
            surface = span_norm(tokens, i, j)
            place = gazetteer.lookup(surface)
            if place is not None and surface not in AMBIGUOUS_PLACES and place.name not in AMBIGUOUS_PLACES:
                match = (j, place)
                break
        if match is None:
            i += 1
            continue
        j, place = match
        span = Span(i, j, place.label, canonical=place.name if place.kind != "demonym" else span_norm(tokens, i, j))
        span.iso_code = place.iso_code if place.kind == "country" else None
        span.place = place
        added.append(span)
        i = j
    if added:
        spans = sorted([*spans, *added], key=lambda s: s.start)
    return spans


_SCORE = re.compile(r"\d{1,3}(?:[-–]\d{1,3})?")
_CALENDAR_WORDS = words(
    """January February March April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Week Day Round
    Game Match Race Stage Group Division Heat Section Page Row"""
)


def _line_ranges(tokens: list[Tok]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    begin = 0
    for i, tok in enumerate(tokens):
        if "\n" in tok.text:
            ranges.append((begin, i))
            begin = i + 1
    ranges.append((begin, len(tokens)))
    return ranges


def _looks_like_person(tokens: list[Tok], span: Span) -> bool:
    """A multi-word personal name or one with an initial ("P. Simmons"): players in a table, not teams."""
    if span.label != "PERSON":
        return False
    return span.end - span.start >= 2


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word not in _STOP_NAMES


def mark_sports_tables(tokens: list[Tok], spans: list[Span]) -> list[Span]:
    """Results lines ("Bristol Rovers 1 Stockport 1", "Leicestershire 22 points , Somerset 4"): names right
    before a score are teams, so organisations, unless they are countries (national sides stay places) or
    look like players' names."""
    by_end = {span.end: span for span in spans}
    covered = [False] * len(tokens)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = True
    added: list[Span] = []
    for line_start, line_end in _line_ranges(tokens):
        teams: list[Span] = []
        unnamed: list[tuple[int, int]] = []
        for i in range(line_start + 1, line_end):
            if not _SCORE.fullmatch(tokens[i].text):
                continue
            named = by_end.get(i)
            if named is not None:
                if named.label in SPLIT_LABELS:
                    teams.append(named)
                continue
            j = i
            while j > line_start and not covered[j - 1] and _is_name_word(tokens[j - 1].norm):
                j -= 1
            if j < i and not any(tokens[k].norm in _CALENDAR_WORDS for k in range(j, i)):
                unnamed.append((j, i))
        if len(teams) + len(unnamed) < 2:
            continue
        for span in teams:
            is_country = span.place is not None and span.place.kind in {"country", "demonym"}
            if not is_country and not _looks_like_person(tokens, span) and span.label != "NORP":
                span.label = "ORG"
                span.canonical = None
                span.iso_code = None
                span.place = None
        added.extend(Span(j, i, "ORG") for j, i in unnamed)
    if added:
        spans = sorted([*spans, *added], key=lambda s: s.start)
    return spans


# Pass 3: within the document -------------------------------------------------------------------------------


def _name_tokens(tokens: list[Tok], span: Span) -> list[str]:
    return [tokens[i].norm for i in range(span.start, span.end) if tokens[i].norm not in _POSSESSIVES]


def resolve_document(parts: list[tuple[list[Tok], list[Span]]]) -> None:
    """Coreference of short person names and one label per canonical entity, across the parts of one
    document (title and text); sets ``canonical`` on every span in place and may add spans to parts."""
    # Full names of people: every multi-word PERSON mention. Its surname and first name point back to it
    # unless two different people share them.
    by_part: dict[str, set[str]] = defaultdict(set)
    full_names: dict[str, list[str]] = {}
    for tokens, spans in parts:
        for span in spans:
            if span.label != "PERSON":
                continue
            words = _name_tokens(tokens, span)
            if len(words) >= 2:
                name = span_norm(tokens, span.start, span.end)
                full_names[name] = words
    for name, words in full_names.items():
        by_part[" ".join(words[-1:])].add(name)
        by_part[words[0]].add(name)
        if len(words) >= 3:
            by_part[" ".join(words[-2:])].add(name)
    # A full name that is a part of a longer one ("Marco Rubio" within "Marco Antonio Rubio") joins it.
    for name, words in full_names.items():
        longer = [other for other, w in full_names.items() if other != name and _is_sub_sequence(words, w)]
        if len(longer) == 1:
            by_part[name].add(longer[0])

    def person_for(text: str) -> str | None:
        owners = by_part.get(text)
        if owners and len(owners) == 1:
            return next(iter(owners))
        return None

    for tokens, spans in parts:
        for span in spans:
            if span.label not in NAME_LABELS:
                continue
            surface = span_norm(tokens, span.start, span.end)
            if span.canonical is not None and span.place is not None:
                continue
            owner = person_for(surface)
            if owner is not None and owner != surface and (span.label == "PERSON" or span.end - span.start == 1):
                span.label = "PERSON"
                span.canonical = owner
            elif span.canonical is None:
                span.canonical = surface[4:] if surface.startswith("The ") and len(surface) > 4 else surface
        _add_missed_surnames(tokens, spans, person_for)

    _one_label_per_entity(parts)


def _is_sub_sequence(short: list[str], long: list[str]) -> bool:
    if len(short) >= len(long):
        return False
    it = iter(long)
    return all(word in it for word in short)


def _add_missed_surnames(tokens: list[Tok], spans: list[Span], person_for: object) -> None:
    """Mentions of a known person's surname that the model did not tag at all ("Rutte stated")."""
    assert callable(person_for)
    covered = [False] * len(tokens)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = True
    added: list[Span] = []
    for i, tok in enumerate(tokens):
        if covered[i] or not tok.norm[:1].isupper() or len(tok.norm) < 3 or tok.norm in _STOP_NAMES:
            continue
        owner = person_for(tok.norm)
        if owner is not None and owner != tok.norm:
            added.append(Span(i, i + 1, "PERSON", canonical=owner))
    if added:
        spans.extend(added)
        spans.sort(key=lambda s: s.start)


def _one_label_per_entity(parts: list[tuple[list[Tok], list[Span]]]) -> None:
    """Each canonical name gets the label most of its mentions have (a place's label from the gazetteer)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    fixed: dict[str, str] = {}
    for _tokens, spans in parts:
        for span in spans:
            if span.label not in NAME_LABELS or span.canonical is None:
                continue
            key = span.canonical.casefold()
            if span.place is not None:
                fixed.setdefault(key, span.label)
            votes[key][span.label] += 1
    for _tokens, spans in parts:
        for span in spans:
            if span.label not in NAME_LABELS or span.canonical is None:
                continue
            key = span.canonical.casefold()
            if key in fixed:
                span.label = fixed[key]
                continue
            counts = votes[key]
            best = max(counts.values())
            # Ties go to PERSON, then to the first label seen: Counter keeps insertion order.
            winners = [label for label, n in counts.items() if n == best]
            span.label = "PERSON" if "PERSON" in winners else winners[0]
