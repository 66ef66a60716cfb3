"""Character-level normalisation of Arabic text.

One compiled `str.translate` table does almost all the work: it deletes
diacritics, tatweel and invisible format characters and folds letter
variants to one form. NFKC runs first, and only when the text needs it, to
turn presentation forms and lam-alef ligatures back into plain letters.

The result is a matching key: the same word written with or without
tashkeel, with any hamza seat or alef form, with ة or ه, ى or ي, or typed on
a Persian keyboard, normalises to one string. Words stay readable.

One rule looks at whole words: the preposition على keeps its alef maqsura.
Folded, it would be the name علي; على is in 90% of news articles (28,398 of
the 31,525 of ../shared/corpus/ant-multisource, the name written علي in
1,287), so a search for the name would find nearly everything.
"""

import re
import unicodedata

from pyarabic import araby

ALEF = araby.ALEF
HAMZA = araby.HAMZA
YEH = araby.YEH
HEH = araby.HEH
KAF = araby.KAF

# Each target below is a plain letter that no rule maps again, so one pass
# of the table is idempotent.
_LETTER_FOLDS = {
    # Alef forms: hamza above/below, madda, wasla (ٱ), and the rarer
    # wavy-hamza forms.
    ALEF: (
        araby.ALEF_HAMZA_ABOVE,
        araby.ALEF_HAMZA_BELOW,
        araby.ALEF_MADDA,
        araby.ALEF_WASLA,
        "\u0672",
        "\u0673",
        "\u0675",
    ),
    # Hamza seats: مسؤول / مسئول / مسءول all become مسءول.
    HAMZA: (araby.WAW_HAMZA, araby.YEH_HAMZA, "\u0674", "\u0676", "\u0677", "\u0678"),
    # Persian and Urdu yehs. Alef maqsura folds to yeh too (as Elasticsearch
    # does, unlike pyarabic's normalize_alef) but for the word على: see
    # MAKSURA_KEPT, after the table.
    YEH: ("\u06cc", "\u06ce", "\u06d0", "\u06d2", "\u06d3"),
    # Teh marbuta and the Persian/Urdu heh forms.
    HEH: (araby.TEH_MARBUTA, "\u06be", "\u06c0", "\u06c1", "\u06c2", "\u06c3", "\u06d5"),
    # Persian keheh (ک) and swash kaf; gaf (گ), which Persian and Iraqi
    # writing put where Arabic writes kaf.
    KAF: ("\u06a9", "\u06aa", "\u06af"),
    # The letters Persian and the Maghreb add for sounds Arabic lacks,
    # folded to the Arabic letter they are drawn on, which is how the rest
    # of the news write those names: ڨ (Tunisian and Algerian g) as in
    # «ڨفصة», «ڨابس», written قفصة, قابس; ڤ (v) as in «ڤولفو»; پ, چ, ژ.
    araby.QAF: ("\u06a8", "\u06a7"),
    araby.FEH: ("\u06a4", "\u06a5", "\u06a2"),
    araby.BEH: ("\u067e",),
    araby.JEEM: ("\u0686",),
    araby.ZAIN: ("\u0698",),
}

_PUNCTUATION_FOLDS = {
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u066a": "%",  # Arabic percent sign
}

# Arabic-Indic and extended (Persian/Urdu) digits.
_DIGIT_BLOCKS = (0x0660, 0x06F0)


def _invisible_and_marks():
    """Characters to delete: every format character (ZWNJ, ZWJ, RLM, LRM,
    bidi embeddings and isolates, BOM, soft hyphen, ...) and every combining
    mark of the Arabic blocks (tashkeel, superscript alef, Quranic marks),
    plus tatweel."""
    arabic_blocks = [(0x0600, 0x0700), (0x0750, 0x0780), (0x0870, 0x0900)]
    deleted = {ord(araby.TATWEEL)}
    for code in range(0x10000):
        if unicodedata.category(chr(code)) == "Cf":
            deleted.add(code)
    deleted.update(range(0xE0000, 0xE0080))  # tag characters
    for start, end in arabic_blocks:
        for code in range(start, end):
            if unicodedata.category(chr(code)) in ("Mn", "Me", "Cf"):
                deleted.add(code)
    # pyarabic's own list of tashkeel, so nothing it knows escapes us.
    deleted.update(ord(mark) for mark in araby.TASHKEEL)
    return deleted


