"""Which sentences may report an incident or a figure (and so get a full parse).

A cheap, generous test: a sentence that fails it cannot produce an incident or a
statistic, so it is never tagged or parsed. The incident stage's own lexicon decides
what an incident is; this only has to keep every sentence that lexicon could fire on.
"""

from __future__ import annotations

import re

_STEMS = (
    r"kill|dead|death|die[ds]?\b|dying|murder|massacr|slaughter|execut|behead|wound|injur|hurt|"
    r"casualt|victim|attack|assault|raid|ambush|offensive|strike|struck|bomb|blast|explo|"
    r"detonat|shell|mortar|rocket|missile|artillery|drone|airstrike|air strike|grenade|"
    r"ied\b|landmine|mine\b|fire[ds]?\b|firing|fought|fight|clash|battl|gun|shot|shoot|"
    r"sniper|stab|machete|hostage|kidnap|abduct|captur|seiz|overr|took control|"
    r"recaptur|retak|liberat|withdr|protest|demonstrat|rall(y|ies|ied)|march|riot|"
    r"loot|burn|torch|arson|arrest|detain|custody|raided|rape|sexual|chemical|gas\b|"
    r"ceasefire|cease-fire|truce|agreement|accord|peace deal|defus|intercept|shot down|"
    r"base|headquarter|claim|blame|responsib|militant|rebel|insurgen|jihad|terror|"
    r"troops|soldier|forces|police|militia|army|gunmen|fighters|martyr|toll|"
    r"\d|hundred|dozen|score|thousand|million|one|two|three|four|five|six|seven|"
    r"eight|nine|ten\b|twelve|twenty"
)
_MAY_MATTER = re.compile(_STEMS, re.IGNORECASE)


def may_matter(sentence: str) -> bool:
    return _MAY_MATTER.search(sentence) is not None
