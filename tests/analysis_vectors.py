"""Shared test vectors of the Arabic analysis: inputs and what Python makes of them.

    python -m tests.analysis_vectors OUT.jsonl [--corpus ../shared/corpus] [--sentences 20000]

One JSON object a line: {"kind", "input", "normalized", "tokens", "terms"},
made by the Python analysis alone (indexer.arabic.native.python_only),
where `tokens` are the words of the normalised text and `terms` the
analysed terms, and `kind` says where the input comes from: conformance,
edge, random (Arabic and its neighbours), unicode (any code point at all)
or corpus. The Java plugin's unit test and the Elasticsearch test read the same
file and must produce the same three things; the native analysis
(tests/test_native.py) the same form and terms wherever it answers. The inputs are every
conformance case, edge cases of the property tests and random strings over
the same alphabets (fixed seed), and sentences and titles of the real
articles of ../shared/corpus (never committed: the file is written at test
time).
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

from indexer.arabic import analyze, native, normalize, words

from .test_arabic_conformance import DIFFERENT, SAME

EDGE_CASES = [
    "a\u064b\u0301",
    "ﷺ ﻻ ﷲ",
    "İstanbul ß ﬁ",
    "شيييء",
    "وبالولايات https://x.y/z a@b.cd ١٬٢٣٤٫٥",
    "www.1 news.example و3 5ملايين mp3",
    "عبدالله نصرالله الله",
    "ΣΑΣ σας ΟΔΟΣ",
    "",
    " \t\n",
    "شيء\u0301 شيء",
    "2,500,000 3,5 12.5.6",
    "http://www.alarabiya.net/ar/a?b=c user@mail.example.com",
    "على عَلَى عـلى وعلى فعلى بوعلى على3 علىً مستشفى إلى علي",
    "ى علىx xعلى (على) على،",
    # What fails the quick check alone, replaced before the whole is composed.
    "\ufe8d\u0653",
    "a\u00a0\u0301",
    "\u00a0ى على\u00a0 …مستشفى\u00a0",
    # A place's adjective's stem (nisba.txt), not where another word has it.
    "فرنسا الفرنسية لفرنسا وأمريكا الأميركي سوريا السوري تركيا ترك ألمانيا",
    # A decade is its ten, not the unit (تسعين for التسعينات; تسعين, ninety, is تسع).
    "التسعينات التسعينيات بالثمانينات والأربعينيات تسعين التسعين تسع عشرين العشرينات",
    # A word kept whole once the article is off (بال is no article of البالستية);
    # مائة and مئة, hundred, keep their ة (not ماء, water).
    "البالستية والباليستي الكالديرون لبالوتيلي بالمائة المئة مائة ماء الماء",
]
_ALPHABETS = (
    [(0x0600, 0x06FF)] * 4
    + [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x20, 0x7E), (0x20, 0x7E)]
    + [(0x0750, 0x077F), (0x0870, 0x08FF), (0x0300, 0x036F), (0x2000, 0x206F)]
)
_EXTRA = " .,@:/-\u200c\u200d\u200e\u200f\u0640"


def random_strings(count, seed=20261124):
    """(kind, text) like the property tests draw: Arabic and its neighbours
    ("random"), and any of Unicode, astral planes included ("unicode")."""
    rng = random.Random(seed)
    for number in range(count):
        size = rng.randint(1, 60)
        if number % 5 == 4:
            codes = [rng.randint(0x20, 0x2FFFF) for _ in range(size)]
            codes = [c for c in codes if not 0xD800 <= c <= 0xDFFF]
            yield "unicode", "".join(map(chr, codes))
            continue
        characters = []
        for _ in range(size):
            if rng.random() < 0.15:
                characters.append(rng.choice(_EXTRA))
            else:
                low, high = rng.choice(_ALPHABETS)
                characters.append(chr(rng.randint(low, high)))
        yield "random", "".join(characters)


_SENTENCE_END = re.compile(r"(?<=[.!؟?\n])\s+")


def corpus_sentences(corpus: Path, count: int, seed=7):
    """`count` distinct titles and sentences of real articles, spread over the corpus."""
    from indexer.readers import RawRecord, read_archive

    sentences = []
    for item in read_archive([corpus]):
        if not isinstance(item, RawRecord):
            continue
        fields = item.fields
        title = str(fields.get("title") or "").strip()
        if title:
            sentences.append(title)
        body = str(fields.get("body") or "")
        sentences.extend(s.strip() for s in _SENTENCE_END.split(body) if len(s.strip()) > 10)
    distinct = list(dict.fromkeys(sentences))
    return random.Random(seed).sample(distinct, min(count, len(distinct)))


def inputs(corpus: Path | None, sentences: int):
    """(kind, text) of every input."""
    for pair in [*SAME, *DIFFERENT]:
        yield from (("conformance", text) for text in pair)
    yield from (("edge", text) for text in EDGE_CASES)
    yield from random_strings(2000)
    if corpus is not None:
        yield from (("corpus", text) for text in corpus_sentences(corpus, sentences))


def vector(kind: str, text: str) -> dict:
    """What Python makes of `text` (the reference: the native analysis and
    the plugin must make the same)."""
    with native.python_only():
        return {
            "kind": kind,
            "input": text,
            "normalized": normalize(text),
            "tokens": list(words(text)),
            "terms": analyze(text),
        }


def write(path: Path, corpus: Path | None, sentences: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        seen = set()
        for kind, text in inputs(corpus, sentences):
            if text not in seen:
                seen.add(text)
                out.write(json.dumps(vector(kind, text), ensure_ascii=False) + "\n")
                written += 1
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, help="../shared/corpus (default: none)")
    parser.add_argument("--sentences", type=int, default=20_000)
    args = parser.parse_args(argv)
    count = write(args.out, args.corpus, args.sentences)
    print(f"{count:,} vectors: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
