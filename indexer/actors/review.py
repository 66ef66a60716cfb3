"""The curator's review loop, from suggestions to the operator's edits.

`bahth actors suggest ARCHIVE --review FILE` writes the candidates as lines
of a review file: a blank decision, then the name, the kind and the other
spellings as a gazetteer line would hold them, and the evidence (articles,
example sentences). The curator marks each line `accept` or `reject`,
correcting the name, kind or spellings where needed; `bahth actors review
FILE` adds the accepted lines to the edits file as actors and the rejected
ones as never-tag (ignore) lines, and keeps the undecided ones in FILE.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import COLUMNS, IGNORE, GazetteerError, _actor, _parse

REVIEW_COLUMNS = ("decision", "name", "type", "aliases", "articles", "examples")
HEADER = "\t".join(REVIEW_COLUMNS)
DECISIONS = ("accept", "reject")
EDITS_HEADER = (
    "# Bahth actor edits: laid over the shipped gazetteer, in its format, and winning.\n"
    "# A line replaces every shipped actor whose name it lists (rename, merge) and takes\n"
    "# the spellings it lists from any other (split); type ignore: never tagged.\n"
    "# `bahth actors review` adds lines; edit them as you like, then reindex.\n"
    + "\t".join(COLUMNS)
    + "\n"
)


@dataclass(frozen=True)
class Applied:
    edits: Path
    accepted: int
    rejected: int
    left: int


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GazetteerError(path, 0, None, "no such file") from None
    except UnicodeDecodeError as error:
        raise GazetteerError(path, 0, None, f"not UTF-8 text ({error.reason})") from None


def _write(path: Path, text: str) -> None:
    """Replace `path` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def apply(review: Path, edits: Path) -> Applied:
    """Move the decided lines of `review` into `edits`. Nothing is written
    when a line is at fault: the GazetteerError names its file, line and
    field."""
    lines = _read(review).splitlines()
    kept, added = [], []
    accepted = rejected = 0
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            kept.append(line)
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells) != REVIEW_COLUMNS:
                raise GazetteerError(review, number, None, f"the first line must be {HEADER!r}")
            header_seen = True
            kept.append(line)
            continue
        cells += [""] * (len(REVIEW_COLUMNS) - len(cells))
        decision, (name, kind, aliases) = cells[0].lower(), cells[1:4]
        if not decision:
            kept.append(line)
            continue
        if decision not in DECISIONS:
            raise GazetteerError(
                review,
                number,
                "decision",
                f"{cells[0]!r}: write accept or reject, or leave it empty",
            )
        if decision == "reject":
            kind, rejected = IGNORE, rejected + 1
        else:
            accepted += 1
        entry = "\t".join((name, kind, aliases, "", ""))
        _actor(entry, number, review)  # the review file's line is named when it is at fault
        added.append(entry)
    if not header_seen:
        raise GazetteerError(review, 0, None, f"no header line ({HEADER!r})")
    left = sum(1 for line in kept if line.strip() and not line.lstrip().startswith("#")) - 1
    if added:
        current = _read(edits) if edits.exists() else EDITS_HEADER
        combined = current.rstrip("\n") + "\n" + "\n".join(added) + "\n"
        _parse(combined, edits)  # one name once across the whole file
        _write(edits, combined)
        _write(review, "\n".join(kept) + "\n")
    return Applied(edits, accepted, rejected, left)
