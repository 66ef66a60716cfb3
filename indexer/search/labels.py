"""Arabic labels for the codes an archive uses as facet values
(`internationalNews` → أخبار دولية), from the editable table
indexer/data/labels.tsv. The value stays what filters and the API use; the
label is what the page shows, and the API gives it beside the value."""

from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "labels.tsv"


@cache
def labels() -> dict[tuple[str, str], str]:
    """(facet, value) -> label."""
    found = {}
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise ValueError(f"{TABLE}:{number}: expected facet, value and label, tab-separated")
        found[(parts[0].strip(), parts[1].strip())] = parts[2].strip()
    return found


def label(facet: str, value: str) -> str | None:
    return labels().get((facet, value))
