"""The work of reading an archive, planned once: the paths expanded into
files, large JSONL files cut into slices, and the pieces grouped into shares
of about the same size for the workers. Readers take Pieces, and nothing else.
"""

import codecs
import errno
import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decode import detect_encoding, opens_a_document, utf16_encoding
from .records import Notice, printable
from .sources import ARCHIVE_SUFFIXES, MAX_EXPANDED_BYTES, READ_ERRORS, Reading, sources


class ArchiveError(Exception):
    """A path that does not exist or cannot be opened at all."""


@dataclass(frozen=True)
class Piece:
    """What a reader reads: a whole file (an archive's every member, or the
    one `member` named); of a large UTF-8 JSONL file, bytes start..end, whose
    first line is `first_line` of the file; or lines of a compressed JSONL
    file or member, decompressed by the plan (`data`, with the notices of
    what broke its stream, and the `sample` its code page is found from);
    or, `whole`, a tar's member in any format, its bytes read by the plan
    (a tar is read in order: a worker would read all before it again).
    A slice of a large TREC or feed file is cut between its records and
    says its `kind` (its first bytes do not)."""

    path: Path
    start: int = 0
    end: int | None = None  # None: the whole file
    first_line: int = 1
    member: str | None = None  # the origin (path!member) of the one member to read
    data: bytes | None = None
    notices: tuple = ()
    sample: bytes = b""
    whole: bool = False
    kind: str = "jsonl"  # of a slice (start..end): jsonl, trec or feed

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return self.path.stat().st_size if self.end is None else self.end - self.start


@dataclass(frozen=True)
class Share:
    """Pieces for one worker to read in one go, and their size in bytes."""

    pieces: tuple[Piece, ...]
    size: int


