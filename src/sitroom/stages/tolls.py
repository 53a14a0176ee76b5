"""Toll stage: people killed and injured in each incident, as the article reports them.

Figures are read from the incident's own sentences and the few sentences after it that
no other incident owns ("The group later announced the death of five martyrs"). Each
figure found goes to the nearest incident trigger, so two incidents in one sentence do
not share a toll, and nothing is summed across incidents. Aggregate figures ("17,177
killed in Gaza", "since October", "this year") are statistics and are skipped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sitroom.knowledge.numbers import (
    NumberMention,
    find_numbers,
    has_aggregate_cue,
    has_period_cue,
    parse_number,
)
from sitroom.knowledge.reporting import reported_by
from sitroom.model import Analysis, Incident
from sitroom.stages import Stage

SHORT_STORY = 6  # sentences: a wire lead reporting one incident is read whole
_VERB_KINDS = {
    "kill": "killed",
    "murder": "killed",
    "behead": "killed",
    "assassinate": "killed",
    "slay": "killed",
    "execute": "killed",
    "lynch": "killed",
    "massacre": "killed",
    "shoot": "killed",  # only with "dead", "to death" or "fatally"
    "gun": "killed",  # only "gunned down"
    "stab": "killed",  # these only "to death" or "fatally"
    "beat": "killed",
    "hack": "killed",
    "strangle": "killed",
    "club": "killed",
    "bludgeon": "killed",
    "wound": "injured",
    "injure": "injured",
}
_PRONOUN_VICTIMS = {"he", "she", "they", "him", "her", "them", "who", "which", "that", "it"}
_NOT_PEOPLE = {
    "attack",
    "bomb",
    "blast",
    "explosion",
    "vehicle",
    "car",
    "building",
    "toll",
    "number",
}
FOLLOWING_SENTENCES = 1  # unowned sentences after an incident that may carry its toll

_KILL = (
    r"killed|dead|died|slain|murdered|executed|massacred|beheaded|shot dead|found dead|"
    r"shot and killed|gunned down|burned to death|burnt to death|hacked to death|"
    r"stabbed to death|lost their lives|perished|lynched|shot to death|beaten to death|"
    r"strangled to death|clubbed to death|bludgeoned to death|fatally (?:shot|stabbed|"
    r"wounded|injured)|wiped out|neutrali[sz]ed"
)
_HURT = r"wounded|injured|hurt|hospitali[sz]ed|maimed"
# "people", "Afghan soldiers", "of them" ... but never across a clause ("19 August that")
_FILLER = (
    r"(?:(?!(?:that|which|who|when|after|before|while|as|if|because|"
    r"killed|killing|wounded|wounding|injured|injuring)\b)"
    r"[\w’'-]+\s+){0,9}?"
)
_AUX = (
    r"(?:(?:were|was|have been|had been|are|is|been|also|reportedly|later|all|allegedly|"
    r"feared|confirmed|reported|found|on|yesterday|today|last|this|early|late|\w+day|night|"
    r"morning|evening|afternoon|\[[^\]]{0,30}\]|said to have been|reported to have been|"
    r"believed to have been)\s+)*"
)
_AFTER_KILL = re.compile(
    rf"^\s+(?:(?:dead|killed|deaths|fatalities|bodies|corpses|martyrs|lives lost)\b|"
    rf"{_FILLER}{_AUX}(?:{_KILL})\b)",
    re.IGNORECASE,
)
_AFTER_HURT = re.compile(
    rf"^\s+(?:(?:wounded|injured|injuries|hurt)\b|{_FILLER}{_AUX}(?:{_HURT})\b|"
    r"(?:[\w-]+\s+){0,2}?(?:(?:sustain(?:ed|ing)|suffer(?:ed|ing)|received)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:injuries|wounds)|(?:are|were)\s+(?:admitted|hospitali[sz]ed)|"
    r"with\s+(?:serious\s+|severe\s+|minor\s+|gunshot\s+)?(?:injuries|wounds)))\b",
    re.IGNORECASE,
)
_BEFORE_KILL = re.compile(
    r"(?:\bkill(?:ing|ed|s)?|\bslew|\bslaying|\bmassacr(?:ed|ing)|\bexecut(?:ed|ing)|"
    r"\bbehead(?:ed|ing)|\bshot dead|\bshooting dead|\bgunned down|\bgunning down|"
    r"\bclaim(?:ed|ing)? the lives of|\bdeaths? of|\bkilling of|\bmurders? of|"
    r"\bbodies of|\bremains of|\bkill(?:ing|ed)\s+(?:himself|herself|themselves)\s+and|"
    r"\btoll\b[^.;]{0,60}?\b(?:to|at|of|reached|hit|is|was|stands at|stood at)|"
    r"\b(?:number|total)(?: of (?:the )?(?:dead|deaths|people killed|fatalities)| killed)\b"
    r"[^.;]{0,40}?"
    r"\b(?:to|at|reached|is|was|stands at|stood at)|"
    r"\brose to|\bclimbed to|\brisen to|\bjumped to|\bincreased to|\braised to|\badjusted to|"
    r"\bupdated to|\brevised to|\brevised up to|\bput the toll at|\bnow stands at|"
    r"\bneutrali[sz](?:ed|ing)[\"”’']?)"
    r"\s+(?:another\s+|a further\s+|an additional\s+|a total of\s+)?$",
    re.IGNORECASE,
)
_BEFORE_HURT = re.compile(
    r"(?:\bwound(?:ing|ed|s)?|\binjur(?:ing|ed|es)|\bhurt(?:ing)?|\bmaim(?:ing|ed)|"
    r"\bwounding of|\binjuring of)\s+(?:another\s+|a further\s+|an additional\s+|"
    r"a total of\s+)?$",
    re.IGNORECASE,
)
_LIST_AFTER_KILL = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|shot dead|shooting dead|gunned down|massacred|executed)\s+"
    r"(?:at least\s+|about\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\w+teen|twenty|thirty|forty|fifty)\s+(?:[\w-]+\s+){0,3}?(?:and|,)\s+$",
    re.IGNORECASE,
)
# "killing a woman and her two children": the count continues a list opened by one victim
_ONE_THEN_LIST = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|shot dead|shooting dead|gunned down|gunning down|murder(?:ed|ing)|"
    r"massacred|executed)\s+(?:an?|one)\s+(?:[\w-]+\s+){1,2}?(?:and|along with)\s+"
    r"(?:(?:his|her|their|its)\s+)?$",
    re.IGNORECASE,
)
# "killed the commander and at least 33 other people": the count follows one named victim
_ONE_THEN_OTHERS = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|shot dead|shooting dead|gunned down|gunning down|murder(?:ed|ing)|"
    r"assassinat(?:ed|ing))\s+(?!(?:[\w'-]+\s+){0,3}?(?:themselves|himself|herself|dozens|scores|hundreds|thousands|"
    r"several|many|more|some|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|\w+ty)\b)[^,;.\d]{2,80}?\s+(?:and|along with)\s+"
    r"(?:at least\s+|about\s+|some\s+|nearly\s+|around\s+)?$",
    re.IGNORECASE,
)
_OTHERS = re.compile(r"^\s+(?:others|other\s+\w+|more\s+\w+)\b", re.IGNORECASE)
# "A man and his three sons were shot dead": one more victim before the count
_ONE_BEFORE = re.compile(
    r"(?:^|[.;:,]\s+|\b(?:when|after|as)\s+)(?:an?|one)\s+(?:[\w-]+\s+){1,2}?"
    r"(?:and|along with)\s+(?:his|her|their)\s+$",
    re.IGNORECASE,
)
# "17 soldiers and 36 VDP were killed": the second count continues the first's list
_LIST_BEFORE = re.compile(
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty)\s+(?:(?!(?:were|was|killed|dead|died|wounded|injured|hurt)\b)"
    r"[\w-]+\s+){1,3}?(?:and|,)\s+$",
    re.IGNORECASE,
)
# coders' notes: "Fatalities: 6.", "Fatalities coded as 56", "fatality count: 3"
_CODED_FATALITIES = re.compile(
    r"\bfatalit(?:y|ies)(?:\s+count)?\s*(?::|(?:were\s+|was\s+|are\s+)?(?:coded|recorded|"
    r"estimated|reported)\s+(?:as|at))\s*$",
    re.IGNORECASE,
)
# "killing 3 civilians and herself": the one bomber is among the dead (CODEBOOK); not
# "as well as themselves", where the bombers are not counted
_AND_SELF = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:and|as well as)\s+(?:himself|herself)\b", re.I)
# a part of victims already counted: "Five of the dead were children"
_OF_THE_COUNTED = re.compile(
    r"^\s+of\s+(?:the|those)\s+(?:dead|killed|victims|wounded|injured|casualties|deceased|"
    r"bodies)\b",
    re.IGNORECASE,
)
# "killing two police officers and a girl": one more victim after the count
_AND_ONE_AFTER = re.compile(
    r"^\s+(?:(?!(?:and|or|in|on|at|of)\b)[\w-]+\s+){0,3}?and\s+an?\s+"
    r"(?!(?:dozen|few|number|couple|total|score|half|further|additional|other|more|unknown|"
    r"unspecified|attack|bomb|blast|car|vehicle|house|home|shop|school|church|mosque)\b)"
    r"(?!(?:[\w-]+\s+){1,3}?(?:was|were|is|are|wounded|injured|hurt|escaped|survived)\b)[\w-]+",
    re.IGNORECASE,
)
# "killed 18 assailants and lost 1 member": the killers' own dead continue the list
_LOST_OWN = re.compile(r"\b(?:and|but)\s+(?:lost|losing)\s+$", re.IGNORECASE)
# "brought the total number of dead in the attack to 25": the update verb is far back
_FAR_UPDATE = re.compile(
    r"\b(?:brought|bringing|raised|raising|pushed|pushing)\s+the\s+(?:death\s+toll|toll|"
    r"(?:total\s+)?number\s+(?:of\s+(?:the\s+)?(?:dead|deaths|people killed)|killed))\b"
    r"[^.;]{0,40}?"
    r"\b(?:to|at)\s+(?:at least\s+)?$",
    re.IGNORECASE,
)
_LOST = re.compile(r"\b(?:lost|losing)\s+(?:at least\s+|some\s+|about\s+)?$", re.IGNORECASE)
# "3 people died on the spot and 2 others died later": the later dead continue the count
_OTHERS_DIED = re.compile(
    r"^\s+(?:others|more)\s+(?:(?:people|victims|of the wounded)\s+)?(?:also\s+|later\s+)?"
    r"(?:died|were killed|succumbed)\b",
    re.IGNORECASE,
)
_OWN_MEN = re.compile(
    r"^\s+(?:of\s+(?:its|their)\s+)?(?:own\s+)?(?:[\w-]+\s+)?(?:members?|soldiers?|men|"
    r"officers?|troops|fighters?|policem[ae]n|personnel)\b",
    re.IGNORECASE,
)
_LIVES_TAKEN = re.compile(r"\b(?:claim\w*|cost\w*|took|taking|takes|lost|losing)\s+$", re.I)
_DIRECT_HURT = re.compile(r"^\s+(?:others\s+|people\s+|more\s+)?(?:wounded|injured|hurt)\b", re.I)
_LEFT_DEAD = re.compile(rf"^\s+{_FILLER}(?P<what>dead|{_HURT})\b", re.IGNORECASE)
_BEFORE_LEFT = re.compile(r"\b(?:left|leaving|leave|leaves)\s+$", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,30}>")
_UPDATE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|now stands|has risen|updated|revised|"
    r"raised|raising|rising|bringing|brought|adjusted|put the toll at)\b",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the dead|among the victims)\s+$",
    re.IGNORECASE,
)
_NOT_VICTIMS = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:bomb|bombing|blast|explosion|attack|strike|airstrike|air strike|"
    r"raid|rocket|missile|clan|tribe|group|faction|"
    r"shell|mortar|grenade|gunmen|militants|assailants|attackers|vehicle|day|hour|week|"
    r"incident|suicide bomber|bomber)s?\b",
    re.IGNORECASE,
)
# "six houses burnt and eight persons injured": the houses are no victims
_THINGS = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:houses|homes|shops|buildings|villages|huts|churches|mosques|"
    r"schools|vehicles|cars|trucks|buses)\b",
    re.IGNORECASE,
)
# "3 militants were killed": attackers counted in the toll (CODEBOOK), unlike "two
# gunmen killed five people"
_FIGHTERS_KILLED = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:gunmen|militants|assailants|attackers|insurgents|fighters|"
    r"bombers|suicide bombers)\s+(?:(?:and|,)\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?:(?:were|was|have been|had been|are)\s+(?:also\s+|reportedly\s+|reported\s+)?"
    r"(?:killed|shot dead|wounded|injured|neutrali[sz]ed)\b|"
    # "two militants killed in a gunfight": a participle, not "militants killed five"
    r"died\b|(?:killed|shot dead|wounded|injured)(?:\s+(?:in|on|at|during|when|while|by|after|near|"
    r"overnight|earlier|last|yesterday)\b|\s*[,.;]))",
    re.IGNORECASE,
)
_BETWEEN = (
    r"(?:(?:reportedly|also|allegedly|later|on|yesterday|today|last|this|early|late|\w+day|"
    r"night|morning|evening|afternoon|found|reported to have been|said to have been|"
    r"reported|confirmed|feared|believed|"
    r"attacked and|kidnapped and|abducted and|tortured and|\[[^\]]{0,30}\])\s+){0,4}"
)
_SINGLE = re.compile(
    rf"\b(?:an?|one)\s+(?:[\w’',.()-]+\s+){{0,10}}?(?:was|has been|had been|is)\s+{_BETWEEN}"
    rf"(?P<what>{_KILL}|{_HURT}|shot)\b",
    re.IGNORECASE,
)
_SINGLE_OBJECT = re.compile(
    r"\b(?P<what>killing|killed|kills|shot dead|shooting dead|gunned down|beheaded|wounding|"
    r"injuring|assassinated|murdered|beat(?:en)? to death|stabb(?:ed|ing) to death|"
    r"hack(?:ed|ing) to death|burn(?:ed|t|ing) to death|lynch(?:ed|ing)|strangl(?:ed|ing)|"
    r"gunning down|fatally (?:shot|shooting|stabbed|stabbing))\s+(?:an?|one|the)\s+"
    r"(?!(?:(?!and\b)\w+\s+){0,2}?(?:attack|bomb|blast|number|few|dozen|hundred|thousand|total|series|"
    r"family\s+of|"
    r"people|police|men|women|children|two|three|four|five|six|seven|eight|nine|ten|\d)\b)"
    r"(?P<noun>\w+)",
    re.IGNORECASE,
)
_ONE_MORE = re.compile(
    r"\band\s+(?:another|one other|one more|a \w+|an \w+|her \w+|his \w+|their \w+)\s+"
    r"(?:(?:was|has been|had been|were|is|seriously|critically|badly|severely|slightly|also)\s+)*"
    rf"(?P<what>{_HURT})\b|"
    r"\band\s+(?P<verb>wounding|injuring|wounded|injured)\s+(?:another|one other|one more|"
    r"an? (?!(?:dozen|few|number|couple|score|total)\b)\w+)\b"
    r"(?!\s+(?:\d|of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|dozen|hundred)\b)",
    re.IGNORECASE,
)
# "Two died on the spot and another later succumbed to his wounds"
_ONE_MORE_DEAD = re.compile(
    r"\band\s+(?:another|one more|a third|a fourth)\s+(?:(?:person|victim|man|woman|child|"
    r"later|also|was|subsequently)\s+){0,3}(?:died|succumbed|was killed)\b",
    re.IGNORECASE,
)
_AND_ONE = re.compile(r"\band\s+(?:a|an)\s+(?!(?:dozen|few|number|couple|total|score)\b)")
# "N gunmen ... have shot dead a mayor": the counted are the killers, not the dead
_ACTIVE_KILLERS = re.compile(
    r"^\s+(?:(?!(?:that|which|who|when|after|before|while|as|if|because|were|was|been|be|"
    r"being|are|is|and|or|killed|killing|wounded|wounding|injured|injuring)\b)"
    r"[\w’'-]+\s+){0,7}?(?:has|have|had|then|also|reportedly|allegedly|\s)*"
    r"(?:killed|shot dead|shot and killed|gunned down|murdered|massacred|executed|beheaded|"
    r"stabbed|hacked)\s+(?:at least\s+|about\s+|more than\s+|some\s+|nearly\s+)?"
    r"(?:a|an|the|his|her|their|its|him|them|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d[\d,]*|[A-Z]|dozens|scores|several|many|hundreds)\b",
)
_MONTH = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s+$", re.IGNORECASE)
_YEAR_BEFORE = re.compile(rf"(?:\b\d{{1,2}},?|\b(?:in|of|since|by|until)|{_MONTH})\s+$", re.I)
_ASIDE = re.compile(
    r"^(\s+[\w-]+)?,?\s+(?:including|among them|most of them|mostly|many of them|all of them)"
    r"\b[^,]*?(?:,|(?=\s+(?:were|was|have been|had been|are)\b))"
)
# "two of his allies, a lawyer and a party official, were shot dead": the names between
# commas say who the counted are
_APPOSITION = re.compile(
    r"^([^,;]{0,50}),[^,;]{1,90},(?=\s+(?:were|was|have been|had been|are|died)\b)"
)
_NONE_BOTH = re.compile(
    r"\b(?:no\s+|without\s+(?:causing\s+|any\s+)*)(?:reported\s+|immediate\s+|other\s+)?"
    r"(?:casualties|victims|one (?:was )?(?:hurt|harmed)|one was (?:killed or |hurt or )?"
    r"(?:injured|hurt|wounded))\b|\bnobody was (?:hurt|harmed|injured)\b|"
    r"\bno one was (?:killed or )?(?:hurt|harmed|injured|wounded)\b|\bcaused no casualties\b|"
    r"\bno (?:deaths|fatalities) or injuries\b",
    re.IGNORECASE,
)
_NONE_KILLED = re.compile(
    r"\b(?:no (?:deaths|fatalities|loss of life)|no one (?:was )?(?:killed|died)|"
    r"nobody (?:was )?(?:killed|died)|no (?:one|body) died)\b",
    re.IGNORECASE,
)
_NONE_HURT = re.compile(r"\bno (?:injuries|one was injured|one was wounded)\b", re.IGNORECASE)
_NO_REPORT = re.compile(r"\bno (?:immediate )?reports? of\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One toll figure in the text: `kind` is "killed" or "injured"."""

    kind: str
    value: int | None
    start: int
    update: bool = False
    source: str | None = None
    adds: bool = False  # continues a list: "killed three soldiers and two civilians"
    side: str | None = None  # "state" or "armed" when the victims' noun says which side
    others: bool = False  # "killed the commander and 33 others": the count holds the one too


