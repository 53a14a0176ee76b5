"""Toll figures read from a sentence's text: numbers next to a killing or injuring verb
("killed 12 people", "three were wounded"), single victims ("a soldier was shot dead"),
"no casualties" boilerplate, updates ("the toll rose to 20"), and the clauses about a
period or a whole war that are statistics, not an incident's toll.
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.knowledge.numbers import NumberMention, find_numbers, has_aggregate_cue, has_period_cue
from sitroom.knowledge.reporting import reported_by
from sitroom.model import Incident
from sitroom.stages.toll_figure import Figure
from sitroom.stages.toll_lists import _victim_lists, _without_counted_one

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
    counts = [n for n in find_numbers(subject) if not re.fullmatch(r"(?:19|20)\d\d", n.text)]
    if not any(n.value for n in counts):  # 'In June 2025, a blogger died': a year, no count
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