def expand(paths: Iterable, skipped: list | None = None) -> list[Path]:
    """The files named by `paths` (files, folders read recursively, globs), in
    a stable order; ArchiveError for a path that names nothing at all.

    Inside a folder, a link is followed only to a file in that same folder
    tree: a link out of it (to /etc/passwd, say), a link to a folder (a loop,
    perhaps), a link that loops or is broken, and whatever is not a regular
    file (a FIFO, a socket, a device) or cannot be read (a folder without
    permission) are left out, each added to `skipped` as (path, why). What is
    named on the command line is read wherever it is, if it is a file."""
    skipped = skipped if skipped is not None else []
    files = []
    for path in map(str, paths):
        # A pattern unless it names a file as it is (a name may hold [ ]).
        pattern = any(c in path for c in "*?[") and not os.path.lexists(path)
        matches = sorted(glob.glob(path, recursive=True)) if pattern else [path]
        if not matches:
            raise ArchiveError(f"{path}: no such file or folder")
        for match in map(Path, matches):
            if not os.path.lexists(match):
                raise ArchiveError(f"{match}: no such file or folder")
            if _is_dir(match):
                before = len(skipped)
                inside = sorted(_walk(match, skipped))
                if not inside and len(skipped) == before:
                    raise ArchiveError(f"{match}: the folder holds no file")
                files.extend(inside)
                continue
            why = _not_readable(match)
            if why:
                skipped.append((match, why))
            else:
                files.append(match)
    if not files and skipped:
        path, why = skipped[0]
        raise ArchiveError(f"no file to read: {path}: {why}")
    return files


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _not_readable(path: Path) -> str | None:
    """Why `path` is not a file to read, or None when it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a link that loops: not read"
        if path.is_symlink():
            return "a broken link: not read"
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = {
        stat.S_ISFIFO(mode): "a FIFO (named pipe)",
        stat.S_ISSOCK(mode): "a socket",
        stat.S_ISCHR(mode) or stat.S_ISBLK(mode): "a device",
    }.get(True, "not a regular file")
    return f"{kind}: not read"


def _walk(folder: Path, skipped: list):
    root = Path(os.path.realpath(folder))

    def unreadable(error: OSError):
        where = error.filename or folder
        skipped.append((Path(where), f"a folder that cannot be read ({error.strerror}): left out"))

    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders.sort()
        if top != str(folder) and _bahths(names, folders):
            # Bahth's own data folder (an index, its rejects files), kept
            # inside the archive's: not the archive's.
            folders.clear()
            skipped.append((Path(top), "a Bahth data folder (an index and its reports): not read"))
            continue
        for name in [*folders]:
            if (Path(top) / name).is_symlink():
                folders.remove(name)
                skipped.append((Path(top) / name, "a link to a folder: not followed"))
        for name in sorted(names):
            path = Path(top) / name
            if name.startswith("."):
                continue
            why = _not_readable(path)
            if why is None and path.is_symlink():
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(root):
                    why = f"a link out of {folder} (to {target}): not followed"
            if why:
                skipped.append((path, why))
            else:
                yield path


def _bahths(names, folders) -> bool:
    """Whether a folder of these files and folders is Bahth's: a data folder
    (its writer's lock and its index), or an index version (Bahth's meta
    and tantivy's): indexer.search.embedded.store."""
    return ("bahth.lock" in names and "index" in {*names, *folders}) or (
        "bahth.json" in names and "meta.json" in names
    )


def whole_files(paths: Iterable) -> list[Piece]:
    return [Piece(path) for path in expand(paths)]


def _size(path: Path) -> int:
    """A file's size; 0 for one gone or unreadable since it was listed (its
    reader then reports it)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


# Where a record of a TREC or feed file may be cut from the one before: a
# line that opens one, after a line that closes one (a line "<item>" in an
# article's CDATA is not taken for an item's start unless "</item>" ends the
# line before it too).
_OPENS = {"trec": re.compile(rb"\s*<DOC>", re.I), "feed": re.compile(rb"\s*<(?:item|entry)[\s>]")}
_CLOSES = {"trec": re.compile(rb"</DOC>\s*$", re.I), "feed": re.compile(rb"</(?:item|entry)>\s*$")}
_LONGEST_LOOK = 64 * 2**20  # past a cut's place, before the rest is one slice


def split_file(path: Path, target_bytes: int, forced_format=None) -> list[Piece] | None:
    """Pieces of about `target_bytes` each, when `path` is a plain UTF-8 file
    larger than that of JSONL lines (cut at line ends), TREC <DOC>s or a
    feed's items (cut between records, on lines of their own); None when it
    must be read whole; `forced_format` (--format) decides the kind instead
    of the file's first bytes."""
    if path.suffix.lower() in ARCHIVE_SUFFIXES or _size(path) <= target_bytes:
        return None
    try:
        return _slices(path, target_bytes, forced_format)
    except OSError:
        return None  # read whole, and reported by its reader


def _slices(path: Path, target_bytes: int, forced_format=None) -> list[Piece] | None:
    from . import detect_format  # the package's, which imports this module

    with open(path, "rb") as stream:
        head = stream.read(65536)
        text = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n")
        if detect_encoding(head) not in ("utf-8", "utf-8-sig"):
            return None
        if b"\r" in head and b"\n" not in head:
            return None  # lines ended by CR alone: read whole, their ends made LF
        kind = forced_format or detect_format(text.decode("utf-8", "replace"))
        if kind == "jsonl":
            if not text.startswith(b"{") or opens_a_document(text):
                return None  # an array, or one JSON document over many lines: read whole
        elif kind not in _OPENS:
            return None
        pieces, start, line = [], 0, 1
        size = path.stat().st_size
        while start < size:
            end = _cut(stream, start + target_bytes, kind) if start + target_bytes < size else size
            stream.seek(start)
            lines = sum(chunk.count(b"\n") for chunk in _chunks(stream, end - start))
            pieces.append(Piece(path, start, end, line, kind=kind))
            start, line = end, line + lines
        return pieces


def _cut(stream, at: int, kind: str) -> int:
    """Where the slice that reaches `at` ends: the end of the line at `at`
    (JSONL), or the start of the first record after it that opens a line
    after a line that closed one; the file's end when there is none within
    _LONGEST_LOOK."""
    stream.seek(at)
    if kind == "jsonl":
        stream.readline()
        return stream.tell()
    before = stream.readline(_LONGEST_LOOK)  # the rest of the line `at` falls in
    line_start = before.endswith(b"\n")
    while stream.tell() < at + _LONGEST_LOOK:
        where = stream.tell()
        line = stream.readline(1 << 20)
        if not line:
            break
        if line_start and _CLOSES[kind].search(before) and _OPENS[kind].match(line):
            return where
        if line.strip() or not line_start:  # blank lines between records are passed over
            before = line
        line_start = line.endswith(b"\n")
    stream.seek(0, os.SEEK_END)
    return stream.tell()


def _chunks(stream, length: int):
    while length > 0:
        chunk = stream.read(min(length, 1 << 24))
        if not chunk:
            return
        length -= len(chunk)
        yield chunk


class Plan:
    """The shares of a reindex. The paths are expanded when the plan is made
    (so a missing path fails before anything is built); large files are cut
    as the shares are handed out, while the workers read the earlier ones."""

    def __init__(
        self,
        paths: Iterable,
        share_bytes: int,
        share_files: int,
        max_expanded: int = MAX_EXPANDED_BYTES,
        forced_format: str | None = None,
    ):
        self.skipped: list[tuple[Path, str]] = []  # what is left out, and why
        self.files = expand(paths, self.skipped)
        self.total_bytes = sum(_size(path) for path in self.files)
        self.share_bytes, self.share_files = share_bytes, share_files
        self.max_expanded = max_expanded
        self.forced_format = forced_format  # --format: slices of that kind, or none

    def __iter__(self) -> Iterator[Share]:
        """Groups of small files, or one slice of a large JSONL file, so that
        work spreads evenly over the workers and no worker holds a whole large
        file in memory."""
        batch: list[Piece] = []
        size = 0
        for path in self.files:
            if path.suffix.lower() in ARCHIVE_SUFFIXES:
                # A compressed JSONL file or member: its lines, a share at a
                # time, so that no worker holds the whole of it.
                accounted = 0
                for piece, done in compressed_pieces(path, self.share_bytes, self.max_expanded):
                    accounted += done
                    yield Share((piece,), done)
                yield Share((), max(0, _size(path) - accounted))  # the progress made up
                continue
            slices = split_file(path, self.share_bytes, self.forced_format)
            if slices:
                if batch:
                    yield Share(tuple(batch), size)
                    batch, size = [], 0
                yield from (Share((piece,), piece.size) for piece in slices)
                continue
            batch.append(Piece(path))
            size += _size(path)
            if size >= self.share_bytes or len(batch) >= self.share_files:
                yield Share(tuple(batch), size)
                batch, size = [], 0
        if batch:
            yield Share(tuple(batch), size)


def compressed_pieces(path: Path, share_bytes: int, max_expanded: int):
    """(Piece, compressed bytes it stands for) of a compressed file or an
    archive: the lines of each JSONL member cut into pieces of about
    `share_bytes` (read here, one piece at a time), each other member named
    to be read whole by a worker (a tar's: its bytes, read here); a member
    that cannot be opened is a piece of its notice."""
    compressed = _size(path)
    try:
        for origin, stream, _ in sources(path, max_expanded):
            if isinstance(stream, Notice):
                yield Piece(path, member=origin, notices=(stream,)), 0
                continue
            reading = Reading(stream, max_expanded)
            head = reading.chunk(65536)
            text = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n\0")
            if text[:1] != b"{" or opens_a_document(text) or utf16_encoding(head):
                # Not JSONL: a worker reads the member whole (and reports on it).
                if origin == printable(path) or _zip_member(path, origin):
                    yield Piece(path, member=origin), 0
                else:
                    data = head + reading.rest(drop_nul=False)
                    notices = tuple(reading.notices(origin))
                    yield Piece(path, member=origin, data=data, notices=notices, whole=True), 0
                continue
            expanded = _expanded_size(path, stream) or max_expanded
            yield from _line_pieces(path, origin, head, reading, share_bytes, compressed, expanded)
    except READ_ERRORS as error:  # the archive cannot be opened, or breaks at once
        yield Piece(path, notices=(Notice(str(path), None, None, f"cannot open: {error}"),)), 0


def _line_pieces(path, origin, head, reading, share_bytes, compressed, expanded):
    first_line, pending = 1, head
    while True:
        more = reading.chunk(share_bytes)
        pending += more
        cut = pending.rfind(b"\n") + 1 if more else len(pending)
        if more and (cut == 0 or len(pending) < share_bytes):
            continue  # a line longer than a share: keep reading (a worker rejects it)
        data, pending = pending[:cut], pending[cut:]
        last = not more
        notices = tuple(reading.notices(origin)) if last else ()
        done = round(compressed * len(data) / max(expanded, 1))
        yield (
            Piece(
                path,
                member=origin,
                first_line=first_line,
                data=data,
                notices=notices,
                sample=head,
            ),
            done,
        )
        first_line += data.count(b"\n")
        if last:
            return


def _zip_member(path: Path, origin: str) -> bool:
    """Whether `origin` is a member of the zip `path` itself (a worker finds
    it again at little cost), not one inside a member (a zip in a zip)."""
    inner = origin[len(printable(path)) + 1 :]
    return path.suffix.lower() == ".zip" and "!" not in inner


def _expanded_size(path: Path, stream) -> int | None:
    """How many bytes a compressed stream expands to, when its archive says."""
    size = getattr(getattr(stream, "_orig_file_size", None), "__int__", None)
    if size is not None:
        return int(stream._orig_file_size)
    if path.suffix == ".gz":  # ISIZE: the size modulo 4 GiB, in the last 4 bytes
        try:
            with open(path, "rb") as raw:
                raw.seek(-4, os.SEEK_END)
                return int.from_bytes(raw.read(4), "little")
        except OSError:
            return None
    return None