# the two sides of a fight: tolls of opposite sides add up ("killing 30 fighters ...
# Six soldiers were killed"); a toll of "people" may hold both and adds nothing
_STATE_SIDE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:soldiers?|troops|servicem[ae]n|police(?:m[ae]n)?|"
    r"officers?|policemen|gendarmes?|personnel|guards?|paramilitar(?:y|ies)|marines?)\b",
    re.IGNORECASE,
)
_ARMED_SIDE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:militants?|fighters?|insurgents?|rebels?|attackers?|"
    r"gunmen|gunman|assailants?|dissidents?|jihadists?|terrorists?|bandits?|guerrill?as?|"
    r"militiam[ae]n|extremists?)\b",
    re.IGNORECASE,
)
_FAMILY_OF = re.compile(
    r"\b(?:kill\w*|massacr\w*|wip\w+ out|murder\w*|shot dead|shooting dead)\s+"
    r"(?:an?|the|one|his|her|their)\s+(?:[\w-]+\s+)?family\s+of\s+$",
    re.IGNORECASE,
)


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


def figures_in(text: str, offset: int = 0, aggregates: bool = False) -> list[Figure]:
    """Every killed/injured figure a sentence states, in text order (offsets absolute).

    Clauses about a period or a whole war are skipped unless `aggregates` is set."""
    figures: list[Figure] = []
    text = _TAG.sub(lambda m: " " * len(m.group()), text)  # "<b>killed</b>" in scraped copy
    for clause_start, whole in _clauses(text):
        base = offset + clause_start
        clause = whole if aggregates else _before_aggregate(whole)
        if not clause.strip():
            continue
        source = reported_by(whole)
        found: list[Figure] = []
        for number in find_numbers(clause):
            found.extend(_number_figures(clause, number, base, source))
        found.extend(_single_figures(clause, base, source))
        for listed, stop in _victim_lists(clause, base, source):
            found = [
                f for f in found if f.kind != "killed" or not listed.start - 40 <= f.start < stop
            ]
            found.append(listed)
        figures.extend(_without_counted_one(found))
        figures.extend(_zero_figures(clause, base, source))
        for m in _ONE_MORE.finditer(clause):
            figures.append(Figure("injured", 1, base + m.start(), False, source, adds=True))
        for m in _ONE_MORE_DEAD.finditer(clause):
            figures.append(Figure("killed", 1, base + m.start(), False, source, adds=True))
    figures.sort(key=lambda f: f.start)
    return figures


