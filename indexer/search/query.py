"""The query language, the same on every surface.

    بوتين ترامب             words: documents with all of them first
    بوتين AND ترامب         the same (AND is what every word does already)
    "كيم جونغ أون"          a phrase: the exact sequence, after normalisation
    "بوتين ترامب"~5         the words within 5 moves of each other, in any order
    -روسيا  NOT روسيا  -"كوريا الجنوبية"  exclusion
    موسكو OR كييف           either
    ترام*                   a word beginning so (two letters at least)
    title:قمة  title:"قمة العشرين"   restricted to the title

Every word goes through the same analysis as the documents. Stopwords (من,
في, على…) are left out of a query, but not when that would leave nothing
to search, or a single word of a longer query (وماذا بعد.. أيها الدواعش):
then every word is searched, and the query says which stopwords it kept
(`stopwords`) and whether it held nothing else (`all_stopwords`). A quoted
phrase keeps its stopwords: it is an exact sequence; so does an excluded
word (-من excludes what holds من). A name the
actor gazetteer knows (one word, or consecutive words: كيم جونغ أون, or
أنتونيو كونتي for its أنطونيو كونتي: `actors.spellings_of`) also looks for the
actor's other spellings (`expand`); a quoted phrase is
searched as typed. A malformed
query never fails: an unbalanced quote is read as a plain character, an OR
with nothing on one side is a word, and a name before a colon that is no
field is a word (CNN: …). An operator of other search engines that Bahth
does not read (a ~ after a word, ^, +, parentheses, && and ||, a * inside a
word or after fewer than two letters, a field it has not: author:) is
searched as text and named in
`not_understood`, never silently.
"""

import re
from dataclasses import dataclass, replace
from functools import cache

from indexer.arabic import analyze, is_stopword, normalize, words
from indexer.arabic.normalize import ALEF_MAKSURA, MAKSURA_KEPT, YEH
from indexer.arabic.stem import lexicon, strip_prefixes, strip_suffixes, without_place_alef

FIELDS = ("title",)
# Fields of other engines' query languages that Bahth has not (a filter of
# its own, source: actor: category:, is read as the filter: request.filters_in).
OTHER_ENGINES_FIELDS = frozenset(
    "author site intitle allintitle inurl allinurl intext filetype lang language".split()
)
_PIECE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"(?:~(\d+)(?!\S))?|(\S+))')
MAX_SLOP = 50  # "a b"~N: N words apart at most
# Operators of other engines' query languages that Bahth does not read: a
# word's fuzziness or boost (بوتين~2, ترامب^2), required (+), grouping.
_FOREIGN = re.compile(r"~|\^|&&|\|\||[()]|^\+(?=\w)")
_FOREIGN_MARKS = re.compile(r"[~^][\d.]*$|^\+|[()]")
_FIELD_PREFIX = re.compile(r'(?<![\w"])(\w+):')
_PUNCTUATION = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Clause:
    terms: tuple[str, ...]  # analysed terms; more than one is a phrase
    field: str | None = None  # None: title and body
    text: str = ""  # as typed, for engines that analyse it themselves
    quoted: bool = False  # typed as a phrase
    prefix: bool = False  # a word typed with a final *: terms[0] begins the words it finds
    slop: int = 0  # "a b"~N: how far apart the words of a phrase may be
    at: int = -1  # the place of a word as typed among the query's pieces (-1: one added)

    @property
    def stopword(self) -> bool:
        """A word typed alone (not quoted) that is a stopword."""
        return (
            not self.quoted
            and not self.prefix
            and len(self.terms) == 1
            and is_stopword(self.terms[0])
        )

    @property
    def decimals(self) -> str | None:
        """For a clause that is one whole number N, "N.": the prefix of the
        decimal numbers it also finds (9080 finds 9080.02); else None."""
        if len(self.terms) == 1 and self.terms[0].isdigit() and not self.prefix:
            return self.terms[0] + "."
        return None


@dataclass(frozen=True)
class Query:
    # Each condition is satisfied by any of its clauses; documents satisfying
    # every condition rank first.
    conditions: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()
    stopwords: tuple[str, ...] = ()  # stopwords searched because the query needed them
    all_stopwords: bool = False  # every word typed was a stopword
    not_understood: tuple[str, ...] = ()  # operators read as text (see the module)

    @property
    def size(self):
        """How many distinct terms the query searches for, excluded ones too."""
        clauses = [c for condition in self.conditions for c in condition] + list(self.excluded)
        return len({t for clause in clauses for t in clause.terms})

    @property
    def terms(self):
        """Every analysed term the query looks for (for highlighting); the
        start of a prefix search as "ترام*"."""
        return {
            clause.terms[0] + "*" if clause.prefix else term
            for condition in self.conditions
            for clause in condition
            for term in clause.terms
        }

    def __bool__(self):
        return bool(self.conditions or self.excluded)


