"""The actor gazetteer: who is who, under every spelling.

The gazetteer is a tab-separated file, one actor a line (see
`indexer/data/actors.tsv` and the README):

    name  type  aliases  ambiguous  context  english

`name` is the canonical name shown in facets; `type` is person or
organisation, or ignore for a phrase that holds a name without naming its
actor (شارع الحبيب بورقيبة): it hides the shorter name and tags nothing;
`aliases` are other spellings (separated by |) that name the
actor on sight; `ambiguous` are spellings that name it only when the same
article confirms it; `context` are the words that confirm it; `english`
are the names a query may give it in Latin letters (Vladimir Putin | Putin),
for filters and searches, never matched in articles. An alias listed for
two actors is ambiguous for both.

Matching runs on normalised words: a one-letter clitic may precede the first
word of a name (وبوتين, لبوتين, وللأمم المتحدة), and at each word the longest
name wins (كيم جونغ أون over كيم). A name after بن is a father's, part of his
son's name (حمدان بن محمد بن راشد), and tags no one. An ambiguous mention is
kept only when exactly one of its actors is confirmed in the article, by one
of its unambiguous aliases or one of its context words, or, for an
organisation the recogniser reads, by a list that names it beside another
organisation named without ambiguity; otherwise it is left out.

An operator's edits file (BAHTH_ACTOR_EDITS, in the same format) is laid
over the shipped gazetteer, and wins: an edited line replaces every shipped
actor whose name it lists (a rename, a merge) and takes the spellings it
lists from any other (a split); an `ignore` line is a never-tag list.
"""

import os
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from indexer.arabic import words

COLUMNS = ("name", "type", "aliases", "ambiguous", "context", "english")
TYPES = ("person", "organisation", "medium", "ignore")
MEDIUM = (
    "medium"  # an outlet, an agency or a platform: an actor only where the article makes it act
)
PERSON, ORGANISATION = "person", "organisation"
IGNORE = "ignore"  # a phrase that holds a name without naming the actor
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.tsv"
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_SON_OF = ("بن", "ابن", "بنت")
_CLITIC_LETTERS = frozenset(_CONJUNCTIONS + _PREPOSITIONS)
COMMAS = frozenset(",،")
QUOTES = frozenset('"«»“”')
# A hyphen between two letters, as the recogniser writes it (`unmarked`):
# one name's words (ستروس-كان), or two of a kind (السعودي-الأميركي).
JOINER = "\u2010"
# أبو in the cases a name is given in: أبا بكر البغدادي, إلى أبي مازن.
ABU_FORMS = frozenset(words("أبو أبا أبي"))


# What names a club before its name (نادي العين, لفريق ليفربول), a clitic
# glued on or not: of the owners of an ambiguous spelling, the one club.
_CLUB_WORDS = frozenset(words("نادي فريق"))
# The nations of leagues that are no state's of countries.tsv.
_LEAGUE_NATIONS = frozenset(words("الإنجليزي الاسكتلندي الويلزي"))
_RUNS_A_COMPETITION = frozenset(words("اتحاد الاتحاد لكرة رابطة الرابطة الجامعة جامعة"))
# The words before a city's name that a club of its name does not follow
# (ذهابا في تورينو, إلى مدينة ليون, قرب ليل, بالقرب من فالنسيا, في تلال
# تورينو, وسط تورينو but not after a player: لاعب وسط تورينو is a
# midfielder), and إلى after a word of arriving (وصول رونالدو إلى تورينو;
# but a player moves إلى a club: أعير إلى فالنسيا); a player's club follows
# في after the words of _PLAYS_IN (يلعب في برشلونة, زميله في ليفربول).
_IN = frozenset(words("في وفي"))
_IN_A_CITY = _IN | frozenset(
    words(
        "مدينة بمدينة ومدينة لمدينة مدن بمدن ومدن قرب بالقرب ضواحي تلال شوارع سكان"
        " شمال جنوب شرق غرب"
    )
)
_NEAR = frozenset(words("قرب بالقرب"))  # (بالقرب من ليون)
# The city's centre, but not a midfielder's (ولاعب وسط تورينو, نجم خط وسط إنبي).
_MIDDLE = frozenset(words("وسط بوسط"))
_ARRIVING = frozenset(words("وصل وصول وصوله يصل سيصل وصلت وصولها توجه سافر"))
_ARRIVER_WORDS = 7  # the most words between a word of arriving and its إلى (the traveller's name)
_TO = frozenset(words("إلى وإلى"))
# What says a place's في is of the city, not of a club's team (ذهابا في
# تورينو; not تألق في روما, مدربه السابق في الهلال): a day, a time, a
# venue, an event's round.
_WHEN_OR_WHERE = frozenset(
    words(
        "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس اليوم الليلة "
        "مساء صباح صباحا العام عام ملعب الملعب بملعب الأولمبي الأولومبي ستاد استاد "
        "معسكر المعسكر التدريبي التدريبات متحف جسر ميدان مطار مؤتمر قمة النهائي ذهابا إيابا"
    )
)
_PLAYS_IN = frozenset(
    words("يلعب لعب يلعبان لعبا زميله زميلي زميلا زملائه زملاؤه ورفاقه رفاقه لاعبا لاعب لاعبي")
)
_MIDFIELDER = _PLAYS_IN | frozenset(words("خط"))


