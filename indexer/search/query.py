"""The query language, the same on every surface.

    بوتين ترامب             words: documents with all of them first
    "كيم جونغ أون"          a phrase: the exact sequence, after normalisation
    -روسيا  -"كوريا الجنوبية"  exclusion
    موسكو OR كييف           either
    title:قمة  title:"قمة العشرين"   restricted to the title

Every word goes through the same analysis as the documents. A malformed
query never fails: an unbalanced quote is read as a plain character, an OR
with nothing on one side is a word, and a field name we do not know is part
of the word.
"""

import re
from dataclasses import dataclass

from indexer.arabic import analyze

FIELDS = ("title",)
_PIECE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"|(\S+))')
_FIELD_PREFIX = re.compile(r'(?<![\w"])(\w+):')


@dataclass(frozen=True)
class Clause:
    terms: tuple[str, ...]        # analysed terms; more than one is a phrase
    field: str | None = None      # None: title and body
    text: str = ""                # as typed, for engines that analyse it themselves


@dataclass(frozen=True)
class Query:
    # Each group is satisfied by any of its clauses; documents satisfying
    # every group rank first.
    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()

    @property
    def terms(self):
        """Every analysed term the query looks for (for highlighting)."""
        return {t for group in self.groups for clause in group for t in clause.terms}

    def __bool__(self):
        return bool(self.groups or self.excluded)


def parse(text: str) -> Query:
    text = (text or "").strip()
    if text.count('"') % 2:
        text = text.replace('"', " ")
    # A name before a colon that is not one of our fields is just a word.
    text = _FIELD_PREFIX.sub(
        lambda m: m.group(0) if m.group(1).lower() in FIELDS else m.group(1) + " ", text)
    pieces = []  # (negated, clause) or "OR"
    for match in _PIECE.finditer(text):
        negated, name, phrase, word = match.groups()
        if word == "OR" and not negated and not name:
            pieces.append("OR")
            continue
        typed = phrase if phrase is not None and word is None else word
        terms = tuple(analyze(typed))
        if terms:
            field_name = name.lower() if name else None
            pieces.append((bool(negated), Clause(terms, field_name, typed)))
    return _assemble(pieces)


def _assemble(pieces):
    groups, excluded = [], []
    join_next = False
    for piece in pieces:
        if piece == "OR":
            join_next = bool(groups)
            continue
        negated, clause = piece
        if negated:
            excluded.append(clause)
        elif join_next:
            groups[-1] = groups[-1] + (clause,)
        else:
            groups.append((clause,))
        join_next = False
    return Query(tuple(groups), tuple(excluded))
