"""The country a story is about, and the bodies every state has that it names
without saying whose.

ACTORS.md counts a ministry or another named government body as an actor
«wherever the story decides the country»: a Tunisian story's «وزارة
الداخلية» is «وزارة الداخلية التونسية», an Egyptian one's «البنك المركزي» is
«البنك المركزي المصري». Such a body is named after the country its own words
give («وزارة الأمن في الأرجنتين»), else the one its sentence named last
before it, else the one the article names it with elsewhere, else the
story's: the country its words name most (its name, its people's adjective,
its cities), clearly more than any other, a local outlet's own unless it
names another. A story of two countries decides nothing, and the body keeps
the name it is written with.

The tables are data (indexer/actors/data): countries.tsv, the countries and
the words that name them; national.txt, the bodies.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from indexer.arabic.normalize import normalize

from .gazetteer import QUOTES, _positions, _tokens_reaching, word_forms

_DATA = resources.files("indexer.actors") / "data"

# The story names its country at least this often, and this many times more
# often than any other (measured on ../shared/corpus: see national.txt).
STORY_MIN_MENTIONS, STORY_LEAD = 2, 2
# The mentions a local outlet's own country has beside those its story makes.
HOME_WEIGHT = 1
# A phrase that is a country's name and its adjective alike (السعودية).
BOTH = "both"
_SENTENCE_ENDS = frozenset(".!?؟")
_DATELINE_WORDS = 10  # a dateline's words at most, the outlet's and the dash
# Before a country where people go or come from, which is not where its news is.
_TOWARDS = frozenset(map(normalize, "من إلى الى نحو باتجاه صوب عبر".split()))
# Before a country whose embassy or envoy is meant (سفارة الولايات المتحدة),
# or a newspaper or a channel named for one (جريدة "المغرب").
_ABROAD = frozenset(
    map(
        normalize,
        (
            "سفارة السفارة سفارات سفير السفير سفراء قنصلية القنصلية جريدة صحيفة مجلة قناة إذاعة"
        ).split(),
    )
)
# Words that give a body's country after its name: «وزارة الأمن في الأرجنتين».
_OF = frozenset(map(normalize, ("في", "ب", "لدى")))


@dataclass(frozen=True)
class Country:
    english: str
    masculine: str  # its adjective after a masculine noun, as shown: المصري ("": none)
    feminine: str  # after a feminine one: المصرية
    # The normalised phrases of its names and adjectives, not its cities'
    # nor those marked ~ (common words too): مصر, المصري, المصرية.
    own: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Countries:
    countries: tuple[Country, ...]
    # first normalised word -> ((words…), (country index, adjective: False,
    # True or BOTH)), longest first
    phrases: dict
    bodies: dict  # first normalised word -> the normalised words of national bodies
    # The normalised words of a body's other name -> the name it is given by
    # (النيابة العمومية: النيابة العامة, one body of a country whichever)
    named_as: dict
    # The words a country's phrase or a body may begin at, clitics on: most
    # words of an article begin none, and a set tells so at once.
    phrases_reached: frozenset
    bodies_reached: frozenset

    @classmethod
    def load(cls, directory=_DATA):
        countries, phrases = _read_countries(directory.joinpath("countries.tsv"))
        bodies: dict[str, list] = {}
        named_as: dict[tuple[str, ...], str] = {}
        for line in directory.joinpath("national.txt").read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                body, _, name = (part.strip() for part in line.partition("="))
                words = tuple(normalize(body).split())
                bodies.setdefault(words[0], []).append(words)
                if name:
                    named_as[words] = name
        return cls(
            countries,
            phrases,
            {first: tuple(found) for first, found in bodies.items()},
            named_as,
            _tokens_reaching(phrases),
            _tokens_reaching(bodies),
        )

    @cached_property
    def adjectives(self) -> frozenset:
        """The normalised adjectives of one word the table gives its
        countries (التونسي, الأمريكية), but those that are common words too."""
        return frozenset(
            words[0]
            for found in self.phrases.values()
            for words, (_, adjective) in found
            if adjective and len(words) == 1  # True or BOTH
        )

    def index(self, english: str) -> int | None:
        """The index of the country of that English name (case aside), or None."""
        wanted = english.strip().casefold()
        for index, country in enumerate(self.countries):
            if country.english.casefold() == wanted:
                return index
        return None

    def at(self, norms: Sequence[str], position: int, adjectives=True, names=True):
        """(country index, size) of a phrase naming a country at `position`
        of a text's normalised words, a clitic glued to it or not (لمصر,
        والسعودية, بتونس, للبنان): its name or a city's unless not `names`,
        its adjective unless not `adjectives`; or None."""
        found = self._match(norms, position, adjectives, names)
        return found[:2] if found else None

    def _match(self, norms, position, adjectives=True, names=True):
        """(country index, size, the clitic glued to it, its kind) of the
        phrase `at` finds, or None."""
        word = norms[position]
        for form in word_forms(word, 2, names=True):  # للبنان: ل and لبنان, or ل and البنان
            for words, (index, adjective) in self.phrases.get(form, ()):
                size = len(words)
                if tuple(norms[position + 1 : position + size]) == words[1:] and (
                    (adjectives and adjective) or (names and adjective is not True)
                ):
                    return index, size, word[: len(word) - len(form)], adjective
        return None

    def _not_its_place(self, norms, position, found) -> bool:
        """Whether a country named at `position` is where people go or come
        from (نحو إيطاليا, العائدين من سوريا, لإيطاليا), whose embassy it is
        (سفارة الولايات المتحدة), what a newspaper is named (جريدة
        "المغرب"), or, a name that is an adjective too, what a noun before it
        is said to be (القوات السعودية): not where the news is."""
        _, _, clitic, kind = found
        at = position - 1
        while at >= 0 and norms[at] in QUOTES:
            at -= 1
        before = norms[at] if at >= 0 else ""
        return (
            "ل" in clitic
            or before in _TOWARDS
            or before in _ABROAD
            or (kind == BOTH and before.startswith("ال"))
        )

    def of_story(self, texts: list[list[str]], home: int | None = None, people=()) -> int | None:
        """The country the story is about (`texts`: the normalised words of
        its title, body and tags), or None when none is named clearly most;
        not by words of people's names (`people`: (text, position) of each:
        محمد المصري, مروان جدة), nor where its people go or come from
        (`_not_its_place`), nor by where its newsroom is (a dateline of a
        country named nowhere else, `_a_newsrooms_dateline`). A local
        outlet's story is its `home` country's unless another is named at
        least twice and twice as often as home (home counting once more: the
        outlet's own)."""
        counts = self.counted(texts, people)
        for norms in texts:
            if (after := self._a_newsrooms_dateline(norms, 0, len(norms))) is not None:
                counts -= self.counted([norms[:after]])
        if home is not None:
            abroad = max((n for c, n in counts.items() if c != home), default=0)
            if abroad < max(STORY_MIN_MENTIONS, STORY_LEAD * (counts[home] + HOME_WEIGHT)):
                return home
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < STORY_MIN_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[0][1] < STORY_LEAD * ranked[1][1]:
            return None
        return ranked[0][0]

    def counted(self, texts: list[list[str]], people=()) -> Counter:
        """How often the story names each country (by index), as `of_story`
        counts them."""
        counts: Counter = Counter()
        for number, norms in enumerate(texts):
            free = 0  # a phrase's words are no other's (كوريا الجنوبية)
            for position in _positions(norms, self.phrases_reached):
                if position < free or (number, position) in people:
                    continue
                found = self._match(norms, position)
                if found and not self._not_its_place(norms, position, found):
                    counts[found[0]] += 1
                    free = position + found[1]
        return counts

    def bodies_in(self, norms: list[str]) -> list[tuple[int, int]]:
        """(start, end) of each body every state has that a text's
        normalised words name as by itself (البنك المركزي, لمجلس النواب)."""
        found = []
        for position in _positions(norms, self.bodies_reached):
            if size := self.body_at(norms, position):
                found.append((position, position + size))
        return found

    def body_at(self, norms: list[str], position: int) -> int:
        """The size of a body every state has, named at `position` as by
        itself (البنك المركزي, لمجلس النواب), or 0."""
        for form in word_forms(norms[position], 2, names=True):
            for words in self.bodies.get(form, ()):
                if tuple(norms[position + 1 : position + len(words)]) == words[1:]:
                    return len(words)
        return 0

    def body_first(self, word: str) -> str:
        """The form of a body's first word without its clitic (للبنك: البنك)."""
        return next((form for form in word_forms(word, 2, names=True) if form in self.bodies), word)

    def given_after(self, norms: list[str], end: int) -> int | None:
        """The country named right after a body ending at `end`: its
        adjective (مجلس النواب الأمريكي), or في, ب or لدى and its name
        (وزارة الأمن في الأرجنتين, البنك المركزي بمصر, لكوريا)."""
        if end >= len(norms):
            return None
        found = self._match(norms, end)
        if found is not None and (found[3] or found[2][-1:] in ("ب", "ل")):
            return found[0]  # its adjective, or ب or ل glued to the name: بمصر
        if norms[end] in _OF and end + 1 < len(norms):
            found = self._match(norms, end + 1, adjectives=False)
            return found[0] if found else None
        return None  # a name bare or after و is the sentence's: دعت وزارة الخارجية إيران

    def named_with(self, body: list[str], names: list[list[str]]) -> int | None:
        """The one country whose adjective follows the body's normalised
        words in the `names` of bodies an article gives in full, or None."""
        found = set()
        size = len(body)
        for words in names:
            if words[:size] == body and len(words) > size:
                country = self.at(words, size)
                if country is not None and size + country[1] == len(words):
                    found.add(country[0])
        return found.pop() if len(found) == 1 else None

    def given_before(self, norms: list[str], start: int, people=()) -> int | None:
        """The country named last before `start` in the sentence a body is
        named in (ودانت الولايات المتحدة الهجوم، وقالت المتحدثة باسم وزارة
        الخارجية: the State Department, in a story of Syria), by its name or
        a city's, not where its people go or come from (`_not_its_place`),
        nor as words of a person's name at `people` (positions: مروان جدة):
        an adjective there qualifies another body or person (خبراء الحرس
        الثوري الإيراني بالمركز التابع لوزارة الدفاع is Syria's)."""
        begins = start
        while begins > 0 and norms[begins - 1] not in _SENTENCE_ENDS:
            begins -= 1
        after = self._a_newsrooms_dateline(norms, begins, start)
        begins = begins if after is None else after
        last, position = None, begins
        while position < start:
            found = self._match(norms, position, adjectives=False)
            if found is None or position + found[1] > start or position in people:
                position += 1
                continue
            if not self._not_its_place(norms, position, found):
                last = found[0]
            position += found[1]
        return last

    def _a_newsrooms_dateline(self, norms, begins: int, end: int) -> int | None:
        """Where the words from `begins` to `end` go on past a dateline at
        their start (a place, its country, the outlet: دبي، الإمارات العربية
        المتحدة (CNN)--) that names where the newsroom is, not the news: its
        country named nowhere else in the text (a story of Iraq told from
        Dubai; but واشنطن، الولايات المتحدة (CNN)-- before a story of the
        American elections is its country's); None where there is none."""
        for at in range(begins + 1, min(end, begins + _DATELINE_WORDS) - 1):
            if norms[at] == ")" and norms[at + 1] == "-" and "(" in norms[begins:at]:
                its = self.counted([norms[begins:at]])
                elsewhere = self.counted([norms]) - its
                return at + 2 if its and not (its.keys() & elsewhere.keys()) else None
        return None

    def named(self, body: str, country: int) -> str | None:
        """The body's name with the country's adjective: وزارة الداخلية
        التونسية, البنك المركزي المصري (the adjective agrees with the
        body's first noun), by the name national.txt gives it (النيابة
        العمومية الفرنسية is النيابة العامة الفرنسية); None for a country
        without one."""
        words = body.split()
        for size in range(len(words), 0, -1):
            if name := self.named_as.get(tuple(normalize(" ".join(words[:size])).split())):
                body = " ".join((name, *words[size:]))
                break
        of = self.countries[country]
        adjective = of.feminine if normalize(body.split()[0]).endswith("ه") else of.masculine
        return f"{body} {adjective}" if adjective else None


def _read_countries(path) -> tuple[tuple[Country, ...], dict]:
    """The countries of countries.tsv, and the phrases naming each by the
    first word (see the file's head)."""
    countries: list[Country] = []
    phrases: dict[str, dict] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        fields += [""] * (5 - len(fields))  # no cities: the last tab an editor may drop
        if len(fields) != 5 or not fields[0] or not fields[1]:
            raise ValueError(f"{path}:{number}: five tab-separated fields, a name in the first two")
        english, names, masculine, feminine, cities = fields
        index = len(countries)
        first = [_alternatives(masculine)[:1], _alternatives(feminine)[:1]]
        own = []  # the phrases of its names and adjectives
        # (field, an adjective?, the country's own: not a city's)
        kinds = (
            (names, False, True),
            (masculine, True, True),
            (feminine, True, True),
            (cities, False, False),
        )
        for spelling, adjective, its_own in kinds:
            for phrase in _alternatives(spelling):
                if phrase.startswith("~"):
                    continue  # a common word too: no evidence of the story
                words = tuple(normalize(phrase).split())
                if its_own:
                    own.append(words)
                owner, either = phrases.setdefault(words[0], {}).get(words, (index, adjective))
                if owner != index:
                    raise ValueError(
                        f"{path}:{number}: {phrase!r} names {countries[owner].english} already"
                    )
                # السعودية: a name and an adjective (وزارة الثقافة السعودية).
                phrases[words[0]][words] = (index, either if either == adjective else BOTH)
        masculine_shown, feminine_shown = (a[0].lstrip("~") if a else "" for a in first)
        countries.append(Country(english, masculine_shown, feminine_shown, tuple(own)))
    longest_first = {
        first: tuple(sorted(found.items(), key=lambda item: -len(item[0])))
        for first, found in phrases.items()
    }
    return tuple(countries), longest_first


def _alternatives(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


@cache
def countries() -> Countries:
    return Countries.load()