def _a_club_word(token: str) -> bool:
    return not _CLUB_WORDS.isdisjoint(word_forms(token, names=True))


def a_kunya(shown: str) -> bool:
    """Whether a word as written is أبو in any case, alone or after a clitic
    written before its hamza (وأبو, بأبي, لأبي): the word after it makes a
    kunya. Not آبي (Abby), nor بابا (ب and no hamza)."""
    if shown[:1] in _CLITIC_LETTERS and shown[1:2] in ("أ", "إ"):
        shown = shown[1:]
    found = tuple(words(shown))
    return shown[:1] != "آ" and len(found) == 1 and found[0] in ABU_FORMS


_LISTING = frozenset(("و", "او")) | COMMAS  # between two names of a list
# The words of a context phrase that names a competition (الدوري الإنجليزي,
# الليغا, كأس أمير قطر, الرابطة المحترفة): the clubs that share one play in
# it, and one named beyond doubt confirms another. Not كرة القدم, مباراة, a
# country: any club's, any body's of it.
_LEAGUE_WORDS = frozenset(
    words(
        "دوري الدوري الليغا الليجا الليغ البريميرليغ البريميرليج البريمييرليغ البريمير"
        " الكالتشيو السيري البوندسليغا البوندسليجا التشامبيونشيب كأس المحترفة الاحترافية"
    )
)
# What stands between two clubs set against each other (الوحدة على الوصل),
# and the words of a story of a match (`Gazetteer._paired_clubs`).
_AGAINST = frozenset(words("و على مع أمام ضد - –"))
_OF_A_MATCH = frozenset(
    words(
        "مباراة المباراة مباراته لقاء اللقاء مواجهة المواجهة الجولة الدوري هدف هدفين أهداف"
        " الشوط ملعب فوز بفوز تعادل التعادل خسارة المدرب لاعب اللاعب"
    )
)
_LISTED_CITIES = 8  # the most names of a list read back to the word of a place before it
_CACHE_LIMIT = 500_000  # distinct words remembered per table (a large archive's vocabulary)
_NAMES_REMEMBERED = 100_000  # names `actor` remembers its answer for (16 MB at most)


class GazetteerError(ValueError):
    """A gazetteer line that does not follow the format, named by file, line and field."""

    def __init__(self, path, line, field, reason):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")
        self.path, self.line, self.field, self.reason = path, line, field, reason
        self.setting = None  # the setting that names the file, when one does


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    aliases: tuple[str, ...]  # the name first, unless it is ambiguous
    ambiguous: tuple[str, ...]
    context: tuple[str, ...]
    line: int = 0
    english: tuple[str, ...] = ()  # names a query may give it in Latin letters


def _opens(mark, straight_before) -> bool:
    """Whether a quotation mark opens a quotation: « or “, or " after an
    even number of them in the text (`straight_before`: باسم "النهضة" حزب
    "الرابطة: the second pair's first)."""
    return mark not in _CLOSING and (mark != '"' or straight_before % 2 == 0)


_CLOSING = frozenset("»”")


def word_forms(word, shortest=2, *, names):
    """`word` and what it is without a leading clitic: و/ف, then ب/ل/ك, each
    taken off a word longer than `shortest` characters, and لل before a
    definite noun (للأمم: الأمم) off one a character longer still, or, for
    `names`, ل before a name that begins with ل too (لليفربول, للبنان). The
    gazetteer's spellings and the countries take 2 and names, the
    recogniser's rules 3 and no names (recognise.without_clitic: للقاء is
    no لقاء); the native twin is words.rs's clitic_forms."""
    forms = [word]
    if word[:1] in _CONJUNCTIONS and len(word) > shortest:
        forms.append(word[1:])
    for form in forms[:]:
        if form.startswith("لل") and len(form) > shortest + 1:
            forms.append("ال" + form[2:])
            if names:
                forms.append(form[1:])
        elif form[:1] in _PREPOSITIONS and len(form) > shortest:
            forms.append(form[1:])
    return forms