# The quotation marks an Arabic keyboard or a pasted article gives a phrase
# («كيم جونغ أون», “…”) are the phrase's quotes as much as ", where the query
# has none of those (a pasted «قال "لا" للقرار» nests one in the other).
PHRASE_QUOTES = "«»“”„‟"
_AS_ASCII = str.maketrans(dict.fromkeys(PHRASE_QUOTES, '"'))


def parse(text: str) -> Query:
    text = (text or "").strip()
    if '"' not in text:
        text = text.translate(_AS_ASCII)
    if text.count('"') % 2:
        text = text.replace('"', " ")
    foreign: dict[str, None] = {}

    def field_or_word(match):
        """A name before a colon that is not one of our fields is just a
        word (CNN: …); a field of other engines (author:, site:) is named,
        and its value alone searched, as typed (-author:رويترز: -رويترز)."""
        name = match.group(1)
        if name.lower() in FIELDS:
            return match.group(0)
        if name.lower() in OTHER_ENGINES_FIELDS:
            foreign[name + ":"] = None
            return ""
        return name + " "

    text = _FIELD_PREFIX.sub(field_or_word, text)
    pieces: list[tuple[bool, Clause] | str] = []  # (negated, clause) or "OR"
    negate_next = False
    for at, match in enumerate(_PIECE.finditer(text)):
        negated, name, phrase, slop, word = match.groups()
        if word in ("OR", "AND", "NOT") and not negated and not name:
            if word == "OR":
                pieces.append("OR")
            negate_next = word == "NOT"
            continue
        if word and _FOREIGN.search(word):
            foreign.update(dict.fromkeys(_FOREIGN.findall(word)))
            word = _FOREIGN_MARKS.sub("", word)  # the word itself is searched
            if not word or word in ("&&", "||"):
                continue
        if name and word and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]  # title:-بوتين is -title:بوتين
        negated, negate_next = bool(negated) or negate_next, False
        quoted = phrase is not None and word is None
        clause = _prefix(word, name) if not quoted else None
        if clause is not None and (whole := _whole_word(word[:-1], name)) is not None:
            # السعودي* finds what السعودي finds (every سعود, as it is stemmed), with
            # its other spellings, besides the words beginning so.
            pieces += [(negated, clause), "OR"]
            clause = whole
        if clause is None and word and "*" in word:
            # A * inside a word (بو*ين), or after fewer than two letters (ت*):
            # no prefix search; the word is searched without it, and it says so.
            foreign["*"] = None
            word = word.replace("*", "")
            if not word:
                continue
        if clause is None:
            typed = phrase if quoted else word
            terms = tuple(analyze(typed))
            if len(terms) > 1 and not quoted:
                typed, terms = _trimmed(typed, terms)
            field = name.lower() if name else None
            near = min(int(slop), MAX_SLOP) if slop and len(terms) > 1 else 0
            clause = Clause(terms, field, typed, quoted, slop=near, at=at) if terms else None
        if clause is not None:
            pieces.append((negated, clause))
    return replace(_assemble(*_stopwords(pieces)), not_understood=tuple(foreign))


def _prefix(word, name):
    """The clause of a word typed with a final * (ترام*), or None: its one
    token, normalised, without the article and clitics the stemmer would
    take off (الرئ* finds الرئيس as رءيس), a place as its adjective has it
    (فرنسا* finds فرنسا as فرنس); two letters at least."""
    if not word.endswith("*") or word.count("*") != 1:
        return None
    tokens = words(word[:-1])
    if len(tokens) != 1:
        return None
    start = without_place_alef(strip_prefixes(tokens[0]))
    if len(start) < 2:
        return None
    return Clause((start,), name.lower() if name else None, word, prefix=True)


# How often a word typed before a * must be in the lexicon to be searched as
# a word too: a whole word (السعودي), not the start of one (الإرها).
_WHOLE_WORD = 3


