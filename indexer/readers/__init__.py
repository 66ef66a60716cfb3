"""Archive files to raw records.

`read_pieces(pieces)` reads the Pieces a Plan (plan.py) cuts an archive
into: files, `.zip` archives, tars and compressed files (sources.py), and
slices of large JSONL files. It
decides each file's format from its content (or takes the one forced), and
yields a `RawRecord` for each record read and a `Notice` for each one that
could not be read (or was read with a repair), naming the file, the line
and, where there is one, the field. `read_archive(paths)` does the same for
the whole files under paths.
"""

import codecs
import csv
import functools
import io
import json
import re
from collections.abc import Iterable

from . import feeds, newsml, trec
from .decode import (
    Decoded,
    LineDecoder,
    decode,
    looks_binary,
    opens_a_document,
    utf8_by_line,
    utf16_encoding,
)
from .pages import looks_like_html, parse_page
from .plan import ArchiveError, Piece, Plan, Share, expand, whole_files
from .records import Notice, RawRecord, printable
from .sources import MAX_EXPANDED_BYTES, MAX_LINE_BYTES, READ_ERRORS, Reading, sources

SCHEMA = ("id", "title", "body", "date", "source", "url", "author", "category", "tags", "actors")
TREC_FIELDS = {
    "docno": "id",
    "url": "url",
    "src": "source",
    "cat": "category",
    "title": "title",
    "time": "date",
    "author": "author",
    "abstract": "abstract",
    "text": "body",
}
# The names other systems give Bahth's fields (lower case), read as those
# fields where a record lacks them and --map says nothing of the name: a
# news API's headline and content, a CMS export's pubDate, an Arabic
# newsroom's العنوان and النص.
USUAL_NAMES = {
    **dict.fromkeys(("guid", "uuid", "article_id", "doc_id", "docid", "المعرف"), "id"),
    **dict.fromkeys(("headline", "heading", "العنوان", "عنوان"), "title"),
    **dict.fromkeys(
        ("content", "text", "article", "article_body", "articlebody", "النص", "المحتوى", "نص"),
        "body",
    ),
    **dict.fromkeys(
        (
            "published",
            "published_at",
            "publishedat",
            "publish_date",
            "pubdate",
            "datepublished",
            "date_published",
            "التاريخ",
            "تاريخ النشر",
        ),
        "date",
    ),
    **dict.fromkeys(("link", "permalink", "الرابط"), "url"),
    **dict.fromkeys(("publisher", "outlet", "site", "المصدر"), "source"),
    **dict.fromkeys(("byline", "writer", "الكاتب"), "author"),
    **dict.fromkeys(("section", "القسم", "التصنيف"), "category"),
    **dict.fromkeys(("keywords", "الكلمات المفتاحية", "الوسوم"), "tags"),
}
_CSV_SEPARATORS = (",", ";", "\t", "|")


def field_of(name) -> str | None:
    """The field of Bahth a record's field, or a column, named `name` is
    (its own name in any case, or one of USUAL_NAMES), or None."""
    if not isinstance(name, str):
        return None
    plain = name.strip().lower()
    return plain if plain in SCHEMA else USUAL_NAMES.get(plain)


_DOC = re.compile("<doc>", re.I)
# What may come before an XML document's root: its declaration, processing
# instructions, comments, a doctype.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S | re.I)
_ROOT = re.compile(r"\s*<([A-Za-z_][\w:.-]*)")


def root_element(text: str) -> str:
    """The name of the first element of an XML document, in lower case and
    without its prefix, after its prolog ("" for text that opens none)."""
    at = 0
    while prolog := _PROLOG.match(text, at):
        at = prolog.end()
    found = _ROOT.match(text, at)
    return found.group(1).rpartition(":")[2].lower() if found else ""