def _build_table():
    table = dict.fromkeys(_invisible_and_marks())
    for target, sources in _LETTER_FOLDS.items():
        for source in sources:
            table[ord(source)] = target
    for source, target in _PUNCTUATION_FOLDS.items():
        table[ord(source)] = target
    for block in _DIGIT_BLOCKS:
        for digit in range(10):
            table[block + digit] = str(digit)
    return table


TABLE = _build_table()

# str.translate looks every character up in a dict (about 20 MB/s). Most
# characters of news text need no change and the frequent folds are a few
# letters, so those go through str.replace (memory speed) and the rest of the
# table through one scan for the rarer characters, which are few.
_COMMON_FOLDS = tuple(
    (source, target)
    for target, sources in _LETTER_FOLDS.items()
    for source in sources
    if source
    in (
        araby.TEH_MARBUTA,
        araby.ALEF_HAMZA_ABOVE,
        araby.ALEF_HAMZA_BELOW,
        araby.ALEF_MADDA,
        araby.WAW_HAMZA,
        araby.YEH_HAMZA,
    )
)
_RARE_FOLDS = {
    chr(code): target or ""
    for code, target in TABLE.items()
    if chr(code) not in dict(_COMMON_FOLDS)
}


def _character_class(characters):
    """A regex class written as contiguous ranges, which SRE scans fast."""
    ranges = []
    for code in sorted(map(ord, characters)):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    spans = "".join(
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in ranges
    )
    return f"[{spans}]"


_RARE = re.compile(_character_class(_RARE_FOLDS))


def _fold_rare(match):
    return _RARE_FOLDS[match.group()]


# Alef maqsura is yeh (مستشفى = مستشفي, إلى = إلي) but in these words, alone:
# the preposition على (and و, ف + على), which would otherwise be the name علي.
ALEF_MAKSURA = araby.ALEF_MAKSURA
MAKSURA_KEPT = ("على", "وعلى", "فعلى")
_MAKSURA = re.compile(r"(?<!\w)(" + "|".join(MAKSURA_KEPT) + r")(?!\w)|" + ALEF_MAKSURA)


def _fold_maksura(match):
    return match.group(1) or YEH


# After folding ئ to ء, شيء and its common misspelling شئ still differ by the
# yeh before a word-final hamza; drop it.
_YEH_BEFORE_FINAL_HAMZA = re.compile(YEH + "+" + HAMZA + r"\b")


def normalize(text: str) -> str:
    """Return the matching form of `text`: NFKC, lower case, no diacritics,
    tatweel or format characters, one form per letter family, ASCII digits."""
    for _ in range(4):
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.lower()
        for source, target in _COMMON_FOLDS:
            if source in text:
                text = text.replace(source, target)
        text = _RARE.sub(_fold_rare, text)
        if ALEF_MAKSURA in text:
            text = _MAKSURA.sub(_fold_maksura, text)
        if YEH + HAMZA in text:
            text = _YEH_BEFORE_FINAL_HAMZA.sub(HAMZA, text)
        # Deleting a mark can leave a sequence that NFKC would compose
        # (a Latin letter, an Arabic mark, a Latin accent); go round again.
        if unicodedata.is_normalized("NFKC", text):
            return text
    return text


# For text shown to people (tags, actor names): the Persian and Urdu letter
# forms replaced by the Arabic ones and nothing else changed, so that
# «کوریا الشمالیة» reads, and counts, as «كوريا الشمالية».
_ARABIC_LETTERS = str.maketrans(
    {
        "\u06a9": araby.KAF,
        "\u06aa": araby.KAF,  # ک ڪ
        "\u06cc": araby.YEH,
        "\u06ce": araby.YEH,
        "\u06d0": araby.YEH,  # ی ێ ې
        "\u06c0": araby.TEH_MARBUTA,  # ۀ
        "\u06be": HEH,
        "\u06c1": HEH,
        "\u06d5": HEH,  # ھ ہ ە
    }
)


def arabic_letters(text: str) -> str:
    """`text` with Persian and Urdu letter forms written as Arabic letters."""
    return text.translate(_ARABIC_LETTERS)


assert all(target not in TABLE for target in map(ord, _LETTER_FOLDS)), (
    "a fold target is itself folded: the table would not be idempotent"
)
