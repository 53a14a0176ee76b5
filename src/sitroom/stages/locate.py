"""Locate stage: the place where each incident happened (CODEBOOK "Places").

The most specific place the text names *for that incident*: not the dateline, not every
place in the sentence. Candidates are the toponyms of the incident's sentences, scored by
- how they attach to the trigger in the dependency parse ("struck *in* X", "attack *near*
  X": a preposition of place on the trigger's path scores high; a place hanging off a
  person or an organisation, "a driver *from* Abidjan", "the *US* embassy", scores low,
  and so does a reference point, "50 km south of Baghdad");
- how specific they are (a named site or village over a town, a town over a district or
  province, those over a country; a country containing another named place loses to it;
  country adjectives only as a last resort);
- how close they are to the trigger (a paragraph break in between costs much).
Places that belong to something else lose: the dateline ("LAHORE, Pakistan —", a last
resort), where the story was said or suspects will be charged (a reporting or aftermath
verb between place and trigger), a country leading or backing an actor ("Saudi-led",
"Iran-backed") or acting itself ("Russia launched 24 drones", "Kenyan officers fought"),
a place hanging off another event's verb ("abducted on the highway ... a gunfight near
Kachia"), a lone town in a country no other name of the text supports (a namesake).
The areas named as holding the chosen place ("Kwarbadi village in the Gusau district in
Nigeria's Zamfara State", "the central prison in the city of Iguala") give a name the
gazetteer lacks the coordinates of the finest of them, and overrule a namesake they
contradict (another country, or far off); a list of towns is no such chain; a town beats
the area named as holding it ("the town of Kawlin, in northern Sagaing"), and a holder
after "northern" or the like is an area. A country inside an organisation's name ("the
United Kingdom Maritime Trade Operations agency") is no place; a dateline loses even to the
article's main place (named twice, in its country).
When the best is only a country or region ("killed in eastern Ukraine"), a town inside it
named in the incident's other sentences or just around ("The deaths came in Horlivka")
wins, and under a whole country any town or province inside it named in the text; a
tally "across Iraq" stays national. A reference point ("a mosque south of Baghdad")
gives way to a town named beside it in the next sentences. An anaphoric mention ("That
strike came a day after ...") takes a place only when one is attached to it, else leaves
it to its antecedent. With no toponym in the
incident's sentences, the nearest preceding sentence's place, then the article's main
place (its most mentioned specific place) stand in. Precision 2 for "near X" and for a
village known only through its town; 3 for a region or country.
`incident.notes["location"]` says which rule chose the place.

This module holds the stage and the ranking (`_best_in_sentence`, `_score`); the tests it
ranks by are in `locate_syntax` (attachment in the parse, actors, speakers, government),
`locate_holders` (holder chains and namesakes) and `locate_levels` (place levels).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from sitroom.knowledge.datelines import DATELINE
from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.model import Analysis, Incident, Place, Sentence
from sitroom.stages import Stage
from sitroom.stages.locate_holders import _abroad, _held_first, _hosted
from sitroom.stages.locate_levels import (
    COARSE,
    NATIONAL,
    SPECIFICITY,
    SUBNATIONAL,
    _close,
    _rank,
    country_support,
)
from sitroom.stages.locate_syntax import (
    _ACTOR_AFTER,
    _GOVERNMENT,
    _place_head,
    _seized_place,
    _syntax,
    _token_at,
)
from sitroom.stages.place_holders import approximated_from

NEAR_PREPS = frozenset({"near", "outside", "around", "towards", "toward"})


class LocateStage(Stage):
    name = "locate"
    reads = ("places", "incidents", "parses", "sentences")
    writes = ("incidents.location",)

    def process_one(self, item: Analysis) -> None:
        for incident in item.incidents:
            locate(item, incident)
            _explain_approximate(item, incident)
            _at_seat(incident)


def _at_seat(incident: Incident) -> None:
    """An incident known only to a province ("killed in Baghlan province") is coded at
    the province's main town, as conflict coders do (ACLED codes a first-level area's
    events at its capital): its centre is often empty land far from where people live."""
    place = incident.location
    if place is None or place.feature != "admin1" or not place.country:
        return
    seat = Gazetteer.load().seat(place.name, place.country)
    if seat is None:
        return
    incident.location = replace(place, lat=seat.lat, lon=seat.lon)
    note = incident.notes.get("location", "")
    incident.notes["location"] = f"{note}; coded at its main town {seat.name}"


def _explain_approximate(item: Analysis, incident: Incident) -> None:
    """An "approximate" place (a name the gazetteer lacks) says whose coordinates it has."""
    place = incident.location
    note = incident.notes.get("location", "")
    if place is None or place.feature != "approximate" or "coordinates of" in note:
        return
    host = approximated_from(place, item.places)
    where = repr(host.mention) if host is not None else "a nearby named place"
    incident.notes["location"] = f"{note}; not in the gazetteer: coordinates of {where}"


def locate(item: Analysis, incident: Incident) -> None:
    """Set `incident.location` (and its note) from the article's places; a following
    sentence that says where it happened ("The incident occurred at X") has the last word."""
    _locate(item, incident)
    coded = _coded_place(item, incident)
    if coded is not None:
        _set(incident, coded, "the place the text says it is coded to")
        return
    stated = _stated_place(item, incident)
    if stated is None:
        return
    place, why = stated
    if _improves(place, incident.location):
        _set(incident, place, why)


def _improves(place: Place, current: Place | None) -> bool:
    """The stated place replaces a missing, unresolved, coarser or as fine choice."""
    if current is None or not current.resolved or _rank(place) >= _rank(current):
        return True
    return current.feature in COARSE and place.feature not in COARSE


_CODED_TO = re.compile(r"\bcoded\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def _coded_place(item: Analysis, incident: Incident) -> Place | None:
    """A coder's note names the point it is coded to ("Location coded to Thiou", "(coded
    to Bol, Lac)") in the incident's sentence or the next two: that is the answer."""
    s = item.sentence_of(incident.trigger.start)
    if s < 0:
        return None
    last = item.sentences[min(s + 2, len(item.sentences) - 1)].end
    text = item.article.text
    support = country_support(item.places)
    for place in item.places:
        start = place.start or 0
        if (
            item.sentences[s].start <= start < last
            and place.resolved
            and _CODED_TO.search(text[max(0, start - 20) : start])
            and not _stray(place, support)
        ):
            return place
    return None