def detect_format(text: str, column_map=None, name: str = "") -> str:
    """The format of a file whose text begins with `text`: its content says;
    a table's header names its columns as Bahth does, a usual name, or as
    --map (`column_map`) renames them; a file `name`d .csv or .tsv that is
    nothing else is a table (its rows then say what they lack)."""
    head = text.lstrip()[:4096]
    if head.startswith(("{", "[")):
        return "jsonl"
    root = root_element(text[:65536])
    if root in feeds.ROOTS:
        return "feed"
    if root in newsml.ROOTS:
        return "newsml"
    if _DOC.search(head):
        return "trec"
    if looks_like_html(head):
        return "page"
    if head.startswith("<?xml") and root not in ("html", ""):
        return "xml"  # of no format Bahth reads: a sitemap, an office document…
    first_line = head.split("\n", 1)[0]
    mapped = column_map or {}
    for separator in _CSV_SEPARATORS:
        header = [cell.strip().strip('"') for cell in first_line.split(separator)]
        fields = {mapped.get(name) or field_of(name) for name in header} - {None}
        # A header names a title or a body, and, in other systems' words,
        # another field too ("Home | Article" begins a page, not a table).
        own = {name.lower() for name in header} & {"title", "body"}
        if len(header) > 1 and {"title", "body"} & fields and (own or len(fields) > 1):
            return "csv"
    if name.lower().endswith((".csv", ".tsv")) and "\n" in text.strip():
        return "csv"
    return "page"


def read_archive(paths, forced_format=None, column_map=None, max_expanded=MAX_EXPANDED_BYTES):
    """Yield RawRecord and Notice objects for everything under `paths`."""
    return read_pieces(whole_files(paths), forced_format, column_map, max_expanded)


def read_pieces(
    pieces: Iterable[Piece], forced_format=None, column_map=None, max_expanded=MAX_EXPANDED_BYTES
):
    """Yield RawRecord and Notice objects for each Piece, in order."""
    for piece in pieces:
        if piece.whole:
            reading = Reading(io.BytesIO(piece.data or b""), None)
            yield from _read_source(piece.member, reading, forced_format, column_map or {})
        elif piece.data is not None:
            yield from _read_lines(piece, column_map or {})
        elif piece.end is None and not piece.notices:
            yield from _read_file(
                piece.path, forced_format, column_map or {}, max_expanded, piece.member
            )
        elif piece.end is not None:
            yield from _read_slice(piece, column_map or {})
        yield from piece.notices


def _read_file(path, forced_format, column_map, max_expanded, member=None):
    """The records of a file, or of the one member of it named `member`."""
    try:
        for origin, source, compressed in sources(path, max_expanded, member):
            if member is not None and origin != member:
                continue
            if isinstance(source, Notice):
                yield source
                continue
            # Only what is decompressed is bounded: a file's own size is its bound.
            reading = Reading(source, max_expanded if compressed else None)
            yield from _read_source(origin, reading, forced_format, column_map)
            yield from reading.notices(origin)
    except READ_ERRORS as error:
        yield Notice(printable(path), None, None, f"cannot open: {error}")


def _read_source(origin, reading: Reading, forced_format, column_map):
    """The records of one file or archive member: a JSONL one line after
    line (memory holds one line, whatever the file's size), others whole."""
    head = reading.chunk(65536)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    blank_lines = 0  # of blank space before the text, only its lines are kept (a count)
    while head and not head.strip(b" \t\r\n\0") and not utf16_encoding(head):
        blank_lines += head.count(b"\n")
        head = reading.chunk(65536)
    if looks_binary(head):
        yield Notice(origin, None, None, "binary file, not text: not read")
        return
    kind = forced_format or detect_format(
        head.decode("utf-8", errors="replace"), column_map, origin
    )
    one_document = head.lstrip()[:1] == b"[" or opens_a_document(head)
    # Lines that end in CR alone (old Mac files): read whole, their ends made LF.
    cr_only = b"\r" in head and b"\n" not in head
    if kind == "jsonl" and not one_document and not cr_only and not utf16_encoding(head):
        yield from _guarded(_stream_jsonl(origin, head, reading, column_map, blank_lines), origin)
        return
    head = b"\n" * blank_lines + head
    decoded = decode(head + reading.rest(drop_nul=not utf16_encoding(head)))
    yield from _decoding_notes(origin, decoded)
    text = decoded.text
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    if not text.strip():
        if not reading.failure and not reading.too_large:
            yield Notice(origin, None, None, "empty file")
        return
    yield from _guarded(
        _READERS[forced_format or detect_format(text, column_map, origin)](
            text, origin, column_map
        ),
        origin,
    )


