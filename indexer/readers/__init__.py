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
from .decode import Decoded, decode, looks_binary, utf8_by_line
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


def _members(path, max_expanded):
    """(origin, bytes or a Notice) for a file, or for each member of an
    archive: a member that cannot be read costs that member only."""
    origin = printable(path)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or _skipped(info.filename):
                    continue
                where = f"{origin}!{printable(info.filename)}"
                if info.file_size > max_expanded:
                    yield where, _too_large(where, info.file_size, max_expanded)
                    continue
                try:
                    yield where, _read_at_most(archive.open(info), max_expanded, where)
                except (
                    OSError,
                    zipfile.BadZipFile,
                    EOFError,
                    zlib.error,
                    RuntimeError,
                    NotImplementedError,
                ) as error:
                    yield where, Notice(where, None, None, f"cannot read the member: {error}")
    elif path.suffix == ".gz":
        with gzip.open(path) as stream:
            yield origin, _read_at_most(stream, max_expanded, origin)
    elif not _skipped(path.name):
        yield origin, path.read_bytes()


def _read_at_most(stream, limit, origin):
    """The bytes of a (decompressing) stream, or a Notice once it passes
    `limit`: a small file can expand to gigabytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        return _too_large(origin, None, limit)
    return data


def _too_large(origin, size, limit):
    limit_text = f"{limit / 2**20:,.0f} MiB (BAHTH_MAX_EXPANDED_BYTES)"
    if size:
        reason = f"expands to {size / 2**20:,.0f} MiB, over the limit of {limit_text}: not read"
    else:
        reason = f"expands to more than the limit of {limit_text}: not read"
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
        members = list(_members(path, max_expanded))
    except (OSError, zipfile.BadZipFile, EOFError, zlib.error) as error:
        yield Notice(printable(path), None, None, f"cannot open: {error}")
        return
    for origin, data in members:
        if isinstance(data, Notice):
            yield data
            continue
        if looks_binary(data):
            yield Notice(origin, None, None, "binary file, not text: not read")
            continue
        decoded = decode(data)
        yield from _decoding_notes(origin, decoded)
        text = decoded.text
        if not text.strip():
            yield Notice(origin, None, None, "empty file")
            continue
        kind = forced_format or detect_format(text)
        yield from _READERS[kind](text, origin, column_map)


def _decoding_notes(origin, decoded: Decoded):
    for line in decoded.repaired_lines:
        yield Notice(
            origin, line, None, "bytes that are not UTF-8 replaced with U+FFFD", action="repaired"
        )
    if decoded.confidence is not None:
        yield Notice(
            origin,
            None,
            None,
            f"not UTF-8: read as {decoded.encoding} (confidence {decoded.confidence:.2f})",
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
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield Notice(origin, number, None, f"invalid JSON ({_json_error(error)})", line[:2000])
            continue
        yield _json_record(record, origin, number, line[:2000], column_map)


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
