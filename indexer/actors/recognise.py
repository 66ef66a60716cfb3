"""The people and organisations an article names, known to the gazetteer or not.

Three layers, the first one trusted most:

1. the gazetteer (gazetteer.py): curated actors under every spelling, an
   ambiguous spelling counting only where the article confirms its actor;
2. names found by their shape: a person's name after a title or a role
   (الرئيس الروسي فلاديمير بوتين; وزير الخارجية التركي، مولود جاويش أوغلو،),
   after a verb of saying (وقال محمد العبيدي إن), or beginning with a given
   name (… أحمد يلدز …); an organisation's name from the word that begins it
   (وزارة الدفاع اليمنية, حزب العدالة والتنمية, نادي برشلونة) as far as its
   words belong to it;
3. short forms the article resolves: a surname or a first name after the
   full name (الصيد after الحبيب الصيد), the short name of an organisation
   it named in full (حزب العمال after حزب العمال الكردستاني).

Never the wrong actor: a gazetteer spelling inside a longer name that is not
one of that actor's is another person's (جيمس ماي is not تيريزا ماي, سعد بن
نايف السديري not محمد بن نايف, معمر الإرياني not معمر القذافي); a spelling right
after a number is not a person (69.68 بنس); a short form the article does
not resolve, or resolves to two actors, tags no one.

Words are compared normalised; a name is shown as the article writes it,
its diacritics, tatweel and the clitic glued to it aside.
"""

import gzip
import io
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import compress
from typing import NamedTuple

from indexer.arabic import native
from indexer.arabic.native import MARKS
from indexer.arabic.normalize import normalize
from indexer.arabic.stem import is_arabic
from indexer.arabic.stopwords import STOPWORDS
from indexer.dates import MONTH_NAMES

from .countries import countries
from .gazetteer import (
    ABU_FORMS,
    COMMAS,
    IGNORE,
    JOINER,
    MEDIUM,
    ORGANISATION,
    PERSON,
    QUOTES,
    Gazetteer,
    a_kunya,
    word_forms,
)

_DATA = resources.files(__package__).joinpath("data")
# Words, numbers, marks of punctuation and line breaks (a name never runs on
# from one line to the next), in text without tashkeel, tatweel or format
# characters (_MARKS: normalisation deletes them too; `unmarked`).
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]|\n")
# The courts of a city (the state's, by their level), by the first two words
# of their name, normalised and without the article: their name.
_LOCAL_COURTS = {
    (normalize(first), normalize(second)): name
    for first, second, name in (
        ("محكمة", "الابتدائية", "المحكمة الابتدائية"),
        ("محكمة", "ابتدائية", "المحكمة الابتدائية"),
        ("محكمة", "الاستئناف", "محكمة الاستئناف"),
        ("محكمة", "استئناف", "محكمة الاستئناف"),
        ("محكمة", "الناحية", "محكمة الناحية"),
    )
}
_COURT_LEVELS = frozenset(second for _, second in _LOCAL_COURTS)
# Before a court, what says it is a building or another's seat: أمام مقر
# المحكمة, الناطق باسم المحكمة, وكيل الجمهورية لدى المحكمة.
_NOT_THE_COURT = frozenset(
    map(normalize, ("مقر", "بمقر", "لمقر", "بهو", "ببهو", "ساحة", "بساحة", "باسم", "لدى"))
)
_CHAMBER = frozenset(map(normalize, ("الدائرة", "دائرة")))  # a court's chamber
# What says a body is one of a region or a place, whose name its city ends:
# its second word, or a sport's club (نادي كرة اليد بجمال).
_LOCAL = frozenset(
    normalize(word + ending) for word in ("المحلي", "الجهوي", "الأساسي") for ending in ("", "ة")
)
# Adjectives of no nation, which the name of a place after them may follow
# (المستشفى المحلي حسان بلخوجة, where المستشفى التونسي would be a club).
_OF_NO_NATION = frozenset(
    normalize(word + ending)
    for word in ("المحلي", "الجهوي", "الوطني", "الدولي")
    for ending in ("", "ة")
)
# What the news write after a name or before it, never in one
# (`_without_what_ends_it`).
_LATIN, _ARABIC = re.compile(r"[A-Za-z]"), re.compile(r"[\u0621-\u064a]")
_BLESSINGS = frozenset(map(normalize, ("رضي", "طيب", "رحمه", "حفظه")))
_GOD = normalize("الله")
# Words that say something of God, no family name before الله (من, في: too short).
_OF_GODS_PHRASES = frozenset(map(normalize, "عند على إلى إلا بها به سبحان بسم شاء".split()))
_SUPERLATIVES = frozenset(map(normalize, ("أكبر", "أفضل", "أشهر", "أقوى", "أهم")))
_CV = (normalize("السيرة"), normalize("الذاتية"))
_SUCCESSOR, _JAMAL = frozenset((normalize("خليفة"),)), normalize("جمال")
_A_STREET, _ON_A_WAY = frozenset((normalize("نهج"),)), normalize("على")
_WHO = frozenset(map(normalize, ("الذي", "التي", "الذان", "اللذان", "اللتان", "الذين")))
_QUEEN = frozenset(map(normalize, ("ملكة", "وملكة", "لملكة")))
# What follows a speaker's name: what was said (إن, أن) or a mark.
_THAT, _SAID_MARKS = normalize("إن"), frozenset(",،:")
_A_SPORTS_CLUB = (normalize("نادي"), normalize("كرة"))
_ONLY_DEFINITE = 4  # times a name is written with the article at least, as without
# Works a quoted title names (فيلم "…", روايته «…»), with the article or not.
_WORKS = frozenset(
    normalize(article + word)
    for word in "فيلم كتاب رواية مسلسل أغنية مسرحية ديوان معجم ألبوم قصيدة برنامج قانون".split()
    for article in ("", "ال")
)
_TEAM = normalize("فريق")
# A name in brackets after a body's head is its name as a quoted one is
# (جماعة (قدامى محاربي بريطانيا)); what is around it, quotes or brackets.
_AROUND = QUOTES | {"(", ")"}
_HASHTAG = re.compile(r"#(?=[^\W\d_])")  # the sign before a word
_MARKS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in MARKS) + "]+")
# Tatweel that lengthens no letter is a dash (قمة كيم ـ ترمب, سايكس ـ بيكو,
# a line of dialogue opening with ـ): it parts two names as "-" does.
_TATWEEL = "\u0640"
_OTHER_MARKS = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in MARKS if a != ord(_TATWEEL)) + "]+"
)
_DASH = re.compile(rf"(?<![^\W\d_]){_TATWEEL}+(?![^\W\d_])")
# A hyphen between two letters joins the words of one name (ستروس-كان,
# غرابر-كيتاروفيتش, جان-كلود): written JOINER, a mark of its own that a name
# goes on past, where "-" with a space beside it parts a list's items.
_JOINED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_SON_OF = frozenset(map(normalize, ("بن", "ابن", "بنت")))
_JOINING = frozenset(map(normalize, ("بن", "بنت", "آل")))  # a name's words, not ابن
# What comes before a foreign family name (ستيفان دي فري, خوان ديل بوترو,
# رامون دي لا مورينا): never a name's last word (`Recogniser._past_its_particle`).
_PARTICLES = frozenset(map(normalize, "دي دا دو ديل دل دوس فان".split()))
_PARTICLES_ARTICLES = frozenset(map(normalize, "لا لو لاس لوس".split()))
# Given names that are titles or words too (سلطان, أمين, صيام: "sultan",
# "secretary", "fasting"), which the readers leave out of a name: a name's
# beyond doubt before بن, ابن or بنت (`Recogniser._from_its_given_name`).
_GIVEN_BEFORE_SON_OF = frozenset(
    map(normalize, "سلطان أمين مساعد نجم أمير رائد تركي صيام جوهر وسيم هاجر حياة".split())
)
# What the news call the dead and the knighted before their names (الشهيد
# سعيد الغزلاني, السير مايكل كين), that titles.txt cannot hold: without its
# article, شهيد is a given name (شهيد خاقان عباسي, شهيد خان).
_HONORIFICS = frozenset(map(normalize, "الشهيد الشهيدة السير".split()))
# Given names that are verbs in the past too (أشرف: "supervised", روى:
# "told", دان: "condemned", عادل: "equalised"), and what begins a clause
# they may be the verb of (`Recogniser._past_a_verb_of_a_name`).
_VERBS_OF_NAMES = frozenset(map(normalize, "أشرف روى دان عادل أكرم".split()))
_BEGINNING_A_CLAUSE = frozenset(map(normalize, "كما ثم".split()))
_LINKS = 6  # the most links (بن, آل) a name is read on through after its last
_SONS = frozenset(map(normalize, ("بن", "بنت")))
_FAMILY = "آل"  # (normalised, the article)
_CLITIC_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_PRONOUNS = ("ها", "هما", "هم", "كم", "كما", "هن")
_DEMONSTRATIVES = frozenset(map(normalize, "هذا هذه ذلك تلك هؤلاء أولئك هذين هاتين".split()))
# A verb's prefixes: سيزور, ستعلن, ليعيق, لتعلن, (و)يعلن when the rest is a word.
_VERB_PREFIXES = frozenset(("سي", "ست", "سن", "لي", "لت", "لن", "في", "فت"))
# Words after which an outlet is where the news came from (بحسب وكالة …,
# ذكرت صحيفة …), not one that acts in it (قالت قناة الجزيرة إنها ستقاضي), and
# those before عن that say the news was relayed from it (نقلا عن).
_ATTRIBUTION = frozenset(
    map(normalize, "بحسب حسب وفق وفقا نقلت نقل ذكرت ذكر أفادت أفاد أوردت أورد".split())
)
_RELAYED = frozenset(map(normalize, "نقلا نقلت نقل".split()))
# A model's number (737, 737-800, A380, إيه 380), not a year, nor a count.
_MODEL = re.compile(r"(?:[A-Za-z]{1,3}-?)?[0-9]{3}(?![0-9])")
_YEAR = re.compile(r"(?:19|20)[0-9][0-9]$")
_COUNTED = frozenset(
    map(normalize, "ألف آلاف مليون ملايين مليار مليارات دولار يورو طائرة طائرات وحدة جهاز".split())
)
_MODEL_LETTERS = frozenset(("إيه", "أيه", "ايه"))
_PRODUCTS = frozenset(
    normalize(word)
    for word in (
        "طائرة طائرات الطائرة الطائرات طراز نوع سيارة سيارات السيارة هاتف هواتف الهاتف"
        " جهاز أجهزة الجهاز محرك محركات"
    ).split()
)
_CALLED = frozenset(map(normalize, ("يدعى", "تدعى")))
# What an outlet reported, after ما: بحسب ما أعلنت, وفقا لما نشرته.
_WHAT = frozenset(map(normalize, "ما لما بما كما".split()))
_REPORTED = frozenset(
    normalize(verb + pronoun)
    for verb in "أعلنت أعلن نشرت نشر قالت قال أوردت أورد ذكرت ذكر نقلت نقل بثت بث".split()
    for pronoun in ("", "ه", "ها")
)
# An interview with an outlet, the story's own (قال في مقابلة مع "سي إن إن",
# في حوار خاص مع قناة الجزيرة): the outlet acts in it (ACTORS.md).
_INTERVIEW = frozenset(map(normalize, "مقابلة حوار لقاء مقابلات حديث".split()))
# What befalls an outlet that is the story's (ACTORS.md: an outlet that acts
# or is acted on), not where it came from: إغلاق قناة الجزيرة, مكاتب الجزيرة,
# دعوى ضد صحيفة; or what it does that is no telling (أقالت صحيفة جيروزاليم
# بوست رسام الكاريكاتير).
_DONE_TO = frozenset(
    map(
        normalize,
        "إغلاق غلق أغلق أغلقت أغلقوا حظر حظرت حجب حجبت مقاضاة اقتحام اقتحمت مداهمة"
        " داهمت مكتب مكاتب هاجم هاجمت مهاجمة ضد أقالت أقال فصلت طردت اعتذرت"
        " أوقفت".split(),
    )
)
_FOR_GOOD = frozenset((normalize("نهائيا"),))
# Words of an outlet's kind that name none of its own (مقابلة مع محطة
# تلفزيون "سي إن بي سي"), passed over before its name.
_OF_AN_OUTLET = frozenset(map(normalize, "محطة تلفزيون التلفزيون شبكة".split()))
_INTERVIEW_KIND = frozenset(
    map(normalize, "خاص خاصة حصري حصرية صحفي صحفية تلفزيوني تلفزيونية".split())
)
# Words after which a seat of power (seats.txt) is the place, not the power
# (في البيت الأبيض, إلى الكرملين, زار الإليزيه, تحت البيت الأبيض, مقر
# الكرملين, خارج مبنى #البيت_الأبيض), but not after an official of it (مسؤول في البيت الأبيض: the
# seat speaks); and those of allegiance, after which it is told to (موالية
# للكرملين).
_AT_A_PLACE = frozenset(
    map(
        normalize,
        "في إلى الى داخل أمام قرب عند زار يزور سيزور زيارة زيارته زيارتها وصل وصوله دخوله"
        " حديقة أروقة تحت أسفل مقر ملجأ مخبأ مبنى خارج".split(),
    )
)
# What an agency's name says it gives out (وكالة الأنباء, وكالة الإعلام
# الروسية, وكالة أخبار): an outlet, not an actor where it is the source.
_NEWS = tuple(map(normalize, ("أنباء", "إعلام", "أخبار")))
# What a seat of power with ب glued on is the place of (اجتماع بالبيت
# الأبيض, المكتب البيضاوي بالبيت الأبيض, الثلاثاء بالبيت الأبيض).
_HELD_AT = frozenset(
    map(
        normalize,
        "حفل حفلة اجتماع اجتماعا اجتماعه مؤتمر مؤتمرا لقاء لقائه لقائهما كلمة كلمته"
        " خطاب خطابه مراسم استقبال عشاء غداء فعالية جلسة مكتب مكتبه البيضاوي مقره"
        " ضيافة حديقة السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة"
        " أمس اليوم صباح مساء".split(),
    )
)
_OFFICIALS = frozenset(
    map(
        normalize,
        "مسؤول مسؤولة مسؤولان مسؤولون مسؤولين مسؤولو مسؤولي مستشار مستشارة موظف موظفو موظفي"
        " مصدر مساعد مساعدة مساعدون مساعدين مساعدو مساعدي".split(),
    )
)
_ALLEGIANCE = tuple(map(normalize, "موال الموال مؤيد المؤيد مقرب المقرب مناهض المناهض".split()))
ORG_MIN_WORDS, ORG_MIN_MENTIONS = 3, 2
# The kinds of body that a rare proper name after them makes a name however
# seldom the story gives it (_surely_a_body).
_NAMED_ONCE = frozenset(
    map(normalize, "جامعة شركة نادي بنك مصرف معهد أكاديمية وكالة مؤسسة منظمة حزب بورصة".split())
)
# The kinds of body named for a place (جامعة لندن, جامعة أوكسفورد): a word
# the news write often but never with the article names one after them.
_NAMED_FOR_A_PLACE = frozenset(map(normalize, ("جامعة",)))
# Adjectives after a place that are part of its name, or of its body's (كارولينا
# الشمالية, جامعة فلوريدا الدولية), not a nationality (جامعة صوفيا | البلغارية).
_OF_A_PLACES_NAME = frozenset(
    map(
        normalize,
        "الشمالي الشمالية الجنوبي الجنوبية الشرقي الشرقية الغربي الغربية"
        " الدولي الدولية العربي العربية".split(),
    )
)
# Words of size between what a body is and its name (شركة النفط الفرنسية
# العملاقة "توتال").
_OF_SIZE = frozenset(map(normalize, "العملاقة الكبرى الكبيرة".split()))
_MOST_NAME_WORDS = 6
# Particles and prepositions that may follow a name and end its phrase
# (وقال أليسيو فيغالي إن, الروسي كارن خاتشانوف في).
_AFTER_A_NAME = frozenset(
    map(
        normalize,
        "إن أن إنه أنه إنها أنها في على من إلى عن مع خلال بعد قبل أحد إحدى وهو وهي".split(),
    )
)
_MOST_ORG_WORDS = 7
# Before an office's name, a minister of it, in any case or number (وزير
# الخارجية, عُيّن وزيرا للخارجية, وزراء الخارجية العرب): normalised forms.
_MINISTER = frozenset(map(normalize, "وزير وزيرة وزيرا وزراء وكيل وكيلا نائب".split()))
_BAL = ("بال", "كال")  # ب or ك before the article, or a name's first letters (بالمر)
_COMPANY = frozenset((normalize("شركة"),))  # (not الشركة: للشركة لصحيفة بليد, its source)
_MINISTRY_WORD = "وزارة"
_MINISTRY = frozenset((normalize(_MINISTRY_WORD),))
_MINISTRIES = frozenset(map(normalize, ("وزارتي", "وزارتا")))  # two of them: the dual
_DUAL = normalize("وزارت")
_DUAL_ENDINGS = ("تين", "تان")  # (الأمريكيتين, المسؤولتان: the dual's adjective)
_BOTH_COUNTRIES = frozenset(map(normalize, ("البلدين", "البلدان", "الدولتين", "الدولتان")))
_AGENCIES = frozenset(map(normalize, ("وكالة", "الوكالة")))
# A broadcaster's head and the word after it (هيئة الإذاعة والتلفزيون
# الإثيوبية, هيئة البث الإسرائيلية; not هيئة الطيران … للتلفزيون).
_AUTHORITIES = frozenset(map(normalize, ("هيئة", "الهيئة")))
_ON_AIR = frozenset(map(normalize, ("الإذاعة", "الإذاعات", "التلفزيون", "التلفزة", "البث")))
# Before a platform where something is said or shown: على تويتر, بموقع تويتر.
_ON = frozenset(map(normalize, "على عبر".split()))
_IN = normalize("في")
# What is done to a body with على is its object (تستحوذ على, الحرب على, يجب
# على): the normalised beginnings of those words, a clitic or ال off.
_UPON = tuple(
    map(
        normalize,
        (
            "استحوذ يستحوذ تستحوذ الاستحواذ استحواذ سيطر يسيطر تسيطر السيطرة سيطرة حرب الحرب"
            " هجوم الهجوم هجمات الهجمات هيمن يهيمن تهيمن الهيمنة غرامة الغرامة غرامات دعوى"
            " عقوبات العقوبات ضغط الضغط ضغوط الضغوط قيود القيود حظر الحظر حملة الحملة يجب"
            " يتعين ينبغي يتوجب فرض فرضت يفرض تفرض تفوق"
        ).split(),
    )
)
_ACCOUNT = tuple(map(normalize, ("حساب", "صفحة", "صفحت")))  # حسابه, صفحته, حسابات
_SITE_WORDS = frozenset(map(normalize, "موقع منصة تطبيق شبكة التواصل الاجتماعي".split()))
# The months' names as the archive writes them (indexer/dates.py), normalised.
_MONTH_NAMES = frozenset(word for word in map(normalize, MONTH_NAMES) if " " not in word)
# After a month's name, what makes it one: نيسان الماضي.
_MONTH_NEXT = frozenset(map(normalize, "الماضي المقبل الجاري القادم المنصرم".split()))
# Bodies a word of their trade may follow the name of (شركة أرامكو النفطية).
_GLUED_TO_THE = tuple(map(normalize, ("بال", "لل", "كال", "فال", "وال")))
_COMPANIES = frozenset(map(normalize, "شركة الشركة مجموعة المجموعة".split()))
_OF_A_TRADE = frozenset(map(normalize, "شركة مجموعة شبكة مصرف بنك مؤسسة منظمة".split()))
# What a story says of a body, never part of its name: after a whole name
# the gazetteer knows (حزب العمال الكردستاني الانفصالي المصنف إرهابيا), or
# one found by its shape (حزب الشعب الديمقراطي المؤيد للأكراد, شركة يوغوف
# المتخصصة, قرار محكمة القضاء الإداري الصادر).
_DESCRIBING = frozenset(
    normalize(word + ending)
    for word in (
        "الانفصالي المصنف المحظور المتطرف المتشدد الإرهابي المسلح العلماني الحاكم "
        "المعارض اليميني اليساري المتمرد الموالي المدعوم المنحل الجهادي الأصولي "
        "الصادر الموجود المكلف المتخصص المالك المشغل المطور المدافع المناهض المؤيد المقرب "
        "الواقع المختص الرامي الحليف التابع العريق المنبثق المشرف المتحالف المنتمي الداعي"
    ).split()
    for ending in ("", "ة")
) | frozenset(
    map(
        normalize,
        (
            # What a body is made of, where it stands, how it is known
            # (هيئة المحكمة المؤلفة من, لجنة التجارة التابعتين لمجلس الشيوخ):
            # in the numbers that no name's word of the same stem has (not
            # المجتمع, a society; nor المالكين of جمعية المالكين, المنافسة of
            # لجنة حماية المنافسة).
            "المنافس المكون المكونة المؤلف المؤلفة المنضوي المنضوية المستقيل "
            "المستقيلة المذكور المذكورة المتواجد المتواجدة المتضرر المتضررة المنهار "
            "المنهارة المحاصر المحاصرة المشهور المشهورة المرموق المرموقة الموقر "
            "الموقرة الملتئم الملتئمة المثقل المثقلة المزدحم المزدحمة المملوك "
            "المملوكة المخول المخولة المجتمعة المجتمعين التابعين التابعان "
            "التابعتين التابعتان "
            # What it was asked or met to do (مجلس الأمن للانعقاد, مجلس الشورى
            # لاتخاذ القرارات): never what a body is for (اللجنة الوطنية
            # للتحقيق, الهيئة العليا للانتخابات).
            "للقيام للنظر للانعقاد للإنعقاد للفوز للحصول للمضي للإشادة للتصويت "
            "للوقوف للذهاب للحديث للتعبير للانضمام للمطالبة للاجتماع لاتخاذ"
        ).split(),
    )
)
# Given names the news write as often as a verb of the past before a
# name ("equalised", "condemned", "drew [attention]"): عادل صلاح النتيجة,
# دان روحاني, ألفت كنايسل (`Recogniser._drop_run_on_words`).
_VERBS_TOO = frozenset(map(normalize, "عادل دان ألفت".split()))
# The most people of a story whose names are compared two by two for a
# typo (`Recogniser._join_misspellings`): no story names so many.
_MOST_PEOPLE_COMPARED = 150
# A kind of institution that, with the article, is a league's or a
# federation's name (الجامعة العربية, الجامعة التونسية لكرة القدم): no
# place named after the person after it (بالجامعة العربية دياب اللوح).
_A_LEAGUE_TOO = frozenset((normalize("جامعة"),))
# Words of a credit line before its colon (تقرير: ألكساندرا رونار وأوغوستا
# لوناردي): the people after it made the report, named in no story.
_CREDITS = frozenset(map(normalize, "تقرير إعداد تصوير تحرير مونتاج ترجمة".split()))
# Kinds of body or place that, last after a head and its construct, say
# whose part a body is, named elsewhere (لجنة تحكيم المهرجان, مجلس شورى الحزب).
_REFERRED = frozenset(
    map(
        normalize,
        (
            "الهيئة المنظمة الحزب الشركة النادي المجلس المحكمة الجمعية الوزارة "
            "الحكومة البرلمان المؤسسة المدينة الولاية الإقليم المهرجان الجائزة "
            "المجلة الصحيفة البطولة المسابقة المجموعة"
        ).split(),
    )
)
# Nouns, never an adjective, that may follow a definite head only as the
# object of its sentence's verb (وحثت المنظمة السلطات السعودية, دعت المفوضية
# الحكومة): a definite head takes an adjective after it, no noun.
_NO_ADJECTIVE = frozenset(
    map(
        normalize,
        (
            "السلطات الحكومة الحكومات الدول الولايات الأطراف المجتمع الجيش "
            "الشرطة القوات الرئيس الأمم المسؤولين الشركات المواطنين"
        ).split(),
    )
)
# What says which body a definite head is, after it (الشركة المنتجة للمسلسل,
# الشركة المشغلة لدور السينما, الشركة الأم): a description, no name.
_REFERRING = frozenset(
    normalize(word + ending)
    for word in "المشغل المنتج المطور المصنع المالك المخالف المذكور الراعي الأخير".split()
    for ending in ("", "ة")
) | {normalize("الأم")}
# Adjectives of an office that are no adjectives of relation (وزارة الأمن العام).
_OF_AN_OFFICE = frozenset(map(normalize, "العام العامة الأعلى العليا".split()))
# Words of a city's, before its name: a club named for it is the city there.
_OF_A_CITY = frozenset(
    map(
        normalize,
        "مدينة مدينتي العاصمة عاصمة ضواحي شوارع سكان بلدية مطار شمال جنوب شرق غرب قرب".split(),
    )
)
# Kinds of place a body may be part of, named elsewhere in the story.
_A_PLACES_KIND = frozenset(
    map(normalize, "الإقليم الولاية المدينة المحافظة المنطقة البلاد البلدية القرية".split())
)
_THE_GAME = normalize("للعبة")  # (الاتحاد القاري للعبة: the sport the story is about)
# The share of a word's uses with the article above which it is a word of
# the language, not a name only (الحماس is 5% of حماس, الليفربول none).
_WITH_ARTICLE = 0.04
_NOUN_WITH_ARTICLE = 50  # times the news write a noun with the article, at least
_GENERAL = frozenset({"العام", "العامه"})  # "general" after a definite noun
_ORDINALS = frozenset(  # after a definite noun, its number: محكمة إزمير الجزائية الثانية
    map(
        normalize,
        "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة "
        "السادس السادسة السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة".split(),
    )
)
_MOST_QUALIFIERS = 8
# A word real news writes fewer times than this (word-counts.tsv.gz, made by
# scripts/build-name-words), and no list knows,
# may be a name (most foreign surnames are rare words).
_RARE = 40
_SHORTEST_SKELETON = 3  # letters of a name's word, long vowels out, to tell it by them
# A noun's endings, each with how often the archive writes its stem with the
# article, at least, for a word so ending to be that noun inflected (not a
# name: تفاوضيا, متسامحة, حادثان, مديرون; not أوساكا, بوتين).
_INFLECTIONS = (
    ("ا", _RARE // 4),
    ("ه", _RARE // 4),
    ("ان", _RARE),
    ("ون", _RARE),
    ("ين", _RARE),
    ("ات", _RARE),
)
# Uses in the news of each of two given names a letter or two apart that make
# them two names, not one written two ways (نادر, ناصر; أمين, أيمن).
_COMMON_GIVEN = 150
_TWINS = 0.25  # the share of the rarer of a verb's "he" and "she" forms, at least
# How many times more often a given name stands alone than with ل, ب or ك
# glued to it, at least, for the letter to be a preposition (لجيمس: 11 and
# 524; not كليف: 10 and ليف 18, Cliff).
_GLUED = 10
_DESCRIBING_WORD = 5  # uses with the article, at least, of a word that describes (مخضرم)
_SELDOM = 3  # uses of the rarer form, at least, of a verb that other forms attest


def _lines(name):
    text = _DATA.joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _phrase(text):
    return tuple(normalize(text).split())


@dataclass(frozen=True)
class Cues:
    """The word lists recognition reads (indexer/actors/data), normalised."""

    titles: frozenset  # one-word titles and roles, with and without ال
    long_titles: dict  # their first word -> the words of longer titles
    long_starts: frozenset  # the first words of longer titles
    verbs: frozenset  # verbs of saying and doing a name follows
    heads: frozenset  # words that begin an organisation's name, with and without ال
    # Those that begin one only before a proper name or a quoted one (حركة,
    # قوات), `by_quotes` and `not_by_quotes` among them
    weak_heads: frozenset
    outlets: frozenset  # those of outlets (صحيفة, قناة): actors only where they act
    qualifiers: frozenset  # words between a title and the name that are not definite
    first_names: frozenset
    name_share: dict  # word -> share of its uses in ../shared/corpus that are in a name
    # Organisation phrases that name no one body: a name's first two words or
    # all of them, or marked = (=المنظمة الدولية) all of them only
    generic: frozenset
    not_names: frozenset  # words that end a name whatever else is said of them
    gentilics: frozenset  # الأمريكي, الروسية: they end a person's name
    links: frozenset  # بن, آل, أبو, عبد: words that join a name to its next word
    stops: frozenset  # titles, heads and verbs: no words of a name, with a clitic or not
    regions: frozenset  # الأوروبي, الدولي: what alone after a definite head makes a name
    places: frozenset  # ستاد, مطار, جائزة: a name after them is the place's
    seats: frozenset  # البيت الأبيض, الكرملين: actors where they act, not where they are the place
    counts: dict  # how often real news writes each word (word-counts.tsv.gz)
    kin: frozenset = frozenset()  # شقيقه, زوجته: titles too, and a family by a name
    # Given names whose normalised form is a word no name has (آلان, الآن:
    # "now"), as written, a clitic before them or not: no `first_names`.
    written_given: frozenset = frozenset()
    given_names: frozenset = frozenset()  # every one of the list, normalised, as written ones too
    # مركز, معهد: bodies a name after them is the name of, not a mention of its person
    institutions: frozenset = frozenset()
    # بطولة, دوري: a body's name after them is a contest's, a person's stays theirs
    contests: frozenset = frozenset()
    not_by_quotes: frozenset = frozenset()  # weak heads a quoted name names no body after
    by_quotes: frozenset = frozenset()  # weak heads only a quoted name follows (معمل)
    # شركة, صحيفة: bodies a name after them that no list knows is the name of
    # (شركة توماس كوك), where a known actor's stays theirs (شركة إيلون ماسك: his)
    companies: frozenset = frozenset()

    def __post_init__(self):
        stops = self.titles | self.heads | self.verbs
        object.__setattr__(self, "stops", stops - self.first_names)

    def opens_a_sentence(self, word: str) -> bool:
        """Whether a line's first word begins a sentence or goes on with one,
        as no headline does: a function word (كما, بعد), a verb of saying
        (قال), or one after و or ف that real news writes at least half as
        often alone (وقال, ويتجنب, والفائز; not وفاة, وزير, فيسبوك)."""
        word = normalize(word)
        return word in STOPWORDS or word in self.verbs or self.goes_on(word)

    def goes_on(self, word: str) -> bool:
        """Whether a line's first word goes on with a sentence before it: one
        after و or ف that real news writes at least half as often alone
        (وقال, ويتجنب, والفائز, وتأتي; not وفاة, وزير, وافق)."""
        word = normalize(word)
        rest = word[1:]
        return word[:1] in "وف" and (
            rest.startswith("ال")
            or rest in self.verbs
            or 2 * self.counts.get(rest, 0) >= self.counts.get(word, 0)
        )

    @classmethod
    def load(cls):
        titles, long_titles = set(), {}
        kin = _lines("kin.txt")
        for title in _lines("titles.txt") + kin:
            words = _phrase(title)
            starts = {words[0], "ال" + words[0]} if not words[0].startswith("ال") else {words[0]}
            if len(words) == 1:
                titles |= starts
            else:
                for first in starts:
                    long_titles.setdefault(first, []).append((first, *words[1:]))
        heads, weak, outlets, not_by_quotes, by_quotes = set(), set(), set(), set(), set()
        for head in _lines("organisations.txt"):
            word = normalize(head.lstrip('~@!"'))
            forms = {word, "ال" + word}
            heads |= forms
            if head[0] in '~!"':
                weak |= forms
            if head[0] == "@":
                outlets |= forms
            elif head[0] == "!":
                not_by_quotes |= forms
            elif head[0] == '"':
                by_quotes |= forms
        not_names = frozenset(map(normalize, _lines("not-names.txt"))) | frozenset(STOPWORDS)
        given = {name: normalize(name) for name in _lines("first-names.txt")}
        share = {}
        for line in _lines("name-words.tsv"):
            word, value = line.split("\t")[:2]
            share[word] = float(value)
        with gzip.open(
            io.BytesIO(_DATA.joinpath("word-counts.tsv.gz").read_bytes()), "rt", encoding="utf-8"
        ) as rows:
            counts = {w: int(c) for w, c in (row.rstrip("\n").split("\t") for row in rows)}
        return cls(
            frozenset(titles),
            long_titles,
            frozenset(long_titles),
            frozenset(map(normalize, _lines("speech-verbs.txt"))),
            frozenset(heads),
            frozenset(weak),
            frozenset(outlets),
            frozenset(map(normalize, _lines("qualifiers.txt"))),
            frozenset(given.values()) - not_names,
            share,
            frozenset(
                ("=" if g.startswith("=") else "") + " ".join(_phrase(g.removeprefix("=")))
                for g in _lines("generic.txt")
            ),
            not_names,
            frozenset(map(normalize, _lines("gentilics.txt"))) | countries().adjectives,
            frozenset(map(normalize, ("بن", "ابن", "بنت", "آل", "أبو", "أبي", "أم", "عبد"))),
            frozenset(),
            frozenset(map(normalize, _lines("regions.txt"))),
            frozenset(normalize(w) for w in _lines("places.txt") if w[0] not in "+-*"),
            frozenset(map(key, _lines("seats.txt"))),
            counts,
            frozenset(map(normalize, kin)),
            frozenset(
                prefix + unmarked(name)
                for name, norm in given.items()
                if norm in not_names
                for prefix in _CLITIC_PREFIXES
            ),
            frozenset(given.values()),
            frozenset(normalize(w[1:]) for w in _lines("places.txt") if w[0] == "+"),
            frozenset(normalize(w[1:]) for w in _lines("places.txt") if w[0] == "-"),
            frozenset(not_by_quotes),
            frozenset(by_quotes),
            frozenset(normalize(w[1:]) for w in _lines("places.txt") if w[0] == "*"),
        )


@cache
def cues() -> Cues:
    return Cues.load()


class _Body(NamedTuple):
    """A body every state has that a text names from `start` to `end`;
    `office`, the words of the office of one of two ministries a dual names
    (وزارتي الصحة والتعليم: the first's الصحة), and `country`, whose they
    are where the dual's adjective says so (الأمريكيتين)."""

    number: int
    start: int
    end: int
    office: tuple[str, ...] = ()
    country: int | None = None


@dataclass
class Found:
    """An actor an article names: its name as shown, its kind, the forms the
    article writes it in."""

    name: str
    kind: str
    forms: list[str] = field(default_factory=list)


# A token is a tuple (written, normalised): zip makes them in C, hundreds an article.
SHOWN, NORM = 0, 1
_Token = tuple[str, str]


def _is_word(token: _Token) -> bool:
    """Letters, not a number or a mark."""
    return token[SHOWN][0].isalpha()


_NORMS: dict[str, str] = {"\n": "\n"}  # a written word -> its normalised form, once a process
_MOST_NORMS = 1_000_000


def _normalised(written: list[str]) -> tuple[str, ...]:
    """The normalised forms of written words (a tuple: the gazetteer compares
    its spellings' words with slices of it), each word normalised once a
    process, the new ones of a text in one call."""
    global _NORMS
    table = _NORMS  # this call's own, even if another thread starts a new one
    found = list(map(table.get, written))
    if None in found:
        if len(table) > _MOST_NORMS:  # more than any archive's vocabulary
            table = _NORMS = {"\n": "\n"}  # (a line break is no word to normalise)
            found = list(map(table.get, written))
        new = list(dict.fromkeys(compress(written, map(operator.not_, found))))
        table.update(zip(new, _normalize_each(new), strict=True))
        found = list(map(table.__getitem__, written))
    return tuple(found)  # type: ignore[arg-type]  # every None was filled


def _normalize_each(words: list[str]) -> list[str]:
    """normalize() of each word, in one call over them all: a line break
    bounds a word as the end of a text does, and no fold crosses it."""
    each = normalize("\n".join(words)).split("\n")
    return each if len(each) == len(words) else [normalize(word) for word in words]


def _read(text: str, roles: dict[str, int], names=None):
    """The tokens of `text` as (written, normalised) pairs, written without
    marks and each word normalised once a process (an archive's vocabulary is
    small beside its words; a fold that makes one character several, … into
    ..., stays inside its word); their normalised forms; (position, role) of
    the words `roles` gives a role to; and, given the native `names`, the
    names found by their shape as (start, end, organisation?) and the
    gazetteer's mentions as (position, size, owners), or None and None
    (Python reads the text, Recogniser._shapes and the gazetteer find them)."""
    analysis = native.analysis()
    read = analysis.read(text, roles, names) if analysis is not None else None
    if read is not None:
        return read if names is not None else read[:3]
    written = _TOKEN.findall(unmarked(text))
    norms = _normalised(written)
    read = list(zip(written, norms, strict=True)), norms, _roles(norms, roles)
    return (*read, None, None) if names is not None else read


def unmarked(text: str) -> str:
    """`text` without its marks (MARKS), a tatweel that lengthens no letter
    written "-", a hyphen between two letters written JOINER."""
    if _TATWEEL in text:
        text = _DASH.sub("-", _OTHER_MARKS.sub("", text))
    text = _MARKS.sub("", text)
    return _JOINED.sub(JOINER, text) if "-" in text else text


_NO_ROLES: dict[str, int] = {}


def tokens_of(text: str) -> list[_Token]:
    """The tokens of `text` as (written, normalised) pairs."""
    return _read(text, _NO_ROLES)[0]


# The kinds of body a name in Latin letters is the name of after them
# (`Recogniser._latin_bodies`): not شبكة (شبكة Wi-Fi), nor one with the
# article (الشركة iOS, "the company's iOS").
_NAMED_IN_LATIN_AFTER = frozenset(map(normalize, "شركة مجموعة مصرف بنك مؤسسة منظمة".split()))
_LATIN_HEADS = frozenset(  # those kinds as written, a clitic before them or not (وشركة, لشركة)
    prefix + head for head in _NAMED_IN_LATIN_AFTER for prefix in _CLITIC_PREFIXES
)
_GROUP = normalize("مجموعة")
_LATIN_OPENING = frozenset('("«“')
_LATIN_WORDS = 6  # the most words of a body's name in Latin letters
_LATIN_JOINERS = frozenset("&-‐‑–.'’")
_LATIN_ENDINGS = 3  # the most letters beside a full stop inside a name (Drive.ai, Co.Rusal)


def _latin_part(tokens, start, position) -> bool:
    """Whether the token at `position` goes on a name in Latin letters begun
    at `start`: a word or a number in them, or a mark that joins two (the &
    of AT&T, the - of Coca-Cola)."""
    shown = tokens[position][SHOWN]
    if shown.isascii() and shown.isalnum():
        return position > start or shown[0].isalpha()
    following = tokens[position + 1][SHOWN] if position + 1 < len(tokens) else ""
    return (
        shown in _LATIN_JOINERS
        and position > start
        and following.isascii()
        and following.isalnum()
        and (
            shown != "." or min(len(following), len(tokens[position - 1][SHOWN])) <= _LATIN_ENDINGS
        )  # (Drive.ai, United Co.Rusal; not Apple. Microsoft)
    )


def _counted(tokens, after) -> bool:
    """Whether the number before `after` counts the word after it (Romio 33
    موظفا, 200 مليون: its accusative or a word of counting; not Factor 5 إن)."""
    if after >= len(tokens) or not is_arabic(tokens[after][SHOWN]):
        return False
    word = tokens[after][NORM]
    return _in(word, _COUNTED) is not None or (
        word.endswith("ا") and cues().counts.get("ال" + word[:-1], 0) >= _DESCRIBING_WORD
    )  # (موظفا: الموظف; not هذا, إنها)


def _latin_name(tokens) -> str:
    """A name in Latin letters as written: a mark glued to its words (Coca-Cola,
    AT&T, H&M), but an & between longer words spaced (Procter & Gamble)."""
    shown = [t[SHOWN] for t in tokens]
    parts = [shown[0]]
    for at in range(1, len(shown)):
        mark = shown[at] if shown[at] in _LATIN_JOINERS else shown[at - 1]
        if mark not in _LATIN_JOINERS:
            parts.append(" ")  # two words
        elif mark == "&" and max(len(shown[at - 1]), len(shown[min(at + 1, len(shown) - 1)])) > 3:
            parts.append(" ")
        parts.append(shown[at])
    return "".join(parts).translate(_HYPHENS)


_HYPHENS = str.maketrans("‐‑–", "---")


@cache
def _indefinite_nations() -> frozenset:
    """The nations' adjectives of one word without the article (سعودي,
    كندية), as a description writes them after a noun."""
    return frozenset(a[2:] for a in countries().adjectives if a.startswith("ال"))


def _signature(texts) -> tuple[int, int, int] | None:
    """(text, start, end) of the name that signs a story: the body's last
    line, two to four words and nothing else, that the story writes nowhere
    else (France 24's «مها بن عبد العظيم», «طاهر هاني»): its writer, no
    actor of it; None where it ends otherwise."""
    if len(texts) < 2:
        return None
    body = texts[1]
    end = len(body)
    while end and body[end - 1][NORM] == "\n":
        end -= 1
    start = end
    while start and body[start - 1][NORM] != "\n":
        start -= 1
    if not start or not 2 <= end - start <= 4 or not all(map(_is_word, body[start:end])):
        return None
    before = start - 1  # the previous line's end: a sentence's, not a list's (:\nمحمد الخطيب\n)
    while before and body[before - 1][NORM] == "\n":
        before -= 1
    line = before
    while line and body[line - 1][NORM] != "\n":
        line -= 1
    if not before or body[before - 1][SHOWN] == ":" or before - line <= 4:
        return None
    name = [t[NORM] for t in body[start:end]]
    size = len(name)
    for tokens in texts[:2]:
        norms = [t[NORM] for t in tokens]
        last = len(norms) - size if tokens is not body else start - size
        if any(norms[at : at + size] == name for at in range(last + 1)):
            return None  # (a name the story tells of, and ends with)
    return 1, start, end


def _the_article(token: _Token) -> bool:
    """Whether a token is the article alone (ابن الـ 26 عاما)."""
    return token[SHOWN].rstrip("ـ") == "ال"


def _past_its_honorific(texts, span) -> tuple:
    """A person's span without the honorific it begins with (`_HONORIFICS`)
    where a name of two words or more follows it; the span as it is otherwise."""
    number, start, end, kind = span
    if kind == PERSON and end - start > 2 and texts[number][start][NORM] in _HONORIFICS:
        return number, start + 1, end, kind
    return span


def without_clitic(word: str) -> list[str]:
    """`word`, then what it is without a clitic before it: و or ف, then ب ل
    ك, each off a word of more than three letters (للأمم: الأمم)."""
    return word_forms(word, 3, names=False)


def inflected(token: _Token, counts, first=False) -> bool:
    """Whether a word wears what a name's word does not: a pronoun, a
    conjunction (but on the first word of a name: وبوتين), a verb's prefix,
    a preposition before a commoner word."""
    word = token[NORM]
    if not word:
        return True  # tatweel or marks alone
    if word.endswith(_PRONOUNS) or (
        token[SHOWN].endswith("ه")
        and len(word) >= 4
        and (_a_written_stem(word[:-1], counts) or (word[0] == "و" and len(word) >= 5))
    ):
        # A word with its pronoun: امتعاضه, يحثه, برأسه, وشاعريته (ة, not
        # ه, ends names; but زنغنه, a name written with ه: no زنغن is written).
        return True
    if word[:2] in _VERB_PREFIXES and counts.get(word[1:], 0) >= 3:
        return True  # سيزور, ليواجه: a verb of the present or to come
    # A conjunction or preposition before a commoner word: فيسدد, بتسجيل,
    # بالرياض (not فلاديمير, فرحات: no commoner word follows the letter).
    # After ب, ل, ك the word must be one: frequent, or written with the
    # article too (بتضحية); not a rare name's letters (برور, باكستر, كمارا).
    letters = "بلك" if first else "وفبلك"
    rest = word[1:]
    if word[0] not in letters or counts.get(rest, 0) <= counts.get(word, 0):
        return False
    return word[0] in "وف" or counts.get(rest, 0) >= _RARE // 4 or counts.get("ال" + rest, 0) > 0


def _a_written_stem(stem: str, counts) -> bool:
    """Whether the archive writes the word a pronoun was glued to, with the
    article or without: as it is (امتعاض), with its ة (صدارت: صدارة), its ى
    (ثرا: ثرى) or its plural's ن (فناني: فنانين), after a clitic or a
    verb's prefix or not (بغيتار: غيتار; يعذب: عذب)."""
    forms = [stem]
    if stem.endswith("ت"):
        forms.append(stem[:-1] + "ه")
    elif stem.endswith("ا"):
        forms.append(stem[:-1] + "ي")
    elif stem.endswith(("ي", "و")):
        forms.append(stem + "ن")
    if len(stem) > 3 and stem[0] in "وفبلكيتن":
        forms += [form[1:] for form in forms]
    return any(counts.get(form, 0) + counts.get("ال" + form, 0) > 0 for form in forms)


@lru_cache(maxsize=2**18)
def _in(word: str, wanted) -> str | None:
    """The form of `word`, itself or without its clitic, that `wanted` holds."""
    for form in without_clitic(word):
        if form in wanted:
            return form
    return None


_CUE, _START, _CONTEXT = 1, 2, 4
_ABD = "عبد"  # a name's first word, as a given name is (عبد الله)
_IN_FORMS = frozenset((_IN, "و" + _IN, "ف" + _IN))  # في, وفي, ففي
_UNIONS = frozenset(map(normalize, ("اتحاد", "الاتحاد")))  # a sport's, named after ل
# A head that before a known actor's name is what they run, no body of its
# own (إدارة ترامب, إدارة برشلونة: the administration, the club's board).
_MANAGEMENT = normalize("إدارة")
# Heads a leader's name after them makes his camp, no body's name (حزب
# ميركل, ائتلاف ميركل الحكومي, قوات حفتر, كتلة عون).
_CAMPS = frozenset(map(normalize, "حزب ائتلاف كتلة حركة قوات حكومة".split()))


def _roles(words, roles) -> list[tuple[int, int]]:
    """(position, role) of each word that has one (found in C over every word)."""
    found = list(map(roles.get, words))
    return [(i, found[i]) for i in compress(range(len(words)), found)]


@lru_cache(maxsize=2**16)
def key(name: str) -> str:
    """What two spellings of one name share: normalised words, a space after
    عبد and أبو or before الله or not (عبدالله, عبد الله; نصرالله, نصر الله)."""
    words = normalize(name).split()
    return (
        " ".join(words).replace("عبد ال", "عبدال").replace("ابو ", "ابو").replace(" الله", "الله")
    )


class Recogniser:
    def __init__(self, gazetteer: Gazetteer, lists: Cues | None = None):
        self.gazetteer = gazetteer
        self.cues = lists = lists or cues()
        # Every form a cue word is written in, a clitic before it or not: the
        # words a name or a body may begin after (most words of an article are none).
        self.cue_forms = (
            frozenset(
                prefix + word
                for word in {
                    *lists.titles,
                    *lists.long_titles,
                    *lists.heads,
                    *lists.verbs,
                    *lists.first_names,
                    *lists.gentilics,
                    *_WHOM_QUOTED,
                    normalize("عبد"),
                }
                for prefix in _CLITIC_PREFIXES
            )
            | frozenset(map(normalize, lists.written_given))  # checked as written
            | COMMAS  # a name in apposition after one
            | frozenset(
                prefix + "لل" + word[2:]
                for word in {*lists.titles, *lists.heads}
                if word.startswith("ال")
                for prefix in ("", "و", "ف")
            )
        )
        # The words of the gazetteer's people that are words of names, not its
        # titles (رئيس الحكومة يوسف الشاهد); those that may begin a name are
        # not common words too (الحوثي ends names, and is the name of a group).
        self.known_words = frozenset(
            word
            for word in gazetteer.person_words() - lists.stops - lists.not_names - lists.gentilics
            if not word.startswith("لل")  # للأمم: a body after its title
        )
        self.known_starts = frozenset(
            word
            for word in self.known_words
            if not (
                word.startswith("ال")
                and lists.counts.get(word, 0) >= _RARE * 10
                and lists.name_share.get(word, 0) < 0.25
            )
        )

        # What each word may begin: a cue of a name's shape (1), a gazetteer
        # spelling (2), a context phrase (4); one look-up a word of a text.
        starts, context_starts = gazetteer.starts()
        self._roles: dict[str, int] = {}
        for role, found in ((_CUE, self.cue_forms), (_START, starts), (_CONTEXT, context_starts)):
            for word in found:
                self._roles[word] = self._roles.get(word, 0) | role
        # The shape pass (_shapes and the methods it calls) and the
        # gazetteer's (_mentions) in Rust, rule for rule, where the module is built.
        self._native = native.names(
            self._shape_data(), {**gazetteer.spelling_data(), "start": _START}
        )

    def _shape_data(self) -> dict:
        """What the Rust shape pass reads: the lists, the constants of this module."""
        lists = self.cues
        return {
            **{
                name: getattr(lists, name)
                for name in (
                    "titles",
                    "long_titles",
                    "long_starts",
                    "verbs",
                    "heads",
                    "weak_heads",
                    "not_by_quotes",
                    "by_quotes",
                    "qualifiers",
                    "first_names",
                    "name_share",
                    "generic",
                    "not_names",
                    "gentilics",
                    "links",
                    "stops",
                    "regions",
                    "places",
                    "institutions",
                    "companies",
                    "contests",
                    "counts",
                )
            },
            "known_words": self.known_words,
            "known_starts": self.known_starts,
            "spellings": self.gazetteer.one_word_spellings(),
            "son_of": _SON_OF,
            "general": _GENERAL,
            "ordinals": _ORDINALS,
            "companies_heads": _COMPANIES,
            "glued_to_the": list(_GLUED_TO_THE),
            "of_no_nation": _OF_NO_NATION,
            "that": _THAT,
            "the_game": _THE_GAME,
            "said_marks": _SAID_MARKS,
            "places_kinds": _A_PLACES_KIND,
            "commas": COMMAS,
            "quotes": QUOTES,
            "pronouns": list(_PRONOUNS),
            "verb_prefixes": _VERB_PREFIXES,
            "of_the_present": _OF_THE_PRESENT,
            "whom_quoted": _WHOM_QUOTED,
            "god": _GOD,
            "of_gods_phrases": _OF_GODS_PHRASES,
            "nations": countries().adjectives,
            "of_names": _OF_NAMES,
            "chief": _CHIEF,
            "abd": _ABD,
            "management": _MANAGEMENT,
            "camps": _CAMPS,
            "leaders": self._leaders,
            "describing": _DESCRIBING,
            "no_adjective": _NO_ADJECTIVE,
            "ministries": _MINISTRIES,
            "a_league_too": _A_LEAGUE_TOO,
            "offices": set(self._offices),
            "ministry": _MINISTRY,
            "referring": _REFERRING,
            "abu_forms": ABU_FORMS,
            "kin": lists.kin,
            "written_given": lists.written_given,
            "rare": _RARE,
            "twins": _TWINS,
            "glued": _GLUED,
            "seldom": _SELDOM,
            "after_a_name": _AFTER_A_NAME,
            "named_for_a_place": _NAMED_FOR_A_PLACE,
            "of_a_places_name": _OF_A_PLACES_NAME,
            "inflections": list(_INFLECTIONS),
            "most_name_words": _MOST_NAME_WORDS,
            "most_org_words": _MOST_ORG_WORDS,
            "most_qualifiers": _MOST_QUALIFIERS,
            "with_article": _WITH_ARTICLE,
            "cue": _CUE,
        }

    def read(self, text: str):
        """The tokens of `text` as (written, normalised) pairs, their
        normalised forms, and (position, role) of the words that may begin
        a cue, a gazetteer spelling or a context phrase."""
        return _read(text, self._roles)

    # --- the words of names --------------------------------------------------

    def _known(self, word: str) -> bool:
        return word in self.known_words

    def _listed(self, word: str) -> bool:
        """Whether a word is a given name or one of a known name's words."""
        return word in self.cues.first_names or self._known(word)

    def _name_word(self, token: _Token, first=False) -> bool:
        """Whether a word may be one of a person's name (`first`: its first)."""
        word = token[NORM]
        cues = self.cues
        if token[SHOWN] in cues.written_given:
            return first  # a name's first word only (not محمد آن الأوان, "the time has come")
        if not _is_word(token) or len(word) < 2 or word in cues.not_names:
            return False
        if word in cues.first_names:
            return True
        if word in cues.gentilics or _in(word, cues.stops):
            return False  # a title, a body, a verb, with or without a clitic: كحارس, ومحامي
        if word in (self.known_starts if first else self.known_words):
            return True
        if first and (
            word.startswith("ال") or (word.startswith("وال") and word[1:] not in cues.first_names)
        ):
            # A name begins with ال only when the lists know it (الحبيب),
            # after و too (والخلوق; not وألكسندر).
            return False
        if self._verb_or_adverb(word, first) or (not first and self._a_participle(word)):
            return False  # (a first word a verb too: مرشح للانتخابات يحرج أردوغان)
        share = cues.name_share.get(word, 0)
        if share >= 0.5:
            return True  # a word used mostly in names: الحوثي, ترامب
        if inflected(token, cues.counts, first) or _definite_after_a_clitic(word, cues.counts):
            return False  # للتسميم: "for the poisoning", however often after سيرغي
        if share:
            return share >= (0.5 if first else 0.15)
        return cues.counts.get(word, 0) < _RARE

    def _verb_or_adverb(self, word: str, first=False) -> bool:
        """Whether a word after a name's first is a verb of the present
        (يفوز: ي before a noun) or of the past for "she" (تعاقدت: a noun
        and ت), or an adverb or a role (بديلا, رئيسا, يمينا: a noun and the
        accusative's ا), not a name's (يانكر, سيلفا, الشرفا, ماريا: no noun
        of the language, which the archive writes with the article too,
        without the letter); a `first` word, a verb of the present only
        (يحرج, يطارد: not أنثيا, دوريا, foreign given names the lists lack)."""
        if len(word) < 4 or word.startswith("ال"):
            return False  # (a given name never gets here: _name_word took it)
        if self._both_persons(word):
            return True
        cues = self.cues
        if len(word) >= 6 and word[0] in "يت" and word.endswith(("ون", "ان")):
            # يلعبون, يبحثان: a verb of the present for them, its singular
            # (يلعب) a word of the language, not a name's (توران, تايسون).
            single = word[:-2]
            return (
                cues.counts.get(single, 0) >= _RARE // 4
                and cues.name_share.get(single, 0) < 0.25
                and not self._listed(single)
            )
        nouns = []
        if word[0] == "ي":
            nouns.append(word[1:])
        # ت: a verb of the past for "she", its present written too (تعاقدت,
        # يتعاقد; not بيروت, هولت, فورت: no يبيرو, يهول).
        past = word[-1] == "ت" and cues.counts.get("ي" + word[:-1], 0) >= _RARE // 4
        if not first and (word[-1] == "ا" or past):
            nouns.append(word[:-1])
        return any(
            cues.counts.get(noun, 0) >= _RARE
            and cues.counts.get("ال" + noun, 0) >= _RARE // 4
            and cues.name_share.get(noun, 0) < 0.25
            and not self._listed(noun)
            for noun in nouns
        )

    def _a_participle(self, word: str) -> bool:
        """Whether a word after a name's first is a feminine participle or
        adjective of the pattern م…ة that the news writes with the article
        too, often (روز ماكغوان مدعية, لورا كينسبرغ محررة, تارا مراهقة:
        المدعية, المحررة), not a family name (منى مستورة, سفيان معمرية,
        أحمد مناصرة: never or seldom so); or a participle in the accusative,
        the state someone is in (وخرج صلاح متألما, وظهر كيم مبتهجا), however
        rare the word: of a verb of مت… (متألما, متفاءلا) or of م… with ت
        after the root's first letter (مبتهجا, مستبقا, مستغربا), or مفعول
        that the news write without the ا (مشغولا: مشغول, المشغول; not
        مندوزا); no vowel in the root's place (not ماتيلدا, عثمان متوليا),
        no word of a known name (دي مستورا)."""
        counts = self.cues.counts
        if len(word) < 5 or word[0] != "م":
            return False
        if word[-1] == "ه":
            return counts.get("ال" + word, 0) >= _RARE // 4
        if word[-1] != "ا" or len(word) not in (6, 7) or self._listed(word):
            return False
        stem = word[:-1]
        if stem[1] in "اوي" or stem[2] in "وي":  # (ا: a hamza, متألما)
            return False
        if "ت" in stem[1:3]:
            return True
        return (
            len(stem) == 5
            and stem[3] == "و"
            and counts.get(stem, 0) + counts.get("ال" + stem, 0) >= _SELDOM
        )

    def _both_persons(self, word: str) -> bool:
        """Whether a word is a verb of the present that real news writes for
        "he" and "she" alike (يغادر and تغادر, يشيد and تشيد), each often
        enough and neither far rarer, or the rarer seldom but the verb's
        future or plural too, never with the article, neither a name's word
        the lists know (يستقيل, تستقيل and سيستقيل; تنهزم, ينهزم and ينهزمون;
        not يونغ, تونغ and سيونغ, nor تيري, ييري and سيري): a name's word has
        no such twin (تاتوم beside ياتوم: no سياتوم), nor a noun's (تورو
        beside يورو, اليورو), or its twin is a given name (توري, يوري)."""
        if not word or word[0] not in "يت":
            return False
        twin = ("ت" if word[0] == "ي" else "ي") + word[1:]
        if twin in self.cues.first_names:
            return False
        counts = self.cues.counts
        mine, theirs = counts.get(word, 0), counts.get(twin, 0)
        least, most = min(mine, theirs), max(mine, theirs)
        if least >= _RARE // 4 and least >= _TWINS * most:
            return True
        if least < _SELDOM or most < _RARE // 4 or len(word) < 4:
            return False  # (ييل, تيل and ستيل: a name of three letters)
        if self._listed(word) or self._listed(twin):
            return False
        stem = word[1:]
        definite = ("ال" + word, "ال" + twin, "ال" + stem)
        other_forms = (
            *(p + stem for p in ("سي", "ست")),
            *(p + stem + s for p in "يت" for s in ("ون", "ان")),
        )
        return not any(map(counts.get, definite)) and any(map(counts.get, other_forms))

    def _linked_word(self, link: str, token: _Token) -> bool:
        """Whether the word after the link (بن, آل, أبو, عبد) is the name's:
        a name's word, or a title's after عبد (عبد الملك), or one that names
        carry too after another link (بن سلطان, آل الشيخ; not بن الرئيس)."""
        if self._name_word(token):
            return True
        word = token[NORM]
        return (
            _is_word(token)
            and word in self.cues.titles
            and (link == _ABD or self.cues.name_share.get(word, 0) > 0)
        )

    def _strong_name_word(self, token: _Token) -> bool:
        """A word that is a name beyond doubt: a known one (not a common word
        with the article that a known name's alias holds: الحكومة of «رئيس
        الحكومة يوسف الشاهد», so no «أيدي الحكومة», "the government's
        hands"), one used mostly in names, or a rare one."""
        word = token[NORM]
        if word in self.known_starts or self.cues.name_share.get(word, 0) >= 0.5:
            return True
        return self._name_word(token) and self.cues.counts.get(word, 0) < _RARE // 4

    def _name_size(self, tokens, start, first_name=False) -> int:
        """How many words from `start` make a person's name (0: none). With
        `first_name`, the first word is a given name, and one more word at
        least must follow it."""
        n = len(tokens)
        end = start
        first = tokens[start][NORM]
        if first in _SON_OF:
            return 0  # بن حسن: the end of another's name, not a name of its own
        listing = first_name and self._clitic_given_name(tokens[start])
        if listing:
            first, end = first[1:], start + 1  # وعثمان الجلولي: and a given name
        if (
            first_name
            and tokens[start][SHOWN].endswith("ه")
            and self.cues.counts.get(first[:-1], 0) >= _RARE
            and self._common_word(first)
            and not (start + 1 < n and self._known(tokens[start + 1][NORM]))
        ):
            # نادية written ناديه is نادي and a pronoun, "his club" (not عبدالله),
            # but before a known person's word (ناديه لطفي).
            return 0
        as_written = tokens[start][SHOWN] in self.cues.written_given
        if first_name and self._common_given(first) and not as_written:
            # A given name that is a common word too (رفيق, نعيم, خلف): a name
            # only before a word that is one beyond doubt, or what goes on
            # with a name (سيف بن مقدم البوعينين, سيف الله سايبوف; not آلان:
            # as written, a name).
            strong = start + 1 < n and self._strong_name_word(tokens[start + 1])
            if not (strong or self._name_goes_on(tokens, start + 1)):
                return 0
        while end < n and end - start < _MOST_NAME_WORDS:
            token = tokens[end]
            if token[NORM] == JOINER:
                # ستروس-كان, جونغ-أون: the next word is the name's, whatever it
                # is, but a definite one (the nations of السعودي-الأميركي).
                if end > start and end + 1 < n and self._joined_word(tokens[end + 1]):
                    end += 2
                    continue
                break
            if token[NORM] in self.cues.links:
                # بن, آل, أبو, عبد join the name to its next word, a title's
                # word too (خالد بن سلطان, عبد اللطيف آل الشيخ).
                if end + 1 < n and self._linked_word(token[NORM], tokens[end + 1]):
                    end += 2
                    continue
                break
            if end > start and self._before_god(tokens, end):
                end += 2  # الطاهر ضيف الله: a family's name, whatever ضيف alone is
                continue
            if not self._name_word(token, first=end == start):
                break
            if end > start and self._glued(tokens, end, end - start):
                break
            if listing and self._wears_wa(token[NORM]):
                break  # ومارتن وكويكي سانشيز: a list goes on, another person
            end += 1
        size = end - start
        if size == 3 and tokens[start + 1][NORM] == JOINER:
            return 0  # جان-كلود, يونج-جاي: given names alone, the family's not found
        return size if size >= (2 if first_name else 1) else 0

    def _before_god(self, tokens, at) -> bool:
        """Whether the word at `at` and الله after it are a name's (ضيف الله,
        خلف الله, شكر الله), a word the lists say ends a name alone (ضيف,
        "guest": حسين ضيف برنامج), none of a phrase of God's (توفيق من الله,
        "success from God"; مستجاب عند الله)."""
        word = tokens[at][NORM]
        return (
            at + 1 < len(tokens)
            and tokens[at + 1][NORM] == _GOD
            and word in self.cues.not_names
            and len(word) > 2
            and word not in _OF_GODS_PHRASES
            and _is_word(tokens[at])
        )

    def _joined_word(self, token: _Token) -> bool:
        """Whether a word a hyphen joins to a name is the name's: letters, no
        article, no nationality, no one-word name of a known actor (the two
        of قمة كيم-ترامب, ثلاثي صلاح-ماني-فيرمينو)."""
        word = token[NORM]
        return (
            _is_word(token)
            and not word.startswith("ال")
            and word not in self.cues.gentilics
            and word not in self._one_word_names
        )

    def _name_goes_on(self, tokens, at) -> bool:
        """Whether the word at `at` goes on with a name: the second word of a
        compound given name (سيف الله سايبوف, نور الدين), or بن, بنت or آل
        joining a name's word to it (سيف بن مقدم, سعيد آل علي; not ابن, as
        often a word of kin or of a place: ابن عم, ابن كتالونيا)."""
        if at >= len(tokens):
            return False
        word = tokens[at][NORM]
        if word in _COMPOUNDING:
            return True
        return at + 1 < len(tokens) and word in _JOINING and self._linked_word(word, tokens[at + 1])

    def _a_nationality(self, word: str) -> bool:
        """Whether a word is a nationality, or و or ف and one (والإيطالي; not
        بالروسية, "in Russian")."""
        gentilics = self.cues.gentilics
        return word in gentilics or (word[:1] in "وف" and word[1:] in gentilics)

    def _said_by_name(self, tokens, start) -> int:
        """2 where a given name and one word no list knows are all that stand
        between a verb of saying and what was said (وقال كيفن ستيل إن, قال
        رفعت جيتين، ): that word is the family name, however else the news
        read it (ستيل: steel); never a frequent word (مؤخرا, لوكالة), a day,
        a verb, a nationality, a title, a given name or a word after و, ل or
        ب (وزملاؤه, لرويترز)."""
        cues = self.cues
        after = start + 2
        if after >= len(tokens) or tokens[start][NORM] not in cues.first_names:
            return 0
        word, following = tokens[start + 1], tokens[after]
        if not (following[NORM] == _THAT or following[SHOWN] in _SAID_MARKS):
            return 0
        norm = word[NORM]
        if (
            not _is_word(word)
            or len(norm) < 3
            or cues.counts.get(norm, 0) >= _RARE * 5
            or norm.startswith("لل")  # للصحفين: to the journalists, however spelt
            or (norm[0] in "ولب" and cues.counts.get(norm[1:], 0) > 0)
            or norm in cues.not_names
            or norm in cues.first_names
            or norm in cues.gentilics
            or _in(norm, cues.stops)
            or _in(norm, cues.titles)
            or self._verb_or_adverb(norm)
            or self._both_persons(norm)
            or self._accusative_or_owned(norm)
        ):
            return 0
        return 2

    def _accusative_or_owned(self, word: str) -> bool:
        """Whether a word is a noun the news write bare or with the article,
        with the accusative's ا (مازحا: مازح) or a pronoun after its ة
        (نظريته: نظرية), no name's."""
        counts = self.cues.counts
        if word.endswith("ا"):
            base = word[:-1]
            return max(counts.get(base, 0), counts.get("ال" + base, 0)) >= _RARE // 4
        for pronoun in ("ته", "تهم"):
            if word.endswith(pronoun) and counts.get(word[: -len(pronoun)] + "ه", 0) >= _RARE // 4:
                return True
        return False

    def _unlisted_name_size(self, tokens, start, after_nationality=False) -> int:
        """How many words from `start`, after a verb of saying or a
        nationality, make a name no list knows a word of but a family name
        after the first (وقال أليسيو فيغالي إن, العداء الإثيوبي تاميرا مولا،,
        الإسباني فليسيانو لوبيز المدافع; the gazetteer's people are its to
        find, however spelt): two or three words in Arabic letters that are
        names beyond doubt, no noun of the language (وقعت مجموعتان عرقيتان),
        then what ends a phrase (`_ends_a_phrase`) or the end of the text;
        after a nationality, whatever follows (السويسرية تيميا بازنسكي
        بمجموعتين, البولندية أغنيشكا رادفانسكا المصنفة: what a nationality
        describes is a person or a thing, and two such words are no thing's)
        (0: none)."""
        n = len(tokens)
        end = start
        while end < n and end - start < 3:
            token = tokens[end]
            # أليسيو, ألفانو: a hamza's alef and ل, no article (its normalised
            # form looks one); a word with the article is no such name's
            # (القوات العراقية تطهر الحويجة).
            first = end == start and token[SHOWN][:2] not in ("أل", "إل")
            if not (
                is_arabic(token[SHOWN])
                and not token[SHOWN].startswith("ال")
                and not token[SHOWN].endswith("ة")  # a foreign name ends in ا: فيتاليا
                and (
                    not self._listed(token[NORM])
                    or (end > start and self._known_family_name(token[NORM]))
                )
                and token[NORM] not in self.cues.links
                and self._name_word(token, first=first)
                and self._strong_name_word(token)
                and not self._inflected_noun(token[NORM])
            ):
                break
            if end > start and self._glued(tokens, end, end - start):
                break
            end += 1
        if end - start < 2:
            return 0
        if end < n and not after_nationality and not self._ends_a_phrase(tokens[end]):
            return 0
        return end - start

    def _a_person_named(self, tokens) -> bool:
        """Whether the words of a gazetteer's mention name a person: its
        actor's type, where the spelling is one actor's (من بطولة دي كابريو,
        the film's star; مؤسسة, لواء begin bodies' names), else what it
        begins with, a given name or a title (الفنانة يسرا, الملك عبد الله)."""
        actor = self.gazetteer.actor(" ".join(token[SHOWN] for token in tokens))
        if actor is not None:
            return actor.type == PERSON
        first = tokens[0][NORM]
        cues = self.cues
        return first in cues.first_names or first in cues.links or first in cues.titles

    def _named_by_role(self, tokens, start, said=False) -> int:
        """How many words from `start`, after a verb of saying (`said`) or a
        nationality (البريطاني أندرو بايلي، محافظ البنك), make a name
        that a role after a comma confirms however common its words are
        (وقال نيل باسو، رئيس شرطة; وقالت ناز شاه، عضوة البرلمان; وقال مصطفى
        وزيري، الأمين العام): two or three words in Arabic letters, none
        with the article, nor one that ends a name or joins one, the first
        a given name or a word news seldom writes (not تعيين, زيارة: what
        the verb is of), and no verb (الألمانية تعتقل), but after a verb of
        saying one of the past may be a given name (قال فكرت أوزار، سفير),
        one of the present not (what is said); after a given name, a family
        name with the article that is a word too (وقال أسامة الصغير،
        الناطق; قالت علا العجيزي، رئيسة); 0 for none."""
        first = tokens[start] if start < len(tokens) else None
        if first is None:
            return 0
        seldom = max(self.cues.counts.get(f, 0) for f in without_clitic(first[NORM])) < 8 * _RARE
        if (
            first[NORM] not in self.cues.first_names
            and (
                not seldom
                or inflected(first, self.cues.counts, first=True)  # وصهره
                or (
                    self._verb_or_adverb(first[NORM])  # الألمانية تعتقل روبرت ستادلر،
                    and (not said or first[NORM][:1] in _OF_THE_PRESENT)
                )
            )
        ):
            return 0
        given = first[NORM] in self.cues.first_names
        n = len(tokens)
        end = start
        while (
            end < n
            and end - start < 3
            and (
                self._may_name(tokens[end], end > start)
                or (given and end == start + 1 and self._a_family_word(tokens[end]))
            )
        ):
            end += 1
            if end - start >= 2 and end + 1 < n and tokens[end][NORM] in COMMAS:
                role = tokens[end + 1][NORM]
                titled = (
                    _in(role, self.cues.titles)
                    or _in(role, self.cues.long_starts)
                    or (role in _CHIEF and end + 2 < n)  # كبير الاقتصاديين, كبيرة الباحثين
                )
                return end - start if titled else 0
        return 0

    def _a_family_word(self, token) -> bool:
        """Whether a word with the article may be a family's name after a
        given name (الصغير, الأزرق, العجيزي): in Arabic letters, the article
        written, no day, no "last" nor "new" (`not_names`), no title or
        kind of body (الوكيل, المدير, الشركة)."""
        word = token[NORM]
        return (
            is_arabic(token[SHOWN])
            and token[SHOWN].startswith("ال")
            and len(word) > 4
            and word not in self.cues.stops
            and word not in self.cues.not_names
        )

    def _named_before_a_role(self, tokens, role, covered) -> tuple[int, int]:
        """(start, end) of a name no list knows right before a role that says
        who they are, a comma between them or not (أصيب فاريبورز بيرجانديان،
        مدير إحدى الوكالات; دفع ذلك سلافيسا كوكيزا، رئيس الاتحاد): two or three
        words that are names beyond doubt (`_unlisted_name_size`), none a
        known name's (واستعار ماكرون: the gazetteer's), none after و (وارتطم
        غوميز; هيمنغواي وبروست, two), none a word the archive writes with
        the article (مستهتر يتوفى: المستهتر), the first no verb (يخبئ دياز);
        after `covered`, and after a word that is none, nor a body's kind or
        a title (شركة تراديشن إنرجي، مدير: the company's); (0, 0) for none."""
        end = role - 1 if role and tokens[role - 1][NORM] in COMMAS else role
        for size in (3, 2):
            start = end - size
            if start <= covered or self._unlisted_name_size(tokens, start) != size:
                continue
            first = tokens[start][NORM]
            if (
                self._wears_wa(first)
                or any(t[NORM].startswith("و") for t in tokens[start + 1 : end])
                or any(self.cues.counts.get("ال" + t[NORM], 0) for t in tokens[start:end])
                or self._verb_or_adverb(first)
                or any(
                    self._known(t[NORM]) or t[NORM] in self._one_word_names
                    for t in tokens[start:end]
                )
            ):
                return 0, 0
            before = tokens[start - 1] if start else None
            if before is not None and (
                self._strong_name_word(before)
                or _in(before[NORM], self.cues.heads)
                or _in(before[NORM], self.cues.titles)
            ):
                return 0, 0
            return start, end
        return 0, 0

    def _may_name(self, token, after_the_first=False) -> bool:
        """Whether a word may be a name's, where something else says it is
        one: no word with the article, but after the first one that only
        begins as ب or ك and the article do (مارسيلو بالفي، نائب الرئيس;
        ستيفاني بالمر، المتحدثة); not after it a spelling of the gazetteer
        that ل or ب is glued to (بابادوبولوس لترامب، مستشار; not بايلي: ب
        and إيلي)."""
        word = token[NORM]
        return (
            is_arabic(token[SHOWN])
            and not (self._definite(token) and not (after_the_first and word.startswith(_BAL)))
            and word not in self.cues.stops
            and word not in self.cues.not_names
            and word not in self.cues.links
            and not (after_the_first and word[:1] in "لب" and self.gazetteer.knows(word[1:]))
        )

    def _definite(self, token) -> bool:
        """Whether a word wears the article, a clitic before it or not
        (الأمين, للعالم, والإمارات; not بالمر, فالكاو, والتر: names)."""
        if token[SHOWN].startswith("ال"):
            return True
        word = token[NORM]
        if word[:1] in "وف":
            word = word[1:]
            if word.startswith("ال") and self.cues.counts.get(word, 0) > 0:
                return True
        return _definite_after_a_clitic(word, self.cues.counts)

    def _in_apposition(self, tokens, comma) -> int:
        """The size of a name no list knows between the comma at `comma`,
        after a word, and another (ونشرت المرأة المدعوة، شابارك شاجاريزاده،;
        الباحث لدى معهد واشنطن، سونر جاجابتاي،), no word of it joined by و
        (a list: ، زينزي وزيناني،), the first no word the archive writes with
        the article (، غريم رونالدو،: الغريم, "the rival"); 0 for none."""
        if not (comma and _is_word(tokens[comma - 1])):
            return 0
        size = self._unlisted_name_size(tokens, comma + 1)
        end = comma + 1 + size
        if not size or end >= len(tokens) or tokens[end][NORM] not in COMMAS:
            return 0
        first = tokens[comma + 1][NORM]
        if self.cues.counts.get("ال" + first, 0) and self._a_word(first):
            return 0
        return 0 if any(t[NORM].startswith("و") for t in tokens[comma + 1 : end]) else size

    def _known_family_name(self, word: str) -> bool:
        """Whether a word is a known name's that is no given name (لوبيز:
        فليسيانو لوبيز, an unknown given name before it)."""
        return self._known(word) and word not in self.cues.first_names

    def _inflected_noun(self, word: str) -> bool:
        """Whether a word is a noun or an adjective of the language, not a
        name: a feminine one written with the article too (متحابة; not
        شامي, مرزوقي: family names have it), or its stem is, before the
        accusative's ا or the feminine's ة (تفاوضيا: التفاوضي; متسامحة:
        المتسامح), a dual's or a plural's ending (حادثان, مديرون, روسيات:
        الحادث, المدير, الروسي; not أفين: الألف), or a feminine noun before
        the dual's (مجموعتان, ملقيتين: مجموعة)."""
        counts = self.cues.counts
        if word.endswith("ه") and counts.get("ال" + word, 0) > _WITH_ARTICLE * counts.get(word, 0):
            return True
        if word.endswith("و") and counts.get(word[:-1] + "ون", 0):
            return True  # مستشارو نتنياهو: a plural before whose (مستشارون)
        if word.endswith(("تان", "تين")) and counts.get(word[:-3] + "ه", 0) >= _RARE:
            return True
        for ending, least in _INFLECTIONS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) > 2 and counts.get("ال" + stem, 0) >= least:
                return True
        return False

    def _ends_a_phrase(self, token: _Token) -> bool:
        """Whether a token after a name ends its phrase: a mark or a number,
        a particle or a preposition (إن, في, على, أحد), or a title (وقال هينوك
        غابيسا الأستاذ في جامعة)."""
        word = token[NORM]
        return (
            not _is_word(token) or word in _AFTER_A_NAME or _in(word, self.cues.titles) is not None
        )

    def _glued(self, tokens, at: int, before: int) -> bool:
        """Whether the word at `at`, after `before` words of a name, is another
        word with a letter glued to it: a preposition or a conjunction before a
        hamza (بإسم, not the name باسم), و before a given name, or before a
        second whole name after a whole one (أيما واتسون | ونتالي بورتمان: two
        people); never a word the lists know (وليد, واتسون after أيما)."""
        shown, word = tokens[at]
        if len(shown) > 3 and shown[0] in "وفبلك" and shown[1] in "أإآ":
            return True
        if not self._wears_wa(word):
            return False
        if self._listed(word[1:]) or shown[1:] in self.cues.written_given:
            return True
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        return before >= 2 and following is not None and self._name_word(following)

    def _place(self, tokens, position, people=True, companies=True) -> bool:
        """Whether the name at `position` is a place's, a building's or a
        prize's, past a title or two before it (ستاد الأمير فيصل بن فهد, مطار
        الملك خالد, جائزة نوبل, ثانوية مارجوري ستونمان دوغلاس), with `people`
        an institution's too (مركز ألبرت أينشتاين), a company's with
        `companies` (شركة توماس كوك: not for a known name), else a contest's right
        after its word (بطولة الرابطة المحترفة الأولى), or one of them with the
        article and its adjectives (المستشفى الجامعي الحبيب بورقيبة, المستشفى
        الجهوي الحسين بوزيان; not «تفقد المستشفى وزير الصحة»): no mention of
        the person."""
        cues = self.cues

        def a_kind(word: str, contests=True) -> bool:
            if people:
                return (
                    word in cues.places
                    or word in cues.institutions
                    or (companies and word in cues.companies)
                )
            return word in cues.places or (contests and word in cues.contests)

        def an_adjective(word: str) -> bool:
            if not people:
                return False  # (المسجد المعني الاتحاد الإسلامي: the union runs it)
            # One whose stem the news seldom write alone (الجهوي, المحلي,
            # الأولمبي, الابتدائية), written without the article too (not
            # إلى), no kind of place nor title itself, nor a nation's or a
            # town's (الملعب القابسي, الملعب التونسي: clubs).
            bare = word[2:]
            return (
                len(bare) > 2
                and cues.counts.get(word, 0) >= _RARE
                and cues.counts.get(bare, 0) >= _RARE // 4
                and (word not in cues.gentilics or word in _OF_NO_NATION)
                and word not in _ORDINALS  # المركز الثاني محمد صلاح
                and not a_kind(bare)
                and word not in cues.titles
                and bare not in cues.titles
            )

        i = position - 1
        while i >= 0 and position - i <= 3:
            forms = without_clitic(tokens[i][NORM])
            if any(map(a_kind, forms)):
                return True  # (مؤسسة is a title too: مؤسسة فيسبوك, its founder)
            if cues.titles.isdisjoint(forms):
                break
            i -= 1
        if i < 0:
            return False
        head = i
        while head >= 0 and i - head < 2 and tokens[head][NORM].startswith("ال"):
            word = tokens[head][NORM]
            if not (word.endswith(("ي", "يه")) and (self._nisba(word) or an_adjective(word))):
                break  # (its ending first)
            head -= 1
        return (
            head < i
            and head >= 0
            and i == position - 1  # (زار المستشفى الجهوي الوزير محمد: he)
            and cues.titles.isdisjoint(without_clitic(tokens[position][NORM]))
            and any(
                f[:2] == "ال" and a_kind(f[2:], contests=False) and f[2:] not in _A_LEAGUE_TOO
                for f in without_clitic(tokens[head][NORM])
            )
        )

    def _for_a_purpose_after(self, tokens, start, rest, end) -> bool:
        """Whether the one word `rest` after a whole body's name from
        `start`, to `end`, is ل and a word of the language, then a particle:
        what the body did it for (دعا مجلس الأمن للتوصل إلى, دعت الحكومة مجلس
        نواب الشعب للمصادقة على), no more of its name; but a union's is its sport
        (الاتحاد الأوروبي للسباحة في, الاتحاد الأفريقي للملاكمة على) unless
        a verb's of more than three letters (سعى الاتحاد الأوروبي للتشدد في)."""
        noun = rest[0][NORM][2:] if len(rest) == 1 and rest[0][NORM].startswith("لل") else ""
        if _in(tokens[start][NORM], self.cues.heads) in _UNIONS and not (
            noun[:1] in ("ت", "ا") and len(noun) >= 4
        ):
            return False  # الاتحاد الأوروبي للسباحة: not للتشدد, للاستفادة
        return (
            noun != ""
            and not self._proper("ال" + noun)  # للجودو
            and end < len(tokens)
            and tokens[end][NORM] in self.cues.not_names
        )

    def _ends_in_a_name(self, words) -> bool:
        """Whether a body's name ends in a proper name, its nation after it
        or not (ميليشيات الحوثي الإيرانية, حركة حماس): what follows it is no
        more of it (not an adjective's: الاتحاد الأوروبي لكرة القدم). A
        company's trade after it is its parent's then: شركة سامسونغ
        للإلكترونيات is Samsung, شركة سابك للمغذيات الزراعية SABIC."""
        names = [
            t[NORM]
            for t in words[1:]
            if t[NORM] not in self.cues.gentilics and t[NORM] not in QUOTES
        ]
        return bool(names) and self._proper(names[-1])

    def _named_for(self, tokens, head, companies=True) -> bool:
        """Whether the body whose kind is at `head` is an institution named
        after a person, who follows: a given name or a name's link after it
        (مؤسسة محمد بن راشد آل مكتوم للمعرفة, معهد أبو القاسم الشابي), or
        with `companies` a company (شركة روبرت بوش, صحيفة ليز إيكو)."""
        following = tokens[head + 1][NORM] if head + 1 < len(tokens) else ""
        word = tokens[head][NORM]
        kind = _in(word, self.cues.institutions) or (companies and _in(word, self.cues.companies))
        return bool(kind) and (following in self.cues.first_names or following in self.cues.links)

    def _governs(self, tokens, position, spelling) -> bool:
        """Whether the one-word name of a body at `position`, `spelling`
        without its clitic, is a common word too (فتح, "opened"; حماس,
        "zeal") and the word here: it governs the noun after it, a definite
        one that is no adjective of relation (فتح الموضوع, not حماس
        الفلسطينية), one with its pronoun (فتح سفارتها), one after a
        demonstrative (فتح تلك الحسابات), or for a verb too, an indefinite
        noun (فتح تحقيق, فتح معبر رفح: `_a_noun`); a definite name
        is the word before an adjective of relation (القاعدة الجوية, the
        air base, not al-Qaeda; not a nationality: الأهلي المصري, but where
        the name is a title too: النجم الكرواتي, the Croatian star)."""
        if position + 1 >= len(tokens):
            return False
        following = tokens[position + 1][NORM]
        if spelling.startswith("ال"):
            if following in self.cues.gentilics:
                # A title and a nationality: النجم الكرواتي لوكا مودريتش is
                # a star, not النجم الساحلي (a club and its: الأهلي المصري).
                return spelling in self.cues.titles
            # The word and its adjective: القاعدة الجوية, القاعدة الانتخابية.
            return (
                following.startswith("ال")
                and following.endswith(("ي", "يه"))
                and following not in self.cues.not_names  # الذي, إلى
                and following not in self.cues.regions
            )
        if not self._a_word_too(spelling):
            return False
        if following in _DEMONSTRATIVES:
            return True  # فتح تلك الحسابات: the noun after a demonstrative
        if following.startswith("ال"):
            return following not in self.cues.gentilics and not self._nisba(following)
        if following.endswith(_PRONOUNS) and _is_word(tokens[position + 1]):
            return True
        # A verb too (فتح: يفتح) and the noun it governs, a place it opens or
        # the title of who opens it (فتح تونس, فتح رئيس باراغواي سفارة); a
        # noun's (حماس, zeal) indefinite word after it is a sentence's (باسم
        # حماس ضرورة; زار وفد حماس مصر).
        if self.cues.counts.get("ي" + spelling, 0) < _RARE:
            return False
        return (
            self._a_noun(tokens[position + 1])
            or countries().at([following], 0) is not None
            or _in(following, self.cues.titles) is not None
        )

    @cached_property
    def _offices(self) -> dict[str, set[tuple[str, ...]]]:
        """The normalised words of the offices of the ministries the
        gazetteer knows, but their country's adjective (الطوارئ, الحالات
        الطارئة), by their first word."""
        table = countries()
        found: dict[str, set[tuple[str, ...]]] = {}
        for actor in self.gazetteer.actors:
            for spelling in actor.aliases:
                words = tuple(normalize(spelling).split())
                if words[0] not in _MINISTRY:
                    continue
                for size in range(2, len(words)):
                    if table.at(words, size, names=False):
                        found.setdefault(words[1], set()).add(words[1:size])
                        break
        return found

    @cached_property
    def _leaders(self) -> frozenset[str]:
        """The one-word names that name one known person (ميركل, حفتر)."""
        return frozenset(
            normalize(spelling)
            for spelling, _ in self.gazetteer.people_spellings()
            if " " not in spelling.strip()
        )

    @cached_property
    def _one_word_names(self) -> frozenset[str]:
        return frozenset(self.gazetteer.one_word_spellings())

    def _a_noun(self, token: _Token) -> bool:
        """Whether a word is an indefinite noun of the language, one a verb
        or its noun governs (فتح تحقيق, فتح معبر رفح, فتح أبوابه): no
        function word, no name the lists know, no clitic before a commoner
        word, and one the archive writes with the article too, often
        (التحقيق, المعبر; a verb never is: فتح تستعد, حماس ترفض), or its
        pronoun (أبوابه: الأبواب)."""
        word = token[NORM]
        cues = self.cues
        if not _is_word(token) or len(word) < 3 or word in cues.not_names or self._listed(word):
            return False
        if word in self._one_word_names or word in cues.titles:
            return False
        if word[0] in "وفبلك" and cues.counts.get(word[1:], 0) > cues.counts.get(word, 0):
            return False  # وحماس, للفلسطينيين: a clitic before a word
        if token[SHOWN].endswith(("ه", "ا")) and len(word) >= 4:
            word = word[:-1]  # أبوابه, مكتبا: its noun, الأبواب, المكتب
        definite = cues.counts.get("ال" + word, 0)
        return definite >= _NOUN_WITH_ARTICLE and self._a_word(word)

    def _a_word_too(self, name: str) -> bool:
        """Whether a body's one-word name is a frequent word of the language
        too: the archive writes it with the article as well (الفتح, الحماس,
        الأمل), as it never writes a name (ليفربول, برشلونة, ميلان), however
        frequent."""
        return self.cues.counts.get(name, 0) >= 200 and self._a_word(name)

    def _of_its_own(self, word: str) -> bool:
        """Whether a word says a body is a part of another named elsewhere, or
        of a place or a sport the story is about: لل before a body's kind, a
        place's or «اللعبة» (المكتب السياسي للحركة, المجلس التنفيذي للإقليم,
        الاتحاد القاري للعبة)."""
        kind = "ال" + word[2:]
        return word == _THE_GAME or (
            word.startswith("لل") and (kind in self.cues.heads or kind in _A_PLACES_KIND)
        )

    def _for_a_purpose(self, word: str, following: str) -> bool:
        """Whether a word after a body's indefinite head says what the body
        is for: ل and the article (مركز للشرطة, إذاعة للتوعية), ل before a
        noun of the language, commoner than the word (لتصدير, لحراس; not
        لندن, لوفان, لايف: no nouns that take the article), or before a
        common verbal noun governing the next word (لمكافحة الفساد, لإنتاج
        الفحم: nouns seldom written with the article)."""
        if word[:2] == "لل":
            return True
        if word[:1] != "ل":
            return False
        counts, noun = self.cues.counts, word[1:]
        if counts.get(noun, 0) <= counts.get(word, 0):
            return False
        if following.startswith("ال") and counts.get(noun, 0) >= _RARE * 10:
            return True
        return counts.get("ال" + noun, 0) >= _RARE // 4 and self._a_word(noun)

    def _an_adjective(self, word: str, following: str) -> bool:
        """Whether a word after a body's indefinite head is an adjective of
        it: a common adjective of relation (رئيسي, however many are named
        رئيسي), not a noun governing the next word (نقابة موظفي الشرطة,
        وزارة خارجية كوريا)."""
        return (
            not word.startswith("ال")
            and not following.startswith("ال")
            and not (following and self._proper(following))
            and self.cues.counts.get(word, 0) >= _RARE * 5
            and self._nisba(word)
        )

    def _its_nation(self, word: str, following: str) -> bool:
        """Whether a word after a body's indefinite head is its nationality,
        no name after it: a body described, not named (بنك إماراتي, حزب كردي
        محظور, فتحت محكمة إنجليزية الباب: "an English court"); not شركة
        جيبوتي بورت, a name the country's begins."""
        return (
            "ال" + word in self.cues.gentilics
            and not word.startswith("ال")
            and not (following and self._proper(following))
        )

    def _a_word(self, word: str) -> bool:
        """Whether a word is one of the language, not a name: definite, or
        written with the article as well (a name never is: أناليتيكا)."""
        counts = self.cues.counts
        return word.startswith("ال") or (
            counts.get("ال" + word, 0) >= _WITH_ARTICLE * counts.get(word, 0)
        )

    def _with_a_pronoun(self, token: _Token, spelling: str) -> bool:
        """Whether a word written with a final ه is a one-word name the
        gazetteer writes with ة: a word and its pronoun (جمعه, "gathered
        him", for مهدي جمعة; عقيله, سلامه), not the name."""
        return token[SHOWN].endswith("ه") and self.gazetteer.ends_in_teh_marbuta(spelling)

    def _common_word(self, word: str) -> bool:
        """Whether a given name is a common word as often (رفيق, نعيم, كريم)."""
        return self.cues.counts.get(word, 0) >= 200 and self.cues.name_share.get(word, 0) < 0.25

    def _common_given(self, word: str) -> bool:
        """Whether a frequent given name is a word of the language too: one
        the news write with the article as well (كريم: الكريم; عمر: العمر),
        or one shaped as a verb of the present (يزيد, "increases"). Not
        ديفيد, مريم, هشام: the share of their uses after a title or a given
        name is low, as a given name's is, but no word is written so; nor
        ألكسندر, whose ال is no article: the news never write كسندر (as
        they write حبيب of الحبيب)."""
        if word.startswith("ال") and len(word) > 2:  # (not آل)
            counts = self.cues.counts
            return self._common_word(word) and (
                counts.get(word[2:], 0) >= _WITH_ARTICLE * counts.get(word, 0)
            )
        return self._common_word(word) and (self._a_word(word) or word[:1] in "يت")

    # --- people -------------------------------------------------------------

    def _after_title(self, tokens, position, bodies=None) -> tuple[int, int]:
        """(start, size) of the name a title at `position` introduces, past
        what qualifies the title (الروسي, الخارجية التركية, باسم الحكومة, a
        body: بمنظمة حظر الأسلحة الكيماوية) and one comma at most; (0, 0)
        when no name follows. The bodies passed are added to `bodies` as
        (start, size)."""
        n = len(tokens)
        i = max(position + 1, self._past_long_title(tokens, position))
        commas = 0
        while i < n and i - position <= _MOST_QUALIFIERS:
            token = tokens[i]
            if token[SHOWN] in COMMAS:
                commas += 1
                if commas > 1:
                    break
                i += 1
                continue
            if not _is_word(token) or commas:
                break
            norm = token[NORM]
            if _in(norm, self.cues.heads) and not self._name_word(token, first=True):
                size = self._organisation(tokens, i)
                if size and bodies is not None:
                    bodies.append((i, size))
                i += size or self._organisation_size(tokens, i)
                continue
            if (past := self._past_long_title(tokens, i)) > i:
                i = past  # العقيد أركان حرب: another title, of words
                continue
            if _in(norm, self.cues.titles):
                i += 1  # وزير الخارجية, نائب الرئيس, والزعيم
                continue
            if (
                norm in self.cues.qualifiers
                or norm in self.cues.gentilics
                or (self._wears_wa(norm) and norm[1:] in self.cues.gentilics)  # والأوكراني
                or norm.endswith(("ها", "هم", "هما"))
                or (norm.startswith(("ال", "لل")) and not self._name_word(token, first=True))
            ):
                i += 1  # الروسي, الخارجية, باسم, السابق, خارجيتها
                continue
            break
        if i >= n or self._coordinated(tokens[i][NORM]):
            return 0, 0
        if (
            _in(tokens[position][NORM], self.cues.kin)
            and i + 1 < n
            and tokens[i][NORM] in self._one_word_names
            and tokens[i][NORM] not in self.cues.first_names
            and tokens[i + 1][NORM] in self.cues.first_names
        ):
            # زوجة ترامب ميلانيا: his wife Melania, ترامب the gazetteer's
            # (not نجل محمد باقر الصدر: a given name first is the name's).
            i += 1
        return i, self._name_size(tokens, i)

    def _past_long_title(self, tokens, at) -> int:
        """Where a title of several words beginning at `at` ends (رئيس
        الوزراء, أركان حرب), or `at` where none begins there."""
        title = _in(tokens[at][NORM], self.cues.long_starts)
        for words in self.cues.long_titles.get(title or "", ()):
            if [t[NORM] for t in tokens[at + 1 : at + len(words)]] == list(words[1:]):
                return at + len(words)
        return at

    def _coordinated(self, word: str) -> bool:
        """Whether the word after a title and its qualifiers is joined to
        them by و, one more of them (كاتب ومطور بريطاني, الغناء والرقصات),
        not a name: و on a word the archive writes without it more often,
        that no list knows (وليد; وياسر الشهراني is a name)."""
        rest = word[1:]
        return (
            self._wears_wa(word)
            and not self._listed(rest)
            and self.cues.counts.get(rest, 0) > self.cues.counts.get(word, 0)
        )

    def _clitic_given_name(self, token: _Token) -> bool:
        """Whether a word is a clitic before a given name: و or ف (وعثمان,
        فمحمد, وآن), or ل, ب or ك before one that is no word of the
        language too (`_a_word`, `_common_given`: لجيمس تاركوفسكي,
        كفرانسوا ميتران; not بأسماء, بعمر, لأن, بأدوار, بسهام); no given
        name or known word itself (وليد, فيصل, لسعد), and no word of the
        language, which the archive writes more often than the name (وجود,
        لجان) or with the article (فعلي, actual: الفعلي)."""
        shown, word = token
        rest = word[1:]
        given = rest in self.cues.first_names or shown[1:] in self.cues.written_given
        if word[:1] not in "وفلبك" or not given or self._listed(word):
            return False
        counts = self.cues.counts
        if word[0] in "لبك" and (
            self._a_word(rest)
            or self._common_given(rest)
            or _GLUED * counts.get(word, 0) >= counts.get(rest, 0)
        ):
            # A given name the letter is glued to far less often than it
            # stands alone: not كليف, بليندا, بايلي (a name of its own).
            return False
        return counts.get(word, 0) < counts.get(rest, 0) and not counts.get("ال" + word, 0)

    def _wears_wa(self, word: str) -> bool:
        """Whether a word begins with و that may be the conjunction: no given
        name nor known word begins so (وليد, واتسون)."""
        return word[:1] == "و" and not self._listed(word)

    # --- organisations ------------------------------------------------------

    def _organisation_size(self, tokens, start) -> int:
        """How many words from `start`, the word that begins it (وزارة, حزب,
        نادي), make an organisation's name. After the head: the body's proper
        name (نادي برشلونة, شركة أبل) or a noun beginning a construct (منظمة حظر
        الأسلحة), then definite words (الدفاع اليمنية), words joined by و to
        them (العدالة والتنمية) or preceded by ل (للتراث)."""
        n = len(tokens)
        end = start + 1
        close = _quoted(tokens, end)
        if close:
            return close + 1 - start  # حزب "الجبهة الوطنية": the quoted name
        head = _in(tokens[start][NORM], self.cues.heads) or ""
        definite_head = head.startswith("ال")
        close = None if definite_head else _bracketed(tokens, end)
        if close and self._reads_as_a_name([t[NORM] for t in tokens[end + 1 : close]]):
            return close + 1 - start  # منظمة (صحفيون بلا حدود); not رابطة (يمين متطرف)
        of_a_place = head in _NAMED_FOR_A_PLACE
        proper = True  # a proper name may come next: right after the head or another one
        named = False  # one was taken: the body's name is no description of its work
        purpose = False  # one ل was taken: what the body is for (للتنمية, لرصد المخدرات)
        while end < n and end - start < _MOST_ORG_WORDS:
            token = tokens[end]
            if not _is_word(token):
                break
            norm = token[NORM]
            if (norm in _GENERAL or norm in _ORDINALS) and tokens[end - 1][NORM].startswith(
                ("ال", "لل")
            ):
                # An adjective here, not the year (لجنة التشريع العام), nor a
                # time (للمرة الثانية): the body's number (الدائرة الجنائية الثانية).
                end += 1
                proper = False
                continue
            if norm in self.cues.not_names or _in(norm, self.cues.verbs):
                break
            if norm in self.cues.first_names:
                break
            if _in(norm, self.cues.titles) and not (
                norm.startswith("ال")
                and self._nisba(norm)
                and not (end + 1 < n and tokens[end + 1][NORM] in self.cues.first_names)
            ):
                # A title, not an adjective (مركز الدراسات والشؤون الإعلامية);
                # before a given name, the title of the person named
                # (وزارة الداخلية | الصحفي أحمد منصور).
                break
            if norm.startswith("وال"):
                if _in(norm, self.cues.heads):
                    break  # مجلس الدولة | والمحكمة الإدارية العليا: another body
                previous = tokens[end - 1][NORM]
                # Joined right after the head's first word (العدالة والتنمية,
                # الأطباء والصيادلة) or inside a construct (للتربية والعلم);
                # further on, or after the body's own name, و begins another
                # body or phrase (هيئة تحرير الشام والمجموعات, جامعة أوهايو والمشارك).
                near = (
                    (end == start + 2 and not proper)
                    or previous.startswith("وال")
                    or self._to_a_word(previous)
                )
                if near and end > start + 1 and not self._nisba(previous):
                    end += 1
                    proper = False
                    continue
                if end > start + 1 and not named and self._more_of_its_work(tokens, start, end):
                    end += 1  # هيئة الإعلام المرئي والمسموع, وزارة الاتصال والاقتصاد الرقمي
                    proper = False
                    continue
                break
            if _in(norm, self.cues.not_names):
                break  # للمرة, للسنة
            if norm in _DESCRIBING and end > start + 1:
                break  # حزب الشعب الديمقراطي | المؤيد للأكراد: what it is said to be
            if definite_head and end == start + 1 and norm in _NO_ADJECTIVE:
                break  # وحثت المنظمة | السلطات السعودية: the verb's object
            if end > start + 1 and self._past_its_nation(tokens[end - 1][NORM], token):
                break  # ودعت وزارة الخارجية الأميركية | الرعايا: the verb's object
            if norm.startswith(("ال", "لل")):
                end += 1  # الدفاع اليمنية, للتراث
                proper = False
                purpose = purpose or norm.startswith("لل")
                continue
            following = tokens[end + 1][NORM] if end + 1 < n else ""
            if (
                norm.startswith("ل")
                and following.startswith("ال")
                and following not in self.cues.not_names  # لندن | التي, إلى
                and end > start + 1
            ):
                end += 2  # لكرة القدم, لصناعة الفونوغرامات
                proper = False
                purpose = True
                continue
            if purpose and self._more_of_its_purpose(norm, following):
                end += 2  # للتنمية وإعادة الإعمار, لرصد المخدرات ومكافحة الإدمان
                continue
            if (
                proper
                and not definite_head
                and not (
                    end > start + 1
                    and self._coordinated(norm)
                    and not self._a_word(tokens[end - 1][NORM])
                )
                and (
                    # After a place: another of its name's (نورث كارولاينا, باريس
                    # سوربون), no verb nor a word with a clitic (واشنطن طوروا).
                    self._bare_name(norm) and (self._proper(norm) or not self._a_word(norm))
                    if of_a_place and end > start + 1
                    else self._proper(norm) or (of_a_place and self._a_place_name(norm))
                )
            ):
                end += 1  # the body's own name: نادي برشلونة, شركة أبل, جامعة لندن
                named = True
                if end < n and tokens[end][NORM] in self.cues.gentilics:
                    following = tokens[end][NORM]
                    if of_a_place and following in _OF_A_PLACES_NAME:
                        end += 1  # جامعة فلوريدا الدولية, جامعة كارولينا الشمالية
                    break  # what describes it is not its name: نادي بولونيا | الإيطالي
                continue
            if (
                end == start + 1
                and not definite_head
                and following.startswith("ال")
                and not self._both_persons(norm)  # شركة تمتلكها الدولة
            ):
                end += 1  # a noun that begins a construct: منظمة حظر الأسلحة
                proper = False
                continue
            break
        return end - start

    def _more_of_its_work(self, tokens, start, at) -> bool:
        """Whether the word at `at`, و and a definite word, goes on the name of
        the body at `start` that says what it does (مركز الدراسات الإستراتيجية
        والدبلوماسية, لجنة الحريات الفردية والمساواة): not after a nationality
        (وزارة الخارجية الهولندية والمجتمع المدني), no body nor title (والاتحاد
        الروسي, والهيئات, والرئيس), no known name (والسبسي), no function word
        (والتي), no other ministry's office after a ministry's (وزارة الشؤون
        الدينية والمالية), and the phrase ends after it: a mark, a function
        word, an adjective of relation or another such word (والبرمجة والدرونز)."""
        cues = self.cues
        word, previous = tokens[at][NORM][1:], tokens[at - 1][NORM]
        if previous in cues.gentilics or previous in _ORDINALS or word in cues.not_names:
            return False
        if tokens[start][NORM].startswith("ال") and not any(
            t[NORM].startswith("ل") for t in tokens[start + 1 : at]
        ):
            return False  # المؤسسة الدينية والتيارات: a description (but النقابة الوطنية لأساتذة …)
        if self._known(word) or word in self._one_word_names:
            return False
        if word in self._offices and _in(tokens[start][NORM], _MINISTRY):
            return False
        if self._a_kind_or_title(word):
            return False
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        return (
            following is None
            or not _is_word(following)
            or following[NORM] in cues.not_names
            or following[NORM].startswith("وال")
            or self._nisba(following[NORM])
        )

    def _past_its_nation(self, previous: str, token) -> bool:
        """Whether a definite word after a nation's adjective is no more of
        the body's name: a noun (ودعت وزارة الخارجية الأميركية الرعايا:
        the verb's object; الشركة الأمريكية المنتجة, what it does), where an
        adjective of relation or another nation's goes on (الحزب المصري
        الديمقراطي الاجتماعي, الجمعية الطبية السورية الأمريكية), as do the
        adjectives of names (المحكمة البرازيلية العليا, مجلس الأعمال السعودي
        البريطاني المشترك: `_OF_NAMES`), or a name of its own (شركة التأمين
        الألمانية أليانز: its أ is no article)."""
        word = token[NORM]
        return (
            previous in countries().adjectives
            and token[SHOWN].startswith("ال")
            and word not in self.cues.gentilics
            and word not in _OF_NAMES
            and not word.endswith(("ي", "يه"))
            and not self._nisba(word)
        )

    def _more_of_its_purpose(self, word: str, following: str) -> bool:
        """Whether و, a noun and a definite word go on with what a body is
        for, after ل (البنك الأوروبي للتنمية وإعادة الإعمار, المركز الأوروبي
        لرصد المخدرات ومكافحة الإدمان, النقابة العامة للأطباء والصيادلة
        وأطباء الأسنان): a word of the language after the و, no body's kind
        nor its plural, title, given name, function word nor verb, no
        pronoun on it (وعلومها), a noun the news write with the article
        too (not وإحدى), and no body's kind after it (ومصالح الوزارة:
        another's)."""
        cues = self.cues
        noun = word[1:]
        if word[:1] != "و" or len(noun) < 3 or not following.startswith("ال"):
            return False
        if cues.counts.get(noun, 0) <= cues.counts.get(word, 0) or self._listed(noun):
            return False  # وفاء, وديع, وزير: the letter is the word's own
        if not cues.counts.get("ال" + noun, 0):
            return False  # وإحدى: no noun the news write with the article
        return not (
            noun in _MINISTRIES  # ووزارتي التعليم: two ministries more
            or self._a_kind_or_title(noun)
            or noun in cues.not_names
            or _in(noun, cues.verbs)
            or noun.endswith(("ها", "هم", "هما"))
            or following in cues.not_names
            or _in(following, cues.heads)
        )

    def _a_kind_or_title(self, word: str) -> bool:
        """Whether a word is a body's kind, in the singular or the plural
        (الهيئات: الهيئة; شركات), or a title: another body or person begins."""
        cues = self.cues
        body = word[:-2] + "ه" if word.endswith("ات") else word
        return bool(_in(word, cues.heads) or _in(body, cues.heads) or _in(word, cues.titles))

    def _to_a_word(self, word: str) -> bool:
        """Whether a word is ل before a word of the language (للتربية; لكرة,
        لصناعة: كرة or الكرة commoner), not a name beginning with the letter
        (لندن, ليدز)."""
        if word[:2] == "لل":
            return True
        counts, rest = self.cues.counts, word[1:]
        return word[:1] == "ل" and max(
            counts.get(rest, 0), counts.get("ال" + rest, 0)
        ) > counts.get(word, 0)

    def _named_body(self, tokens, start, size) -> tuple[int, int]:
        """(start, end) of the name of the body found at `start`: the body,
        or the name quoted after what it only says the body is (شركة الطاقة
        الإيطالية "إيني", or after a comma: شركة الاستشارات السياسية
        البريطانية، "كمبريدج أناليتيكا")."""
        opening = start + size + _comma(tokens, start + size)
        close = _quoted(tokens, opening)
        if close and self._described(tokens, start, size, opening, close):
            return opening + 1, close
        return start, start + size

    def _quoted_after_its_kind(self, tokens, start) -> tuple[int, int] | None:
        """(start, end) of a company's name quoted right after what kind of
        company it is, which names none (الشركة الروسية "زاروبزنفت", مجموعة
        "سي إن بي سي"; not المجموعة الرابعة "…", a contest's group), or None."""
        if _in(tokens[start][NORM], self.cues.heads) not in _COMPANIES:
            return None
        size = self._organisation_size(tokens, start)
        words = [t[NORM] for t in tokens[start : start + size]]
        if size < 2 or any(w in _ORDINALS for w in words):
            return None
        if " ".join(words[:2]) in self.cues.generic:
            return None  # (المجموعة الشمسية "exoplanet")
        opening = start + size + _comma(tokens, start + size)
        close = _quoted(tokens, opening)
        if not close:
            return None
        first = tokens[opening + 1][NORM]
        if first.startswith(_GLUED_TO_THE) or first in self.cues.first_names:
            # مجموعة السبع "بالثرثرة": a word; المدير التنفيذي لمجموعة …
            # "أليكسي كريفوروتشكو": he
            return None
        if not self._described(tokens, start, size, opening, close):
            return None
        return opening + 1, close

    def _described(self, tokens, start, size, opening, close) -> bool:
        """Whether the body at `start` only says what the name quoted from
        `opening` to `close` is (الشركة المشغلة لدور السينما "AMC", شركة الطاقة
        الإيطالية "إيني": a definite head, or a nationality last; a company's
        trade: شركة العلاقات العامة "ايدلمان"; حزب الوسط "داعش" is two), the
        name a proper one."""
        head = _in(tokens[start][NORM], self.cues.heads) or ""
        last = tokens[start + size - 1][NORM]
        trade = (
            head in _COMPANIES
            and last.startswith("ال")
            and not any(self._proper(t[NORM]) for t in tokens[start + 1 : start + size])
        )  # (not مجموعة كلاشنيكوف الروسية لصناعة الأسلحة: named)
        if not (head.startswith("ال") or last in self.cues.gentilics or trade):
            return False
        # Its words names, or one a name and the others no words of the
        # language (كمبريدج أناليتيكا; not a quoted verb: "يسهل").
        quoted = [t[NORM] for t in tokens[opening + 1 : close]]
        if any(word in self.cues.not_names for word in quoted):
            return False  # a quoted phrase: "لا يستثمر كثيرا"
        proper = [self._proper(word) for word in quoted]
        return any(proper) and all(
            p or not self._a_word(w) for p, w in zip(proper, quoted, strict=True)
        )

    def _nisba(self, word: str) -> bool:
        """Whether a word is an adjective of relation, a common word and ي or
        ية (الاقتصادية, الدولي), not a noun that only ends so (التربية, التنمية):
        و after it begins another phrase."""
        counts = self.cues.counts
        for form in without_clitic(word):
            stem = form[:-2] if form.endswith("يه") else form[:-1] if form.endswith("ي") else ""
            if len(stem) > 2:
                # The stem is a word of its own, not one rare beside it (التربة).
                stem_count = max(counts.get(stem, 0), counts.get(stem + "ه", 0))
                if stem_count >= max(_RARE, counts.get(form, 0) / 10):
                    return True
        return False

    def _a_place_name(self, word: str) -> bool:
        """Whether a word is a name, a place's most often, however often the
        news write it (لندن, أوكسفورد, طهران): never with the article (not
        خاصة, تركية: الخاصة), and a name of its own (`_bare_name`)."""
        return not self._a_word(word) and self._bare_name(word)

    def _bare_name(self, word: str) -> bool:
        """Whether a word may be a name as it is written: no given name, no
        word the lists end names with, no verb (تستضيف, كانوا, سيمثل), no
        feminine adjective (مانعة), no word with a pronoun, nor a clitic
        before a commoner word (بسبب, بجوهانسبرغ)."""
        cues, counts = self.cues, self.cues.counts
        return (
            len(word) >= 3
            and word not in cues.first_names
            and word not in cues.not_names
            and not _in(word, cues.stops)
            and not word.endswith(_PRONOUNS)
            and not (word.endswith("وا") and counts.get(word[:-2], 0) >= _RARE)
            and not (word[:2] in _VERB_PREFIXES and counts.get(word[2:], 0) >= _RARE)
            and not (word.endswith("ه") and self._inflected_noun(word))
            and not self._both_persons(word)
            and not self._verb_or_adverb(word)
            and not any(
                counts.get(form, 0) > counts.get(word, 0) for form in without_clitic(word)[1:]
            )
        )

    def _proper(self, word: str, strict=False) -> bool:
        """Whether a word is a proper name: a word of a known name, or used
        mostly in names, or a rare word (`strict`: a very rare one) of no
        adjective's shape nor a verb's: داعش, حماس, الحوثي, برشلونة."""
        bare = word[2:] if word.startswith("ال") else word
        if self._known(word) or self._known(bare) or self.gazetteer.knows(word):
            return True
        if self._both_persons(word):
            return False  # حزب ميركل يستقيل
        if self.cues.name_share.get(word, 0) >= 0.25:
            return True
        rare = _RARE // 4 if strict else _RARE
        return (
            len(word) >= 3
            and self.cues.counts.get(word, 0) < rare
            and not word.endswith(("يه", "يا"))
        )

    def _reads_as_a_name(self, quoted: list[str]) -> bool:
        """Whether the words quoted after a body's head read as its name
        (حركة "تحرير أزواد", جمعية "البوصلة", حزب "الليبراليون"), not as what
        the writer calls it (جماعة "متشددة", حركة "مقاومة", "سابقة خطيرة"):
        none a word that ends names, the first no head of its own (ائتلاف
        "مجلس شورى المجاهدين" is the council), no title nor given name (في
        الجماعة "علي يحيى شرف الدين" is a man); one word a definite or a very
        rare one of no adjective's shape (as after no quotes); of several, one
        definite, a proper name or no word of the language (معمل "بورتون
        داون")."""
        cues = self.cues
        first = quoted[0]
        if (
            any(word in cues.not_names for word in quoted)
            or _in(first, cues.heads)
            or _in(first, cues.titles)
            or first in cues.first_names
        ):
            return False
        if len(quoted) == 1 and not first.startswith("ال"):
            return self._proper(first, strict=True) and not self._nisba(first)  # حزب "وسطي"
        return any(
            word.startswith("ال")
            or ((self._proper(word) or not self._a_word(word)) and not self._told_to(word))
            for word in quoted
        )

    def _told_to(self, word: str) -> bool:
        """Whether a word is ل or ب before a known name: what a quoted
        description says of someone (جماعة "مؤيدة لترامب"), no name itself."""
        rest = word[1:]
        return word[:1] in "لب" and (self._known(rest) or self.gazetteer.knows(rest))

    def _named_in_quotes(self, words) -> bool:
        """Whether the words quoted after a head (`words`: the head, then
        them) are the body's name: after an indefinite head (a quoted word
        only describes التحالف "القذر") whose quoted complement names bodies
        (not تنظيم "مسيرات العودة": `not_by_quotes`), reading as a name."""
        head = words[0]
        return (
            not head.startswith("ال")
            and head not in self.cues.not_by_quotes
            and self._reads_as_a_name(words[1:])
        )

    def _named_after_weak_head(self, words, quoted: bool) -> bool:
        """Whether the words after a weak head (`words`: it, then them) name
        a body: a quoted name (`_named_in_quotes`), or a very rare word at
        once (حركة حماس; not حركة السلع), but after a head only a quoted name
        follows (معمل للبلاستيك: `by_quotes`)."""
        if quoted:
            return self._named_in_quotes(words)
        return words[0] not in self.cues.by_quotes and self._proper(words[1], strict=True)

    def _quoted_name(self, tokens) -> bool:
        """Whether a body found by its shape (`tokens`, from its head) is
        named by the name quoted right after its head, which makes it one
        named once (جمعية "البوصلة"); not an agency (وفقا لوكالة "إيلنا": a
        source, as an outlet is, unless named again), nor a body every
        state has (وزارة "الداخلية")."""
        head = _in(tokens[0][NORM], self.cues.heads)
        if head is None or head in _AGENCIES or len(tokens) < 4:
            return False
        if tokens[1][SHOWN] not in QUOTES or tokens[-1][SHOWN] not in QUOTES:
            return False
        words = [head, *(t[NORM] for t in tokens[2:-1])]
        return self._named_in_quotes(words) and not self._national_size(words, 0, len(words))

    def _organisation(self, tokens, start) -> int:
        """The size of a named organisation at `start` (0: none, or a generic
        body such as الحكومة التونسية or قوات الأمن)."""
        size = self._organisation_size(tokens, start)
        if size < 2:
            return 0
        rest = tokens[start + 1 : start + size]
        words = [tokens[start][NORM], *(t[NORM] for t in rest if t[SHOWN] not in _AROUND)]
        words[0] = _in(words[0], self.cues.heads) or words[0]
        quoted = rest[0][SHOWN] in _AROUND  # حركة "تحرير أزواد": what the writer says is a name
        if words[0] in self.cues.weak_heads and not self._named_after_weak_head(words, quoted):
            return 0  # حركة السلع, قوات الدفاع, جبهة الساحل: no name follows
        if (
            words[0] == _MANAGEMENT
            and not words[1].startswith("ال")
            and self.gazetteer.knows(words[1])
        ):
            # إدارة ترامب لإدامة الحصار: his administration, he the actor (not
            # إدارة التعاون الدولي, a department: a word of the language).
            return 0
        if words[0].startswith("ال") and (
            (words[1].startswith("ل") and not words[1].startswith("ال"))
            or words[1] in _REFERRING
            or (quoted and not self._reads_as_a_name(words[1:]))
        ):
            # Which body the story means, not its name: الشركة للتنمية
            # الاستراتيجية (نائب الرئيس للشركة), الشركة المنتجة للمسلسل, الحزب
            # "تتآكل نسبيا" (a quote of its own after it).
            return 0
        if words[0] in _CAMPS and words[1] in self._leaders:
            return 0  # حزب ماكرون, قوات حفتر: his camp, he the actor
        following = words[2] if len(words) > 2 else ""
        if not words[0].startswith("ال") and (
            self._for_a_purpose(words[1], following)
            or self._an_adjective(words[1], following)
            or self._its_nation(words[1], following)
        ):
            # شركة لتصدير الأسماك, أكاديمية لحراس المرمى: what it is for;
            # مركز رئيسي, صندوق مالي: what it is like; بنك إماراتي: whose
            return 0
        described = [w for w in words if w not in _ORDINALS]  # a number names nothing
        if words[0].startswith("ال") and not any(
            w in self.cues.regions
            or (w in self.cues.gentilics and len(described) > 2)
            or (w.startswith(("لل", "ل")) and not w.startswith("ال"))
            or self._proper(w)
            for w in words[1:]
            if not self._of_its_own(w)
        ):
            # الشركة العملاقة, الحزب اليميني المتطرف, المجلس المحلي, الشركة
            # الإسرائيلية, المكتب السياسي للحركة: a description, not a name
            # (الجامعة الملكية المغربية is one).
            return 0
        whole = " ".join(words)
        if (
            whole in self.cues.generic
            or "=" + whole in self.cues.generic
            or (" ".join(words[:2]) in self.cues.generic and not (quoted and len(words) > 3))
        ):
            return 0  # قوات "الأمن الخاصة" (but مركز "الأمن الأمريكي الجديد" is one)
        return size

    # --- an article ---------------------------------------------------------

    def actors(self, title: str, body: str, tags=(), home: str | None = None) -> list[Found]:
        """The actors named in an article's title, body and tags, in order of
        first mention; `home`, the country of a local outlet (its English
        name in countries.tsv), is the story's unless it names another. A
        hashtag's words are read as words (عبدربه منصور #هادي, لمجلس
        #التنسيق_السعودي_الإماراتي)."""
        texts, norms, roles, mentions = [], [], [], []
        spans = []  # (text, start, end, kind)
        for number, text in enumerate((title, body, *tags)):
            if "#" in text:
                text = _HASHTAG.sub(" ", text)  # (its _ parts words as a space does)
            tokens, normalised, found, *by_native = _read(text, self._roles, self._native)
            shapes, spellings = by_native or (None, None)  # (no native module: Python's)
            texts.append(tokens)
            norms.append(normalised)
            roles.append(found)
            mentions.append(spellings)
            if shapes is None:
                cues = [i for i, role in found if role & _CUE]
                spans += self._shapes(number, tokens, cues)
            else:  # found in Rust
                spans += [
                    (number, start, end, ORGANISATION if organisation else PERSON)
                    for start, end, organisation in shapes
                ]
        spans = [self._with_its_city(texts, span) for span in spans]
        spans = [self._past_its_particle(texts, self._from_its_given_name(texts, s)) for s in spans]
        starts = {(number, start) for number, start, _, _ in spans}
        spans = [kept for span in spans if (kept := self._through_its_links(texts, span, starts))]
        spans = [_past_its_honorific(texts, span) for span in spans]
        spans = [kept for span in spans if (kept := self._without_what_ends_it(texts, span))]
        spans = [
            span
            for span in spans
            if not (
                self._of_one_named_before(texts, span) or self._a_nations_kind_of_body(texts, span)
            )
        ]
        spans = [span for span in spans if not _credited(texts[span[0]], span[1])]
        spans = self._past_a_verb_of_a_name(texts, spans)
        spans = [span for span in spans if not self._a_description(texts, span)]
        spans = self._past_a_surname(texts, norms, mentions, spans)
        signed = _signature(texts)
        spans = [span for span in spans if not signed or (span[0], *span[1:3]) != signed]
        inside = {}  # (text, position) -> the span of a name found by its shape
        bodies: dict[int, set] = {}  # text -> the spans of organisations
        for number, start, end, kind in spans:
            for position in range(start, end):
                inside[(number, position)] = (start, end)
            if kind == ORGANISATION:
                bodies.setdefault(number, set()).add((start, end))

        def keep(number, position, size):
            if self._a_model(texts[number], position, size):
                return False  # طائرة بوينغ 737, إيرباص إيه 380: the aircraft, not its maker
            if _credited(texts[number], position):
                return False  # تقرير: ألكساندرا رونار (no هيرفي رونار)
            span = inside.get((number, position))
            if span and (span[0] < position or span[1] > position + size):
                if span in bodies.get(number, ()):
                    tokens = texts[number]
                    if position == span[0] + 1 and self._named_for(tokens, span[0], False):
                        return False  # معهد أبو القاسم الشابي: the poet's name, not him
                    if (
                        position == span[0] + 1
                        and size == 1
                        and self._a_person_named(tokens[position : position + size])
                        and self._place(tokens, position)
                    ):
                        # معهد غريفيث, مرصد غريفيث, شركة دورسي: a family name
                        # alone after an institution's or a company's kind is
                        # its name, not a mention of the person (إدارة ترامب,
                        # حكومة الشاهد are theirs: no such kind).
                        return False
                    # A body's own name after its kind (تنظيم داعش, وكالة "وفا",
                    # ميليشيات الحوثي الإيرانية), else a part of another body's
                    # name (الأمم المتحدة in مفوضية الأمم المتحدة السامية …).
                    rest = tokens[position + size : span[1]]
                    following = rest[0][NORM] if rest else "ال"
                    if position == span[0] and (
                        _new_phrase(following)
                        or not following.startswith(("ال", "لل"))
                        or self._ends_in_a_name(tokens[position : position + size])
                        or self._for_a_purpose_after(tokens, position, rest, span[1])
                    ):
                        # The name ends and a phrase of its own follows: أقر الاتحاد
                        # الأوروبي الحزمة, جماعة الحوثي لمحادثات, حزب الله والنظام,
                        # ميليشيات الحوثي للإفراج عن (not الاتحاد الأوروبي لكرة القدم).
                        return True
                    # What the rest says of it: its nation, what it is (حزب
                    # العمال الكردستاني الانفصالي); a company's, its trade too
                    # (شركة أرامكو النفطية السعودية is Aramco; not a party's
                    # creed: حزب الرابطة الإسلامية is no حزب الرابطة).
                    trade = _in(texts[number][span[0]][NORM], _OF_A_TRADE) is not None
                    return position <= span[0] + 2 and all(
                        t[NORM] in self.cues.gentilics
                        or t[NORM] in _DESCRIBING
                        or t[SHOWN] in _AROUND
                        or (trade and self._nisba(t[NORM]))
                        for t in rest
                    )
                # In a longer name: another person's (جيمس ماي, سعد بن نايف
                # السديري, معمر الإرياني), unless the name is whole and what
                # follows it only seemed a name (فلاديمير بوتين باشر), but
                # for a short one of another's (`_another_sons`).
                tokens = texts[number]
                if span[0] == position and size == 1 and self._whole_alone(tokens, position):
                    return True
                if self._two_people(tokens, span):
                    # A family name of one word, then another known person's
                    # whole name: two people (محامي ترامب مايكل كوهين).
                    return True
                if (position, position + size) == (span[0] + 1, span[1]) and self._glued_before(
                    tokens, span
                ):
                    return True  # رئيس مالي إبراهيم أبو بكر كيتا: he, after his country
                if span[0] != position:
                    return False
                return size > 1 and not self._another_sons(tokens, position, size, span[1])
            before = texts[number][position - 1] if position else None
            if size == 1 and _a_month(texts[number], position):
                return False  # أبريل نيسان, 10 نيسان 2018: the month, not the company
            if before is None:
                return True
            if size == 1 and a_kunya(before[SHOWN]):
                return False  # ناصر القوبري (أبو صلاح): a kunya, not محمد صلاح
            a_person = self._a_person_named(texts[number][position : position + size])
            if self._place(texts[number], position, people=a_person, companies=False):
                # ستاد الأمير فيصل بن فهد: a stadium, not the prince; مركز ألبرت
                # أينشتاين, مركز الملك عبد الله, not the physicist or the king
                # (مركز كابيتال إيكونوميكس is theirs); بطولة برشلونة, the
                # contest (من بطولة الفنانة يسرا is hers).
                return False
            if (
                size == 1
                and before[NORM] in self.cues.first_names
                and self._place(texts[number], position - 1, companies=False)
            ):
                return False  # المستشفى الجهوي محمود الماطري: the place's, not صخر الماطري
            definite = texts[number][position][NORM].startswith(("ال", "وال"))
            if size == 1 and before[SHOWN][0].isdigit() and not definite:
                return False  # 69.68 بنس: a sum of pence (not 16:00 الترجي الرياضي, a fixture)
            # وزير الخارجية التركية, وزيرا للخارجية: a minister's office, not the ministry.
            return not (
                texts[number][position][NORM].startswith(("ال", "لل"))
                and any(w in _MINISTER for w in without_clitic(before[NORM]))
            )

        positions = [  # where the gazetteer's spellings may begin, in a text Python read
            [i for i, role in found if role & _START] if spellings is None else []
            for found, spellings in zip(roles, mentions, strict=True)
        ]
        in_context = [[i for i, role in found if role & _CONTEXT] for found in roles]
        # Where a title names a person, a spelling that is a common word too is
        # the name (الرئيس العراقي الراحل صدام): its context may confirm it.
        titled = {(n, p) for n, s, e, kind in spans if kind == PERSON for p in range(s, e)}

        unknown_words: dict[str, set] | None = None

        def others(kind):
            """The first words of the names the article gives people (their
            given names, of names of two words or more) or bodies (of names
            of three words or more) of `kind` and the gazetteer does not know
            (صلاح قوش; التحالف اليمني لرصد انتهاكات حقوق الإنسان): a bare
            صلاح there is he as likely as محمد صلاح, a bare التحالف that body
            as likely as the Saudi-led coalition, whom only another spelling
            of theirs then confirms, not their context («المصري»; «اليمن»),
            where the known one's name does not begin with it too (مون جي-إن
            is مون جاي إن's own name cut at a hyphen)."""
            nonlocal unknown_words
            if unknown_words is None:
                unknown_words = {PERSON: set(), ORGANISATION: set()}
                for n, s, e, found in spans:
                    name = texts[n][s:e]
                    first = self.gazetteer.spelling(name[0][NORM])
                    if e - s < (2 if found == PERSON else 3):
                        continue  # (a body of two words often runs on: الاتحاد المعار)
                    if found == PERSON and first not in self.cues.first_names:
                        continue
                    if found == PERSON and name[1][NORM] in _COMPOUNDING:
                        continue  # صلاح الدين: another given name
                    if (
                        self.gazetteer.actor(" ".join((first, *(t[NORM] for t in name[1:]))))
                        is None
                    ):
                        unknown_words[found].add(first)  # (وعباس عراقجي: known, and no one else)
            return unknown_words[kind]

        def common(number, position, spelling, people=True, on_sight=False):
            """Whether a one-word spelling is here a word, or another's
            name, rather than its actor's (`Gazetteer.resolve`)."""
            if not people:  # a body's name that is a word too, or a city's
                return (
                    self._governs(texts[number], position, spelling)
                    or _the_city(texts[number], position, self.cues.gentilics)
                    or (not on_sight and spelling in others(ORGANISATION))
                )
            if (
                not on_sight
                and position
                and _kin_of_him(texts[number][position - 1], self.cues.kin)
                and not self.gazetteer.begins_a_name(spelling)
            ):
                # A relative's given name (نصر الله … ابنه هادي, "his son"):
                # not the family name of another the gazetteer knows (زوجته
                # ميلانيا is hers; نجل زيدان, "Zidane's son", names Zidane).
                return True
            if (number, position) in titled:
                return False
            if not on_sight and self._after_another_given_name(texts[number], position, spelling):
                return True
            if (
                not on_sight
                and spelling in others(PERSON)
                and not self.gazetteer.begins_a_name(spelling)
            ):
                return True
            counts = self.cues.counts
            written = norms[number][position]  # لصالح: commoner than صالح, another word
            if written[:1] in "وف" and written[1:] != spelling and written[1:].endswith(spelling):
                written = written[1:]  # ولصالح: as لصالح (not فانس, nor فكرتي: ف and كرتي)
            if position and texts[number][position - 1][NORM] in _IN_FORMS:
                # في صالح, "in favour of"; كان الله في عون; وفي الصدر, "and
                # in the chest": a name that is a word too is the word after
                # في (not «ثقته في ترامب»).
                if not on_sight or self._common_word(spelling):
                    return True
            # A name that names its person on sight (نيمار, used mostly alone)
            # is a word only as written here, never for being frequent.
            return (
                (not on_sight and self._common_word(spelling))
                or counts.get(written, 0) > counts.get(spelling, 0)
                or self._with_a_pronoun(texts[number][position], spelling)
            )

        def alone(number, position, size):
            span = inside.get((number, position))
            return not span or (span[0] == position and span[1] == position + size)

        def elsewhere(number, position, size, index):
            """Whether a nation's adjective right after the mention is not
            that of the body `index` is (الحزب الشيوعي الكوبي, الحرس الوطني
            الجزائري: not China's, not Tunisia's); not after a mention that
            ends in one (السد القطري الجزائري بغداد بونجاح: the player's)."""
            norm, end = norms[number], position + size
            adjectives = countries().adjectives
            if end >= len(norm) or norm[end] not in adjectives or norm[end - 1] in adjectives:
                return False
            nations = self._nations[index]
            found = countries().at(norm, end, names=False)
            return bool(nations) and found is not None and found[0] not in nations

        known = self.gazetteer.resolve(
            norms,
            keep,
            positions,
            in_context,
            common,
            mentions,
            lists=True,
            also_context=self._home_context(norms, home),
            alone=alone,
            elsewhere=elsewhere,
        )
        if signed:  # (a writer the gazetteer knows signs too)
            known = [m for m in known if (m[0], m[1], m[1] + m[2]) != signed]
        known += self._relatives(texts, known)
        latin = self._latin_bodies(texts, norms, known)
        known += [(n, p, size, index) for n, p, size, _, index in latin if index is not None]
        latin = [(n, p, size, name) for n, p, size, name, index in latin if index is None]
        listed, after_wa = self._next_in_a_list(texts, spans, known)
        return self._assemble(texts, norms, spans + listed, known, home, after_wa, latin)

    def _latin_bodies(self, texts, norms, known) -> list[tuple]:
        """Bodies named in Latin letters after their kind (شركة AT&T, مجموعة
        (LVMH), منظمة "Born Free", بنك HSBC), as (text, start, size, name,
        the gazetteer's actor of that English name or None); not a group of
        a draw (المجموعة H, المجموعة A1), nor a name the gazetteer's mentions
        hold already."""
        found: list[tuple] = []
        taken = None
        for number, tokens in enumerate(texts):
            if _LATIN_HEADS.isdisjoint(norms[number]):
                continue  # (most texts: one look at each word, in C)
            heads = [p for p, word in enumerate(norms[number][:-1]) if word in _LATIN_HEADS]
            for position in heads:
                start = position + 1
                if (
                    not tokens[start][SHOWN].isascii()
                    and tokens[start][SHOWN] not in _LATIN_OPENING
                ):
                    continue  # (شركة أرامكو: a name in Arabic letters, or none)
                head = _in(norms[number][position], _NAMED_IN_LATIN_AFTER)
                if tokens[start][SHOWN] in _LATIN_OPENING:
                    start += 1
                end = start
                while (
                    end < len(tokens)
                    and end - start < _LATIN_WORDS
                    and _latin_part(tokens, start, end)
                ):
                    end += 1
                while end > start and not tokens[end - 1][SHOWN][-1:].isalpha():
                    if tokens[end - 1][SHOWN].isdigit() and not _counted(tokens, end):
                        break  # Game Power 7, Factor 5 (not Romio 33 موظفا: how many)
                    end -= 1  # (AT&T. : not its full stop)
                if taken is None:
                    taken = {(n, p) for n, at, size, _ in known for p in range(at, at + size)}
                if end == start or any((number, p) in taken for p in range(start, end)):
                    continue
                name = _latin_name(tokens[start:end])
                compact = name.replace(" ", "")
                if len(compact) <= 2 and (
                    head == _GROUP or len(compact) < 2 or not compact.isalpha()
                ):
                    continue  # المجموعة H, المجموعة A1 (شركة BP, بنك BB are theirs)
                actor = self.gazetteer.named(name) or self.gazetteer.named(
                    " ".join(t[SHOWN] for t in tokens[start:end])
                )
                index = None
                if actor is not None:
                    if actor.type not in (ORGANISATION, MEDIUM):
                        continue  # (a person's English name after شركة: his company)
                    index = self.gazetteer.index(actor)
                found.append((number, start, end - start, name, index))
        return found

    def _next_in_a_list(self, texts, spans, known) -> tuple[list[tuple], set[tuple]]:
        """Names no list knows that a list of people goes on with after a
        person's (ناتالي بورتمان وميريل ستريب, غاري نيفيل وريو فيرديناند,
        هانتر ماغراي وإيبوني ديفيز و روبين لاولي): a comma or not, و glued to
        the first word or alone, then two or three words that are names beyond doubt
        (`_unlisted_name_size`; not وزير روسي: و is no clitic of a frequent
        word), as (text, start, end, PERSON) spans, and the (text, start)
        of those whose first word wears the و."""
        actors, counts = self.gazetteer.actors, self.cues.counts
        taken = {(n, p) for n, start, end, _ in spans for p in range(start, end)}
        taken |= {(n, p) for n, start, size, _ in known for p in range(start, start + size)}
        ends = [(n, end) for n, _, end, kind in spans if kind == PERSON]
        ends += [(n, start + size) for n, start, size, i in known if actors[i].type == PERSON]
        found, after_wa = [], set()
        while ends:
            number, at = ends.pop()
            tokens = texts[number]
            if at + 2 < len(tokens) and tokens[at][NORM] in COMMAS:
                at += 1  # ماريا بوتينا، وألكسندر تورشين
            if at + 1 >= len(tokens) or (number, at) in taken:
                continue
            shown, word = tokens[at]
            if shown == "و":
                first, start = tokens[at + 1], at + 1  # و روبين لاولي
            elif (
                shown[:1] == "و"
                and len(word) > 3
                and self._wears_wa(word)
                and counts.get(word, 0) < _RARE // 4
            ):
                first, start = (shown[1:], word[1:]), at  # وميريل ستريب
            else:
                continue
            window = [first]
            for token in tokens[start + 1 : start + 3]:
                if self._wears_wa(token[NORM]):
                    break  # وزفونيمير: the list goes on, another person
                window.append(token)
            if first[NORM] in self.cues.first_names:
                size = self._name_size(window, 0, first_name=True)
            else:
                size = self._unlisted_name_size(window, 0, after_nationality=True)
            end = start + size
            if size and not any((number, p) in taken for p in range(at, end)):
                found.append((number, start, end, PERSON))
                if start == at:
                    after_wa.add((number, start))
                taken.update((number, p) for p in range(at, end))
                ends.append((number, end))
        return found, after_wa

    def _relatives(self, texts, known) -> list[tuple]:
        """Mentions of a known person's relative by a given name after a word
        of kin right after that person (سيرغي سكريبال وابنته يوليا, باراك
        أوباما وزوجته ميشيل): the gazetteer's person of that given name and
        the family name, as (text, position, 1, actor index)."""
        actors = self.gazetteer.actors
        taken = {
            (number, p) for number, start, size, _ in known for p in range(start, start + size)
        }
        found = []
        for number, position, size, index in known:
            tokens, end = texts[number], position + size
            if actors[index].type != PERSON or end + 1 >= len(tokens):
                continue
            kin, given = tokens[end], tokens[end + 1]
            if kin[NORM][:1] in "وف" and kin[NORM] not in self.cues.kin:
                kin = (kin[SHOWN][1:], kin[NORM][1:])  # وابنته
            if (
                not _kin_of_him(kin, self.cues.kin)
                or given[NORM] not in self.cues.first_names
                or (number, end + 1) in taken
            ):
                continue
            person = actors[index]
            for family in dict.fromkeys((tokens[end - 1][SHOWN], person.name.split()[-1])):
                relative = self.gazetteer.actor(f"{given[SHOWN]} {family}")
                if relative is not None and relative.type == PERSON and relative is not person:
                    found.append((number, end + 1, 1, actors.index(relative)))
                    break
        return found

    @cached_property
    def _nations(self) -> list[frozenset]:
        """The countries each body of the gazetteer is of, as its name
        names them or their cities (الحزب الشيوعي الصيني: China; ريال
        مدريد: Spain); none for a person, or a body whose name does not say
        (حزب الله الإيراني is حزب الله, "Iran's")."""
        table = countries()
        found = []
        for actor in self.gazetteer.actors:
            norm = normalize(actor.name).split() if actor.type != PERSON else []
            found.append(frozenset(hit[0] for p in range(len(norm)) if (hit := table.at(norm, p))))
        return found

    @staticmethod
    def _home_context(norms, home):
        """A local outlet's country as context its story need not write (the
        Tunisian radio's domestic news that never says تونس: الحرس الوطني,
        النهضة), where the story names another country once at most (not
        «الحرس الوطني الأمريكي» in a story of America's): a function giving its
        names and adjectives (not its cities: سوسة would confirm Étoile du
        Sahel's النجم, "the star"), which confirm organisations only
        (`Gazetteer.resolve`; «الشاهد» is as often a witness)."""
        if home is None:
            return None

        def phrases():
            table = countries()
            index = table.index(home)
            if index is None:
                return ()
            counts = table.counted(norms)
            if counts.total() - counts[index] > _ABROAD_AT_HOME:
                return ()
            return table.countries[index].own

        return phrases

    def _shapes(self, number, tokens, positions):
        """(text, start, end, kind) of the names found by their shape, from
        the positions of the words that may cue one."""
        cues = self.cues
        found = []
        covered = -1
        for i in positions:
            token = tokens[i]
            if i <= covered:
                continue
            norm = token[NORM]
            if norm in COMMAS:
                end = i + 1 + self._in_apposition(tokens, i)
                if end > i + 1:
                    found.append((number, i + 1, end, PERSON))
                    covered = end - 1
                continue
            if _in(norm, cues.heads):
                size = self._organisation(tokens, i)
                if size and self._place(tokens, i, people=False):
                    covered = i + size - 1  # كأس الرابطة الإنجليزية: the contest's name
                    continue
                if size:
                    start, end = self._named_body(tokens, i, size)
                    found.append((number, start, end, ORGANISATION))
                    covered = end - 1
                    continue
                quoted = self._quoted_after_its_kind(tokens, i)
                if quoted:
                    found.append((number, *quoted, ORGANISATION))  # الشركة الروسية "زاروبزنفت"
                    covered = quoted[1] - 1
                    continue
            if _in(norm, cues.titles) or _in(norm, cues.long_starts):
                start, end = self._named_before_a_role(tokens, i, covered)
                if end:
                    found.append((number, start, end, PERSON))  # فاريبورز بيرجانديان، مدير
                bodies = []
                start, size = self._after_title(tokens, i, bodies)
                for body, length in bodies:
                    span = self._named_body(tokens, body, length)
                    found.append((number, *span, ORGANISATION))
                    covered = max(covered, span[1] - 1)  # once (المتحدث باسم شركة …)
                if size:
                    if start == i + 1 and self._named_for(tokens, i):
                        # مؤسسة نيلسون مانديلا: a body named after him (مؤسسة is a title too)
                        found.append((number, i, start + size, ORGANISATION))
                    elif not (
                        self._place(tokens, i) or (start == i + 1 and self._place(tokens, start))
                    ):  # (not مدير المستشفى الجامعي أحمد الخطيب: its director)
                        found.append((number, start, start + size, PERSON))
                    covered = start + size - 1
                continue
            if _in(norm, _WHOM_QUOTED):
                # نقلت الوكالة عن بيسا أريفي، البروفسور: a role confirms a
                # name, of words the news seldom write (not عن تحد جديد، ومدير).
                size = self._named_by_role(tokens, i + 1, said=True)
                if size and all(
                    self._listed(token[NORM]) or self.cues.counts.get(token[NORM], 0) < 8 * _RARE
                    for token in tokens[i + 2 : i + 1 + size]
                ):
                    found.append((number, i + 1, i + 1 + size, PERSON))
                    covered = i + size
                continue
            said = _in(norm, cues.verbs)
            if said or self._a_nationality(norm):
                # وقال محمد العبيدي إن; وقال أليسيو فيغالي، ; العداء الإثيوبي تاميرا مولا في
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is None:
                    continue
                if nxt[NORM] in cues.first_names or nxt[NORM] in cues.links:
                    size = self._name_size(tokens, i + 1, first_name=True)
                else:
                    size = self._unlisted_name_size(tokens, i + 1, not said)
                size = size or self._named_by_role(tokens, i + 1, said)
                size = size or (said and self._said_by_name(tokens, i + 1))
                if size:
                    if said or norm not in _OF_NO_NATION or not self._place(tokens, i + 1):
                        found.append((number, i + 1, i + 1 + size, PERSON))
                    covered = i + size  # (المستشفى المحلي حسان بلخوجة: the hospital's)
                continue
            if (
                norm in cues.first_names
                or norm == _ABD
                or self._clitic_given_name(token)
                or token[SHOWN] in cues.written_given
            ):
                size = self._name_size(tokens, i, first_name=True)
                start = i
                if size and norm in cues.first_names and i - 1 > covered:
                    if tokens[i - 1][NORM] in ABU_FORMS:  # أبو بكر البغدادي, not بكر البغدادي
                        start, size = i - 1, size + 1
                if size:
                    if start > covered + 1 and self._named_for(tokens, start - 1):
                        # مركز ألبرت أينشتاين: a body named after him
                        found.append((number, start - 1, start + size, ORGANISATION))
                    elif not self._place(tokens, start):
                        found.append((number, start, start + size, PERSON))
                    covered = start + size - 1
        return found

    def _assemble(self, texts, norms, spans, known, home=None, after_wa=frozenset(), latin=()):
        """The actors of the gazetteer's mentions and of the spans, each once:
        short forms joined to the full name the article gives, outlets kept
        only where the article makes them act; a span at a (text, start) of
        `after_wa` begins with the و of a list (وميريل ستريب); `latin`, the
        bodies named in Latin letters no list knows (`_latin_bodies`)."""
        gazetteer = self.gazetteer
        by_key: dict[str, Found] = {}
        first: dict[str, tuple] = {}  # key -> (text, position) of its first mention
        mentions: dict[str, int] = {}
        in_title: set[str] = set()
        claimed = {}  # (text, position) of the words of a known actor's mention -> its kind
        its_story: set[str] = set()  # outlets the story is of: its interview, its closure
        ended: dict[tuple, str] = {}  # (text, position after a mention) -> its key

        def add(name, kind, form, number, position):
            name_key = key(name)
            found = by_key.get(name_key)
            if found is None:
                found = by_key[name_key] = Found(name, kind)
                first[name_key] = (number, position)
            if form not in found.forms:
                found.forms.append(form)
            ended[(number, position + len(form.split()))] = name_key
            if kind == MEDIUM and _interviewed_by(texts[number], position, self.cues.outlets):
                its_story.add(name_key)  # في مقابلة مع "سي إن إن": the story's own
            if kind == MEDIUM and _done_to(texts[number], position, self.cues.outlets):
                its_story.add(name_key)  # إغلاق قناة الجزيرة: what befalls it
            if kind == MEDIUM and _a_company(texts[number], position, form):
                its_story.add(name_key)  # شركة فيسبوك: the company, no platform used
            if number and kind == MEDIUM and self._source(texts[number], position, form):
                return  # نقلت وكالة الأنباء, لصحيفة, بحسب قناة: where the news came from
            if kind == MEDIUM and _on_a_platform(texts[number], position):
                return  # انتقاده الحكومة على تويتر: the medium used, in a title too
            if name_key in self.cues.seats and _at_a_place(texts[number], position, form):
                return  # في البيت الأبيض, زار الكرملين: the place, not the power
            if kind == MEDIUM and position > 1 and texts[number][position - 1][SHOWN] == "(":
                if ended.get((number, position - 1)) == name_key:
                    return  # وكالة الأنباء السعودية (واس): one mention, its acronym after it
            mentions[name_key] = mentions.get(name_key, 0) + 1
            if number == 0:
                in_title.add(name_key)

        known_keys = {key(gazetteer.actors[index].name) for *_, index in known}
        actors_keys = set(known_keys)  # the names of the gazetteer's actors found
        for number, position, size, index in known:
            actor = gazetteer.actors[index]
            words = texts[number][position : position + size]
            claimed.update(((number, p), actor.type) for p in range(position, position + size))
            if actor.type != IGNORE:
                add(actor.name, actor.type, self._shown(words), number, position)
        for number, position, size, name in latin:
            claimed.update(((number, p), ORGANISATION) for p in range(position, position + size))
            add(name, ORGANISATION, name, number, position)  # (a span of its words: this name)

        bodies_known = {
            (number, position): gazetteer.actors[index]
            for number, position, _, index in known
            if gazetteer.actors[index].type == ORGANISATION  # not an outlet it speaks to
        }
        short, national = [], []
        # Bodies a name of two words names however seldom the story does: a
        # nation's adjective follows (جمعية تاندا الإيفوارية), or the name is
        # quoted after the head (حزب "الليبراليون").
        surely_bodies = {key(name) for *_, name in latin}  # (شركة AT&T)
        for number, start, end, kind in spans:
            if any((number, p) in claimed for p in range(start, end)):
                continue  # a name the gazetteer knows: its own name is shown
            if kind == ORGANISATION and self._describes(
                texts[number], start, end, number, bodies_known
            ):
                continue  # شركة النفط الفرنسية العملاقة "توتال": what Total is
            words = texts[number][start:end]
            if kind == PERSON and _a_works_title(texts[number], start, self.cues.places):
                continue  # فيلم "بييرو المجنون", رواية "أحلام ضائعة": a work, its title
            if kind == PERSON and _a_teams_name(texts[number], start):
                # على فريق بور لويس: a team, its name (not فريق بتال القوس, his);
                # a player's after it is his (لاعب فريق بولتون فابريس مامبا).
                given = [
                    at
                    for at, word in enumerate(words[:-1])
                    if word[NORM] in self.cues.first_names and not self._common_given(word[NORM])
                ]
                if not given:
                    continue
                start += given[0]
                words = words[given[0] :]
            if kind == PERSON and _called(texts[number], end) and not self._listed(words[0][NORM]):
                # ناشط بيئي معروف يدعى كاووس سيد إمامي: what he is, his name
                # after (not a name: مع إنريكي إغليزياس تدعى, a song called).
                continue
            if kind == ORGANISATION and (size := self._national_size(norms[number], start, end)):
                national.append(_Body(number, start, start + size))
                continue
            shown = self._shown(words)
            if (number, start) in after_wa:
                shown = shown.removeprefix("و")
            if kind == PERSON and end - start == 1:
                short.append((without_clitic(words[0][NORM]), shown))
                continue
            if kind == PERSON and len(given := key(shown).split()) == 1:
                # A given name of two words alone (عبد الله, الرئيس عبد الله
                # يمين: its family name no name's word): one, as محمد alone is.
                short.append((given, shown))
                continue
            if kind == PERSON and given[1:] == ["الدين"] and given[0] in self.cues.first_names:
                # صلاح الدين, نور الدين alone: one given name too, or a place's
                # (محافظة صلاح الدين).
                continue
            if kind == ORGANISATION and self._outlet(words):
                kind = MEDIUM
            actor = gazetteer.actor(shown)  # a kunya in any case too: أبي مازن
            if actor is None and kind == PERSON:
                actor = self._known_in_full(shown)
            if actor is not None:
                if actor.type != IGNORE:
                    add(actor.name, actor.type, shown, number, start)
                    actors_keys.add(key(actor.name))
            else:
                add(shown, kind, shown, number, start)
                if kind == ORGANISATION and (
                    self._of_a_nation(norms[number], start, end)
                    or self._quoted_name(words)
                    or _quoted_alone(texts[number], start, end)  # (after its kind)
                ):
                    surely_bodies.add(key(shown))

        in_spans = {(number, p) for number, start, end, _ in spans for p in range(start, end)}
        national += self._national_bodies(norms, claimed.keys() | in_spans)
        national += self._two_ministries(texts, norms, claimed.keys() | in_spans)
        # A body named by a known one right after it is that one: وزارة الدفاع "البنتاغون".
        national = [body for body in national if not _named_after(texts, body, claimed)]
        for number, start, name in self._local_courts(texts, norms, claimed.keys()):
            add(name, ORGANISATION, name, number, start)
            known_keys.add(key(name))  # a court the story names: once is enough
        bodies_named = [f.name for f in by_key.values() if f.kind == ORGANISATION]
        people = {(n, p) for n, s, e, kind in spans if kind == PERSON for p in range(s, e)}
        people.update(
            (n, p)
            for n, position, size, index in known
            if gazetteer.actors[index].type == PERSON
            for p in range(position, position + size)
        )
        for number, start, shown, name in self._of_their_country(
            texts, norms, national, home, bodies_named, people
        ):
            actor = gazetteer.actor(name) if name else None
            if actor is not None:
                if actor.type != IGNORE:
                    add(actor.name, actor.type, shown, number, start)
                    known_keys.add(key(actor.name))
            elif name:
                add(name, ORGANISATION, shown, number, start)
                known_keys.add(key(name))  # a body the story names: once is enough
            # else whose, the story does not say: ACTORS.md leaves it out
        self._namesakes(by_key, first, texts, norms, actors_keys)
        self._drop_run_ons(by_key, actors_keys, mentions)
        self._drop_run_on_words(by_key, actors_keys, mentions)
        _join_family_spellings(by_key, actors_keys, mentions)
        self._join_misspellings(by_key, actors_keys, mentions)
        self._join_short_forms(by_key, short, actors_keys, mentions)
        _join_shorter_bodies(by_key, actors_keys, mentions)
        for name_key, found in list(by_key.items()):
            if (
                found.kind == ORGANISATION
                and name_key not in known_keys
                and len(name_key.split()) < ORG_MIN_WORDS
                and mentions[name_key] + len(found.forms) - 1 < ORG_MIN_MENTIONS
                and name_key not in in_title
                and not self._surely_a_body(name_key)
                and name_key not in surely_bodies
            ):
                del by_key[name_key]
        for name_key in by_key.keys() & self.cues.seats:
            if not mentions.get(name_key):
                del by_key[name_key]  # only ever the place
        for name_key, found in list(by_key.items()):
            if found.kind == MEDIUM:
                if name_key in in_title | its_story or mentions.get(name_key, 0) >= 3:
                    found.kind = ORGANISATION  # it acts in the story
                else:
                    del by_key[name_key]  # a source quoted, a platform used
        return [by_key[k] for k in sorted(by_key, key=first.get)]

    def _of_a_nation(self, norms, start, end) -> bool:
        """Whether a country's adjective follows the body found from `start`
        to `end` (جمعية تاندا الإيفوارية, جامعة أوتاغو النيوزيلندية): a body
        named, what its nation is said of, however seldom the story names it
        (a description is no body: الشركة الإسرائيلية, see `_organisation`);
        but an agency so named is a news agency quoted (وكالة إرنا الإيرانية)."""
        return (
            end < len(norms)
            and _in(norms[start], self.cues.heads) not in _AGENCIES
            and countries().at(norms, end, names=False) is not None
        )

    def _national_size(self, norms, start, end) -> int:
        """How many of the words of an organisation found from `start` to
        `end` name a body every state has (a ministry by its office, those
        of national.txt: رئيس مجلس النواب | نبيه بري, مجلس النواب العراقي |
        المنتهية ولايته), named after its country (`_of_their_country`); 0
        for another body, or a region's (البنك المركزي الأوروبي)."""
        table = countries()
        size = table.body_at(norms, start)
        if not size or size > end - start:
            return self._ministry(norms, start, end)
        while start + size < end and not table.at(norms, start + size, names=False):
            word = norms[start + size]
            if word in self.cues.regions or word in self.cues.gentilics:
                return 0  # a region's, a people's: البنك المركزي الأوروبي
            if not (word in _OF_AN_OFFICE or self._nisba(word)):
                break  # the name ends: مجلس النواب | المنتهية ولايته
            size += 1  # المحكمة الدستورية العليا
        return size

    def _ministry(self, norms, start, end) -> int:
        """How many of the words of an organisation found from `start` to
        `end` of a text's normalised words name a ministry by its office
        alone (وزارة الداخلية, بوزارة التعليم العالي, وزارة الدفاع الوطني),
        as far as they are the office's: words joined by و and theirs
        (والطاقات المتجددة), adjectives (العالي, الوطني, العام), not a word
        the sentence goes on with (وقررت وزارة الداخلية | الاستعانة). Up to
        a country's adjective, which says whose (وزارة الخارجية | الكورية
        الشمالية); 0 for another body, a region's ministry (الأوروبية), or
        one whose words go on to a country's adjective past its office (وزارة
        الحالات الطارئة الروسية: its name as found)."""
        if end - start < 2 or _in(norms[start], _MINISTRY) is None:
            return 0
        if not norms[start + 1].startswith("ال"):
            return 0
        table = countries()
        for position in range(start + 1, end):
            word = norms[position]
            if word in self.cues.regions:
                return 0
            if table.at(norms, position, names=False):
                return position - start if position > start + 1 else 0
            if position > start + 1 and not (
                word.startswith("وال")
                or (norms[position - 1].startswith("وال") and word.startswith("ال"))
                or self._an_offices_adjective(word)
            ):
                # The office ends (وزارة الخارجية | القصف), unless the
                # gazetteer knows it longer (وزارة الحالات الطارئة), or a
                # country's adjective follows it all: the words are the name's.
                known = [
                    len(o) + 1
                    for o in self._offices.get(norms[start + 1], ())
                    if norms[start + 1 : start + 1 + len(o)] == o
                ]
                if max(known, default=0) > position - start:
                    return max(known)
                rest = range(position + 1, end)
                return 0 if any(table.at(norms, p, names=False) for p in rest) else position - start
        return end - start

    def _national_bodies(self, norms, taken):
        """(text, start, end) of the bodies every state has (national.txt)
        that the article names: not in a name found otherwise (`taken`), not
        after a title (محافظ البنك المركزي is an office), not a people's or a
        region's (البنك المركزي الأوروبي, مجلس الشعب العربي); with a
        country's adjective, of that country (مجلس النواب الأمريكي)."""
        table, found = countries(), []
        for number, words in enumerate(norms):
            for position, end in table.bodies_in(words):
                if (number, position) in taken:
                    continue
                before = words[position - 1] if position else ""
                if before and (_in(before, self.cues.titles) or _in(before, _MINISTER)):
                    continue
                following = words[end] if end < len(words) else ""
                if following in self.cues.regions or (
                    following in self.cues.gentilics and table.at(words, end) is None
                ):
                    continue
                found.append(_Body(number, position, end))
        return found

    def _local_courts(self, texts, norms, taken) -> list[tuple[int, int, str]]:
        """(text, start, name) of the courts the article names by their
        level and their city (وقضت المحكمة الابتدائية بسوسة, الدائرة الجنائية
        بمحكمة الاستئناف بتونس): one court each, named as the state names it,
        whatever article or clitic the text gives it (محكمة ابتدائية
        بالمنستير: المحكمة الابتدائية بالمنستير); not one of no city
        (المحكمة الابتدائية بتهمة; generic.txt), nor in a name found
        otherwise (`taken`), nor where it says whose another is (النيابة
        العمومية بالمحكمة الابتدائية بسوسة, قاضي التحقيق بالمحكمة: the
        prosecution's, the judge's; but a chamber of it is it: الدائرة
        الجنائية بالمحكمة), nor its building (أمام مقر المحكمة), nor in a
        title (الناطق الرسمي باسم المحكمة, الوكيل العام لدى محكمة الاستئناف)."""
        found = []
        for number, words in enumerate(norms):
            for position in range(len(words) - 2):
                if words[position + 1] not in _COURT_LEVELS or (number, position) in taken:
                    continue
                court = _LOCAL_COURTS.get(
                    (without_clitic(words[position])[-1].removeprefix("ال"), words[position + 1])
                )
                if court is None:
                    continue
                if words[position][:1] in "بل" and not _CHAMBER.intersection(
                    words[max(0, position - 3) : position]
                ):
                    continue  # النيابة العمومية بالمحكمة الابتدائية بسوسة: the prosecution's
                if position and words[position - 1] in _NOT_THE_COURT:
                    continue  # أمام مقر المحكمة, الناطق باسم المحكمة: a building, a title
                city = self._city_after_bi(texts[number][position + 2])
                if city:
                    found.append((number, position, f"{court} ب{city}"))
        return found

    def _with_its_city(self, texts, span) -> tuple:
        """A span of a body, with the city ب glues to the word after it where
        the body is a local one (الاتحاد الجهوي للشغل بصفاقس, الاتحاد المحلي
        للشغل بسوسة, نادي كرة اليد بجمال: one body of a city, where the
        region's alone is any region's); the span as it is otherwise
        (بالجهة: no city's)."""
        number, start, end, kind = span
        tokens = texts[number]
        if (
            kind == ORGANISATION
            and end < len(tokens)
            and end - start > 2
            and (
                tokens[start + 1][NORM] in _LOCAL
                or (_in(tokens[start][NORM], self.cues.heads), tokens[start + 1][NORM])
                == _A_SPORTS_CLUB
            )
            and self._city_after_bi(tokens[end])
        ):
            return number, start, end + 1, kind
        return span

    def _from_its_given_name(self, texts, span) -> tuple:
        """A person's span that begins after بن, ابن or بنت, with the given name
        before them that is a title or a word too (وأضاف سلطان بن سعيد
        المنصوري, وزير الدولة مساعد بن محمد العيبان: not سعيد المنصوري, his
        father); the span as it is otherwise."""
        number, start, end, kind = span
        tokens = texts[number]
        if (
            kind == PERSON
            and start >= 2
            and tokens[start - 1][NORM] in _SON_OF
            and _in(tokens[start - 2][NORM], _GIVEN_BEFORE_SON_OF)
        ):
            return number, start - 2, end, kind
        return span

    def _past_a_surname(self, texts, norms, mentions, spans) -> list:
        """The spans, those of a surname and a word after it without the word
        (وكان صلاح نموذجي, سانتشيث سابع رئيس, عباس تعقيبا على): a person's
        name of two words whose first is the last of another the story names
        in full (a span, or a person of the gazetteer: محمد صلاح), or a
        surname the gazetteer knows alone, and whose second is a word of the
        language, no name's (صلاح محسن, منصور العتيبي stay). A given name
        (صلاح, جون) is a surname so only of the gazetteer's person, before a
        word the news write with the article too (not جون ميجور, where the
        story names إلتون جون)."""
        candidates = {span for span in spans if span[3] == PERSON and span[2] - span[1] == 2}
        if not candidates:
            return spans
        shaped = {
            texts[number][end - 1][NORM]
            for number, start, end, kind in spans
            if kind == PERSON and end - start >= 2
        }
        known = set()  # the last words of the gazetteer's people the story names in full
        for number, found in enumerate(mentions):
            if found is None:
                found = self.gazetteer._mentions(norms[number])
            for _, size, owners in found:
                for index, _ in owners if size >= 2 else ():
                    words = self._people_names.get(index, [])
                    if len(words) >= 2:
                        known.add(words[-1])  # (not الأمير فيليب's: his given name)
        counts = self.cues.counts
        kept = []
        for span in spans:
            if span in candidates:
                number, start, _, kind = span
                first, second = texts[number][start][NORM], texts[number][start + 1][NORM]
                forms = without_clitic(first)
                if any(f in self.cues.first_names for f in forms):
                    surname = any(f in known for f in forms) and (
                        counts.get("ال" + second, 0) >= _DESCRIBING_WORD
                        or self._verb_or_adverb(second)
                    )
                else:
                    surname = any(
                        f in shaped or f in known or self._a_known_surname(f) for f in forms
                    )
                if surname and self._a_word_of_no_name(second):
                    span = number, start, start + 1, kind
            kept.append(span)
        return kept

    def _a_known_surname(self, word) -> bool:
        """Whether the gazetteer knows a word alone as one person's name
        that ends with it (عباس: محمود عباس)."""
        actor = self.gazetteer.actor(word)
        words = self._people_names.get(self.gazetteer.index(actor), []) if actor else []
        return bool(words) and words[-1] == key(word)

    @cached_property
    def _people_names(self) -> dict[int, list[str]]:
        """The words of the gazetteer's people's names, titles aside (الأمير
        فيليب: فيليب), by their index."""
        return {
            index: [w for w in key(actor.name).split() if not _in(w, self.cues.titles)]
            for index, actor in enumerate(self.gazetteer.actors)
            if actor.type == PERSON
        }

    def _a_word_of_no_name(self, word) -> bool:
        """Whether a word is one the news write often, or with the article,
        and no name's (نموذجي, سابع, تعقيبا, القائل; not محسن, شمام)."""
        if self._listed(word) or self.cues.name_share.get(word, 0) >= 0.25:
            return False
        counts = self.cues.counts
        return (
            counts.get(word, 0) >= _RARE
            or counts.get("ال" + word, 0) >= _DESCRIBING_WORD
            or self._verb_or_adverb(word)
        )

    def _a_description(self, texts, span) -> bool:
        """Whether a person's name of two words found by its shape is what
        someone is, a nation's adjective without the article one of them
        (ناشط بيئي كندي, خبير نفطي سعودي, أكاديمي تركي; مشجع روسي مناهض,
        لاعب تركي مخضرم), the other a word the news write with the article
        too, no name's (منى عراقي, جورجي مينديز, تركي الحميداني are names)."""
        number, start, end, kind = span
        if kind != PERSON or end - start != 2:
            return False
        first, second = (t[NORM] for t in texts[number][start:end])
        nations, counts = _indefinite_nations(), self.cues.counts
        if second in nations:
            definite = max(counts.get("ال" + form, 0) for form in without_clitic(first))
            return not self._listed(first) and definite >= _DESCRIBING_WORD  # (وأكاديمي تركي)
        if _in(first, nations):
            definite = counts.get("ال" + second, 0)
            return not self._listed(second) and definite >= _DESCRIBING_WORD
        return False

    def _past_a_verb_of_a_name(self, texts, spans) -> list:
        """The spans, those of a given name that is a verb too before a
        surname (وأشرف مانشيني على, كما روى عجلان, ودان الأشرفي) without the
        verb where the story names someone else of that surname in full
        (روبرتو مانشيني): the verb begins a sentence or follows و, كما or ثم,
        and no title (السفير أشرف إبراهيم stays)."""
        surnames: dict[str, set] = defaultdict(set)  # a full name's last word -> its first
        for number, start, end, kind in spans:
            if kind == PERSON and end - start >= 2:
                tokens = texts[number]
                surnames[tokens[end - 1][NORM]].update(without_clitic(tokens[start][NORM]))
        kept = []
        for span in spans:
            number, start, end, kind = span
            tokens = texts[number]
            if kind == PERSON and end - start == 2:
                word = tokens[start][NORM]
                verb = word[1:] if word[:1] == "و" else word
                before = tokens[start - 1][NORM] if start else "."
                if (
                    verb in _VERBS_OF_NAMES
                    and (
                        verb != word
                        or not start
                        or before in _BEGINNING_A_CLAUSE
                        or not _is_word(tokens[start - 1])
                    )
                    and surnames.get(tokens[start + 1][NORM], set()) - {word, verb}
                ):
                    span = number, start + 1, end, kind
            kept.append(span)
        return kept

    def _through_its_links(self, texts, span, starts=frozenset()) -> tuple | None:
        """A person's span that ends in a word joining a name to the next
        (بن, بنت, أبي, عبد, آل) with the next word of the text: the readers
        took it for a word or a title (علي بن أبي طالب, هشام بن عبد الملك,
        خليفة بن جاسم بن آل ثاني); without those words where no word follows
        (صلاح ابن الـ 26 عاما: his age), and None if nothing is left.
        `starts`: the (text, position) where other names begin, which no
        name reads on into (هشام بن عبد الملك بن | مروان خليفة)."""
        number, start, end, kind = span
        tokens = texts[number]
        links = self.cues.links  # (آل normalised is ال: the article alone is written ال or الـ)
        if kind != PERSON or tokens[end - 1][NORM] not in links:
            return span
        if not _the_article(tokens[end - 1]) and self._linked(tokens, end, starts, number):
            return number, start, self._past_the_family(tokens, end + 1, starts, number), kind
        while end > start and tokens[end - 1][NORM] in links:
            end -= 1
        return (number, start, end, kind) if end > start else None

    def _linked(self, tokens, at, starts, number) -> bool:
        """Whether the token at `at` may be the word a link joins a name to:
        a word, not the article alone nor another link, where no other name
        begins."""
        return (
            at < len(tokens)
            and _is_word(tokens[at])
            and not _the_article(tokens[at])
            and tokens[at][NORM] not in self.cues.links
            and (number, at) not in starts
        )

    def _past_the_family(self, tokens, end, starts, number) -> int:
        """Where a name that a link took on to `end` ends: on through بن,
        بنت and آل and the word each joins (بن سعود, آل الشيخ), then with the
        family's name after them where no آل gave it (بن عبد الله البنيان,
        بنت عبد الحق الطرابلسي; not بن عبد الله الرياض, a city, nor آل ثاني
        الدوحة): a word with the article that names have, or that the news
        seldom write; not ابن or أم, which begin what someone is (ابن عم
        الرسول, أم المؤمنين)."""
        links, family = 0, False
        while (
            links < _LINKS
            and end < len(tokens)
            and (tokens[end][NORM] in _SONS or tokens[end][SHOWN] == _FAMILY)
            and self._linked(tokens, end + 1, starts, number)
        ):
            family = tokens[end][SHOWN] == _FAMILY
            end, links = end + 2, links + 1
        if family or end >= len(tokens) or (number, end) in starts:
            return end
        token = tokens[end]
        word, counts = token[NORM], self.cues.counts
        named = (
            self._listed(word)
            or self.cues.name_share.get(word, 0) >= 0.25
            or counts.get(word, 0) < _RARE
        )
        return end + 1 if self._a_family_word(token) and named else end

    def _past_its_particle(self, texts, span) -> tuple:
        """A person's span that ends in the particle of a foreign family
        name (دي, ديل, فان), with that name after it, which the readers took
        for a word (ستيفان دي فري: "free"; ماتياس دي ليخت: ل and يخت, "to a
        yacht"), past an article (رامون دي لا مورينا); the span as it is
        otherwise (وانغ دي، a name whole before a comma)."""
        number, start, end, kind = span
        tokens = texts[number]
        if kind != PERSON or end - start < 2 or tokens[end - 1][NORM] not in _PARTICLES:
            return span
        name = end  # the family name's first word, past an article
        if name < len(tokens) and tokens[name][NORM] in _PARTICLES_ARTICLES:
            name += 1
        if name >= len(tokens) or not _is_word(tokens[name]):
            return span
        word = tokens[name][NORM]
        if (
            word in self.cues.not_names
            or _in(word, self.cues.stops)
            or word in self.cues.first_names
            or self._verb_or_adverb(word)
        ):
            return span
        return number, start, name + 1, kind

    def _without_what_ends_it(self, texts, span) -> tuple | None:
        """A person's span without the words a story writes right before or
        after a name and never in one, both readers' (None where one word is
        left of more: the gazetteer's mention within it is then alone):
        - words of another script (جوني إيف Jony Ive, تشين Blockchain);
        - a blessing (زايد طيب الله ثراه, علي رضي الله عنه);
        - a superlative last (الصماد أكبر; not علي أكبر ولايتي);
        - a participle last after two names (شاكر العرضاوي المترشح): a
          common word, no name's own (المهاجر, المبارك), no nisba
          (المطيري), not after عبد (بدر بن عبد المحسن);
        - a dual verb after a second person's و (ترامب وكيم اجتمعا);
        - «السيرة الذاتية» (a CV linked after a minister's name);
        - «خليفة» before a known person (خليفة سامباولي: his successor);
        - «جمال» after «ملكة» (ملكة جمال بغداد: a beauty queen), a name
          after «نهج» (a street in Tunisia's news; not على نهج بورقيبة)."""
        number, start, end, kind = span
        if kind != PERSON:
            return span
        tokens = texts[number]
        cues = self.cues
        first = tokens[start][NORM]
        if start and first == _JAMAL and tokens[start - 1][NORM] in _QUEEN:
            return None
        on = [token[NORM] for token in tokens[max(0, start - 2) : start - 1]]
        if start and _in(tokens[start - 1][NORM], _A_STREET) and on != [_ON_A_WAY]:
            return None
        arabic = _ARABIC.search(tokens[start][SHOWN]) is not None
        for at in range(start + 1, end):
            shown = tokens[at][SHOWN]
            if (
                _ARABIC.search(shown) is None and _LATIN.search(shown)
                if arabic
                else _ARABIC.search(shown)
            ):
                end = at  # another script from here
                break
            if (
                tokens[at][NORM] in _BLESSINGS
                and at + 1 < len(tokens)
                and tokens[at + 1][NORM] == _GOD
            ):
                end = at
                break
        last = tokens[end - 1][NORM]
        following = tokens[end][NORM] if end < len(tokens) else ""
        if (
            last in _SUPERLATIVES
            or (last, following) == _CV
            or (end - start > 2 and self._a_participle_last(last) and tokens[end - 2][NORM] != _ABD)
            or (
                self._dual(last)
                and any(token[NORM][:1] == "و" for token in tokens[max(0, start - 2) : start + 1])
            )
        ):
            end -= 1
            if end - start > 2 and (
                _in(tokens[end - 1][NORM], cues.titles) or tokens[end - 1][NORM] in _WHO
            ):
                end -= 1  # جون فريدريكسن مالك أكبر, تاسوكو هونجو الذان اكتشفا
        if _in(first, _SUCCESSOR) and end - start > 1:
            rest = " ".join(token[SHOWN] for token in tokens[start + 1 : end])
            actor = self.gazetteer.actor(rest)
            if actor is not None and actor.type == PERSON:
                start += 1
            elif (
                end - start == 2
                and self.gazetteer.knows(rest)
                and not tokens[start + 1][NORM].startswith("ال")
                and tokens[start + 1][NORM] not in cues.first_names
                and not self.gazetteer.actor(" ".join(token[SHOWN] for token in tokens[start:end]))
            ):
                # "خليفة زيدان": his successor (not خليفة حفتر, خليفة الهمامي,
                # خليفة مبارك: a Khalifa, by an Arab's family name)
                return None
        if (start, end) == span[1:3]:
            return span
        return (number, start, end, kind) if end - start > 1 else None

    def _of_one_named_before(self, texts, span) -> bool:
        """Whether a body's span says what part of another the story names
        elsewhere it is, no name of its own: an indefinite head, nouns of a
        construct, and a body's or a place's kind with the article last
        (لجنة تحكيم المهرجان, مجلس شورى الحزب, إدارة شؤون المدينة, مجلس
        الهيئة: "the festival's jury", "the party's council"); not «الدولة»
        (مجلس الدولة, محكمة أمن الدولة) nor «الاتحاد» (نادي الاتحاد), nor a
        ministry's office (وزارة المدينة, France's)."""
        number, start, end, kind = span
        if kind != ORGANISATION or end - start < 2:
            return False
        words = [token[NORM] for token in texts[number][start:end]]
        head = _in(words[0], self.cues.heads)
        return (
            words[-1] in _REFERRED
            and not words[0].startswith("ال")
            and head is not None
            and head not in _MINISTRY
            and not any(word.startswith(("ال", "ل")) for word in words[1:-1])
        )

    def _a_nations_kind_of_body(self, texts, span) -> bool:
        """Whether a body's span is its kind with the article and a nation's
        adjectives only, the story's word for a body it names otherwise (وقالت
        الشركة الأميركية, الشركة الفرنسية الإيطالية: "the American company"):
        a company's, an agency's or a group's, where a nation's adjective is
        seldom a name (not البنك الكندي اللبناني, a bank's; not the words of
        a region, a nation's own or the world's: العربي, الوطني, الدولي)."""
        number, start, end, kind = span
        if kind != ORGANISATION or end - start < 2:
            return False
        words = [token[NORM] for token in texts[number][start:end]]
        adjectives = countries().adjectives
        return words[0] in _A_COMPANYS_KIND and all(word in adjectives for word in words[1:])

    def _a_participle_last(self, word: str) -> bool:
        """Whether a word is a definite participle the news write often and
        seldom in a name (المترشح, المدان, المنتقل, المعين), as no known
        name's word is (المهاجر, المبارك), nor a nisba (المطيري), nor a
        given name with the article (المنصور)."""
        cues = self.cues
        return (
            word.startswith("الم")
            and len(word) >= 6
            and not word.endswith("ي")
            and cues.counts.get(word, 0) >= _RARE // 2
            and cues.name_share.get(word, 0) < 0.2
            and word not in self.known_words
            and word[2:] not in cues.first_names  # (المنصور, المحسن: منصور, محسن)
        )

    def _dual(self, word: str) -> bool:
        """Whether a word is a verb of two (اجتمعا, شددا, يتصافحان): written
        with ت and وا, never with the article; or ان where the news write ون."""
        counts = self.cues.counts
        if word.endswith("ا") and len(word) > 3:
            base = word[:-1]
            return (
                counts.get(base + "ت", 0) > 0
                and counts.get(base + "وا", 0) > 0
                and counts.get("ال" + base, 0) == 0
            )
        return (
            word[:1] in "يت"
            and word.endswith("ان")
            and len(word) > 5
            and counts.get(word[:-2] + "ون", 0) > 0
        )

    def _city_after_bi(self, token: _Token) -> str:
        """A place's name, as written, that ب is glued to (بتونس, بسوسة,
        بالمنستير; not بتهمة, بمحافظة, بالسجن: words; not بيتر: no ب), or
        ""."""
        shown, word = token
        rest = word[1:]
        counts = self.cues.counts
        if word[:1] != "ب" or len(rest) < 3 or not _is_word(token):
            return ""
        if counts.get(rest, 0) < counts.get(word, 0) or rest in self.cues.not_names:
            return ""  # بيتر, a name; بين, a word
        if countries().at([rest], 0) is not None:
            return shown[1:]
        if rest.startswith("ال"):
            # المنستير, القصرين: a name the news writes with its article only
            # (not السجن, الجهة, الكاف: سجن, جهة, كاف are written too).
            return (
                shown[1:] if _ONLY_DEFINITE * counts.get(rest[2:], 0) < counts.get(rest, 0) else ""
            )
        return "" if self._a_word(rest) else shown[1:]

    def _two_ministries(self, texts, norms, taken) -> list[_Body]:
        """The two ministries a dual names by their offices, each joined by
        و (وزارتي الصحة والتعليم, لوزارتي الداخلية والدفاع الوطني), or by
        two parts of them of which a longer one is an office the gazetteer
        knows (وزارتي التعليم العالي والبحث العلمي والشؤون الدينية); not
        where one office is named (وزارتي الخارجية في البلدين), the parts
        can be told apart two ways or none (وزارتي المالية والصناعة
        والتجارة), or the two are two countries'."""
        table, found = countries(), []
        for number, words in enumerate(norms):
            if _DUAL not in " ".join(words):
                continue  # (most texts: one look, no clitic taken off a word)
            for position, word in enumerate(words):
                if _in(word, _MINISTRIES) is None or (number, position) in taken:
                    continue
                parts, end = self._offices_listed(words, position + 1)
                country = None
                if end < len(words) and words[end].endswith(_DUAL_ENDINGS):
                    # الأمريكيتين: the adjective of one, الأمريكية, says whose.
                    one = table.at([words[end][:-3] + "ه"], 0, names=False)
                    country = one[0] if one else None
                if any(w in _BOTH_COUNTRIES for w in words[end : end + 2]):
                    continue  # وزارتا الخارجية والدفاع في البلدين: two countries'
                for start, stop in self._two_offices(words, parts):
                    tokens = texts[number][start:stop]
                    first = tokens[0][NORM].removeprefix("و")  # والدفاع: الدفاع
                    office = (_as(tokens[0], first), *(t[SHOWN] for t in tokens[1:]))
                    at = position if start == parts[0][0] else start  # (the dual's own word)
                    found.append(_Body(number, at, end, office, country))
        return found

    def _offices_listed(self, words, start) -> tuple[list[tuple[int, int]], int]:
        """(start, end) of each office a dual's words from `start` name, one
        for each word joined by و (والدفاع; وتكنولوجيا الاتصال, a noun and its
        complement) with the adjectives after it (الدفاع الوطني, التعليم
        العالي, الشؤون الدينية), up to a country's adjective; and where they
        end."""
        table, n = countries(), len(words)
        if start >= n or not words[start].startswith("ال"):
            return [], start
        parts, at = [[start, start + 1]], start + 1
        while at < n:
            word = words[at]
            if table.at(words, at, names=False):
                break  # الإيطالية: whose they are
            if word.startswith("وال"):
                parts.append([at, at + 1])
            elif word[:1] == "و" and at + 1 < n and words[at + 1].startswith("ال"):
                if self._listed(word) or not self._a_word(word[1:]):
                    break
                parts.append([at, at + 2])  # وتكنولوجيا الاتصال
                at += 1
            elif (
                word.startswith("ال")
                and not word.endswith(_DUAL_ENDINGS)
                and self._an_offices_adjective(word)
            ):
                parts[-1][1] = at + 1  # الشؤون الدينية, الدفاع الوطني
            else:
                break
            at += 1
        return [(s, e) for s, e in parts], parts[-1][1]

    def _an_offices_adjective(self, word: str) -> bool:
        """Whether a word after a ministry's office is an adjective of it
        (العالي, العامة, الدينية; الوطني, a people's word too)."""
        return word in self.cues.gentilics or word in _OF_AN_OFFICE or self._nisba(word)

    def _two_offices(self, words, parts) -> list[tuple[int, int]]:
        """The two offices (start, end) the parts a dual lists make: the two
        parts, or of more, those two runs of them of which each one longer
        than a part is an office the gazetteer knows; [] for none or for
        more than one way."""
        if len(parts) < 2:
            return []
        if len(parts) == 2:
            return list(parts)

        def an_office(run) -> bool:
            office = [
                w.removeprefix("و") if i == 0 else w
                for i, w in enumerate(words[run[0][0] : run[-1][1]])
            ]
            return len(run) == 1 or tuple(office) in self._offices.get(office[0], ())

        ways = [
            [(parts[0][0], parts[cut - 1][1]), (parts[cut][0], parts[-1][1])]
            for cut in range(1, len(parts))
            if an_office(parts[:cut]) and an_office(parts[cut:])
        ]
        return ways[0] if len(ways) == 1 else []

    def _of_their_country(self, texts, norms, bodies, home=None, named_in_full=(), people=()):
        """(text, start, shown, name) of national bodies: as written
        (without a clitic), and named after the country the words after them
        give, else the one their sentence named last, else the one the
        article names them with elsewhere (وزارة الخارجية الأمريكية … وزارة
        الخارجية), else the story's, else None (countries.py)."""
        if not bodies:
            return []
        table = countries()
        home_index = None if home is None else table.index(home)
        if home is not None and home_index is None:
            raise ValueError(f"{home!r} is no country of indexer/actors/data/countries.tsv")
        # The word after a given name is the name's, a city's too (مروان جدة).
        people = set(people) | {
            (n, p + 1)
            for n, words in enumerate(norms)
            for p, word in enumerate(words[:-1])
            if word in self.cues.first_names
        }
        story = table.of_story(norms, home_index, people)
        in_full = [normalize(name).split() for name in named_in_full]
        named = []
        for number, start, end, office, country in sorted(bodies, key=operator.itemgetter(0, 1)):
            if office:  # one of two ministries a dual names: وزارة and its office
                words = [*_MINISTRY, *map(normalize, office)]
            else:
                words = norms[number][start:end]
                words = [_in(words[0], _MINISTRY) or table.body_first(words[0]), *words[1:]]
            if country is None:
                country = table.given_after(norms[number], end)
            if country is None:
                mentioned = {p for n, p in people if n == number}
                country = table.given_before(norms[number], start, mentioned)
            if country is None:
                country = table.named_with(words, in_full)
            if country is None:
                country = story
            if office:
                body = " ".join((_MINISTRY_WORD, *office))
            else:
                shown = texts[number][start:end]
                first = _in(shown[0][NORM], _MINISTRY) or table.body_first(shown[0][NORM])
                body = " ".join([_as(shown[0], first), *(t[SHOWN] for t in shown[1:])])
            name = None if country is None else table.named(body, country)
            named.append((number, start, body, name))
        return named

    def _describes(self, tokens, start, end, number, bodies_known) -> bool:
        """Whether the body from `start` to `end` is a nationality's kind of
        body, or a company or agency its definite words only describe (its
        trade), that only says what the body the gazetteer knows named right
        after it is, past a word of size, a quote, a comma before a quote
        (شركة الطاقة الروسية العملاقة روزنفت, شركة النفط السعودية "أرامكو",
        شركة الاستشارات السياسية كامبريدج أناليتيكا), not a body it is listed
        with or speaks to (قوات الحكومة اليمنية والحوثيين, وزارة الدفاع
        الأفغانية لرويترز, المجلس الإسلامي البريطاني، حزب المحافظين), nor a
        party another (اتهم حزب الوسط "داعش")."""
        described = _in(tokens[start][NORM], _OF_A_TRADE | _AGENCIES) is not None and all(
            t[NORM].startswith(("ال", "لل")) for t in tokens[start + 1 : end]
        )
        if not end or not (tokens[end - 1][NORM] in self.cues.gentilics or described):
            return False
        at, n = end, len(tokens)
        while at < n and (
            tokens[at][SHOWN] in QUOTES
            or tokens[at][NORM] in _OF_SIZE
            or (tokens[at][SHOWN] in COMMAS and _quoted(tokens, at + 1))
        ):
            at += 1
        actor = bodies_known.get((number, at))
        return actor is not None and any(  # written as it is spelt: no clitic (و, ل)
            normalize(spelling).split()[0] == tokens[at][NORM]
            for spelling in (*actor.aliases, *actor.ambiguous)
        )

    def _namesakes(self, by_key, first, texts, norms, actors_keys):
        """A person the gazetteer knows, named by their family name alone
        (سليماني), in a story that names in full one other person of that
        family name, and no one with their given name: the same person where
        the given names are two spellings of one, or another of their names
        (ستيف منوتشين is ستيفن منوتشين, إيف لودريان is جان إيف لودريان), else,
        where the story names them by one or two given names of their own
        (`_another_given_name`), the person it names (the footballer إسلام
        سليماني, then سليماني; ميغيل أرياس كانتي; not a part of their own
        name: «صالح علي الصماد»), unless a word of kin stands by them (زوجته
        غريس موغابي: a family is in the story, and موغابي alone is likely its
        famous member). The family name may be of two words (قائد السبسي). The
        namesake may be the gazetteer's too where the family name alone is
        only ambiguous for the famous one (وائل عباس, then وعباس: the
        blogger, not محمود عباس), or where it names the famous one but their
        context words, which the gazetteer gives them, are not in the story
        (إبراهيم نصر الله's prize, then نصر الله: not حسن نصر الله; but
        ميشيل أوباما, then أوباما: her husband, whom no context words tell)."""
        people = {k: k.split() for k, f in by_key.items() if f.kind == PERSON}
        for name_key, words in people.items():
            found = by_key.get(name_key)
            if found is None or name_key not in actors_keys or len(words) < 2:
                continue
            family = {key(form) for form in found.forms}  # (قائد السبسي: two words)
            size = len(next(iter(family)).split())
            if len(family) != 1 or size >= len(words) or family != {" ".join(words[-size:])}:
                continue
            namesakes = [
                k for k, w in people.items() if k != name_key and w[-size:] == words[-size:]
            ]
            if len(namesakes) != 1:
                continue
            other = namesakes[0]
            given = people[other][0]
            if given == words[0] or other not in by_key:
                continue  # named in full in a spelling of the article's; joined
            if other in actors_keys and self.gazetteer.actor(next(iter(family))) is not None:
                # The gazetteer's namesake, but the name alone is the famous
                # one's (ترامب, أوباما: their kin), where the story is theirs
                # as their context words tell (حسن نصر الله: حزب الله, لبنان;
                # not the novelist إبراهيم نصر الله's prize).
                if self.gazetteer.confirmed(name_key, norms) is not False:
                    continue
            number, position = first[other]
            before = texts[number][position - 1][NORM] if position else ""
            if given in words or before == words[0] or self._alike_given_names(words[0], given):
                if other in actors_keys:
                    continue  # two people the gazetteer knows apart
                into, gone = found, other
            elif (
                self._another_given_name(people[other][:-size], words)
                and given not in self.cues.stops
                and not self._kin_by(texts, number, position)
            ):
                into, gone = by_key[other], name_key
                actors_keys.discard(name_key)
            else:
                continue
            into.forms.extend(x for x in by_key[gone].forms if x not in into.forms)
            del by_key[gone]

    def _another_given_name(self, given, name) -> bool:
        """Whether the words before a family name are another person's name
        than `name` (of the same family name): one given name, or two (ميغيل
        أرياس كانتي, صادق آملي لاريجاني) that are names and not a word run on
        before the whole name (انتقذ بوريس جونسون) nor share one of its own
        (أحمد جواد ظريف, حافظ قائد السبسي)."""
        if len(given) == 1:
            return True
        return (
            len(given) == 2
            and given[0] in self.cues.first_names
            and not self._a_word(given[0])
            and not set(given) & set(name)
        )

    def _alike_given_names(self, one: str, other: str) -> bool:
        """Whether two given names are spellings of one: a foreign name's
        letters and long vowels either way (هكتور, هيكتور), the one the other
        with letters more at an end (ستيف, ستيفن; توني, أنتوني), or a letter
        apart (ناومي, ناعومي; روبرت, روربت), two in a name of five letters or
        more (دفيفد, ديفيد; يائير, جايير), but for two common given names
        (نادر, ناصر); never a name kept apart from its look-alikes
        (data/distinct-names.txt: محمد, أحمد; عمر, عمرو; خالد, خالدة)."""
        from .suggest import skeleton  # (it reads this module)

        shorter, longer = sorted((one, other), key=len)
        if skeleton(one).startswith("=") or skeleton(other).startswith("="):
            return False
        if skeleton(one) == skeleton(other):
            return True
        if len(shorter) >= 3 and (longer.startswith(shorter) or longer.endswith(shorter)):
            return True
        if _hamza_apart(one, other):
            return True  # فائز, فايز
        given, counts = self.cues.first_names, self.cues.counts
        if all(name in given and counts.get(name, 0) >= _COMMON_GIVEN for name in (one, other)):
            return False  # two names of their own, a letter apart (نادر, ناصر; أمين, أيمن)
        return len(shorter) >= 4 and _distance(one, other) <= (2 if len(shorter) >= 5 else 1)

    def _join_misspellings(self, by_key, actors_keys, mentions):
        """Two names a story gives a person that differ in one word after
        the first, a letter apart, or two in a word of seven letters or more,
        not both words of the lists (كيليان مبابي and كيليان مبامي, سيلفيو
        برلسكوني and سيلفيو برسلوسكوني, رجب طيب أردوغان and رجب طيب أروغان):
        one person, under the gazetteer's name, else the name written more.
        Not فلاديمير بوتين and فلاديمير كوجين, فهد المولد and فهد المهلل (two
        letters of five or six), nor two the gazetteer knows. Each name is
        compared with each: past _MOST_PEOPLE_COMPARED names (a list of
        results, a hostile text) none is joined."""
        people = sorted(
            (k for k, found in by_key.items() if found.kind == PERSON and " " in k),
            key=lambda k: (k not in actors_keys, -mentions.get(k, 0), k),
        )
        if len(people) > _MOST_PEOPLE_COMPARED:
            return
        for at, name_key in enumerate(people):
            if name_key not in by_key or name_key in actors_keys:
                continue
            words = name_key.split()
            into = next(
                (
                    other
                    for other in people[:at]
                    if other in by_key and self._misspelt(words, other.split())
                ),
                None,
            )
            if into is not None:
                _join(by_key, mentions, into, name_key)

    def _misspelt(self, words: list[str], other: list[str]) -> bool:
        """Whether a name's words are another's but one after the first,
        written a letter apart (two in seven letters or more), not both
        words the lists know nor one the other's nisba (`_join_misspellings`)."""
        if len(words) != len(other) or words[0] != other[0]:
            return False
        apart = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
        if len(apart) != 1:
            return False
        one, two = apart[0]
        shorter = min(len(one), len(two))
        if shorter < 5 or (self._listed(one) and self._listed(two)):
            return False
        if one + "ي" == two or two + "ي" == one:
            return False  # أحمد منصور, أحمد منصوري: a nisba, another family's name
        return _distance(one, two) <= (2 if shorter >= 7 else 1)

    def _kin_by(self, texts, number, position) -> bool:
        """Whether a word of kin stands by the name first mentioned at
        `position` of text `number`: three words before it or after its first."""
        near = texts[number][max(0, position - 3) : position + 4]
        return any(self.cues.kin.intersection(without_clitic(token[NORM])) for token in near)

    def _another_sons(self, tokens, position, size, end) -> bool:
        """Whether a known spelling that is a person's name without its
        first word (عبد الله صالح, of علي عبد الله صالح), ending in a given
        name, goes on with another given name: it is another man's name, his
        father's and grandfather's (العقيد عبد الله صالح معرجي). A person's
        whole name goes on with his own lineage (آبي أحمد علي, عبد الله بن
        زايد آل نهيان) or with words that only seemed a name."""
        last = tokens[position + size - 1][NORM]
        if last not in self.cues.first_names or not _a_given_name_after(
            tokens, position + size, end
        ):
            return False
        shown = key(self._shown(tokens[position : position + size]))
        actor = self.gazetteer.actor(shown)
        whole = key(actor.name) if actor is not None else shown
        return whole != shown and whole.endswith(" " + shown)

    def _whole_alone(self, tokens, position) -> bool:
        """Whether a person the gazetteer knows by one word, before more
        words found by their shape, is named whole and the words after are
        no part of the name: a surname the archive often writes alone
        (أردوغان أعلنا, مانشيني معجب), or all the name they have (نيمار
        بداعي الإصابة), then a word no name is known to have. Not a given
        name (ميغان كيلي), nor a rare surname (غودني بيرغسون: another)."""
        shown = self._shown(tokens[position : position + 1])
        actor = self.gazetteer.actor(shown)
        if actor is None or actor.type != PERSON or position + 1 == len(tokens):
            return False
        spelling = key(shown)
        if self.cues.counts.get(spelling, 0) < _RARE:
            return False
        if key(actor.name) != spelling and (
            spelling in self.cues.first_names or self.gazetteer.begins_a_name(spelling)
        ):
            return False
        after = tokens[position + 1][NORM]
        return not (
            self._known(after) or after in self.cues.first_names or after in self.cues.links
        )

    def _after_another_given_name(self, tokens, position, spelling) -> bool:
        """Whether a family name the gazetteer's person shares with others
        follows a given name that, with it, names no one it knows: another
        person's (كيلي كيري is not John Kerry, ناصر الجعفري not Bashar)."""
        if not position or tokens[position][NORM] != spelling:
            return False  # (وسواريز after ونيمار: a list of names)
        given = tokens[position - 1][NORM]
        forms = [f for f in without_clitic(given) if f in self.cues.first_names]
        return bool(forms) and all(
            self.gazetteer.actor(f"{form} {spelling}") is None for form in forms
        )

    def _a_model(self, tokens, position, size) -> bool:
        """Whether a company's name is a product's there: after a word of a
        product's kind, a model's number after it (طائرة بوينغ 737, من طراز
        إيرباص إيه 380), not a year (nor a score: مانشستر يونايتد 2)."""
        if not any(t[NORM] in _PRODUCTS for t in tokens[max(0, position - 3) : position]):
            return False
        after = position + size
        if after < len(tokens) and tokens[after][SHOWN] in _MODEL_LETTERS:
            after += 1
        if after >= len(tokens):
            return False
        number = tokens[after][SHOWN]
        if not _MODEL.match(number) or _YEAR.match(number):
            return False
        if after + 1 < len(tokens) and _in(tokens[after + 1][NORM], _COUNTED):
            return False  # طائرات بوينغ 100 طائرة, هواتف هواوي 200 مليون: how many
        actor = self.gazetteer.actor(self._shown(tokens[position : position + size]))
        return actor is not None and actor.type == ORGANISATION

    def _two_people(self, tokens, span) -> bool:
        """Whether a name found by its shape is two the gazetteer knows: a
        person's family name of one word (no given name), and another
        person's whole name after it (ترامب مايكل كوهين, ترامب جاريد كوشنير)."""
        start, end = span
        if end - start < 3 or tokens[start][NORM] in self.cues.first_names:
            return False
        first = self.gazetteer.actor(self._shown(tokens[start : start + 1]))
        other = self.gazetteer.actor(self._shown(tokens[start + 1 : end]))
        return (
            first is not None
            and other is not None
            and first is not other
            and first.type == other.type == PERSON
        )

    def _glued_before(self, tokens, span) -> bool:
        """Whether a name found by its shape is a known person's whole name,
        their given name first, after a word that is no name: a country or a
        city, a definite word, a frequent word of the language (رئيس مالي
        إبراهيم أبو بكر كيتا, هنغاريا فيكتور أوربان, المرشد علي خامنئي, عودة
        مروان محسن; not صالح محمد صلاح nor دنيا سمير غانم, a child's name,
        which a given name or a rare word may begin); or after a body's
        name that is a given name too (مدافع تشيلسي روديغر, شيخ الأزهر أحمد
        الطيب: the club's, the body's, not a namesake's)."""
        start, end = span
        cues = self.cues
        shown, word = tokens[start]
        if end - start >= 2 and self.gazetteer.names_a_body(shown):
            actor = self.gazetteer.actor(self._shown(tokens[start + 1 : end]))
            return actor is not None and actor.type == PERSON
        if end - start < 3 or tokens[start + 1][NORM] not in cues.first_names:
            return False
        if shown in cues.written_given or self._clitic_given_name(tokens[start]):
            return False
        if word in cues.first_names:
            return False
        if not (
            word.startswith("ال")
            or countries().at([word], 0, adjectives=False)
            or (cues.counts.get(word, 0) >= _RARE and cues.name_share.get(word, 0) < 0.25)
        ):
            return False
        actor = self.gazetteer.actor(self._shown(tokens[start + 1 : end]))
        return actor is not None and actor.type == PERSON

    def _known_in_full(self, shown: str):
        """The one person of the gazetteer a name of three words or more
        names in full (of two: `_known_as_spelt`): their given name first,
        their family name last, and the words of one of their names between
        in order, with more (the father's name, a middle initial: عمر حسن
        أحمد البشير, دونالد جيه ترامب, عبد الملك بدر الدين الحوثي), two at
        most, none a family name of its own (تركي بن محمد العبدالله الفيصل is
        not تركي الفيصل), nor a generation more in a name of generations (محمد
        بن خليفة بن زايد is not محمد بن زايد); None for none or several. A
        family name that is a given name too (علي, حسن) says too little."""
        written = key(shown).split()
        if len(written) < 2 or written[-1] in self.cues.first_names:
            return None
        words = _foreign_skeleton(written)
        if len(written) == 2:
            return self._known_as_spelt(written, words)
        if max(len(words[0]), len(words[-1])) < _SHORTEST_SKELETON:
            # Two letters a word once the long vowels are out say too little
            # for words between (باك يونغ سيك is not بوكايو ساكا; دييغو
            # أرماندو مارادونا is دييغو مارادونا).
            return self._given_name_misspelt(written)
        owners = {
            id(actor): actor
            for name, actor in self._full_names.get((words[0], words[-1]), ())
            if len(name) < len(words) <= len(name) + 2
            and _within(name, words, PERSON)
            and not any(_a_family_name(w) for w in written[1:-1])
            and not (_generations(name) and _generations(words) > _generations(name))
        }
        if not owners:
            return self._given_name_misspelt(written)
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _given_name_misspelt(self, written: list[str]):
        """The person the gazetteer knows by the words after the first of
        `written` (a family name of two words or more), whose given name
        the first is a letter apart from, no given name of the list itself
        (مولودو جاويش أوغلو is مولود جاويش أوغلو; not محمد حسن روحاني, in
        Arabic حسن روحاني's son)."""
        given = written[0]
        if len(given) < 4 or given in self.cues.first_names:
            return None
        actor = self.gazetteer.actor(" ".join(written[1:]))
        if actor is None or actor.type != PERSON:
            return None
        names = (key(spelling).split() for spelling in actor.aliases)
        theirs = {words[0] for words in names if words[1:] == written[1:]}
        return actor if any(_distance(name, given) == 1 for name in theirs) else None

    def _known_as_spelt(self, written: list[str], words: list[str]):
        """The one person of the gazetteer a name of two words names in
        another spelling of theirs (`words`: as `_foreign_skeleton` has
        them): the given name as theirs and the family name's letters but
        for long vowels, five letters at least and a nisba's ي as theirs,
        after a given name no Arabic one long vowels tell apart (مالكولم
        تيرنبول, تيبو كورتو; not محمد رمضاني, محمد هندي); the given name's letters so, three at
        least, or a hamza's seat apart, and the family name a letter apart at
        most (وائل غنيم is وايل غنيم, سرجيو راموس سيرجيو راموس); or the
        family name as theirs and a given name a letter apart that is no
        given name of the list (مانوال فالس; not مارك أوباما, خالد جرار). Not
        جورج كلوني for جيورجيو كيليني, جيمس بيكر for جيمس باكر, مايكل جونسون
        for مايك جونسون. None for none or several."""
        from .suggest import skeleton  # (it reads this module)

        given_written, family_written = written
        listed = self.cues.first_names

        shape = skeleton(given_written)  # (once, not once a candidate)

        def spelt_alike(given: str) -> bool:
            return (
                not shape.startswith("=")
                and len(shape) >= _SHORTEST_SKELETON
                and (shape == skeleton(given) or _hamza_apart(given, given_written))
            )

        def a_letter_apart(given: str) -> bool:
            return (
                len(given_written) >= 4
                and _distance(given, given_written) <= 1
                and given_written not in listed  # مارك أوباما is no باراك أوباما
                and not skeleton(given).startswith("=")
            )

        owners = {
            id(actor): actor
            for given, family, actor in self._given_names_of.get(words[-1], ())
            if (given, family) != (given_written, family_written)
            and (
                (  # a foreign family name's long vowels (not محمد رمضاني, رمضان)
                    given == given_written
                    and len(family) >= 5
                    and family.endswith("ي") == family_written.endswith("ي")
                    and not skeleton(given).startswith("=")
                )
                or (
                    given != given_written
                    and spelt_alike(given)
                    and _distance(family, family_written) <= 1
                )
                or (family == family_written and a_letter_apart(given))
            )
        }
        return next(iter(owners.values())) if len(owners) == 1 else None

    @cached_property
    def _given_names_of(self) -> dict[str, list]:
        """A family name (as `_foreign_skeleton` has it) -> (given name,
        family name, actor) of each person the gazetteer names in two words
        so, without ambiguity."""
        found: dict[str, list] = {}
        for spelling, actor in self.gazetteer.people_spellings():
            words = key(spelling).split()
            if len(words) == 2:
                found.setdefault(_foreign_skeleton(words)[-1], []).append((*words, actor))
        return found

    @cached_property
    def _full_names(self) -> dict[tuple[str, str], list]:
        """(first word, last word) -> (words, actor) of each name of two
        words or more of a person the gazetteer knows without ambiguity,
        its words as `_foreign_skeleton` has them (بريغوجين, بريجوجين)."""
        found: dict[tuple[str, str], list] = {}
        for spelling, actor in self.gazetteer.people_spellings():
            words = _foreign_skeleton(key(spelling).split())
            if len(words) >= 2:
                found.setdefault((words[0], words[-1]), []).append((words, actor))
        return found

    def _surely_a_body(self, name_key: str) -> bool:
        """Whether a name of two words names a body however seldom the story
        names it: a university, a company, a club, a bank, an institute, an
        agency, a party (`_NAMED_ONCE`), then a rare word that is no word of
        the language nor one glued to a clitic or a pronoun (جامعة وريك, شركة
        ممزورلد; not محكمة بسيدني, منظمة بفروع, شركة نملكها, شركة الطاقة)."""
        words = name_key.split()
        if len(words) != 2 or words[0] not in _NAMED_ONCE:
            return False
        name = words[1]
        if words[0] in _NAMED_FOR_A_PLACE and self._a_place_name(name):
            return True  # جامعة لندن
        counts = self.cues.counts
        return (
            self._proper(name)
            # a word the archive never writes, with the article or without,
            # is no word of the language (شركة لوباكت, معهد ترايبكا)
            and not (
                self._a_word(name) and (name.startswith("ال") or counts.get("ال" + name, 0) > 0)
            )
            and not self._known(name)
            and not name.startswith("لل")
            and not name.endswith((*_PRONOUNS, "ني", "نا"))
            and not self._verb_or_adverb(name)
            and not any(  # بسيدني, بفروع; a verb: اخترعت, تتولد
                counts.get(form, 0) >= _RARE // 4 or self._known(form)
                for form in (*without_clitic(name)[1:], name[:-1], name[1:])
            )
        )

    def _drop_run_ons(self, by_key, actors_keys, mentions):
        """A name the story gives once, a person's name it gives too and one
        word more (رشدي راشد بمدالية and رشدي راشد مهووس beside رشدي راشد;
        أريثا فرانكلين الحائزة): that name run on, not another person, nor
        the full name the shorter one is joined into. Not where that word
        is a given name, a known name's, one used mostly in names or a
        family's nisba (فرديناند ماركوس جونيور, أحمد منصور الشحي); a
        foreign family name the lists do not know, given in full once
        (كاثرين روز هولزمان), is shown as the shorter name."""
        for name_key, found in list(by_key.items()):
            *words, last = name_key.split()
            shorter = " ".join(words)
            if (
                found.kind == PERSON
                and len(words) >= 2
                and name_key not in actors_keys
                and mentions.get(name_key, 0) <= 1
                and shorter in by_key
                and by_key[shorter].kind == PERSON
                and not self._listed(last)
                and not (last.startswith("ال") and last.endswith("ي"))  # الشحي, a family's
                and self.cues.name_share.get(last, 0) < 0.5
            ):
                del by_key[name_key]

    def _drop_run_on_words(self, by_key, actors_keys, mentions):
        """A person's name the story gives, or its first or last word, and
        a word after it that says something of them (`_said_of_a_name`),
        once (صلاح متألما, صلاح أشعلت beside محمد صلاح; كيم يزور): that person
        run on, no one else. After another's given name alone (محمد أنعم
        beside محمد بن سلمان), a verb of the past only where it is for "she"
        (مريم استقلت beside مريم رجوي): a man's given name is everyone's.
        And a given name that is a verb of the past as often before the name
        or last word of a person the gazetteer knows, once (عادل صلاح النتيجة
        beside محمد صلاح, دان روحاني beside حسن روحاني): that verb and that
        person (not عادل حسن beside عدلي حسن, two lawyers)."""
        given: dict[str, set[str]] = defaultdict(set)  # a name or its last word -> whose
        firsts: dict[str, set[str]] = defaultdict(set)  # a name's first word -> whose
        titles = self.cues.titles
        for name_key, found in by_key.items():
            if found.kind == PERSON:
                words = name_key.split()
                # The given name, past a title the name holds (الملك سلمان بن عبد العزيز).
                given_name = next((w for w in words if not _in(w, titles)), words[0])
                firsts[given_name].add(name_key)
                for name in (name_key, words[-1], *map(key, found.forms)):
                    given[name].add(name_key)
        for name_key, found in list(by_key.items()):
            *words, last = name_key.split()
            shorter = " ".join(words)
            his = given.get(shorter, set()) - {name_key}  # another's name or last word
            if (
                found.kind != PERSON
                or not words
                or name_key in actors_keys
                or mentions.get(name_key, 0) > 1
                or not (his or firsts.get(shorter, set()) - {name_key})
                or self._listed(last)
                or len(last) < 4
            ):
                continue
            shown = next((form for form in found.forms if key(form) == name_key), name_key)
            if self._said_of_a_name(last, shown.split()[-1], bool(his)):
                del by_key[name_key]
        for name_key, found in list(by_key.items()):
            verb, *rest = name_key.split()
            if (
                found.kind == PERSON
                and verb in _VERBS_TOO
                and rest
                and name_key not in actors_keys
                and mentions.get(name_key, 0) <= 1
                and (given.get(" ".join(rest), set()) - {name_key}) & actors_keys
            ):
                del by_key[name_key]  # عادل صلاح النتيجة: "Salah equalised"

    def _said_of_a_name(self, word: str, shown: str, past=True) -> bool:
        """Whether a word after a person's name is what the story says of
        them, no name's: an adverb (متألما: المتألم written); a verb, of the
        present (يزور: تزور or سيزور written) or of the past for "she"
        (أشعلت: أشعل and يشعل written) or, with `past`, for "he" (اعتلى,
        نفد: يعتلي, ينفد written, and never with the article: not فاضل,
        عرفان), after و or not (وعانق); a participle for "she" with the
        article (المخيبة: مخيبة written; a man's is a family's name as
        often: المؤدب, المطير); a noun with its pronoun (بخطئه; `shown`, as
        written: a name ends in ة, a pronoun in ه)."""
        counts = self.cues.counts

        def seldom(form):  # a form written, and no name's
            return counts.get(form, 0) >= _SELDOM and not self._listed(form)

        if self._wears_wa(word) and len(word) > 4 and seldom(word[1:]):
            word, shown = word[1:], shown[1:]
        if word[-1] == "ا" and counts.get("ال" + word[:-1], 0) >= _SELDOM:
            return True
        stem = word[1:]
        if (
            word[0] in "يت"
            and not counts.get("ال" + word, 0)
            and counts.get(("ت" if word[0] == "ي" else "ي") + stem, 0)
            + counts.get("سي" + stem, 0)
            + counts.get("ست" + stem, 0)
            >= _SELDOM
        ):
            return True
        hers = word[-1] == "ت"
        verb = word[:-1] if hers else word  # أشعل, اعتلي
        if (
            (past or hers)
            and word[0] not in "يت"
            and (seldom(verb) if hers else not counts.get("ال" + verb, 0))
            and seldom("ي" + (verb[1:] if verb[0] == "ا" else verb))
        ):
            return True
        if word.startswith("الم") and word[-1] == "ه" and shown[-1] == "ة" and seldom(word[2:]):
            return True
        return inflected((shown, word), counts)

    def _join_short_forms(self, by_key, short, actors_keys=frozenset(), mentions=None):
        """Join to the one full name each short form belongs to: a surname
        or first name alone (`short`: the forms of its word each, and it as
        shown: الصيد, عبد الرحمن), a name with words left out (عمر البشير
        for عمر حسن البشير), an organisation's first words (حزب العمال for
        حزب العمال الكردستاني). A short form of no name, or of two, is dropped.
        A person of the gazetteer (`actors_keys`) named as it knows them is
        theirs, however alike a longer name is (دونالد ترامب is not دونالد
        ترامب الابن, ترامب not «باربرا ترامب»), and a longer name the
        gazetteer does not know that begins with theirs is them; a body of
        it too, but where a longer name the gazetteer knows begins with it
        (الاتحاد الأوروبي in a story of الاتحاد الأوروبي لكرة القدم), or
        another it does not know, named as often (`mentions`)."""
        mentions = mentions or {}
        # A short form shares with the names it may stand for their first or
        # last word, its first two, or its first and their last: look only
        # at those, not at every name of the story (2,000 names took seconds).
        order = {k: i for i, k in enumerate(by_key)}
        sharing_keys: dict[tuple[str, ...], set[str]] = defaultdict(set)

        def index(name_key, forms):
            for name in (name_key, *(key(form) for form in forms)):
                words = name.split()
                if words:
                    sharing_keys[(words[0],)].add(name_key)
                    sharing_keys[(words[-1],)].add(name_key)
                    sharing_keys[tuple(words[:2])].add(name_key)
                    for word in words[:-1]:
                        sharing_keys[(word, "…", words[-1])].add(name_key)

        def sharing(*shared):
            keys = set().union(*(sharing_keys.get(k, ()) for k in shared))
            return sorted((k for k in keys if k in by_key), key=order.__getitem__)

        def shorter(words, kind):
            """What the names a name is short for share with it."""
            if len(words) == 1:
                return [tuple(words)]
            if kind != PERSON:
                return [tuple(words[:2])]
            return [tuple(words[:2]), (words[0], "…", words[-1])]

        for k, f in by_key.items():
            index(k, f.forms)
        for forms, shown in short:
            owners = [
                k
                for k in sharing(*((form,) for form in forms))
                if by_key[k].kind == PERSON and (k.split()[0] in forms or k.split()[-1] in forms)
            ]
            if len(owners) == 1 and shown not in by_key[owners[0]].forms:
                by_key[owners[0]].forms.append(shown)
                index(owners[0], [shown])
        for name_key in sorted(by_key, key=lambda k: len(k.split())):
            found = by_key.get(name_key)
            if found is None:
                continue  # joined already
            words = name_key.split()
            if name_key in actors_keys and found.kind == PERSON:
                # Named as the gazetteer knows them: their own; and a longer
                # name that begins with theirs is theirs in full (نيمار دا
                # سيلفا, محمد بن راشد آل مكتوم).
                for k in sharing(*shorter(words, ORGANISATION)):
                    f = by_key[k]
                    if (
                        f.kind == PERSON
                        and k not in actors_keys
                        and k.split()[: len(words)] == words
                    ):
                        found.forms.extend(x for x in f.forms if x not in found.forms)
                        index(name_key, f.forms)
                        del by_key[k]
                continue
            longer = [
                (k, by_key[k])
                for k in sharing(*shorter(words, found.kind))
                if by_key[k] is not found
                and by_key[k].kind == found.kind
                and any(
                    len(name) > len(words) and _within(words, name, found.kind)
                    for name in (k.split(), *(key(form).split() for form in by_key[k].forms))
                )
            ]
            if len(longer) == 1 and name_key in actors_keys and longer[0][0] not in actors_keys:
                # A body the gazetteer knows, named more often than the longer
                # name that begins with it: its own (حزب الله named 17 times
                # and «حزب الله الرامي» once), and that name, once, the words
                # after its name run on (تبنت حركة حماس المسؤولية); as often,
                # its short form (النادي الأهلي for النادي الأهلي السعودي).
                if mentions.get(name_key, 0) > mentions.get(longer[0][0], 0):
                    if mentions.get(longer[0][0], 0) <= 1:
                        del by_key[longer[0][0]]
                    continue
            if (
                len(longer) == 1
                and {name_key, longer[0][0]} <= actors_keys
                and any(
                    set(key(form).split()) - set(longer[0][0].split()) - self.cues.heads
                    for form in found.forms
                )
            ):
                # A word of its own the longer name lacks, its kind's aside
                # (الأهلي المصري beside النادي الأهلي السعودي): two bodies the
                # story names, not one shortened (القاعدة in a story of تنظيم
                # القاعدة في جزيرة العرب, هيئة الهلال الأحمر of الإماراتي).
                continue
            if len(longer) == 1:
                into, joined = longer[0]
                joined.forms.extend(x for x in found.forms if x not in joined.forms)
                index(into, found.forms)
                del by_key[name_key]

    def _source(self, tokens, position, form: str) -> bool:
        """Whether an outlet's mention at `position`, written `form` (its
        clitic aside), is a source the news is quoted from: told to it (ل
        glued on: لوكالة, لصحيفة, not لوس أنجلوس تايمز), after a word of
        attribution (بحسب, وفقا ل, ذكرت, نقلت, نقلا عن)."""
        if _told_to(tokens[position][NORM], form):
            return True
        before = _before(tokens, position)
        if before == "عن" and position > 1:
            before = tokens[position - 2][NORM]  # نقلا عن, نقلت عن
            return before in _RELAYED
        if position > 2 and tokens[position - 2][NORM] in _WHAT and _in(before, _REPORTED):
            # بحسب ما أعلنت وكالة, وفقا لما نشرته صحيفة (not نفت ما نشرته صحيفة:
            # what it denied, the story's)
            return _in(tokens[position - 3][NORM], _ATTRIBUTION) is not None
        return any(
            _in(word, _ATTRIBUTION) is not None
            for word in (before, *(before[: -len(it)] for it in ("ه", "ها") if before.endswith(it)))
        )  # ذكرت, وفقا لما نقلته

    def _outlet(self, words) -> bool:
        """Whether an organisation's name is an outlet's (صحيفة …, وكالة …
        للأنباء, وكالة الإعلام الروسية, هيئة الإذاعة والتلفزيون الإثيوبية)."""
        head = _in(words[0][NORM], self.cues.heads)
        return (
            head in self.cues.outlets
            or (head in _AGENCIES and any(news in w[NORM] for w in words[1:] for news in _NEWS))
            or (head in _AUTHORITIES and len(words) > 1 and words[1][NORM] in _ON_AIR)
        )

    def _shown(self, tokens: list[_Token]) -> str:
        """A name as the article writes it: without diacritics or tatweel,
        and without the clitic glued to its first word (لبوتين, وحزب, للأمم)."""
        first = tokens[0]
        forms = without_clitic(first[NORM])
        chosen = first[NORM]
        if self._listed(first[NORM]):
            forms = forms[:1]  # فريدة, وليد: the letter is the name's own
        elif self._clitic_given_name(first):
            # وجو مانشين, لجيمس تاركوفسكي: a given name of three letters or
            # more (وكيت: one told as written)
            forms, chosen = [], first[NORM][1:]
        for form in forms[1:]:
            if (
                form in self.cues.first_names
                or _in(form, self.cues.heads) == form
                or _in(form, self.cues.titles) == form
                or self._known(form)
                or self.cues.counts.get(form, 0) > 5 * self.cues.counts.get(first[NORM], 0) + _RARE
            ):
                chosen = form
                break
        words = [
            _as(first, chosen),
            *(t[SHOWN] for t in tokens[1:] if t[SHOWN] not in _AROUND and t[SHOWN] != JOINER),
        ]
        return " ".join(words).strip()


def _named_after(texts, body, claimed) -> bool:
    """Whether a known actor's name follows a body (text, start, end), past
    a quote or a parenthesis: وزارة الدفاع "البنتاغون" is the Pentagon."""
    number, at = body.number, body.end
    tokens = texts[number]
    while at < len(tokens) and tokens[at][SHOWN] in QUOTES | {"("}:
        at += 1
    return at > body.end and claimed.get((number, at)) == ORGANISATION


def _definite_after_a_clitic(word: str, counts) -> bool:
    """Whether a word is ل, ب or ك before a definite noun (للتربية,
    بالمستشفيات, كالعادة): لل always (a slip after it is no name: للصحفين),
    بال and كال where the news write the noun, not a name that only begins
    so (كالانتاري, بالاكريشنان: no الانتاري nor انتاري is written; كالفو:
    فو is, but seldom, and never الفو)."""
    if word.startswith("لل"):
        return True
    if not word.startswith(_BAL):
        return False
    rest = word[3:]
    return counts.get("ال" + rest, 0) > 0 or counts.get(rest, 0) >= _RARE // 4


def _credited(tokens, position) -> bool:
    """Whether a name at `position` is in a credit line: a word of credits
    opening a sentence and a colon before it, and only names, و and commas
    between (تقرير: ألكساندرا رونار وأوغوستا لوناردي)."""
    at = position - 1
    while at > 0 and position - at <= 8:
        shown = tokens[at][SHOWN]
        if shown == ":":  # the credit's word opening its sentence (not في تقرير:)
            return tokens[at - 1][NORM] in _CREDITS and (at < 2 or not _is_word(tokens[at - 2]))
        if not _is_word(tokens[at]) and shown not in COMMAS:
            return False  # a sentence's end, a quote: no credits' list
        at -= 1
    return False


def _a_month(tokens, position) -> bool:
    """Whether the word at `position` is a month's name where a date has it:
    beside another month's name, "/" between or not (أبريل نيسان, نيسان/
    أبريل), after a day, before a year or الماضي, المقبل, الجاري (not a
    number after it: التقت ماي 27 زعيما is Theresa May)."""
    if tokens[position][NORM] not in _MONTH_NAMES:
        return False

    def neighbour(step):
        at = position + step
        if 0 <= at < len(tokens) and tokens[at][SHOWN] == "/":
            at += step
        return tokens[at] if 0 <= at < len(tokens) else None

    before, after = neighbour(-1), neighbour(1)
    return (
        any(t is not None and t[NORM] in _MONTH_NAMES for t in (before, after))
        or (before is not None and before[SHOWN].isdigit() and len(before[SHOWN]) <= 2)
        or (after is not None and (after[NORM] in _MONTH_NEXT or _a_year(after[SHOWN])))
    )


def _a_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def _as(token: _Token, form: str) -> str:
    """A word as written, cut to `form`, one of its normalised forms
    without a clitic (للأمم as الأمم, بوزارة as وزارة)."""
    shown = token[SHOWN]
    if form == token[NORM]:
        return shown
    cut = len(token[NORM]) - len(form)
    if form.startswith("ال") and token[NORM][cut:].startswith("لل"):
        return "ال" + shown[cut + 2 :]
    return shown[cut:]


def _comma(tokens, at) -> int:
    """1 where a comma is at `at`, else 0."""
    return int(at < len(tokens) and tokens[at][SHOWN] in COMMAS)


def _quoted_alone(tokens, start, end) -> bool:
    """Whether the words from `start` to `end` are all a quote holds right
    after what kind of company it names (الشركة الروسية "زاروبزنفت", شركة
    العلاقات العامة "ايدلمان")."""
    return (
        start > 0
        and end < len(tokens)
        and _quoted(tokens, start - 1) == end
        and any(_in(token[NORM], _COMPANIES) for token in tokens[max(0, start - 5) : start - 1])
    )


def _quoted(tokens, at) -> int | None:
    """The position of the quote that closes a name of one to five words
    quoted from `at` (حزب "الجبهة الوطنية"), or None."""
    return _enclosed(tokens, at, QUOTES, QUOTES, _is_word)


def _bracketed(tokens, at) -> int | None:
    """The position of the bracket that closes a name of one to five words
    in Arabic letters bracketed from `at` (جماعة (قدامى محاربي بريطانيا);
    not (فوت ليف - Vote Leave), nor an acronym in Latin letters), or None."""
    return _enclosed(tokens, at, {"("}, {")"}, lambda token: is_arabic(token[SHOWN]))


def _enclosed(tokens, at, opening, closing, a_word) -> int | None:
    """The position of the mark (`closing`) that closes a name of one to
    five words (`a_word`) a mark (`opening`) opens at `at`, or None."""
    if at >= len(tokens) or tokens[at][SHOWN] not in opening:
        return None
    for j in range(at + 1, min(len(tokens), at + 7)):
        if tokens[j][SHOWN] in closing:
            return j if j > at + 1 else None
        if not a_word(tokens[j]):
            return None
    return None


def _the_city(tokens, position, gentilics) -> bool:
    """Whether a body's one-word name at `position` is the city the body is
    named for (برشلونة, ليفربول, روما): after a word of a city's (شوارع
    برشلونة, ضواحي روما), also past a nationality (العاصمة الإيطالية روما)."""
    before = position - 1
    if before > 0 and tokens[before][NORM] in gentilics:
        before -= 1
    return before >= 0 and _in(tokens[before][NORM], _OF_A_CITY) is not None


# How often a local outlet's story may name other countries and still be
# of its own (a smuggling ring's cars sent to Algeria is Tunisian news).
_ABROAD_AT_HOME = 1
# The letters a verb of the present begins with (يقول, تتمسك, نتمسك, أقول).
_OF_THE_PRESENT = frozenset("يتنا")
# Adjectives of bodies' names after their nation's (المحكمة البرازيلية العليا,
# هيئة الأركان الأمريكية المشتركة, لجنة حقوق الإنسان الأفغانية المستقلة).
_OF_NAMES = frozenset(
    map(
        normalize,
        "المشترك المشتركة المستقل المستقلة المصغر المصغرة المحدودة المتحدة الموحد "
        "الموحدة العليا الأعلى الكبرى العظمى الحر الحرة العام العامة".split(),
    )
)
# The kinds of body a story calls one it names otherwise by, with its nation.
_A_COMPANYS_KIND = frozenset(map(normalize, ("الشركة", "المجموعة", "الوكالة")))
# "Chief" of a role after a name's comma (كبير الاقتصاديين, كبيرة مستشاري):
# no title before a name, a word of the language there (حشد كبير).
_CHIEF = frozenset(map(normalize, ("كبير", "كبيرة")))
# Whom words are quoted from (نقلت رويترز عن ...): a name a role after a
# comma confirms may follow.
_WHOM_QUOTED = frozenset({"عن"})


def _before(tokens, position) -> str:
    return tokens[position - 1][NORM] if position else ""


def _on_a_platform(tokens, position) -> bool:
    """Whether the platform named at `position`, quotes aside, is where
    something was said or shown (على تويتر, عبر حسابه في فيسبوك, حساب
    تويتر, بموقع التواصل الاجتماعي تويتر), not one that acts (تويتر تنصح
    مستخدميها, أعلن موقع فيسبوك)."""
    at = position - 1
    while at >= 0 and tokens[at][SHOWN] in QUOTES:
        at -= 1
    if at < 0:
        return False
    word = tokens[at][NORM]
    if word in _ON:
        # على after what is done to it is its object: تستحوذ على لينكد إن.
        return not (at and any(f.startswith(_UPON) for f in without_clitic(tokens[at - 1][NORM])))
    if word.startswith(_ACCOUNT):
        return True  # حساب تويتر, صفحته
    if word == _IN:
        return at > 0 and tokens[at - 1][NORM].startswith(_ACCOUNT)  # حسابه في تويتر
    first = at
    while first >= 0 and _in(tokens[first][NORM], _SITE_WORDS):
        first -= 1
    if first == at:
        return False
    site = tokens[first + 1][NORM]
    # موقع ... after على, عبر, في, or with ب glued on: بموقع تويتر
    return (first >= 0 and tokens[first][NORM] in _ON | {_IN}) or (
        site[:1] == "ب" and site[1:] in _SITE_WORDS
    )


def _before_outlet(tokens, position, outlet_kinds, aside=frozenset()) -> int:
    """Where the word before the outlet named at `position` is, quotes, a
    word of its kind and the words `aside` skipped (-1: none)."""
    at = position - 1
    while at >= 0 and (
        tokens[at][SHOWN] in QUOTES or tokens[at][NORM] in outlet_kinds or tokens[at][NORM] in aside
    ):
        at -= 1
    return at


def _done_to(tokens, position, outlet_kinds) -> bool:
    """Whether the outlet named at `position` is what the sentence does
    something to (إغلاق قناة الجزيرة, هاجم قناة "الجزيرة", أغلقت مكاتب قناة
    الجزيرة, وغلق نهائيا قناة الجزيرة): before it, quotes, a word of its
    kind and نهائيا aside, a word of closing, banning, suing or attacking."""
    at = _before_outlet(tokens, position, outlet_kinds, _FOR_GOOD | _OF_AN_OUTLET)
    return at >= 0 and any(form in _DONE_TO for form in without_clitic(tokens[at][NORM]))


def _a_company(tokens, position, form: str) -> bool:
    """Whether an outlet or a platform is named as the company it is (شركة
    فيسبوك, وقالت شركة "لينكد إن"), past a quote: a company of the story,
    where a platform something is posted on is none (نشر على تويتر)."""
    if normalize(form.split()[0]) in _COMPANY:
        return True
    at = _before_outlet(tokens, position, ())
    return at >= 0 and _in(tokens[at][NORM], _COMPANY) is not None


def _interviewed_by(tokens, position, outlet_kinds) -> bool:
    """Whether the outlet named at `position` gives the interview the story
    tells (في مقابلة مع "سي إن إن", حوار خاص مع قناة الجزيرة): before it,
    quotes and a word of its kind aside, مع after a word of interview."""
    at = _before_outlet(tokens, position, outlet_kinds, _OF_AN_OUTLET)
    if at < 1 or tokens[at][NORM] != normalize("مع"):
        return False
    at -= 1
    if tokens[at][NORM] in _INTERVIEW_KIND and at:
        at -= 1
    return any(form in _INTERVIEW for form in without_clitic(tokens[at][NORM]))


def _told_to(word: str, form: str) -> bool:
    """Whether ل is glued to a mention (لوكالة, وللكرملين) written `form`
    without its clitic (not a name's own ل: لوس أنجلوس تايمز)."""
    first = normalize(form.split()[0])
    # The letters before the name's own: ول of ولوكالة; لل of للكرملين, whose ال is the name's.
    glued = word[: len(word) - len(first)] if word.endswith(first) else word[: -len(first) + 1]
    return "ل" in glued


def _at_a_place(tokens, position, form: str) -> bool:
    """Whether a seat's mention at `position`, written `form`, is the place
    (after a word of place or of a visit, its clitic aside: وفي البيت
    الأبيض, وصوله إلى, زار, or with ب glued on: بالبيت الأبيض; not after
    an official of it: مسؤول في, مسؤول بالبيت الأبيض,
    ومسؤولين كبار في) or told to after a word of allegiance (موالية
    للكرملين)."""
    before = _before(tokens, position)
    if _told_to(tokens[position][NORM], form):
        return before.startswith(_ALLEGIANCE)
    # ب glued on after an event or a time (اجتماع بالبيت الأبيض, الثلاثاء
    # بالبيت الأبيض): "at"; not a verb's (ندد بالكرملين, اتصل بالبيت الأبيض).
    glued = _at_glued(tokens[position][NORM], form) and _in(before, _HELD_AT) is not None
    if not glued and _in(before, _AT_A_PLACE) is None:
        return False
    # An official of it, maybe with a word on him between (ومسؤولين كبار في): it speaks.
    last = position if glued else position - 1
    return not any(_in(tokens[p][NORM], _OFFICIALS) for p in range(max(0, position - 3), last))


def _a_works_title(tokens, start, places) -> bool:
    """Whether a name at `start` opens the quoted title of a work or a law
    (فيلم "لورانس العرب", روايته «أحلام ضائعة», قانون "تايلور فورس") or the
    quoted name of one of `places` (ملعب "رامون سانشيث بيثخوان", which
    `Recogniser._place` reads unquoted): the work's or the place's, no
    person's (the gazetteer's are its own: فيلم "غاندي")."""
    if start < 2 or tokens[start - 1][SHOWN] not in QUOTES:
        return False
    for form in without_clitic(tokens[start - 2][NORM]):
        if form in _WORKS or form in places:
            return True
        for pronoun in ("ه", "ها"):  # روايته, كتابها: its ة a ت before one
            work = form.removesuffix(pronoun)
            if work != form and (
                work in _WORKS or (work[-1:] == "ت" and work[:-1] + "ه" in _WORKS)
            ):
                return True
    return False


def _a_teams_name(tokens, start) -> bool:
    """Whether a name at `start` follows a team's word without the article
    (فريق شيفيلد وينزداي, ضد فريق ستيوا بوخاريست): the team's name, or a
    person's whose team it is (not the rank: الفريق أول; the gazetteer's
    people are its own: فريق زيدان, Zidane's)."""
    return start > 0 and _TEAM in without_clitic(tokens[start - 1][NORM])


def _called(tokens, at) -> bool:
    """Whether the word at `at` is يدعى or تدعى, "(who) is called", as
    written (not يدعي, "claims", after a name)."""
    return (
        at < len(tokens)
        and tokens[at][SHOWN].endswith("ى")
        and _in(tokens[at][NORM], _CALLED) is not None
    )


def _kin_of_him(token, kin) -> bool:
    """Whether a word of kin wears a pronoun (ابنه, زوجته, شقيقها: "his
    son", "his wife", "her brother"), as written: not ابنة, "the daughter
    of", whose ة normalises as ه does."""
    return token[NORM] in kin and token[SHOWN].endswith(("ه", "ها", "هم"))


def _at_glued(word: str, form: str) -> bool:
    """Whether ب is glued to a mention (بالبيت الأبيض, وبالكرملين) written
    `form` without its clitic (not a name's own ب)."""
    return word.lstrip("وف")[:1] == "ب" and word != normalize(form.split()[0])


def _new_phrase(word: str) -> bool:
    """Whether a word after a whole name begins a phrase of its own: a
    definite noun, not an adjective of the name's (الأوروبي, العليا are
    adjectives; الحزمة, الاجتماع are nouns)."""
    return word.startswith("ال") and not word.endswith(("ي", "يه", "يين", "يون", "يا"))


def _foreign_skeleton(words: list[str]) -> list[str]:
    """A name's words, each without the article as `skeleton` has it (a
    foreign name's letters and long vowels either way: بريغوجين, بريجوجين);
    an Arabic family name with the article as written: البرهومي is not
    البراهمي, العرفاوي not العريفي."""
    from .suggest import skeleton  # (it reads this module)

    return [word if word.startswith("ال") else skeleton(word) for word in words]


def _a_given_name_after(tokens, position, end) -> bool:
    """Whether the word at `position`, inside a name ending at `end`, is a
    given name going on a name (معرجي after عبد الله صالح), not its lineage
    (بن, آل) or a family name (العقاد)."""
    if position >= end:
        return False
    word = tokens[position][NORM]
    return not word.startswith("ال") and word not in _SON_OF


def _generations(words) -> int:
    """How many times a name says "son of" (بن, ابن, بنت)."""
    return sum(word in _SON_OF or word == "بن" for word in words)


# What ends a compound given name: بدر الدين, نصر الله.
_COMPOUNDING = frozenset(("الدين", "الله"))


def _a_family_name(word: str) -> bool:
    """Whether a word of a name is a family's (العبدالله), not the end of a
    compound given name (بدر الدين, نصر الله)."""
    return word.startswith("ال") and word != "ال" and word not in _COMPOUNDING


def _hamza_apart(one: str, other: str) -> bool:
    """Whether two words differ only by a hamza on its seat (فاءز, فايز:
    فائز, فايز)."""
    return one.replace("ء", "ي") == other.replace("ء", "ي")


def _distance(one: str, other: str) -> int:
    """The letters changed, added, left out or swapped with a neighbour to
    write `one` as `other` (Damerau-Levenshtein, adjacent swaps)."""
    before, row = None, list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a != b))
            if before is not None and i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def _join_family_spellings(by_key, actors_keys, mentions):
    """Two names a story gives a person that differ only by the article, ل
    or ا before the family name (فتحي الجراي and فتحي جراي, لطفي العماري in
    the body and لطفي لعماري in the title, كارلو أنشيلوتي and نشيلوتي):
    one person, under the gazetteer's name, else the name written more."""
    by_spelling: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name_key, found in by_key.items():
        *words, last = name_key.split()
        if found.kind == PERSON and words:
            for prefix in ("ال", "ل", "ا"):
                if last.startswith(prefix) and len(last) > len(prefix) + 2:
                    last = last[len(prefix) :]
                    break
            by_spelling[(*words, last)].append(name_key)
    for keys in by_spelling.values():
        if len(keys) < 2 or len(set(keys) & actors_keys) > 1:
            continue
        into = max(keys, key=lambda k: (k in actors_keys, mentions.get(k, 0)))
        for name_key in keys:
            if name_key != into:
                _join(by_key, mentions, into, name_key)


def _join(by_key, mentions, into: str, name_key: str):
    """One actor found under two keys: `name_key`'s forms and mentions
    become `into`'s, and it goes."""
    found = by_key.pop(name_key)
    by_key[into].forms.extend(form for form in found.forms if form not in by_key[into].forms)
    mentions[into] = mentions.get(into, 0) + mentions.get(name_key, 0)


def _join_shorter_bodies(by_key, actors_keys, mentions):
    """A body the story names by a name whose words are all, in order, in
    the one longer name it gives of the same kind of body (نقابة التعليم
    الأساسي and النقابة العامة للتعليم الأساسي; وكالة الطاقة الذرية and
    الوكالة الدولية للطاقة الذرية), or a company's name alone beside it after
    its kind (بيتروفاك, شركة بيتروفاك): one body, under the longer name; a
    company's name alone read as a person's, where no list knows the person
    (وقالت توماس كوك beside شركة توماس كوك: the company). Not a body of the
    gazetteer's (الاتحاد الأوروبي is not الاتحاد الجمركي الأوروبي), nor a
    name two longer ones hold."""
    bodies = {k: _stems(k) for k, found in by_key.items() if found.kind == ORGANISATION}
    with_its_kind: dict[tuple, list[str]] = {}  # بيتروفاك -> شركة بيتروفاك
    for k, other in bodies.items():
        if other[0] in _COMPANIES:
            with_its_kind.setdefault(tuple(other[1:]), []).append(k)
    for name_key, found in list(by_key.items()):
        if found.kind == PERSON and name_key not in actors_keys:
            company = [k for k in with_its_kind.get(tuple(_stems(name_key)), ()) if k in by_key]
            if len(company) == 1:
                _join(by_key, mentions, company[0], name_key)
    for name_key, stems in sorted(bodies.items(), key=lambda item: len(item[1])):
        if name_key in actors_keys:
            continue
        longer = [k for k in with_its_kind.get(tuple(stems), ()) if k in by_key]
        if len(stems) > 1:
            longer += [
                k
                for k, other in bodies.items()
                if k in by_key
                and len(other) > len(stems)
                and other[0] == stems[0]
                and _in_order(stems, other)
            ]
        if len(longer) == 1:
            _join(by_key, mentions, longer[0], name_key)


def _stems(name_key: str) -> list[str]:
    """A body's name's words without the article or ل before them
    (النقابة العامة للتعليم: نقابه عامه تعليم)."""
    return [
        next((w[len(p) :] for p in ("لل", "ال", "ل") if w.startswith(p) and len(w) > len(p) + 2), w)
        for w in name_key.split()
    ]


def _in_order(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _within(short: list[str], long: list[str], kind: str) -> bool:
    """Whether a name is a short form of a longer one: an organisation's
    first words; a person's words in order, with the same last word or, for
    one word alone, the same first or last word."""
    if kind != PERSON:
        return long[: len(short)] == short
    if len(short) == 1:
        return short[0] in (long[0], long[-1])
    if long[: len(short)] == short:
        return True  # جان ماري for جان ماري لوبان
    if short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)  # عمر البشير for عمر حسن البشير
