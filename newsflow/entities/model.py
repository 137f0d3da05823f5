"""Loading the spaCy pipeline that finds entities: the first importable package of a list, NER alone.

In the small English models the ``ner`` component embeds its own tok2vec (it does not listen to the shared
one), so excluding the tagger, parser, lemmatizer and shared tok2vec leaves the entities unchanged apart from
sentence boundaries, which the parser used to set and a rule-based sentencizer now sets, at about twice the
speed.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any

from newsflow.errors import EntityModelMissing

# Everything but ``ner``: none of these feed the entity recogniser of the small English models.
NER_ONLY_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")


@dataclass(frozen=True)
class LoadedModel:
    """A loaded pipeline and the package it came from."""

    nlp: Any  # spacy.language.Language; typed loosely so importing this module never imports spaCy
    package: str
    version: str
    dictionary: frozenset[str] = frozenset()  # lower-case English words (see ``load_dictionary``)


def load_ner_model(names: list[str]) -> LoadedModel:
    """Load the first of ``names`` that imports, with only its ``ner`` component and a sentencizer."""
    tried: list[str] = []
    for name in names:
        if importlib.util.find_spec(name) is None:
            tried.append(f"{name} (not installed)")
            continue
        try:
            module = importlib.import_module(name)
            nlp = module.load(exclude=list(NER_ONLY_EXCLUDE))
        except Exception as exc:  # a broken or incompatible package: say why, try the next
            tried.append(f"{name} ({type(exc).__name__}: {exc})")
            continue
        if "ner" not in nlp.pipe_names:
            tried.append(f"{name} (has no ner component)")
            continue
        # Entities never cross a sentence boundary; the parser set them before we excluded it.
        nlp.add_pipe("sentencizer", before="ner")
        version = str(getattr(module, "__version__", nlp.meta.get("version", "0")))
        return LoadedModel(nlp=nlp, package=name, version=version, dictionary=load_dictionary(module))
    raise EntityModelMissing(
        "no spaCy model could be loaded for entity extraction; tried " + ", ".join(tried or ["nothing"])
        + " (set NEWSFLOW_SPACY_MODEL to a comma list of installed model packages)"
    )


def load_dictionary(module: Any) -> frozenset[str]:
    """The English words of the model's lemmatizer tables (WordNet's lemma index), lower case.

    Case restoration uses them to tell "WIN" (a word: lower-case it) from "LEBED" (not one: capitalise it).
    The tables ship inside the model package even when the lemmatizer is not loaded; a model without them
    gives an empty set and case restoration falls back to function words alone.
    """
    from pathlib import Path

    from spacy.lookups import Lookups

    for path in sorted(Path(module.__file__).parent.glob("*/lemmatizer/lookups")):
        try:
            table = Lookups().from_disk(path).get_table("lemma_index")
        except (OSError, KeyError, ValueError):
            continue
        return frozenset(word for pos in table for word in table[pos] if word.isalpha())
    return frozenset()
