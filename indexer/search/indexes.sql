-- Created after the bulk load, which is faster than maintaining them row by row.
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_category ON articles (category);
CREATE INDEX article_actors_actor ON article_actors (actor, rowid);
CREATE INDEX article_actors_rowid ON article_actors (rowid);