def _stream_jsonl(origin, head, reading: Reading, column_map, lines_before=0, sample=None):
    """The records of JSONL lines, `head` then the rest of `reading`, one
    line at a time; `sample`: the file's first bytes, if `head` is not them."""
    decoder = LineDecoder(head if sample is None else sample)
    # The lines of `pending` are read from `at` on: cutting each off the
    # front instead copied the rest of the chunk (a MiB) for every line.
    pending, at, number, seen_text = head, 0, lines_before, False
    while True:
        cut = pending.find(b"\n", at)
        if cut < 0:
            more = reading.chunk()
            pending, at = pending[at:], 0
            if more and len(pending) <= MAX_LINE_BYTES:
                pending += more
                continue
            if more:  # a line past the limit: rejected, skipped to its end
                number += 1
                yield Notice(
                    origin,
                    number,
                    None,
                    f"a line of more than {MAX_LINE_BYTES / 2**20:,.0f} MiB: not read",
                )
                pending = _skip_line(reading, more)
                continue
            line, pending = pending, b""
            if not line:
                break
        else:
            line, at = pending[at:cut], cut + 1
        number += 1
        line = line.replace(b"\0", b"")
        if not line.strip():
            continue
        seen_text = True
        yield _jsonl_line(decoder.line(line, number), origin, number, column_map)
    yield from _decoding_notes(origin, decoder.decoded(""), whole=not decoder.utf8)
    if not seen_text and sample is None and not reading.failure and not reading.too_large:
        yield Notice(origin, None, None, "empty file")


def _skip_line(reading: Reading, data: bytes) -> bytes:
    """Read on past the end of an overlong line; what follows it."""
    while True:
        cut = data.find(b"\n")
        if cut >= 0:
            return data[cut + 1 :]
        data = reading.chunk()
        if not data:
            return b""


def _decoding_notes(origin, decoded: Decoded, whole=False):
    """The notices of what decoding did: repaired lines, and the code page
    of lines (or of the file, when `whole` or none of it was UTF-8)."""
    for line in decoded.repaired_lines:
        yield Notice(
            origin, line, None, "bytes that are not UTF-8 replaced with U+FFFD", action="repaired"
        )
    if decoded.legacy_lines and not whole:
        for line in decoded.legacy_lines:
            yield Notice(
                origin,
                line,
                None,
                f"a line not in UTF-8, among UTF-8 lines: read as {decoded.legacy}",
                action="decoded",
            )
        return
    encoding = decoded.legacy if decoded.legacy_lines else decoded.encoding
    if decoded.confidence is not None:
        yield Notice(
            origin,
            None,
            None,
            f"not UTF-8: read as {encoding} (confidence {decoded.confidence:.2f})",
            action="decoded",
        )


def _read_lines(piece: Piece, column_map):
    """The records of lines of a compressed JSONL file the plan decompressed
    (lines ended by CR alone too)."""
    data = piece.data or b""
    if b"\r" in data and b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    reading = Reading(io.BytesIO(data), None)
    lines_before = piece.first_line - 1
    lines = _stream_jsonl(piece.member, b"", reading, column_map, lines_before, piece.sample)
    yield from _guarded(lines, piece.member)


