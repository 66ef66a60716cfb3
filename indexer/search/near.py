"""Near-duplicates on a page of results: one wire story, lightly edited by
several outlets.

Exact duplicates (the same normalised body) are folded at index time into
the first copy's "also published by". A story that an outlet re-headlined,
trimmed or signed differently is not an exact duplicate, and four such
copies can fill the first four places of a result list. Each hit that
shares most of its opening with a hit ranked above it on the same page
says so (`Hit.near_duplicate_of`); the page folds it under that hit as
"n more from other outlets", and the API leaves the folding to its client.

Nothing is dropped or reordered: the total, the page's size and its cursor
stay those of the search, and an export keeps every row. The comparison is
made on the page, from the bodies the page reads anyway for its snippets,
so it needs nothing stored and holds for whatever the index has become.
"""

from indexer.arabic import normalize, words

from .result import Hit

# How much of a body is compared: wire copy is edited at its end (an
# outlet's sign-off, a paragraph cut) far more than at its opening.
OPENING_CHARS = 3_000
SHINGLE_WORDS = 3
# Resemblance (Jaccard) of the openings' 3-word shingles from which two hits
# are one story. Of the 1,492 pairs of hits on the first pages (10 hits) of
# ../shared/eval's 900 queries, 25 resembled at 0.5 or more: one wire story
# as two outlets published it. Different stories on one event (two reports
# on the Korean talks, a follow-up by the same outlet) stayed below 0.45.
THRESHOLD = 0.5


def shingles(body: str) -> frozenset[tuple[str, ...]]:
    tokens = words(normalize(body[:OPENING_CHARS]))
    return frozenset(
        tuple(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)
    )


def resemblance(left: frozenset, right: frozenset) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def mark(hits: list[Hit], bodies: list[str]) -> None:
    """Set `near_duplicate_of` on each hit whose body resembles that of a hit
    above it (one that is not itself folded), in the order given."""
    leaders: list[tuple[Hit, frozenset]] = []
    for hit, body in zip(hits, bodies, strict=True):
        own = shingles(body)
        leader = next((h for h, s in leaders if resemblance(own, s) >= THRESHOLD), None)
        if leader is None:
            leaders.append((hit, own))
        else:
            hit.near_duplicate_of = leader.id


def grouped(hits: list[Hit]) -> list[tuple[Hit, list[Hit]]]:
    """(hit, [the hits folded under it]) in the page's order, for display."""
    groups: dict[str, tuple[Hit, list[Hit]]] = {}
    for hit in hits:
        if hit.near_duplicate_of in groups:
            groups[hit.near_duplicate_of][1].append(hit)
        else:
            groups[hit.id] = (hit, [])
    return list(groups.values())


# Similar articles: how many of them one outlet may give, and how many
# candidates an engine reads to find them.
MOST_FROM_ONE_OUTLET = 2
CANDIDATES_PER_SIMILAR = 4


def from_several_outlets(hits: list[Hit], size: int) -> list[Hit]:
    """The first `size` of `hits` (best first), at most MOST_FROM_ONE_OUTLET
    of them from one outlet, so that an article's similar articles are not
    five of one outlet's follow-ups; where other outlets run short, the
    rest are filled in rank order."""
    chosen: list[Hit] = []
    per_outlet: dict[str | None, int] = {}
    later = []
    for hit in hits:
        if per_outlet.get(hit.source, 0) < MOST_FROM_ONE_OUTLET:
            per_outlet[hit.source] = per_outlet.get(hit.source, 0) + 1
            chosen.append(hit)
        else:
            later.append(hit)
        if len(chosen) == size:
            return chosen
    ranked = {id(hit): number for number, hit in enumerate(hits)}
    return sorted(chosen + later[: size - len(chosen)], key=lambda hit: ranked[id(hit)])
