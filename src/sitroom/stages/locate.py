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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from sitroom.knowledge.datelines import DATELINE
from sitroom.knowledge.gazetteer import distance_km
from sitroom.model import Analysis, Incident, Place, Sentence
from sitroom.stages import Stage

PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "on", "across", "around", "into", "within",
     "throughout", "onto", "along", "over", "off", "between", "towards", "toward", "of"}
)  # fmt: skip
AWAY_PREPS = frozenset({"from", "to"})
NEAR_PREPS = frozenset({"near", "outside", "around", "towards", "toward"})
PERSON_HEADS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister",
     "president", "driver", "resident", "residents", "native", "man", "woman", "journalist",
     "correspondent", "reporter", "source", "sources", "ambassador", "envoy", "leader",
     "commander", "governor", "people", "ministry", "government", "authorities", "agency",
     "army", "forces", "troops", "police", "military", "embassy", "media", "television",
     "newspaper", "office", "statement", "citizen", "citizens", "national", "nationals"}
)  # fmt: skip
SPECIFICITY = {
    "base": 3.0,
    "camp": 3.0,
    "embassy": 3.0,
    "site": 3.0,
    "zone": 2.8,
    "crossing": 2.8,
    "city": 2.6,
    "unresolved": 3.0,  # named, yet unknown to the gazetteer: mostly villages, quarters
    "approximate": 3.0,  # the same, with its enclosing or nearest town's coordinates
    "admin2": 2.0,
    "district": 2.0,
    "river": 1.6,
    "mountain": 1.6,
    "region": 1.4,
    "admin1": 1.4,
    "desert": 1.4,
    "sea": 1.0,
    "country": 0.8,
    "continent": 0.0,
    "demonym": -1.5,
}


class LocateStage(Stage):
    name = "locate"
    reads = ("places", "incidents", "parses", "sentences")
    writes = ("incidents.location",)

    def process_one(self, item: Analysis) -> None:
        for incident in item.incidents:
            locate(item, incident)
            _explain_approximate(item, incident)


def _explain_approximate(item: Analysis, incident: Incident) -> None:
    """An "approximate" place (a name the gazetteer lacks) says whose coordinates it has."""
    from sitroom.stages.places import approximated_from

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
COARSE = frozenset(
    {"country", "continent", "admin1", "region", "demonym", "sea", "desert", "mountain", "river"}
)


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


NATIONAL = frozenset({"country", "demonym"})
SUBNATIONAL = frozenset({"admin1", "region"})


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


def _close(a: Place, b: Place, km: float) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


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
HELD_MARGIN = 3.0  # how much a town may trail the area named as holding it and still win
_PART_OF = re.compile(  # lower case: "the Urozgan District of X" names the district itself
    r"(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:neighbou?rhoods?|districts?|suburbs?|quarters?)"
    r"\s+of\s+(?:the\s+)?"
)


def _part_of(text: str, holder: Place, part: Place) -> bool:
    """ "the south Baghdad neighbourhood of Al-Bayaa", "Baghdad's southern district of
    Saiydiah": the holder is named first, its part after it."""
    if holder.end is None or part.start is None or part.start < holder.end:
        return False
    if part.feature in COARSE or holder.feature not in _TOWNLIKE | {"city"}:
        return False
    return _PART_OF.fullmatch(text[holder.end : part.start]) is not None


def _held_first(
    text: str, scored: list[tuple[tuple[float, str], Place]], places: list[Place]
) -> tuple[tuple[float, str], Place]:
    """ "captured the town of Kawlin, in northern Sagaing": the best place is only the area
    named as holding another candidate, which is where it happened."""
    (value, _why), best = scored[0]
    for (other_value, other_why), other in scored[1:]:
        if (
            other.feature not in COARSE
            and "names a road" not in other_why
            and value - other_value <= HELD_MARGIN
            and (any(h is best for h in _chain(text, other, places)) or _part_of(text, best, other))
        ):
            return (other_value, f"{other_why}, held by {best.mention!r}"), other
    return scored[0]