def _stray(place: Place, support: Counter[str]) -> bool:
    """A place in a country no other name of the text supports while another country
    is named more: a namesake ("coded to Bol" read as Bolivia in a Chad note)."""
    if not support or support[place.country or ""] > 1:
        return False
    return max(support.values()) > support[place.country or ""]


_OCCURRED = re.compile(
    r"^\W*(?:(?:the|this|that)\s+(?:[\w'-]+\s+){0,3}?(?:incident|attack|attacks|killings?|"
    r"fighting|clash(?:es)?|massacre|murder|ambush|explosion|blast|bombing|raid|violence|"
    r"shooting|assault|abduction|kidnapping|strike|airstrike|shelling)|it)"
    r"(?:,[^,]{1,60},)?\s+(?:reportedly\s+|allegedly\s+)?(?P<verb>occurred|happened|"
    r"took(?=\s+place\b)|unfolded)\b",
    re.IGNORECASE,
)


def _stated_place(item: Analysis, incident: Incident) -> tuple[Place, str] | None:
    """ "Six people were killed in Nasarawa. The incident occurred at Gidan Adamu, a
    community 20 km from Lafia": the sentence right after the incident's that says where
    it happened (itself no new incident) names its place."""
    if incident.notes.get("mention") == "anaphoric":
        return None
    s = item.sentence_of(incident.trigger.start)
    if s < 0 or s + 1 >= len(item.sentences):
        return None
    owners = [
        i
        for i in item.incidents
        if i is not incident and item.sentence_of(i.trigger.start) == s + 1
    ]
    if any(_claims_sentence(item, i) for i in owners):
        return None
    sentence = item.sentences[s + 1]
    found = _OCCURRED.match(sentence.text)
    if found is None:
        return None
    verb = found.group("verb").split()[-1]
    start = sentence.start + found.end("verb") - len(verb)
    trigger = replace(incident.trigger, text=verb, start=start, end=start + len(verb))
    pseudo = replace(incident, trigger=trigger)
    best = _best_in_sentence(item, pseudo, s + 1, nearby=True)
    if best is None or any(w in best[1] for w in ("the dateline", "another event", "where it")):
        return None
    return best[0], f"{best[1]}, where the next sentence says it happened"


