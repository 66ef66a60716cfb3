"""The names of a query in Latin letters, met in Arabic text
(indexer/search/transliteration.py), and what they do to a fused ranking."""

import pytest

from indexer.search import fusion
from indexer.search.transliteration import arabic_skeletons, latin_skeletons, query_names, shares


@pytest.mark.parametrize(
    "latin, arabic",
    [
        ("Merkel", "ميركل"),
        ("Seehofer", "زيهوفر"),  # s and z, h silent, the long vowels dropped
        ("Churchill", "تشرشل"),  # ch as تش
        ("Chrysler", "كرايسلر"),  # ch as ك
        ("Juncker", "يونكر"),  # j as ي
        ("Kushner", "كوشنر"),  # sh as ش
        ("Pompeo", "بومبيو"),  # p as ب
        ("Vladivostok", "فلاديفوستوك"),  # v as ف
        ("Snapchat", "سناب شات"),  # one Latin word, two Arabic ones
        ("Crotone", "وكروتوني"),  # behind a clitic
        ("Céline", "سيلين"),  # an accent, a soft c
        ("Mitchell", "ميتشل"),  # tch as تش
        ("Exxon", "إكسون"),  # a doubled letter
        ("Modrić", "مودريتش"),  # ć as تش
        ("Gafsa", "ڨفصة"),  # the Tunisian g
        ("Golestan", "گلستان"),  # the Persian g
        ("Chabahar", "چابهار"),  # the Persian ch
        ("Volvo", "ڤولفو"),  # the v some write
    ],
)
def test_a_latin_name_meets_its_arabic_spelling(latin, arabic):
    names, _ = query_names(f"News about {latin} today")
    assert len(names) == 1
    assert names[0] & arabic_skeletons(f"قال {arabic} أمس")[0]


@pytest.mark.parametrize(
    "latin, arabic",
    [("Merkel", "ماركس"), ("Seehofer", "سوريا"), ("Tusk", "تونس"), ("Juncker", "جنرال")],
)
def test_a_latin_name_does_not_meet_other_words(latin, arabic):
    # Some do: Seehofer and سفير (an ambassador) are both SFR; hence a name
    # is weighed by how few of the articles at hand write it (below).
    assert not latin_skeletons(latin) & arabic_skeletons(arabic)[0]


def test_plain_words_short_names_and_figures_of_a_query():
    query = "After Abe met the Fiat chief, exports rose 1.4 percent in 2018 and 5"
    names, figures = query_names(query)
    # After: a plain word; Abe, Fiat: two consonants meet too many Arabic words.
    assert names == []
    assert figures == {"1.4", "2018"}


def test_a_name_weighs_by_how_few_of_the_articles_write_it():
    passages = {
        "a": "ترامب يلتقي زيهوفر في برلين",
        "b": "ترامب يتحدث عن الهجرة",
        "c": "ترامب في قمة الحلف",
        "d": "قمة الحلف في بروكسل",
    }
    found = shares("Trump meets Seehofer", passages)
    assert found["a"] > found["b"] == found["c"] > found["d"] == 0.0
    # Seehofer, written by one article of four, weighs most of what a name can;
    # Trump, written by three, little.
    assert shares("Seehofer", passages)["a"] > 3 * shares("Trump", passages)["b"]
    every = {key: passage for key, passage in passages.items() if key != "d"}
    assert set(shares("Trump", every).values()) == {0.0}


def test_what_a_query_excludes_and_its_acronyms_are_no_names():
    names, _ = query_names("Merkel -Seehofer NOT Juncker NATO HSBC")
    assert names == [latin_skeletons("Merkel")]


def test_a_query_typed_without_capitals_may_name_with_any_longer_word():
    names, _ = query_names("merkel meets seehofer in berlin")
    for name in ("Merkel", "Seehofer", "Berlin"):
        assert latin_skeletons(name) in names
    assert latin_skeletons("in") not in names


def test_function_words_make_no_name():
    # بعد أن (BD + N) is no Biden; منذ no Monday.
    skeletons, _ = arabic_skeletons("وقال بعد أن التقى الوزير منذ أسبوع")
    assert not (latin_skeletons("Biden") | latin_skeletons("Monday")) & skeletons
    assert latin_skeletons("Biden") & arabic_skeletons("قال بايدن أمس")[0]


def test_an_article_that_writes_the_querys_names_rises_in_a_fused_ranking():
    meaning = [("a", 0.45), ("b", 0.43), ("c", 0.40)]
    passages = {
        "a": "وزير الداخلية الألماني يعلن خطة للهجرة",
        "b": "زيهوفر يتراجع عن استقالته بعد اتفاق مع ميركل",
        "c": "الحكومة الألمانية تناقش اللجوء",
    }
    query = "Seehofer drops resignation after Merkel deal"
    without = [r.id for r in fusion.fuse(query, [], meaning)]
    named = fusion.fuse(query, [], meaning, passages=passages)
    assert without == ["a", "b", "c"]
    assert [r.id for r in named] == ["b", "a", "c"]
    assert named[0].matched_by == "meaning"
    # An Arabic query is matched by its words: the names of its passages change nothing.
    arabic = fusion.fuse("استقالة وزير الداخلية", [], meaning, passages=passages)
    assert [r.id for r in arabic] == without
