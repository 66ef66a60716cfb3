"""Arabic stopwords, normalised exactly like the text.

The source is the `arabic-stopwords` package, Taha Zerrouki's maintained
lexicon of function words with every clitic form (13,000 forms, each with
its lemma, category and clitics). Lucene's list is written with hamza and
alef maqsura, so after normalisation many of its entries never match; ours
are folded first, so a stopword matches whatever spelling the article used.

Folding makes some forms collide with content words, and the lexicon counts
some content words as function words. Both were found by counting the
stopword hits on ../shared/corpus and reading the most frequent:
- forms built on the interrogative hamza (أمن "is it from", أوبك, ألعين)
  become امن (security), اوبك (OPEC), العين (Al Ain) once alef is folded;
- time and place nouns (شهر, مساء, شرق, شمال), the "five nouns" (أبو as in
  أبو ظبي, حماه as in the city), and full verbs listed as auxiliaries
  (قام, عاد, جعل) carry meaning in news;
- a few single forms collide after folding (على/علي the name, منى/مني).
"""

import arabicstopwords.arabicstopwords as _source

from .normalize import normalize

_CONTENT_LEMMAS = frozenset(
    (
        # times and places
        "ساعة",
        "شهر",
        "صباح",
        "ضحوة",
        "غروب",
        "لحظة",
        "ليل",
        "مساء",
        "وقت",
        "زمان",
        "أمد",
        "شرق",
        "غرب",
        "شمال",
        "جنوب",
        "يمين",
        "جنب",
        "أعلى",
        # the five nouns but ذو/ذا/ذي and في
        "أب",
        "أبا",
        "أبو",
        "أبي",
        "أخ",
        "أخا",
        "أخو",
        "أخي",
        "حم",
        "حما",
        "حمو",
        "حمي",
        "فا",
        "فو",
        # full verbs among the auxiliaries
        "أخذ",
        "أقبل",
        "أنشأ",
        "جعل",
        "شرع",
        "علق",
        "قام",
        "هب",
        "ابتدأ",
        "رجع",
        "عاد",
        "تحول",
        "تبدل",
        "انقلب",
        "ارتد",
        "راح",
        "استحال",
        "حار",
        "غدا",
        "ساء",
        # nouns with meaning
        "عين",
        "عامة",
        "ابن",
        "شبه",
        "شطر",
        "معاذ",
        "حي",
        "آمين",
        "رب",
    )
)

_CONTENT_FORMS = frozenset(
    normalize(word)
    for word in (
        "علي",
        "مني",
        "منى",
        "لي",
        "ولي",
        "قط",
        "ظل",
        "بس",
        # ولأية, ولأيته ... (and which?) fold onto ولاية (a state) and its forms
        "ولاية",
        "ولايته",
        "ولايتها",
        "ولايتهم",
        "ولايتي",
        "فتحت",
        "فعل",
        "فعلي",
    )
)


def _is_function_word(analyses):
    return any(
        analysis["original"] not in _CONTENT_LEMMAS and "أ" not in analysis["procletic"]
        for analysis in analyses
    )


STOPWORDS = (
    frozenset(
        normalize(form)
        for form, analyses in _source.STOPWORDS.items()
        if _is_function_word(analyses)
    )
    - _CONTENT_FORMS
)
