"""Which incident a toll figure belongs to: the sentences read for tolls (a short wire
story whole; unowned sentences after an incident; toll updates), the nearest incident
trigger that owns a figure, incidents coordinated in one clause, and the figures of a
bare follow-up sentence shared with the battle or attack told just before it.
"""

from __future__ import annotations

import re

from sitroom.model import Analysis, Incident
from sitroom.stages.toll_figure import Figure

SHORT_STORY = 6  # sentences: a wire lead reporting one incident is read whole
FOLLOWING_SENTENCES = 1  # unowned sentences after an incident that may carry its toll


NEARBY = 2  # sentences: a bare "Six soldiers were killed" this close continues the story


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|in another|elsewhere|meanwhile|unrelated)\b", re.IGNORECASE
)


def _share_other_side(item: Analysis, found: dict[int, list[Figure]]) -> None:
    """A bare toll sentence after a battle ("killing 30 fighters ... Six soldiers were
    killed") is its own mention until consolidation merges it; the other side's dead it
    counts also belong to the battle told just before, whose toll then adds both sides.
    A sentence that says its dead were "also" killed continues the battle too, even when
    it names the fight again ("two soldiers were also killed in the exchange of fire")."""
    incidents = item.incidents
    for bare in incidents:
        if not bare.sentences:
            continue
        first = min(bare.sentences)
        if _SEPARATE.search(item.sentences[first].text):
            continue  # "In a separate attack, three militants were killed"
        generic = bare.notes.get("basis") == "generic"
        if not generic and not _ALSO.search(item.sentences[first].text):
            continue
        near = [
            i
            for i in incidents
            if i is not bare
            and i.sentences
            and max(i.sentences) < first <= max(i.sentences) + NEARBY
        ]
        before = [
            i
            for i in near
            if i.sub_event_type == bare.sub_event_type
            and (i.notes.get("basis") != "generic" or not generic)
        ] or [i for i in near if _next_in_paragraph(item, i, first) and not _dated(item, first)]
        if not before:
            continue
        main = max(before, key=lambda i: max(i.sentences))
        theirs = found[id(main)]
        for fig in found[id(bare)]:
            sides = {f.side for f in theirs if f.kind == fig.kind and f.side}
            if fig.side and sides and fig.side not in sides:
                theirs.append(fig)


# "The attack killed 22 miners": a sentence that opens on the incident just told
_ANAPHORA = re.compile(
    r"^\W*(?:The|This|That|Saturday's|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|"
    r"Friday's)\s+(?:\w+\s+)?(?:attack|assault|raid|blast|explosion|bombing|strike|airstrike|"
    r"shelling|ambush|massacre|violence|fighting|clash(?:es)?|shooting|rampage)\s+"
    r"(?:\w+\s+)?(?:killed|left|claimed|has killed|had killed)\b",
    re.IGNORECASE,
)


def _share_anaphora(item: Analysis, found: dict[int, list[Figure]]) -> None:
    """A toll told in the next sentence as "The attack killed 22 miners" is a mention of
    its own until consolidation; its figures are also the toll of the incident told in
    the sentence just before, when that one states none. So are those of a bare toll
    sentence right after it in its paragraph ("Settlers attacked the village, setting
    fire to two houses. A young man was shot dead as villagers tried to push them back")."""
    for later in item.incidents:
        if not later.sentences:
            continue
        first = min(later.sentences)
        text = item.sentences[first].text
        bare = (
            later.notes.get("basis") == "generic"
            and not _SEPARATE.search(text)
            and not _dated(item, first)
        )
        if not _ANAPHORA.match(text) and not bare:
            continue
        before = [
            i
            for i in item.incidents
            if i is not later
            and i.sentences
            and max(i.sentences) == first - 1
            and (_ANAPHORA.match(text) or _next_in_paragraph(item, i, first))
        ]
        for earlier in before[:1]:
            kinds = {f.kind for f in found[id(earlier)] if f.value is not None}
            found[id(earlier)].extend(f for f in found[id(later)] if f.kind not in kinds)


