"""Parse stage: tokens, entities and sentences everywhere; a dependency parse where
an incident or a figure may be reported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitroom.knowledge import truecase
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
            text = _for_models(item.article.text)
            pieces.extend((n, text[a:b]) for a, b in chunk_bounds(text, self.chunk_chars))
        docs: dict[int, list[Any]] = {}
        wide = self.pipelines.wide((t for _, t in pieces), batch_size=self.batch_size)
        for (n, _), doc in zip(pieces, wide, strict=True):
            docs.setdefault(n, []).append(doc)
        wanted: list[tuple[Analysis, int, Any]] = []
        for n, item in enumerate(live):
            text = item.article.text
            seen = _join(docs.get(n, []), _for_models(text))  # the Doc the models saw
            _break_paragraphs(seen)
            _cap_sentences(seen)
            item.doc = seen if seen.text == text else _recased(seen, text)
            item.sentences = _sentences(item.doc)
            for i, sent in enumerate(seen.sents):
                if may_matter(text[sent.start_char : sent.end_char]):
                    wanted.append((item, i, sent))
        parsed = self.pipelines.narrow([s.as_doc() for _, _, s in wanted])
        for (item, i, sent), sdoc in zip(wanted, parsed, strict=True):
            own = item.article.text[sent.start_char : sent.start_char + len(sdoc.text)]
            item.parses[i] = sdoc if sdoc.text == own else _recased(sdoc, own)


# ---------------------------------------------------------------- upper-case texts
# An all-capital text is analysed in restored case (knowledge/truecase.py); the Docs
# handed on carry the article's own characters (same length, so the same offsets) with
# the entities, sentences, tags and parse found on the restored text.


def _for_models(text: str) -> str:
    return truecase.restore(text) if truecase.is_upper_text(text) else text


def _recased(doc: Any, text: str) -> Any:
    """`doc` (over a case-restored copy of `text`) rebuilt over `text` itself."""
    from spacy.tokens import Doc

    words = [text[t.idx : t.idx + len(t)] for t in doc]
    parsed = doc.has_annotation("DEP")
    tagged = doc.has_annotation("TAG")
    out = Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        sent_starts=[bool(t.is_sent_start) for t in doc] if not parsed else None,
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc],
        tags=[t.tag_ for t in doc] if tagged else None,
        pos=[t.pos_ for t in doc] if doc.has_annotation("POS") else None,
        morphs=[str(t.morph) for t in doc] if doc.has_annotation("MORPH") else None,
        lemmas=[t.lemma_ for t in doc] if doc.has_annotation("LEMMA") else None,
        heads=[t.head.i for t in doc] if parsed else None,
        deps=[t.dep_ for t in doc] if parsed else None,
    )
    if out.text != text:
        raise ValueError("case restoration changed the text")
    return out


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


MAX_SENTENCE_TOKENS = 120


def _break_paragraphs(doc: Any) -> None:
    """Start a sentence after every blank line. The statistical splitter sometimes runs
    one paragraph into the next (a quote, a live-update stamp, a headline with no full
    stop), and a trigger in one paragraph then takes the date and place of another.
    A single line break is left alone: wrapped text breaks lines inside sentences."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            continue
        if after_break:
            token.is_sent_start = True
        after_break = False


def _cap_sentences(doc: Any) -> None:
    """Cut run-on "sentences" (tables, lists, text with no full stops) into pieces of at
    most MAX_SENTENCE_TOKENS tokens, so every later stage works on bounded sentences and
    no input makes it quadratic. Real news sentences are far shorter."""
    for sent in list(doc.sents):
        if len(sent) <= MAX_SENTENCE_TOKENS:
            continue
        for i in range(sent.start + MAX_SENTENCE_TOKENS, sent.end, MAX_SENTENCE_TOKENS):
            doc[i].is_sent_start = True
