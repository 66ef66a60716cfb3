-- The embedded index: one SQLite file, built beside the live one and moved
-- into place when complete.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- What filters, facets and sorting read, kept narrow so that counting over
-- thousands of matches reads few pages.
CREATE TABLE facts (
    rowid     INTEGER PRIMARY KEY,  -- articles.rowid
    date      TEXT,                 -- ISO 8601 UTC, NULL when unknown
    source    TEXT NOT NULL,
    category  TEXT NOT NULL
);

CREATE TABLE articles (
    rowid     INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    date      TEXT,
    source    TEXT NOT NULL,
    category  TEXT NOT NULL,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    url       TEXT NOT NULL,
    author    TEXT NOT NULL,
    tags      TEXT NOT NULL,        -- JSON list
    actors    TEXT NOT NULL,        -- JSON list
    also      TEXT NOT NULL,        -- JSON list of {id, url, source}: exact duplicates
    extra     TEXT NOT NULL,        -- JSON object: fields outside the schema
    origin    TEXT NOT NULL
);

-- Each facet's counts over the whole index (the facets of facets.py), made
-- when the build finishes: browsing with no words and no filter reads them.
CREATE TABLE facet_counts (facet TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL);

-- One row per (article, actor): the actor facet and filter.
CREATE TABLE article_actors (rowid INTEGER NOT NULL, actor TEXT NOT NULL);

-- Full-text index of analysed terms (indexer.arabic.analyze), joined by
-- spaces; rowid is articles.rowid. Contentless: the text lives in articles.
-- The terms are already analysed, so the cheapest tokenizer that splits on
-- spaces and keeps the characters of hosts, addresses and decimals will do:
-- `ascii` treats every non-ASCII character as part of a token.
CREATE VIRTUAL TABLE terms USING fts5(
    title, body, content='', columnsize=1,
    tokenize="ascii tokenchars '.@+-%'"
);
