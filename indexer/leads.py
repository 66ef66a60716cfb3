"""Other stories' leads at the end of an article: a page's list of its outlet's other stories.

Some outlets end a page with the leads of four or five of their other
stories (CNN Arabic: 877 of its 3,507 pages in ../shared/corpus). Kept, they
are read as the article's own text: their people and bodies become its
actors, and it matches searches for stories it does not tell. No shape of
one page tells them apart from its own last paragraphs; the archive does:
each of them is another record's abstract. A reindex first gathers every
record's abstract (`Leads`, a sorted array of 64-bit hashes: 8 bytes an
article), then cuts an article's last paragraphs from the first one that
is the abstract of another record of its outlet, where they are a list of
leads (`Leads.cut`): short paragraphs, most of them other records'
abstracts. A single paragraph that repeats another story's abstract (the
background a follow-up gives) is the article's own, and stays, as does one
that the next paragraph goes on from (وجاء إعلان الحكومة…): no lead in a
list is followed by its own second paragraph.
"""

import hashlib
import re
from array import array
from bisect import bisect_left

KEY_CHARS = 40  # the letters of a paragraph's beginning that make its key
SHORTEST_KEY = 30  # fewer: too short to tell one story's lead from another's
LONGEST_LEAD = 300  # characters: a lead in a list is short; an article's own paragraph may be long
FEWEST_LEADS = 2  # abstracts of other records in the block cut; and at least half its paragraphs

_NOT_LETTERS = re.compile(r"[\W_]+")


def lead_key(text: str) -> str | None:
    """What a paragraph and the abstract it repeats share: the first
    letters and digits of each (punctuation, spaces and a page's dateline
    marks aside); None for a text too short to be told apart."""
    if len(text) < SHORTEST_KEY:
        return None
    letters = _NOT_LETTERS.sub("", text[: KEY_CHARS * 2])[:KEY_CHARS]
    return letters if len(letters) >= SHORTEST_KEY else None


def lead_hash(source: str, key: str) -> int:
    """A lead of `source`'s, as a number that sorts (stable across processes)."""
    digest = hashlib.blake2b(f"{source}\x1f{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class Leads:
    """The abstracts of the records of an archive, by outlet."""

    def __init__(self, hashes=()):
        self._hashes = array("Q", sorted(set(hashes)))

    def __len__(self):
        return len(self._hashes)

    def __contains__(self, found: int) -> bool:
        at = bisect_left(self._hashes, found)
        return at < len(self._hashes) and self._hashes[at] == found

    def cut(self, body: str, source: str, abstract: str = "") -> tuple[str, int]:
        """(the body without the other stories' leads it ends with, how many
        paragraphs were cut). `abstract`: the article's own, which a
        paragraph of its own may repeat."""
        lines = body.split("\n")
        at = [n for n, line in enumerate(lines) if line.strip()]  # the paragraphs' lines
        # The short paragraphs the body ends with, never its first: where a list of leads can be.
        start = len(at)
        while start > 1 and len(lines[at[start - 1]]) <= LONGEST_LEAD:
            start -= 1
        own = lead_key(abstract) if abstract else None

        def a_lead(line: str) -> bool:
            key = lead_key(line)
            return key is not None and key != own and lead_hash(source, key) in self

        leads = [a_lead(lines[n]) if i >= start else False for i, n in enumerate(at)]
        if not any(leads):
            return body, 0
        first = leads.index(True)

        # وجاء…, وقال… after it: the paragraph goes on; the list begins further down, if at all.
        def goes_on(i: int) -> bool:
            return i < len(at) and not leads[i] and lines[at[i]].lstrip().startswith("و")

        while goes_on(first + 1):
            first = next((i for i in range(first + 2, len(at)) if leads[i]), len(at))
        found = sum(leads[first:])
        if found < FEWEST_LEADS or 2 * found < len(at) - first:
            return body, 0
        return "\n".join(lines[: at[first]]).rstrip(), len(at) - first