CHAIN_GAP = 60  # characters between a name and the area named as holding it
_LINK = re.compile(r"\b(?:in|of|near|outside)\b|,|'s\b|\(")
_NOT_LINK = re.compile(
    r"[.;:!?\"]|\b(?:and|or|but|from|to|by|while|when|where|who|which|after|before|than|"
    r"with|against|between|said|says|told|km|kilometres|kilometers|miles|"
    r"(?:north|south)(?:east|west)?|east|west|border|road|highway|as|since|because|for|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?<!-)\w{3,}ing|(?<!-)\w{3,}ed|officials?|police|governor|residents|sources|"
    r"authorities|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
_LIST_LINK = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?")
_PEERS = frozenset({"city", "unresolved", "approximate"})


def _same_level(a: Place, b: Place) -> bool:
    """Two names of one kind ("Alaba, Mosafejo"), as a list has, unlike "town, district"."""
    return a.feature == b.feature or (a.feature in _PEERS and b.feature in _PEERS)


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_PARTS_AFTER = re.compile(  # "in Qamishli's southern suburbs": a holder all the same
    r"['\u2019]s\s+(?:[\w-]+\s+)?(?:suburbs?|outskirts|countryside|districts?|neighbou?rhoods?)\b",
    re.IGNORECASE,
)
_FINE_HOSTS = frozenset({"city", "admin2", "district", "base", "camp", "site", "zone"})


def _chain(text: str, place: Place, places: list[Place]) -> list[Place]:
    """The areas named as holding `place`, innermost first: "Kwarbadi village in the
    Gusau district in Nigeria's Zamfara State", "the Ndop market (Ngoketunjia, North-West)"."""
    out: list[Place] = []
    end = place.end or 0
    last = place
    for other in sorted(places, key=lambda p: p.start or 0):
        if other.start is None or other.start < end:
            continue
        between = text[end : other.start]
        peer = _LIST_LINK.fullmatch(between) is not None and (
            between.strip() != "," or _same_level(last, other)
        )  # "Kharkiv, Sumy and Poltava": a list of peers, held (if at all) further on
        if len(between) > CHAIN_GAP or (
            not peer and (not _LINK.search(between) or _NOT_LINK.search(between))
        ):
            break
        if not out and not peer and _POSSESSIVE.match(between):
            break  # "Mogadishu's Hodan district": a part of it, not its holder
        if _part_of(text, last, other):
            break  # "the Baghdad neighbourhood of Al-Bayaa": a part, not a holder
        end = other.end or other.start
        last = other
        if not peer and "capital" not in other.mention.lower():  # "X, the capital of"
            out.append(other)
    after = text[out[-1].end or 0 :] if out else ""
    if out and _POSSESSIVE.match(after) and not _PARTS_AFTER.match(after):
        out.pop()  # "in Kabul, Pakistan's envoy said": an owner, not a holder
    return out


def _hosted(item: Analysis, place: Place, places: list[Place]) -> tuple[Place, str] | None:
    """A village the gazetteer lacks, or a namesake the named areas contradict ("the
    Tepic prison in the city of Iguala" is not the Tepic of another state), takes the
    coordinates of the finest area named as holding it, of the outermost one's country:
    the smallest known district or province beats a far-off town or the country."""
    if place.feature in ("country", "demonym", "continent") or place.start is None:
        return None
    text = item.article.text
    owners = [p for p in places if _part_of(text, p, place)]  # "the Kabul district of X"
    chain = [p for p in owners + _chain(text, place, places) if p.feature != "demonym"]
    known = [p for p in chain if p.resolved and p.feature != "approximate"]
    if not known:
        return None
    country = next((p.country for p in reversed(known) if p.country), None)
    support = country_support(item.places)
    consistent = [p for p in known if p.country == country]
    consistent = [
        p
        for n, p in enumerate(consistent)
        if not any(
            _contradicts(o, p, support) for o in consistent[n + 1 :] if o.feature in SUBNATIONAL
        )
    ]  # "Zango village in Wase LGA of Plateau State": a Wase in another state is a namesake
    if not consistent:
        return None
    host = next((p for p in consistent if p.feature != "country"), None) or consistent[0]
    if _DIRECTED.search(text[max(0, (host.start or 0) - 20) : host.start or 0]):
        host = replace(host, feature="region")  # "in northern Sagaing": an area, no town
    if place.feature == "approximate":
        from sitroom.stages.places import approximated_from

        before = approximated_from(place, item.places)
        if (
            before is not None
            and not _contradicts(host, before, support)
            and _rank(before) >= _rank(host)
            and (_rank(before) > _rank(host) or any(h is before for h in chain))
        ):
            return None  # its own borrowed coordinates are finer (or the host's) and agree
    elif place.resolved and not _contradicts(host, place, support):
        return None
    elif not place.resolved and host.feature == "country":
        return None  # a country says little: the best place named with it may say more
    if (host.lat, host.lon) == (place.lat, place.lon):
        return None
    precision = 2 if host.feature in _FINE_HOSTS else 3
    moved = replace(
        place,
        admin1=host.admin1,
        country=host.country,
        lat=host.lat,
        lon=host.lon,
        geonames_id=None,
        precision=precision,
        feature="approximate",
    )
    return moved, f"coordinates of {host.mention!r}, named as holding it"


def _rank(place: Place) -> float:
    return SPECIFICITY.get(place.feature or "", 2.4)


def _contradicts(host: Place, place: Place, support: Counter[str]) -> bool:
    """The named enclosing area says the resolved place is a namesake elsewhere: another
    country (when the text backs the host's country at least as much), another
    first-level area far off, or a town far off. Gazetteers disagree on borders, so a
    town just across one (a town filed under a neighbouring state) is no contradiction,
    nor is a province whose centre lies far from a town inside it."""
    if host.country != place.country:
        return support[host.country or ""] >= support[place.country or ""]
    if host.feature in _FINE_HOSTS:
        return not _close(host, place, FAR_KM)
    if host.feature == "country" or not (host.admin1 and place.admin1):
        return False
    return host.admin1 != place.admin1 and not _close(host, place, FAR_KM)


_DIRECTED = re.compile(
    r"\b(?:north|south|east|west|central|(?:north|south)[- ]?(?:east|west))(?:ern)?\s+$",
    re.IGNORECASE,
)
FAR_KM = 200.0  # an enclosing area's centre this far from the place cannot hold it


TERRITORIAL = frozenset(
    [
        "capture",
        "seize",
        "take",
        "overrun",
        "shell",
        "bomb",
        "attack",
        "raid",
        "storm",
        "patrol",
        "besiege",
        "enter",
        "recapture",
        "retake",
        "liberate",
        "hit",
        "strike",
        "occupy",
        "surround",
        "invade",
        "loot",
        "burn",
        "torch",
    ]
)
PLACE_ONLY = frozenset(
    [
        "patrol",
        "shell",
        "besiege",
        "occupy",
        "overrun",
        "storm",
        "invade",
        "recapture",
        "retake",
        "liberate",
    ]
)  # what these verbs act on is a place, whatever the NER thought it was
_NOT_NAMES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "PRODUCT", "MONEY"})


