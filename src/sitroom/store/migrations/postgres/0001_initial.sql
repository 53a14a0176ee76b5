-- sitroom store on PostgreSQL, schema version 1: the same tables and meaning as the
-- SQLite schema (../0001_initial.sql). Dates and JSON documents stay text, as there, so
-- both backends store and return identical values; each article is one transaction.
-- Place queries use a GiST index on `events.pt` (point(lon, lat)), text queries GIN
-- indexes on tsvectors kept beside each event (body + actors, and actors alone).

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    published TEXT,
    title TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE rejects (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    origin TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    published TEXT,
    title TEXT,
    source TEXT,
    rejected_at TEXT NOT NULL
);
CREATE INDEX rejects_article ON rejects (article_id);

-- One canonical (real-world) event; seq is its creation order.
CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    status TEXT NOT NULL,
    country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    pt POINT,
    fatalities INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    injured INTEGER,
    n_reports INTEGER NOT NULL,
    data TEXT NOT NULL,
    search TSVECTOR NOT NULL DEFAULT ''::tsvector,
    actors_search TSVECTOR NOT NULL DEFAULT ''::tsvector,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type_date ON events (event_type, date);
CREATE INDEX events_sub_type_date ON events (sub_event_type, date);
CREATE INDEX events_country_date ON events (country, date);
CREATE INDEX events_status ON events (status);
CREATE INDEX events_pt ON events USING gist (pt);
CREATE INDEX events_search ON events USING gin (search);
CREATE INDEX events_actors_search ON events USING gin (actors_search);

-- Great-circle distance in km (haversine), the exact test after the GiST box prefilter.
CREATE FUNCTION sitroom_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                           lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1.0, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2)))
$$;

-- Blocking keys (sitroom.merge.index_keys of its reports) each canonical event is filed
-- under: a new report is compared only with the events under its query keys.
CREATE TABLE event_keys (
    key TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (key, event_id)
);
CREATE INDEX event_keys_event ON event_keys (event_id);

CREATE TABLE event_aliases (
    alias TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX event_aliases_event ON event_aliases (event_id);

-- One incident as one article reports it, with its own figures and EVENT JSON.
CREATE TABLE reports (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    ordinal INTEGER NOT NULL,
    event_id TEXT NOT NULL REFERENCES events (id),
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,
    fatalities INTEGER,
    injured INTEGER,
    data TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
);
CREATE INDEX reports_event ON reports (event_id, seq);

CREATE TABLE evidence (
    report_id TEXT NOT NULL REFERENCES reports (id),
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    context_start INTEGER NOT NULL,
    context_end INTEGER NOT NULL,
    PRIMARY KEY (report_id, ordinal)
);

CREATE TABLE statistics (
    article_id TEXT NOT NULL REFERENCES articles (id),
    ordinal INTEGER NOT NULL,
    quantity DOUBLE PRECISION,
    qualifier TEXT,
    unit TEXT NOT NULL,
    scope TEXT NOT NULL,
    since TEXT,
    until TEXT,
    reported_by TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id),
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    mention TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geonames_id BIGINT,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

-- Why a report joined (or started) a canonical event, and user merges/splits.
CREATE TABLE merge_decisions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id TEXT,
    event_id TEXT NOT NULL,
    other_id TEXT,
    action TEXT NOT NULL,
    score DOUBLE PRECISION,
    decided_by TEXT NOT NULL,
    explanation TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX merge_decisions_event ON merge_decisions (event_id);
CREATE INDEX merge_decisions_report ON merge_decisions (report_id);

-- User decisions that automatic merging must respect: report pairs kept apart.
CREATE TABLE cannot_link (
    report_a TEXT NOT NULL,
    report_b TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (report_a, report_b)
);

-- API tokens, kept only as SHA-256 hashes.
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Per-feed state for continuous ingestion (etag, last-modified, seen items).
CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
