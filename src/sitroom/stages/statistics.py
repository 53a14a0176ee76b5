"""Statistic stage: aggregate figures the article reports rather than one incident.

A figure is a statistic when it counts attacks, troops, hostages, displaced or
arrested people, or other things in bulk ("22 enclaves"), or when it is a toll over a
period or a whole war ("has killed 17,177 people since", "so far this year"). A toll
that belongs to one incident stays the incident's toll, except a very large attributed
toll ("around 1,200 people, according to Israeli officials"), which is both: such
figures are what readers quote as the size of a war.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sitroom.knowledge.numbers import NumberMention, find_numbers, has_aggregate_cue
from sitroom.knowledge.reporting import reported_by
from sitroom.model import Analysis, Span, Statistic, Timex
from sitroom.stages import Stage
from sitroom.stages.toll_text import figures_in

# noun as written -> unit of the statistic (nouns not listed keep their own name:
# "strikes", "incidents", "events" are what the text counts)
CORE_UNITS = {
    "attacks": "attacks",
    "assaults": "attacks",
    "troops": "troops",
    "soldiers": "troops",
    "personnel": "troops",
    "hostages": "hostages",
    "captives": "hostages",
    "refugees": "displaced",
    "displaced": "displaced",
    "arrests": "arrested",
}
# counts of attacks: statistics whatever their size once a period or source frames them
EVENT_UNITS = {
    "attacks",
    "strikes",
    "raids",
    "incidents",
    "events",
    "airstrikes",
    "bombings",
    "clashes",
    "ambushes",
    "kidnappings",
    "abductions",
}
# people taking part in one incident: a crowd, a bus load, a congregation
PARTICIPANTS = {
    "protesters",
    "demonstrators",
    "marchers",
    "worshippers",
    "passengers",
    "travellers",
    "travelers",
    "students",
    "pupils",
    "villagers",
    "residents",
    "gunmen",
    "militants",
    "fighters",
    "attackers",
    "assailants",
    "rioters",
    "mourners",
}
# a participle after "N people" that names what happened to them
PARTICIPLE_UNITS = {
    "displaced": "displaced",
    "uprooted": "displaced",
    "fled": "displaced",
    "kidnapped": "kidnapped",
    "abducted": "kidnapped",
    "arrested": "arrested",
    "detained": "arrested",
    "accused": "accused",
    "charged": "accused",
    "missing": "missing",
    "driven": "displaced",
    "disappeared": "missing",
}
GENERIC_PEOPLE = {"people", "persons", "civilians", "individuals", "children", "women", "men"}
NOT_UNITS = {
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "am",
    "pm",
    "times",
    "rockets",
    "missiles",
    "shells",
    "salvoes",
    "salvos",
    "rounds",
    "bullets",
    "drones",
    "vehicles",
    "cars",
}
GENERIC_MINIMUM = 10  # smaller counts of other things are incident details
LARGE_TOLL = 100  # an attributed toll this large is also a statistic
LARGE_COUNT = 1000  # a count of other things this large is a statistic without a period
LARGE_DISPLACEMENT = 10_000  # people displaced: fewer are one incident's detail
# words that end a noun phrase: the counted noun comes before any of them
_STOP = (
    r"(?:were|was|are|is|be|been|being|have|has|had|will|would|could|in|on|at|of|from|to|"
    r"by|for|with|the|a|an|or|who|that|which|since|during|across|between|into|per|than|as|"
    r"its|their|his|her|our|this|these|those|last|next|each|every|after|before|while|"
    r"including|against|among|near|over|under|up|down|out|so|but|not|no|also|then|there|"
    r"killed|wounded|injured|dead|died)"
)
_MODIFIER = rf"(?!{_STOP}\b)[A-Za-z][\w’'.-]*"
_UNIT_AFTER = re.compile(
    rf"^\s+(?:{_MODIFIER}\s+(?:and\s+|or\s+)?){{0,3}}?"
    rf"(?P<noun>(?!{_STOP}\b)(?:[A-Za-z][a-z]+(?<![su])s|personnel|people|displaced|police|"
    r"[A-Z][a-z]+ese))\b"
)
# "N people have been displaced", "N suspected militants had been arrested"
_PARTICIPLE = re.compile(
    r"^\s+(?:(?:have|has|had|were|was|are|is|remain|remained)\s+)?"
    r"(?:been\s+|now\s+|still\s+|reported\s+|feared\s+|believed\s+)*"
    r"(?:(?:forcibly|reportedly|internally|newly)\s+)?(?P<what>[a-z]+)\b"
)
# "displaced over 700,000", "forced about two million from their homes"
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>displaced|displacing|displace|uprooted|uprooting|forced|forcing|driven|drove|"
    r"driving|kidnapped|abducted|arrested|detained)\s+(?:another\s+|a further\s+|"
    r"an additional\s+)?$",
    re.IGNORECASE,
)
_FROM_HOMES = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:from|out of)\s+(?:their\s+)?homes?\b")
_ATTACKED_TIMES = re.compile(
    r"\b(?:attacked|targeted|struck|hit|shelled|bombed)\b[^.;]{0,20}$", re.IGNORECASE
)
# troops that do something in the incident itself are no deployment figure
# words of conflict: an aggregate count of other things is a statistic only beside them
# ("23 bailout packages since 1947" is economics, "40 checkpoints since May" is not)
_CONFLICT = re.compile(
    r"\b(?:kill\w*|attack\w*|violen\w*|conflict|war|fight\w*|armed|militan\w*|insurgen\w*|"
    r"rebel\w*|jihad\w*|terror\w*|troops|soldiers|security|police|military|army|displac\w*|"
    r"refugee\w*|humanitarian|aid|hostage\w*|kidnap\w*|abduct\w*|arrest\w*|detain\w*|protest\w*|"
    r"clash\w*|bomb\w*|shell\w*|strike\w*|raid\w*|gang\w*|bandit\w*|checkpoints?|massacre\w*)\b",
    re.IGNORECASE,
)
# a count that a monitor records: "52 clashes recorded along the front"
_RECORDED = re.compile(
    r"\b(?:recorded|registered|documented|logged|counted|tallied|verified)\b", re.IGNORECASE
)
# deaths that are not violence: no toll statistic
_NOT_VIOLENCE = re.compile(
    r"\b(?:earthquakes?|quakes?|floods?|flooding|cyclones?|hurricanes?|typhoons?|landslides?|"
    r"cholera|epidemic|outbreak|heatwave|drought|road accidents?|plane crash)\b",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.I)
_TROOPS_IN_ACTION = re.compile(
    r"^\s+(?:[\w’'.-]+\s+){0,3}?(?:surrendered|defected|deserted|fled|retreated|were|was|"
    r"had been|have been)\s*(?:captured|killed|taken|seized|abducted|surrendered)?\b"
)
_HOSTAGE = re.compile(r"^\s+\w+\s+(?:\w+\s+)?(?:captured as hostages|taken hostage|held hostage)")
# "... and about 900 in Syria", "including 1.7 million in North Kivu", "up from 21 the year before"
_ELLIPSIS = re.compile(
    r"^\s+(?:(?:in|at|on|across|throughout|inside)\s+(?:the\s+)?"
    r"(?:[A-Z]|(?:north|south|east|west|centre|center|cent)\w*\b)|"
    r"(?:the|a)\s+(?:year|month|week)\s+(?:before|earlier)|(?:in|during)\s+(?:19|20)\d\d\b|"
    r"(?:last|the previous|the prior)\s+(?:year|month)\b|nationwide|elsewhere|[,.;]|$)"
)
_ELLIPSIS_LINK = re.compile(
    r"(?:\band|\bincluding|\bup from|\bdown from|\bcompared with|\bcompared to|\bagainst|"
    r"\bfrom|\bof them|\bwith)\s*$",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"(?P<who>\b[A-Z][\w’'.-]*(?:\s+(?:(?:for|of|and|on|the)\s+)?[A-Z][\w’'.-]*){0,7}|"
    r"\b[Tt]he\s+[\w’' -]{2,40}?)\s+"
    r"(?:has|have|had)?\s*(?:counted|recorded|documented|tallied|registered|logged|"
    r"verified|estimated|estimates)\b"
)
_POPULATION = re.compile(
    r"\b(?:population of|country of|nation of|home to|city of|state of|region of)\s+$", re.I
)
_WAR_BEGAN = re.compile(
    r"\b(?:crisis|war|conflict|fighting|offensive|escalation|hostilities|uprising)\s+"
    r"(?:began|started|erupted|broke out)\s+(?:on\s+)?",
    re.IGNORECASE,
)
_RUNNING_TOLL = re.compile(r"\b(?:has|have)\s+(?:so\s+far\s+)?(?:killed|left)\b", re.I)
_ABOUT_THE_ATTACKS = re.compile(r"^(?:The|These|Those) attacks\b")
_SINCE = re.compile(r"\b(since|from)\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(until|through|till|to)\s+$", re.IGNORECASE)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), start=1)}
_SINCE_FALLBACK = re.compile(
    r"\bsince\s+(?P<month>[A-Z][a-z]+)\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4}))?"
)


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # absolute offset in the article text
    sentence: int


class StatisticStage(Stage):
    name = "statistics"
    reads = ("parses", "sentences", "times", "incidents", "article")
    writes = ("statistics",)

    def process_one(self, item: Analysis) -> None:
        published = item.article.published
        stats: list[Statistic] = []
        for clause in _clauses(item):
            stats.extend(statistics_in(clause, item.times, published))
        stats = _inherit_headline_dates(stats)
        item.statistics = _war_tolls_since_war_start(stats, item, published)


def statistics_in(clause: Clause, times: list[Timex], published: dt.date | None) -> list[Statistic]:
    """The aggregate figures one clause states."""
    out: list[Statistic] = []
    tolls = {f.start: f.kind for f in figures_in(clause.text, clause.start, aggregates=True)}
    aggregate = has_aggregate_cue(clause.text)
    source = _source(clause.text)
    last_unit: str | None = None
    for number in find_numbers(clause.text, clause.start):
        if number.vague or number.value is None or _in_timex(number, times):
            continue
        unit = _unit(clause, number, tolls, aggregate, source, last_unit)
        if unit is None or _POPULATION.search(clause.text[: number.lead - clause.start]):
            continue
        last_unit = unit
        since, until = _period(clause, number, times, published)
        out.append(
            Statistic(
                quantity=number.value,
                qualifier=number.qualifier,
                unit=unit,
                scope=_scope(clause, number),
                evidence=_evidence(clause),
                since=since,
                until=until,
                by=source,
            )
        )
    return out


def _unit(
    clause: Clause,
    number: NumberMention,
    tolls: dict[int, str],
    aggregate: bool,
    source: str | None,
    last_unit: str | None,
) -> str | None:
    """The unit of an aggregate figure, or None when the number is no statistic."""
    after = clause.text[number.end - clause.start : number.end - clause.start + 60]
    before = clause.text[max(0, number.lead - clause.start - 40) : number.lead - clause.start]
    value = number.value or 0
    framed = aggregate or (value >= LARGE_TOLL and source is not None)
    if _PART_OF.search(before) and _UNIT_AFTER.match(after):
        return None  # "29 people were killed, among them 10 soldiers": part of a figure
    if number.start in tolls:
        if not framed or _NOT_VIOLENCE.search(clause.text):
            return None
        if _incident_part(clause, number) and not (value >= LARGE_TOLL and source is not None):
            return None  # "killed 17 villagers ..., the latest in a wave that has killed 300"
        return "killed" if tolls[number.start] == "killed" else "wounded"
    if _HOSTAGE.match(after):
        return "hostages" if framed else None
    if re.match(r"^\s*(?:%|percent|per cent)", after):
        return "percent"
    if _is_year(number, after):
        return None
    if re.match(r"^\s+times\b", after) and _ATTACKED_TIMES.search(before):
        return "attacks" if aggregate else None  # "attacked more than 150 times since"
    if _VERB_BEFORE.search(before):  # the object of "displaced", "arrested", "abducted"
        return _unit_from_verb(before, after, value, aggregate)
    unit_match = _UNIT_AFTER.match(after)
    bare = _PARTICIPLE.match(after) if unit_match is None else None
    if bare and re.match(r"^\s+(?:have|has|had|were|was|are|is|remain)\b", after):
        happened = PARTICIPLE_UNITS.get(bare.group("what"))
        if bare.group("what") == "driven" and not _FROM_HOMES.match(after[bare.end() :]):
            happened = None
        if happened and _counts_as_statistic(happened, value, aggregate):
            return happened  # "Roughly 3 million are displaced"
    if unit_match is None:
        if last_unit and _ELLIPSIS.match(after) and _ELLIPSIS_LINK.search(before):
            return last_unit  # "2,500 US troops in Iraq and about 900 in Syria"
        if number.lead - clause.start < 3 and re.match(r"^\s+[a-z]+s\s*$", after):
            return after.strip()  # a headline such as "Around 80 attacks"
        return None
    framing = aggregate or bool(_RECORDED.search(clause.text))
    violent = bool(_CONFLICT.search(clause.text))
    return _unit_of_noun(unit_match, after, value, framing, violent)


def _incident_part(clause: Clause, number: NumberMention) -> bool:
    """Whether the number lies in the part of its clause before the talk of a period
    ("Gunmen killed 17 villagers in a raid, the latest in a wave of attacks that has
    killed 300 this year"): that part tells one incident, whose toll is no statistic."""
    from sitroom.stages.toll_text import _in_aggregate_part

    return not _in_aggregate_part(clause.text, number.start - clause.start)


def _unit_from_verb(before: str, after: str, value: float, aggregate: bool) -> str | None:
    """ "displaced over 700,000", "forced two million from their homes", "arrested 70
    suspects since January": the verb before the figure says what it counts."""
    m = _VERB_BEFORE.search(before)
    if m is None:
        return None
    verb = m.group("verb").lower()
    if verb.startswith(("forc", "driv", "drove")):
        unit = "displaced" if _FROM_HOMES.match(after) else None
    elif verb.startswith(("displac", "uproot")):
        unit = "displaced"
    else:
        unit = "kidnapped" if verb in ("kidnapped", "abducted") else "arrested"
    return unit if unit and _counts_as_statistic(unit, value, aggregate) else None


def _counts_as_statistic(unit: str, value: float, aggregate: bool) -> bool:
    """People displaced or missing in the hundreds of thousands are a statistic by their
    size; arrests, abductions and charges only over a period (the people arrested in
    one incident are that incident's detail)."""
    if unit in ("displaced", "missing"):
        return aggregate or value >= LARGE_DISPLACEMENT
    return aggregate


def _unit_of_noun(
    unit_match: re.Match[str], after: str, value: float, aggregate: bool, violent: bool
) -> str | None:
    """The unit of "N <modifiers> noun": a known unit, what happened to the people
    counted ("people have been displaced"), or the noun itself for a large or framed
    count; small counts and the participants of one incident are no statistic."""
    noun = unit_match.group("noun").lower()
    if noun in NOT_UNITS:
        return None
    rest = after[unit_match.end() :]
    if noun in CORE_UNITS:
        unit = CORE_UNITS[noun]
        if unit == "troops" and _TROOPS_IN_ACTION.match(rest):
            return None  # "2,000 soldiers surrendered"
        if unit != "attacks" and value < GENERIC_MINIMUM and not aggregate:
            return None  # "freeing four hostages", "two soldiers"
        happened = _happened(rest)
        if happened and unit == "troops":
            return happened if _counts_as_statistic(happened, value, aggregate) else None
        return unit
    happened = _happened(rest)
    if happened is not None:
        return happened if _counts_as_statistic(happened, value, aggregate) else None
    if value < GENERIC_MINIMUM:
        return None
    if (aggregate and (noun in EVENT_UNITS or violent)) or (
        noun in EVENT_UNITS and value >= LARGE_TOLL
    ):
        return noun
    if noun in PARTICIPANTS or (noun in GENERIC_PEOPLE and value < LARGE_TOLL):
        return None
    return noun if value >= LARGE_COUNT or noun in GENERIC_PEOPLE else None


def _happened(rest: str) -> str | None:
    """What happened to the people a count names: "have been displaced" -> displaced."""
    participle = _PARTICIPLE.match(rest)
    if participle is None:
        return None
    what = participle.group("what")
    if what == "driven" and not _FROM_HOMES.match(rest[participle.end() :]):
        return None
    return PARTICIPLE_UNITS.get(what)


def _is_year(number: NumberMention, after: str) -> bool:
    value = number.value or 0
    return (
        1900 <= value <= 2100
        and float(value).is_integer()
        and "," not in number.text
        and not re.match(r"^\s+[a-z]+s\b", after)
    )


def _in_timex(number: NumberMention, times: list[Timex]) -> bool:
    return any(t.start <= number.start < t.end for t in times)


def _source(text: str) -> str | None:
    counter = _COUNTER.search(text)
    if counter:
        who = counter.group("who").strip()
        if who.lower() not in ("in total", "it", "they", "this"):
            who = re.sub(r"^(?:In total|In all|Overall),?\s+", "", who)
            return re.sub(r"\s+(?:said|says|say|added)\b.*$", "", who)
    return reported_by(text)


def _period(
    clause: Clause, number: NumberMention, times: list[Timex], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    since = until = None
    for timex in times:
        if timex.type != "DATE" or not clause.start <= timex.start < clause.start + len(
            clause.text
        ):
            continue
        before = clause.text[max(0, timex.start - clause.start - 10) : timex.start - clause.start]
        value = _date_of(timex.value)
        if value is None:
            continue
        if _SINCE.search(before) and since is None:
            since = value
        elif _UNTIL.search(before) and until is None:
            until = value
    if since is None and not times:
        since = _since_fallback(clause.text, published)
    if since is None and until is None:
        near = sorted(times, key=lambda t: abs(t.start - number.start))
        return _calendar_period(clause, near)
    return since, until


_IN_PERIOD = re.compile(r"\b(?:in|during|this|last|throughout|over)\s+(?:the\s+)?$", re.I)


def _calendar_period(clause: Clause, times: list[Timex]) -> tuple[dt.date | None, dt.date | None]:
    """A count "in 2024", "last year" or "in March" covers that year or month: its first
    day and, for a period already over, its last; "this year" and "since the invasion in
    February 2022" run on (no end). `times` come nearest the figure first."""
    for timex in times:
        local = timex.start - clause.start
        if timex.type != "DATE" or not 0 <= local < len(clause.text):
            continue
        m = re.match(r"^(\d{4})(?:-(\d{2}))?$", timex.value)
        own = re.match(r"(?:this|last|the past)\b", timex.text, re.IGNORECASE)
        if not m or not (own or _IN_PERIOD.search(clause.text[max(0, local - 12) : local])):
            continue
        year, month = int(m.group(1)), int(m.group(2) or 0)
        first = dt.date(year, month or 1, 1)
        running = re.search(r"\bsince\b", clause.text[max(0, local - 60) : local], re.I)
        if running or re.match(r"this\b", timex.text, re.IGNORECASE):
            return first, None
        if month:
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return first, dt.date(year, 12, 31)
    return None, None


def _date_of(value: str) -> dt.date | None:
    """First day a TIMEX3 date value stands for ("2023-10-17", "2023-10", "2023")."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _since_fallback(text: str, published: dt.date | None) -> dt.date | None:
    """ "since October 17" when no time expressions were found (the time stage not run)."""
    m = _SINCE_FALLBACK.search(text)
    if not m or m.group("month").lower() not in _MONTHS:
        return None
    month, day = _MONTHS[m.group("month").lower()], int(m.group("day"))
    if m.group("year"):
        year = int(m.group("year"))
    elif published:
        year = (
            published.year
            if (month, day) <= (published.month, published.day)
            else published.year - 1
        )
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _scope(clause: Clause, number: NumberMention) -> str:
    """What the figure counts: from the number to the end of its phrase."""
    local = number.lead - clause.start
    rest = clause.text[local:]
    cut = re.search(
        r"(?<!\d)[,.]|[,.](?!\d)|[;:“”\"(]|\s+—|\s+according to\b|\n|"
        r"\s+and\s+(?:saw\s+|about\s+|around\s+|some\s+|\d)|\s+as part of\b",
        rest,
    )
    return (rest[: cut.start()] if cut else rest).strip()


def _evidence(clause: Clause) -> Span:
    text = clause.text.strip()
    start = clause.start + (len(clause.text) - len(clause.text.lstrip()))
    return Span(text, start, start + len(text))


def _clauses(item: Analysis) -> list[Clause]:
    """Sentences cut at paragraph breaks (a headline line is a clause of its own)."""
    out = []
    for index, sentence in enumerate(item.sentences):
        pos = 0
        for part in re.split(r"(\n\s*\n|\n)", sentence.text):
            if part.strip() and not re.fullmatch(r"\s+", part):
                out.append(Clause(part, sentence.start + pos, index))
            pos += len(part)
    return out


def _war_tolls_since_war_start(
    stats: list[Statistic], item: Analysis, published: dt.date | None
) -> list[Statistic]:
    """A running war toll ("an offensive that has killed 17,177 people") counts from
    the day the article says the war began ("since the crisis began on October 7")."""
    start = _war_start(item, published)
    if start is None:
        return stats
    out = []
    for stat in stats:
        running = _RUNNING_TOLL.search(stat.evidence.text)
        if stat.since is None and stat.unit in ("killed", "wounded") and running:
            stat = replace(stat, since=start)
        out.append(stat)
    return out


def _war_start(item: Analysis, published: dt.date | None) -> dt.date | None:
    text = item.article.text
    for m in _WAR_BEGAN.finditer(text):
        at = m.end()
        for timex in item.times:
            if timex.type == "DATE" and at <= timex.start <= at + 3:
                return _date_of(timex.value)
        fallback = _since_fallback("since " + text[at : at + 25], published)
        if fallback is not None:
            return fallback
    return None


def _inherit_headline_dates(stats: list[Statistic]) -> list[Statistic]:
    """A headline figure ("Around 80 attacks") counts over the same period as the body
    figure of the same unit that states one; so does a figure about "the attacks"."""
    dated = {s.unit: s for s in stats if s.since is not None}
    attacks = dated.get("attacks")
    out = []
    for stat in stats:
        body = dated.get(stat.unit)
        headline = len(stat.evidence.text.split()) <= 6
        if stat.since is None and body is not None and headline:
            stat = replace(stat, since=body.since)
        elif stat.since is None and attacks and _ABOUT_THE_ATTACKS.match(stat.evidence.text):
            stat = replace(stat, since=attacks.since)  # "The attacks ... have left 60 wounded"
        out.append(stat)
    return out
