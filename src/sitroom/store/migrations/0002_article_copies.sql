-- sitroom store, schema version 2: near-duplicate articles (syndicated copies).
-- Each stored article's MinHash signature (sitroom.merge.articles.Signature.to_bytes)
-- and its LSH band keys (sitroom.merge.articles.band_keys), so a new article's earlier
-- copies are found by an indexed lookup; and the link of a copy to the first-stored
-- article it copies. A copy's incidents are not stored as reports: one wire story
-- under three mastheads is one report of each incident, not three.

CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY,
    signature BLOB NOT NULL
);

CREATE TABLE article_bands (
    band_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

CREATE TABLE article_copies (
    article_id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    similarity REAL NOT NULL,
    explanation TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX article_copies_of ON article_copies (duplicate_of);
