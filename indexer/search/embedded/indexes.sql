-- Created after the bulk load, which is faster than maintaining them row by row.
CREATE INDEX facts_date ON facts (date);
CREATE INDEX facet_counts_facet ON facet_counts (facet, count DESC, key);
CREATE INDEX facts_source ON facts (source);
CREATE INDEX facts_category ON facts (category);
CREATE INDEX article_actors_actor ON article_actors (actor, rowid);
CREATE INDEX article_actors_rowid ON article_actors (rowid);