def _whole_word(typed, name):
    """The clause of a word typed before a final * where it is a whole word
    of the news (the lexicon's), of one term and no stopword: what it finds
    as a word (its stem: سعود for السعودي), besides what begins so."""
    tokens = words(typed)
    if len(tokens) != 1 or lexicon().get(tokens[0], 0) < _WHOLE_WORD:
        return None
    terms = tuple(analyze(typed))
    if len(terms) != 1 or is_stopword(terms[0]):
        return None
    return Clause(terms, name.lower() if name else None, typed)


def both_spellings(query: Query) -> tuple[Query, tuple[str, ...]]:
    """`query` with each word typed with yeh that is also a word kept with
    alef maqsura (علي: the name, or على written with a yeh, as much Arabic
    writing does) looking for both, and those other words, for the surfaces
    to say (a quoted «"علي"» is the name alone); the name, far rarer, ranks
    first. Run after `expand`, which reads each name as typed."""
    added: list[str] = []

    def alternatives(clause):
        if (
            clause.quoted
            or clause.prefix
            or len(clause.terms) != 1
            or not clause.terms[0].endswith(YEH)
        ):
            return ()
        other = clause.terms[0][:-1] + ALEF_MAKSURA
        if other not in MAKSURA_KEPT:
            return ()
        if other not in added:
            added.append(other)
        return (Clause((other,), clause.field, other),)

    conditions = tuple(
        _distinct(condition + tuple(a for clause in condition for a in alternatives(clause)))
        for condition in query.conditions
    )
    return replace(query, conditions=conditions), tuple(added)


# Words the news write two ways, each way as written: أمريكا and أميركا
# (الأمريكية, الأميركية), أوروبا and أوربا, إنجلترا and إنكلترا, الديمقراطية
# and الديموقراطية, التلفزيون and التليفزيون, الميليشيات and المليشيات,
# foreign places (ميونيخ, ميونخ). On ../shared/corpus the second way is as common as the first
# (الأميركي: 5,352 articles, الأمريكي: 4,448), or rarer, never negligible
# (المليشيات: 1,439 articles missed by الميليشيات). They are matched by the
# whole term their analysis gives (امريك, اميرك: the place's and its
# adjective's), never by a part of one: أوربان (Orbán) is no أوربا.
VARIANTS = (
    ("أمريكا", "أميركا"),
    ("أمريكتين", "أميركتين"),
    ("أوروبا", "أوربا"),
    ("إنجلترا", "إنكلترا"),
    ("إنجليزي", "إنكليزي"),
    ("ديمقراطي", "ديموقراطي"),
    ("تلفزيون", "تليفزيون"),
    ("تلفزيوني", "تليفزيوني"),
    ("كيميائي", "كيماوي"),  # الأسلحة الكيميائية, الكيماوية
    ("فيسبوك", "فايسبوك"),
    ("الدنمارك", "الدانمارك"),
    ("بريكست", "بريكسيت"),
    ("ميليشيات", "مليشيات"),
    ("ميليشيا", "مليشيا"),
    ("فيدرالي", "فدرالي"),
    ("ديكتاتور", "دكتاتور"),
    ("بيتكوين", "بتكوين"),
    ("لوجستي", "لوجيستي"),
    ("ميونيخ", "ميونخ"),
    ("أنجلوس", "أنجليس"),  # لوس أنجلوس
    ("بطرسبرغ", "بطرسبورغ"),
    ("نيوزيلندا", "نيوزلندا"),
    ("زيوريخ", "زيورخ"),
    ("مرسيليا", "مارسيليا"),
    ("بنغلاديش", "بنغلادش"),
    ("كاراكاس", "كراكاس"),
    ("فيرجينيا", "فرجينيا"),
    ("تورونتو", "تورنتو"),
    ("بالستي", "باليستي"),  # الصواريخ البالستية, الباليستية
    ("مائة", "مئة"),  # بالمائة, بالمئة
    # The months as the Maghreb's news name them (Jawhara FM: جانفي, not يناير).
    ("يناير", "جانفي"),
    ("فبراير", "فيفري"),
    ("أبريل", "أفريل"),
    ("يوليو", "جويلية"),
)


def _letters_of(term: str, written: str) -> str:
    """The letters of `written` (a word of VARIANTS) that make its `term`, as
    written (كيميائ of كيميائي: never the normalised كيمياء); the term where
    they cannot be told."""
    folded = normalize(written)
    at = folded.find(term)
    return written[at : at + len(term)] if at >= 0 and len(folded) == len(written) else term


