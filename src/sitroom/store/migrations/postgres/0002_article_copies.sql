-- sitroom store on PostgreSQL, schema version 2: near-duplicate articles, the same
-- tables and meaning as the SQLite schema (../0002_article_copies.sql).

CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY,
    signature BYTEA NOT NULL
);

CREATE TABLE article_bands (
    band_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band_key, article_id)
);

CREATE TABLE article_copies (
    article_id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX article_copies_of ON article_copies (duplicate_of);
