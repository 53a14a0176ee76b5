"""Recognition and normalisation rules of the timex stage, on sentences written here."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.stages.times import find_times, normalise, value_date

TUESDAY = dt.date(2024, 3, 12)


def one(text: str, published: dt.date | None = TUESDAY) -> tuple[str, str, str, str | None]:
    found = find_times(text, published)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value, t.mod


def test_bare_weekday_is_latest_on_or_before_publication() -> None:
    assert one("Gunmen attacked the village on Friday.")[1:3] == ("DATE", "2024-03-08")
    assert one("The market was shelled on Tuesday.")[2] == "2024-03-12"


def test_future_weekday_is_the_next_one() -> None:
    assert one("The envoys will meet on Friday.")[2] == "2024-03-15"


def test_last_weekday_is_strictly_before() -> None:
    assert one("Protesters marched last Friday.")[:3] == ("last Friday", "DATE", "2024-03-08")
    assert one("Protesters marched last Tuesday.")[2] == "2024-03-05"


def test_relative_units() -> None:
    assert one("Talks stalled last week.")[:3] == ("last week", "DATE", "2024-W10")
    assert one("Fighting resumed this week.")[2] == "2024-W11"
    assert one("The camp was raided last month.")[2] == "2024-02"
    assert one("The base was built last year.")[2] == "2023"
    assert one("Schools reopened yesterday.")[2] == "2024-03-11"
    assert one("Aid arrives tomorrow.")[2] == "2024-03-13"


def test_deictic_references() -> None:
    assert one("The town is now calm.")[1:3] == ("DATE", "PRESENT_REF")
    assert one("The road is currently closed.")[2] == "PRESENT_REF"


def test_calendar_dates_and_positions() -> None:
    assert one("The siege began on 3 January 2021.")[:3] == ("3 January 2021", "DATE", "2021-01-03")
    assert one("Elections were held in 2017.")[:3] == ("2017", "DATE", "2017")
    assert one("Clashes erupted in early February.")[1:] == ("DATE", "2024-02", "START")
    assert one("The offensive ended in late 2019.")[1:] == ("DATE", "2019", "END")
    assert one("The ceasefire held since Nov. 3.")[:3] == ("Nov. 3", "DATE", "2023-11-03")


def test_durations_and_spans() -> None:
    assert one("The blockade lasted the past three years.")[:3] == (
        "the past three years",
        "DURATION",
        "P3Y",
    )
    assert one("A 24-hour curfew was imposed.")[1:3] == ("DURATION", "PT24H")
    assert one("Rebels held the town for at least 10 days.")[:4] == (
        "at least 10 days",
        "DURATION",
        "P10D",
        "EQUAL_OR_MORE",
    )
    assert one("Attacks rose in recent weeks.")[:3] == ("recent weeks", "DURATION", "PXW")
    assert one("Prices rose over the past year.")[2] == "P1Y"


def test_sets() -> None:
    assert one("Patrols pass every week.")[1:3] == ("SET", "P1W")
    assert one("Markets open every Friday.")[1:3] == ("SET", "XXXX-WXX-5")
    assert one("Convoys run daily.")[1:3] == ("SET", "P1D")


def test_clock_times() -> None:
    text, kind, value, _ = one("The blast struck at 6:30 p.m. local time on Monday.")
    assert (kind, value) == ("TIME", "2024-03-11T18:30")
    assert text.startswith("6:30 p.m.")
    assert one("Shots rang out at midnight.")[2] == "2024-03-12T24:00"


def test_not_times() -> None:
    assert find_times("He said 2000 people may march.", TUESDAY) == []
    assert find_times("Oil rose 1.25 percent, and a 6-year-old was hurt.", TUESDAY) == []
    assert find_times("A second attack followed.", TUESDAY) == []


def test_without_publication_date_relative_values_stay_open() -> None:
    assert one("Troops left on Friday.", None)[2] == "XXXX-WXX-5"
    assert one("Troops left today.", None)[2] == "PRESENT_REF"
    assert one("Troops left on March 4, 2020.", None)[2] == "2020-03-04"
    assert one("Troops left last week.", None)[2] == "XXXX-WXX"


def test_value_date_precision() -> None:
    assert value_date("2023-12-08T04:15") == (dt.date(2023, 12, 8), "day")
    assert value_date("2023-W48") == (dt.date(2023, 11, 27), "week")
    assert value_date("2023-10") == (dt.date(2023, 10, 1), "month")
    assert value_date("2017") == (dt.date(2017, 1, 1), "year")
    assert value_date("PRESENT_REF") is None
    assert value_date("P2M") is None


def test_normalise_reads_one_expression() -> None:
    t = normalise("two weeks ago", TUESDAY)
    assert t is not None and (t.type, t.value) == ("DATE", "2024-W09")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Friday 12:30 pm May 2019 last week ago, the.")), max_size=80
    )
)
def test_spans_are_ordered_disjoint_and_exact(text: str) -> None:
    times = find_times(text, TUESDAY)
    for a, b in itertools.pairwise(times):
        assert a.end <= b.start
    for t in times:
        assert text[t.start : t.end] == t.text and t.value


def test_upper_case_wire_style() -> None:
    text = "BOGOTA, 11 JAN 90 (RADIO) -- AT 1900 THE REBELS MAY ATTACK, SINCE MAY 5 THEY HAVE."
    found = [(t.text, t.type, t.value) for t in find_times(text, dt.date(1990, 1, 12))]
    assert ("11 JAN 90", "DATE", "1990-01-11") in found
    assert ("1900", "TIME", "1990-01-11T19:00") in found
    assert ("MAY 5", "DATE", "1989-05-05") in found
    assert not any(t == "MAY" for t, _, _ in found)  # the modal verb


def test_four_digit_clock_with_zone() -> None:
    text, kind, value, _ = one("The blast came at 2130 GMT.")
    assert (text, kind, value) == ("2130 GMT", "TIME", "2024-03-12T21:30")


def test_dateline_stands_in_for_a_missing_publication_date() -> None:
    from sitroom.model import Article
    from sitroom.stages.times import dateline_date, reference_date

    text = "LIMA, 10 JAN 90 (RADIO) -- [TEXT] GUERRILLAS ATTACKED A POST YESTERDAY."
    assert dateline_date(text) == dt.date(1990, 1, 10)
    assert reference_date(Article(text=text)) == dt.date(1990, 1, 10)
    assert reference_date(Article(text=text, published=TUESDAY)) == TUESDAY
    assert dateline_date("SAN SALVADOR, 30 JUN 89 -- [TEXT] SOLDIERS ...") == dt.date(1989, 6, 30)
    assert dateline_date("Rebels attacked on Friday. " * 3) is None


def test_seasons_and_quarters_date_to_their_first_month() -> None:
    assert value_date("2023-SU") == (dt.date(2023, 6, 1), "month")
    assert value_date("2023-Q3") == (dt.date(2023, 7, 1), "month")
    assert one("Fighting flared last summer.")[:3] == ("last summer", "DATE", "2023-SU")


def test_halves_rates_and_the_next_day() -> None:
    found = find_times(
        "In the first half of 2023 patrols came twice a week. Rebels took the town on "
        "Monday. The next day, troops shelled it.",
        TUESDAY,
    )
    values = {t.text: t.value for t in found}
    assert values["the first half of 2023"] == "2023-H1"
    assert values["twice a week"] == "P1W"
    assert values["The next day"] == "2024-03-12"
    assert value_date("2023-H2") == (dt.date(2023, 7, 1), "month")


RESULTS = dt.date(1995, 11, 2)  # a Thursday in the fourth quarter


def values(text: str, published: dt.date | None = RESULTS) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, published)]


def test_company_results_speak_of_the_reported_quarter() -> None:
    text = (
        "Acme Corp. said third-quarter profit rose to $12 million, or 40 cents a share, "
        "from $9 million a year earlier. Sales in the quarter climbed 8%. In the year-ago "
        "quarter, the company took a charge. The latest period also had lower interest "
        "costs, and year-earlier results were restated. The current quarter began well."
    )
    assert values(text) == [
        ("third-quarter", "1995-Q3"),
        ("a year earlier", "1994-Q3"),
        ("the quarter", "1995-Q3"),
        ("the year-ago quarter", "1994-Q3"),
        ("The latest period", "1995-Q3"),
        ("year-earlier", "1994-Q3"),
        ("The current quarter", "1995-Q4"),
    ]


def test_without_results_a_year_ago_is_a_year() -> None:
    assert values("The town fell to the rebels a year ago.") == [("a year ago", "1994")]
    assert values("He lost the quarter of his savings.") == []
    conflict = (
        "Militants overran the Christian quarter a year ago; the smugglers' earnings and "
        "revenues from arms rose."
    )
    assert values(conflict) == [("a year ago", "1994")]


def test_year_phrases() -> None:
    assert values("Net income for the year ended June 30 fell.")[0] == ("the year", "P1Y")
    assert values("The deal should close by year-end.") == [("year-end", "1995")]
    assert values("She fled in June 1993 and returned later that year.")[1] == (
        "later that year",
        "1993",
    )
    assert values("Prices rose in the 1980s and in the late 1970s.") == [
        ("the 1980s", "198"),
        ("the late 1970s", "197"),
    ]


def test_weekday_possessive_and_deadline() -> None:
    # Thursday 1995-11-02: "Wednesday's ruling" is the day before, "until Tuesday" ahead
    assert values("Lawyers said they would appeal Wednesday's ruling.") == [
        ("Wednesday", "1995-11-01")
    ]
    assert values("Officials postponed the vote until Tuesday.") == [("Tuesday", "1995-11-07")]
    assert values("Only 30 members had filed reports by Tuesday.") == [("Tuesday", "1995-10-31")]
    assert values("The festival is this coming Sunday.") == [("this coming Sunday", "1995-11-05")]


def test_position_words_stay_inside_yesterday() -> None:
    assert one("Shells fell late yesterday.")[:4] == ("late yesterday", "DATE", "2024-03-11", "END")
    assert one("It happened the day before yesterday.")[2] == "2024-03-10"
