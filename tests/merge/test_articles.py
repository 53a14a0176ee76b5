from sitroom.merge import ArticleIndex, near_duplicate, signature
from sitroom.merge.articles import Signature

WIRE = (
    "KABUL, June 11 (Wire) - Afghan troops fought Taliban fighters for several hours on the "
    "outskirts of Lashkar Gah on Tuesday, and officials said nine insurgents were killed while "
    "two soldiers were wounded in the fighting. The provincial governor's spokesman said "
    "reinforcements had arrived from Kandahar and that the main road to the city was reopened "
    "by evening. The Taliban did not immediately comment on the clash, which followed weeks "
    "of attacks on checkpoints across the southern province."
)
EDITED = (
    WIRE.replace("KABUL, June 11 (Wire) - ", "")
    .replace("several hours", "hours")
    .replace("by evening", "in the evening")
    + " Reporting by a staff correspondent."
)
OTHER = (
    "NAIROBI, July 7 - Thousands of demonstrators marched peacefully through central Nairobi "
    "on Friday against new taxes, singing and waving flags, and the police watched without "
    "intervening as the march reached parliament in the afternoon."
)


def test_syndicated_copy_with_small_edits_is_a_near_duplicate():
    assert near_duplicate(signature(WIRE), signature(EDITED))
    trimmed = WIRE[: WIRE.index(" The provincial")]
    assert near_duplicate(signature(WIRE), signature(trimmed))
    assert not near_duplicate(signature(WIRE), signature(OTHER))


def test_signature_is_stable_and_round_trips():
    sig = signature(WIRE)
    assert sig == signature(WIRE.upper())
    assert Signature.from_bytes(sig.to_bytes()) == sig
    assert signature("") == Signature(()) and not near_duplicate(signature(""), signature(""))


def test_index_finds_earlier_copies_only():
    index = ArticleIndex()
    index.add("wire", signature(WIRE))
    index.add("nairobi", signature(OTHER))
    assert index.duplicates_of(signature(EDITED)) == ["wire"]
    assert index.duplicates_of(signature("an unrelated short note about the weather")) == []
    assert len(index) == 2
