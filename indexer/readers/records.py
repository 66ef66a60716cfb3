"""What reading an archive gives: records, and notices of what could not be
read or was read with a repair (the lines of the rejects file)."""

from dataclasses import dataclass


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


def printable(path) -> str:
    """A path as text that can be stored and shown: bytes a file name holds
    that are not UTF-8 become U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
