"""Toll stage: people killed and injured in each incident, as the article reports them.

Figures are read from the incident's own sentences and the few sentences after it that
no other incident owns ("The group later announced the death of five martyrs"). Each
figure found goes to the nearest incident trigger, so two incidents in one sentence do
not share a toll, and nothing is summed across incidents. Aggregate figures ("17,177
killed in Gaza", "since October", "this year") are statistics and are skipped here.

This module holds the stage and the choice among an incident's figures (`_choose`); the
figures are read in `toll_text`, `toll_lists` and `toll_parsed` (the `Figure` type is in
`toll_figure`), and given to incidents in `toll_owners`.
"""

from __future__ import annotations

from sitroom.model import Analysis, Incident
from sitroom.stages import Stage
from sitroom.stages.toll_figure import Figure
from sitroom.stages.toll_owners import (
    _candidate_sentences,
    _owner,
    _share_anaphora,
    _share_other_side,
    _short_story,
    _story_pieces,
    _toll_updates,
    _with_coordinated,
)
from sitroom.stages.toll_parsed import parse_figures
from sitroom.stages.toll_text import _period_figure, figures_in


class TollStage(Stage):
    name = "tolls"
    reads = ("parses", "sentences", "times", "places", "incidents")
    writes = ("incidents.fatalities", "incidents.injured")

    def process_one(self, item: Analysis) -> None:
        if not item.incidents:
            return
        found: dict[int, list[Figure]] = {id(i): [] for i in item.incidents}
        parsed: dict[int, list[Figure]] = {id(i): [] for i in item.incidents}
        story = _short_story(item)
        updates = _toll_updates(item)
        for start, text in _story_pieces(item) if story else []:
            found[id(item.incidents[0])].extend(figures_in(text, start))
        for sent_index in _candidate_sentences(item, updates):
            sentence = item.sentences[sent_index]
            sdoc = item.parses.get(sent_index)
            for fig in [] if story else figures_in(sentence.text, sentence.start):
                owner = _owner(item, sent_index, fig.start, updates)
                for each in _with_coordinated(item, owner, sent_index):
                    found[id(each)].append(fig)
            for fig in parse_figures(sdoc, sentence.start) if sdoc is not None else []:
                owner = _owner(item, sent_index, fig.start, updates)
                if _period_figure(sentence.text, fig.start - sentence.start, owner, sentence):
                    continue  # a later "11,000 civilians have been killed since 2022"
                for each in _with_coordinated(item, owner, sent_index):
                    parsed[id(each)].append(fig)
        _share_other_side(item, found)
        _share_anaphora(item, found)
        _share_anaphora(item, parsed)
        for incident in item.incidents:
            mine = found[id(incident)]
            kinds = {f.kind for f in mine if f.value is not None}
            mine += [f for f in parsed[id(incident)] if f.kind not in kinds]
            _apply(incident, sorted(mine, key=lambda f: f.start))


def _apply(incident: Incident, figures: list[Figure]) -> None:
    for kind in ("killed", "injured"):
        chosen = _choose([f for f in figures if f.kind == kind])
        if chosen is None:
            continue
        if kind == "killed":
            incident.fatalities = chosen.value
        else:
            incident.injured = chosen.value
        key = "fatalities" if kind == "killed" else "injured"
        who = f" (reported by {chosen.source})" if chosen.source else ""
        update = "; a later update" if chosen.update else ""
        incident.notes[key] = f"{chosen.value} {kind} read at offset {chosen.start}{who}{update}"


def _choose(figures: list[Figure]) -> Figure | None:
    """The first stated figure, unless a later update revises it; a definite number
    beats a vague one and a stated number beats "no casualties" boilerplate."""
    known = [f for f in figures if f.value is not None]
    if not known:
        return None
    updates = [f for f in known if f.update]
    if updates:
        return updates[-1]
    positive = [f for f in known if f.value and f.value > 0 and not f.adds]
    if positive:
        first = positive[0]
        total = first.value or 0
        followers = known[known.index(first) + 1 :]
        sides = {first.side}
        for follower in followers:
            if not follower.adds:
                break
            total += follower.value or 0
            sides.add(follower.side)
        if first.side is not None:
            for other in followers:  # the other side's dead: "Six soldiers were killed"
                if other.side is not None and other.side not in sides and not other.adds:
                    total += other.value or 0
                    sides.add(other.side)
        return (
            first
            if total == first.value
            else Figure(first.kind, total, first.start, False, first.source)
        )
    return known[0]
