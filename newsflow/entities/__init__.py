"""Named entities of articles: spaCy's NER plus case restoration, a country gazetteer and normalisation.

Pure logic (text in, mentions out). The spaCy model is loaded lazily on the first :func:`get_extractor` call,
from the first importable package named in ``settings.spacy_model``.
"""

from __future__ import annotations

from functools import lru_cache

from newsflow.entities.extractor import EntityExtractor
from newsflow.entities.summary import EntitySummary, aggregate_entities

__all__ = ["EntityExtractor", "EntitySummary", "aggregate_entities", "get_extractor", "reset_extractor"]


@lru_cache(maxsize=1)
def get_extractor() -> EntityExtractor:
    """The process-wide extractor, its model loaded on first use from ``settings.spacy_model``."""
    from newsflow.entities.model import load_ner_model
    from newsflow.settings import get_settings

    settings = get_settings()
    return EntityExtractor(load_ner_model(settings.spacy_model_names()), batch_size=settings.enrich_batch_size)


def reset_extractor() -> None:
    """Forget the cached extractor (after changing ``NEWSFLOW_SPACY_MODEL``)."""
    get_extractor.cache_clear()
