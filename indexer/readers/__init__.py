"""Archive files to raw records.

`read_pieces(pieces)` reads the Pieces a Plan (plan.py) cuts an archive
into: files, `.gz` and `.zip` archives, and slices of large JSONL files. It
decides each file's format from its content (or takes the one forced), and
yields a `RawRecord` for each record read and a `Notice` for each one that
could not be read (or was read with a repair), naming the file, the line
and, where there is one, the field. `read_archive(paths)` does the same for
the whole files under paths.
"""

import codecs
import csv
import gzip
import io
import json
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import trec
from .decode import Decoded, LineDecoder, decode, looks_binary, utf8_by_line, utf16_encoding
from .pages import looks_like_html, parse_page
from .plan import ArchiveError, Piece, Plan, Share, expand, whole_files

MAX_EXPANDED_BYTES = 512 * 2**20  # the default of BAHTH_MAX_EXPANDED_BYTES
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
_CSV_SEPARATORS = (",", ";", "\t", "|")
_SKIPPED_NAMES = ("README", "LICENSE", "PROVENANCE")


@dataclass
class RawRecord:
    origin: str  # file path, or archive path!member
    line: int | None  # line of the record's start, when the format has lines
    fields: dict


@dataclass
class Notice:
    """A line of the rejects file: a record that was not indexed (`action`
    "rejected"), or what was done about a record or a file that was kept or
    left out: repaired, decoded, truncated, no_date, date_from_name, skipped."""

    origin: str
    line: int | None
    field: str | None
    reason: str
    raw: str = ""
    action: str = "rejected"

    @property
    def rejected(self) -> bool:
        return self.action == "rejected"


def _skipped(name):
    stem = Path(name).name.split(".")[0].upper()
    return any(stem.startswith(skip) for skip in _SKIPPED_NAMES) or Path(name).suffix == ".md"