_LIST_VERB = re.compile(
    r"\b(?:killing|killed|kills|shot dead|shooting dead|gunned down|gunning down|"
    r"murder(?:ed|ing)|massacr(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|"
    r"(?:hack|stabb|beat|burn)(?:ed|ing)? to death)\s+",
    re.IGNORECASE,
)
_PASSIVE_LIST_VERB = re.compile(
    r"\s+(?:were|have been|had been|are)\s+(?:all\s+)?(?:killed|shot dead|gunned down|"
    r"murdered|massacred|executed|beheaded|(?:hacked|stabbed|beaten|burned) to death)\b",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r",|\s(?:in|at|on|near|as|when|while|after|before|during|inside|outside|from|who|whose|"
    r"and|with|by|were|was|had|have|late|early|overnight|according)\b",
    re.IGNORECASE,
)
_ONE_ITEM = re.compile(
    r"^(?:a|an|one|the|his|her|their|its|my|our)\s+(?:[\w-]+\s+){0,2}?(?P<head>[\w-]+)"
    r"(?:\s+of\s+(?:[\w-]+\s+){0,4}[\w-]+)?$",  # "the head of the district council"
    re.IGNORECASE,
)
_COUNT_ITEM = re.compile(
    r"^(?:(?:his|her|their|its|the|my|our)\s+)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2}?[\w-]+$",
    re.IGNORECASE,
)