def _dated(item: Analysis, sent_index: int) -> bool:
    """Whether a sentence names its own date ("In October, gangs killed more than 70
    people"): a sentence so dated tells its own incident, not the one before."""
    sentence = item.sentences[sent_index]
    return any(t.type == "DATE" and sentence.start <= t.start < sentence.end for t in item.times)


def _next_in_paragraph(item: Analysis, incident: Incident, sent_index: int) -> bool:
    """Whether sentence `sent_index` directly follows the incident's last sentence in
    the same paragraph ("... killing two gendarmes. Troops who arrived as reinforcements
    killed three of the attackers"): the other side's dead then belong to it, whatever
    type each mention was given."""
    last = max(incident.sentences)
    if sent_index != last + 1:
        return False
    gap = item.article.text[item.sentences[last].start : item.sentences[sent_index].start]
    return not re.search(r"\n\s*\n", gap)


def _short_story(item: Analysis) -> bool:
    """A wire lead that reports one incident: the whole story is that incident."""
    return len(item.incidents) == 1 and len(item.sentences) <= SHORT_STORY


def _story_pieces(item: Analysis) -> list[tuple[int, str]]:
    """The story's sentences, a sentence that does not end a sentence ("province
    [eastern DRCongo] --") joined to the next, so a figure cut off from its verb by a
    bad split is read whole."""
    out: list[tuple[int, str]] = []
    text = item.article.text
    start = None
    for sentence in item.sentences:
        start = sentence.start if start is None else start
        if re.search(r"[.!?\"'”)]\s*$", sentence.text) or sentence is item.sentences[-1]:
            out.append((start, text[start : sentence.end]))
            start = None
    return out


def _candidate_sentences(item: Analysis, updates: set[int]) -> list[int]:
    if _short_story(item):
        return list(range(len(item.sentences)))  # a wire lead: the whole story is this incident
    owned = sorted({s for inc in item.incidents for s in inc.sentences})
    out = set(owned) | updates
    for s in owned:
        for k in range(1, FOLLOWING_SENTENCES + 1):
            if s + k < len(item.sentences) and s + k not in owned:
                out.add(s + k)
            else:
                break
    return sorted(out)


_TOLL_UPDATE = re.compile(
    r"\b(?:(?:death|casualty) toll|(?:number|total) of (?:the )?(?:dead|deaths|people killed|"
    r"fatalities|victims))\b[^.;]{0,40}?\b(?:rose|risen|climbed|jumped|reached|increased)\b|"
    r"\b(?:put|puts|putting|raised|raising|revised|updated|brought|bringing)\s+the\s+"
    r"(?:death\s+toll|overall\s+toll|final\s+toll|toll|(?:total\s+)?number\s+of\s+(?:the\s+)?"
    r"(?:dead|deaths|people killed|fatalities))\s+(?:\w+\s+){0,3}?(?:at|to)\s+(?:at least\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b",
    re.IGNORECASE,
)


def _toll_updates(item: Analysis) -> set[int]:
    """Sentences that update "the death toll" with no trigger of their own ("On Wednesday
    an official said the death toll had risen to 34"): the toll is the story's main
    incident's, however far from its lead the update comes."""
    owned = {n for inc in item.incidents for n in inc.sentences}
    return {
        n
        for n, sentence in enumerate(item.sentences)
        if n not in owned and _TOLL_UPDATE.search(sentence.text)
    }


