"""Countries (with ISO 3166-1 alpha-2 codes), their aliases and demonyms, big cities and world regions.

The data file ``data/gazetteer.json`` is public knowledge written for this project (English country names from
CLDR, aliases, demonyms and cities by hand). Lookups are exact on the surface form after a leading "the" is
dropped, so "U.S.", "US" and "the United States" all resolve to United States / US.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Country names that are also common first names, surnames or US states: never relabel a PERSON or ORG to
# GPE on the strength of the name alone, and never add them where the model saw nothing.
AMBIGUOUS_PLACES = frozenset(
    {"Jordan", "Chad", "Georgia", "Guinea", "Niger", "Israel", "Turkey", "Jersey", "Guernsey", "Man", "Mali",
     "Victoria", "Washington", "Kingston", "Santiago", "Lima", "Nice", "Split", "Cork", "Perth", "Rio", "Gulf",
     "Pacific", "Atlantic", "Quebec", "Congo", "Dominica", "Sofia", "Regina", "Juba", "Aden", "Bali", "Baltic",
     "Arctic", "Mecca", "Sahel", "Lagos", "Portland", "Phoenix", "Austin", "Oakland", "Bristol", "Leicester",
     "Birmingham", "Manchester", "Liverpool", "Newcastle", "Southampton", "Cambridge", "Oxford", "Valencia",
     "Porto", "Bologna", "Genoa", "Monaco", "Bergen", "Essen", "Bremen", "Hanover", "Dortmund", "Basel",
     "Salzburg", "Graz", "Cleveland", "Denver", "Detroit", "Houston", "Dallas", "Boston", "Chicago", "Miami",
     "Atlanta", "Seattle", "Milwaukee", "Nashville", "Cincinnati", "Pittsburgh", "Baltimore", "Minneapolis",
     "Philadelphia", "Sheffield", "Leeds", "Nottingham", "Aberdeen", "Glasgow", "Cardiff", "Belfast"}
)


@dataclass(frozen=True)
class Place:
    """What a place name resolves to."""

    name: str  # canonical English name
    label: str  # GPE for countries and cities, LOC for regions, NORP for demonyms
    iso_code: str | None  # ISO 3166-1 alpha-2 of the country itself (countries and demonyms only)
    kind: str  # country | city | region | demonym


@dataclass(frozen=True)
class Gazetteer:
    """Surface form → place, plus the longest form in tokens for phrase matching."""

    places: dict[str, Place]
    max_tokens: int
    first_words: frozenset[str]  # the first word of every surface form: where a phrase match can start

    def lookup(self, surface: str) -> Place | None:
        """The place a surface form names, trying it as written, without "the", and in title case."""
        text = " ".join(surface.split())
        for candidate in _candidates(text):
            place = self.places.get(candidate)
            if place is not None:
                return place
        return None

    def country(self, surface: str) -> Place | None:
        """Like :meth:`lookup`, but only countries."""
        place = self.lookup(surface)
        return place if place is not None and place.kind == "country" else None


def _candidates(text: str) -> list[str]:
    out = [text]
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            out.append(text[len(article):])
    return out


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The gazetteer, read from the package data once."""
    raw = json.loads(resources.files("newsflow.entities").joinpath("data/gazetteer.json").read_text("utf-8"))
    places: dict[str, Place] = {}

    def add(surface: str, place: Place) -> None:
        # First writer wins: countries are added before cities so "Mexico" stays the country.
        places.setdefault(surface, place)

    for entry in raw["countries"]:
        country = Place(entry["name"], "GPE", entry["iso"], "country")
        add(entry["name"], country)
        for alias in entry["aliases"]:
            add(alias, country)
        for demonym in entry["demonyms"]:
            add(demonym, Place(demonym, "NORP", entry["iso"], "demonym"))
    for entry in raw["cities"]:
        add(entry["name"], Place(entry["name"], "GPE", None, "city"))
    for name in raw["regions"]:
        add(name, Place(name, "LOC", None, "region"))
    # Tokenisers split "Washington, D.C." finer than whitespace does: leave room for punctuation tokens.
    max_tokens = max(len(surface.split()) for surface in places) + 2
    first_words = frozenset(re.split(r"[\s,]", surface, maxsplit=1)[0] for surface in places)
    return Gazetteer(places=places, max_tokens=max_tokens, first_words=first_words)
