"""The streams of an archive file: the file itself, a compressed file's
content (gzip, bzip2 or xz, known by its first bytes), each member of a
`.zip` or of a tar (plain or compressed: `.tar.gz`, `.tgz`, `.tar.xz`…) in
turn, read within BAHTH_MAX_EXPANDED_BYTES, whatever breaks them costing what
comes after the damage only. A member that is itself compressed or an
archive (a month's `.zip` in a year's, a `.jsonl.gz` in a tar) is opened in
turn, MOST_NESTED archives deep."""

import bz2
import gzip
import lzma
import tarfile
import tempfile
import zipfile
import zlib
from pathlib import PurePath

from .records import Notice, printable

MAX_EXPANDED_BYTES = 512 * 2**20  # the default of BAHTH_MAX_EXPANDED_BYTES
_SKIPPED_NAMES = ("README", "LICENSE", "PROVENANCE")


def skipped_name(name):
    stem = PurePath(name).name.split(".")[0].upper()
    return any(stem.startswith(skip) for skip in _SKIPPED_NAMES) or PurePath(name).suffix == ".md"


READ_ERRORS = (
    OSError,  # gzip.BadGzipFile among them
    zipfile.BadZipFile,
    tarfile.TarError,
    lzma.LZMAError,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)
# The suffixes of files that hold others or are compressed: read by the plan,
# one member at a time, never cut into slices of bytes.
COMPRESSED_SUFFIXES = (".gz", ".tgz", ".bz2", ".tbz", ".tbz2", ".xz", ".txz")
ARCHIVE_SUFFIXES = (".zip", ".tar", *COMPRESSED_SUFFIXES)
CHUNK = 1 << 20
MAX_LINE_BYTES = 64 * 2**20  # a longer JSONL line is rejected (a body is cut far below it)
MOST_NESTED = 3  # archives (zips, tars) around a member at most: a zip in a zip in a zip
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a member, or the end of an empty zip


def sources(path, max_expanded, wanted=None):
    """(origin, a binary stream or a Notice, whether it is decompressed) for
    a file, or for each member of an archive in turn, opened only when the
    one before is read: a member that cannot be read costs that member only.
    `wanted`: the origin of the one member asked for; the archives inside
    that do not hold it are not opened. What the archives inside the file's
    members expand to, all together, is held to `max_expanded` too (a small
    zip of zips of zeros is no way around the limit)."""
    origin = printable(path)
    named_zip = path.suffix.lower() == ".zip"
    if skipped_name(path.name) and not named_zip:
        return
    with open(path, "rb") as stream:
        if named_zip and zipfile.is_zipfile(stream):  # from its end: a self-extracting one too
            stream.seek(0)
            with zipfile.ZipFile(stream) as archive:
                yield from _zip_members(
                    origin, archive, max_expanded, wanted, 1, _Budget(max_expanded)
                )
            return
        stream.seek(0)
        head = stream.read(10)
        stream.seek(0)
        if named_zip:
            plain = "named .zip but no zip archive: read as it is"
            yield origin, Notice(origin, None, None, plain, action="decoded"), False
        unpack = _unpacker(head)
        budget = _Budget(max_expanded)
        if unpack is None:
            if path.suffix in COMPRESSED_SUFFIXES:
                plain = f"named {path.suffix} but not compressed: read as it is"
                yield origin, Notice(origin, None, None, plain, action="decoded"), False
            yield from _file_or_tar(origin, stream, False, max_expanded, wanted, 0, budget)
            return
        with unpack(Trickle(stream)) as unpacked:
            yield from _file_or_tar(origin, unpacked, True, max_expanded, wanted, 0, budget)


def _zip_members(origin, archive, max_expanded, wanted, depth, budget):
    """Each member of a zip (`depth` archives around it), what it holds when
    it is compressed or an archive. A name the zip holds twice (files added
    to it again) is the last one's, as unzip leaves it."""
    members = [i for i in archive.infolist() if not i.is_dir() and not skipped_name(i.filename)]
    last = {info.filename: info for info in members}
    if not members:
        empty = Notice(origin, None, None, "an archive with no file in it", action="skipped")
        yield origin, empty, False
    for info in members:
        where = f"{origin}!{printable(info.filename)}"
        if not _holds(where, wanted):
            continue
        if last[info.filename] is not info:
            if wanted is None:  # (one member asked for: the whole reading said so)
                again = "the archive holds a later file of this name: this one is not read"
                yield where, Notice(where, None, None, again, action="skipped"), True
        elif info.file_size > max_expanded:
            yield where, too_large(where, info.file_size, max_expanded), True
        else:
            try:
                stream = archive.open(info)
            except READ_ERRORS as error:
                failed = Notice(where, None, None, f"cannot read the member: {error}")
                yield where, failed, True
                continue
            with stream:
                # A zip inside another: what its members expand to counts.
                member = _Counted(stream, budget) if depth > 1 else stream
                yield from _inside(where, member, max_expanded, wanted, depth, budget)