def _claims_sentence(item: Analysis, other: Incident) -> bool:
    """Another mention in the occurrence sentence is a new incident of its own unless it
    is the occurrence's own subject ("The attack took place ...")."""
    sentence = item.sentences[item.sentence_of(other.trigger.start)]
    found = _OCCURRED.match(sentence.text)
    return found is None or other.trigger.start > sentence.start + found.end()


def _locate(item: Analysis, incident: Incident) -> None:
    """The place named for the incident in its own sentences, else around it."""
    sent = item.sentence_of(incident.trigger.start)
    order = [sent] if sent >= 0 else []
    order += [s for s in incident.sentences if s not in order]
    anaphoric = incident.notes.get("mention") == "anaphoric" and any(
        other is not incident and other.trigger.start < incident.trigger.start
        for other in item.incidents
    )  # with no earlier incident there is no antecedent to hold the place
    dateline: tuple[Place, str] | None = None  # where the reporter filed: a last resort
    for n, s in enumerate(order):
        best = _best_in_sentence(item, incident, s)
        if best is not None and "the dateline" in best[1]:
            dateline = dateline or (best[0], f"{best[1]}, a last resort")
            best = _best_in_sentence(item, incident, s, skip_dateline=True)
            if best is None or best[0].feature in NATIONAL:
                continue  # beside the dateline, a province or town of the sentence holds
        if best is not None and _PEOPLE in best[1]:
            dateline = dateline or (best[0], f"{best[1]}, a last resort")
            continue  # "52 Palestinians and 23 Israeli soldiers were killed"
        if best is not None and anaphoric and "attached to the trigger" not in best[1]:
            incident.location = None  # "That strike came a day after ... Baghdad said"
            incident.notes["location"] = "anaphoric mention: its antecedent's place holds"
            return
        if best is not None:
            place, why = best
            where = "the trigger's sentence" if n == 0 else f"incident sentence {s}"
            if _nationwide(item.article.text, place):
                _set(incident, place, f"{why}, nationwide, in {where}")
                return
            finer = _finer(item, incident, place, s, order)
            if finer is None and _is_reference(item.article.text, place):
                finer = _beside(item, incident, place, s, order)
            if finer is not None:
                _set(incident, finer[0], f"{finer[1]}, inside {place.mention!r} of {where}")
                return
            _set(incident, place, f"{why} in {where}")
            return
    start = min(order) if order else item.sentence_of(incident.trigger.start)
    for s in range(start - 1, max(-1, start - 4), -1):
        best = _best_in_sentence(item, incident, s, nearby=True)
        if best is not None and "the dateline" not in best[1]:
            _set(incident, best[0], f"nearest preceding place (sentence {s}): {best[1]}")
            return
    text = item.article.text
    main = main_place([p for p in item.places if not _in_dateline(text, p)], least=2)
    if main is not None and (dateline is None or main.country == dateline[0].country):
        _set(incident, main, "the article's main place (no place named for the incident)")
        return
    if dateline is not None:
        _set(incident, *dateline)
        return
    main = main_place(item.places)
    if main is not None:
        _set(incident, main, "the article's main place (no place named for the incident)")
        return
    incident.location = None
    incident.notes["location"] = "no place named in the article"


DISTANCE_SCALE = 150.0  # characters between trigger and place that cost one point
REGION_KM = 200.0  # a town this close to a region's centre may lie in it