_NOT_IN_ITEM = re.compile(
    r"\b(?:of (?:them|whom|us)|among|including|sustain\w*|suffer\w*|receiv\w*|escap\w*|"
    r"fled|survived|were|was|are|is|said|told|say|says)\b",
    re.IGNORECASE,
)


def _item_count(item: str) -> int | None:
    """How many people one item of a victim list names: "his wife" 1, "their three
    children" 3; None when the item is no such phrase."""
    item = item.strip()
    if _NOT_IN_ITEM.search(item):
        return None
    m = _COUNT_ITEM.match(item)
    if m:
        value = parse_number(m.group("n"))
        return int(value) if value is not None else None
    if re.match(r"^one\s+of\s+(?:his|her|their|its|the)\s+[\w-]+$", item, re.IGNORECASE):
        return 1  # "one of his guards"
    one = _ONE_ITEM.match(item)
    if one:
        last = one.group("head").lower()
        if (last.endswith("s") and not last.endswith(("ss", "us"))) or last in _NOT_PEOPLE:
            return None
        return 1
    return None


def _list_total(items: list[str]) -> int | None:
    counts = [_item_count(i) for i in items]
    if len(items) < 2 or any(c is None for c in counts):
        return None
    return sum(c for c in counts if c is not None)


def _victim_lists(clause: str, base: int, source: str | None) -> list[tuple[Figure, int]]:
    """A list of victims told one by one, each summed ("killing a pastor,
    his wife and their three children": 5; "A farmer, his son and two neighbours were
    hacked to death": 4), with where the list ends."""
    out = []
    for m in _LIST_VERB.finditer(clause):
        rest = clause[m.end() :]
        head, sep, tail = rest.partition(" and ")
        if not sep or re.search(r"[.;:]", head):
            continue
        end = _LIST_END.search(tail)
        if end and re.match(r"\s(?:were|was|had|have)\b", end.group()):
            continue  # "killed a guard and a driver was hurt": the last one has its own verb
        last = tail[: end.start()] if end else tail.rstrip(".")
        if re.match(r"\s+(?:said|says|told|reported|added)\b", tail[len(last) :]):
            continue  # "killed five of them, a colonel and a doctor said": no list
        total = _list_total([*head.split(","), last])
        if total is not None:
            stop = m.end() + len(head) + len(sep) + len(last)
            out.append((Figure("killed", total, base + m.end(), False, source), base + stop))
    for m in _PASSIVE_LIST_VERB.finditer(clause):
        head, sep, last = clause[: m.start()].rpartition(" and ")
        if not sep:
            continue
        items = [last]
        for piece in reversed(head.split(",")):
            if _item_count(piece) is None:
                break
            items.insert(0, piece)
        total = _list_total(items)
        if total is not None:
            first = m.start() - len(" and ".join([",".join(items[:-1]), items[-1]]))
            out.append((Figure("killed", total, base + first, False, source), base + m.start()))
    return out