def _guarded(records, origin):
    """`records`, and where reading them fails (a fault of Bahth's reader,
    which must cost the file what it had left, not the run), a notice of it."""
    try:
        yield from records
    except MemoryError:
        raise
    except Exception as error:  # any fault of a reader: the other files are read
        yield Notice(
            origin,
            None,
            None,
            f"the rest of the file not read: {type(error).__name__}: {error} "
            "(a fault of Bahth's reader; the records before it are kept)",
        )


def _read_slice(piece: Piece, column_map):
    """Records and Problems of a slice of a JSONL, TREC or feed file, with the
    file's line numbers."""
    yield from _guarded(_slice_records(piece, column_map), printable(piece.path))


def _slice_records(piece: Piece, column_map):
    with open(piece.path, "rb") as stream:
        stream.seek(piece.start)
        data = stream.read(piece.size)
    if piece.start == 0 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    origin = printable(piece.path)
    decoded = utf8_by_line(data.replace(b"\0", b""), piece.first_line)
    yield from _decoding_notes(origin, decoded)
    if piece.kind == "trec":
        yield from _read_trec(decoded.text, origin, column_map, piece.first_line)
    elif piece.kind == "feed":
        channel = _channel_of(piece.path) if piece.start else None
        yield from _read_feed(decoded.text, origin, column_map, piece.first_line, channel)
    elif piece.start:  # a slice of JSON Lines: never the start of a document
        yield from _read_lines_of(decoded.text, origin, column_map, piece.first_line)
    else:
        yield from _read_jsonl(decoded.text, origin, column_map, piece.first_line)


@functools.lru_cache(maxsize=8)
def _channel_of(path):
    """The channel of the feed file `path`: what its first MiB says of its
    items (read once a worker, not again for each of its slices)."""
    with open(path, "rb") as stream:
        head = stream.read(2**20).decode("utf-8", "replace")
    return feeds.channel_before_items(head)


def _read_jsonl(text, origin, column_map, first_line=1):
    stripped = text.lstrip()
    if stripped.startswith("[") or opens_a_document(stripped[:65536].encode()):
        try:
            document = json.loads(stripped)
        except (ValueError, RecursionError) as error:
            if stripped.startswith("{") or _a_line_of_its_own(stripped):
                # Not one document after all: its lines (a stray array on the
                # first line of JSONL is that line's fault, not the file's).
                yield from _read_lines_of(text, origin, column_map, first_line)
                return
            line = getattr(error, "lineno", None)
            if line is not None:  # counted from the file's first line
                line += first_line - 1 + text[: len(text) - len(stripped)].count("\n")
            yield Notice(
                origin, line, None, f"invalid JSON array: {_json_error(error)}", stripped[:500]
            )
            return
        records = _records_in(document)
        if records is None:
            yield Notice(origin, None, None, "a JSON document with no list of records in it")
            return
        for number, record in enumerate(records, 1):
            yield _json_record(record, origin, None, _shown(record), column_map, f"record {number}")
        return
    yield from _read_lines_of(text, origin, column_map, first_line)


def _a_line_of_its_own(text: str) -> bool:
    """Whether the first line of `text` is a JSON value of its own, with more
    lines after it: JSON Lines, not one document over several lines."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip():
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _records_in(document):
    """The records of a JSON document: an array's items; else the longest
    array of articles under its keys or theirs (`{"articles": [...]}`, an
    Elasticsearch response's `hits.hits`, not its aggregations' buckets),
    or the object itself when it is an article and holds no such array
    (one indented article); None for none."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    found = _articles_under(document)
    if found is None and _an_article(document):
        return [document]
    return found


def _articles_under(document: dict, depth=3) -> list | None:
    found: list | None = None
    for value in document.values():
        if isinstance(value, list) and any(
            isinstance(item, dict) and _an_article(item) for item in value[:100]
        ):
            inner: list | None = value
        elif isinstance(value, dict) and depth > 1:
            inner = _articles_under(value, depth - 1)
        else:
            continue
        if inner is not None and (found is None or len(inner) > len(found)):
            found = inner
    return found