def _holds(where, wanted) -> bool:
    """Whether the member `where` is the one `wanted`, or may hold it."""
    return wanted is None or wanted == where or wanted.startswith(where + "!")


def _inside(where, stream, max_expanded, wanted, depth, budget):
    """A member (`depth` archives around it) as it is, or when it is
    compressed (its first bytes say so) or an archive (a zip named .zip, a
    tar), what it holds. Compression is no archive: a .jsonl.gz in the
    innermost zip is read."""
    peeked = Peeked(stream, 512)
    head = peeked.head
    unpack = _unpacker(head[:10])
    if unpack is not None:
        with unpack(Trickle(peeked)) as unpacked:
            counted = _Counted(unpacked, budget)
            yield from _file_or_tar(where, counted, True, max_expanded, wanted, depth, budget)
    elif head.startswith(_ZIP_MAGIC) and where.lower().endswith(".zip"):
        if depth >= MOST_NESTED:
            yield where, _too_deep(where, depth), True
            return
        # A zip is read from its end: its bytes are kept aside (in memory,
        # on disk past a few MiB), within the expansion limit.
        with tempfile.SpooledTemporaryFile(max_size=8 * 2**20) as kept:
            reading = Reading(_Counted(peeked, budget), max_expanded)
            while chunk := reading.chunk():
                kept.write(chunk)
            if reading.too_large or reading.failure:
                yield where, reading.notices(where)[0], True
                return
            kept.seek(0)
            try:
                archive = zipfile.ZipFile(kept)
            except READ_ERRORS as error:
                failed = f"cannot open the archive in it: {error}; the other files are read"
                yield where, Notice(where, None, None, failed), True
                return
            with archive:
                yield from _zip_members(where, archive, max_expanded, wanted, depth + 1, budget)
    else:
        yield from _file_or_tar(where, peeked, True, max_expanded, wanted, depth, budget)


def _too_deep(where, depth):
    deep = f"an archive inside {depth} others: not opened (at most {MOST_NESTED} deep)"
    return Notice(where, None, None, deep)


class _Budget:
    """The bytes the archives inside one file may yet expand to."""

    def __init__(self, limit):
        self.limit = self.left = limit


class _Counted:
    """A stream whose bytes count against a `_Budget`: past it, an error,
    which stops its reading where it stands (what came before is kept)."""

    def __init__(self, stream, budget):
        self.stream, self.budget = stream, budget

    def read(self, size=-1):
        return self._count(self.stream.read(size))

    def read1(self, size=-1):
        return self._count(getattr(self.stream, "read1", self.stream.read)(size))

    def _count(self, data):
        self.budget.left -= len(data)
        if self.budget.left < 0:
            mib = self.budget.limit / 2**20
            raise OSError(
                f"the archives inside this file expand past {mib:,.0f} MiB in all "
                "(BAHTH_MAX_EXPANDED_BYTES)"
            )
        return data

    def close(self):
        self.stream.close()


def _unpacker(head: bytes):
    """What decompresses a file beginning with `head`: gzip, bzip2 (its
    first block's magic too, so that no text beginning "BZh" is taken for
    it) or xz; None for a file that is not compressed."""
    if head.startswith(b"\x1f\x8b"):
        return lambda raw: gzip.GzipFile(fileobj=raw)
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
        return bz2.BZ2File
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile
    return None


def _file_or_tar(origin, stream, compressed, max_expanded, wanted, depth, budget):
    """The stream itself, or when it is a tar (its first header says
    "ustar" at byte 257, whatever the file's name), each of its files in
    turn, and what those hold (`_inside`); `depth` archives around it."""
    stream = Peeked(stream, 512)
    if len(stream.head) < 512 or stream.head[257:262] != b"ustar":
        yield origin, stream, compressed
        return
    if depth >= MOST_NESTED:
        yield origin, _too_deep(origin, depth), True
        return
    members = 0
    try:
        for where, member in _tar_members(origin, stream, max_expanded):
            members += where != origin
            if isinstance(member, Notice):
                yield where, member, True
            elif _holds(where, wanted):
                yield from _inside(where, member, max_expanded, wanted, depth + 1, budget)
    except READ_ERRORS as error:
        reason = (
            f"cannot be read past the damage (after {members:,} of its files: {error}): "
            "the files before are kept"
        )
        yield origin, Notice(origin, None, None, reason), True
        return
    if not members:
        empty = Notice(origin, None, None, "an archive with no file in it", action="skipped")
        yield origin, empty, False