def _without_counted_one(figures: list[Figure]) -> list[Figure]:
    """A clause's figures less the one victim that a later "and N others" total already
    counts ("killed the governor and four others": 5, not 1 then 5)."""
    totals = [f.start for f in figures if f.others]
    if not totals:
        return figures
    return [
        f
        for f in figures
        if f.others
        or f.kind != "killed"
        or f.value != 1
        or not any(0 < t - f.start <= 120 for t in totals)
    ]


def _period_figure(text: str, local: int, owner: Incident | None, sentence: Any) -> bool:
    """Whether a parse figure counts a period, not the incident: it lies in the part of
    its clause about a period, and either its incident was told elsewhere (a later
    "11,000 civilians have been killed since 2022") or the cue cannot date one incident
    ("has killed more than 6,000 civilians since 2013"; "in 2019" may date one)."""
    if not _in_aggregate_part(text, local):
        return False
    if owner is None or not sentence.start <= owner.trigger.start < sentence.end:
        return True
    return any(
        start <= local < start + len(clause) and has_period_cue(clause)
        for start, clause in _clauses(text)
    )


def _in_aggregate_part(text: str, local: int) -> bool:
    """Whether the character at `local` lies in a part of its clause that talks about a
    period or a whole war (the parts `figures_in` leaves out)."""
    for clause_start, clause in _clauses(text):
        if clause_start <= local < clause_start + len(clause):
            kept = _before_aggregate(clause)
            index = local - clause_start
            return index >= len(kept) or kept[index] != clause[index]
    return False