def _finer(
    item: Analysis, incident: Incident, coarse: Place, s: int, order: list[int]
) -> tuple[Place, str] | None:
    """When the best place is only a country or region ("killed in eastern Ukraine"), a
    town inside it named in the same sentence ("in Balkh province in north Afghanistan"),
    the incident's other sentences or right around ("The deaths came in Horlivka") is the
    more specific place, unless another incident owns that sentence."""
    if coarse.feature not in COARSE or not coarse.country:
        return None
    others = _owned(item, incident)
    around = [t for t in (s + 1, s + 2, s - 1, s - 2) if t not in others and t not in order]
    near = [s] + [x for x in order if x != s] + around  # its own sentence first
    rest: list[int] = []
    if coarse.feature in NATIONAL | SUBNATIONAL:  # its centre is nowhere: any place in it
        rest = sorted(
            (t for t in range(len(item.sentences)) if t not in near), key=lambda t: abs(t - s)
        )
    for group, towns in ((near, True), (rest, True), (near, False), (rest, False)):
        for t in group:  # a town anywhere in the text before a province's centre
            best = _best_in_sentence(item, incident, t, nearby=True, within=coarse, towns=towns)
            if best is not None:
                return best[0], f"{best[1]} (sentence {t})"
    return None


def _owned(item: Analysis, incident: Incident) -> set[int]:
    """The sentences another incident is told in, leaving out those whose incident is a
    definite description opening the sentence ("The blast, which collapsed the roof of a
    mosque in Musayyib, ..."): that is this incident again."""
    out = set()
    for other in item.incidents:
        if other is incident:
            continue
        t = item.sentence_of(other.trigger.start)
        if t < 0:
            continue
        before = item.article.text[item.sentences[t].start : other.trigger.start]
        if not (_DEFINITE.fullmatch(before) and _is_noun(item, other, t)):
            out.add(t)
    return out


def _is_noun(item: Analysis, incident: Incident, s: int) -> bool:
    """The trigger is a noun ("The blast, which ..."), not the verb of a definite subject
    ("The group seized Mosul")."""
    parse = item.parses.get(s)
    if parse is None:
        return False
    tok = _token_at(parse, incident.trigger.start - item.sentences[s].start)
    return tok is not None and tok.pos_ in ("NOUN", "PROPN")


_DEFINITE = re.compile(r"\W*(?:the|this|that)\s+(?:[\w'-]+\s+){0,2}", re.IGNORECASE)


_ACROSS = re.compile(r"\b(?:across|throughout|all over|around|nationwide in)\s+(?:the\s+)?$")


def _nationwide(text: str, place: Place) -> bool:
    """ "Attacks across Iraq killed 30": a tally over the whole country stays there."""
    if place.feature != "country" or place.start is None:
        return False
    return _ACROSS.search(text[max(0, place.start - 20) : place.start]) is not None


def _reference_before(before: str) -> re.Match[str] | None:
    """The words before a place make it a reference point ("a mosque south of"), unless
    they put the event in a part of it ("in west of Kismayo")."""
    found = _REFERENCE.search(before)
    if found is None or _IN_PART.search(before[: found.start()]):
        return None
    return found


_IN_PART = re.compile(r"\b(?:in|on)\s+(?:the\s+)?$", re.IGNORECASE)


def _is_reference(text: str, place: Place) -> bool:
    """ "south of Baghdad", "120 km from Kirkuk": a point the place is measured from;
    not so when the stated distance is short ("15 km southwest of Kismayo")."""
    start = place.start or 0
    found = _reference_before(text[max(0, start - 60) : start])
    if found is None:
        return False
    figure = re.match(r"(\d[\d.,]*)\s*(km|kilomet\w*|mi\w*)", found.group(0), re.IGNORECASE)
    if figure is None:
        return True
    km = float(figure.group(1).replace(",", "")) * (
        1.6 if figure.group(2)[:2].lower() == "mi" else 1
    )
    return km > NEAR_KM


NEAR_KM = 40.0  # "15 km southwest of Kismayo": at that place for our purposes


REFERENCE_KM = 400.0  # "north of Baghdad": the town meant may lie this far off