def _seized_place(item: Analysis, incident: Incident, s: int, known: list[Place]) -> Place | None:
    """A proper name the trigger acts on ("Eritrea captured Badme", "troops patrolled
    Lhokseumawe") is a place even when the NER missed it."""
    parse = item.parses.get(s)
    offset = item.sentences[s].start
    trigger = _token_at(parse, incident.trigger.start - offset) if parse is not None else None
    if trigger is None or trigger.lemma_.lower() not in TERRITORIAL:
        return None
    for child in trigger.children:
        if child.dep_ != "dobj" or child.pos_ != "PROPN" or child.ent_type_ in _NOT_NAMES:
            continue
        if child.ent_type_ == "PERSON" and trigger.lemma_.lower() not in PLACE_ONLY:
            continue  # "captured Saddam"
        toks = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
        first = min(toks, key=lambda t: t.i)
        start, end = first.idx + offset, child.idx + len(child.text) + offset
        if any(
            p.start is not None and p.end is not None and p.start < end and start < p.end
            for p in known
        ):
            return None
        text = item.article.text[start:end]
        return Place(name=text, mention=text, start=start, end=end, feature="unresolved")
    return None


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


_GOVERNMENT = "stands for its government"
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
_TOWNLIKE = frozenset({"city", "admin2", "district", "approximate"})
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


def country_support(places: list[Place]) -> Counter[str]:
    """How many of the text's place names lie in each country."""
    return Counter(p.country for p in places if p.country and p.resolved)


def _abroad(place: Place, support: Counter[str]) -> bool:
    """A town whose country no other name of the text supports, while another country
    has two or more ("Dar Es Salaam" among places in Darfur): mostly a namesake."""
    if place.feature not in _TOWNLIKE or not place.country or not place.resolved:
        return False
    if support[place.country] > 1:
        return False
    return any(n >= 2 for c, n in support.items() if c != place.country)


_REFERENCE = re.compile(
    r"\b(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\b[^,;]{0,30}|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+,?\s+){0,3})$",
    re.IGNORECASE,
)


