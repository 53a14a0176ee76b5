"""Place stage: every toponym in the article, resolved against the gazetteer.

Recognition: the NER's GPE/LOC/FAC entities (and ORG/PERSON/NORP ones that are plainly
places: a country, or a town the text introduces as one); adjectives of countries and
regions ("Iraqi", "Kurdish", "European": coded as toponyms by the GeoWebNews and TR-News
guidelines, while plural peoples, "Iraqis", are not); place names inside organisation
names ("Kentucky Fish and Wildlife"); capitalised words the NER missed when the gazetteer
knows them as a country, region or large city, or when the text marks them as places
("the Aziziyah district", "the village of Ashmi", "Tsonye (Agatu, Benue)", "Long Beach,
CA", "Gwoza, a town in Borno State"); districts named by their type word ("Wase local
government area", "Kurram Agency"); entities the NER ran over a list ("Abadam, Borno")
split into their parts; and "the capital", "the Iraqi capital", "Somalia's capital" as
that capital city.

Resolution, in two passes: each name is first ranked by its prior alone (countries,
continents and seas first, then by population); the countries and first-level areas of
the first-pass winners form the article's context, which then re-ranks every name.
"X, Y", "X in Y", "X village of Y district", "X (Y, Z)" confine X to Y ("Springfield,
Illinois"); a small town found only outside Y is a namesake and is dropped. "Y province"
prefers administrative areas. A small town or district in a country the text never
names, when it names others ("Gaya" in a story about Adamawa State), is a namesake: the
same name in a named country wins, else the name counts as unknown. A name the
gazetteer lacks ("Al-Bayaa", "Third Street") is kept with feature "approximate" and the
coordinates of the finest known area holding it ("X in Y of Z") or else the nearest
resolved town, precision 2 (3 when that is a province or region); with no such place it
stays feature "unresolved" without coordinates. No name ever blocks the others.

Precision: 3 for a country, first-level subdivision or other area, 2 when the text says
"near X", "outside X", "north of X", 1 otherwise.

This module holds the stage and its two steps; the work lives in `place_recognition`
(finding the spans), `place_resolution` (choosing a gazetteer candidate),
`place_holders` (which place holds which, and the fallback to the holder) and
`place_names` (the `Mention` type and the name look-ups both steps share).
"""

from __future__ import annotations

from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.model import Analysis
from sitroom.stages import Stage
from sitroom.stages.place_recognition import find_mentions
from sitroom.stages.place_resolution import resolve_mentions

__all__ = ["PlaceStage"]


class PlaceStage(Stage):
    name = "places"
    reads = ("doc", "sentences")
    writes = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = Gazetteer.load()
        return self._gaz

    def process_one(self, item: Analysis) -> None:
        mentions = find_mentions(item.doc, self.gazetteer)
        item.places = resolve_mentions(item.article.text, mentions, self.gazetteer)