def printable(path) -> str:
    """A path as text that can be stored and shown: bytes a file name holds
    that are not UTF-8 become U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_READ_ERRORS = (
    OSError,  # gzip.BadGzipFile among them
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)
_CHUNK = 1 << 20
MAX_LINE_BYTES = 64 * 2**20  # a longer JSONL line is rejected (a body is cut far below it)


def _sources(path, max_expanded):
    """(origin, a binary stream or a Notice, whether it is decompressed) for
    a file, or for each member of an archive in turn, opened only when the
    one before is read: a member that cannot be read costs that member only."""
    origin = printable(path)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [i for i in archive.infolist() if not i.is_dir() and not _skipped(i.filename)]
            if not members:
                empty = Notice(
                    origin, None, None, "an archive with no file in it", action="skipped"
                )
                yield origin, empty, False
            for info in members:
                where = f"{origin}!{printable(info.filename)}"
                if info.file_size > max_expanded:
                    yield where, _too_large(where, info.file_size, max_expanded), True
                    continue
                try:
                    stream = archive.open(info)
                except _READ_ERRORS as error:
                    failed = Notice(where, None, None, f"cannot read the member: {error}")
                    yield where, failed, True
                    continue
                with stream:
                    yield where, stream, True
    elif _skipped(path.name):
        return
    else:
        with open(path, "rb") as stream:
            if path.suffix == ".gz":
                if stream.read(2) == b"\x1f\x8b":
                    stream.seek(0)
                    with gzip.GzipFile(fileobj=_Trickle(stream)) as unpacked:
                        yield origin, unpacked, True
                    return
                stream.seek(0)
                plain = "named .gz but not compressed: read as it is"
                yield origin, Notice(origin, None, None, plain, action="decoded"), False
            yield origin, stream, False


class _Trickle:
    """A file read at most 1 KiB at a time: a gzip stream decompresses what
    comes before a damaged place before it meets it, so that little is lost."""

    def __init__(self, stream, most=1024):
        self.stream, self.most = stream, most

    def read(self, size=-1):
        return self.stream.read(self.most if size is None or size < 0 else min(size, self.most))

    def __getattr__(self, name):
        return getattr(self.stream, name)


class _Reading:
    """A stream read at most `limit` bytes far, in chunks, that stops at the
    first error of the stream (a gz or zip member cut short or corrupt) and
    says so (`failure`): what came before it is kept. A decompressing stream
    is read 8 KiB at a time, so that little is lost with the piece that fails."""

    def __init__(self, stream, limit):
        self.stream, self.limit = stream, limit
        self.step = _CHUNK if limit is None else 8192
        # read1: at most one read of the stream beneath, whose output is kept
        # even when the next one fails.
        self.read = getattr(stream, "read1", stream.read)
        self.read_bytes = 0
        self.failure: str | None = None
        self.too_large = False

    def chunk(self, size=_CHUNK) -> bytes:
        if self.failure or self.too_large:
            return b""
        if self.limit is not None:
            size = min(size, self.limit + 1 - self.read_bytes)
        parts, wanted = [], size
        while wanted > 0:
            try:
                part = self.read(min(wanted, self.step))
            except _READ_ERRORS as error:
                self.failure = f"{error}"
                break
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        data = b"".join(parts)
        self.read_bytes += len(data)
        if self.limit is not None and self.read_bytes > self.limit:
            self.too_large = True
            return data[: len(data) - (self.read_bytes - self.limit)]
        return data

    def rest(self, drop_nul=True) -> bytes:
        """What is left of the stream; NUL bytes dropped as they come (a
        gigabyte of them is a few bytes here), unless it is UTF-16."""
        parts = []
        while chunk := self.chunk():
            parts.append(chunk.replace(b"\0", b"") if drop_nul else chunk)
        return b"".join(parts)

    def notices(self, origin) -> list["Notice"]:
        found = []
        if self.too_large:
            found.append(_too_large(origin, None, self.limit))
        if self.failure:
            found.append(
                Notice(
                    origin,
                    None,
                    None,
                    f"cannot be read past byte {self.read_bytes:,} ({self.failure}): "
                    "the records before are kept",
                )
            )
        return found


def _too_large(origin, size, limit):
    limit_text = f"{limit / 2**20:,.0f} MiB (BAHTH_MAX_EXPANDED_BYTES)"
    if size:
        reason = f"expands to {size / 2**20:,.0f} MiB, over the limit of {limit_text}: not read"
    else:
        reason = f"expands to more than the limit of {limit_text}: what is past it is not read"
    return Notice(origin, None, None, reason)


def detect_format(text: str) -> str:
    head = text.lstrip()[:4096]
    if head.startswith(("{", "[")):
        return "jsonl"
    if "<doc>" in head.lower():
        return "trec"
    if looks_like_html(head):
        return "page"
    first_line = head.split("\n", 1)[0]
    for separator in _CSV_SEPARATORS:
        header = [cell.strip().strip('"').lower() for cell in first_line.split(separator)]
        if len(header) > 1 and {"title", "body"} & set(header):
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
        if piece.end is None:
            yield from _read_file(piece.path, forced_format, column_map or {}, max_expanded)
        else:
            yield from _read_slice(piece, column_map or {})


def _read_file(path, forced_format, column_map, max_expanded):
    try:
        for origin, source, compressed in _sources(path, max_expanded):
            if isinstance(source, Notice):
                yield source
                continue
            # Only what is decompressed is bounded: a file's own size is its bound.
            reading = _Reading(source, max_expanded if compressed else None)
            yield from _read_source(origin, reading, forced_format, column_map)
            yield from reading.notices(origin)
    except _READ_ERRORS as error:
        yield Notice(printable(path), None, None, f"cannot open: {error}")


def _read_source(origin, reading: _Reading, forced_format, column_map):
    """The records of one file or archive member: a JSONL one line after
    line (memory holds one line, whatever the file's size), others whole."""
    head = reading.chunk(65536)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    if looks_binary(head):
        yield Notice(origin, None, None, "binary file, not text: not read")
        return
    kind = forced_format or detect_format(head.decode("utf-8", errors="replace"))
    start = head.lstrip()[:1]
    if kind == "jsonl" and start != b"[" and not utf16_encoding(head):
        yield from _stream_jsonl(origin, head, reading, column_map)
        return
    decoded = decode(head + reading.rest(drop_nul=not utf16_encoding(head)))
    yield from _decoding_notes(origin, decoded)
    text = decoded.text
    if not text.strip():
        if not reading.failure and not reading.too_large:
            yield Notice(origin, None, None, "empty file")
        return
    yield from _READERS[forced_format or detect_format(text)](text, origin, column_map)


def _stream_jsonl(origin, head, reading: _Reading, column_map):
    decoder = LineDecoder(head)
    pending, number, seen_text = head, 0, False
    while True:
        cut = pending.find(b"\n")
        if cut < 0:
            more = reading.chunk()
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
            line, pending = pending[:cut], pending[cut + 1 :]
        number += 1
        line = line.replace(b"\0", b"")
        if not line.strip():
            continue
        seen_text = True
        yield _jsonl_line(decoder.line(line, number), origin, number, column_map)
    yield from _decoding_notes(origin, decoder.decoded(""), whole=not decoder.utf8)
    if not seen_text and not reading.failure and not reading.too_large:
        yield Notice(origin, None, None, "empty file")


def _skip_line(reading: _Reading, data: bytes) -> bytes:
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


def _read_slice(piece: Piece, column_map):
    """Records and Problems of a slice of a JSONL file, with the file's line numbers."""
    with open(piece.path, "rb") as stream:
        stream.seek(piece.start)
        data = stream.read(piece.size)
    if piece.start == 0 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    origin = printable(piece.path)
    decoded = utf8_by_line(data.replace(b"\0", b""), piece.first_line)
    yield from _decoding_notes(origin, decoded)
    yield from _read_jsonl(decoded.text, origin, column_map, piece.first_line)


def _read_jsonl(text, origin, column_map, first_line=1):
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except (ValueError, RecursionError) as error:
            line = getattr(error, "lineno", None)
            yield Notice(
                origin, line, None, f"invalid JSON array: {_json_error(error)}", stripped[:500]
            )
            return
        for number, record in enumerate(records, 1):
            yield _json_record(record, origin, None, _shown(record), column_map, f"record {number}")
        return
    for number, line in enumerate(text.split("\n"), first_line):
        if line.strip():
            yield _jsonl_line(line, origin, number, column_map)


def _jsonl_line(line, origin, number, column_map):
    """The record of one JSONL line, or the Notice of why it is none."""
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
    return RawRecord(origin, line, _renamed(record, column_map))


def _renamed(record, column_map):
    return {column_map.get(key, key): value for key, value in record.items()}


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


def _read_trec(text, origin, column_map):
    found = False
    for record in trec.iter_records(text):
        found = True
        if record.fields is None:
            yield Notice(origin, record.line, None, record.problem or "", record.raw)
            continue
        renamed = {TREC_FIELDS.get(name, name): value for name, value in record.fields.items()}
        yield RawRecord(origin, record.line, _renamed(renamed, column_map))
        if record.problem:
            yield Notice(origin, record.line, None, record.problem, action="repaired")
    if not found:
        yield Notice(origin, None, None, "no <DOC> record")


def _read_page(text, origin, column_map):
    yield RawRecord(origin, None, _renamed(parse_page(text, origin), column_map))


_READERS = {"jsonl": _read_jsonl, "csv": _read_csv, "trec": _read_trec, "page": _read_page}
FORMATS = tuple(_READERS)

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
