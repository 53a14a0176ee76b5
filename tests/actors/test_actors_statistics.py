from actor_helpers import incident_at, seed_text

from sitroom.stages.statistics import StatisticStage
from sitroom.stages.tolls import TollStage


def test_seed_statistics_and_tolls(parse) -> None:
    text, published = seed_text()
    item = parse(text, published)
    salvoes = incident_at(item, "launched", "Shelling/artillery/missile attack")
    strike = incident_at(item, "self-defence strike", "Air/drone strike")
    drone = incident_at(item, "targeted", "Air/drone strike")
    hamas = incident_at(item, "unprecedented attack", "Armed clash")
    item.incidents = [salvoes, strike, drone, hamas]
    TollStage().process([item])
    StatisticStage().process([item])
    assert item.error is None
    tolls = [(i.fatalities, i.injured) for i in item.incidents]
    assert tolls == [(0, 0), (5, None), (0, 0), (1200, None)]
    got = {(s.quantity, s.unit): s for s in item.statistics}
    for key in [
        (78, "attacks"),
        (80, "attacks"),
        (60, "wounded"),
        (2500, "troops"),
        (900, "troops"),
        (17177, "killed"),
        (1200, "killed"),
        (240, "hostages"),
    ]:
        assert key in got, key
    assert got[(78, "attacks")].qualifier == "at least"
    assert got[(78, "attacks")].by == "Washington"
    assert str(got[(78, "attacks")].since) == "2023-10-17"
    assert got[(60, "wounded")].by == "the Pentagon"
    assert got[(17177, "killed")].by == "the territory’s government"
    assert str(got[(17177, "killed")].since) == "2023-10-07"  # "since the crisis began on"
    assert str(got[(60, "wounded")].since) == "2023-10-17"
    assert got[(2500, "troops")].qualifier == "roughly"
    assert got[(900, "troops")].qualifier == "about"
    assert got[(240, "hostages")].by == "Israeli officials"
    assert len(item.statistics) <= 10


def test_statistics_words_wars_and_populations(parse) -> None:
    import datetime as dt

    text = (
        "Seven-point-one million people in need depend on aid. "
        "That agreement ended a war that lasted three years and killed 100,000 people. "
        "The country of about 250 million people votes next week."
    )
    item = parse(text, dt.date(2024, 1, 10))
    StatisticStage().process([item])
    got = {(s.quantity, s.unit) for s in item.statistics}
    assert (7_100_000, "people") in got
    assert (100_000, "killed") in got
    assert not any(s.quantity == 250_000_000 for s in item.statistics)