def _tokens_reaching(table):
    """Every token that word_forms could take to a key of `table`: the keys
    with the clitics it strips (more than it strips: _forms decides)."""
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
        # A person's given names before another spelling of their family
        # name name them as surely (كريم بنزيما: كريم بنزيمة, known as بنزيما
        # too), where no actor has that spelling.
        for index, actor in enumerate(self.actors):
            for spelling in _given_names_with_surnames(actor):
                self._owners.setdefault(spelling, [(index, False)])
        # first word -> [(alias words, owners)], longest first
        self._first = {}
        for alias_words, owners in self._owners.items():
            self._first.setdefault(alias_words[0], []).append((alias_words, owners))
        for candidates in self._first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        # The same by their first two words (longest first), and the owners of
        # one-word aliases: a name is looked for among those that go on as
        # the text does, not among every alias of a common first word (وزارة).
        self._pairs: dict[tuple[str, str], list] = {}
        self._single: dict[str, list] = {}
        for first, candidates in self._first.items():
            for alias_words, owners in candidates:
                if len(alias_words) == 1:
                    self._single[first] = owners
                else:
                    pair = (first, alias_words[1])
                    self._pairs.setdefault(pair, []).append((alias_words, owners))
        self._forms_cache: dict[str, list[str]] = {}
        # One-word spellings written with a final ة (جمعة, سلامة), normalised (جمعه).
        self._teh_marbuta = frozenset(
            words(spelling)[0]
            for actor in self.actors
            for spelling in (*actor.aliases, *actor.ambiguous)
            if spelling.endswith("ة") and len(words(spelling)) == 1
        )
        self._tagged = [actor.type != IGNORE for actor in self.actors]
        # English names, folded -> actor index (None: a name two actors share)
        self._english: dict[str, int | None] = {}
        # and each word of them (al-Assad: assad) -> the actors whose English names hold it
        self._english_words: dict[str, set[int]] = {}
        for index, actor in enumerate(self.actors):
            for name in actor.english:
                folded = _latin(name)
                known = self._english.get(folded, index)
                self._english[folded] = index if known == index else None
                if self._tagged[index]:
                    for word in _latin_words(name):
                        self._english_words.setdefault(word, set()).add(index)

        self._context_cache: dict[str, list[str]] = {}
        self._actor_cache: dict[str, Actor | None] = {}  # a name as written -> `actor`'s answer
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
        # An organisation's context phrases of a competition: another that
        # shares one (a club of the same league) and is named beyond doubt
        # confirms it too; and the organisations of each whole phrase.
        self._peers: list[frozenset] = []
        self._bodies_of_context: dict[tuple, set[int]] = {}
        for index, actor in enumerate(self.actors):
            phrases = frozenset(map(words, actor.context)) if actor.type == ORGANISATION else ()
            self._peers.append(frozenset(p for p in phrases if not _LEAGUE_WORDS.isdisjoint(p)))
            for phrase in phrases:
                self._bodies_of_context.setdefault(phrase, set()).add(index)
        # Clubs: bodies of a competition, not those that run one (الاتحاد
        # السعودي لكرة القدم, رابطة الدوري).
        self._clubs = {
            index
            for index, actor in enumerate(self.actors)
            if self._peers[index] and not _RUNS_A_COMPETITION.intersection(words(actor.name))
        }
        # A club's nation, as the adjectives of its competitions say it
        # (الدوري الفرنسي: الفرنسي), which after its name says the club, not
        # its city (ليون الفرنسي; the city is ليون الفرنسية); no other word
        # of theirs (الدوري الأوروبي, الدرجة الأولى: تولوز الأولى is no club).
        from .countries import countries  # (which reads the gazetteer's forms)

        self._nations = nations = countries().adjectives | _LEAGUE_NATIONS
        self._nations_of_clubs = {
            index: {word for phrase in self._peers[index] for word in phrase[1:] if word in nations}
            for index in self._clubs
        }
        # The same by their first two words, and one-word phrases alone.
        self._context_pairs: dict[tuple[str, str], list] = {}
        self._context_single: dict[str, set] = {}
        for variant, entries in self._context_first.items():
            for index, phrase in entries:
                if len(phrase) == 1:
                    self._context_single.setdefault(variant, set()).add(index)
                else:
                    pair = (variant, phrase[1])
                    self._context_pairs.setdefault(pair, []).append((index, phrase))

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

    @staticmethod
    def _forms(token, table, cache):
        """The forms of `token` (itself, without a clitic) that are keys of
        `table`, cached: a word is looked at once per process."""
        found = cache.get(token)
        if found is None:
            forms = word_forms(token, names=True) if token[0] in _CLITIC_LETTERS else (token,)
            found = [form for form in forms if form in table]
            if len(cache) < _CACHE_LIMIT:
                cache[token] = found
        return found

    def spelling(self, token):
        """The one-word spelling a token is a mention of (وسلامة: سلامة)."""
        forms = self._forms(token, self._first, self._forms_cache)
        return next((form for form in forms if form in self._single), token)

    def _mentions(self, tokens, positions=None):
        """(position, size, owners) of every name in `tokens`, left to
        right, longest first; `positions`: those of the tokens that may begin
        one, when the caller knows them."""
        after = 0  # where the last name found ends
        if positions is None:
            positions = _positions(tokens, self._first_tokens)
        pairs, single, end = self._pairs, self._single, len(tokens)
        straight, counted = 0, 0  # the " before `counted`, counted once a text
        for position in positions:
            if position < after:
                continue
            best, size = None, 0
            # The rest of a name may be quoted after its first word: قائمة
            # "الفتح", حزب «نداء تونس» (the quote one more word of the
            # mention), where the quote closes with it (not حزب "الرابطة
            # الإسلامية": a longer name); or a quote closes after the first
            # word ("توتال" الفرنسية).
            second, opened = position + 1, False
            if second + 1 < end and tokens[second] in QUOTES:
                straight += tokens[counted:second].count('"')
                counted = second
                opened = _opens(tokens[second], straight)
                second += 1
            following = tokens[second] if second < end else None
            for form in self._forms(tokens[position], self._first, self._forms_cache):
                for alias_words, owners in pairs.get((form, following), ()):
                    length = len(alias_words) + second - position - 1
                    if length <= size:
                        break  # longest first: none after it is longer
                    if tokens[second + 1 : position + length] == alias_words[2:] and (
                        not opened
                        or (position + length < end and tokens[position + length] in QUOTES)
                    ):
                        best, size = owners, length
                        break
                if not size and form in single:
                    best, size = single[form], 1
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

    def _confirmed_by_context(self, token_lists, positions=None):
        """Indexes of the actors whose context words occur in the token lists
        (`positions`: of the tokens a context phrase may begin at, per list)."""
        confirmed: set[int] = set()
        pairs, single = self._context_pairs, self._context_single
        for number, tokens in enumerate(token_lists):
            where = positions[number] if positions else _positions(tokens, self._context_tokens)
            end = len(tokens)
            for position in where:
                following = tokens[position + 1] if position + 1 < end else None
                context = self._forms(tokens[position], self._context_first, self._context_cache)
                for form in context:
                    confirmed |= single.get(form, set())
                    for index, phrase in pairs.get((form, following), ()):
                        if tokens[position + 2 : position + len(phrase)] == phrase[2:]:
                            confirmed.add(index)
        return confirmed

    def tag(self, *texts):
        """Canonical names of the actors named in `texts` (one article), in
        order of first mention."""
        found = self.resolve([words(text) for text in texts])
        order = {}
        for _, _, _, index in found:
            if self._tagged[index]:
                order.setdefault(index, len(order))
        return [self.actors[i].name for i in order]

    def starts(self):
        """The normalised words a spelling of its actors, and a phrase of
        their context, may begin with, clitics included."""
        return self._first_tokens, self._context_tokens

    def resolve(
        self,
        token_lists,
        keep=None,
        positions=None,
        context_positions=None,
        common=None,
        mentions=None,
        lists=False,
        also_context=None,
        alone=None,
        elsewhere=None,
    ):
        """(list, position, size, actor index) of each mention of an actor in
        the token lists of one article, in order: an unambiguous spelling names
        its actor; an ambiguous one (listed as such, or shared by several
        actors) names the one actor of its owners that the article confirms by
        an unambiguous spelling, by a context word of its own, or, an
        organisation, by another named beyond doubt that shares a context
        phrase of a competition with it (بورنموث where ليستر سيتي is: a club
        of the same league). A phrase never to be tagged (type ignore) is a
        mention too, of its ignore line,
        so that no shorter or longer name is read in its words. `keep(list,
        position, size)`, when given, says which mentions count at all (one
        inside a longer name is another person's). `positions`, one list for
        each token list, are those of the tokens a spelling may begin at.
        `common(list, position, spelling, people)`, when given, says which
        mentions of a one-word spelling are a common word rather than the
        name (سلامة, "safety"; لصالح, "in favour of"; فتح سفارتها, "opened
        its embassy"), or as likely another's (صلاح, where صلاح قوش is
        named): the article's context does not confirm them, only another
        spelling of the actor does. `people`: whether every owner of
        the spelling is a person (a body's name that is a word too, حماس, is
        what its context is about, but where it governs a noun); asked too of
        a person's one-word spelling that names them on sight, `on_sight`,
        which is then a word only as written there (لاجئي, جمعه).) `mentions`,
        one for each token list, are what _mentions gives for it where the
        caller has it (None: found here). `lists`: the token lists keep their
        punctuation, and an ambiguous organisation counts where a list names
        it beside one named without ambiguity (`_listed_with`). `also_context`,
        when given, says (called once, where needed) which context phrases
        the article has without writing them (its outlet's country, where
        the story is of it): an organisation with one of them as a whole
        phrase of its context is confirmed. `alone(list, position, size)`,
        when given, says which mentions are no part of a longer name the
        article gives (ووزارة الإنتاج الحربي is no club's): only those a
        peer confirms. `elsewhere(list, position, size, index)`, when given,
        says of which owners a mention is not, for the nation the words
        after it give (الحزب الشيوعي الكوبي is no owner of الحزب الشيوعي's)."""
        sure, ambiguous = [], []
        for number, tokens in enumerate(token_lists):
            found = mentions[number] if mentions is not None else None
            if found is None:
                where = positions[number] if positions is not None else None
                found = self._mentions(tokens, where)
            for position, size, owners in found:
                if keep is not None and not keep(number, position, size):
                    continue
                if elsewhere is not None:
                    owners = [o for o in owners if not elsewhere(number, position, size, o[0])]
                    if not owners:
                        continue  # another nation's body of that name: its own name is shown
                if all(not self._tagged[index] for index, _ in owners):
                    sure.append((number, position, size, owners[0][0]))  # never tagged
                    continue
                owners = [o for o in owners if self._tagged[o[0]]]
                if len(owners) == 1 and not owners[0][1]:
                    index = owners[0][0]
                    if size == 1 and self._a_word_here(index, tokens, number, position, common):
                        # A person's name of one word that is a word of the
                        # language as written here (لاجئي, "refugees of";
                        # جمعه, "gathered him"): only another spelling of
                        # theirs confirms it.
                        ambiguous.append((number, position, size, owners))
                    else:
                        sure.append((number, position, size, index))
                elif owners:
                    ambiguous.append((number, position, size, owners))
        confirmed_by_name = {index for *_, index in sure}
        plain = list(sure)  # the mentions a list confirms by: not the ones confirmed here
        edges = None  # where those of them that are organisations begin and end
        cities = self._only_cities(token_lists, ambiguous)
        context = None
        peer_of = set(confirmed_by_name)  # the organisations whose competitions confirm
        peers = None  # the context phrases of competitions of those

        def confirm(number, position, size, owners) -> bool:
            """Whether the article confirms one owner of an ambiguous mention
            (then added to `sure`)."""
            nonlocal context, peers, edges
            tokens = token_lists[number]
            candidates = {index for index, _ in owners}
            confirmed = candidates & confirmed_by_name
            if not confirmed and tuple(tokens[position : position + size]) in cities:
                return False
            if not confirmed and position and _a_club_word(tokens[position - 1]):
                # نادي العين, لفريق ليفربول: the one club of its owners.
                clubs = candidates & self._clubs
                confirmed = clubs if len(clubs) == 1 else set()
            if not confirmed and size <= 2 and position + 1 < len(tokens):
                # ليون الفرنسي, الأهلي المصري: the one club of that nation,
                # after a name of one word or in a spelling of two (الريان
                # القطري; حرس الحدود المصري is Egypt's border guard); not
                # the first of two nations (التعاون السعودي الأميركي).
                nation, *rest = tokens[position + 1 : position + 4]
                clubs = {i for i in candidates & self._clubs if nation in self._nations_of_clubs[i]}
                if rest[:1] in (["-"], ["–"], [JOINER]):
                    rest = rest[1:]  # السعودي-الأميركي
                two_nations = bool(rest) and rest[0] in self._nations
                confirmed = clubs if len(clubs) == 1 and not two_nations else set()
            people = all(self.actors[index].type == PERSON for index in candidates)
            if not confirmed and not (
                size == 1
                and common is not None
                and common(number, position, self.spelling(tokens[position]), people)
            ):
                if context is None:
                    context = self._confirmed_by_context(token_lists, context_positions)
                    for phrase in also_context() if also_context else ():
                        context |= self._bodies_of_context.get(phrase, set())
                confirmed = candidates & context
                if not confirmed:
                    # بورنموث where ليستر and إيفرتون are named: a club of
                    # their league, as its context words would say; not where
                    # a city of its name is (ذهابا في تورينو, where يوفنتوس is).
                    if peers is None:
                        peers = set().union(*(self._peers[i] for i in peer_of))
                    if (alone is None or alone(number, position, size)) and not self._in_a_city(
                        tokens, position
                    ):
                        confirmed = {i for i in candidates if not self._peers[i].isdisjoint(peers)}
                if not confirmed and lists:
                    if edges is None:
                        edges = self._bodies_edges(plain)
                    confirmed = self._listed_with(tokens, position, size, candidates, edges, number)
            if len(confirmed) != 1:
                return False
            sure.append((number, position, size, confirmed.pop()))
            return True

        # An ambiguous club once confirmed confirms its league's as one named
        # beyond doubt does (الريان القطري: then الغرافة and لخويا): the
        # mentions left are read again while that confirms more.
        waiting = [mention for mention in ambiguous if not confirm(*mention)]
        while waiting:
            grown = {i for *_, i in sure if self._peers[i]} - peer_of
            if not grown and lists:
                # Two clubs no word confirms, set against each other (بين
                # العين والوحدة, فاز الوحدة على الوصل) in a story of a match:
                # the one pair of their owners that plays in one league.
                paired = self._paired_clubs(token_lists, waiting)
                sure += paired
                done = {found[:3] for found in paired}
                waiting = [m for m in waiting if m[:3] not in done]
                grown = {i for *_, i in sure if self._peers[i]} - peer_of
            if not grown:
                break
            peer_of |= grown
            peers = None
            waiting = [mention for mention in waiting if not confirm(*mention)]
        return sorted(sure)

    def _paired_clubs(self, token_lists, waiting) -> list[tuple]:
        """(list, position, size, actor index) of the ambiguous mentions of
        clubs an article sets against each other, one after the other with
        و, على, مع, أمام or ضد between them (مباراة الأهلي والهلال, تعادل
        الإمارات مع عجمان), where exactly one pair of their owners plays in
        one league (their competitions' context phrases), in a story that
        tells of a match (`_OF_A_MATCH`); not a club's name after في (في
        العين: the city), nor one that is a word there (الوحدة والتعاون in
        a speech tells of no match)."""
        if not any(_OF_A_MATCH.intersection(tokens) for tokens in token_lists):
            return []
        clubs = {
            (number, position): (size, {i for i, _ in owners if i in self._clubs})
            for number, position, size, owners in waiting
        }
        found = []
        for (number, position), (size, mine) in clubs.items():
            tokens = token_lists[number]
            after = position + size
            between = 0 if after < len(tokens) and self._and(tokens[after]) else 1  # (و الوحدة)
            if between and (after >= len(tokens) or tokens[after] not in _AGAINST):
                continue
            other = clubs.get((number, after + between))
            if not mine or other is None or self._listed_in_a_city(tokens, position):
                continue
            pairs = {
                (a, b)
                for a in mine
                for b in other[1]
                if a != b and not self._peers[a].isdisjoint(self._peers[b])
            }
            if len(pairs) == 1:
                ((a, b),) = pairs
                found.append(((number, position, size, a), (number, after + between, other[0], b)))
        actors: dict[tuple, set] = {}  # a mention -> the clubs its pairs say it is
        for pair in found:
            for mention in pair:
                actors.setdefault(mention[:3], set()).add(mention[3])
        # A mention two pairs read as two clubs (الأهلي والهلال والمريخ: Saudi
        # with one, Sudanese with the other) confirms neither pair.
        agreed = [p for p in found if all(len(actors[m[:3]]) == 1 for m in p)]
        return list(dict.fromkeys(mention for pair in agreed for mention in pair))

    def _only_cities(self, token_lists, ambiguous) -> set[tuple[str, ...]]:
        """The spellings of clubs named for their city that an article writes
        only after a word of a place and with no nation's adjective after
        them, a في after what says the city is meant (السفير الفرنسي في روما,
        الملعب الأولمبي في روما, جسر موراندي الثلاثاء في جنوى: the city,
        however much of football the story tells; not ليون الفرنسي, nor
        تألق في روما, the club)."""
        where: dict[tuple[str, ...], bool] = {}
        for number, position, size, owners in ambiguous:
            if not all(index in self._clubs for index, _ in owners):
                continue
            tokens = token_lists[number]
            after = tokens[position + size] if position + size < len(tokens) else ""
            city = (
                self._in_a_city(tokens, position)
                and after not in self._nations
                and (tokens[position - 1] not in _IN or self._of_the_city(tokens, position - 1))
            )
            spelling = tuple(tokens[position : position + size])
            where[spelling] = where.get(spelling, True) and city
        return {spelling for spelling, city in where.items() if city}

    def _of_the_city(self, tokens, position) -> bool:
        """Whether the في at `position` is a city's: after a day, a time, a
        venue or a round (`_WHEN_OR_WHERE`), a year, or a nation's adjective
        (المنتخب الهولندي في تورينو)."""
        before = tokens[position - 1] if position else ""
        return before in _WHEN_OR_WHERE or before.isdigit() or before in self._nations

    @staticmethod
    def _in_a_city(tokens, position) -> bool:
        """Whether the name at `position` of `tokens` follows a word of a
        place (في, مدينة, ضواحي, بالقرب من, وسط, وصل إلى), but not a
        player's في (يلعب في) nor a midfielder's وسط (لاعب وسط)."""
        before = tokens[position - 1] if position else ""
        previous = tokens[position - 2] if position > 1 else ""
        if before == "من":
            return previous in _NEAR
        if before in _MIDDLE:
            return previous.removeprefix("و") not in _MIDFIELDER
        if before in _TO:
            return not _ARRIVING.isdisjoint(
                tokens[max(0, position - 2 - _ARRIVER_WORDS) : position - 1]
            )
        if before not in _IN_A_CITY:
            return False
        return not (before in _IN and previous in _PLAYS_IN)

    def _listed_in_a_city(self, tokens, position) -> bool:
        """Whether the name at `position` is in a city, or in a list whose
        first word is (في مرسيليا وليون وليل: three cities)."""
        at = position
        for _ in range(_LISTED_CITIES):
            if self._in_a_city(tokens, at):
                return True
            if at >= 2 and tokens[at - 1] in _LISTING:
                at -= 2  # (مرسيليا، ليون; مرسيليا و ليون)
            elif at >= 1 and self._and(tokens[at]):
                at -= 1  # (مرسيليا وليون)
            else:
                return False
        return False

    def _a_word_here(self, index, tokens, number, position, common) -> bool:
        """Whether the one-word spelling of person `index` at `position` of
        `tokens` (token list `number`) is a word as written there, as
        `common` says of a spelling that names its person on sight."""
        if common is None or self.actors[index].type != PERSON:
            return False
        return common(number, position, self.spelling(tokens[position]), True, on_sight=True)

    def _bodies_edges(self, mentions) -> tuple[set, set]:
        """(token list, start) and (token list, end) of the mentions of
        organisations the gazetteer tags."""
        starts, ends = set(), set()
        for number, position, size, index in mentions:
            if self.actors[index].type == ORGANISATION and self._tagged[index]:
                starts.add((number, position))
                ends.add((number, position + size))
        return starts, ends

    def _listed_with(self, tokens, position, size, candidates, edges, number):
        """The one organisation among `candidates` that a list names beside
        an organisation the article names without ambiguity (لحزب الله أو
        حماس أو الحوثيين, داعش وحماس), or none. Only organisations: in a list
        of people a short name is as often another person's (وصفوت حجازي is
        not أحمد حجازي); and only a name that wears no preposition
        (أبل، بالتعاون مع السلطات is no club). `edges`: where the bodies named
        without ambiguity begin and end (`_bodies_edges`)."""
        bodies = {i for i in candidates if self.actors[i].type == ORGANISATION}
        first = tokens[position]
        if len(bodies) != 1 or (first[1:] if self._and(first) else first) not in self._first:
            return set()
        starts, ends = edges
        end = position + size
        if (
            ((number, position - 1) in ends and tokens[position - 1] in _LISTING)
            or ((number, position) in ends and self._and(first))
            or ((number, end + 1) in starts and tokens[end] in _LISTING)
            or ((number, end) in starts and self._and(tokens[end]))
        ):
            return bodies
        return set()

    def _and(self, token):
        """Whether a name's first word wears the conjunction و (وحماس; not و
        alone, nor وست of وست هام)."""
        return len(token) > 1 and token[:1] == "و" and token not in self._first

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

    def ends_in_teh_marbuta(self, spelling: str) -> bool:
        """Whether a one-word spelling (normalised: جمعه) is written with a final ة."""
        return spelling in self._teh_marbuta

    def person_words(self):
        """The normalised words of its people's names and aliases (not of
        their ambiguous spellings, which are often a title: الأمين العام للأمم
        المتحدة)."""
        return {
            word
            for actor in self.actors
            if actor.type == "person"
            for spelling in (actor.name, *actor.aliases)
            for word in words(spelling)
        }

    def people_spellings(self, shared=False):
        """(spelling, actor) of each name and alias that names one person
        without ambiguity; `shared`: or that several share (سكريبال, the
        father's and the daughter's)."""
        for actor in self.actors:
            if actor.type == "person":
                for spelling in (actor.name, *actor.aliases):
                    if shared or self.actor(spelling) is actor:
                        yield spelling, actor

    def kind(self, name):
        """The type of the actor `name` names without ambiguity, or ""."""
        actor = self.actor(name)
        return actor.type if actor else ""

    def knows(self, name):
        """Whether `name` is a spelling in the gazetteer, ambiguous or not."""
        return words(name) in self._owners

    def spelling_data(self) -> dict:
        """What the native pass over its spellings reads (`_mentions`, in Rust)."""
        return {
            "first": self._first,
            "son_of": set(_SON_OF),
            "quotes": set(QUOTES),
            "conjunctions": "".join(_CONJUNCTIONS),
            "prepositions": "".join(_PREPOSITIONS),
        }

    def names_a_body(self, name) -> bool:
        """Whether `name` is a spelling of an organisation, ambiguous or not
        (تشيلسي, الأزهر: given names too)."""
        return any(
            self.actors[i].type == "organisation" for i, _ in self._owners.get(words(name), ())
        )

    def one_word_spellings(self) -> set[str]:
        """The normalised spellings of one word: a word `knows` knows."""
        return {spelling[0] for spelling in self._owners if len(spelling) == 1}

    def confirmed(self, name, token_lists) -> bool | None:
        """Whether the context words of the actor `name` names without
        ambiguity occur in the token lists (an article's normalised words);
        None for an actor the gazetteer gives no context words."""
        owners = self._owners.get(words(name), ())
        if len(owners) != 1 or not self.actors[owners[0][0]].context:
            return None
        return owners[0][0] in self._confirmed_by_context(token_lists)

    def begins_a_name(self, spelling) -> bool:
        """Whether a one-word spelling (normalised) is the first word of the
        name of an actor it names (شي, of شي جين بينغ; not صلاح, the family
        name of محمد صلاح)."""
        return spelling in self._name_starts

    @cached_property
    def _name_starts(self) -> frozenset[str]:
        return frozenset(
            first
            for first, owners in self._single.items()
            if any(words(self.actors[index].name)[0] == first for index, _ in owners)
        )

    def never(self, name) -> bool:
        """Whether `name` is a spelling never to be tagged (its lines are all
        ignore lines)."""
        owners = self._owners.get(words(name), ())
        return bool(owners) and not any(self._tagged[index] for index, _ in owners)

    def named(self, name):
        """The actor a query's name means: an unambiguous alias, its own
        name, or an English name (any case, any spacing); None for another."""
        found = self.actor(name)
        if found is None:
            index = self._english.get(_latin(name))
            # An actor's own name that articles need context for (روما: AS
            # Roma, or Rome) means that actor in a query, where no other
            # actor has it; a surname that needs context (سواريز) does not.
            owners = {i for i, _ in self._owners.get(words(name), ())}
            if len(owners) == 1 and words(self.actors[min(owners)].name) == words(name):
                index = min(owners)
            if index is not None and self._tagged[index]:
                found = self.actors[index]
        return found

    def by_english_words(self, value) -> list:
        """The actors whose English names hold every word of `value` (Bolton:
        John Bolton; Assad: Bashar al-Assad and Hafez al-Assad), for a value
        in Latin letters; [] for another."""
        return [self.actors[i] for i in sorted(self._english_owners(value))]

    def _english_owners(self, value) -> set[int]:
        wanted = _latin_words(value)
        if not wanted or not all(c.isascii() for c in value):
            return set()
        return set.intersection(*(self._english_words.get(w, set()) for w in wanted))

    def index(self, actor) -> int:
        """The index of one of its actors (their names are unique)."""
        return self._indexes[actor.name]

    @cached_property
    def _indexes(self) -> dict[str, int]:
        return {actor.name: index for index, actor in enumerate(self.actors)}

    def actor(self, name):
        """The actor an unambiguous alias names, or None; a kunya in another
        case is the one it names as أبو (أبي مازن, أبا بكر البغدادي; not آبي,
        Abby, nor a family name أبي no one has as أبو: سيزار أبي خليل)."""
        if name in self._actor_cache:
            return self._actor_cache[name]
        written = words(name)
        owners = self._owners.get(written, ())
        if not owners and len(written) > 1 and written[0] in ABU_FORMS and a_kunya(name.split()[0]):
            owners = self._owners.get(("ابو", *written[1:]), ())
        found = None
        if len(owners) == 1 and not owners[0][1] and self._tagged[owners[0][0]]:
            found = self.actors[owners[0][0]]
        if len(self._actor_cache) < _NAMES_REMEMBERED:
            self._actor_cache[name] = found
        return found

    def spellings(self, name):
        """The unambiguous aliases of the actor `name` names without ambiguity
        (an alias, or an English name: Putin), or () when it names none or
        several."""
        actor = self.named(name)
        return tuple(a for a in actor.aliases if self.actor(a) is actor) if actor else ()

    def family_spellings(self, name):
        """The other one-word spellings of a one-word name that several
        people share under every spelling of it (سكريبال and سكريبل, the
        Skripals, father and daughter): one family name written two ways;
        one word in Latin letters, all of them (Skripal). () for a name no
        several people share so."""
        latin = self._english_owners(name) if len(name.split()) == 1 else set()
        owners = latin or {index for index, _ in self._owners.get(words(name), ())}
        if len(owners) < 2 or any(self.actors[i].type != PERSON for i in owners):
            return ()
        spelt = [
            {s for s in (*self.actors[i].aliases, *self.actors[i].ambiguous) if len(words(s)) == 1}
            for i in owners
        ]
        shared = set.intersection(*spelt)
        mine = words(name)
        return tuple(sorted(s for s in shared if words(s) != mine))

    def name_words(self, given_names=()):
        """The words of people's names, and the `given_names` (normalised),
        that begin with a letter the stemmer may take for a clitic (و ف ب ل
        ك), the article aside: the analysis keeps them whole
        (indexer/arabic/data/names.txt), so that كيري stays apart from يري,
        بايدن is not ايدن, nor فادي أدى or بروس روس."""
        found = set(given_names)
        for actor in self.actors:
            if actor.type == "person":
                for spelling in actor.aliases:
                    found.update(words(spelling))
        return sorted(
            word
            for word in found
            if len(word) >= 3 and word[0] in "وفبلك" and not word.startswith("لل")
        )


