"""From a raw record to a clean article, or a precise reason why not.

`ArticleBuilder.build(raw)` validates and cleans one record: HTML removed
from titles, boilerplate tails cut, the date parsed to UTC (from the file
name when the record has none), the outlet mapped to its canonical name, a
stable ID chosen, its actors found (indexer.actors). Problems that do not
cost the article (no date, a body cut to the size limit) travel with it as
notes.
"""

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from indexer.actors import Gazetteer
from indexer.actors.gazetteer import ORGANISATION, PERSON
from indexer.actors.keys import actor_key, same_person
from indexer.actors.recognise import Recogniser, key
from indexer.arabic import analyzed, arabic_letters, normalize
from indexer.boilerplate import Boilerplate
from indexer.dates import date_from_name, parse_date, to_iso
from indexer.leads import ABSTRACT, TITLE, Leads, lead_hash, lead_key, others_by_shape
from indexer.readers import SCHEMA, Notice, RawRecord
from indexer.readers.pages import KeywordLine, html_to_text
from indexer.settings import Settings
from indexer.sources import SourceTable

MAX_BODY_CHARS: int = Settings.max_body_chars  # the setting BAHTH_MAX_BODY_CHARS, by default
MAX_TITLE_CHARS = 1_000
# A lone surrogate (JSON's "\ud800") is no character: it cannot be stored or hashed.
_SURROGATE_CHARS = "\ud800-\udfff"
_SURROGATES = re.compile(f"[{_SURROGATE_CHARS}]")
# Characters no article needs and every output must not carry: NUL and the
# other control characters but tab and line ends (an Atom feed holding one is
# not XML; a terminal obeys ESC), and the bidi embeddings, overrides and
# isolates, which turn the text around them (the RLO of a spoofed file name).
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[{_CONTROL_CHARS}]")
_REPAIRED = re.compile(f"[{_SURROGATE_CHARS}{_CONTROL_CHARS}]")  # either: one pass for most text
# An author that is no one's name: the id an outlet's system gave (a UUID), a number.
_AUTHOR_ID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|\d+")
MAX_ID_CHARS = 200
MAX_ID_BYTES = 512  # Elasticsearch refuses a longer _id, and with it the whole bulk request
_LIST_SEPARATORS = re.compile(r"\s*[|،;؛]\s*|\s*,\s*")
# A tag: no < but inside a quoted value (title="a<b"), and such a value is
# short, so that a stray < costs a look to the next one, not to the end.
_TAG = re.compile(r"""<[a-zA-Z/!](?:[^<>"']|"[^"]{0,1024}"|'[^']{0,1024}')*>""")
_SCRIPT = re.compile(r"<(script|style)\b", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")


def _other_fields(fields) -> str:
    """The fields of a record Bahth does not read, where it has some (a
    JSON export's headline, content): what `--map` would have read."""
    others = [_one_line(str(name))[:40] for name in fields if name not in SCHEMA]
    if not others:
        return ""
    shown = ", ".join(others[:6]) + (", …" if len(others) > 6 else "")
    return f" (its other fields: {shown}; --map NAME=title and --map NAME=body read two of them)"


class RecordError(Exception):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


@dataclass
class Article:
    id: str
    title: str
    body: str
    date: str | None = None  # ISO 8601 UTC, e.g. 2018-06-28T10:24:55Z
    source: str = ""  # canonical outlet
    url: str = ""
    author: str = ""
    category: str = ""
    tags: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_kinds: list[str] = field(default_factory=list)  # person, organisation, or "" (given)
    extra: dict = field(default_factory=dict)  # fields outside the schema, kept
    origin: str = ""  # the file it was read from
    line: int | None = None  # and its line there, when the format has lines

    @property
    def where(self) -> str:
        """Its file and line, as stored and shown: `wires.jsonl:12`."""
        return f"{self.origin}:{self.line}" if self.line else self.origin


@dataclass
class Analyzed:
    """What indexing needs of an article besides the article: its terms
    (joined by spaces: one string crosses from a worker process far faster
    than a list) and the key that finds its exact duplicates."""

    title_terms: str
    body_terms: str
    dedup: bytes | None  # same normalised body, same key; None when too short to tell


def analyze_article(article: Article, terms: bool = True) -> Analyzed:
    """The article's dedup key and, unless `terms` is false (the store
    analyses the text itself), its analysed title and body."""
    body = normalize(article.body)
    flat = " ".join(body.split())
    dedup = hashlib.sha1(flat.encode("utf-8")).digest() if len(flat) >= 80 else None
    if not terms:
        return Analyzed("", "", dedup)
    # The body was just normalised for its key.
    return Analyzed(analyzed(article.title), analyzed(article.body, body), dedup)


@dataclass
class Built:
    article: Article
    notes: list[Notice]


# How deep a field outside the schema may nest its lists and objects: an
# article is kept, shown and sent between processes whole (Python's own
# limits fail a few hundred levels down).
MAX_EXTRA_DEPTH = 32


def _deeper_than(value, levels: int) -> bool:
    """Whether `value` nests lists and objects more than `levels` deep
    (looked at level by level, never by recursion)."""
    layer = [value]
    for _ in range(levels + 1):
        layer = [
            inner
            for item in layer
            if isinstance(item, dict | list)
            for inner in (item.values() if isinstance(item, dict) else item)
        ]
        if not layer:
            return False
    return True


def _text(value, name):
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise RecordError(name, f"expected text, got {type(value).__name__}")
    return value


def without_controls(text: str) -> str:
    """`text` without the characters _CONTROLS names: for what is shown or
    written out (a terminal, an Atom feed), whatever an index holds."""
    return _CONTROLS.sub("", text)


def _cleaned(value, depth=0):
    """`value` (text, or lists and objects of it) without lone surrogates
    (U+FFFD instead) and control characters; and what was repaired."""
    if isinstance(value, str):
        repairs = set()
        if not _REPAIRED.search(value):
            return value, repairs
        if _SURROGATES.search(value):
            value = _SURROGATES.sub("\ufffd", value)
            repairs.add("half of a UTF-16 pair, not a character: replaced with U+FFFD")
        if _CONTROLS.search(value):
            value = _CONTROLS.sub("", value)
            repairs.add("control or bidi-override characters removed")
        return value, repairs
    if depth < 4 and isinstance(value, list):
        found = [_cleaned(item, depth + 1) for item in value]
        return [item for item, _ in found], set().union(*(r for _, r in found))
    if depth < 4 and isinstance(value, dict):
        found = {key: _cleaned(item, depth + 1) for key, item in value.items()}
        return {k: v for k, (v, _) in found.items()}, set().union(*(r for _, r in found.values()))
    return value, set()


def _without_scripts(text: str) -> str:
    """`text` without its scripts and styles, each from its opening tag to
    the first closing tag of its kind; one never closed is left (its tags
    go with the others). Each closing tag is looked for once: a search from
    every opening of a kind that closes nowhere took a time growing as the
    square of the text's."""
    kept, at, unclosed = [], 0, set()
    for opening in _SCRIPT.finditer(text):
        kind = opening.group(1).lower()
        if opening.start() < at or kind in unclosed:
            continue  # inside one removed, or of a kind that closes nowhere after
        closing = re.compile(rf"</{kind}\s*>", re.I).search(text, opening.end())
        if closing is None:
            unclosed.add(kind)
            continue
        kept += [text[at : opening.start()], " "]
        at = closing.end()
    return "".join(kept) + text[at:]


def _plain(text):
    """Text without HTML: scripts and styles dropped, tags removed, entities decoded."""
    if "<" in text and _TAG.search(text):
        text = _without_scripts(text)
        if re.search(r"</?(p|div|br|li|h\d)\b", text, re.I):
            text = html_to_text(text)[0]
        else:
            text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _one_line(text):
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _source_of(fields, sources) -> tuple[str, str]:
    """(the source a record gives, the outlet it is: SourceTable.canonical)."""
    given = _one_line(_text(fields.get("source"), "source"))
    return given, sources.canonical(given, _one_line(_text(fields.get("url"), "url")))


def _plain_text_of(fields, name) -> str:
    """A field's text without HTML, as the body is read (a value of another
    type is none: no abstract)."""
    value = fields.get(name)
    return _plain(value) if isinstance(value, str) else ""


def record_leads(fields, sources) -> list[int]:
    """A record's abstract and title as `Leads` holds them: what a page of
    its outlet's may list among other stories, or link to."""
    keys = [(kind, lead_key(_plain_text_of(fields, kind))) for kind in (ABSTRACT, TITLE)]
    if all(key is None for _, key in keys):
        return []
    try:
        source = _source_of(fields, sources)[1]
    except RecordError:
        return []  # a source that is no text: the record is rejected when built
    return [lead_hash(kind, source, key) for kind, key in keys if key is not None]


def _list(value, name, split_keywords=None):
    if value is None or value == "":
        return []
    if isinstance(value, KeywordLine) and split_keywords:
        items = split_keywords(value)
    elif isinstance(value, str):
        items = _LIST_SEPARATORS.split(value)
    elif isinstance(value, list):
        items = [_text(item, name) for item in value]
    else:
        raise RecordError(name, f"expected a list or text, got {type(value).__name__}")
    seen, result = set(), []
    for item in (arabic_letters(_one_line(_plain(i))) for i in items):
        key = normalize(item)
        if item and key not in seen:
            seen.add(key)
            result.append(item)
    return result


def stable_id(record_id, url, title, body):
    if record_id:
        return record_id
    if url:
        return "u-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:20]
    return "h-" + hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()[:20]


class ArticleBuilder:
    def __init__(
        self,
        sources=None,
        boilerplate=None,
        max_body_chars=MAX_BODY_CHARS,
        gazetteer=None,
        leads: Leads | None = None,
    ):
        self.sources = sources or SourceTable.load()
        self.boilerplate = boilerplate or Boilerplate.load()
        self.leads = leads  # the archive's abstracts and titles: the other stories a page lists
        self.gazetteer = Gazetteer.load() if gazetteer is None else gazetteer
        self.recogniser = Recogniser(self.gazetteer)
        self.max_body_chars = max_body_chars
        # The gazetteer's actors by their names, which most of an article's are.
        self._named = {actor.name: actor for actor in self.gazetteer.actors}

    def build(self, raw: RawRecord) -> Built:
        """The article of a raw record; raises RecordError naming the field at fault."""
        notes = []

        def note(field_name, reason, action):
            notes.append(Notice(raw.origin, raw.line, field_name, reason, action=action))

        fields = raw.fields
        for name, value in raw.fields.items():
            cleaned, repairs = _cleaned(value)
            if not repairs:
                continue
            if fields is raw.fields:  # a copy only for the rare record that needs one
                fields = dict(fields)
            fields[name] = cleaned
            for repair in sorted(repairs):
                note(name, repair, "repaired")

        title = _one_line(_plain(_text(fields.get("title"), "title")))
        body = _plain(_text(fields.get("body"), "body")).replace("\r\n", "\n").strip()
        if not title and not body:
            raise RecordError("body", "no title and no body" + _other_fields(fields))
        if len(title) > MAX_TITLE_CHARS:
            title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
            note("title", f"title longer than {MAX_TITLE_CHARS} characters, cut", "truncated")
        if len(body) > self.max_body_chars:
            note(
                "body",
                f"body of {len(body):,} characters cut to {self.max_body_chars:,}",
                "truncated",
            )
            body = body[: self.max_body_chars]
        body, _ = self.boilerplate.strip(body)

        record_id = _one_line(_text(fields.get("id"), "id"))
        if len(record_id) > MAX_ID_CHARS:
            raise RecordError("id", f"longer than {MAX_ID_CHARS} characters")
        if len(record_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES:
            raise RecordError("id", f"longer than {MAX_ID_BYTES} bytes in UTF-8")
        url = _one_line(_text(fields.get("url"), "url"))

        date_text = _one_line(_text(fields.get("date"), "date"))
        moment = parse_date(date_text) if date_text else None
        if moment is None:
            moment = date_from_name(record_id or "") or date_from_name(Path(raw.origin).name)
            if date_text and moment is None:
                note(
                    "date", f"unreadable date {date_text!r}; article kept without a date", "no_date"
                )
            elif date_text:
                note(
                    "date",
                    f"unreadable date {date_text!r}; date taken from the file name",
                    "date_from_name",
                )
            elif moment is None:
                note("date", "no date; article kept without a date", "no_date")

        source_given, source = _source_of(fields, self.sources)
        as_read = body
        if self.leads is not None:
            body, headlines_cut, leads_cut = self.leads.cut(
                body, source, _plain_text_of(fields, "abstract"), title
            )
            if headlines_cut:
                note(
                    "body",
                    f"{headlines_cut} of its lines are other stories' headlines "
                    "(links to them): cut",
                    "other_headlines_cut",
                )
            if leads_cut:
                note(
                    "body",
                    f"its last {leads_cut} paragraphs are other stories' leads "
                    "(the page's list of its outlet's other stories): cut",
                    "other_stories_cut",
                )
        extra = {key: value for key, value in fields.items() if key not in SCHEMA}
        for name, value in extra.items():
            if _deeper_than(value, MAX_EXTRA_DEPTH):
                raise RecordError(name, f"nested more than {MAX_EXTRA_DEPTH} levels deep")
        if source_given and source != source_given:
            extra.setdefault("source_as_given", source_given)

        # The ID, where the record gives none, of the text as read: the same
        # whatever else a run reads (what the cut above takes depends on it).
        article_id = stable_id(record_id, url, title or _one_line(as_read[:120]), as_read)
        title = title or _one_line(body[:120])
        author = _one_line(_plain(_text(fields.get("author"), "author")))
        if _AUTHOR_ID.fullmatch(author):
            extra.setdefault("author_as_given", author)  # kept, not shown as a name
            author = ""
        tags = _list(fields.get("tags"), "tags", self.gazetteer.split_keywords)
        given = _list(fields.get("actors"), "actors")
        named_in = body  # what names its actors: not other stories' headlines or leads
        if way := self.sources.links(source):
            lines = body.split("\n")
            links = others_by_shape(way, lines, self.recogniser.cues)
            named_in = "\n".join(line for n, line in enumerate(lines) if n not in links)
        actors = self._actors(title, named_in, tags, given, self.sources.home(source))
        article = Article(
            id=article_id,
            title=title,
            body=body,
            date=to_iso(moment) if moment else None,
            source=source,
            url=url,
            author=author,
            category=_one_line(_text(fields.get("category"), "category")),
            tags=tags,
            actors=[name for name, _ in actors],
            actor_kinds=[kind for _, kind in actors],
            extra=extra,
            origin=raw.origin,
            line=raw.line,
        )
        return Built(article, notes)

    def _actors(self, title, body, tags, given, home=None) -> list[tuple[str, str]]:
        """(name, kind) of an article's actors: those its record gives (a
        spelling or an English name the gazetteer knows becomes its actor,
        one it never tags is dropped, another value is kept as given), then
        those its title, body and tags name (`home`: the country of a local
        outlet, see Recogniser.actors)."""
        found: dict[str, str] = {}
        for value in given:
            if self.gazetteer.never(value):
                continue
            known = self.gazetteer.named(value)  # an alias, or an English name: Narendra Modi
            if known is not None:
                found.setdefault(known.name, known.type)
            else:
                named = self.gazetteer.tag(value)
                for name in named or [value]:
                    found.setdefault(name, self.gazetteer.kind(name))
        for actor in self.recogniser.actors(title, body, tags, home):
            found.setdefault(actor.name, actor.kind)
        # One person the article (or its record) writes two ways is one actor,
        # counted once: a person the gazetteer knows, in a spelling it lacks
        # besides its own (جاريث بيل beside غاريث بيل), under the gazetteer's
        # name; another, where the words the two spellings differ in are no
        # given names (ستورمي دانيالز, ستورمي دانييلز), under the first written.
        # منصور and منصوري, عادل and عدلي, موسى and ميسي, العمري and العامري are two.
        # A body written two ways its facet shows as one (هيئة الطيران المدني
        # الإماراتي, الإماراتية) is one too, under the gazetteer's name, else
        # the first written.
        kept: dict[tuple, str] = {}  # an actor -> the name kept for it
        whose: dict[str, tuple] = {}  # a name -> the actor it names
        for name, kind in found.items():
            known = self._known_person(name)
            if known is not None:
                whose[name] = ("known", known.name)
                if whose[name] not in kept or name == known.name:
                    kept[whose[name]] = name
            elif kind == PERSON:
                spelled = ("spelled", actor_key(name, self.gazetteer))
                first = kept.setdefault(spelled, name)
                whose[name] = spelled if self._alike(first, name) else ("as written", name)
                kept.setdefault(whose[name], name)
            elif kind == ORGANISATION:
                whose[name] = ("a body", actor_key(name, self.gazetteer))
                if whose[name] not in kept or name in self._named:
                    kept[whose[name]] = name  # the gazetteer's name first
        return [(n, k) for n, k in found.items() if n not in whose or kept[whose[n]] == n]

    def _alike(self, name, other) -> bool:
        """Whether two names of one actor_key differ only in words that are
        no given names and no family names with the article (a foreign
        surname's long vowels and letters; not العمري and العامري), word for
        word as the key splits them (عبد الله and عبدالله are one word)."""
        given = self.recogniser.cues.first_names
        pairs = zip(key(name).split(), key(other).split(), strict=False)
        return all(
            a == b or not ({a, b} & given or a.startswith("ال") or b.startswith("ال"))
            for a, b in pairs
        )

    def _known_person(self, name):
        """The person of the gazetteer a name is, written as it does or not."""
        known = self._named.get(name) or self.gazetteer.actor(name)
        if known is not None:
            return known if known.type == PERSON else None
        return same_person(self.gazetteer, name)