def _token_at(parse: Any, char: int) -> Any:
    for tok in parse:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _place_head(parse: Any, place: Place, offset: int) -> Any:
    """The syntactic head of the place's tokens in the sentence parse."""
    toks = [
        t
        for t in parse
        if place.start is not None
        and place.end is not None
        and t.idx + offset < place.end
        and t.idx + len(t.text) + offset > place.start
    ]
    if not toks:
        return None
    inside = set(t.i for t in toks)
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _syntax(
    place: Place,
    incident: Incident,
    offset: int,
    parse: Any,
    elsewhere: frozenset[int] = frozenset(),
) -> tuple[float, str]:
    head = _place_head(parse, place, offset)
    trigger = _token_at(parse, incident.trigger.start - offset)
    if head is None or trigger is None:
        return 0.0, ""
    bonus, why = 0.0, ""
    gov = head.head
    if head.dep_ in ("compound", "amod", "nmod", "poss") and gov.i != head.i:
        if gov.lower_ in PERSON_HEADS or gov.ent_type_ in ("ORG", "PERSON", "NORP"):
            bonus -= 2.0
            why = f"modifies {gov.text!r}"
        elif gov.ent_type_ in ("GPE", "LOC", "FAC") or gov.pos_ == "PROPN":
            bonus -= 0.5  # "Baghdad's Green Zone": the more specific name is the head
    if head.dep_ == "pobj" and gov.lower_ in AWAY_PREPS:
        bonus -= 1.5
        why = f"after {gov.text!r}"
    if head.dep_ == "pobj" and gov.head.lower_ in PERSON_HEADS:
        bonus -= 1.5
        why = f"describes {gov.head.text!r}"
    actor = _is_actor(head, trigger) or (
        place.feature in NATIONAL and (_acts(head) or _leads_event(head))
    )
    if actor:
        bonus -= 2.0
        why = "names the actor, not the place"
    elif _speaks(head):
        bonus -= 2.0
        why = _GOVERNMENT
    path = _path(trigger, head)
    if path is not None:
        steps, preps = path
        if preps & PLACE_PREPS and steps <= 5:
            bonus += 3.0 - 0.3 * steps
            why = why or f"attached to the trigger by {sorted(preps & PLACE_PREPS)[0]!r}"
        elif steps <= 3:
            bonus += 1.0
            why = why or "near the trigger in the parse"
        else:
            bonus -= 0.1 * steps
    owner = _other_clause(trigger, head)
    if owner is not None:
        bonus -= 2.5
        why = why if actor or why == _GOVERNMENT else f"where it was {owner.text!r}"
    elif _other_event(trigger, head, offset, elsewhere):
        bonus -= 2.0
        why = "where another event happened"
    return bonus, why


TEMPORAL = frozenset({"after", "before", "during", "following", "since", "ahead"})


def _after(chain: list[Any], verb: Any) -> bool:
    """The trigger hangs off `verb` by a preposition of time ("abducted ... after a
    gunfight"): the verb's event is another one."""
    for tok in chain:
        if tok.i == verb.i:
            return False
        if tok.lower_ in TEMPORAL and tok.head.i == verb.i:
            return True
    return False


EVENT_VERBS = frozenset(
    {"abduct", "kidnap", "kill", "attack", "ambush", "seize", "capture", "shoot", "bomb",
     "raid", "storm", "hijack", "massacre", "behead", "execute", "loot", "burn"}
)  # fmt: skip


def _other_event(trigger: Any, head: Any, offset: int, elsewhere: frozenset[int]) -> bool:
    """The place hangs off another incident's verb that the trigger does not govern
    ("rescued travellers abducted on the highway after a gunfight near Kachia": the
    highway is where the abduction was), unless the two verbs are coordinated."""
    chain = _ancestors(trigger)
    above = {t.i for t in chain}
    for tok in _ancestors(head)[1:]:
        if tok.i == trigger.i:
            return False
        if tok.i in above and not _after(chain, tok):
            return False  # the trigger's own clause ("killed in a blast in X")
        if tok.pos_ == "VERB":
            if tok.idx + offset not in elsewhere and tok.lemma_.lower() not in EVENT_VERBS:
                return False
            linked = tok.dep_ == "conj" and tok.head.i in (trigger.i, trigger.head.i)
            return not linked and trigger.head.i != tok.i and tok.head.i != trigger.i
    return False