def _before_aggregate(clause: str) -> str:
    """The part of a clause before its talk of a period or a whole war: "A reporter was
    found dead, the 45th journalist killed since 2003" keeps its first part. A clause
    that opens with the period ("Since January, 300 people ...") keeps nothing; the
    text is blanked, not cut, so offsets stay right."""
    if not has_aggregate_cue(clause):
        return clause
    pos = 0
    for part in re.split(
        r"(,\s|\s[—–-]\s|\(|\)|\s(?:as|after|when|while|because|following)\s)", clause
    ):
        if has_aggregate_cue(clause[: pos + len(part)]):
            return clause[:pos] + " " * (len(clause) - pos) if pos > 0 else ""
        pos += len(part)
    return ""


def _clauses(text: str) -> list[tuple[int, str]]:
    """Split on paragraph breaks and semicolons: a figure's words stay in its clause."""
    out = []
    pos = 0
    for part in re.split(r"(\n\s*\n|;)", text):
        if part and not re.fullmatch(r"\n\s*\n|;", part):
            out.append((pos, part))
        pos += len(part)
    return out


def _number_figures(
    clause: str, number: NumberMention, base: int, source: str | None
) -> list[Figure]:
    value = number.as_int if not number.vague else None
    before = clause[max(0, number.lead - 60) : number.lead]
    raw_after = _PARENTHETICAL.sub("", clause[number.end : number.end + 240])
    after = _ASIDE.sub(r"\1", raw_after, count=1)
    after = _APPOSITION.sub(r"\1", after, count=1)[:70]
    if _PART_OF.search(before) or _NO_REPORT.search(before):
        return []
    if value == 1 and re.search(r"\bof\s+$", before):
        return []  # "six citizens of one family"
    if value == 1 and re.match(r"^\s+of\s+(?:\d|(?:two|three|four|five|six|seven|eight)\b)", after):
        return []  # "one of two militants killed": the count is the second number
    if number.qualifier is None and (
        _MONTH_BEFORE.search(before)
        or (re.fullmatch(r"(?:19|20)\d\d", number.text) and _YEAR_BEFORE.search(before))
    ):
        return []  # "on November 1 killed", "July 8, 2015 was hacked to death"
    if _ACTIVE_KILLERS.match(after) and not _BEFORE_KILL.search(before):
        return []
    if re.match(r"^\s+(?:[\w-]+\s+){0,3}?(?:among|of)\s+(?:them|whom)\b", raw_after):
        return []  # "five people and one officer among them": already counted
    if _OF_THE_COUNTED.match(raw_after):
        return []  # "Five of the dead were children", "three of the wounded died"
    if re.match(r"^\s*(?:%|percent|per cent|years?\b|-year|km|kilomet|miles?\b)", after):
        return []
    far = clause[max(0, number.lead - 110) : number.lead]
    update = bool(_UPDATE.search(before[-30:]) or _FAR_UPDATE.search(far))
    start = base + number.start
    out = []
    if _BEFORE_LEFT.search(before):
        left = _LEFT_DEAD.match(after)
        if left:
            kind = "killed" if left.group("what").lower() == "dead" else "injured"
            return [Figure(kind, value, start, update, source)]
    if _LIVES_TAKEN.search(before) and re.match(r"^\s+(?:\w+\s+)?lives\b", after):
        return [Figure("killed", value, start, update, source)]  # "claiming eight lives"
    if _CODED_FATALITIES.search(before):
        return [Figure("killed", value, start, True, source)]
    if _FAMILY_OF.search(before):
        return [Figure("killed", value, start, update, source)]  # "killing a family of five"
    if _LOST_OWN.search(before) and _OWN_MEN.match(after):
        return [Figure("killed", value, start, update, source, adds=True)]
    if _LOST.search(before) and _OWN_MEN.match(after):
        return [Figure("killed", value, start, update, source)]  # "the army lost 12 soldiers"
    if _OTHERS_DIED.match(after) and re.search(r"\b(?:died|killed|dead)\b", before):
        return [Figure("killed", value, start, update, source, adds=True)]
    if _BEFORE_HURT.search(before) or _DIRECT_HURT.match(after):
        return [Figure("injured", value, start, update, source)]
    if (
        _ONE_THEN_OTHERS.search(before)
        and _OTHERS.match(after)
        and not _BEFORE_HURT.search(before)
        and not (_AFTER_HURT.match(after) and not _AFTER_KILL.match(after))
        and not _LIST_AFTER_KILL.search(before)
    ):
        total = None if value is None else value + 1  # the named victim and the others
        return [Figure("killed", total, start, update, source, others=True)]
    if _LIST_AFTER_KILL.search(before) or _ONE_THEN_LIST.search(before):
        if _AFTER_HURT.match(after) and not _AFTER_KILL.match(after):
            return [Figure("injured", value, start, update, source)]  # "and six sustained injuries"
        return [Figure("killed", value, start, update, source, adds=True)]
    not_victims = bool(_NOT_VICTIMS.match(after) or _THINGS.match(after)) and not (
        _FIGHTERS_KILLED.match(after)
    )
    after_kill = _AFTER_KILL.match(after)
    if (
        value is not None
        and after_kill
        and _AND_ONE.search(after_kill.group())
        and not re.search(r"\b(?:among|of)\s+(?:them|whom)\b", after_kill.group())
    ):
        value += 1  # "four women and a boy were shot dead"
    elif value is not None and after_kill and _ONE_BEFORE.search(before):
        value += 1  # "a man and his three sons were shot dead"
    if value is not None and _BEFORE_KILL.search(before) and _AND_SELF.match(after):
        value += 1  # "killing 3 civilians and herself"
    elif value is not None and _BEFORE_KILL.search(before) and _AND_ONE_AFTER.match(after):
        value += 1  # "killing two police officers and a 15-year-old girl"
    if _BEFORE_KILL.search(before) or (after_kill and not not_victims):
        adds = (
            bool(_LIST_BEFORE.search(before))
            and not _BEFORE_KILL.search(before)
            and not re.match(r"^\s+(?:[\w-]+\s+){0,3}?(?:among|of)\s+(?:them|whom)\b", after)
        )
        out.append(Figure("killed", value, start, update, source, adds, _side(after)))
    elif _AFTER_HURT.match(after) and not not_victims:
        out.append(Figure("injured", value, start, update, source))
    return out


