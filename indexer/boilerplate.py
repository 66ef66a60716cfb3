"""Trailing boilerplate: the lines outlets append after an article.

Patterns live in the editable `indexer/data/boilerplate.txt`. Only trailing
lines are removed, so no real text inside an article can be lost.
"""

import re
from importlib import resources

DEFAULT_PATTERNS = resources.files("indexer").joinpath("data/boilerplate.txt")


class Boilerplate:
    def __init__(self, patterns):
        self._line = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    @classmethod
    def load(cls, path=DEFAULT_PATTERNS):
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls([line.strip() for line in lines if line.strip() and not line.startswith("#")])

    def strip(self, body: str) -> tuple[str, list[str]]:
        """(body without its trailing boilerplate lines, the lines removed)."""
        if self._line is None:
            return body, []
        lines = body.rstrip().split("\n")
        removed = []
        while lines and (not lines[-1].strip() or self._line.fullmatch(lines[-1].strip())):
            line = lines.pop()
            if line.strip():
                removed.append(line.strip())
        return "\n".join(lines).rstrip(), removed[::-1]