def _given_names_with_surnames(actor):
    """The words of a person's name with its last word replaced by each of
    their one-word spellings that is no word of it (دونالد ترمب for دونالد
    ترامب, known as ترمب)."""
    if actor.type != "person":
        return
    name = words(actor.name)
    if len(name) < 2:
        return
    for spelling in (*actor.aliases, *actor.ambiguous):
        alias = words(spelling)
        # (not a compound glued: نصرالله of حسن نصر الله)
        if len(alias) == 1 and alias[0] not in name and not alias[0].startswith(name[-2]):
            yield (*name[:-1], alias[0])


def _latin(name: str) -> str:
    """An English name as compared: case-folded, one space between words."""
    return " ".join(name.casefold().split())


def _latin_words(name: str) -> set[str]:
    """The words of an English name as compared, without the article Arabic
    names carry in Latin letters (al-Assad, el-Sisi: assad, sisi)."""
    words_of = re.split(r"[\s\-‐'’.]+", name.casefold())
    return {w for w in words_of if w and w not in _LATIN_ARTICLES}


_LATIN_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "bint"})


def _split(value):
    return tuple(dict.fromkeys(v.strip() for v in value.split("|") if v.strip()))


def _parse(text, path, problems=None):
    actors, names = [], {}
    lines = iter(enumerate(text.splitlines(), 1))
    for number, line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            if tuple(c.strip() for c in line.split("\t")) not in (COLUMNS, COLUMNS[:5]):
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
            "ambiguous, context, english) are separated by tabs, not spaces",
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
    name, kind, aliases, ambiguous, context, english = (c.strip() for c in cells)
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
    return Actor(name, kind, aliases, ambiguous, context, number, _split(english))