def _side(after: str) -> str | None:
    if _STATE_SIDE.match(after):
        return "state"
    return "armed" if _ARMED_SIDE.match(after) else None


# the subject of a singular "was ... killed", however long: one victim
_WAS_KILLED = re.compile(
    rf"^\s*[A-Z][^.;]{{0,240}}?\s(?:(?:was|has been|had been|is)\s+{_BETWEEN}"
    rf"(?P<what>{_KILL})|(?P<died>died))\b",
)
_LIFE_OF = re.compile(r"\bclaim(?:ed|ing|s)? the life of\b|\b(?:body|corpse) of (?:an?|the|[A-Z])")
# "marched to demand the return of the body of a man killed": a death told before, not
# this incident's toll
_BODY_ASKED = re.compile(
    r"\b(?:demand\w*|return(?:ed|ing)?|hand(?:ed|ing)? over|releas\w*|bur(?:y|ied|ial)|"
    r"funeral|mourn\w*|carr(?:y|ied|ying))\b(?:\s+(?:of|the|return|over))*\s*$",
    re.IGNORECASE,
)
_PRONOUN_OBJECT = re.compile(
    r"\b(?:killing|killed|kills|shot dead|shooting dead|gunned down|murdered|beheaded|"
    r"stabbed to death|hacked to death|beat to death)\s+(?:him|her)\b",
    re.IGNORECASE,
)
_NAMED_OBJECT = re.compile(
    r"\b(?:killing|killed|shot dead|shooting dead|gunned down|gunning down|assassinated|"
    r"murdered|stabbed to death|beheaded)\s+"
    r"(?:(?!(?:at|least|about|more|than|some|nearly|over|up|around|in|on|near|of|from|by|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundreds?|"
    r"dozens?|scores?|several|many)\b)[a-z][\w-]+\s+){0,4}?"
    r"[A-Z][a-z]+(?:\s+(?:al-|bin\s+|ibn\s+|de\s+|van\s+)?[A-Z][\w-]*){1,3}"
    r"(?<!s)(?=,|\.|\s+(?:in|at|on|near|outside|who|after|as|while|and|late|early)\b)"
)
_PARENTHETICAL = re.compile(
    r"\s+--[^-]{1,120}--|\s+—[^—]{1,120}—|\s*\([^)]{0,80}\)|\s*\[[^\]]{0,60}\]"
)