@cache
def _other_terms() -> dict[str, tuple[str, str]]:
    """Each term of a word of VARIANTS -> (the term of its other way, that
    way as written)."""
    found = {}
    for one, other in VARIANTS:
        (a,), (b,) = analyze(one), analyze(other)
        found[a], found[b] = (b, other), (a, one)
    return found


@cache
def _listed_ways() -> dict[str, str]:
    """Each word of VARIANTS, normalised -> its other way, as written."""
    return {normalize(w): o for one, other in VARIANTS for w, o in ((one, other), (other, one))}


def other_ways(query: Query) -> tuple[Query, tuple[str, ...]]:
    """`query` with each word the news write two ways (`VARIANTS`) also
    looking for the other way, and those words as shown (الأميركية for
    الأمريكية), the excluded ones' aside; a quoted phrase is searched as
    typed."""
    added: list[str] = []
    others = _other_terms()

    def alternatives(clause, shown=True):
        if clause.quoted or clause.prefix or not any(t in others for t in clause.terms):
            return ()
        terms = tuple(others[term][0] if term in others else term for term in clause.terms)
        text = _listed_ways().get(normalize(clause.text))  # a word as listed: جانفي, يناير
        if text is None:  # as typed around it: الأمريكية, الأميركية
            text = clause.text
            for term in clause.terms:
                if term in others:
                    text = _written_otherwise(text, term, _letters_of(*others[term]))
        if shown and text not in added:
            added.append(text)
        return (Clause(terms, clause.field, text),)

    conditions = tuple(
        _distinct(condition + tuple(a for clause in condition for a in alternatives(clause)))
        for condition in query.conditions
    )
    excluded = _distinct(
        query.excluded + tuple(a for c in query.excluded for a in alternatives(c, shown=False))
    )
    return replace(query, conditions=conditions, excluded=excluded), tuple(added)


# Names the news write as one word or two: عبد before the article's word
# (عبدالله, عبد الله; عبدالعزيز), a word before الله or الدين (نصرالله,
# نورالدين), أبو before a word (أبوظبي). On ../shared/corpus عبدالله found
# 543 articles and «عبد الله» 489, 983 either way.
_SERVANT, _FATHER = normalize("عبد"), normalize("أبو")
_CLOSING = (normalize("الله"), normalize("الدين"))
# Uses of the glued word in the lexicon for a name other than عبد ال… to be
# taken for one: نصرالله, نورالدين, أبوظبي are names; رجالالدين, منالله none.
_JOINED_KNOWN = 10

# Other names of places and things the news write as two words or as one,
# whatever their first word: on ../shared/corpus بيونغ يانغ is in 320
# articles and بيونغيانغ in 188, بن قردان 195 and بنقردان 61, كوالا لمبور 5
# and كوالالمبور 47, فولكس فاغن 7 and فولكسفاغن 92; نيويورك in 1,017 and
# «نيو يورك» in none. People and bodies the gazetteer spells both ways
# without ambiguity come with its spellings (لو دريان, لودريان). A name
# whose first word is a stopword (بن, لا) is found both ways where it is
# the whole query. Never a name whose glued word the stemmer gives another
# word's stem (آيفون: ايف, إيف's and لايف's).
GLUED_OR_APART = (
    "نيو يورك",
    "نيو زيلندا",
    "بور سعيد",
    "بيونغ يانغ",
    "بيونغ تشانغ",
    "بن قردان",
    "بن عروس",
    "خان يونس",
    "كوالا لمبور",
    "نيو دلهي",
    "نيو جيرسي",
    "كوستا ريكا",
    "ساو باولو",
    "بوركينا فاسو",
    "كفر ناحوم",
    "أولد ترافورد",
    "دا سيلفا",
    "فولكس فاغن",
    "عرب سات",
    "بلوك تشين",
    "سوبر ماركت",
    "أون لاين",
    "لا كورونيا",
)


@cache
def _glued_names() -> dict[str, tuple[str, str]]:
    """Each name of GLUED_OR_APART glued, normalised -> its two words."""
    pairs = (tuple(normalize(word) for word in name.split()) for name in GLUED_OR_APART)
    return {head + tail: (head, tail) for head, tail in pairs}


