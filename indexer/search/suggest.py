""" "Did you mean": another spelling of a query that finds nothing or little.

A word of the query that the news lexicon (the stemmer's word counts, from
real Arabic news) does not know, or barely knows, is replaced by the
commonest known word one edit away from it on the normalised form: a letter
left out, added, changed or two swapped (ترانب → ترامب, ترامپ → ترامب,
بوتبن → بوتين). The corrected query is offered only when it finds more
articles than the query as typed, under the same filters.
"""

from dataclasses import dataclass, replace

from indexer.arabic import normalize
from indexer.arabic.stem import lexicon

from .request import SearchRequest

FEW = 3  # results under which a correction is looked for
UNKNOWN = 3  # a word the lexicon counts fewer times than this is unknown
KNOWN = 20  # a correction must be at least this common
MIN_LENGTH = 3  # shorter words have too many neighbours to guess from
MAX_LENGTH = 24  # longer is no word (a pasted run of letters): not worth ~60 edits a letter
# The letters an edit may bring in: the Arabic letters of normalised text.
LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهويى"


@dataclass
class Suggestion:
    text: str  # the corrected query
    total: int  # how many articles it finds, under the same filters


def corrected(text: str) -> str | None:
    """`text` with each unknown word replaced by its likeliest known
    neighbour, or None when no word changes. Operators, quotes and
    punctuation around a word stay as typed."""
    counts = lexicon()
    changed = False
    pieces = []
    for piece in text.split():
        core = piece.strip("\"'()*-،؛.,:!؟?")
        word = normalize(core)
        better = None
        if (
            MIN_LENGTH <= len(word) <= MAX_LENGTH
            and word.isalpha()
            and counts.get(word, 0) < UNKNOWN
        ):
            better = max(
                (c for c in _edits(word) if counts.get(c, 0) >= KNOWN),
                key=lambda c: (counts[c], c),
                default=None,
            )
        if better:
            piece = piece.replace(core, better, 1)
            changed = True
        pieces.append(piece)
    return " ".join(pieces) if changed else None


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]),
        *(a + c + b for a, b in splits for c in LETTERS),
    }


def did_you_mean(request: SearchRequest, total: int, backend, make_request) -> Suggestion | None:
    """A better query for `request`, which found `total` articles, or None.
    `make_request(params)` builds a request as the surface does (its
    settings, its gazetteer's other spellings of names)."""
    if total >= FEW or not request.text:
        return None
    text = corrected(request.text)
    if text is None:
        return None
    params = {k: v if isinstance(v, list) else [v] for k, v in request.to_params(q=text).items()}
    found = backend.search(replace(make_request(params), size=1, facets=()))
    return Suggestion(text, found.total) if found.total > total else None
