"""The trigger lexicon and the parse pre-filter."""

from __future__ import annotations

from sitroom.knowledge.triggers import KINDS, lexicon, may_matter, token_keys
from sitroom.model import SUB_EVENT_TYPES


def test_every_lexicon_row_is_well_formed() -> None:
    lex = lexicon()
    assert len(lex.entries) > 300
    for e in lex.entries:
        assert e.kind in KINDS
        assert e.sub_event_type is None or e.sub_event_type in SUB_EVENT_TYPES, e
        assert e.words == tuple(w.lower() for w in e.words)


def test_inflections_reach_the_base_form() -> None:
    assert "attack" in token_keys("attacked")
    assert "shell" in token_keys("shelling")
    assert "rally" in token_keys("rallied")
    assert "kill" in token_keys("killings")
    assert "stab" in token_keys("stabbed")


def test_prefilter_keeps_incident_and_number_sentences() -> None:
    assert may_matter("Rebels ATTACKED the convoy.")
    assert may_matter("Protesters rallied in the square.")
    assert may_matter("The budget rose to 4 billion.")
    assert may_matter("Seven were hurt.")


def test_prefilter_drops_plain_sentences() -> None:
    assert not may_matter("The minister met his counterpart in the capital.")
    assert not may_matter("They spoke on condition of anonymity.")
    assert not may_matter("Someone phoned the office.")  # no 'one' inside words


def _inflections(pattern: str) -> list[str]:
    *head, last = pattern.split()
    lead = " ".join(head) + (" " if head else "")
    forms = [pattern, pattern.upper(), f"{lead}{last}s"]
    if last.endswith("e"):
        forms += [f"{lead}{last}d", f"{lead}{last[:-1]}ing"]
    elif last.endswith("y"):
        forms += [f"{lead}{last[:-1]}ied", f"{lead}{last}ing"]
    else:
        forms += [f"{lead}{last}ed", f"{lead}{last}ing"]
    return forms


def test_prefilter_keeps_every_cue_of_the_lexicon() -> None:
    """The parse is skipped for sentences that fail the pre-filter, so every cue that
    can make an incident, in its usual inflections, must pass it."""
    not_words = {"diing", "axing"}
    missed = [
        form
        for e in lexicon().entries
        if e.kind in ("event", "generic", "weak", "arms", "disrupt")
        for form in _inflections(e.pattern)
        if form not in not_words and not may_matter(f"They said {form} there.")
    ]
    assert missed == []