def _beside(
    item: Analysis, incident: Incident, ref: Place, s: int, order: list[int]
) -> tuple[Place, str] | None:
    """The best place was only a reference point ("a mosque south of Baghdad"): a town
    near it named in the incident's other sentences or the next ones ("The blast
    brought down the roof of a mosque in Mahmudiyah") is where it happened."""
    others = _owned(item, incident)
    later = [t for t in (s + 1, s + 2) if t not in others and t not in order]
    for t in [x for x in order if x != s] + later:
        best = _best_in_sentence(item, incident, t, nearby=True)
        if best is None:
            continue
        place = best[0]
        if (
            place.feature not in COARSE
            and place.name != ref.name
            and _close(place, ref, REFERENCE_KM)
        ):
            return place, f"{best[1]} (sentence {t}), beside the reference point"
    return None


def _inside(place: Place, coarse: Place) -> bool:
    """A resolved place finer than `coarse` that may lie in it: a town in its country
    (or near a region's centre, inside its first-level area); under a whole country a
    province or region counts too ("killed in eastern Afghanistan ... in a district
    of Ghazni province")."""
    national = coarse.feature in NATIONAL
    finer = place.feature not in COARSE or (national and place.feature in SUBNATIONAL)
    return (
        place.resolved
        and finer
        and place is not coarse
        and place.country == coarse.country
        and (coarse.feature != "admin1" or place.admin1 in (None, coarse.admin1))
        and (national or _close(place, coarse, REGION_KM))
    )


def _set(incident: Incident, place: Place, why: str) -> None:
    incident.location = place
    incident.notes["location"] = f"{place.mention!r}: {why}"


def _best_in_sentence(
    item: Analysis,
    incident: Incident,
    s: int,
    nearby: bool = False,
    within: Place | None = None,
    towns: bool = False,
    skip_dateline: bool = False,
) -> tuple[Place, str] | None:
    if s < 0 or s >= len(item.sentences):
        return None
    sentence = item.sentences[s]
    places = [
        p for p in item.places if p.start is not None and sentence.start <= p.start < sentence.end
    ]
    if skip_dateline:
        places = [p for p in places if not _in_dateline(item.article.text, p)]
    places = [p for p in places if not _in_organisation(item, p)]
    if nearby:
        places = [p for p in places if p.feature != "demonym"]
    elif within is None and s == item.sentence_of(incident.trigger.start):
        seized = _seized_place(item, incident, s, places)
        if seized is not None:
            places = [*places, seized]
    if within is not None:
        text = item.article.text
        places = [
            p
            for p in places
            if _inside(p, within)
            and not _is_reference(text, p)
            and not (towns and p.feature in SUBNATIONAL)
        ]
    if not places:
        return None
    parse = item.parses.get(s)
    support = country_support(item.places)
    elsewhere = frozenset(i.trigger.start for i in item.incidents if i is not incident)
    scored = [(_score(p, incident, sentence, parse, places, support, elsewhere), p) for p in places]
    scored = [
        (v, p)
        for v, p in scored
        if not (p.feature in NATIONAL and "names the actor" in v[1])
        and _GOVERNMENT not in v[1]
        and "describes an actor" not in v[1]
    ]
    # "Kenyan officers fought gangs near the port", "which Islamabad accuses": the country
    # or its capital acted, no place is named
    if not scored:
        return None
    scored.sort(key=lambda sp: -sp[0][0])
    (_value, why), place = _held_first(item.article.text, scored, places)
    place = _with_precision(place, parse, sentence.start)
    hosted = _hosted(item, place, places)
    if hosted is not None:
        return hosted[0], f"{why}; {hosted[1]}"
    if not place.resolved:
        same = next((p for p in item.places if p.name == place.name and p.resolved), None)
        if same is not None:  # "recaptured Hawija" when "the town of Hawija" was resolved
            resolved = replace(
                place,
                admin1=same.admin1,
                country=same.country,
                lat=same.lat,
                lon=same.lon,
                geonames_id=same.geonames_id,
                feature=same.feature,
            )
            return resolved, f"{why}; resolved where the text names it again"
        place, why = _borrow(place, [p for _, p in scored[1:]], why)
    return place, why


