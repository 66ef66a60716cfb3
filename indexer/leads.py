"""Other stories in an article's text: its outlet's list of their leads, and their headlines.

Some outlets end a page with the leads of four or five of their other
stories (CNN Arabic: 785 of its 3,307 articles in ../shared/corpus), and
some put other stories' headlines between a story's paragraphs, as links
(BBC Arabic: 785 lines in 525 articles). Kept, they are read as the
article's own text: their people and bodies become its actors, and it
matches searches for stories it does not tell. No shape of one page tells
them apart from its own paragraphs; the archive does: each is another
record's abstract, or another record's title. A reindex first gathers every
record's abstract and title (`Leads`, a sorted array of 64-bit hashes: 16
bytes an article), then `Leads.cut` takes out of an article:

- every paragraph but the first that is another record's title, of the
  same outlet, and short (a headline, `LONGEST_HEADLINE`), but in a
  bulletin of such headlines; and every line that says it links to another
  story (للمزيد: …, اقرأ أيضاً: …), whether the archive holds it or not;
- the last paragraphs, from the first that is another record's abstract,
  where they are a list of leads: short paragraphs (`LONGEST_LEAD`), at
  least two and at least half of them other records' abstracts. A single
  paragraph that repeats another story's abstract (the background a
  follow-up gives) is the article's own, and stays, as does one that the
  next paragraph goes on from (وجاء إعلان الحكومة…): no lead in a list is
  followed by its own second paragraph.

An outlet whose links are headlines alone, most of stories the archive
does not hold (BBC Arabic), has them read by their shape
(`headlines_by_shape`): they stay in its text, and name none of its actors.
"""

import hashlib
import re
from array import array
from bisect import bisect_left
from itertools import pairwise

KEY_CHARS = 40  # the letters of a paragraph's beginning that make its key
SHORTEST_KEY = 20  # fewer: too short to tell one story's headline from another's
LONGEST_LEAD = 300  # characters: a lead in a list is short; an article's own paragraph may be long
LONGEST_HEADLINE = 150
FEWEST_LEADS = 2  # abstracts of other records in the block cut; and at least half its paragraphs
ABSTRACT, TITLE = "abstract", "title"

_NOT_LETTERS = re.compile(r"[\W_]+")
# A line that says it links to another story (للمزيد: …, اقرأ أيضا: …, and
# CNN's اقرأ المزيد... …, قد يهمك/ …, اقرأ.. …, شاهد.. …, أيضاً.. …, قصة ذات
# صلة/ …), the story's headline after it or on the next line.
_LINK = re.compile(
    r"""\s*(?:
        (?:للمزيد|[اإ]قرأ\ [أا]يضاً?|[اإ]قرأ\ المزيد)\s*[:\-–]
      | (?:[اإ]قرأ\ )?المزيد\s*(?:\.\.\.|…|:)
      | (?:قد\ يهمك(?:\ [أا]يضاً?)?|قصة\ ذات\ صلة|[اإ]قرأ(?:\ [أا]يضاً?)?|شاهد(?:\ [أا]يضاً?)?
          |للمزيد|[أا]يضاً?)\s*(?:[:/|]|\.\.|…)
    )""",
    re.VERBOSE,
)


def lead_key(text: str) -> str | None:
    """What a paragraph and the abstract or title it repeats share: the
    first letters and digits of each (punctuation, spaces and a page's
    dateline marks aside); None for a text too short to be told apart."""
    if len(text) < SHORTEST_KEY:
        return None
    letters = _NOT_LETTERS.sub("", text[: KEY_CHARS * 2])[:KEY_CHARS]
    return letters if len(letters) >= SHORTEST_KEY else None


