"""A hostile archive: files of every class that has broken a reader, each with
good records around the damage, and what a reindex must say about each.

    write(folder) -> list[Hostile]

Every file says which of its records must be indexed (`good`) and which
lines of the rejects file it must cause (`expected`: line, action, the start
of the reason, or of any of several). The test reindexes them all at once, with good files
besides, and holds the run to exactly that.
"""

import bz2
import gzip
import io
import json
import lzma
import os
import socket
import tarfile
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .conftest import article

EXPANDED_LIMIT = 4 * 2**20  # BAHTH_MAX_EXPANDED_BYTES for the test run


@dataclass
class Hostile:
    kind: str
    name: str
    good: list[str] = field(default_factory=list)
    expected: list[tuple[int | None, str, str | tuple[str, ...]]] = field(default_factory=list)


def _line(record) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def _records(first, count, prefix):
    return [article(first + n, id=f"{prefix}-{n}") for n in range(count)]


class _Archive:
    def __init__(self, folder: Path):
        self.folder = folder
        self.made: list[Hostile] = []

    def file(self, kind, name, data: bytes, good, expected=()):
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.made.append(Hostile(kind, name, list(good), list(expected)))
        return path


def write(folder: Path) -> list[Hostile]:
    archive = _Archive(folder)
    n = 0

    def good(prefix, count=3):
        nonlocal n
        records = _records(1000 + n, count, prefix)
        n += count
        return records

    # --- encodings -----------------------------------------------------------
    for position in (0, 40, 250, 400, 499):  # a bad byte near the start, in the middle, far on
        records = good(f"badbyte{position}", 500)
        lines = [_line(r) for r in records]
        lines[position] = lines[position].replace(b"\xd8\xb9", b"\xff\xfe", 1)
        archive.file(
            "a bad UTF-8 byte",
            f"enc/badbyte-{position}.jsonl",
            b"".join(lines),
            [r["id"] for r in records],
            [(position + 1, "repaired", "bytes that are not UTF-8")],
        )
    for encoding in ("cp1256", "iso8859_6"):
        for variant in range(2):
            records = good(f"{encoding}-{variant}", 5)
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            archive.file(
                "a legacy code page",
                f"enc/{encoding}-{variant}.jsonl",
                data.encode(encoding),
                [r["id"] for r in records],
                [(None, "decoded", f"not UTF-8: read as {encoding}")],
            )
    for size in (100, 5_000, 70_000):
        records = good(f"nul{size}", 4)
        data = (
            _line(records[0])
            + _line(records[1])
            + b"\0" * size
            + _line(records[2])
            + _line(records[3])
        )
        archive.file("NUL bytes", f"enc/nul-{size}.jsonl", data, [r["id"] for r in records])

    records = good("mixed", 6)
    lines = [_line(r) for r in records]
    lines[3] = lines[3].decode("utf-8").encode("cp1256")  # lines another system appended
    lines[4] = lines[4].decode("utf-8").encode("cp1256")
    archive.file(
        "UTF-8 and cp1256 lines in one file",
        "enc/mixed.jsonl",
        b"".join(lines),
        [r["id"] for r in records],
        [(4, "decoded", "a line not in UTF-8"), (5, "decoded", "a line not in UTF-8")],
    )
    records = good("controls", 4)
    records[1]["title"] += "\u0000 بعد الصفر"  # JSON's \u0000: a NUL in the text
    records[2]["title"] = "\x1b[2J\x1b[31m" + records[2]["title"]  # a terminal's escapes
    records[3]["title"] = "\u202egpj.exe " + records[3]["title"]  # right-to-left override
    archive.file(
        "control and bidi-override characters",
        "enc/controls.jsonl",
        b"".join(map(_line, records)),
        [r["id"] for r in records],
        [(n, "repaired", "control or bidi-override characters removed") for n in (2, 3, 4)],
    )

    # --- JSON that breaks a parser -------------------------------------------
    for depth in (1_000, 5_000, 100_000):
        records = good(f"deep{depth}", 2)
        deep = b'{"id": "deep", "title": ' + b"[" * depth + b"]" * depth + b"}\n"
        archive.file(
            "nesting",
            f"json/deep-{depth}.jsonl",
            _line(records[0]) + deep + _line(records[1]),
            [r["id"] for r in records],
            # Python's parser gives up at a depth that depends on its version
            # (3.13 reads 1,000 levels): then the title is no text.
            [(2, "rejected", ("invalid JSON (nested too deeply)", "expected text, got list"))],
        )
    for digits in (5_000, 20_000, 50_000):
        records = good(f"digits{digits}", 2)
        huge = b'{"id": "huge", "title": "x", "body": ' + b"9" * digits + b"}\n"
        archive.file(
            "huge number",
            f"json/digits-{digits}.jsonl",
            _line(records[0]) + huge + _line(records[1]),
            [r["id"] for r in records],
            [(2, "rejected", "invalid JSON (Exceeds the limit")],
        )
    for variant, text in enumerate(('"\\ud800 عنوان"', '"عنوان \\udfff"', '"\\udc00\\ud800"')):
        records = good(f"surrogate{variant}", 2)
        body = f"نص {variant} عن الزلزال في المدينة " * 5
        bad = (
            f'{{"id": "surrogate-{variant}", "date": "2018-06-28", "title": {text}, '
            f'"body": "{body}"}}\n'
        ).encode()
        archive.file(
            "lone surrogate",
            f"json/surrogate-{variant}.jsonl",
            _line(records[0]) + bad + _line(records[1]),
            [records[0]["id"], f"surrogate-{variant}", records[1]["id"]],
            [(2, "repaired", "half of a UTF-16 pair")],
        )
    records = good("notobject", 2)
    archive.file(
        "not an object",
        "json/not-object.jsonl",
        _line(records[0]) + b'["a list"]\n42\n' + _line(records[1]),
        [r["id"] for r in records],
        [(2, "rejected", "line is list"), (3, "rejected", "line is int")],
    )

    records = good("types", 2)
    wrong = b'{"id": "types-bad", "title": {"nested": 1}, "body": "x"}\n'
    archive.file(
        "a field of the wrong type",
        "json/types.jsonl",
        _line(records[0]) + wrong + _line(records[1]),
        [r["id"] for r in records],
        [(2, "rejected", "expected text, got dict")],
    )

    # --- names and compressed files ------------------------------------------
    records = good("badname", 2)
    name = os.fsdecode(b"names/caf\xe9-\xff.jsonl")
    archive.file(
        "undecodable file name", name, b"".join(map(_line, records)), [r["id"] for r in records]
    )
    for variant, damage in enumerate(("header", "deflate", "crc")):
        # Two gzip members (as `cat a.gz b.gz` makes); the second is damaged.
        first, second = good(f"gzbroken{variant}a", 10), good(f"gzbroken{variant}b", 10)
        tail = bytearray(gzip.compress(b"".join(map(_line, second))))
        if damage == "header":
            tail[:10] = bytes(10)
        elif damage == "deflate":
            tail[10:40] = b"\xff" * 30
        else:
            tail[-8] ^= 0xFF  # the CRC: the data itself is whole
        kept = first + (second if damage == "crc" else [])
        archive.file(
            "corrupt .gz",
            f"packed/broken-{variant}.jsonl.gz",
            gzip.compress(b"".join(map(_line, first))) + bytes(tail),
            [r["id"] for r in kept],
            [(None, "rejected", "cannot be read past byte")],
        )
    records = good("gzcut", 40)
    whole = b"".join(map(_line, records))
    packed = gzip.compress(whole)
    cut = packed[: len(packed) * 3 // 5]
    salvaged = zlib.decompressobj(31).decompress(cut)  # what a decompressor gives before the cut
    complete = salvaged.count(b"\n")
    archive.file(
        "truncated .gz",
        "packed/cut.jsonl.gz",
        cut,
        [r["id"] for r in records[:complete]],
        [(None, "rejected", "cannot be read past byte")]
        + ([(complete + 1, "rejected", "invalid JSON")] if salvaged.rsplit(b"\n", 1)[-1] else []),
    )
    for suffix, pack, unpack in (
        ("gz", gzip.compress, lambda cut: zlib.decompressobj(31).decompress(cut)),
        ("xz", lzma.compress, lambda cut: lzma.LZMADecompressor().decompress(cut)),
    ):
        # Cut short before 512 bytes of it are decompressed: the look for a
        # tar's header meets the damage, and what came before is kept.
        records = [
            article(9000 + n, id=f"tinycut-{suffix}-{n}", body=f"نص قصير {suffix} {n}")
            for n in range(3)
        ]
        packed = pack(b"".join(map(_line, records)))
        cut = packed[: len(packed) - 30]
        salvaged = unpack(cut)
        complete = salvaged.count(b"\n")
        assert 0 < len(salvaged) < 512
        archive.file(
            "tiny compressed file cut short",
            f"packed/tiny-cut.jsonl.{suffix}",
            cut,
            [r["id"] for r in records[:complete]],
            [(None, "rejected", "cannot be read past byte")]
            + (
                [(complete + 1, "rejected", "invalid JSON")]
                if salvaged.rsplit(b"\n", 1)[-1]
                else []
            ),
        )
    records = good("gzplain", 3)
    archive.file(
        "plain text named .gz",
        "packed/plain.jsonl.gz",
        b"".join(map(_line, records)),
        [r["id"] for r in records],
        [(None, "decoded", "named .gz but not compressed")],
    )
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w"):
        pass
    archive.file(
        "empty .zip",
        "packed/empty.zip",
        empty.getvalue(),
        [],
        [(None, "skipped", "an archive with no file in it")],
    )
    bomb = gzip.compress(b"\0" * (EXPANDED_LIMIT * 3))
    archive.file(
        "decompression bomb",
        "packed/bomb.jsonl.gz",
        bomb,
        [],
        [(None, "rejected", "expands to more")],
    )
    zipped, goods = io.BytesIO(), []
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as out:
        for member in ("ok-1", "crc", "encrypted", "deflate64", "ok-2", "big"):
            records = good(f"zip-{member}", 3)
            data = b"".join(map(_line, records))
            if member == "big":
                data = b" " * (EXPANDED_LIMIT + 10)
            out.writestr(f"{member}.jsonl", data)
            if member.startswith("ok"):
                goods += [r["id"] for r in records]
    raw = bytearray(zipped.getvalue())
    _damage_zip(raw)
    archive.file(
        "damaged .zip members",
        "packed/members.zip",
        bytes(raw),
        goods,
        [
            # Bad CRC-32, found at the member's end: its one chunk is not kept
            (None, "rejected", "cannot be read past byte 0"),
            (None, "rejected", "cannot read the member: File"),  # ... is encrypted
            (None, "rejected", "cannot read the member: That compression method"),
            (None, "rejected", "expands to"),
        ],
    )

    # Tars, plain and compressed each way, under any name: their JSONL and
    # CSV files read, what is no file's (a folder, a link) or a README left.
    for name, mode in (
        ("dump.tar", "w"),
        ("dump.tar.gz", "w:gz"),
        ("dump.tgz", "w:gz"),
        ("dump.tar.bz2", "w:bz2"),
        ("dump.tar.xz", "w:xz"),
        ("dump-of-a-tar.gz", "w:gz"),  # named as one gzip file
    ):
        lines, rows = good(f"tar-{name}"), good(f"tar-{name}-csv", 2)
        csv_text = "id,title,body,date\n" + "".join(
            f"{r['id']},{r['title']},{r['body']},{r['date']}\n" for r in rows
        )
        archive.file(
            "a tar",
            f"packed/{name}",
            _tar(
                mode,
                ("news/", None),
                ("news/part-1.jsonl", b"".join(map(_line, lines))),
                ("news/part-2.csv", csv_text.encode("utf-8")),
                ("news/README", b"not news"),
                ("news/latest.jsonl", "part-1.jsonl"),  # a link
            ),
            [r["id"] for r in lines + rows],
        )
    # Archives inside archives: a year's zip of months' zips, a compressed
    # file and a tar.gz in it, all read; one nested too deep named, not read;
    # a name added twice read once, as unzip leaves it (the later one).
    month, gz, tgz = good("nested-month"), good("nested-gz"), good("nested-tgz")
    rows = good("nested-csv", 2)
    table = "id,title,body,date\n" + "".join(
        f"{r['id']},{r['title']},{r['body']},{r['date']}\n" for r in rows
    )
    deepest, earlier, later = good("nested-deep", 1), good("dup-1", 1), good("dup-2", 1)
    archive.file(
        "archives inside a zip",
        "packed/year.zip",
        _zip(
            ("2018-01.zip", _zip(("jan.jsonl", b"".join(map(_line, month))), ("feb.csv", table))),
            ("feb.jsonl.gz", gzip.compress(b"".join(map(_line, gz)))),
            ("mar.tar.gz", _tar("w:gz", ("mar.jsonl", b"".join(map(_line, tgz))))),
            ("deep.zip", _zip(("2.zip", _zip(("3.zip", _zip(("4.jsonl", _line(deepest[0])))))))),
            ("same.jsonl", _line(earlier[0])),
            ("same.jsonl", _line(later[0])),
            ("same.csv", _table(good("dup-csv-1", 1))),  # read by a worker: said once
            ("same.csv", _table(later_rows := good("dup-csv-2", 1))),
        ),
        [r["id"] for r in month + rows + gz + tgz + later + later_rows],
        [
            (None, "rejected", "an archive inside 3 others: not opened"),
            (None, "skipped", "the archive holds a later file of this name"),
            (None, "skipped", "the archive holds a later file of this name"),
        ],
    )
    records = good("zip-named", 2)
    archive.file(
        "JSONL named .zip",
        "packed/not-a.zip",
        b"".join(map(_line, records)),
        [r["id"] for r in records],
        [(None, "decoded", "named .zip but no zip archive")],
    )
    # A damaged month zip costs that month only; a compressed file in the
    # innermost zip (three deep) is read; zips of zeros inside a zip are held
    # to the limit all together, however small each member's expansion.
    before, after, inner_gz = good("nest-before"), good("nest-after"), good("nest-gz")
    broken = bytearray(_zip(("x.jsonl", b"".join(map(_line, good("nest-lost"))))))
    broken[-22:] = b"\0" * 22  # its end record gone: no zip
    archive.file(
        "a damaged zip inside a zip",
        "packed/months.zip",
        _zip(
            ("01.jsonl", b"".join(map(_line, before))),
            ("02.zip", bytes(broken)),
            (
                "03.zip",
                _zip(
                    ("2.zip", _zip(("03.jsonl.gz", gzip.compress(b"".join(map(_line, inner_gz))))))
                ),
            ),
            ("04.jsonl", b"".join(map(_line, after))),
        ),
        [r["id"] for r in before + after + inner_gz],
        [(None, "rejected", "cannot open the archive in it")],
    )
    zeros = b"\n" * (EXPANDED_LIMIT * 3 // 4)
    archive.file(
        "zips of zeros inside a zip",
        "packed/nested-bomb.zip",
        _zip(("in.zip", _zip(*((f"{n}.jsonl", zeros) for n in range(4))))),
        [],
        [(None, "rejected", "empty file")] * 4
        + [(None, "rejected", "cannot be read past byte")] * 3,  # 4 MiB in all: the rest cut
    )
    first, lost, last = good("tarhead-1"), good("tarhead-2"), good("tarhead-3")
    damaged = bytearray(
        _tar(
            "w",
            *((f"{n}.jsonl", b"".join(map(_line, r))) for n, r in enumerate((first, lost, last))),
        )
    )
    at = damaged.find(b"1.jsonl")  # the second header's name: its checksum fails
    damaged[at : at + 7] = b"\xff" * 7
    archive.file(
        "a tar with a damaged header",
        "packed/damaged-header.tar",
        bytes(damaged),
        [r["id"] for r in first + last],
        [(None, "rejected", "a damaged header (at byte")],
    )
    one, other = good("tarcat-1"), good("tarcat-2")
    archive.file(
        "two tars joined by cat",
        "packed/joined.tar",
        _tar("w", ("1.jsonl", b"".join(map(_line, one))))
        + _tar("w", ("2.jsonl", b"".join(map(_line, other)))),
        [r["id"] for r in one + other],
    )
    for name, pack in (
        ("bzip2.jsonl.bz2", bz2.compress),
        ("xz.jsonl.xz", lzma.compress),
        ("gzip-named-plain.jsonl", gzip.compress),  # compressed, whatever its name says
    ):
        records = good(f"packed-{name}")
        archive.file(
            "compressed each way",
            f"packed/{name}",
            pack(b"".join(map(_line, records))),
            [r["id"] for r in records],
        )
    rows = good("bzh", 2)
    archive.file(
        "text that begins as bzip2 does",
        "csv/bzh.csv",
        (
            "BZh,id,title,body,date\n"
            + "".join(f"x,{r['id']},{r['title']},{r['body']},{r['date']}\n" for r in rows)
        ).encode(),
        [r["id"] for r in rows],
    )

    # --- CSV and TREC ----------------------------------------------------------
    for broken in (2, 3, 5):  # the row whose quote is never closed
        day = "2018-06-28"
        rows = ["id,date,title,body"] + [
            f"csv{broken}-{k},{day},عنوان {k},نص {k}" for k in range(1, 7)
        ]
        rows[4] = f'csv{broken}-4,{day},عنوان 4,"نص ""مقتبس"" على\nسطرين"'
        rows[6] = f"csv{broken}-6,{day},عنوان 6,{broken} {'كلمة ' * 60_000}"  # a cell over 128 KiB
        rows[broken] = f'csv{broken}-{broken},{day},عنوان,"نص لا ينتهي'
        lines = "\n".join(rows).split("\n")
        first = lines.index(rows[broken]) + 1
        archive.file(
            "CSV quote never closed, cell over 128 KiB",
            f"tables/quote-{broken}.csv",
            "\n".join(rows).encode() + b"\n",
            [f"csv{broken}-{k}" for k in range(1, 7) if k != broken],
            [(first, "rejected", "invalid CSV: a quote opened on this line is not closed")],
        )
    doc = (
        "<DOC>\n<DOCNO>{}</DOCNO><TIME>2018-06-28</TIME>\n<TITLE>عنوان</TITLE>\n"
        "<TEXT>\nنص الخبر\n</TEXT>\n</DOC>\n"
    )
    trec = (
        doc.format("trec-1")
        + "<DOC>\n<DOCNO>lost</DOCNO>\n"
        + doc.format("trec-2")
        + "<DOC>\n<DOCNO>trec-3</DOCNO><TIME>2018-06-28</TIME>\n<TEXT>\nنص بلا نهاية\n</DOC>\n"
        + "</DOC>\n"
        + doc.format("trec-4")
        + "<DOC>\n<DOCNO>trec-end</DOCNO>\n"
    )
    archive.file(
        "TREC unclosed and stray tags",
        "sgml/broken.sgml",
        trec.encode(),
        ["trec-1", "trec-2", "trec-3", "trec-4"],
        [
            (8, "rejected", "<DOC> not closed before"),
            (17, "repaired", "<TEXT> not closed"),
            (22, "rejected", "a </DOC> with no <DOC>"),
            (30, "rejected", "<DOC> never closed"),
        ],
    )

    # --- feeds and wires -------------------------------------------------------
    item = (
        "<item><guid>{}</guid><title>عنوان</title><pubDate>Thu, 28 Jun 2018 10:00:00 GMT</pubDate>"
        "<description>{}</description></item>\n"
    )
    feed = (
        "<rss><channel><title>مصدر</title><description><![CDATA[ قناة</description>\n"
        + item.format("feed-1", "نص")
        + item.format("feed-2", '<a "' * 50_000)  # stray tags and quotes: a short look each
        + item.format("feed-3", "<![CDATA[ لا ينتهي")  # line 4
        + "<!-- تعليق لا ينتهي\n"
        + item.format("feed-4", "نص & بقية")
        + "<item><guid>lost</guid><title>الملف ينتهي"  # line 7
    )
    archive.file(
        "feed: stray tags, CDATA and comments never closed, cut short",
        "feeds/broken.xml",
        feed.encode(),
        ["feed-1", "feed-2", "feed-3", "feed-4"],
        [
            (4, "repaired", "<description> not closed"),
            (7, "rejected", "item never closed"),
        ],
    )
    deep = (
        '<newsItem guid="wire-deep"><contentMeta><contentCreated>2018-06-28</contentCreated>'
        + "<a>" * 50_000
        + "</a>" * 50_000
        + "<headline>عنوان</headline></contentMeta>"
        + "<contentSet><inlineXML><nitf><body.content><p>نص</p></body.content></nitf></inlineXML>"
        + "</contentSet></newsItem>\n"
    )
    archive.file("NewsML nested 50,000 deep", "feeds/deep.xml", deep.encode(), ["wire-deep"])
    sitemap = '<?xml version="1.0"?>\n<urlset><url><loc>https://a.example/1</loc></url></urlset>\n'
    archive.file(
        "an XML document of another kind",
        "feeds/sitemap.xml",
        sitemap.encode(),
        [],
        [(None, "rejected", "an XML document of <urlset>")],
    )

    # --- files that are not text, and links -----------------------------------
    archive.file(
        "binary",
        "misc/image.png",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        [],
        [(None, "rejected", "binary file")],
    )
    archive.file(
        "binary",
        "misc/program.jsonl",
        b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 300,
        [],
        [(None, "rejected", "binary file")],
    )
    archive.file("empty", "misc/empty.jsonl", b"", [], [(None, "rejected", "empty file")])
    archive.file(
        "JSON array cut short",
        "misc/array.json",
        b'[{"id": "x", "title": "t"',
        [],
        [(1, "rejected", "invalid JSON array")],
    )
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    links = folder / "links"
    links.mkdir()
    for name, target, why in (
        ("passwd", outside, "a link out of"),
        ("broken", folder.parent / "nowhere", "a broken link"),
        ("loop", folder, "a link to a folder"),
    ):
        (links / name).symlink_to(target)
        archive.made.append(Hostile("link", f"links/{name}", [], [(None, "skipped", why)]))
    (links / "self.jsonl").symlink_to("self.jsonl")
    (links / "a.jsonl").symlink_to("b.jsonl")
    (links / "b.jsonl").symlink_to("a.jsonl")
    for name in ("self.jsonl", "a.jsonl", "b.jsonl"):
        loop = [(None, "skipped", "a link that loops")]
        archive.made.append(Hostile("link that loops", f"links/{name}", [], loop))
    os.mkfifo(folder / "misc" / "pipe.jsonl")
    archive.made.append(Hostile("FIFO", "misc/pipe.jsonl", [], [(None, "skipped", "a FIFO")]))
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "misc" / "socket.jsonl"))
    listening.close()
    archive.made.append(Hostile("socket", "misc/socket.jsonl", [], [(None, "skipped", "a socket")]))
    return archive.made


