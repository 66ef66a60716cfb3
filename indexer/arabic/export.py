"""The analysis' data, written out for the Elasticsearch plugin.

The plugin (plugins/elasticsearch-analysis-bahth) runs the same analysis in
Java. Everything it needs that is data, not code, comes from here, so each
table, list and rule constant has one source:

    python -m indexer.arabic.export DIR

writes into DIR:
- fold.tsv: the normalisation table (code point -> replacement, empty to delete);
- classes.tsv: the code points of Python's `\\w`, `\\d` and `\\s` (the tokenizer's
  classes, as Python's `re` defines them, whatever Java's Unicode version says);
- stopwords.txt: the stopwords, normalised;
- rules.tsv: the stemmer's affixes, ratios, thresholds and protected words;
- lexicon.tsv.gz: the word counts that guard clitic stripping (a copy).
"""

import hashlib
import re
import shutil
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from .normalize import ALEF_MAKSURA, HAMZA, MAKSURA_KEPT, TABLE, YEH
from .stem import (
    _ALEF,
    _ALLAH,
    _ARTICLES,
    _CLITICS,
    _DECADE_ENDINGS,
    _DEFINITE,
    _DEFINITE_SHARE,
    _MIN_DEFINITE_COUNT,
    _MIN_REST_COUNT,
    _MIN_STEM,
    _NISBA,
    _PRONOUNS,
    _PROPER,
    _RATIO,
    _SUFFIXES,
    _TENS,
    _WHOLE_WORDS,
    SHIPPED_LEXICON,
)
from .stopwords import STOPWORDS

_PYTHON_CLASSES = {"word": r"\w", "digit": r"\d", "space": r"\s"}


def _ranges(codes):
    """Sorted code points as "first-last" runs (hex), comma-separated."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ",".join(f"{a:X}-{b:X}" for a, b in runs)


def character_classes():
    """{name: ranges} of the regex classes the tokenizer uses, by Python's `re`."""
    found = {}
    for name, pattern in _PYTHON_CLASSES.items():
        matcher = re.compile(pattern).match
        found[name] = _ranges(
            code
            for code in range(sys.maxunicode + 1)
            if not 0xD800 <= code <= 0xDFFF and matcher(chr(code))
        )
    return found


def fold_lines():
    for code, target in sorted(TABLE.items()):
        replacement = " ".join(f"{ord(c):X}" for c in (target or ""))
        yield f"{code:X}\t{replacement}"


def rules() -> dict:
    """The analysis' rule constants by name: what rules.tsv writes for the
    plugin and what the native analysis (native.py) is given."""
    return {
        "articles": _ARTICLES,
        "clitics": _CLITICS,
        "suffixes": _SUFFIXES,
        "pronouns": _PRONOUNS,
        "min_stem": _MIN_STEM,
        "ratio": _RATIO,
        "min_rest_count": _MIN_REST_COUNT,
        "definite": _DEFINITE,
        "min_definite_count": _MIN_DEFINITE_COUNT,
        "definite_share": _DEFINITE_SHARE,
        "whole_words": _WHOLE_WORDS,
        "proper": _PROPER,
        "nisba": _NISBA,
        "tens": _TENS,
        "decade_endings": _DECADE_ENDINGS,
        "alef": _ALEF,
        "allah": _ALLAH,
        "yeh": YEH,
        "hamza": HAMZA,
        "maksura": ALEF_MAKSURA,
        "maksura_kept": MAKSURA_KEPT,
    }


def rule_lines():
    rule = rules()
    yield "articles\t" + " ".join(f"{a}:{n}" for a, n in rule["articles"])
    yield "clitics\t" + " ".join(rule["clitics"])
    yield "suffixes\t" + " ".join(rule["suffixes"])
    yield "pronouns\t" + " ".join(rule["pronouns"])
    yield f"min_stem\t{rule['min_stem']}"
    yield "ratio\t" + " ".join(f"{c}:{r}" for c, r in rule["ratio"].items())
    yield f"min_rest_count\t{rule['min_rest_count']}"
    yield "definite\t" + " ".join(rule["definite"])
    yield f"min_definite_count\t{rule['min_definite_count']}"
    yield f"definite_share\t{rule['definite_share']}"
    yield "whole_words\t" + " ".join(sorted(rule["whole_words"]))
    yield "proper\t" + " ".join(sorted(rule["proper"]))
    yield "nisba\t" + " ".join(sorted(rule["nisba"]))
    yield "tens\t" + " ".join(sorted(rule["tens"]))
    yield "decade_endings\t" + " ".join(rule["decade_endings"])
    for name in ("allah", "alef", "yeh", "hamza", "maksura"):
        yield f"{name}\t{rule[name]}"
    yield "maksura_kept\t" + " ".join(rule["maksura_kept"])


@cache
def fingerprint() -> str:
    """A short digest of the analysis' rules as data: the folding table,
    stopwords, stemmer rules and protected words (not the lexicon, which an
    index keeps a copy of). An index records the fingerprint of the analysis
    that built it; one changed in place must be analysed by the same rules."""
    digest = hashlib.sha1()
    for line in (*fold_lines(), *sorted(STOPWORDS), *rule_lines()):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


def export(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "fold.tsv": "\n".join(fold_lines()),
        "classes.tsv": "\n".join(f"{n}\t{r}" for n, r in character_classes().items()),
        "stopwords.txt": "\n".join(sorted(STOPWORDS)),
        "rules.tsv": "\n".join(rule_lines()),
    }
    paths = []
    for name, text in written.items():
        path = folder / name
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    with resources.as_file(SHIPPED_LEXICON) as source:
        paths.append(Path(shutil.copyfile(source, folder / "lexicon.tsv.gz")))
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m indexer.arabic.export DIR")
    for written in export(Path(sys.argv[1])):
        print(written)
