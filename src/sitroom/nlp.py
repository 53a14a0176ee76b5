"""The one place a spaCy pipeline is loaded and configured.

With a pipeline that has its own sentence recogniser and a separate NER model (the
small English pipelines), sitroom runs NER and the sentence recogniser over the whole
text, and the tagger and dependency parser only on sentences that may report an
incident or a figure: that is where the parse is used, and it is most of the cost.
Other pipelines (for example a transformer one) run whole.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sitroom.errors import SitroomError

WIDE_COMPONENTS = ("ner", "senter")  # run over every sentence
NARROW_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@dataclass
class Pipelines:
    nlp: Any
    split: bool  # True: NER+senter wide, parser narrow

    def wide(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        if not self.split:
            yield from self.nlp.pipe(texts, batch_size=batch_size)
            return
        with self.nlp.select_pipes(enable=list(WIDE_COMPONENTS)):
            yield from self.nlp.pipe(texts, batch_size=batch_size)

    def narrow(self, docs: list[Any], batch_size: int = 64) -> list[Any]:
        """Tag and parse sentence docs that the wide pass produced."""
        if not self.split or not docs:
            return docs
        stream: Iterable[Any] = docs
        for name, proc in self.nlp.pipeline:
            if name in NARROW_COMPONENTS:
                stream = proc.pipe(stream, batch_size=batch_size)
        return list(stream)


@functools.lru_cache(maxsize=4)
def load(name: str) -> Pipelines:
    """Load an installed pipeline package by name (never downloads anything)."""
    import spacy

    try:
        module = importlib.import_module(name)
        nlp = module.load(exclude=[])
    except ModuleNotFoundError:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise SitroomError(
                f"spaCy pipeline {name!r} is not installed; install it with pip "
                "or set spacy_model in sitroom.toml / SITROOM_SPACY_MODEL"
            ) from exc
    names = set(nlp.component_names)
    split = {"senter", "ner", "parser", "tok2vec"} <= names and _ner_is_independent(nlp)
    if split:
        nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    return Pipelines(nlp=nlp, split=split)


def _ner_is_independent(nlp: Any) -> bool:
    """True when the NER model does not listen to the shared tok2vec."""
    ner = nlp.get_pipe("ner")
    return not any(layer.name == "tok2vec-listener" for layer in ner.model.walk())


_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?])\s+")


def chunk_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """Cut `text` into pieces of about `size` characters at paragraph or sentence
    breaks, so that a long article is never rejected for a model's length limit.
    The pieces concatenate back to `text` exactly."""
    if len(text) <= size:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start + size // 2 : start + size]
        cut = None
        for match in _BREAK.finditer(window):
            cut = start + size // 2 + match.end()
        if cut is None:
            space = text.rfind(" ", start + size // 2, start + size)
            cut = space + 1 if space > start else start + size
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds
