"""The native analysis (indexer/native, Rust) makes what Python makes: the
shared vectors, any text at all, the recogniser's tokens, another lexicon."""

import functools
import gzip
import operator
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.actors import Gazetteer, recognise
from indexer.arabic import analyze, analyzed, native, normalize, use_lexicon
from indexer.arabic.export import character_classes as classes_of_re

from .analysis_vectors import EDGE_CASES


@pytest.fixture(scope="module")
def rust():
    found = native.analysis()
    assert found is not None, "make install builds the native analysis (indexer/native)"
    return found


@functools.cache
def _recogniser():
    return recognise.Recogniser(Gazetteer.load())


def _in_python(function, text):
    with native.python_only():
        return function(text)


def test_every_shared_vector_is_made_alike_or_left_to_python(rust, analysis_vectors):
    answered = Counter()
    for vector in analysis_vectors:
        form, terms = rust.normalize(vector["input"]), rust.analyze(vector["input"])
        if form is not None:
            assert form == vector["normalized"], vector["input"]
        if terms is not None:
            assert terms.split() == vector["terms"], vector["input"]
            answered[vector["kind"]] += 1
    # Real text is analysed here, but for the rare one with a link in it.
    corpus = sum(1 for vector in analysis_vectors if vector["kind"] == "corpus")
    assert corpus >= 10_000 and answered["corpus"] >= 0.98 * corpus, answered


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
            st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
            st.sampled_from(" .,،؛@:/-_\n\u200c\u200f\u0640ىيءئأة0123456789٠١٢٣abcXYZİẞΣ"),
            st.characters(),
        ),
        max_size=80,
    )
)
def test_any_text_is_normalised_and_analysed_as_python_does(text):
    rust = native.analysis()
    form, terms = rust.normalize(text), rust.analyze(text)
    if form is not None:
        assert form == _in_python(normalize, text)
        # analyze(x) == analyze(normalize(x)), which analyze_article counts on.
        again = rust.analyze(form, True)
        assert again is None or again == " ".join(_in_python(analyze, text))
    if terms is not None:
        assert terms.split() == _in_python(analyze, text)
    assert _recogniser().read(text) == _in_python(_recogniser().read, text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_the_public_functions_give_python_results_either_way(text):
    assert normalize(text) == _in_python(normalize, text)
    assert analyze(text) == _in_python(analyze, text)
    assert analyzed(text) == " ".join(_in_python(analyze, text))


def test_what_only_python_does_is_left_to_it(rust):
    assert rust.normalize("İstanbul") is None  # a case mapping outside ASCII
    assert rust.analyze("alarabiya.net/ar") is None  # a link: Python's tokenizer
    assert rust.normalize("\U0001fae8") is None  # a character newer than Python's Unicode
    assert rust.normalize("\ud800") is None and rust.read("a\udfff", {}) is None  # no UTF-8
    assert normalize("ب\ud800") == _in_python(normalize, "ب\ud800")
    assert normalize("İstanbul") == _in_python(normalize, "İstanbul")
    assert rust.normalize("الرئيس\xa0عبدالفتاح…") == _in_python(normalize, "الرئيس\xa0عبدالفتاح…")


def test_the_recogniser_reads_the_same_tokens(rust, shared_corpus):
    texts = [*EDGE_CASES, "قالَ محمّدٌ: «نعم» 3,5% و٣٫٥ ـــ إلى على", "ﻟﻘﺪ قال ﷲ İ"]
    # A tatweel that lengthens no letter is a dash: between numbers, around
    # marks of punctuation and format characters, at either end, in a run
    # that tashkeel breaks.
    texts += ["2016ـ2017 0ــــ0", "ـ هل؟ ـ", "كيم ـ، ترمب", "كيم ‌ـ ترمب", "ـَـ", "بـَـ ـب"]
    texts += ["ـ", "« ـ »", "5ـ", "ـx", "ا ـــَـــ ب", "xـy", "ـ‌"]
    # A hyphen between letters (tashkeel beside it or not) joins them.
    texts += ["ستروس-كان", "ستروسَ-ُكان", "ب--ج", "-ب ب- 1-ب ب-1", "a-b", "ـ-ب", "ب-ـ"]
    for path in sorted((shared_corpus / "ant-jawharafm").rglob("*"))[:400]:
        if path.is_file() and path.suffix != ".md":
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    marks = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in native.MARKS) + "]+")
    recogniser = _recogniser()
    for text in texts:
        written = recognise._TOKEN.findall(recognise.unmarked(text))
        if "ـ" not in text:
            hyphens = ["-" if word == recognise.JOINER else word for word in written]
            assert hyphens == recognise._TOKEN.findall(marks.sub("", text))
        tokens, norms, roles = recogniser.read(text)
        assert tokens == [(word, normalize(word)) for word in written]
        assert norms == tuple(map(normalize, written))
        assert (tokens, norms, roles) == _in_python(recogniser.read, text)
        assert all(recogniser._roles[norms[i]] == role for i, role in roles)
    # Another table of roles is read anew, not from what the first one gave.
    assert recogniser.read("قال الرئيس")[2] != []
    assert rust.read("قال الرئيس", {})[2] == []
    assert recogniser.read("قال الرئيس")[2] != []


def _names_both_ways(recogniser, text):
    """The names the recogniser's native passes find in `text`, and what
    Python finds from the same reading: ((native, Python) names found by
    their shape, as (start, end, organisation?); (native, Python) mentions
    of the gazetteer's spellings, as (position, size, owners))."""
    tokens, norms, roles, spans, mentions = recognise._read(
        text, recogniser._roles, recogniser._native
    )
    cues = [i for i, role in roles if role & recognise._CUE]
    shaped = [
        (start, end, kind == recognise.ORGANISATION)
        for _, start, end, kind in recogniser._shapes(0, tokens, cues)
    ]
    starts = [i for i, role in roles if role & recognise._START]
    spelt = list(recogniser.gazetteer._mentions(norms, starts))
    return (spans, shaped), (mentions, spelt)


def _same_mentions(native, python):
    """The same (position, size), and owners that are the gazetteer's own lists."""
    return [m[:2] for m in native] == [m[:2] for m in python] and all(
        a[2] is b[2] for a, b in zip(native, python, strict=True)
    )


def test_the_native_passes_find_the_names_python_finds(rust, shared_corpus):
    recogniser = _recogniser()
    assert recogniser._native is not None
    articles = [
        path.read_text(encoding="utf-8", errors="replace")
        for folder in ("ant-jawharafm", "ant-multisource")
        for path in sorted((shared_corpus / folder).rglob("*.txt"))[:300]
    ]
    found = Counter()
    for text in [*EDGE_CASES, *articles]:
        (spans, shaped), (mentions, spelt) = _names_both_ways(recogniser, text)
        if spans is None:  # a text Python reads (test_what_only_python_does…)
            assert mentions is None
            found["read in Python"] += 1
            continue
        assert spans == shaped, text[:300]
        assert _same_mentions(mentions, spelt), text[:300]
        found.update(kind for *_, kind in spans)
        found["mentions"] += len(mentions)
    assert found[True] > 300 and found[False] > 300, found  # bodies and people found
    assert found["mentions"] > 2_000, found
    assert found["read in Python"] <= len(EDGE_CASES), found
    # And so the actors of an article, every layer after them in Python.
    for text in articles[::10]:
        title, _, body = text.partition("\n")
        with native.python_only():
            in_python = recogniser.actors(title, body)
        assert recogniser.actors(title, body) == in_python


# Names found by one shape rule, with the texts that show where it stops,
# as (start, end, organisation?) spans.
_READ_ALIKE = {
    # Kalantari, Balakrishnan: a rare word after a given name beginning كال
    # or بال whose rest the news never write; بالمستشفى, للصحفين are not.
    "وقال رئيس الهيئة عيسى كالانتاري إن": [(3, 5, False)],
    "وقال وزير الخارجية فيفيان بالاكريشنان إن": [(3, 5, False)],
    "وقال أحمد بالمستشفى إن": [],
    "وقال محمد للصحفين إن": [],
    # A speaker's name however common its words, where a role follows it
    # after a comma (`_named_by_role`); not what the verb is of, nor a known
    # name with ل glued on, nor a word with the article.
    "وقال نيل باسو، رئيس شرطة مكافحة الإرهاب، إن": [(1, 3, False)],
    "وقالت ناز شاه، عضوة البرلمان، إن": [(1, 3, False)],
    "وأكد تعيين مدربين، مدير الكرة في النادي، أن": [],
    "وقال بابادوبولوس لترامب، مرشح الحزب، إن": [],
    "وقال للعالم بول بارجيه، الأستاذ بالكلية، إن": [(2, 4, False)],  # from بول
    # A given name that reads as a verb, where no verb can come: after a
    # verb of saying, not after a nationality (تعتقل: روبرت's name only).
    "قال فكرت أوزار، سفير تركيا في قطر، إن": [(1, 3, False)],
    "الشرطة الألمانية تعتقل روبرت ستادلر، رئيس الشركة": [(3, 5, False)],
    # A contest's name after its word, not after the word described.
    "وتوج ببطولة الرابطة المحترفة الأولى لكرة القدم": [],
    "وتوج بالبطولة العربية نادي الترجي": [(3, 5, True)],
    # A hospital's adjective of no nation, whose stem the news seldom write:
    # the place's name after it, not after a title (the minister visits).
    "ونقل إلى المستشفى الجهوي الحسين بوزيان بقفصة": [],
    "ونقل إلى المستشفى المحلي حسان بلخوجة": [],
    "وزار المستشفى الجهوي الوزير محمد صالح العرفاوي": [(4, 7, False)],
    "وقال الضابط المحلي حسان بلخوجة": [(3, 5, False)],
    # A speaker's given name and one word no list knows, then what was said.
    "وقال كيفن ستيل إن الشركة": [(1, 3, False)],
    "وقال تشارلز مازحا إن": [],
    "وقال فيرناندو نظريته إن": [],
    # A company's name quoted after its kind alone, not a word nor a person.
    'لكن حتى الآن وقعت الشركة الروسية "زاروبزنفت" فقط عقدا': [(7, 8, True)],
    'وذكر مكتب شركة العلاقات العامة "ايدلمان" في ميلانو': [(6, 7, True)],
    'اكتشاف كواكب خارج المجموعة الشمسية "exoplanet" قد تكون': [],
    'لمجموعة كلاشنيكوف الروسية لصناعة الأسلحة "أليكسي كريفوروتشكو" تضاعف': [(6, 8, False)],
    # A name quoted after a weak head, where it reads as one; a body or a
    # person quoted after it is its own; never after a deed's or a device's.
    'وأعلنت حركة "تحرير أزواد" أنها': [(1, 6, True)],
    'وقالت جماعة "متشددة" إن': [],
    'وسيطرت القوات على جبهة "ميمنة الميمنة" أمس': [],
    'ويعاني من عدم الحركة "بالقاتل الصامت" كما': [],
    'وقالت جماعة "مؤيدة لترامب" إنها': [],
    'وقالت قوات "الأمن الخاصة" إن': [],
    'بدأ الفلسطينيون تنظيم "مسيرات العودة" في': [],
    'ولا يزال ائتلاف "مجلس شورى المجاهدين" يضم': [(4, 7, True)],
    'القيادي في الجماعة "علي يحيى شرف الدين" نائبا': [(4, 8, False)],
    'وقال الخبير في مركز "الأمن الأمريكي الجديد" إن': [(3, 9, True)],
    # A hyphen between letters joins a name's words, as a spaced one does not.
    "قال دومينيك ستروس-كان إن": [(1, 5, False)],
    "قال دومينيك ستروس - كان إن": [(1, 3, False)],
    "وقال جان-كلود إن": [],
    # Which body a definite head is, no name; what a name is said to be, not it.
    "إلى الشركة المنتجة للمسلسل": [],
    "نائب الرئيس للشركة للتنمية": [],
    'زعيم الحزب "فكرة حمقاء الآن"': [],
    "وقال حزب الشعب الديمقراطي المؤيد للأكراد إن": [(1, 4, True)],
    "وقال مجلس منبج العسكري المؤلف من فصائل إن": [(1, 4, True)],
    # A title's name does not begin with a verb (a headline's).
    "مرشح للانتخابات يحرج أردوغان بطلب": [],
    "واستضاف البرنامج الفنان الرائع والخلوق خالد عبدالرحمن": [(5, 7, False)],
    "وقالت الفنانة أنثيا هاميلتون إن": [(2, 4, False)],
    "ودعت مصر مجلس الأمن للانعقاد فورا": [(2, 4, True)],
    "وقال الاتحاد القاري للعبة إن": [],
    "وفتحت محكمة إنجليزية الباب أمام الدعوى": [],
    "وقال ائتلاف ميركل الحكومي إن": [],
    "وغرمت جماعة (قدامى محاربي بريطانيا) أمس": [(1, 7, True)],
    "وقالت رابطة (يمين متطرف) إن": [],
    "وهاجم المسلحون مركز للدفاع المدني": [],
    # A university named after a person; «الجامعة» with the article, a league.
    "وقال باحثون بجامعة جون هوبكينز إن": [(2, 5, True)],
    "ومندوبها الدائم بالجامعة العربية دياب اللوح إن": [(2, 4, True), (4, 6, False)],
    # After a nationality, two words that are names beyond doubt, whatever follows.
    "أحرزت السويسرية تيميا بازنسكي اللقب": [(2, 4, False)],
    # ألكسندر's ال is no article: a given name, no word of the language.
    "التقت ماريا بوتينا وألكسندر تورشين.": [(1, 3, False), (3, 5, False)],
    # و, a noun and a definite word: more of what a body is for, after ل.
    "وقال البنك الأوروبي للتنمية وإعادة الإعمار إن": [(1, 6, True)],
    "وقالت الأكاديمية الأمريكية لفنون السينما وعلومها إن": [(1, 5, True)],
    "وقالت النقابة العامة للتعليم الأساسي ووزارتي التعليم إن": [(1, 5, True)],
    # A definite head's next word is an adjective, not the verb's object.
    "وحثت المنظمة السلطات السعودية على الإفراج": [],
    "وقالت المنظمة العربية للتنمية إن": [(1, 4, True)],
    # و and more of what a body does: its name's, but after its own name.
    "قررت هيئة الإعلام المرئي والمسموع أمس": [(1, 5, True)],
    "وقالت هيئة تحرير الشام والمجموعات المسلحة": [(1, 4, True)],
    # A name no list knows before the role that says who they are.
    "وأصيب فاريبورز بيرجانديان، مدير إحدى الوكالات": [(1, 3, False)],
    "أما ليكسي ستيردي مدير غرفة الحرب": [(1, 3, False), (4, 6, True)],
    # A participle in the accusative says how someone was, however rare.
    "وخرج فيكي ريفيل متطوعا": [(1, 3, False)],
    "وقالت ماتيلدا كوستا إن": [(1, 3, False)],
    "يقول عثمان متوليا مراسل بي بي سي": [(1, 3, False)],
    # A role after a comma: a family name with the article after a given
    # name, a chief's role, whom words are quoted from.
    "وقال أسامة الصغير، الناطق الرسمي، إن": [(1, 3, False)],
    "وقال محمد الخميس، رئيس الوزراء، إن": [],
    "وقال سكوت أندرسون، كبير الاقتصاديين، إن": [(1, 3, False)],
    "ونقلت الصحيفة عن بيسا أريفي، البروفسور في القانون، قوله": [(3, 5, False)],
    "وربما عن تحد جديد، ومدير أعماله": [],
    # A body's name ends at its nation before a noun, not an adjective.
    "ودعت وزارة الخارجية الأميركية الرعايا إلى المغادرة": [(1, 4, True)],
    "وقال مجلس الأعمال السعودي البريطاني المشترك إن": [(1, 6, True)],
    "وقالت شركة التأمين الألمانية أليانز إن": [(1, 5, True)],
    # A word that ends a name alone and الله after it: a family's name.
    "وقال الطاهر ضيف الله إن": [(1, 4, False)],
    "وحل حسين ضيف برنامج": [],
    "وقال توفيق من الله إن": [],
}


@pytest.mark.parametrize("text", _READ_ALIKE)
def test_a_name_of_a_rule_of_its_own_is_read_alike(rust, text):
    (spans, shaped), _ = _names_both_ways(_recogniser(), text)
    assert spans == shaped == _READ_ALIKE[text], (spans, shaped)


# Words that make names, cut names short or end them, with and without a
# clitic, among marks and common words: the shape pass's every turn.
_NAME_WORDS = (
    "الرئيس وزير الخارجية التركي نائب وزارة الدفاع اليمنية حزب العدالة والتنمية نادي"
    " برشلونة شركة أبل منظمة حظر الأسلحة الكيماوية الأمم المتحدة قال أكد محمد عبد الله بن"
    " آل أبو أحمد يلدز فلاديمير بوتين الحوثي جماعة حركة قوات الأمن العام الثانية للتراث"
    " لكرة القدم ستاد الأمير فيصل فهد مطار الملك خالد وليد واتسون بإسم كحارس سيزور يفوز"
    " بديلا الروسي السابق باسم الحكومة خارجيتها جائزة نوبل الشركة الإيطالية إيني"
    " كمبريدج أناليتيكا المكتب السياسي للحركة لتصدير الأسماك تنظيم داعش وكالة الأنباء"
    " رفيق نعيم في إلى الذي قد حمدان محمد بن راشد تيريزا ماي جيمس معمر القذافي الإرياني"
    " عثمان الجلولي كاتب جو مانشين وجود فعلي ميكروبات سارة برور باكستر بتضحية يلعبان"
    " يتصافحان ماريو تاباتا توران تايسون أليسيو فيغالي إن الإيطالية تاميرا مولا مجموعتان"
    " ملقيتين مديرون تفاوضيا متسامحة آلان الآن شيرر جامعة لندن أوكسفورد كانوا الدولية"
    " الشمالية كارولينا لقد التي أحد الأستاذ إيان آن آنا كيت ميدلتون أوان واحد"
    " ديفيد ليبتون عبدالله ناديه سيرغي للتسميم كريم مركز معهد مؤسسة نيلسون مانديلا"
    " المستشفى الجامعي الحبيب بورقيبة ثانوية زوجة ترامب ميلانيا أبا أبي مازن"
    " المتحدث باسم شركة اليانصيب اتحاد الكرة مستشارو نتنياهو ماريو لوبيز مدير فليسيانو"
    " بيجن زنغنه كارمن كالفو صدارته ثراه فنانيه بغيتاره يعذبه امتعاضه برأسه فوكييه وشاعريته"
    " يستقيل تستقيل تمتلكها تنهزم تاتوم ياتوم ييل يلب ميركل الإفراج"
    " قائمة تحالف الفتح سائرون نداء تونس حركة"
    " تعاقدت يتعاقد يمينا بيروت هولت جوشوا نسرين طافش"
    " إدارة الشباب التعاون بريغهام يونغ تيري سيري للتوصل للسباحة شابارك شاجاريزاده"
    " يدعى تدعى نيل باسو ناز شاه عضوة وزيري الأمين تعيين وصهره للعالم فكرت أوزار سفير"
    " بطولة ببطولة دوري مسابقة الرابطة المحترفة"
    " لليفربول للبنان تحرير أزواد متشددة وسطي مسيرات العودة معمل بورتون داون"
    " ائتلاف شورى المجاهدين الليبراليون"
    " أيدي عمر سعيد الدوري العودة سيف الله سايبوف لجيمس تاركوفسكي بأسماء كفرانسوا"
    " لأن كليف مدعية محررة مستورة"
    " ستروس-كان جونغ-أون جان-كلود كيم-ترامب السعودي-الأميركي"
    " الشركة المنتجة للمسلسل للشركة للتنمية الشعب الديمقراطي المؤيد للأكراد الحزب"
    " الإعلام المرئي والمسموع والمجموعات المؤسسة الدينية والتيارات والمالية الشؤون"
    " فاريبورز بيرجانديان ليكسي ستيردي هيمنغواي وبروست ووكز مستهتر ائتلاف ميركل حفتر"
).split()


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_NAME_WORDS),
            st.builds(
                operator.add,
                st.sampled_from(("و", "ف", "ب", "ل", "لل", "وب", "ك")),
                st.sampled_from(_NAME_WORDS),
            ),
            st.sampled_from([*',،"«»“”.:-()', "3", "69.68"]),
            st.text(
                st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=7
            ),
        ),
        max_size=40,
    )
)
def test_any_run_of_name_words_is_read_as_python_reads_it(words):
    (spans, shaped), (mentions, spelt) = _names_both_ways(_recogniser(), " ".join(words))
    assert spans == shaped
    assert _same_mentions(mentions, spelt)


def test_the_classes_are_those_of_pythons_re():
    ours = native.character_classes()
    theirs = classes_of_re()
    for name, ranges in theirs.items():
        runs = [tuple(int(code, 16) for code in run.split("-")) for run in ranges.split(",")]
        assert ours[name] == runs, name


def test_another_lexicon_is_the_natives_too(tmp_path, rust):
    # A lexicon where بحر is common and بـ + حر is not: a change of stems.
    word = "بحرين"
    lexicon = tmp_path / "lexicon.tsv.gz"
    with gzip.open(lexicon, "wt", encoding="utf-8") as out:
        out.write("حرين\t1000\nبحرين\t1\n")
    before = analyze(word)
    try:
        use_lexicon(lexicon)
        assert native.analysis() is not rust  # built again on the new lexicon
        assert analyze(word) == _in_python(analyze, word) != before
    finally:
        use_lexicon(None)
    assert analyze(word) == before