def _owner(item: Analysis, sent_index: int, char: int, updates: set[int]) -> Incident | None:
    """The incident a figure at `char` belongs to: among the incidents that own this
    sentence (or, for an unowned sentence, the incidents just before it), the one whose
    trigger precedes the figure most closely in its paragraph; a figure in a paragraph
    with no trigger goes to the sentence's first (main) incident."""
    if len(item.incidents) == 1 and len(item.sentences) <= SHORT_STORY:
        return item.incidents[0]
    owners = [i for i in item.incidents if sent_index in i.sentences]
    if not owners and sent_index in updates and item.incidents:
        return _updated_incident(item, sent_index)
    if not owners:
        back = [
            i
            for i in item.incidents
            if i.sentences
            and max(i.sentences) < sent_index <= max(i.sentences) + FOLLOWING_SENTENCES
        ]
        if not back:
            return None
        nearest = max(max(i.sentences) for i in back)
        return min((i for i in back if max(i.sentences) == nearest), key=lambda i: i.trigger.start)
    paragraph = _paragraph(item, sent_index, char)
    same = [i for i in owners if paragraph[0] <= i.trigger.start < paragraph[1]]
    if not same:
        return min(owners, key=lambda i: i.trigger.start)
    text = item.article.text
    told_after = [
        i for i in same if i.trigger.start > char and _KILLED_IN.match(text[char : i.trigger.start])
    ]
    if told_after:  # "two militants killed in a gunfight": the gunfight's toll
        return min(told_after, key=lambda i: i.trigger.start)
    before = [i for i in same if i.trigger.start <= char]
    if before:
        return max(before, key=lambda i: i.trigger.start)
    return min(same, key=lambda i: i.trigger.start)


_KILLED_IN = re.compile(
    r"^[^.;,]{0,40}?\b(?:killed|died|dead|wounded|injured|hurt)\s+(?:in|during)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _updated_incident(item: Analysis, sent_index: int) -> Incident:
    """The incident a trigger-less toll update revises: the first one told before it at
    a place the update names ("In Kharkiv, rescuers found two more bodies, raising the
    death toll to eight" in a live-update story), else the story's main incident."""
    main = min(item.incidents, key=lambda i: i.trigger.start)
    sentence = item.sentences[sent_index]
    named = {
        p.name
        for p in item.places
        if p.start is not None
        and sentence.start <= p.start < sentence.end
        and p.feature not in ("country", "admin1")
    }
    if not named:
        return main
    at_place = [
        i
        for i in item.incidents
        if i.trigger.start < sentence.start
        and any(
            p.name in named
            and p.start is not None
            and any(item.sentences[n].start <= p.start < item.sentences[n].end for n in i.sentences)
            for p in item.places
        )
    ]
    return min(at_place, key=lambda i: i.trigger.start) if at_place else main


_COORDINATION = re.compile(r"^[^.;:]{0,30}$")
_LINK = re.compile(r"\b(?:and|or)\b|,")
_NOT_LINK = re.compile(
    r"\b(?:killed|killing|wounded|injured|was|were|has|have|had|in|at|on|near|after|before|"
    r"then|later)\b",
    re.IGNORECASE,
)


def _with_coordinated(item: Analysis, owner: Incident | None, sent_index: int) -> list[Incident]:
    """The owner of a figure and the incidents coordinated with it as one subject ("A car
    bomb and a suicide bomber killed at least ten people"): the joint toll is each one's."""
    if owner is None:
        return []
    out = [owner]
    text = item.article.text
    for other in item.incidents:
        if other is owner or sent_index not in other.sentences:
            continue
        first, second = sorted((owner.trigger, other.trigger), key=lambda t: t.start)
        gap = text[first.end : second.start]
        if _COORDINATION.match(gap) and _LINK.search(gap) and not _NOT_LINK.search(gap):
            out.append(other)
    return out


def _paragraph(item: Analysis, sent_index: int, char: int) -> tuple[int, int]:
    """Absolute bounds of the paragraph piece of a sentence that holds `char`."""
    sentence = item.sentences[sent_index]
    pos = sentence.start
    for part in re.split(r"(?<=\n)\s*\n", sentence.text):
        if pos <= char < pos + len(part):
            return pos, pos + len(part)
        pos += len(part)
    return sentence.start, sentence.end