def _in_organisation(item: Analysis, place: Place) -> bool:
    """A country inside an organisation's name ("the United Kingdom Maritime Trade
    Operations agency", "the Somali National Army") names who, not where."""
    if place.feature not in NATIONAL or place.start is None or place.end is None:
        return False
    return any(
        ent.label_ == "ORG"
        and ent.start_char <= place.start
        and place.end <= ent.end_char
        and ent.end_char - ent.start_char > place.end - place.start
        for ent in item.doc.ents
    )


_NOT_HERE = ("where another event", "where it was")


def _borrow(place: Place, others: list[Place], why: str) -> tuple[Place, str]:
    """A named spot the gazetteer does not know ("the village of Ashmi in the countryside
    of Kobane") takes the coordinates of the best resolved place named with it."""
    for other in others:
        if other.resolved and other.feature not in ("demonym", "continent"):
            precision = 3 if other.precision == 3 else 2
            borrowed = replace(
                place,
                admin1=other.admin1,
                country=other.country,
                lat=other.lat,
                lon=other.lon,
                precision=precision,
                feature="approximate",
            )
            return borrowed, f"{why}; coordinates of {other.mention!r}"
    return place, why


def _score(
    place: Place,
    incident: Incident,
    sentence: Sentence,
    parse: Any,
    others: list[Place],
    support: Counter[str] | None = None,
    elsewhere: frozenset[int] = frozenset(),
) -> tuple[float, str]:
    feature = place.feature or "unresolved"
    value = 1.5 * SPECIFICITY.get(feature, 2.4)
    reasons = [feature]
    if place.feature in ("country", "admin1", "region") and any(
        o is not place
        and o.country == place.country
        and o.feature not in _COARSE
        and (place.feature != "admin1" or not o.admin1 or o.admin1 == place.admin1)
        and not _reference_before(sentence.text[: (o.start or 0) - sentence.start])
        and not _elsewhere(o, incident, sentence.start, parse, elsewhere)
        for o in others
    ):  # "in Logar province south of Kabul": Kabul lies outside it
        value -= 1.0
        reasons.append("contains another named place")
    before = sentence.text[: (place.start or 0) - sentence.start]
    after = sentence.text[(place.end or 0) - sentence.start :]
    if _reference_before(before) and len(others) > 1:
        value -= 2.0
        reasons.append("a reference point")
    line = before[before.rfind("\n") + 1 :]
    dateline = DATELINE.match(line + (place.mention or "") + after)
    if dateline is not None and len(line) < dateline.end():
        value -= 4.0  # "LAHORE, Pakistan —": where the reporter filed, a last resort
        reasons.append("the dateline")
    if _SPEAKS_AFTER.match(after) and not _PREP_BEFORE.search(before):
        value -= 2.0  # "which Islamabad accuses of planning attacks": a government
        reasons.append(_GOVERNMENT)
    if _ATTRIBUTE.match(after) or _BASED_IN.search(before):
        value -= 4.0
        reasons.append("describes an actor")  # "Saudi-led", "Iran-backed", "Lahore-based"
    if _names_road(place, after) and any(_town_rival(o, place, sentence) for o in others):
        value -= 3.0  # "on the Fada N'Gourma-Kantchari road near Diapaga": a road's name
        reasons.append("names a road")
    if support is not None and _abroad(place, support):
        value -= 2.0
        reasons.append("in a country the text does not otherwise name")
    distance = abs((place.start or 0) - incident.trigger.start)
    value -= min(distance, 400) / DISTANCE_SCALE
    lo, hi = sorted((place.start or 0, incident.trigger.start))
    if "\n" in sentence.text[lo - sentence.start : hi - sentence.start]:
        value -= 3.0  # another paragraph: the sentence splitter missed a break
        reasons.append("another paragraph")
    if place.feature == "demonym" and _ACTOR_AFTER.match(after):
        value -= 1.0
        reasons.append(_PEOPLE)
    trigger = _token_at(parse, incident.trigger.start - sentence.start) if parse else None
    if trigger is None and place.feature in NATIONAL and _ACTOR_AFTER.match(after):
        value -= 2.0  # "since US troops withdrew" told before the incident's sentence
        reasons.append("names the actor, not the place")
    if parse is not None:
        bonus, why = _syntax(place, incident, sentence.start, parse, elsewhere)
        value += bonus
        if why:
            reasons.append(why)
    return value, ", ".join(reasons)