def _an_article(fields: dict) -> bool:
    """Whether an object is an article: a title or a body under Bahth's name
    or a usual one, or an Elasticsearch hit (its `_source` an object)."""
    return isinstance(fields.get("_source"), dict) or any(
        field_of(name) in ("title", "body") for name in fields
    )


def _read_lines_of(text, origin, column_map, first_line=1):
    for number, line in enumerate(text.split("\n"), first_line):
        if line.strip():
            yield _jsonl_line(line, origin, number, column_map)


def _jsonl_line(line, origin, number, column_map):
    """The record of one JSONL line, or the Notice of why it is none (a
    byte-order mark before it is none of its own: files joined by cat)."""
    line = line.removeprefix("\ufeff")
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        return Notice(origin, number, None, f"invalid JSON ({_json_error(error)})", line[:2000])
    return _json_record(record, origin, number, line[:2000], column_map)


def _shown(record):
    try:
        return json.dumps(record, ensure_ascii=False)[:2000]
    except (ValueError, RecursionError):
        return "(a record that cannot be shown)"


def _json_error(error):
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg}, column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)  # e.g. an integer of more than 4,300 digits


def _json_record(record, origin, line, raw, column_map, label=None):
    if not isinstance(record, dict):
        return Notice(
            origin,
            line,
            None,
            f"{label or 'line'} is {type(record).__name__}, not a JSON object",
            raw,
        )
    source = record.get("_source")
    if isinstance(source, dict):  # a hit of an Elasticsearch export: its document
        record = {"id": record["_id"], **source} if "_id" in record else source
    return RawRecord(origin, line, _renamed(record, column_map))


def _renamed(record, column_map):
    """A record's fields under Bahth's names: as --map says, else by
    `field_of`, where the record holds no value of that field and the name
    holds text (or a number); --map keeps the fields it renames away empty
    (--map title=subject: no headline becomes the title). An outlet given as
    an object (a news API's {"id", "name"}) is its name."""
    renamed = {column_map.get(key, key): value for key, value in record.items()}
    for name in record:
        field = field_of(name) if name not in column_map else None
        if not field or field == name or field in column_map:
            continue
        value = _name_of(renamed.get(name))
        if _given(value, field) and not _given(renamed.get(field), field):
            del renamed[name]
            renamed[field] = value
    if "source" in renamed:
        renamed["source"] = _name_of(renamed["source"])
    return renamed


def _name_of(value):
    """An object that names something ({"id", "name"}) as its name; any
    other value as it is."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return value


def _given(value, field) -> bool:
    """Whether `value` is one `field` may take: text, a number, or for a
    list field (tags, actors) a list."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value) and field in ("tags", "actors")
    return isinstance(value, int | float) and not isinstance(value, bool)


# A cell may hold a whole article (bodies up to BAHTH_MAX_BODY_CHARS, cut later
# with a note); Python's default limit is 128 KiB.
csv.field_size_limit(64 * 2**20)