REPORTING = frozenset(
    {"say", "tell", "report", "confirm", "announce", "state", "add", "claim", "quote",
     "disclose", "reveal", "brief", "speak", "deny", "charge", "arraign", "try",
     "prosecute", "sentence", "hospitalize", "hospitalise", "treat", "bury", "flee",
     "evacuate", "transfer", "rush", "take", "bring", "move"}
)  # fmt: skip


def _other_clause(trigger: Any, head: Any) -> Any:
    """The verb of reporting or aftermath whose clause holds the place when that clause
    does not hold the trigger: "police in Lagos said gunmen attacked ...", "they will
    be charged in Nairobi". None when the trigger dominates the place (its own clause,
    however deep) or the place's first verb is another (a coordinated "and wounded")."""
    for tok in _ancestors(head)[1:]:
        if tok.i == trigger.i:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            between = min(head.i, trigger.i) < tok.i < max(head.i, trigger.i)
            return tok if between and tok.lemma_.lower() in REPORTING else None
    return None  # (a parser's "killed ... in Saada, officials said" keeps it)


def _acts(head: Any) -> bool:
    """A country as the active subject of any verb ("Russia launched 24 drones", "Kenyan
    officers fought gangs"): a party to the event, not where it happened."""
    tok = head
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
        return False
    return tok is head or tok.lower_ in PERSON_HEADS or tok.lower_ in ACTOR_HEADS


STATEMENT_VERBS = frozenset(
    {"accuse", "blame", "say", "deny", "claim", "warn", "insist", "vow", "threaten",
     "demand", "urge", "condemn", "allege", "reject", "announce", "call"}
)  # fmt: skip
RELATION_NOUNS = frozenset(
    {"relations", "ties", "talks", "tensions", "tension", "dispute", "rivalry", "war",
     "negotiations", "agreement", "deal", "truce", "ceasefire", "border", "conflict"}
)  # fmt: skip


EVENT_NOUNS = frozenset(
    {"strike", "airstrike", "attack", "shelling", "bombing", "raid", "offensive", "operation",
     "incursion", "invasion", "bombardment", "campaign", "assault", "missile", "drone"}
)  # fmt: skip


def _leads_event(head: Any) -> bool:
    """ "U.S. air strikes on Yemen", "Russian shelling": a country modifying an event
    noun is who carried it out."""
    if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == head.i:
        return False
    return head.head.lemma_.lower() in EVENT_NOUNS


def _speaks(head: Any) -> bool:
    """A place that speaks or accuses ("which Islamabad accuses of planning attacks") or
    is a party to relations ("relations between Islamabad and Kabul"): a government, not
    where it happened."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in STATEMENT_VERBS:
        between = verb.doc[tok.i + 1 : verb.i] if verb.i > tok.i else verb.doc[0:0]
        return verb.i > tok.i and all(t.dep_ in ("aux", "neg", "advmod") for t in between)
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "between" and prep.head.lower_ in RELATION_NOUNS


ACTOR_HEADS = frozenset(
    {"officers", "soldiers", "troops", "fighters", "militants", "rebels", "gunmen",
     "warplanes", "jets", "aircraft", "planes", "drones", "navy", "guards", "militia",
     "militiamen", "police", "policemen", "forces", "force", "army", "coalition"}
)  # fmt: skip

_ACTOR_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(ACTOR_HEADS | PERSON_HEADS)) + r")\b"
)


def _is_actor(head: Any, trigger: Any) -> bool:
    """ "Eritrea captured Badme", "U.S. missiles destroyed", "bombed by Chadian aircraft":
    a subject or agent of the trigger (or a name inside one) is who acted."""
    tok = head
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i != trigger.i:
        return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == trigger.i
    return tok.dep_ in ("nsubj", "agent", "csubj")  # a passive subject is the target


def _ancestors(tok: Any) -> list[Any]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 60:
        chain.append(chain[-1].head)
    return chain


def _path(trigger: Any, head: Any) -> tuple[int, set[str]] | None:
    """Steps between trigger and place in the tree and the prepositions on the way."""
    up_t = _ancestors(trigger)
    up_p = _ancestors(head)
    index_t = {t.i: n for n, t in enumerate(up_t)}
    for n, tok in enumerate(up_p):
        if tok.i in index_t:
            m = index_t[tok.i]
            between = up_p[:n] + up_t[:m]
            preps = {t.lower_ for t in between if t.dep_ == "prep" or t.pos_ == "ADP"}
            return n + m, preps
    return None


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