def _apart(word: str) -> tuple[str, str] | None:
    """The two words of a name glued into `word` (normalised), or None: not a
    word whose first letters are the article (الوالدين) or a plural's
    (أبوابها), nor one the lexicon does not know glued."""
    if word in _glued_names():
        return _glued_names()[word]
    if word.startswith(_SERVANT + "ال") and len(word) >= 7:
        return word[:3], word[3:]
    counts = lexicon()
    if counts.get(word, 0) < _JOINED_KNOWN or word.startswith(("ال", "لل")):
        return None
    for closing in _CLOSING:
        head = word[: -len(closing)]
        if word.endswith(closing) and len(head) >= 2 and head.strip("وفبلك"):
            return head, closing
    rest, shorter = word[len(_FATHER) :], strip_suffixes(word)
    if word.startswith(_FATHER) and len(rest) >= 3 and counts.get(shorter, 0) < _JOINED_KNOWN:
        return _FATHER, rest
    return None


def _plain(group: tuple[Clause, ...]) -> Clause | None:
    """The one clause of a condition that is one word typed plainly, or None."""
    clause = group[0] if len(group) == 1 else None
    if clause is None or clause.quoted or clause.prefix or len(clause.terms) != 1:
        return None
    return clause


def _glued(head: str, tail: str, field: str | None) -> Clause:
    return Clause(tuple(analyze(head + tail)), field, head + tail)


def _spaced(head: str, tail: str, field: str | None) -> Clause:
    return Clause(tuple(analyze(f"{head} {tail}")), field, f"{head} {tail}")


def _both_ways(clause: Clause | None, following: Clause | None) -> tuple[Clause, ...]:
    """Two plain words in a row that are a name's written apart (عبد الله)
    as a phrase and as the word they make (عبدالله); () for two other words."""
    if clause is None or following is None or clause.field != following.field:
        return ()
    pair = (normalize(clause.text), normalize(following.text))
    if _apart("".join(pair)) != pair:
        return ()
    head, tail, field = clause.text, following.text, clause.field
    return _spaced(head, tail, field), _glued(head, tail, field)


def _spaced_word(clause: Clause | None) -> Clause | None:
    """The two words of the name a plain word glues (عبدالله: عبد الله),
    cut as typed where its letters are the normalised ones; None for none."""
    if clause is None or (parts := _apart(normalize(clause.text))) is None:
        return None
    typed = clause.text
    if len(typed) == len(normalize(typed)):
        parts = typed[: len(parts[0])], typed[len(parts[0]) :]
    return _spaced(*parts, clause.field)


def joined_and_apart(query: Query) -> tuple[Query, tuple[str, ...]]:
    """`query` with each name glued into one word also looking for its two
    words in a row, and two words in a row that make one also for the word
    they make (`_apart`), and those other ways as shown; an excluded name is
    excluded both ways; a quoted phrase and a prefix are searched as typed."""
    added: list[str] = []
    conditions: list[tuple[Clause, ...]] = []
    groups = query.conditions
    at = 0
    while at < len(groups):
        clause = _plain(groups[at])
        following = _plain(groups[at + 1]) if at + 1 < len(groups) else None
        both = _both_ways(clause, following)
        if both:
            added.append(both[1].text)
            conditions.append(both)
            at += 2
            continue
        spaced = _spaced_word(clause)
        if spaced is not None:
            added.append(spaced.text)
        conditions.append(groups[at] + ((spaced,) if spaced else ()))
        at += 1
    excluded = query.excluded + tuple(
        spaced for c in query.excluded if (spaced := _spaced_word(_plain((c,)))) is not None
    )
    return (
        replace(query, conditions=tuple(conditions), excluded=excluded),
        tuple(dict.fromkeys(added)),
    )


def _written_otherwise(typed: str, this: str, that: str) -> str:
    """`typed` with the letters that normalise to `this` written `that`
    (الأمريكية: الأميركية), as typed around them."""
    normalised = normalize(typed)
    at = normalised.find(this)
    if at < 0 or len(normalised) != len(typed):  # tashkeel or the like: as normalised
        return normalised.replace(this, that)
    # The letters kept as typed where they are the same (the hamza of أ).
    kept = "".join(
        typed[at + i] if i < len(this) and this[i] == c else c for i, c in enumerate(that)
    )
    return typed[:at] + kept + typed[at + len(this) :]