def _read_csv(text, origin, column_map):
    """Rows of a CSV file. A row the parser cannot read (a quote never closed,
    which would swallow every row after it; a stray quote; a cell over 64 MiB)
    is reported by its first line, and reading goes on at the line after it."""
    lines = text.split("\n")
    separator = max(_CSV_SEPARATORS, key=lines[0].count)
    try:
        header = next(csv.reader([lines[0].rstrip("\r")], delimiter=separator), [])
    except csv.Error as error:
        yield Notice(origin, 1, None, f"invalid CSV header: {error}", lines[0][:2000])
        return
    names = [column_map.get(name.strip(), name.strip()) for name in header]
    for at, name in enumerate(header):
        field = field_of(name) if name.strip() not in column_map else None
        if field and field not in names and field not in column_map:
            names[at] = field  # Title, or a usual name (العنوان) no column takes
    start = 1  # index in `lines` of the first line not read yet
    while start < len(lines):
        reader = csv.reader(
            io.StringIO("\n".join(lines[start:]), newline=""), delimiter=separator, strict=True
        )
        while True:
            first = start + reader.line_num + 1  # the next row's first line, 1-based
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                reached = start + reader.line_num
                if reached > first:  # the row ran on over the lines after it
                    reason = (
                        f"a quote opened on this line is not closed (read on to line {reached})"
                    )
                else:
                    reason = f"quotes out of place ({error})"
                yield Notice(origin, first, None, f"invalid CSV: {reason}", lines[first - 1][:2000])
                start = first  # go on at the line after the row's first
                break
            if not any(cell.strip() for cell in cells):
                continue
            if cells[:1] and [cells[0].removeprefix("\ufeff"), *cells[1:]] == header:
                # files joined by cat: each one's header (a spreadsheet's, after its mark)
                yield Notice(origin, first, None, "the header again", action="skipped")
                continue
            if len(cells) > len(names):
                yield Notice(
                    origin,
                    first,
                    None,
                    f"{len(cells)} cells for {len(names)} columns",
                    separator.join(cells[len(names) :])[:2000],
                )
                continue
            yield RawRecord(origin, first, dict(zip(names, cells, strict=False)))


def _read_trec(text, origin, column_map, first_line=1):
    records = trec.iter_records(text, first_line)
    yield from _read_tagged(records, origin, column_map, "no <DOC> record", TREC_FIELDS)


def _read_feed(text, origin, column_map, first_line=1, channel=None):
    records = feeds.iter_records(text, first_line, channel)
    yield from _read_tagged(records, origin, column_map, "a feed with no <item> or <entry>")


def _read_newsml(text, origin, column_map):
    records = newsml.iter_records(text)
    yield from _read_tagged(records, origin, column_map, "no <newsItem> or <nitf> story")


def _read_tagged(records, origin, column_map, none_found, names=None):
    """RawRecords and Notices of a tagged format's records (trec.Record,
    feeds.Skipped), their fields under Bahth's `names` where given; a notice
    `none_found` for a file with none."""
    found = False
    for record in records:
        found = True
        if isinstance(record, feeds.Skipped):
            yield Notice(origin, record.line, None, record.why, action="skipped")
        elif record.fields is None:
            yield Notice(origin, record.line, None, record.problem or "", record.raw)
        else:
            fields = record.fields
            if names:
                fields = {names.get(name, name): value for name, value in fields.items()}
            yield RawRecord(origin, record.line, _renamed(fields, column_map))
            if record.problem:
                yield Notice(origin, record.line, None, record.problem, action="repaired")
    if not found:
        yield Notice(origin, None, None, none_found)


def _read_other_xml(text, origin, column_map):
    root = root_element(text[:65536])
    yield Notice(
        origin,
        None,
        None,
        f"an XML document of <{root}>, none of the formats read (RSS, Atom, NewsML, NITF, "
        "XHTML): not read",
    )


def _read_page(text, origin, column_map):
    yield RawRecord(origin, None, _renamed(parse_page(text, origin), column_map))


_READERS = {
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "trec": _read_trec,
    "feed": _read_feed,
    "newsml": _read_newsml,
    "page": _read_page,
    "xml": _read_other_xml,
}
FORMATS = tuple(name for name in _READERS if name != "xml")  # what --format may force

__all__ = [
    "FORMATS",
    "MAX_EXPANDED_BYTES",
    "SCHEMA",
    "ArchiveError",
    "Notice",
    "Piece",
    "Plan",
    "RawRecord",
    "Share",
    "detect_format",
    "expand",
    "printable",
    "read_archive",
    "read_pieces",
    "whole_files",
]
