"""The actor gazetteer: who is who, under every spelling.

The gazetteer is a tab-separated file, one actor a line (see
`indexer/data/actors.tsv` and the README):

    name  type  aliases  ambiguous  context

`name` is the canonical name shown in facets; `type` is person or
organisation, or ignore for a phrase that holds a name without naming its
actor (شارع الحبيب بورقيبة): it hides the shorter name and tags nothing;
`aliases` are other spellings (separated by |) that name the
actor on sight; `ambiguous` are spellings that name it only when the same
article confirms it; `context` are the words that confirm it. An alias
listed for two actors is ambiguous for both.

Matching runs on normalised words: a one-letter clitic may precede the first
word of a name (وبوتين, لبوتين, وللأمم المتحدة), and at each word the longest
name wins (كيم جونغ أون over كيم). A name after بن is a father's, part of his
son's name (حمدان بن محمد بن راشد), and tags no one. An ambiguous mention is
kept only when exactly one of its actors is confirmed in the article, by one
of its unambiguous aliases or one of its context words; otherwise it is left
out.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.arabic import words

COLUMNS = ("name", "type", "aliases", "ambiguous", "context")
TYPES = ("person", "organisation", "ignore")
IGNORE = "ignore"  # a phrase that holds a name without naming the actor
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.tsv"
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_SON_OF = ("بن", "ابن", "بنت")
_CLITIC_LETTERS = frozenset(_CONJUNCTIONS + _PREPOSITIONS)
_CACHE_LIMIT = 500_000  # distinct words remembered per table (a large archive's vocabulary)


class GazetteerError(ValueError):
    """A gazetteer line that does not follow the format, named by file, line and field."""

    def __init__(self, path, line, field, reason):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")
        self.path, self.line, self.field, self.reason = path, line, field, reason


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    aliases: tuple[str, ...]  # the name first, unless it is ambiguous
    ambiguous: tuple[str, ...]
    context: tuple[str, ...]
    line: int = 0


def word_forms(word):
    """`word` and what it is without a leading clitic: و/ف, then ب/ل/ك, and
    لل before a definite noun (للأمم: الأمم)."""
    forms = [word]
    if word[:1] in _CONJUNCTIONS and len(word) > 2:
        forms.append(word[1:])
    for form in forms[:]:
        if form.startswith("لل") and len(form) > 3:
            forms.append("ال" + form[2:])
        elif form[:1] in _PREPOSITIONS and len(form) > 2:
            forms.append(form[1:])
    return forms


def _tokens_reaching(table):
    """Every token that word_forms could take to a key of `table`: the keys
    with the clitics it strips (more than it strips: _starting_at decides)."""
    found = set()
    for key in table:
        bases = {key, *(letter + key for letter in _PREPOSITIONS)}
        if key.startswith("ال"):
            bases.add("لل" + key[2:])
        found |= bases | {letter + base for letter in _CONJUNCTIONS for base in bases}
    return frozenset(found)


def _positions(tokens, reaching):
    """Positions of the tokens that may start an entry: most words of an
    article start none, and a set tells so faster than a lookup per word."""
    if reaching.isdisjoint(tokens):
        return []
    return [position for position, token in enumerate(tokens) if token in reaching]


class Gazetteer:
    def __init__(self, actors, path=None):
        self.actors = tuple(actors)
        self.path = path
        # alias words -> [(actor index, needs context)]
        self._owners = {}
        for index, actor in enumerate(self.actors):
            for alias in actor.aliases:
                self._owners.setdefault(words(alias), []).append((index, False))
            for alias in actor.ambiguous:
                self._owners.setdefault(words(alias), []).append((index, True))
        # first word -> [(alias words, owners)], longest first
        self._first = {}
        for alias_words, owners in self._owners.items():
            self._first.setdefault(alias_words[0], []).append((alias_words, owners))
        for candidates in self._first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._tagged = [actor.type != IGNORE for actor in self.actors]
        self._first_cache, self._context_cache = {}, {}
        self._first_tokens = _tokens_reaching(self._first)
        # a context phrase's first word, with and without ال -> [(actor index, phrase)]
        self._context_first = {}
        for index, actor in enumerate(self.actors):
            for phrase in map(words, actor.context):
                head = phrase[0]
                bare = head[2:] if head.startswith("ال") and len(head) > 3 else head
                for variant in {head, bare, "ال" + bare}:
                    self._context_first.setdefault(variant, []).append((index, phrase))
        self._context_tokens = _tokens_reaching(self._context_first)

    @classmethod
    def load(cls, path=None, problems=None):
        """Read and check a gazetteer file. Raises GazetteerError at the first
        fault, or, given a `problems` list, adds every fault to it and leaves
        out the lines at fault."""
        path = Path(path) if path else DEFAULT_PATH
        try:
            text = path.read_text(encoding="utf-8-sig")  # a BOM from Notepad is fine
        except FileNotFoundError:
            raise GazetteerError(path, 0, None, "no such file") from None
        except UnicodeDecodeError as error:
            raise GazetteerError(path, 0, None, f"not UTF-8 text ({error.reason})") from None
        except OSError as error:
            raise GazetteerError(path, 0, None, error.strerror or str(error)) from None
        return cls(_parse(text, path, problems), path)

    # --- tagging --------------------------------------------------------------

    def _starting_at(self, token, table, cache):
        """What `table` holds for `token` or its clitic-less forms, cached:
        a word is looked up once per process, not once per occurrence."""
        found = cache.get(token)
        if found is None:
            if token[0] in _CLITIC_LETTERS:
                found = [entry for form in word_forms(token) for entry in table.get(form, ())]
            else:
                found = table.get(token, ())
            if len(cache) < _CACHE_LIMIT:
                cache[token] = found
        return found

    def _mentions(self, tokens):
        """(position, size, owners) of every name in `tokens`, left to
        right, longest first."""
        first, cache = self._first, self._first_cache
        after = 0  # where the last name found ends
        for position in _positions(tokens, self._first_tokens):
            if position < after:
                continue
            best, size = None, 0
            for alias_words, owners in self._starting_at(tokens[position], first, cache):
                if len(alias_words) > size and (
                    tokens[position + 1 : position + len(alias_words)] == alias_words[1:]
                ):
                    best, size = owners, len(alias_words)
            if not best:
                continue
            # حمدان بن محمد بن راشد names the son, not محمد بن راشد.
            if not (position and tokens[position - 1] in _SON_OF):
                yield position, size, best
            after = position + size

    def split_keywords(self, line):
        """The tags of a keyword line that separates them by spaces only:
        each known name is a tag, and so is each run of words between two
        (زعيم كوريا الشمالية روسيا بوتين: زعيم كوريا الشمالية | روسيا | بوتين)."""
        line_words = line.split()
        tokens = [words(word) for word in line_words]
        if any(len(t) != 1 for t in tokens):  # a word that is not one token
            return [line.strip()] if line.strip() else []
        tags, start = [], 0
        for position, size, _ in self._mentions(tuple(t[0] for t in tokens)):
            tags.append(" ".join(line_words[start:position]))
            tags.append(" ".join(line_words[position : position + size]))
            start = position + size
        tags.append(" ".join(line_words[start:]))
        return [tag for tag in tags if tag]

    def _confirmed_by_context(self, token_lists):
        """Indexes of the actors whose context words occur in the token lists."""
        confirmed = set()
        phrases, cache = self._context_first, self._context_cache
        for tokens in token_lists:
            for position in _positions(tokens, self._context_tokens):
                for index, phrase in self._starting_at(tokens[position], phrases, cache):
                    if tokens[position + 1 : position + len(phrase)] == phrase[1:]:
                        confirmed.add(index)
        return confirmed

    def tag(self, *texts):
        """Canonical names of the actors named in `texts` (one article), in
        order of first mention."""
        token_lists = [words(text) for text in texts]
        found, ambiguous = {}, []
        for tokens in token_lists:
            for _, _, owners in self._mentions(tokens):
                owners = [o for o in owners if self._tagged[o[0]]]
                if len(owners) == 1 and not owners[0][1]:
                    found.setdefault(owners[0][0], len(found) + len(ambiguous))
                elif owners:
                    ambiguous.append((len(found) + len(ambiguous), owners))
        context = None
        for place, owners in ambiguous:
            candidates = {index for index, _ in owners}
            confirmed = candidates & found.keys()
            if not confirmed:
                if context is None:
                    context = self._confirmed_by_context(token_lists)
                confirmed = candidates & context
            if len(confirmed) == 1:
                found.setdefault(confirmed.pop(), place)
        return [self.actors[i].name for i in sorted(found, key=found.get)]

    def actors_of(self, title, body, tags=(), given=()):
        """Canonical names of an article's actors: those its record gives
        (a known spelling becomes its canonical name; a value naming known
        actors among other words becomes those actors; an unknown name is
        kept as given), then those named in its title, body and tags."""
        named = []
        for value in given:
            known = self.actor(value)
            named += [known.name] if known else (self.tag(value) or [value])
        return list(dict.fromkeys(named + self.tag(title, body, *tags)))

    def shared_aliases(self):
        """(alias, actor names) of every spelling that names several actors."""
        for alias_words, owners in self._owners.items():
            if len({index for index, _ in owners}) > 1:
                yield " ".join(alias_words), [self.actors[i].name for i, _ in owners]

    def knows(self, name):
        """Whether `name` is a spelling in the gazetteer, ambiguous or not."""
        return words(name) in self._owners

    def actor(self, name):
        """The actor an unambiguous alias names, or None."""
        owners = self._owners.get(words(name), ())
        if len(owners) == 1 and not owners[0][1] and self._tagged[owners[0][0]]:
            return self.actors[owners[0][0]]
        return None

    def spellings(self, name):
        """The unambiguous aliases of the actor `name` names without ambiguity
        (`name` among them), or () when it names none or several."""
        actor = self.actor(name)
        return tuple(a for a in actor.aliases if self.actor(a) is actor) if actor else ()

    def name_words(self):
        """The words of people's names that begin with a letter the stemmer
        may take for a clitic (و ف ب ل ك), the article aside: the analysis
        keeps them whole (indexer/arabic/data/names.txt), so that كيري stays
        apart from يري and بايدن is not ايدن."""
        found = set()
        for actor in self.actors:
            if actor.type == "person":
                for spelling in actor.aliases:
                    found.update(
                        word
                        for word in words(spelling)
                        if len(word) >= 3 and word[0] in "وفبلك" and not word.startswith("لل")
                    )
        return sorted(found)


def _split(value):
    return tuple(dict.fromkeys(v.strip() for v in value.split("|") if v.strip()))


def _parse(text, path, problems=None):
    actors, names = [], {}
    lines = iter(enumerate(text.splitlines(), 1))
    for number, line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            if tuple(c.strip() for c in line.split("\t")) != COLUMNS:
                raise GazetteerError(
                    path, number, None, "the first line must be the header " + "\\t".join(COLUMNS)
                )
            break
    else:
        raise GazetteerError(path, 0, None, "no header line (" + "\\t".join(COLUMNS) + ")")
    for number, line in lines:
        try:
            actor = _actor(line, number, path)
        except GazetteerError as error:
            if problems is None:
                raise
            problems.append(error)
            continue
        if actor is None:
            continue
        key = words(actor.name)
        if key in names:
            duplicate = GazetteerError(
                path, number, "name", f"{actor.name!r} is already the actor of line {names[key]}"
            )
            if problems is None:
                raise duplicate
            problems.append(duplicate)
            continue
        names[key] = number
        actors.append(actor)
    return actors


def _actor(line, number, path):
    """The actor of one line, None for a blank or comment line."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cells = line.split("\t")
    if len(cells) == 1:
        raise GazetteerError(
            path,
            number,
            None,
            "no tab: the fields (name, type, aliases, "
            "ambiguous, context) are separated by tabs, not spaces",
        )
    if len(cells) > len(COLUMNS):
        raise GazetteerError(
            path,
            number,
            None,
            f"{len(cells)} tab-separated fields; expected at most "
            f"{len(COLUMNS)} ({', '.join(COLUMNS)})",
        )
    cells += [""] * (len(COLUMNS) - len(cells))
    name, kind, aliases, ambiguous, context = (c.strip() for c in cells)
    if not name:
        raise GazetteerError(path, number, "name", "empty")
    if kind not in TYPES:
        raise GazetteerError(path, number, "type", f"{kind!r} is not one of {', '.join(TYPES)}")
    ambiguous, context = _split(ambiguous), _split(context)
    # The name itself may be ambiguous (القاعدة, حزب العمال): listed there, it
    # is only an ambiguous spelling.
    aliases = tuple(
        a
        for a in dict.fromkeys((name, *_split(aliases)))
        if not (a == name and words(name) in map(words, ambiguous))
    )
    seen = {}
    for field_name, values in (
        ("aliases", aliases),
        ("ambiguous", ambiguous),
        ("context", context),
    ):
        for value in values:
            key = words(value)
            if not key:
                raise GazetteerError(
                    path, number, field_name, f"{value!r} has no letters or digits"
                )
            if field_name == "context":
                continue
            if key in seen:
                raise GazetteerError(
                    path,
                    number,
                    field_name,
                    f"{value!r} matches the same text as {seen[key]!r}; list it once",
                )
            seen[key] = value
    return Actor(name, kind, aliases, ambiguous, context, number)


@lru_cache(maxsize=4)
def _load_cached(path, stamp):
    return Gazetteer.load(path)


def current(path=None):
    """The gazetteer at `path` (default: the shipped one), read again when the file changes."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        stamp = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        raise GazetteerError(path, 0, None, "no such file") from None
    return _load_cached(path, stamp)
