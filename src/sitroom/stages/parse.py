"""Parse stage: tokens, entities and sentences everywhere; a dependency parse where
an incident or a figure may be reported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitroom.knowledge.triggers import may_matter
from sitroom.model import Analysis, Sentence
from sitroom.nlp import Pipelines, chunk_bounds
from sitroom.stages import Stage


class ParseStage(Stage):
    name = "parse"
    reads = ("article",)
    writes = ("doc", "sentences", "parses")

    def __init__(self, pipelines: Pipelines, chunk_chars: int = 50_000, batch_size: int = 32):
        self.pipelines = pipelines
        self.chunk_chars = chunk_chars
        self.batch_size = batch_size

    def process(self, batch: Sequence[Analysis]) -> None:
        live = [a for a in batch if a.error is None]
        pieces: list[tuple[int, str]] = []
        for n, item in enumerate(live):
            text = item.article.text
            pieces.extend((n, text[a:b]) for a, b in chunk_bounds(text, self.chunk_chars))
        docs: dict[int, list[Any]] = {}
        wide = self.pipelines.wide((t for _, t in pieces), batch_size=self.batch_size)
        for (n, _), doc in zip(pieces, wide, strict=True):
            docs.setdefault(n, []).append(doc)
        wanted: list[tuple[Analysis, int, Any]] = []
        for n, item in enumerate(live):
            item.doc = _join(docs.get(n, []), item.article.text)
            item.sentences = _sentences(item.doc)
            for i, sent in enumerate(item.doc.sents):
                if may_matter(sent.text):
                    wanted.append((item, i, sent))
        parsed = self.pipelines.narrow([s.as_doc() for _, _, s in wanted])
        for (item, i, _), sdoc in zip(wanted, parsed, strict=True):
            item.parses[i] = sdoc


def _join(docs: list[Any], text: str) -> Any:
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    if not docs:
        raise ValueError("no parse for article")
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # offsets must index the text exactly as given
        raise ValueError("chunked parse does not reproduce the article text")
    return joined


def _sentences(doc: Any) -> list[Sentence]:
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        out.append(Sentence(start=start, end=end, text=doc.text[start:end]))
    return out