def _table(records) -> bytes:
    """A CSV of records (id, title, body, date)."""
    return (
        "id,title,body,date\n"
        + "".join(f"{r['id']},{r['title']},{r['body']},{r['date']}\n" for r in records)
    ).encode("utf-8")


def _zip(*members) -> bytes:
    """A zip of (name, bytes or text) files, a name given twice kept twice."""
    packed = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        for name, content in members:
            out.writestr(name, content)
    return packed.getvalue()


def _tar(mode, *entries) -> bytes:
    """A tar of (name, bytes) files, (name, None) folders and (name, text)
    links to the text."""
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode=mode) as out:
        for name, content in entries:
            info = tarfile.TarInfo(name)
            if content is None:
                info.type = tarfile.DIRTYPE
                out.addfile(info)
            elif isinstance(content, str):
                info.type, info.linkname = tarfile.SYMTYPE, content
                out.addfile(info)
            else:
                info.size = len(content)
                out.addfile(info, io.BytesIO(content))
    return packed.getvalue()


def _damage_zip(raw: bytearray):
    """Break members in place: a CRC, an encryption flag, a compression method."""
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as original:
        infos = {info.filename: info for info in original.infolist()}
    for name, change in (
        ("crc.jsonl", "crc"),
        ("encrypted.jsonl", "flag"),
        ("deflate64.jsonl", "method"),
    ):
        info = infos[name]
        local = info.header_offset
        if change == "crc":
            raw[local + 14] ^= 0xFF  # the CRC in the local header...
            _patch_central(raw, name, 16, lambda b: b ^ 0xFF)  # ...and the central directory's
        elif change == "flag":
            raw[local + 6] |= 1
            _patch_central(raw, name, 8, lambda b: b | 1)
        else:
            raw[local + 8] = 9  # Deflate64
            _patch_central(raw, name, 10, lambda b: 9)


def _patch_central(raw: bytearray, name: str, offset: int, change):
    position = 0
    while (position := bytes(raw).find(b"PK\x01\x02", position)) >= 0:
        name_length = int.from_bytes(raw[position + 28 : position + 30], "little")
        if bytes(raw[position + 46 : position + 46 + name_length]).decode() == name:
            raw[position + offset] = change(raw[position + offset])
            return
        position += 4
    raise AssertionError(f"no central directory entry for {name}")