def layered(shipped, edits) -> list[Actor]:
    """The actors of `shipped` under an operator's `edits`: a shipped actor
    whose name an edit lists is gone (renamed or merged into the edit), one
    that only shares spellings with edits gives them up (split off); the
    edits follow, as written."""
    taken = {words(spelling) for edit in edits for spelling in _spellings(edit)}
    kept = []
    for actor in shipped:
        if words(actor.name) in taken:
            continue
        aliases = tuple(a for a in actor.aliases if words(a) not in taken)
        ambiguous = tuple(a for a in actor.ambiguous if words(a) not in taken)
        if aliases or ambiguous:
            kept.append(replace(actor, aliases=aliases, ambiguous=ambiguous))
    return kept + list(edits)


def _spellings(actor):
    return (actor.name, *actor.aliases, *actor.ambiguous)


def _stamp(path):
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        raise GazetteerError(path, 0, None, "no such file") from None


@lru_cache(maxsize=4)
def _load_cached(path, stamp, edits, edits_stamp):
    gazetteer = Gazetteer.load(path)
    if edits is None:
        return gazetteer
    return Gazetteer(layered(gazetteer.actors, Gazetteer.load(edits).actors), path)


def current(path=None, edits=None):
    """The gazetteer at `path` (default: the shipped one) under the operator's
    `edits` file when there is one, read again when either file changes."""
    path = Path(path) if path else DEFAULT_PATH
    edits = Path(edits) if edits and os.path.exists(edits) else None
    return _load_cached(path, _stamp(path), edits, _stamp(edits) if edits else None)
