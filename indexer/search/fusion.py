"""One ranking of what the words found and what the meaning found.

Both engines hand `fuse` the same two lists for a relevance search: the
first FUSED articles the words score (BM25, best first) and the NEAREST
articles by the cosine of their vectors with the query's, each under the
search's filters. An article scores its words' score as a share of the
best one's, plus a weight times its cosine above a floor (below it,
unrelated texts meet); an article the words did not find scores by its
meaning alone. The weight depends on the query's script, and the weights
and the floor on the model (WEIGHTS: each model's cosines spread their own way):

- a query in Arabic: a small weight. The words, which match the
  archive's own language exactly, keep their order where they found
  something; meaning breaks their near-ties and brings, below them, what
  they missed. (Measured: any larger weight costs the paraphrase queries
  more than it brings; USE is weaker than the words on Arabic, e5 less so,
  and on paraphrases in words of neither the title nor the lead both are
  far weaker.)
- a query in another script (English, French): a large weight.
  Its words can only match names written in Latin letters; meaning leads.

A query in another script is also matched by its names and figures
(transliteration.py): an article whose headline and lead write Merkel as
ميركل gains up to NAMES_WEIGHT, as much as it alone writes them.

When the words find nothing, meaning ranks alone (with the names of a
query in another script). The weights and the
floor were chosen on the development half of the query sets of
tests/data/meaning and the known-item set, and checked on the other half
(docs/meaning.md; `scripts/eval-quality --modes words,meaning,auto`).
"""

import functools
import re
from dataclasses import dataclass

from . import transliteration

FUSED = 100  # the words' articles a fused ranking takes in
NEAREST = 100  # the nearest articles by meaning it takes in


@dataclass(frozen=True)
class Weights:
    arabic: float  # of a cosine, for a query in Arabic
    other: float  # for a query in another script
    floor: float  # the cosine below which texts are unrelated


WEIGHTS = {  # by the model's name (indexer.embeddings)
    "use-multilingual-v3": Weights(arabic=0.1, other=5.0, floor=0.1),
    "multilingual-e5-small-q4": Weights(arabic=2.0, other=40.0, floor=0.75),
}
NAMES_WEIGHT = 1.5  # a query in another script: at most, for names only this article writes
MODES = ("auto", "words", "meaning")  # the `mode` parameter: fused, words only, meaning only
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


@dataclass(frozen=True)
class Ranked:
    id: str
    matched_by: str  # "words", "meaning" or "both"


def fuse(text, words, meaning, *, later=(), mode="auto", passages=None, model=None) -> list[Ranked]:
    """The fused order of `words` [(ID, score)] and `meaning` [(ID, cosine
    by `model`, by default the one chosen, as query_vector's)], each best
    first, for the query `text`; `later`: the IDs of `meaning` that the
    words find too, past their first FUSED (matched by both, and ranked by
    their meaning); `passages`: {ID: headline and lead} of these articles,
    for a query in another script (see `foreign`)."""
    from indexer import embeddings

    weights = WEIGHTS[model or embeddings.model_name()]
    near = {article_id: cosine for article_id, cosine in meaning if cosine > weights.floor}
    found = {article_id for article_id, _ in words} | set(later)
    if mode == "meaning":
        return [Ranked(i, "both" if i in found else "meaning") for i in near]
    other_script = foreign(text)
    weight = weights.other if other_script else weights.arabic
    best = max((score for _, score in words), default=0.0) or 1.0
    scored = {i: (score / best, "words") for i, score in words}
    for article_id, cosine in near.items():
        by_words, _ = scored.get(article_id, (0.0, ""))
        how = "both" if article_id in found else "meaning"
        scored[article_id] = (by_words + weight * (cosine - weights.floor), how)
    if passages and other_script:
        held = {i: passages[i] for i in scored if i in passages}
        for article_id, share in transliteration.shares(text, held).items():
            score, how = scored[article_id]
            scored[article_id] = (score + NAMES_WEIGHT * share, how)
    order = sorted(scored.items(), key=lambda item: -item[1][0])
    return [Ranked(article_id, how) for article_id, (_, how) in order]


def foreign(text: str) -> bool:
    """Whether a query is written in another script than Arabic (its words
    can only meet names written in Latin letters)."""
    return not _ARABIC.search(text)


def reads_names(text: str, mode: str) -> bool:
    """Whether `fuse` reads the passages of the articles it ranks for this
    query (its names, in another script; not by meaning alone)."""
    return mode != "meaning" and foreign(text)


@dataclass
class Page:
    """A page of a fused ranking: its fused articles, and the words' own to
    read after them (`count` from `start` of the words' order, the articles
    the fused ranking took left out)."""

    chosen: list[tuple[str, str]]  # (ID, matched_by) of the fused articles on it
    start: int
    count: int
    total: int  # the words' articles and those meaning alone added
    added: list[str]  # IDs of the articles meaning alone found


def unembedded(articles: int) -> dict:
    """A result's `meaning` where the search asked for meaning alone and no
    article has a vector yet: the words answered, and it says so."""
    return {"added": 0, "embedded": 0, "articles": articles}


def page(ranked, found, offset, size, mode) -> Page:
    """Page `size` (one more: whether a next page exists) from `offset` of
    the fused ranking `ranked`, the words finding `found` articles."""
    added = [r.id for r in ranked if r.matched_by == "meaning"]
    total = len(ranked) if mode == "meaning" else found + len(added)
    wanted = size + 1
    chosen = [(r.id, r.matched_by) for r in ranked[offset : offset + wanted]]
    beyond = offset + len(chosen) - len(ranked)  # past the fused ones: the words' own
    more_words = len(chosen) < wanted and mode != "meaning" and found > FUSED
    count = wanted - len(chosen) if more_words else 0
    return Page(chosen, FUSED + beyond, count, total, added)


def taken(ranked, later) -> list[str]:
    """The IDs of `later` that the fused ranking holds (those far in meaning
    are left to the words' own pages)."""
    held = {r.id for r in ranked}
    return [article_id for article_id in later if article_id in held]


def query_vector(text: str):
    """The vector of a query's text, by the model chosen (cached: a page and
    its next pages, the API and the feed ask the same)."""
    from indexer import embeddings

    return _query_vector(embeddings.model_name(), text)


@functools.lru_cache(maxsize=256)
def _query_vector(model: str, text: str):  # by the model's name: another is another vector
    from indexer import embeddings

    # One thread: a query is short, and the threads of several web workers
    # (e5's OpenMP ones spin while they wait) would slow each other down.
    return embeddings.model(threads=1).queries([text])[0]
