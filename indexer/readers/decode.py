"""Bytes to text: BOMs, UTF-16, UTF-8 and the legacy Arabic code page.

Archives come from many systems: UTF-8 with or without a BOM, UTF-16 from
Windows tools, windows-1256 (cp1256) from older Arabic sites. The encoding
is decided from the bytes, and NUL characters (left by broken exports) are
dropped.
"""

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_BOM_STARTS = tuple(bom for bom, _ in _BOMS)


def _high_bytes(data):
    return (data.count(0) + data.count(6)) / len(data)


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    # UTF-16 without a BOM: in Arabic and ASCII text the high byte of every
    # code unit is 0x06 or 0x00, so one byte parity is almost only those.
    if len(sample) >= 16:
        even, odd = sample[0::2], sample[1::2]
        if _high_bytes(odd) > 0.9 and _high_bytes(even) < 0.5:
            return "utf-16-le"
        if _high_bytes(even) > 0.9 and _high_bytes(odd) < 0.5:
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample.replace(b"\0", b""), final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1256"


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """Images, executables and compressed data: about one byte in ten is a
    control character, which text (but for UTF-16's NULs) almost never has."""
    sample = data[:8192]
    if not sample or detect_encoding(sample).startswith("utf-16"):
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file."""
    if (
        len(data) <= 65536
        and not data.startswith(_BOM_STARTS)
        and b"\0" not in data
        and b"\x06" not in data
    ):
        # Most files of an archive are small UTF-8 (no NUL, and none of the
        # 0x06 bytes of UTF-16 Arabic): one decode says so.
        try:
            return data.decode("utf-8").replace("\0", ""), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding = detect_encoding(data[:65536])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # Valid UTF-8 at the start, broken later: keep what can be read.
        text = data.decode(encoding, errors="replace")
    return text.replace("\0", ""), encoding
