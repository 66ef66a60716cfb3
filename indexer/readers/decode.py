"""Bytes to text: BOMs, UTF-16, UTF-8 and the legacy Arabic code pages.

Archives come from many systems: UTF-8 with or without a BOM, UTF-16 from
Windows tools, windows-1256 (cp1256) or ISO-8859-6 from older Arabic sites.
The encoding is decided from the bytes, and NUL characters (left by broken
exports) are dropped.

A UTF-8 file with a few bad bytes stays UTF-8: each line that holds some is
decoded with U+FFFD in their place and reported by number, and the rest of
the file is read as it is (read as a legacy code page instead, every good
line would turn into mojibake). A file that is not UTF-8 at all goes to a
detector (charset-normalizer) among the Arabic code pages, and the choice and
its confidence are reported. A file that mixes the two (lines appended by
another system) is read line by line: its UTF-8 lines as UTF-8, the others
in the code page the detector finds for them, each such line reported.
"""

import codecs
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
# The legacy encodings an Arabic archive is written in.
LEGACY = ("cp1256", "iso8859_6", "cp720", "cp864")
# A UTF-8 file may have this share of its non-ASCII characters broken and still
# be UTF-8 (a few bad bytes); a legacy code page read as UTF-8 breaks nearly all.
_MOSTLY = 0.05


@dataclass
class Decoded:
    text: str
    encoding: str
    repaired_lines: list[int] = field(default_factory=list)  # lines with bytes replaced
    confidence: float | None = None  # of a detected legacy encoding
    # Lines of a UTF-8 file read in a legacy code page, and which one.
    legacy_lines: list[int] = field(default_factory=list)
    legacy: str | None = None


def _high_bytes(data):
    return (data.count(0) + data.count(6)) / len(data)


def utf16_encoding(sample: bytes) -> str | None:
    """UTF-16's name when `sample` is UTF-16 (a BOM, or the shape of Arabic and ASCII text)."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    # UTF-16 without a BOM: in Arabic and ASCII text the high byte of every
    # code unit is 0x06 or 0x00, so one byte parity is almost only those
    # (and so nearly half of all bytes: what UTF-8 never has, told at once).
    high = sample.count(0) + sample.count(6)
    if len(sample) >= 16 and high > 0.45 * (len(sample) - 1):
        even, odd = sample[0::2], sample[1::2]
        if _high_bytes(odd) > 0.9 and _high_bytes(even) < 0.5:
            return "utf-16-le"
        if _high_bytes(even) > 0.9 and _high_bytes(odd) < 0.5:
            return "utf-16-be"
    return None


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes: a BOM, UTF-16's shape,
    UTF-8 (even with a few bad bytes), else the likeliest Arabic code page."""
    found = utf16_encoding(sample)
    if found:
        return found
    if _mostly_utf8(sample.replace(b"\0", b"")):
        return "utf-8"
    return _legacy(sample)[0]


_REPLACEMENT = "\ufffd".encode()  # a U+FFFD the file itself holds


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(_REPLACEMENT)
    others = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return broken <= _MOSTLY * max(others, 1) or (broken <= 2 and others >= 20)


def _legacy_line(data: bytes) -> bool:
    """Whether a line that is not UTF-8 is written in a legacy code page (its
    bytes break as UTF-8 far more often than they make characters) rather
    than UTF-8 with a few bad bytes."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(_REPLACEMENT)
    others = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return broken >= 4 and broken > 2 * others


def _legacy(sample: bytes) -> tuple[str, float]:
    best = from_bytes(sample[:65536], cp_isolation=list(LEGACY)).best()
    if best is None:
        return "cp1256", 0.0
    return best.encoding, round(1.0 - best.chaos, 2)


_CONTROL_BYTES = bytes(range(1, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """Images, executables and compressed data: about one byte in ten is a
    control character, which text almost never has. NUL bytes do not count:
    broken exports leave runs of them in text (they are dropped)."""
    sample = data[:8192]
    if not sample or utf16_encoding(sample):
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample.replace(b"\0", b"")) + 1


class LineDecoder:
    """Lines of bytes to text, one at a time, each as it is: UTF-8; UTF-8 with
    a few bad bytes (repaired with U+FFFD); or a line in a legacy code page
    (the code page found from the first such line). What it did is in
    `decoded()` once the lines are read."""

    def __init__(self, sample: bytes = b""):
        """`sample`: the first bytes of the file, which the code page of its
        legacy lines is found from (else from the first such line)."""
        self.sample = sample
        self.repaired: list[int] = []
        self.legacy_lines: list[int] = []
        self.legacy: str | None = None
        self.confidence: float | None = None
        self.utf8 = False  # a line with non-ASCII characters was UTF-8

    def line(self, data: bytes, number: int) -> str:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            self.utf8 = self.utf8 or not text.isascii()
            return text
        if not _legacy_line(data):
            self.repaired.append(number)
            return data.decode("utf-8", errors="replace")
        if self.legacy is None:
            legacy = b"\n".join(x for x in self.sample.split(b"\n") if not _is_utf8(x))
            self.legacy, self.confidence = _legacy(legacy or data)
        self.legacy_lines.append(number)
        return data.decode(self.legacy, errors="replace")

    def decoded(self, text: str) -> Decoded:
        return Decoded(
            text,
            "utf-8",
            self.repaired,
            legacy_lines=self.legacy_lines,
            legacy=self.legacy,
            confidence=self.confidence if self.legacy_lines else None,
        )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> Decoded:
    """The text of a whole file, its encoding, and what had to be repaired."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    sample = data[:65536]
    encoding = utf16_encoding(sample)
    if encoding:
        return Decoded(data.decode(encoding, errors="replace").replace("\0", ""), encoding)
    data = data.replace(b"\0", b"")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    decoder, text = _by_line(data)
    if decoder.legacy_lines and not decoder.utf8:
        # Not UTF-8 at all: the code page found from the whole file's bytes.
        encoding, confidence = _legacy(sample)
        return Decoded(data.decode(encoding, errors="replace"), encoding, confidence=confidence)
    return decoder.decoded(text)


def _by_line(data: bytes, first_line: int = 1) -> tuple[LineDecoder, str]:
    decoder = LineDecoder()
    lines = [
        decoder.line(line, number) for number, line in enumerate(data.split(b"\n"), first_line)
    ]
    text = "\n".join(lines)
    return decoder, text[1:] if text.startswith("\ufeff") else text


def utf8_by_line(data: bytes, first_line: int = 1) -> Decoded:
    """UTF-8 text read line by line (LineDecoder), with each line's number kept."""
    decoder, text = _by_line(data, first_line)
    return decoder.decoded(text)


def opens_a_document(head: bytes) -> bool:
    """Whether a text (its first bytes, `head`) that begins with `{` is one
    JSON document written over many lines (an API's or a tool's export: `{`
    alone, or `{"articles": [`), not JSONL: its first line, whole in `head`,
    opens what it does not close."""
    first, newline, _ = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n\0").partition(b"\n")
    first = first.strip()
    return bool(newline) and first[:1] == b"{" and first[-1:] in (b"{", b"[", b",", b":")