def _tar_members(origin, stream, max_expanded):
    """(origin, stream or Notice) of each file of a tar, in stream order: a
    tar cannot be read out of order. Past a damaged header the next whole
    one is looked for, as past the end of one of two tars joined by `cat`:
    the files after it are read, and what the damage cost is reported."""
    with tarfile.open(fileobj=stream, mode="r|", ignore_zeros=True, tarinfo=_Header) as archive:
        archive.damaged = False  # _Header's mark
        expected = 0  # where the next header should be
        for info in archive:
            if archive.damaged:
                yield origin, _lost(origin, expected, info.offset)
                archive.damaged = False
            blocks = -(-info.size // tarfile.BLOCKSIZE)
            expected = info.offset_data + blocks * tarfile.BLOCKSIZE
            if not info.isreg() or skipped_name(info.name):
                continue
            where = f"{origin}!{printable(info.name)}"
            if info.size > max_expanded:
                yield where, too_large(where, info.size, max_expanded)
            elif (member := archive.extractfile(info)) is not None:
                yield where, member
        if archive.damaged:
            yield origin, _lost(origin, expected, None)


class _Header(tarfile.TarInfo):
    """A tar's header, which marks its tar when the block read for it was
    damaged (not zeros: those end one of two tars joined by `cat`)."""

    @classmethod
    def fromtarfile(cls, tar):
        try:
            return super().fromtarfile(tar)
        except tarfile.InvalidHeaderError:
            tar.damaged = True
            raise


def _lost(origin, start, end):
    where = f"at byte {start:,}" + (f"; what it began is lost to byte {end:,}" if end else "")
    after = "; the files after it are read" if end else ": what it began is lost"
    return Notice(origin, None, None, f"a damaged header ({where}){after}")


class Peeked:
    """A stream whose first bytes were read ahead, to see what it holds
    (a decompressor is not sought back): they come first, then the rest of
    the stream, or the error that stopped the reading ahead, where it
    stopped it (a tiny gzip cut short keeps its lines before the cut)."""

    def __init__(self, stream, size):
        self.stream, self.head, self.error = stream, b"", None
        self._at = 0
        read = getattr(stream, "read1", stream.read)
        try:
            while len(self.head) < size and (part := read(size - len(self.head))):
                self.head += part
        except READ_ERRORS as error:
            self.error = error

    def read(self, size=-1):
        return self._read(size, self.stream.read)

    def __getattr__(self, name):  # what the stream says of itself (a zip member's size)
        if name == "stream":  # not set yet (a copy being made)
            raise AttributeError(name)
        return getattr(self.stream, name)

    def read1(self, size=-1):
        return self._read(size, getattr(self.stream, "read1", self.stream.read))

    def _read(self, size, read):
        if self._at < len(self.head):
            end = len(self.head) if size is None or size < 0 else self._at + size
            part, self._at = self.head[self._at : end], min(end, len(self.head))
            return part
        if self.error is not None:
            raise self.error
        return read(size)


class Trickle:
    """A file read at most 1 KiB at a time: a gzip stream decompresses what
    comes before a damaged place before it meets it, so that little is lost."""

    def __init__(self, stream, most=1024):
        self.stream, self.most = stream, most

    def read(self, size=-1):
        return self.stream.read(self.most if size is None or size < 0 else min(size, self.most))

    def __getattr__(self, name):
        return getattr(self.stream, name)


class Reading:
    """A stream read at most `limit` bytes far, in chunks, that stops at the
    first error of the stream (a gz or zip member cut short or corrupt) and
    says so (`failure`): what came before it is kept. A decompressing stream
    is read 8 KiB at a time, so that little is lost with the piece that fails."""

    def __init__(self, stream, limit):
        self.stream, self.limit = stream, limit
        self.step = CHUNK if limit is None else 8192
        # read1: at most one read of the stream beneath, whose output is kept
        # even when the next one fails.
        self.read = getattr(stream, "read1", stream.read)
        self.read_bytes = 0
        self.failure: str | None = None
        self.too_large = False

    def chunk(self, size=CHUNK) -> bytes:
        if self.failure or self.too_large:
            return b""
        if self.limit is not None:
            size = min(size, self.limit + 1 - self.read_bytes)
        parts, wanted = [], size
        while wanted > 0:
            try:
                part = self.read(min(wanted, self.step))
            except READ_ERRORS as error:
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
            found.append(too_large(origin, None, self.limit))
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


def too_large(origin, size, limit):
    limit_text = f"{limit / 2**20:,.0f} MiB (BAHTH_MAX_EXPANDED_BYTES)"
    if size:
        reason = f"expands to {size / 2**20:,.0f} MiB, over the limit of {limit_text}: not read"
    else:
        reason = f"expands to more than the limit of {limit_text}: what is past it is not read"
    return Notice(origin, None, None, reason)
