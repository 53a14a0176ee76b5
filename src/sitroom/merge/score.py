"""Do two reports describe the same real-world incident? A score with its reasons.

Each factor (type, date, place, actors, tolls, weapons, evidence text) adds a weight
in log-odds-like units: positive when the two reports agree, negative when they differ
in a way that happens between distinct incidents, zero when one side does not say.
A factor that rules the pair out (another event type, dates or places too far apart,
two different named perpetrators) is a veto: no score can outweigh it, which is what
keeps two look-alike incidents (two bombings in one city on one day with different
tolls or perpetrators) apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from sitroom.merge.records import ActorKey, MentionRecord


@dataclass(frozen=True)
class Policy:
    """Thresholds and weights of the merger, in one place so evaluation can report them."""

    threshold: float = 2.5  # total weight needed to merge
    max_gap_days: int = 3  # date windows further apart than this never merge
    max_gap_days_precise: int = 1  # ... when both dates are known to the day
    same_article_distinct: bool = False  # one article's reports are distinct incidents
    # Structured feeds code one event as several rows of one article (one per actor
    # pair); one article's reports of one type are then mostly one event.
    w_same_article: float = 2.0
    w_actor1_conflict_same_article: float = -0.5
    w_type_same_sub: float = 1.0
    w_type_other_sub: float = -1.0
    w_same_day: float = 1.5
    w_date_overlap: float = 1.0
    w_date_per_day: float = 0.75  # lost per day between the reports' best dates
    w_place_near: float = 1.5
    w_place_country: float = 0.3
    w_actor1_same: float = 1.0
    w_actor2_same: float = 0.6
    w_actor2_conflict: float = -1.0
    w_swapped: float = -0.2  # actors matched across roles (a clash has no first side)
    w_toll_same: float = 0.5
    w_toll_conflict: float = -2.5
    w_weapon_same: float = 0.3
    w_weapon_conflict: float = -0.3
    w_text: float = 2.0  # scales (similarity - 0.5) of the evidence texts


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Reason:
    factor: str
    weight: float
    note: str

    def __str__(self) -> str:
        return f"{self.factor} {self.weight:+.1f} ({self.note})"


@dataclass(frozen=True)
class Compatibility:
    """The verdict on one pair: a total weight, a veto if any, and why."""

    score: float
    veto: str | None
    reasons: tuple[Reason, ...]
    threshold: float

    @property
    def compatible(self) -> bool:
        return self.veto is None

    @property
    def same(self) -> bool:
        return self.veto is None and self.score >= self.threshold

    @property
    def probability(self) -> float:
        """A 0..1 confidence that the two are one incident (0 when vetoed)."""
        if self.veto is not None:
            return 0.0
        return 1.0 / (1.0 + math.exp(-(self.score - self.threshold)))

    def explain(self) -> str:
        head = f"vetoed: {self.veto}" if self.veto else f"score {self.score:.2f}"
        return "; ".join([head, *(str(r) for r in self.reasons)])


class _Veto(Exception):
    pass


def compare(a: MentionRecord, b: MentionRecord, policy: Policy = DEFAULT_POLICY) -> Compatibility:
    """Score how likely `a` and `b` report the same incident, with the reasons."""
    reasons: list[Reason] = []
    try:
        if policy.same_article_distinct and a.article_id and a.article_id == b.article_id:
            raise _Veto("same article reports them as distinct incidents")
        for factor in (_date, _type, _place, _article, _actors, _tolls, _weapons, _text):
            reason = factor(a, b, policy)
            if reason is not None:
                reasons.append(reason)
    except _Veto as veto:
        return Compatibility(float("-inf"), str(veto), tuple(reasons), policy.threshold)
    total = sum(r.weight for r in reasons)
    return Compatibility(total, None, tuple(reasons), policy.threshold)


def _type(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    if a.event_type is None or b.event_type is None:
        return None
    if a.event_type != b.event_type:
        raise _Veto(f"types differ: {a.event_type} / {b.event_type}")
    if a.sub_event_type is None or b.sub_event_type is None:
        return Reason("type", 0.0, a.event_type)
    if a.sub_event_type == b.sub_event_type:
        return Reason("type", p.w_type_same_sub, a.sub_event_type)
    if a.event_type == "Strategic developments":
        raise _Veto(f"sub-types differ: {a.sub_event_type} / {b.sub_event_type}")
    return Reason("type", p.w_type_other_sub, f"{a.sub_event_type} / {b.sub_event_type}")


def window_gap(a: MentionRecord, b: MentionRecord) -> int | None:
    """Days between the two date windows (0 when they overlap), None if undated."""
    if a.date_lo is None or a.date_hi is None or b.date_lo is None or b.date_hi is None:
        return None
    return max(0, (b.date_lo - a.date_hi).days, (a.date_lo - b.date_hi).days)


def _date(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    gap = window_gap(a, b)
    if gap is None or a.date is None or b.date is None:
        return None
    precise = a.date_precision == "day" and b.date_precision == "day"
    limit = p.max_gap_days_precise if precise else p.max_gap_days
    if gap > limit:
        raise _Veto(f"dates {gap} days apart")
    if precise and a.date == b.date:
        return Reason("date", p.w_same_day, f"same day {a.date}")
    diff = _date_distance(a, b)
    if precise:
        return Reason("date", p.w_date_overlap - p.w_date_per_day * diff, f"{diff} days apart")
    weight = p.w_date_overlap - p.w_date_per_day * max(0, diff - _slack(a, b))
    return Reason("date", weight, f"windows overlap, best dates {diff} days apart")


def _date_distance(a: MentionRecord, b: MentionRecord) -> int:
    """Days between the best dates. A report dated only by its publication (precision
    unknown) came out on the day of the incident or the day after, so a one-day lag
    behind a dated report costs nothing."""
    if a.date is None or b.date is None:
        return 0
    undated = [r for r in (a, b) if r.date_precision == "unknown"]
    if len(undated) == 1:
        dated = b if undated[0] is a else a
        lag = (undated[0].date - dated.date).days if undated[0].date and dated.date else 0
        return max(0, lag - 1) if lag >= 0 else -lag
    return abs((a.date - b.date).days)


def _slack(a: MentionRecord, b: MentionRecord) -> int:
    """Days of difference that imprecise dates explain on their own."""
    coarse = {"month": 15, "year": 180}
    return max(coarse.get(a.date_precision, 0), coarse.get(b.date_precision, 0))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    if a.country and b.country and a.country != b.country:
        raise _Veto(f"countries differ: {a.country} / {b.country}")
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        if a.country and a.country == b.country:
            return Reason("place", p.w_place_country, f"same country {a.country}")
        return None
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    allowed = max(a.radius_km, b.radius_km)
    if km > 2 * allowed:
        raise _Veto(f"places {km:.0f} km apart")
    if km <= allowed:
        return Reason("place", p.w_place_near, f"{km:.0f} km apart")
    return Reason("place", 0.0, f"{km:.0f} km apart, at the edge of precision")


def same_article(a: MentionRecord, b: MentionRecord) -> bool:
    return a.article_id is not None and a.article_id == b.article_id


def _article(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    if not same_article(a, b):
        return None
    return Reason("article", p.w_same_article, "both rows of one article")


def _words_match(x: frozenset[str], y: frozenset[str]) -> bool:
    """One name's words all occur in the other ("Pakistan" ~ "Pakistan Army", "Islamic
    State" !~ "Islamic Jihad"), allowing a demonym suffix ("pakistani" ~ "pakistan")."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in long_ or any(_stem_match(w, v) for v in long_) for w in short)


