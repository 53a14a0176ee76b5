from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.knowledge.numbers import find_numbers, has_aggregate_cue, parse_number
from sitroom.knowledge.reporting import reported_by


def values(text: str) -> list[tuple[float | None, str | None]]:
    return [(n.value, n.qualifier) for n in find_numbers(text)]


def test_digits_words_and_qualifiers() -> None:
    assert values("at least 12 people") == [(12, "at least")]
    assert values("roughly 2,500 troops") == [(2500, "roughly")]
    assert values("twenty-five villagers") == [(25, None)]
    assert values("two hundred and five") == [(205, None)]
    assert values("1.2 million people") == [(1_200_000, None)]
    assert values("a dozen soldiers") == [(12, None)]
    assert parse_number("half a dozen") == 6


def test_vague_counts_have_no_value() -> None:
    mentions = find_numbers("dozens of people died")
    assert [(m.value, m.vague) for m in mentions] == [(None, True)]


def test_not_numbers() -> None:
    assert values("no one was hurt at 4:15am in a seven-day pause") == []
    assert values("a 25-year-old man") == []
    assert values("killing five and wounding twelve") == [(5, None), (12, None)]


def test_aggregate_cues() -> None:
    assert has_aggregate_cue("the offensive that has killed 17,177 people")
    assert has_aggregate_cue("at least 40 attacks since March")
    assert not has_aggregate_cue("a bomb killed 12 people in the market on Monday")


def test_reported_by() -> None:
    assert reported_by("The raid left 3 dead, the army says.") == "the army"
    assert reported_by("12 died, according to the provincial governor.") == (
        "the provincial governor"
    )
    assert reported_by("“It was them,” said a police spokesman.") == "a police spokesman"
    assert reported_by("A bomb exploded in the market.") is None


WORDS = st.sampled_from(
    [
        "at",
        "least",
        "12",
        "1,200",
        "five",
        "dozens",
        "of",
        "people",
        "killed",
        "no",
        "one",
        "seven-point-one",
        "million",
        "about",
        "a",
        "dozen",
        "4:15am",
        "-",
        ",",
        "2023",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=12))
def test_number_offsets_point_into_the_text(words: list[str]) -> None:
    text = " ".join(words)
    for n in find_numbers(text, offset=5):
        assert text[n.start - 5 : n.end - 5] == n.text
        assert n.lead <= n.start
        assert n.value is None or n.value >= 0
