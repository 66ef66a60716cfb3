"""How both engines score the articles a query selects, in one place.

BM25 per field, each field with its own lengths: each field scores every
clause (word or phrase) of the query it holds, the headlines (the article's
own, and those its exact duplicates were published under) weighing
TITLE_BOOST times the body. The best field's score is the article's, plus
TIE_BREAKER times the others' (Elasticsearch's best_fields). Which articles
are selected (every group of words, somewhere) scores nothing.

The figures were chosen by measurement on ../shared/eval (scripts/eval-quality;
the README's "Ranking" gives the table): headlines weighing 1.25 to 1.75 times
the body all give title MRR@10 0.995; keywords peak there with no tie-breaker.
"""

TITLE_BOOST = 1.5
TIE_BREAKER = 0.0