def _single_figures(clause: str, base: int, source: str | None) -> list[Figure]:
    out: list[Figure] = []
    for pattern in (_SINGLE, _SINGLE_OBJECT):
        for m in pattern.finditer(clause):
            what = m.group("what").lower()
            noun = m.groupdict().get("noun")
            if noun and noun.lower().endswith("s") and not noun.lower().endswith("ss"):
                continue  # "killed the attackers": a plural, not one victim
            hurt = re.match(r"wound|injur|hurt|hospital|maim", what) is not None
            if what == "shot":  # "a man was shot" without "dead": wounded unless told
                hurt = True
            out.append(Figure("injured" if hurt else "killed", 1, base + m.start()))
    for more in _more_singles(clause, base, bool(out)):
        if all(abs(more.start - f.start) > 40 for f in out):
            out.append(more)
    return out


def _singular(subject: str) -> bool:
    """Whether the words before "died" end in one person ("the rabbi", not "villagers")."""
    words = re.findall(r"[A-Za-z’'-]+", subject)
    last = words[-1].lower() if words else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return bool(last) and not plural and last not in ("they", "both", "all", "people", "men")


def _more_singles(clause: str, base: int, found: bool) -> list[Figure]:
    """One victim told without a count: "claimed the life of his driver", "the body of
    a cameraman", "killed him", "shot dead Mohammed Hamid", and a clause whose singular
    subject "was ... killed" (read only when the clause states no count)."""
    out = [
        Figure("killed", 1, base + m.start())
        for m in _LIFE_OF.finditer(clause)
        if not _BODY_ASKED.search(clause[max(0, m.start() - 40) : m.start()])
    ]
    out += [Figure("killed", 1, base + m.start()) for m in _PRONOUN_OBJECT.finditer(clause)]
    out += [Figure("killed", 1, base + m.start()) for m in _NAMED_OBJECT.finditer(clause)]
    m = _WAS_KILLED.search(clause)
    if m is None or out or found:
        return out
    at = m.start("what") if m.group("what") else m.start("died")
    subject = _PARENTHETICAL.sub("", clause[:at])
    if m.group("died") and not _singular(subject):
        return out
    if not any(n.value for n in find_numbers(subject)):
        out.append(Figure("killed", 1, base + at))
    return out


def _zero_figures(clause: str, base: int, source: str | None) -> list[Figure]:
    out = []
    for m in _NONE_BOTH.finditer(clause):
        out.append(Figure("killed", 0, base + m.start(), False, source))
        out.append(Figure("injured", 0, base + m.start(), False, source))
    for m in _NONE_KILLED.finditer(clause):
        out.append(Figure("killed", 0, base + m.start(), False, source))
    for m in _NONE_HURT.finditer(clause):
        out.append(Figure("injured", 0, base + m.start(), False, source))
    return out


def parse_figures(sdoc: Any, offset: int) -> list[Figure]:
    """Figures the dependency parse shows where the words are far apart: the victims of
    a killing verb ("Ten residents of Konduz, including ..., have been killed") with
    their number, or one named or singular victim ("killed Somalia's deputy prosecutor")."""
    out = []
    for verb in sdoc:
        kind = _VERB_KINDS.get(verb.lemma_.lower())
        if kind is None or not verb.tag_.startswith("VB"):
            continue
        if verb.lemma_.lower() in _FATAL_ONLY and not _fatal(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        role = "nsubjpass" if passive else "dobj"
        victim = next((c for c in verb.children if c.dep_ == role), None)
        if victim is not None and victim.lower_ in ("who", "that") and verb.dep_ == "relcl":
            victim = verb.head  # "journalist Jane Doe, who was killed in 2017"
        if victim is None or victim.lower_ in _PRONOUN_VICTIMS:
            continue
        value = _victim_count(victim)
        if value is not None:
            out.append(Figure(kind, value, offset + victim.idx))
    return out


_FATAL_ONLY = {"shoot", "gun", "stab", "beat", "hack", "strangle", "club", "bludgeon"}


def _fatal(verb: Any) -> bool:
    """ "shot dead", "gunned down", "stabbed to death", "fatally shot": the verb kills."""
    for child in verb.children:
        if child.lower_ in ("dead", "fatally") or (
            child.lower_ == "down" and verb.lemma_.lower() == "gun"
        ):
            return True
        if child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _victim_count(victim: Any) -> int | None:
    """How many people a victim phrase counts: its number, or 1 for one person."""
    if victim.pos_ == "NUM":
        number = parse_number(victim.text)
        return int(number) if number is not None and float(number).is_integer() else None
    nummod = next((c for c in victim.children if c.dep_ == "nummod"), None)
    if nummod is not None:
        number = parse_number(nummod.text)
        return int(number) if number is not None and float(number).is_integer() else None
    if victim.tag_ in ("NN", "NNP") and victim.lemma_.lower() not in _NOT_PEOPLE:
        return 1
    return None


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