def _stem_match(u: str, v: str) -> bool:
    short, long_ = (u, v) if len(u) <= len(v) else (v, u)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


@lru_cache(maxsize=1 << 18)
def actor_relation(x: ActorKey | None, y: ActorKey | None) -> str:
    """'same', 'compatible' (one side generic or missing) or 'conflict'."""
    if x is None or y is None or x.generic or y.generic:
        if x is not None and y is not None and x.roles & y.roles:
            return "same" if x.generic and y.generic else "compatible"
        return "compatible"
    if _words_match(x.who, y.who):
        return "same"
    if x.unnamed or y.unnamed:
        return "compatible"
    if x.country and y.country and x.country == y.country and not (x.roles ^ y.roles):
        return "compatible"
    return "conflict"


def _actors(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    straight = _actor_pairing(a.actor1, a.actor2, b.actor1, b.actor2, p)
    crossed = _actor_pairing(a.actor1, a.actor2, b.actor2, b.actor1, p)
    straight_weight = straight[0] if straight is not None else float("-inf")
    if crossed is not None and crossed[0] > 0 and crossed[0] + p.w_swapped > straight_weight:
        return Reason("actors", crossed[0] + p.w_swapped, crossed[1] + " (sides swapped)")
    if straight is None:
        if not same_article(a, b):
            raise _Veto("different perpetrators")
        return Reason("actors", p.w_actor1_conflict_same_article, "different first actors")
    if straight[0] == 0.0 and not straight[1]:
        return None
    return Reason("actors", straight[0], straight[1])


def _actor_pairing(
    a1: ActorKey | None, a2: ActorKey | None, b1: ActorKey | None, b2: ActorKey | None, p: Policy
) -> tuple[float, str] | None:
    """Weight of matching a1~b1 and a2~b2; None when the first sides conflict."""
    first, second = actor_relation(a1, b1), actor_relation(a2, b2)
    if first == "conflict":
        return None
    weight, notes = 0.0, []
    if first == "same":
        weight += p.w_actor1_same
        notes.append(f"same actor {_label(a1)}")
    if second == "same":
        weight += p.w_actor2_same
        notes.append(f"same target {_label(a2)}")
    elif second == "conflict":
        weight += p.w_actor2_conflict
        notes.append(f"targets differ: {_label(a2)} / {_label(b2)}")
    return weight, ", ".join(notes)


def _label(actor: ActorKey | None) -> str:
    return actor.name if actor else "?"


def _tolls(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    weights = []
    for label, x, y in (("killed", a.fatalities, b.fatalities), ("hurt", a.injured, b.injured)):
        if x is None or y is None:
            continue
        if x == y:
            weights.append((p.w_toll_same if x > 0 else 0.0, f"{label} {x} both"))
        elif not tolls_compatible(x, y):
            weights.append((p.w_toll_conflict, f"{label} {x} / {y}"))
    if not weights:
        return None
    return Reason("tolls", sum(w for w, _ in weights), ", ".join(n for _, n in weights))


def tolls_compatible(x: int, y: int) -> bool:
    """Tolls that one incident's reports plausibly give as its count rises or is revised."""
    low, high = min(x, y), max(x, y)
    if low == 0:
        return high <= 1
    return high - low <= 3 or low / high >= 0.5


def _weapons(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    if not a.weapons or not b.weapons:
        return None
    if a.weapons & b.weapons:
        return Reason("weapons", p.w_weapon_same, ", ".join(sorted(a.weapons & b.weapons)))
    return Reason("weapons", p.w_weapon_conflict, "no weapon in common")


def _text(a: MentionRecord, b: MentionRecord, p: Policy) -> Reason | None:
    if not a.evidence or not b.evidence:
        return None
    similarity = fuzz.token_set_ratio(a.evidence.lower(), b.evidence.lower()) / 100.0
    return Reason("text", p.w_text * (similarity - 0.5), f"evidence {similarity:.0%} alike")