def lead_hash(kind: str, source: str, key: str) -> int:
    """An abstract or a title (`kind`) of `source`'s, as a number that sorts
    (stable across processes)."""
    digest = hashlib.blake2b(f"{kind}\x1f{source}\x1f{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class Leads:
    """The abstracts and titles of the records of an archive, by outlet."""

    def __init__(self, hashes=()):
        import numpy as np

        found = hashes if isinstance(hashes, array) else array("Q", hashes)
        unique = np.unique(np.frombuffer(found, dtype=np.uint64)) if found else ()
        self._hashes = array("Q", bytes(memoryview(unique))) if len(unique) else array("Q")

    def __len__(self):
        return len(self._hashes)

    def __contains__(self, found: int) -> bool:
        at = bisect_left(self._hashes, found)
        return at < len(self._hashes) and self._hashes[at] == found

    def cut(
        self, body: str, source: str, abstract: str = "", title: str = ""
    ) -> tuple[str, int, int]:
        """(the body without other stories' headlines and the list of their
        leads it ends with, how many headlines, how many leads were cut).
        `abstract` and `title`: the article's own, which its paragraphs may
        repeat."""
        lines = body.split("\n")
        paragraphs = [n for n, line in enumerate(lines) if line.strip()]  # their lines
        own = {ABSTRACT: lead_key(abstract), TITLE: lead_key(title)}

        def another(kind: str, line: str) -> bool:
            key = lead_key(line)
            return key is not None and key != own[kind] and lead_hash(kind, source, key) in self

        headlines = _headlines(lines, paragraphs, another) | _links(lines, paragraphs)
        paragraphs = [n for n in paragraphs if n not in headlines]
        first = _list_start(lines, paragraphs, another)
        if not headlines and first == len(paragraphs):
            return body, 0, 0
        end = paragraphs[first] if first < len(paragraphs) else len(lines)
        kept: list[str] = []
        dropped = False
        for n, line in enumerate(lines[:end]):
            if n in headlines:
                dropped = True
            elif not (dropped and not line.strip() and kept and not kept[-1].strip()):
                kept.append(line)  # (a blank line of a headline's own goes with it)
                dropped = False
        return "\n".join(kept).rstrip(), len(headlines), len(paragraphs) - first


def _headlines(lines, paragraphs, another) -> set[int]:
    """The lines of `paragraphs` (but the first) that are another record's
    title of the outlet: links to other stories; none where they are half
    the paragraphs after the first or more (a bulletin of the day's
    headlines: they are its text)."""
    found = {
        n for n in paragraphs[1:] if len(lines[n]) <= LONGEST_HEADLINE and another(TITLE, lines[n])
    }
    return found if 2 * len(found) < len(paragraphs) - 1 else set()


def _links(lines, paragraphs) -> set[int]:
    """The lines of `paragraphs` (but the first) that say they link to
    another story (للمزيد: …), and a headline alone after one that says no
    more (اقرأ أيضا:)."""
    found = set()
    for i, n in enumerate(paragraphs[1:], 1):
        said = _LINK.match(lines[n])
        if said is None:
            continue
        found.add(n)
        if not lines[n][said.end() :].strip() and i + 1 < len(paragraphs):
            following = paragraphs[i + 1]
            if len(lines[following]) <= LONGEST_HEADLINE:
                found.add(following)
    return found


def _list_start(lines, paragraphs, another) -> int:
    """Where among `paragraphs` the list of other stories' leads the body
    ends with begins (len(paragraphs): none)."""
    # The short paragraphs the body ends with, never its first: where a list of leads can be.
    start = len(paragraphs)
    while start > 1 and len(lines[paragraphs[start - 1]]) <= LONGEST_LEAD:
        start -= 1
    leads = [i >= start and another(ABSTRACT, lines[n]) for i, n in enumerate(paragraphs)]
    if not any(leads):
        return len(paragraphs)
    first = leads.index(True)

    def goes_on(i: int) -> bool:
        return i < len(paragraphs) and not leads[i] and lines[paragraphs[i]].lstrip()[:1] == "و"

    # وجاء…, وقال… after it: the paragraph goes on; the list begins further down, if at all.
    while goes_on(first + 1):
        first = next((i for i in range(first + 2, len(paragraphs)) if leads[i]), len(paragraphs))
    found = sum(leads[first:])
    if found >= FEWEST_LEADS and 2 * found >= len(paragraphs) - first:
        return first
    return len(paragraphs)


# How an outlet sets its links to other stories, where sources.tsv says (links: …).
HEADLINES = "headlines"  # between a story's paragraphs, as their headlines alone
LEADS = "leads"  # at its end, as their leads cut short
HEADLINE_WORDS = 5  # fewer: a subhead, a name, a label («أطراف في الصراع», «المخرج: زياد دوييري»)
_UNFINISHED = re.compile(r"[.!؟?:\"»)…،,]\s*$")  # a line that ends so is a sentence, or goes on
_AN_ITEM = re.compile(r"\s*(?:[\d٠-٩]+\s*[-.)–]|[-–*•#])")  # a list's: 1- …, - …, * …
# A profile's line (سيف القحطاني: 45 عاما; محرم إنجه البالغ من العمر 52).
_AN_AGE = re.compile(r"[\d٠-٩]+\s*(?:عاما|عام|سنة)\b|:\s*[\d٠-٩]|العمر")
_A_LIST_MARK = re.compile(r":| - |–")
# A news agency's lead: who, the weekday between commas, what (أعلنت شركة
# إيني الإيطالية، الخميس، عن اكتشاف …; قال الرئيس الروسي فلاديمير بوتين،
# الأربعاء، إن …), whole or cut short, the whole ones longer.
_DATELINED = re.compile(
    r"\s*\S+(?:\s+\S+){0,7}?\s*،\s*(?:يوم\s+)?(?:ال)?"
    r"(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)\s*،"
)
LONGEST_DATELINED_LEAD = 2 * LONGEST_LEAD


def headlines_by_shape(lines: list[str], opens_a_sentence) -> set[int]:
    """The lines (numbers in `lines`) that read as other stories' headlines,
    for an outlet that sets its links to them between a story's paragraphs
    as the headlines alone (sources.tsv `links: headlines`; BBC Arabic, where
    most link to stories the archive does not hold, so `Leads` cannot tell
    them): short (`LONGEST_HEADLINE`) and of `HEADLINE_WORDS` or more, no
    punctuation at their end, not the first paragraph, nor one whose first
    word begins or goes on with a sentence of the story (`opens_a_sentence`:
    وقال, كما, ويتجنب), nor a list's line: an item (1- …, an age, a caption's
    «X، role»), one of a run of short lines a paragraph ending with a colon
    introduces, or of a run of three or more two of which have a colon or a
    dash. A subhead of that shape («مسيرة مرتقبة في واشنطن ضد فوضى السلاح»)
    reads as one too: they are left out of what names an article's actors
    only, and a subhead's are the story's own, named again in its
    paragraphs."""
    paragraphs = [n for n, line in enumerate(lines) if line.strip()]
    runs: dict[int, list[int]] = {}  # a short line -> the run of short lines it is in
    run: list[int] = []
    listed = False  # the run is a list the paragraph before introduces (…رائدات، منهن:)
    for before, n in pairwise(paragraphs):
        if len(lines[n].strip()) <= LONGEST_HEADLINE and not _UNFINISHED.search(lines[n]):
            listed = listed or (not run and lines[before].rstrip().endswith(":"))
            run.append(n)
            if not listed:
                runs[n] = run
        else:
            run, listed = [], False
    found = set()
    for n, neighbours in runs.items():
        line = lines[n].strip()
        words = line.split()
        if (
            len(words) < HEADLINE_WORDS
            or opens_a_sentence(words[0])
            or _AN_ITEM.match(line)
            or _AN_AGE.search(line)
            or "،" in " ".join(words[:3])
        ):
            continue
        marked = sum(bool(_A_LIST_MARK.search(lines[m])) for m in neighbours)
        if len(neighbours) < 3 or marked < 2:
            found.add(n)
    return found


def leads_by_shape(lines: list[str], goes_on) -> set[int]:
    """The lines (numbers in `lines`) that end a body as other stories'
    leads cut short do, for an outlet that ends its stories with them
    (sources.tsv `links: leads`; CNN Arabic: one story in ten ends with one
    to six, cut at 250 characters or so, most of them mid-sentence, of
    stories the archive mostly does not hold, so `Leads` cannot tell them).
    From the last paragraph back, a run of two or more (`FEWEST_LEADS`: a
    story's own last paragraph may lack its full stop too) that begins and
    ends with one with no punctuation at its end (one that happens to end a
    sentence may stand between), each a sentence, longer than a headline
    (`LONGEST_HEADLINE`) or with a comma (not a day's events in history, a
    list of the story's own: «تأسيس شركة "غوغل" على يد سيرغي برين»), and
    `LONGEST_LEAD` characters at most; never the first paragraph, a list's
    item (- حصل على شهادة …) nor one that goes on from the one before it
    (`goes_on`: وتأتي هذه التصريحات). A whole lead, with its full stop, is
    one where it opens as a news agency's does, its weekday between commas
    (`_DATELINED`: أعلنت شركة إيني الإيطالية، الخميس، عن …), and it is
    `LONGEST_DATELINED_LEAD` at most. Like `headlines_by_shape`'s, they
    stay in the text and name none of the story's actors."""
    paragraphs = [n for n, line in enumerate(lines) if line.strip()]
    found: set[int] = set()
    between: list[int] = []  # punctuated paragraphs after the earliest lead found
    for n in reversed(paragraphs[1:]):
        line = lines[n].strip()
        datelined = _DATELINED.match(line) is not None
        if (
            len(line) > (LONGEST_DATELINED_LEAD if datelined else LONGEST_LEAD)
            or (len(line) <= LONGEST_HEADLINE and "،" not in line)
            or goes_on(line.split()[0])
            or _AN_ITEM.match(line)
        ):
            break
        if _UNFINISHED.search(line) and not datelined:
            if not found:
                break  # the body ends with a sentence of its own
            between.append(n)
        else:
            found.update(between, (n,))
            between = []
    return found if len(found) >= FEWEST_LEADS else set()


def others_by_shape(way: str, lines: list[str], cues) -> set[int]:
    """The lines of a body that read as links to other stories, for an
    outlet that sets them `way` (`HEADLINES`, `LEADS`): they name none of
    its actors (`cues`: the recogniser's word lists)."""
    if way == HEADLINES:
        return headlines_by_shape(lines, cues.opens_a_sentence)
    return leads_by_shape(lines, cues.goes_on)