def _elsewhere(
    place: Place, incident: Incident, offset: int, parse: Any, elsewhere: frozenset[int]
) -> bool:
    """The place is where another event of the sentence happened or where it was told
    ("killed 19 in Iraq, and bodies were found shot dead in Baghdad")."""
    if parse is None:
        return False
    _bonus, why = _syntax(place, incident, offset, parse, elsewhere)
    return why.startswith(_NOT_HERE)


_PEOPLE = "describes people"
_BASED_IN = re.compile(  # "the government, which is based in Aden, called the attack"
    r"\b(?:based|headquartered|stationed|exiled)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE
)
_SPEAKS_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:accuse[sd]?|blame[sd]?|denie[sd]|deny|claim(?:s|ed)?|"
    r"warn(?:s|ed)?|insist(?:s|ed)?|vow(?:s|ed)?|threaten(?:s|ed)?|says|said|condemn(?:s|ed)?)\b"
)
_PREP_BEFORE = re.compile(r"\b(?:in|at|from|of|near|to|on)\s+(?:the\s+)?$", re.IGNORECASE)
_COARSE = frozenset({"country", "continent", "demonym", "sea", "unresolved", "approximate"})
_ATTRIBUTE = re.compile(
    r"[-\u2010\u2011]\s?(?:led|backed|based|born|allied|sponsored|supported|aligned|funded|"
    r"trained|made|run|owned|controlled|linked)\b",
    re.IGNORECASE,
)


_ROAD = re.compile(
    r"(?:\s?[-\u2013/]\s?(?:[A-Z][\w'.]*\s?){1,3})?\s+(?:road|highway|route|street|avenue|"
    r"axis|expressway|motorway|bypass|corridor)\b",
    re.IGNORECASE,
)


def _names_road(place: Place, after: str) -> bool:
    """ "the Kano-Katsina road", "the Zaria Road bus station": a road's name."""
    last = (place.mention or "").split()[-1:]
    return _ROAD.match(after) is not None or (bool(last) and _ROAD.match(" " + last[0]) is not None)


def _town_rival(other: Place, place: Place, sentence: Sentence) -> bool:
    """Another town-level place of the sentence that names no road itself."""
    if other is place or other.feature in COARSE or other.end is None:
        return False
    return not _names_road(other, sentence.text[other.end - sentence.start :])


_REFERENCE = re.compile(
    r"\b(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\b[^,;]{0,30}|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+,?\s+){0,3})$",
    re.IGNORECASE,
)


def _with_precision(place: Place, parse: Any, offset: int) -> Place:
    """Precision 2 when a preposition of proximity governs the place."""
    if place.precision != 1 or parse is None:
        return place
    head = _place_head(parse, place, offset)
    if head is not None and head.dep_ == "pobj" and head.head.lower_ in NEAR_PREPS:
        return replace(place, precision=2)
    return place


def _in_dateline(text: str, place: Place) -> bool:
    """ "MOGADISHU, Somalia \u2014": a name in the line's opening dateline."""
    start = place.start or 0
    line_start = text.rfind("\n", 0, start) + 1
    found = DATELINE.match(text[line_start : line_start + 90])
    return found is not None and start < line_start + found.end()


def main_place(places: list[Place], least: int = 1) -> Place | None:
    """The article's most mentioned specific resolved place (a city or site over an
    area; the first mention breaks ties); a country only when nothing finer is named;
    None when it is named fewer than `least` times."""
    usable = [p for p in places if p.resolved and p.feature != "demonym"]
    if not usable:
        return None
    fine = [p for p in usable if SPECIFICITY.get(p.feature or "", 2.4) >= 2.0]
    pool = fine or usable
    counts = Counter((p.name, p.lat, p.lon) for p in pool)
    best = max(pool, key=lambda p: (counts[(p.name, p.lat, p.lon)], -(p.start or 0)))
    return best if counts[(best.name, best.lat, best.lon)] >= least else None