def _trimmed(typed, terms):
    """A word typed glued to stopwords (و3): without them at its ends."""
    tokens = words(typed)  # one term per token
    first, last = 0, len(terms)
    while first < last - 1 and is_stopword(terms[first]):
        first += 1
    while last > first + 1 and is_stopword(terms[last - 1]):
        last -= 1
    if (first, last) == (0, len(terms)):
        return typed, terms
    return " ".join(tokens[first:last]), terms[first:last]


def _stopwords(pieces):
    """The pieces without the stopwords the query does without, and the
    stopwords it keeps (see the module's docstring)."""
    clauses = [p for p in pieces if p != "OR"]
    wanted = [clause for negated, clause in clauses if not negated]
    content = [clause for clause in wanted if not clause.stopword]
    needed = not content or (len(wanted) > 1 and len(content) == 1 and len(content[0].terms) == 1)
    kept = tuple(_PUNCTUATION.sub("", c.text) for c in wanted if c.stopword) if needed else ()
    # An excluded word is excluded as typed, a stopword too (-من), as a quoted one is.
    chosen = [p for p in pieces if p == "OR" or p[0] or not p[1].stopword or needed]
    return chosen, kept, bool(wanted) and not content


def _assemble(pieces, stopwords=(), all_stopwords=False):
    conditions, excluded = [], []
    join_next = False
    for piece in pieces:
        if piece == "OR":
            join_next = bool(conditions)
            continue
        negated, clause = piece
        if negated:
            excluded.append(clause)
        elif join_next:
            conditions[-1] = conditions[-1] + (clause,)
        else:
            conditions.append((clause,))
        join_next = False
    return Query(
        _distinct(map(_distinct, conditions)), _distinct(excluded), stopwords, all_stopwords
    )


def _distinct(items):
    """`items` (clauses, or conditions of them) without repeats, in order: a word
    typed twice is searched once (the same terms in the same field)."""
    chosen = {}
    for item in items:
        chosen.setdefault(_key(item), item)
    return tuple(chosen.values())


def _key(item):
    if isinstance(item, Clause):
        return item.terms, item.field, item.prefix  # ترامب* begins ترامبي too
    return tuple(map(_key, item))


def expand(query: Query, spellings) -> tuple[Query, tuple[str, ...]]:
    """`query` with each known name also looking for its other spellings,
    and those spellings (as written in the gazetteer).

    `spellings(text)` gives every spelling of the actor `text` names without
    ambiguity, or () when it names none. A name is a clause (a word or a
    phrase), or a run of one-word conditions (كيم جونغ أون typed without
    quotes), which then becomes one phrase. A spelling that contains another
    one searched already adds nothing and is left out (دونالد ترمب next to
    ترمب).
    """
    added = []

    def alternatives(clause):
        if clause.quoted or clause.prefix:  # searched as typed
            return (clause,)
        names = spellings(clause.text)
        chosen = [clause]
        for name in names:
            terms = tuple(analyze(name))
            if terms and not any(_contains(terms, c.terms) for c in chosen):
                chosen = [c for c in chosen if c is clause or not _contains(c.terms, terms)]
                chosen.append(Clause(terms, clause.field, name))
        added.extend(c.text for c in chosen[1:] if c.text not in added)
        return tuple(chosen)

    conditions, position = [], 0
    while position < len(query.conditions):
        run = _name_run(query.conditions, position, spellings)
        if run > 1:
            words = [condition[0] for condition in query.conditions[position : position + run]]
            phrase = Clause(
                sum((c.terms for c in words), ()), words[0].field, " ".join(c.text for c in words)
            )
            conditions.append(alternatives(phrase))
            position += run
            continue
        condition = query.conditions[position]
        conditions.append(tuple(c for clause in condition for c in alternatives(clause)))
        position += 1
    excluded = tuple(c for clause in query.excluded for c in alternatives(clause))
    return replace(query, conditions=tuple(conditions), excluded=excluded), tuple(added)


def _name_run(conditions, start, spellings, longest=4):
    """How many one-word conditions from `start` on make the longest known name (0: none)."""
    for size in range(min(longest, len(conditions) - start), 1, -1):
        run = conditions[start : start + size]
        if all(
            len(g) == 1
            and len(g[0].terms) == 1
            and not (g[0].quoted or g[0].prefix)
            and g[0].field == run[0][0].field
            for g in run
        ) and spellings(" ".join(g[0].text for g in run)):
            return size
    return 0


def _contains(terms, part):
    """Whether `part` occurs in `terms` as a contiguous run."""
    size = len(part)
    return any(terms[i : i + size] == part for i in range(len(terms) - size + 1))
