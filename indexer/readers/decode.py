"""Bytes to text: BOMs, UTF-16, UTF-8 and the legacy Arabic code page.

Archives come from many systems: UTF-8 with or without a BOM, UTF-16 from
Windows tools, windows-1256 (cp1256) from older Arabic sites. The encoding
is decided from the bytes, and NUL characters (left by broken exports) are
dropped.
"""

import codecs

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    # UTF-16 without a BOM: ASCII and Arabic both leave a NUL in every
    # other byte of the other parity.
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
        odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05:
            return "utf-16-le"
        if even_nuls > 0.3 and odd_nuls < 0.05:
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample.replace(b"\0", b""), final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1256"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file."""
    encoding = detect_encoding(data[:65536])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # Valid UTF-8 at the start, broken later: keep what can be read.
        text = data.decode(encoding, errors="replace")
    return text.replace("\0", ""), encoding
