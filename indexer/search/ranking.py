"""How both engines score the articles a query selects, in one place.

BM25 per field, each field with its own lengths: each field scores every
clause (word or phrase) of the query it holds, and each two words typed one
after the other as a phrase besides (`near_pairs`), the headlines (the article's
own, and those its exact duplicates were published under) weighing
TITLE_BOOST times the body. The best field's score is the article's, plus
TIE_BREAKER times the others' (Elasticsearch's best_fields). Which articles
are selected (every group of words, somewhere) scores nothing.

The figures were chosen by measurement on ../shared/eval (scripts/eval-quality;
the README's "Ranking" gives the table): headlines weighing 1.25 to 1.75 times
the body all give title MRR@10 0.995; keywords peak there with no tie-breaker.
"""

from itertools import pairwise

from .query import Clause

TITLE_BOOST = 1.5
TIE_BREAKER = 0.0

# Two words typed one after the other score again as a phrase where the
# article has them so (النصر الذهبي, the Hodeidah operation, over articles
# holding النصر and الذهبي apart: 6 of the first 10 of ../shared/corpus
# were about it, now 9). Measured with scripts/eval-quality: adjacent and
# in order, weighing as much as a word, changes no known-item figure
# (0.965 / 0.998 / 0.998); two moves apart, or half the weight, lost up to
# 0.007 on keywords.
NEAR_SLOP = 0
NEAR_BOOST = 1.0


def near_pairs(query):
    """Scoring-only phrases of each two words typed one after the other
    (each its own condition, as typed: not quoted, no prefix, one term, no
    stopword, the same field), whatever other spellings they are also
    searched under: what both engines add to every field's score."""
    typed = [
        condition[0]
        if condition[0].at >= 0
        and len(condition[0].terms) == 1
        and not (condition[0].quoted or condition[0].prefix or condition[0].stopword)
        else None
        for condition in query.conditions
    ]
    return [
        Clause(one.terms + other.terms, one.field, f"{one.text} {other.text}", slop=NEAR_SLOP)
        for one, other in pairwise(typed)
        if one is not None
        and other is not None
        and other.at == one.at + 1
        and one.field == other.field
    ]
