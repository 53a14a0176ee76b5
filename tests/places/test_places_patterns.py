"""Resolution patterns of the place stage, each on hand-written sentences: which namesake
a name means given the rest of the article, and names the NER mislabels."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Place


def named(places: list[Place], mention: str) -> list[Place]:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not among {[p.mention for p in places]}"
    return hits


def near(place: Place, lat: float, lon: float, km: float = 161.0) -> bool:
    return (
        place.lat is not None
        and place.lon is not None
        and (haversine_km(place.lat, place.lon, lat, lon) <= km)
    )


def test_a_name_placed_by_its_state_keeps_that_sense(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "LONDON, Ky. (WXYZ) - Two people were arrested after a string of car break-ins. "
        "London police said the pair were held overnight. A London officer found the "
        "stolen items."
    ).places
    for p in named(places, "London"):
        assert p.admin1 == "Kentucky", p


def test_a_repeated_name_does_not_outvote_the_town_beside_it(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Nelson residents can now renew permits in town. The new office in Nelson opens "
        "on Monday. Until now people from Nelson had to drive to an office in Castlegar, "
        "the Nelson mayor said."
    )
    for p in named(analyse(text).places, "Nelson"):
        assert p.country == "CAN", p


def test_a_famous_city_keeps_its_name_against_a_village(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "A court in New York awarded damages to mural painters. Councils in London have "
        "started to list their murals, said a consultant with a London firm. Chicago and "
        "Philadelphia protect theirs too."
    )
    for p in named(analyse(text).places, "London"):
        assert p.country == "GBR", p


def test_a_state_beside_its_neighbours_is_no_hamlet(analyse: Callable[[str], Analysis]) -> None:
    text = (
        "Alberta exports more beef to Asia than any other part of Canada. Alberta ranchers "
        "say New South Wales, Victoria and Queensland all sell more, thanks to trade deals."
    )
    queensland = named(analyse(text).places, "Queensland")[0]
    assert queensland.country == "AUS" and queensland.feature == "admin1"


def test_a_list_of_countries_is_not_one_inside_another(
    analyse: Callable[[str], Analysis],
) -> None:
    text = "The trade deal binds Mexico, the US and Canada. Farmers in Mexico fear the change."
    for p in named(analyse(text).places, "Mexico"):
        assert p.feature == "country" and p.country == "MEX", p


def test_the_country_s_capital(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Aid agencies in South Sudan said fighting in the country's capital killed dozens."
    ).places
    capital = named(places, "capital")[0]
    assert capital.name == "Juba"


def test_a_district_of_its_state_is_two_names(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Gunmen killed four farmers in Ganawuri, in the Riyom Local Government Area of "
        "Plateau, on Sunday, police said."
    ).places
    plateau = named(places, "Plateau")[0]
    assert plateau.country == "NGA" and plateau.feature == "admin1"


def test_the_state_after_a_town(analyse: Callable[[str], Analysis]) -> None:
    places = analyse("A baker from Tacoma, Washington shared her recipes on the show.").places
    washington = named(places, "Washington")[0]
    assert washington.feature == "admin1" and near(washington, 47.4, -120.5, 300)


def test_a_town_the_ner_calls_an_organisation_before_its_state(
    analyse: Callable[[str], Analysis],
) -> None:
    places = analyse("The council pointed to Boise, Idaho, which taxes its shops lightly.").places
    boise = named(places, "Boise")[0]
    assert boise.admin1 == "Idaho"


def test_a_place_name_recurs_as_a_place(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Shelling hit the town of Douma overnight, the observatory said. Douma's fall "
        "would end the rebels' hold on the enclave, and Douma is now surrounded."
    ).places
    assert len(named(places, "Douma")) >= 2
    for p in named(places, "Douma"):
        assert p.country == "SYR" or p.feature == "approximate", p


def test_a_surname_is_no_place_even_when_a_town_bears_it(
    analyse: Callable[[str], Analysis],
) -> None:
    places = analyse(
        "Lucy Steele scored twice in Leeds. Steele said the team had trained hard, and "
        "Steele's coach agreed."
    ).places
    assert not [p for p in places if p.mention.startswith("Steele")]


def test_an_upper_case_dateline(analyse: Callable[[str], Analysis]) -> None:
    places = analyse("RALEIGH, N.C. (AP) - A new report shows rising rents in the state.").places
    raleigh = named(places, "RALEIGH")[0]
    assert raleigh.admin1 == "North Carolina"


def test_the_eu_is_coded_like_an_adjective(analyse: Callable[[str], Analysis]) -> None:
    places = analyse("Airlines asked the EU to cut airport charges, an EU official said.").places
    for p in named(places, "EU"):
        assert p.feature == "demonym" and near(p, 50.0, 10.0, 50)


def test_conflict_places_the_cities_lists_lack(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Rebels seized Bunagana, on the border with Uganda, in North Kivu. Fighting also "
        "flared in Kokang, near the Chinese border, and in Ingushetia."
    ).places
    assert near(named(places, "Bunagana")[0], -1.28, 29.59, 20)
    assert named(places, "Kokang")[0].country == "MMR"
    assert named(places, "Ingushetia")[0].country == "RUS"


def test_a_person_s_name_alone_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Yulia Skripal left a hospital in London on Monday. Yulia said she was recovering."
    ).places
    assert not [p for p in places if p.mention == "Yulia"]
    assert named(places, "London")[0].country == "GBR"


def test_provinces_known_by_their_english_names(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Fighting spread from Shabwa to Hadramout, while soldiers died in Orakzai Agency "
        "and gunmen raided a village in Southern Kaduna."
    ).places
    assert named(places, "Shabwa")[0].country == "YEM"
    assert named(places, "Hadramout")[0].country == "YEM"
    assert named(places, "Orakzai Agency")[0].country == "PAK"
    assert named(places, "Southern Kaduna")[0].country == "NGA"


def test_a_town_filed_under_its_old_state(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "Youths attacked farming villages in Takum local government area of Taraba state, "
        "killing nine people."
    ).places
    takum = named(places, "Takum")[0]
    assert takum.feature == "city" and near(takum, 7.27, 9.98, 10)


def test_adjectives_behind_a_prefix_and_countries_in_amounts(
    analyse: Callable[[str], Analysis],
) -> None:
    places = analyse(
        "The embassy condemned the anti-Russian campaign. A court fined the company two "
        "million US dollars."
    ).places
    assert named(places, "Russian")[0].country == "RUS"
    assert named(places, "US")[0].country == "USA"


def test_a_holy_book_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(
        "A crowd attacked a shopkeeper accused of burning pages of the Quran in a village "
        "near Gujranwala on Friday, police said."
    ).places
    assert [p.mention for p in places] == ["Gujranwala"]


def test_a_country_acronym_needs_capitals(analyse: Callable[[str], Analysis]) -> None:
    lower = analyse("Car bomb kills four near a checkpoint in Baidoa, officials say.").places
    assert "Car" not in [p.mention for p in lower]
    upper = analyse("Rebels attacked a convoy in the north of CAR on Monday.").places
    assert [p.country for p in upper if p.mention == "CAR"] == ["CAF"]
