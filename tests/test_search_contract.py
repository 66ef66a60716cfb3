"""The behaviour every search backend must show, run against each of them.

The index holds the project's sample archive plus a few articles written
here to pin down ranking, escaping and paging.
"""

import base64
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import reindex
from indexer.actors import Gazetteer
from indexer.arabic import analyze
from indexer.search import BadRequest, NotFound, SearchRequest, address, batch, highlight
from indexer.search.elastic import ElasticBackend, ElasticStore
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.request import decode_cursor

from .conftest import ROOT, delete_versions

EXTRA = [
    {
        "id": "x-title",
        "title": "قمة الرياض الاقتصادية تختتم أعمالها",
        "body": "اختتمت أعمال المؤتمر بمشاركة واسعة.",
        "date": "2021-05-02",
        "source": "الرؤية",
    },
    {
        "id": "x-body",
        "title": "اختتام مؤتمر اقتصادي",
        "body": "انعقدت في الرياض قمة اقتصادية شارك فيها مستثمرون من عدة دول.",
        "date": "2021-05-03",
        "source": "الرؤية",
    },
    {
        "id": "x-html",
        "title": "تحذير من رسائل احتيال",
        "body": "حذرت الشرطة من رسائل تحمل الرمز <تحقق> & x<y وروابط احتيال.",
        "date": "2021-06-01",
        "source": "الرؤية",
    },
]
EXTRA += [
    {
        "id": "x-decimal",
        "title": "البورصة تغلق على ارتفاع",
        "body": "أغلق المؤشر العام عند 9080.02 نقطة بعد تداولات نشطة.",
        "date": "2021-06-02",
        "source": "الرؤية",
    }
]
# Two words near each other, and the same two far apart (proximity).
EXTRA += [
    {
        "id": "x-near",
        "title": "حديقة الحي",
        "body": "شوهد القنفذ قرب بركة صغيرة تسكنها السلحفاة منذ سنوات.",
        "date": "2021-06-03",
        "source": "الرؤية",
    },
    {
        "id": "x-far",
        "title": "حديقة المدينة",
        "body": "شوهد القنفذ في الصباح الباكر عند مدخل الحديقة الكبيرة ثم اختفى بين "
        "الأشجار العالية قبل أن يعود الحارس ليغلق البوابة الشرقية ويفتح الغربية وفي "
        "المساء ظهرت السلحفاة.",
        "date": "2021-06-04",
        "source": "الرؤية",
    },
]
# One wire story as two outlets ran it (a headline of their own, the last
# sentence cut and a word changed), and another story on the same event.
WIRE = (
    "أعلنت هيئة الطيران المدني في جزيرة سقطرى إعادة فتح مطار حديبو أمام الرحلات "
    "التجارية بعد إغلاق دام ثلاثة أسابيع بسبب الإعصار الذي ضرب الأرخبيل. وقال مدير "
    "المطار إن فرق الصيانة أنهت إصلاح المدرج وبرج المراقبة، وإن أول رحلة ستصل من "
    "عدن صباح الخميس وعلى متنها مساعدات طبية وغذائية. وأضاف أن الرحلات ستكون "
    "أسبوعية في البداية على أن تزداد تدريجيا مع تحسن الأحوال الجوية."
)
EXTRA += [
    {
        "id": "x-wire-a",
        "title": "إعادة فتح مطار سقطرى إثر الإعصار",
        "body": WIRE,
        "date": "2021-07-01",
        "source": "الرؤية",
    },
    {
        "id": "x-wire-b",
        "title": "مطار حديبو يستقبل الرحلات من جديد",
        "body": WIRE.replace("صباح الخميس", "يوم الخميس").rsplit(" وأضاف", 1)[0],
        "date": "2021-07-02",
        "source": "الأرصاد",
    },
    {
        "id": "x-wire-other",
        "title": "سكان سقطرى يحصون خسائر الإعصار",
        "body": "بدأ سكان جزيرة سقطرى إحصاء الأضرار التي خلفها الإعصار في المنازل والمزارع، "
        "فيما ينتظر الصيادون إعادة فتح الميناء ووصول المساعدات إلى القرى البعيدة.",
        "date": "2021-07-03",
        "source": "الرؤية",
    },
]
EXTRA += [
    {
        "id": "x-page-old",  # one weather bulletin years before the others
        "title": "الطقس في نشرة قديمة",
        "body": "توقعات الطقس: أجواء باردة على معظم المناطق.",
        "date": "2010-03-04",
        "source": "الأرصاد",
    }
]
EXTRA += [
    {
        "id": f"x-page-{n:02}",
        "title": f"نشرة الطقس رقم {n}",
        "body": f"توقعات الطقس لليوم {n}: أجواء معتدلة على معظم المناطق مع رياح خفيفة.",
        "date": f"2020-01-{n:02}",
        "source": "الأرصاد",
        "actors": ["هيئة الأرصاد"],
    }
    for n in range(1, 26)
]
# A person the gazetteer knows (غاريث بيل), stored under a spelling of the
# archive's that it lacks, with the same actor_key.
EXTRA += [
    {
        "id": "x-variant",
        "title": "روبرت مولير يسلم تقريره",
        "body": "سلم المحقق الخاص روبرت مولير تقريره النهائي إلى وزارة العدل الأمريكية.",
        "date": "2021-08-03",
        "source": "الرؤية",
        "actors": ["روبرت مولير"],
    }
]
# Two people the gazetteer tells apart whose spellings share a key (the
# King of Jordan, Libya's prime minister).
EXTRA += [
    {
        "id": "x-thinni",
        "title": "عبد الله الثني يلتقي وفدا",
        "body": "التقى رئيس الحكومة الليبية المؤقتة عبد الله الثني وفدا من البرلمان.",
        "date": "2021-08-04",
        "source": "الرؤية",
        "actors": ["عبد الله الثني"],
    }
]
# Two companies the gazetteer tells apart whose names share a key.
EXTRA += [
    {
        "id": f"x-{maker}-{n}",
        "title": f"{name} تكشف عن طراز كهربائي جديد رقم {n}",
        "body": f"كشفت {name} عن سيارة كهربائية جديدة في معرض السيارات السنوي.",
        "date": "2021-08-05",
        "source": "الرؤية",
        "actors": [name],
    }
    for maker, name, many in (("honda", "شركة هوندا", 2), ("hyundai", "شركة هيونداي", 1))
    for n in range(many)
]
# A word the news write two ways, written the rarer way.
EXTRA += [
    {
        "id": "x-ways",
        "title": "عقوبات أميركية جديدة على شركات أوربية",
        "body": "فرضت الإدارة الأميركية عقوبات على شركات من أوربا تتعامل مع الموانئ.",
        "date": "2021-09-01",
        "source": "الرؤية",
    },
]
# A name written as one word and as two.
EXTRA += [
    {
        "id": f"x-{key}",
        "title": f"{name} يفتتح معرض الكتاب في العاصمة",
        "body": f"افتتح {name} معرض الكتاب بحضور كتاب وناشرين من المنطقة.",
        "date": "2021-10-01",
        "source": "الرؤية",
    }
    for key, name in (("glued", "عبدالرحيم"), ("apart", "عبد الرحيم"))
]
# A town the news write as one word or two (GLUED_OR_APART).
EXTRA += [
    {
        "id": f"x-town-{key}",
        "title": f"افتتاح سوق أسبوعية في {name}",
        "body": f"افتتحت بلدية {name} سوقا أسبوعية جديدة للفلاحين والحرفيين.",
        "date": "2021-10-02",
        "source": "الرؤية",
    }
    for key, name in (("glued", "بنقردان"), ("apart", "بن قردان"))
]
# Two words a journalist types one after the other, in one article so and
# in another apart, where they are more often and one is in the headline.
EXTRA += [
    {
        "id": "x-near-together",
        "title": "معارك على الساحل الغربي",
        "body": "أطلقت القوات عملية النصر الذهبي لاستعادة المدينة الساحلية من المسلحين.",
        "date": "2021-10-03",
        "source": "الرؤية",
    },
    {
        "id": "x-near-apart",
        "title": "النصر يحتفل بالكأس",
        "body": "احتفل النصر بالكأس بعد النصر في النهائي، وأهدى المدرب الكأس الذهبي للجماهير.",
        "date": "2021-10-03",
        "source": "الرؤية",
    },
]
# A story at an address with an Arabic path, an exact copy of it that another
# outlet ran at its own address, and an article that names the first site.
LINKED = (
    "افتتح في مدينة أبها معرض للعسل البري تشارك فيه تعاونيات النحالين من قرى عسير، "
    "ويستمر أسبوعا كاملا."
)
EXTRA += [
    {
        "id": "x-link",
        "title": "معرض عسل أبها",
        "body": LINKED,
        "date": "2021-08-01",
        "source": "الرؤية",
        "category": "محليات",
        "url": "https://www.alroya.example/ar/2021/08/عسل-أبها/",
    },
    {
        "id": "x-link-copy",
        "title": "معرض عسل أبها",
        "body": LINKED,
        "date": "2021-08-01",
        "source": "الأرصاد",
        "category": "تراث",
        "url": "https://alarsad.example/news?id=77",
    },
    {
        "id": "x-link-site",
        "title": "الرؤية تطلق موقعها الجديد",
        "body": "أطلقت صحيفة الرؤية موقعها الجديد alroya.example بحلة جديدة.",
        "date": "2021-08-02",
        "source": "الرؤية",
    },
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contract")
    extra = folder / "extra.jsonl"
    extra.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EXTRA), encoding="utf-8"
    )
    return [ROOT / "sample", extra]


@pytest.fixture(scope="module")
def embedded(archive, tmp_path_factory):
    data = tmp_path_factory.mktemp("embedded")
    reindex.run(archive, EmbeddedStore(data), workers=1)
    return EmbeddedBackend(data)


@pytest.fixture(scope="module")
def on_elasticsearch(archive, elasticsearch):
    """The same archive on the real test node, analysed by Bahth's plugin
    inside Elasticsearch (the node path, which the store must have chosen)."""
    alias = f"test-contract-{uuid.uuid4().hex[:8]}"
    store = ElasticStore(elasticsearch.writer, alias)
    reindex.run(archive, store, workers=1)
    assert store.analysis == "node"
    backend = ElasticBackend(elasticsearch.reader, alias)
    yield backend
    delete_versions(store.client, alias)


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request):
    return request.getfixturevalue(
        "embedded" if request.param == "embedded" else "on_elasticsearch"
    )


def search(backend, **params):
    listed = {k: v if isinstance(v, list) else [str(v)] for k, v in params.items()}
    return backend.search(SearchRequest.from_params(listed))


def expanded(backend, **params):
    """A search whose names also look for their other spellings, as every surface does."""
    listed = {k: v if isinstance(v, list) else [str(v)] for k, v in params.items()}
    request = SearchRequest.from_params(listed, gazetteer=Gazetteer.load())
    return request, backend.search(request)


def ids(result):
    return [hit.id for hit in result.hits]


def test_spelling_variants_find_the_same_articles(backend):
    written = set(ids(search(backend, q="الأمم المتحدة", size=50)))
    assert {"bw-004", "csv-04", "AG-20231009-03"} <= written
    for variant in ("الامم المتحده", "الأُمَم المُتّحِدة", "الأمـم المتحدة", "اﻷمم المتحدة"):
        assert set(ids(search(backend, q=variant, size=50))) == written, variant
    assert "bw-011" in ids(search(backend, q="كوريا الشمالية صواريخ"))  # tags: کوریا، صواریخ


def test_a_word_written_two_ways_finds_both_and_says_so(backend):
    for typed, other in (("الإدارة الأمريكية", "الأميركية"), ("شركات أوروبا", "أوربا")):
        request = SearchRequest.from_params({"q": [typed]})
        found = backend.search(request)
        assert "x-ways" in ids(found), typed
        assert other in request.also_searched
    # One way finds what the other does; a quoted phrase is as typed.
    assert set(ids(search(backend, q="أمريكية", size=50))) == set(
        ids(search(backend, q="أميركية", size=50))
    )
    assert "x-ways" not in ids(search(backend, q='"الإدارة الأمريكية"'))
    # A whole word's term, never a part of one: أوربان (Orbán) is no أوربا.
    assert SearchRequest.from_params({"q": ["أوربان"]}).also_searched == ()
    # A place ending in ا meets its adjective, the one in the other spelling
    # too, and a prefix of it as well (أوربا*: اورب, as الأوربية).
    assert "x-ways" in ids(search(backend, q="أمريكا"))
    assert "x-ways" in ids(search(backend, q="أوربا*"))
    # Each other way is said as the news write it, never a stem.
    from indexer.search.query import VARIANTS

    for pair in VARIANTS:
        for one, other in (pair, pair[::-1]):
            (shown,) = SearchRequest.from_params({"q": [one]}).also_searched
            assert analyze(shown) == analyze(other) and shown in (other, "ال" + other), one
    # As typed around the word, in the other way's letters, not its stem's.
    assert SearchRequest.from_params({"q": ["الكيماوية"]}).also_searched == ("الكيميائية",)
    # An excluded word excludes its other way too, and is not said to be searched.
    excluding = SearchRequest.from_params({"q": ["شركات -أمريكية"]})
    assert "x-ways" not in ids(backend.search(excluding)) and excluding.also_searched == ()


def test_a_name_written_as_one_word_or_two_finds_both_and_says_so(backend):
    both = {"x-glued", "x-apart"}
    for typed, other in (("عبدالرحيم", "عبد الرحيم"), ("عبد الرحيم", "عبدالرحيم")):
        request = SearchRequest.from_params({"q": [typed]})
        assert both <= set(ids(backend.search(request))), typed
        assert request.also_searched == (other,)
    # Quoted, as typed; excluded, both ways.
    assert ids(search(backend, q='"عبد الرحيم"')) == ["x-apart"]
    assert not both & set(ids(search(backend, q="معرض الكتاب -عبدالرحيم", size=50)))
    # Words that only begin or end so are no name glued, nor two words a
    # name apart where the lexicon knows no word they make (رجال الدين).
    for words in ("الوالدين", "الخالدين", "أبوابها", "رجال الدين", "من الله"):
        request = SearchRequest.from_params({"q": [words]})
        assert request.also_searched == () and all(len(g) == 1 for g in request.query.conditions)
    assert SearchRequest.from_params({"q": ["نصر الله"]}).also_searched == ("نصرالله",)
    # Names of places and things the news write both ways, whatever their
    # first word (بن, of a town here, is a son's everywhere else).
    town = {"x-town-glued", "x-town-apart"}
    for typed, other in (("بنقردان", "بن قردان"), ("بن قردان", "بنقردان")):
        request = SearchRequest.from_params({"q": [typed]})
        assert town == set(ids(backend.search(request))), typed
        assert request.also_searched == (other,)
    assert SearchRequest.from_params({"q": ["بن سلمان"]}).also_searched == ()


def test_hamza_and_clitic_variants(backend):
    assert "AG-20240305-04" in ids(search(backend, q="مسؤول شؤون الطاقة"))
    assert "bw-007" in ids(search(backend, q="المسؤول الأمريكي"))
    assert "bw-001" in ids(search(backend, q="وفلاديفوستوك"))


def test_title_matches_rank_above_body_matches(backend):
    assert ids(search(backend, q="قمة الرياض اقتصادية"))[:2] == ["x-title", "x-body"]


def test_all_words_narrow_and_any_word_stands_in_when_none_has_all(backend):
    result = search(backend, q="زلزال المغرب")
    assert ids(result) == ["bw-010"] and not result.relaxed
    assert set(ids(search(backend, q="زلزال"))) == {"bw-010", "AG-20230206-01"}
    relaxed = search(backend, q="زلزال كوكب")  # no article has both
    assert relaxed.relaxed
    assert set(ids(relaxed)) == {"bw-010", "AG-20230206-01"}
    nothing = search(backend, q="كوكب مجرة")
    assert nothing.total == 0 and not nothing.relaxed


def test_phrase_is_an_exact_sequence(backend):
    assert set(ids(search(backend, q='"كيم جونغ أون"'))) == {"bw-001"}
    assert ids(search(backend, q='"أون جونغ كيم"')) == []


def test_proximity_finds_words_near_each_other(backend):
    assert set(ids(search(backend, q="القنفذ السلحفاة"))) == {"x-near", "x-far"}
    assert ids(search(backend, q='"القنفذ السلحفاة"')) == []
    # x-near: four words between them; x-far: twenty.
    assert ids(search(backend, q='"القنفذ السلحفاة"~4')) == ["x-near"]
    assert ids(search(backend, q='"القنفذ السلحفاة"~3')) == []
    assert set(ids(search(backend, q='"القنفذ السلحفاة"~50'))) == {"x-near", "x-far"}
    assert ids(search(backend, q='title:"حديقة الحي"~1')) == ["x-near"]
    plain = search(backend, q="القنفذ~2 (السلحفاة)")  # other engines' operators: named
    assert set(ids(plain)) == {"x-near", "x-far"}


def test_exclusion(backend):
    with_russia = set(ids(search(backend, q="بوتين", size=50)))
    without = set(ids(search(backend, q="بوتين -كوريا", size=50)))
    assert "bw-001" in with_russia and "bw-001" not in without
    assert without and without < with_russia


def test_or_and_title_field(backend):
    either = set(ids(search(backend, q="زلزال OR مجاعة", size=50)))
    assert {"bw-010", "AG-20230206-01", "csv-04"} <= either
    assert "bw-005" not in either
    titled = set(ids(search(backend, q="title:غوتيريش", size=50)))
    assert titled == {"csv-05", "AG-20231009-03"}  # bw-004 names him in the body only


def test_and_not_and_prefixes_as_other_search_engines_take_them(backend):
    both = search(backend, q="بوتين AND ترامب", size=50)
    assert ids(both) == ids(search(backend, q="بوتين ترامب", size=50)) and both.total > 0
    assert both.total < search(backend, q="بوتين OR ترامب").total
    assert set(ids(search(backend, q="ترامب NOT بوتين", size=50))) == set(
        ids(search(backend, q="ترامب -بوتين", size=50))
    )
    started = search(backend, q="ترام*", size=50)
    assert {"AG-20241106-07"} <= set(ids(started))  # ترامب
    assert "<mark>ترامب</mark>" in started.hits[0].title_html
    assert search(backend, q="الانتخا*").total == search(backend, q="انتخا*").total > 0
    assert search(backend, q="ترامبي*").total == 0
    # A whole word before the * finds what the word finds too: its stem's
    # forms (السعودية, السعوديين: سعود, where سعودي* begins none) and a name's
    # other spellings (bw-002 writes ترمب).
    for word, forms in (("السعودي", "السعودية"), ("ترامب", '"ترمب"')):
        begun = set(ids(expanded(backend, q=word + "*", size=50)[1]))
        assert set(ids(expanded(backend, q=word, size=50)[1])) <= begun, word
        assert set(ids(search(backend, q=forms, size=50))) <= begun, forms
    # A * Bahth cannot read is named, the word searched without it.
    for text in ("بو*ين", "ت*"):
        assert SearchRequest.from_params({"q": [text]}).query.not_understood == ("*",), text
    # An exclusion in a field: title:-بوتين is -title:بوتين.
    in_title = search(backend, q="title:بوتين", size=50)
    assert in_title.total > 0
    assert not set(ids(in_title)) & set(ids(search(backend, q="title:-بوتين", size=50)))


def test_meaning_alone_asked_of_an_index_without_vectors_says_the_words_answered(backend):
    # These indexes have no vectors (BAHTH_EMBEDDINGS=off in the tests).
    words = search(backend, q="زلزال", mode="words")
    asked = search(backend, q="زلزال", mode="meaning")
    assert ids(asked) == ids(words) and words.meaning is None
    assert asked.meaning == {"added": 0, "embedded": 0, "articles": search(backend).total}


def test_an_excluded_stopword_is_excluded_as_typed(backend):
    # -من is what -"من" is: the articles without من, never a silent no-op.
    plain = search(backend, q="ترامب")
    without = search(backend, q="ترامب -من", size=50)
    assert without.total == search(backend, q='ترامب -"من"').total < plain.total
    for hit in without.hits:
        article = backend.article(hit.id)
        assert "من" not in analyze(article["title"] + " " + article["body"]), hit.id


def test_a_quoted_name_is_searched_as_typed(backend):
    _, every = expanded(backend, q="ترامب", size=50)
    request, typed = expanded(backend, q='"ترامب"', size=50)
    assert "bw-002" in ids(every) and "bw-002" not in ids(typed)  # bw-002 writes ترمب
    assert request.also_searched == ()


def test_the_words_paired_are_those_typed_one_after_the_other():
    from indexer.search.ranking import near_pairs

    def pairs(text):
        request = SearchRequest.from_params({"q": [text]}, gazetteer=Gazetteer.load())
        return [c.text for c in near_pairs(request.query)]

    assert pairs("النصر الذهبي") == ["النصر الذهبي"]
    assert pairs("ترامب بوتين") == ["ترامب بوتين"]  # searched under other spellings too
    # Not across a stopword or an excluded word, nor stopwords together.
    for text in ("السلام في اليمن", "الاتفاق -النووي إيران", "من في على", "ترام* بوتين"):
        assert pairs(text) == [], text


def test_words_typed_one_after_the_other_rank_the_article_that_has_them_so_first(backend):
    # النصر الذهبي, the operation: not the club's trophy, however often it
    # says النصر, and in its headline.
    assert ids(search(backend, q="النصر الذهبي"))[:2] == ["x-near-together", "x-near-apart"]
    assert ids(search(backend, q="الذهبي النصر"))[0] == "x-near-apart"  # not in that order


def test_a_filter_typed_in_the_query_as_other_engines_take_it_is_the_filter(backend):
    typed = SearchRequest.from_params({"q": ['source:"فرانس 24" ترامب category:دولي']})
    assert typed.text == "ترامب" and typed.filters["source"] == ("فرانس 24",)
    filtered = search(backend, q="ترامب", source="فرانس 24", category="دولي", size=50)
    assert 0 < filtered.total < search(backend, q="ترامب").total
    assert ids(search(backend, q='source:"فرانس 24" ترامب category:دولي', size=50)) == ids(filtered)
    # A field of other engines Bahth has not is named, its value searched.
    author = SearchRequest.from_params({"q": ["author:غوتيريش"]})
    assert author.query.not_understood == ("author:",)
    found = ids(search(backend, q="غوتيريش", size=50))
    assert found and ids(search(backend, q="author:غوتيريش", size=50)) == found
    # A filter excluded is none Bahth can read: named, never searched for.
    excluded = SearchRequest.from_params({"q": ["ترامب -source:فرانس"]})
    assert excluded.query.not_understood == ("-source:",) and not excluded.filters
    assert [c.text for g in excluded.query.conditions for c in g] == ["ترامب"]
    # Not a filter: a word before a colon (a wire's CNN:), a quoted phrase,
    # a web address; the sentence's comma is no part of a value.
    for text in ("CNN: ترامب", '"ترامب source:العربية"', "https://alarabiya.net/source:x/1"):
        assert not SearchRequest.from_params({"q": [text]}).filters, text
    assert "cnn" in SearchRequest.from_params({"q": ["CNN: ترامب"]}).query.terms
    comma = SearchRequest.from_params({"q": ["source:العربية، ترامب"]})
    assert comma.filters["source"] == ("العربية",) and comma.text == "ترامب"


def test_malformed_queries_degrade_to_words(backend):
    assert "bw-010" in ids(search(backend, q='"زلزال المغرب'))
    assert search(backend, q="OR").total == search(backend).total
    assert search(backend, q="foo:زلزال").total >= 1


def test_facet_counts_are_exact_and_ignore_their_own_selection(backend):
    result = search(backend, q="الأمم المتحدة")
    sources = {b.key: b.count for b in result.facets["source"]}
    for source, count in sources.items():
        narrowed = search(backend, q="الأمم المتحدة", source=source)
        assert narrowed.total == count
    chosen = sorted(sources)[:2]
    both = search(backend, q="الأمم المتحدة", source=chosen)
    assert both.total == sum(sources[s] for s in chosen)
    assert {b.key: b.count for b in both.facets["source"]} == sources
    assert [b.key for b in both.facets["source"] if b.selected] == sorted(
        chosen, key=lambda s: (-sources[s], s)
    )


def test_actor_and_category_filters_combine(backend):
    result = search(backend, actor="هيئة الأرصاد", size=5)
    assert result.total == 25
    assert {b.key: b.count for b in result.facets["actor"]}["هيئة الأرصاد"] == 25
    none = search(backend, actor="هيئة الأرصاد", category="اقتصاد")
    assert none.total == 0


def test_date_range_and_histogram(backend):
    result = search(backend, date_from="2024-06-01", date_to="2024-06-30", size=50)
    assert {"bw-006", "bw-008", "bw-012", "csv-06"} <= set(ids(result))
    assert result.total == 5  # and the page saved as qimma-20240618.html
    for hit in result.hits:
        assert "2024-06-01" <= hit.date[:10] <= "2024-06-30"
    # The same month however a journalist types it: day first, year first
    # with one digit or two, with - / or ., or the month alone.
    for begin, end in (
        ("1/6/2024", "30.06.2024"),
        ("2024-6-1", "2024/6/30"),
        ("2024/06", "2024-6"),
    ):
        assert ids(search(backend, date_from=begin, date_to=end, size=50)) == ids(result)
    weather = search(backend, q='"نشرة الطقس"')
    assert weather.date_interval == "day"
    assert sum(b.count for b in weather.facets["date"]) == weather.total == 25
    bucket = weather.facets["date"][0]
    assert (bucket.key, bucket.date_from, bucket.date_to) == (
        "2020-01-01",
        "2020-01-01",
        "2020-01-01",
    )
    everything = search(backend)
    assert everything.date_interval == "year"
    years = {b.key: b.count for b in everything.facets["date"]}
    assert years["2020"] == 25


def test_sorting_by_date(backend):
    newest = [h.date for h in search(backend, sort="newest", size=50).hits]
    oldest = [h.date for h in search(backend, sort="oldest", size=50).hits]
    assert newest == sorted(newest, reverse=True)
    assert oldest == sorted(oldest)


def test_pages_and_cursor_walk_the_same_list(backend):
    full = ids(search(backend, q="الطقس", sort="oldest", size=50))
    pages = (
        ids(search(backend, q="الطقس", sort="oldest", size=10, page=1))
        + ids(search(backend, q="الطقس", sort="oldest", size=10, page=2))
        + ids(search(backend, q="الطقس", sort="oldest", size=10, page=3))
    )
    assert pages == full
    walked, cursor = [], None
    while True:
        params = {"q": "الطقس", "sort": "oldest", "size": 7}
        if cursor:
            params["cursor"] = cursor
        result = search(backend, **params)
        walked += ids(result)
        cursor = result.next_cursor
        if not cursor:
            break
    assert walked == full
    relevance = ids(search(backend, q="الطقس رياح", size=25))
    first = search(backend, q="الطقس رياح", size=10)
    rest = search(backend, q="الطقس رياح", size=15, cursor=first.next_cursor)
    assert ids(first) + ids(rest) == relevance
    assert decode_cursor(first.next_cursor)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "الطقس"},
        {"q": "الطقس", "sort": "newest"},
        {"sort": "oldest"},
        {"q": "الطقس رياح -عاصفة"},
        {"q": "قمة الرياض", "source": "الرؤية"},
        {"q": "الطقس احتيال"},  # relaxed: no article has both words
    ],
)
def test_an_export_is_every_article_of_the_search_in_its_order(backend, params, monkeypatch):
    monkeypatch.setattr("indexer.search.embedded.backend.EXPORT_CHUNK", 3)
    monkeypatch.setattr("indexer.search.elastic.backend.EXPORT_PAGE", 3)
    found = search(backend, **params, size=100)
    exported = list(backend.export(SearchRequest.from_params({k: [v] for k, v in params.items()})))
    assert [record["id"] for record, _ in exported] == ids(found) and found.total == len(exported)
    assert {how for _, how in exported} <= {"words"}
    assert found.relaxed == (params.get("q") == "الطقس احتيال")
    first, _ = exported[0]
    assert first == backend.article(first["id"])  # the whole article


def test_snippets_mark_whole_words_and_escape_html(backend):
    hit = search(backend, q="احتيال").hits[0]
    assert hit.id == "x-html"
    unmarked = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in unmarked and ">" not in unmarked
    assert "تحقق&gt; &amp; x&lt;y" in hit.snippet
    assert "<mark>احتيال</mark>" in hit.snippet
    clitic = search(backend, q="فلاديفوستوك").hits[0]
    assert "<mark>فلاديفوستوك</mark>" in clitic.snippet


def test_a_snippet_begins_and_ends_on_whole_words_written_with_marks():
    # A shadda or a vowel inside a word is no word's end: a snippet of a
    # body of such words (Jawhara FM writes them often) never begins «… ه»
    # (of نوّه) nor ends «كل» (of كلّ, its shadda left behind).
    body = "نوّه " * 60 + "الرئيس " + "كلّ " * 60
    passage = highlight.plain(highlight.snippet(body, {"رءيس"}))
    assert set(passage.replace("…", " ").split()) == {"نوّه", "الرئيس", "كلّ"}
    assert highlight.highlight("قال كلّ الناس", {"كل"}) == "قال <mark>كلّ</mark> الناس"
    assert highlight._WORD.findall("قال \u200f الرئيس \u064e ترامب") == ["قال", "الرئيس", "ترامب"]


def test_duplicates_are_one_hit_that_names_the_copy(backend):
    result = search(backend, q='"حصوله على أكثر من 270 صوتاً"')
    assert ids(result) == ["AG-20241106-07"]
    article = backend.article("AG-20241106-07")
    assert [copy["id"] for copy in article["also"]] == ["AG-20241106-08"]
    # The copy's own headline finds the article, which names the copy and its outlet.
    (hit,) = search(backend, q='title:"فوز ترامب بالرئاسة"').hits
    assert hit.id == "AG-20241106-07"
    assert [(c["id"], c["source"], c["title"]) for c in hit.also] == [
        ("AG-20241106-08", "فرانس 24", "فوز ترامب بالرئاسة")
    ]


def test_a_copy_is_found_by_its_own_outlet_and_category(backend):
    # An article the archive holds twice (the same body) is one hit; filed
    # by another outlet, or under another category, it is found there too.
    assert "AG-20241106-07" in ids(search(backend, source="فرانس 24", size=50))
    assert ids(search(backend, category="تراث")) == ["x-link"]
    assert ids(search(backend, q="عسل", source="الأرصاد")) == ["x-link"]
    honey = search(backend, q="عسل أبها")
    assert {(b.key, b.count) for b in honey.facets["category"]} == {("محليات", 1), ("تراث", 1)}
    assert {(b.key, b.count) for b in honey.facets["source"]} == {("الرؤية", 1), ("الأرصاد", 1)}
    assert backend.values("category")["تراث"] == 1


def test_a_pasted_link_finds_the_article_published_there(backend):
    def looked_up(q):
        return address.search(backend, SearchRequest.from_params({"q": [q]}))

    # The forms one link takes in a browser, an email or a spreadsheet.
    for link in (
        "https://www.alroya.example/ar/2021/08/%D8%B9%D8%B3%D9%84-%D8%A3%D8%A8%D9%87%D8%A7/",
        "http://alroya.example/ar/2021/08/عسل-أبها#comments",
        "www.ALROYA.example/ar/2021/08/عسل-أبها?utm_source=twitter",
    ):
        request, result = looked_up(link)
        assert request.address == "alroya.example/ar/2021/08/عسل-أبها", link
        assert ids(result) == ["x-link"] and not request.address_missing, link
    # A copy's own address finds the article it was folded into.
    request, result = looked_up("https://alarsad.example/news?utm_medium=x&id=77")
    assert ids(result) == ["x-link"] and result.hits[0].also[0]["id"] == "x-link-copy"
    # An address the archive does not hold: its words are searched, and it says so.
    request, result = looked_up("https://alroya.example/ar/2099/01/")
    assert request.address_missing == "alroya.example/ar/2099/01" and not request.address
    assert ids(result) == ["x-link-site"]
    # Not an address: a site's name alone, or a link among other words.
    for text in ("alroya.example", "معرض https://www.alroya.example/ar/2021/08/عسل-أبها"):
        assert SearchRequest.from_params({"q": [text]}).address == "", text


def test_a_whole_number_also_finds_its_decimals(backend):
    assert ids(search(backend, q="9080")) == ["x-decimal"]
    assert ids(search(backend, q="٩٠٨٠٫٠٢")) == ["x-decimal"]
    assert ids(search(backend, q="المؤشر 9080 نقطة")) == ["x-decimal"]
    assert search(backend, q="9080.5").total == 0
    assert search(backend, q="908").total == 0  # a number is not a prefix of another


def test_a_near_copy_says_which_hit_above_it_tells_the_same_story(backend):
    result = search(backend, q="سقطرى", sort="oldest")
    assert ids(result) == ["x-wire-a", "x-wire-b", "x-wire-other"]
    assert result.total == 3  # folded, not left out
    assert [hit.near_duplicate_of for hit in result.hits] == [None, "x-wire-a", None]
    # The first of the two on the page leads, whichever it is.
    newest = search(backend, q="سقطرى", sort="newest")
    assert [h.near_duplicate_of for h in newest.hits] == [None, None, "x-wire-b"]
    first = search(backend, q="سقطرى", sort="oldest", size=1)
    second = search(backend, q="سقطرى", sort="oldest", size=1, cursor=first.next_cursor)
    assert ids(second) == ["x-wire-b"]
    assert second.hits[0].near_duplicate_of is None  # nothing above it on its own page


def test_the_date_histogram_follows_where_the_matches_are_and_drills_down(backend):
    # 25 bulletins of January 2020: a day a bar, every day of the span.
    weather = search(backend, q="نشرة الطقس", date_from="2020")
    assert weather.total == 25 and weather.date_interval == "day"
    days = [(b.key, b.count) for b in weather.facets["date"]]
    assert days[0] == ("2020-01-01", 1) and days[-1] == ("2020-01-25", 1) and len(days) == 25
    # And one of 2010: a timeline of days (or months) would need thousands of
    # bars, so years, the empty ones too, side by side as they follow.
    weather = search(backend, q="نشرة الطقس")
    assert weather.total == 26 and weather.date_interval == "year"
    years = [(b.key, b.count) for b in weather.facets["date"]]
    assert years == [("2010", 1), *((str(y), 0) for y in range(2011, 2020)), ("2020", 25)]
    # A bar's period narrows the search, and the histogram counts within it.
    everything = search(backend)
    assert everything.date_interval == "year"
    year = next(b for b in everything.facets["date"] if b.key == "2020")
    narrowed = search(backend, date_from=year.date_from, date_to=year.date_to)
    assert narrowed.total == year.count
    assert sum(b.count for b in narrowed.facets["date"]) == year.count
    assert all(b.key.startswith("2020") for b in narrowed.facets["date"])
    # A bar cut by the date filter keeps inside it: it opens what it counts.
    cut = search(backend, q="نشرة الطقس", date_from="2010-02-01", date_to="2020-01-10")
    bars = [(b.key, b.count, b.date_from, b.date_to) for b in cut.facets["date"]]
    assert bars[0] == ("2010", 1, "2010-02-01", "2010-12-31")
    assert bars[-1] == ("2020", 10, "2020-01-01", "2020-01-10")
    last = cut.facets["date"][-1]
    opened = search(backend, q="نشرة الطقس", date_from=last.date_from, date_to=last.date_to)
    assert opened.total == 10
    one_day = search(backend, date_from="2020-01-05", date_to="2020-01-05")
    assert [(b.key, b.count, b.selected) for b in one_day.facets["date"]] == [
        ("2020-01-05", 1, True)
    ]


def test_actors_chosen_together_mean_all_of_them_unless_asked(backend):
    macron, trump = "إيمانويل ماكرون", "دونالد ترامب"
    alone = {name: search(backend, actor=name).total for name in (macron, trump)}
    both = search(backend, actor=[macron, trump])
    either = search(backend, actor=[macron, trump], actor_match="any")
    assert 0 < both.total < min(alone.values()) and max(alone.values()) < either.total
    for hit in both.hits:
        assert {macron, trump} <= set(hit.actors)
    # Chosen values first, with their true counts: with all of them, each
    # counts the articles left (the total); with any, each its own articles.
    assert [(b.key, b.count, b.selected) for b in both.facets["actor"][:2]] == [
        (macron, both.total, True),
        (trump, both.total, True),
    ]
    assert [(b.key, b.count) for b in either.facets["actor"][:2]] == [
        (macron, alone[macron]),
        (trump, alone[trump]),
    ]
    # Another actor's count says what choosing it too would leave.
    third = next(b for b in both.facets["actor"] if not b.selected)
    assert search(backend, actor=[macron, trump, third.key]).total == third.count


def test_a_chosen_value_without_articles_is_shown_first_at_zero(backend):
    nothing = search(backend, q="نشرة الطقس", source="لا مصدر بهذا الاسم")
    assert nothing.total == 0
    assert [(b.key, b.count, b.selected) for b in nothing.facets["source"]][:1] == [
        ("لا مصدر بهذا الاسم", 0, True)
    ]


def test_a_query_of_stopwords_only_searches_them_and_says_so(backend):
    request, result = expanded(backend, q="في من عن")
    assert request.query.all_stopwords and request.query.stopwords == ("في", "من", "عن")
    assert 0 < result.total < search(backend).total
    for hit in search(backend, q="في من عن", size=50).hits:
        terms = set(
            analyze(backend.article(hit.id)["title"] + " " + backend.article(hit.id)["body"])
        )
        assert {"في", "من", "عن"} <= terms, hit.id


def test_stopwords_stay_when_all_else_is_one_word_of_several(backend):
    request, result = expanded(backend, q="ماذا بعد الزلزال")
    assert request.query.stopwords == ("ماذا", "بعد") and not request.query.all_stopwords
    assert "زلزال" in analyze(
        result.hits[0].title + " " + backend.article(result.hits[0].id)["body"]
    )
    plain, _ = expanded(backend, q="الزلزال في المغرب")
    assert plain.query.stopwords == () and plain.query.terms == {"زلزال", "مغرب"}


def test_a_name_finds_every_spelling_and_says_which(backend):
    request, result = expanded(backend, q="ترامب", size=50)
    assert request.also_searched == ("ترمب",)
    everywhere = set(ids(result))
    as_typed = set(ids(search(backend, q="ترامب", size=50)))
    assert "bw-002" in everywhere - as_typed  # bw-002 writes ترمب only
    assert as_typed < everywhere
    assert set(ids(expanded(backend, q="ترمب", size=50)[1])) == everywhere
    request, kim = expanded(backend, q="كيم جونج أون")  # unquoted, the other spelling
    assert "كيم جونغ أون" in request.also_searched
    assert {"bw-001", "bw-011"} <= set(ids(kim))
    request, putin = expanded(backend, q="-بوتين", size=50)
    assert not {"bw-001", "bw-009"} & set(ids(putin))  # bw-009 writes بوتن


def test_a_name_spelt_as_the_gazetteer_does_not_finds_the_actors_spellings(backend):
    # The gazetteer and the sample write رجب طيب أردوغان; Egyptian papers,
    # and a journalist, may write the G of a foreign name ج: أردوجان, which
    # no spelling of the gazetteer has.
    typed = "رجب طيب أردوجان"
    assert search(backend, q=typed).relaxed  # no article has it: the other words alone
    request, result = expanded(backend, q=typed, size=50)
    assert "أردوغان" in request.also_searched  # (and the longer spellings it holds)
    assert not result.relaxed
    written = expanded(backend, q="رجب طيب أردوغان", size=50)[1]
    assert set(ids(result)) == set(ids(written)) and result.total >= 2


def test_actor_facet_has_one_entry_per_actor(backend):
    facet = {b.key: b.count for b in search(backend, size=1).facets["actor"]}
    assert "دونالد ترامب" in facet and not {"ترمب", "ترامب", "أوبك"} & set(facet)
    assert facet["دونالد ترامب"] == expanded(backend, q="ترامب", size=1)[1].total
    chosen = search(backend, actor="دونالد ترامب", size=50)
    assert set(ids(chosen)) == set(ids(expanded(backend, q="ترامب", size=50)[1]))
    assert facet["منظمة أوبك"] >= 1  # the record's أوبك, by its name


# Numbers an attacker may put in a cursor: past 32 and 64 bits, huge floats.
_EDGES = [2**31, 2**32, 2**63, 2**64 + 1, -(2**63) - 1, 10**30, -(10**30), 1e308, -1, 0]
_CURSOR_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.sampled_from(["relevance", "newest", "oldest", "x"])
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from(_EDGES)
    | st.floats(allow_nan=True, allow_infinity=True),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.lists(_CURSOR_VALUES, min_size=0, max_size=3),
    sort=st.sampled_from(["relevance", "newest", "oldest"]),
)
def test_a_forged_cursor_is_a_bad_request_or_a_page_never_an_engine_error(backend, value, sort):
    """A cursor is opaque to people but not to attackers: whatever it holds,
    the search answers a page or BadRequest naming `cursor`."""
    cursor = base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    try:
        request = SearchRequest.from_params({"q": ["الطقس"], "sort": [sort], "cursor": [cursor]})
        result = backend.search(request)
    except BadRequest as error:
        assert error.parameter == "cursor"
        return
    assert result.total >= 0


@pytest.mark.parametrize(
    "value",
    [
        ["relevance", 2**31],
        ["relevance", 2**32],
        ["relevance", 2**64 + 1],
        ["newest", 10**30],
        ["newest", -(10**30)],
        ["oldest", 2**63],
    ],
)
def test_the_cursors_that_crashed_a_worker_are_bad_requests(backend, value):
    cursor = base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    sort = value[0]
    with pytest.raises(BadRequest) as raised:
        backend.search(
            SearchRequest.from_params({"q": ["الطقس"], "sort": [sort], "cursor": [cursor]})
        )
    assert raised.value.parameter == "cursor"


# --- actor filters that understand names ----------------------------------------


def by_actor(backend, *values, **params):
    """A search filtered by actor values, read as every surface reads them."""
    from indexer.search.actors import ActorDirectory

    gazetteer = Gazetteer.load()
    actors = ActorDirectory(backend.values("actor"), gazetteer)
    listed = {k: [str(v)] for k, v in params.items()}
    request = SearchRequest.from_params(
        {**listed, "actor": list(values)}, gazetteer=gazetteer, actors=actors
    )
    return request, backend.search(request)


def test_an_actor_filter_finds_the_same_articles_by_any_of_its_names(backend):
    full = by_actor(backend, "فلاديمير بوتين", size=50)[1]
    assert full.total >= 3
    for value in ("بوتين", "بوتن", "Putin", "vladimir  PUTIN", "فلاديمير بوتن"):
        request, result = by_actor(backend, value, size=50)
        assert request.filters["actor"] == ("فلاديمير بوتين",), value
        assert (result.total, ids(result)) == (full.total, ids(full)), value
        assert [r.name for r in request.resolved] == ["فلاديمير بوتين"]
    # The facet shows the actor chosen, under its name, with its count.
    chosen = [b for b in full.facets["actor"] if b.selected]
    assert [(b.key, b.count) for b in chosen] == [("فلاديمير بوتين", full.total)]


def test_a_known_name_also_finds_the_spellings_the_index_stores_it_under(backend):
    from indexer.search.actors import ActorDirectory

    # (A spelling of a family name of five letters or more the index joins to
    # the gazetteer's person itself: لوكا مودرتيش is stored as لوكا مودريتش.)
    gazetteer = Gazetteer.load()
    assert "روبرت مولير" not in gazetteer.spellings("روبرت مولر")
    words = SearchRequest.from_params({"q": ["روبرت مولر"]}, gazetteer=gazetteer)
    assert "x-variant" not in ids(backend.search(words))
    made = []

    def actors():
        made.append(1)
        return ActorDirectory(backend.values("actor"), gazetteer)

    request = SearchRequest.from_params({"q": ["روبرت مولر"]}, gazetteer=gazetteer, actors=actors)
    assert "روبرت مولير" in request.also_searched
    assert "x-variant" in ids(backend.search(request))
    # A query that names no known actor never makes the directory.
    SearchRequest.from_params({"q": ["نشرة الطقس"]}, gazetteer=gazetteer, actors=actors)
    assert made == [1]
    # Another person the gazetteer knows is not searched for under a shared key.
    king = SearchRequest.from_params({"q": ["عبد الله الثاني"]}, gazetteer=gazetteer, actors=actors)
    assert "عبد الله الثني" not in king.also_searched
    assert "x-thinni" not in ids(backend.search(king))


def test_actors_the_gazetteer_tells_apart_are_two_entries_and_two_filters(backend):
    """Their spellings share a key (long vowels aside), their actors do not."""
    request, result = by_actor(backend, "عبد الله الثاني")  # the King, in no article here
    assert request.filters["actor"] == ("الملك عبد الله الثاني",)
    assert "x-thinni" not in ids(result)
    assert "x-thinni" in ids(by_actor(backend, "عبد الله الثني")[1])
    facet = {b.key: b.count for b in expanded(backend, q="سيارة كهربائية")[1].facets["actor"]}
    assert (facet["شركة هوندا"], facet["شركة هيونداي"]) == (2, 1)
    request, result = by_actor(backend, "شركة هيونداي", size=10)
    assert ids(result) == ["x-hyundai-0"] and not request.resolved
    assert [(b.key, b.count) for b in result.facets["actor"]] == [("شركة هيونداي", 1)]


def test_an_actor_value_that_names_no_one_says_so_and_offers_the_closest(backend):
    request, result = by_actor(backend, "ماكرن")
    assert result.total == 0
    (unknown,) = request.unknown_actors
    assert unknown.value == "ماكرن" and unknown.closest[0][0] == "إيمانويل ماكرون"
    answer = result.to_json(request)
    assert answer["actors_not_found"][0]["closest"][0] == {
        "name": "إيمانويل ماكرون",
        "articles": by_actor(backend, "إيمانويل ماكرون")[1].total,
    }


def test_every_actor_value_of_the_index_is_counted(backend):
    counts = backend.values("actor")
    for name in ("فلاديمير بوتين", "دونالد ترامب", "الأمم المتحدة"):
        assert counts[name] == search(backend, actor=name).total, name
    assert "" not in counts


def test_a_batch_counts_each_query_as_its_own_search_does(backend):
    queries = ["بوتين", "ترامب", '"كيم جونغ أون"', "نشرة الطقس", "قزحزقز"]
    filters = {"date_from": ["2018"]}

    def request_of(query):
        return SearchRequest.from_params(batch.request_params(query, filters))

    rows = list(batch.counted(queries, request_of, backend))
    assert [row.query for row in rows] == queries
    for row in rows:
        alone = search(backend, q=row.query, date_from="2018")
        assert row.total == alone.total
        assert sum(row.years.values()) == row.total
        # An outlet counts the articles it published, a copy folded into
        # another outlet's original too: the outlets may add up to more.
        assert sum(row.sources.values()) >= row.total
        for outlet, count in row.sources.items():
            assert search(backend, q=row.query, date_from="2018", source=outlet).total == count
        assert all(year >= "2018" for year in row.years)
    assert rows[3].years == {"2020": 25}  # the bulletins of January 2020 (and not 2010's)


def test_similar_articles_come_from_several_outlets_where_there_are():
    from indexer.search.near import from_several_outlets
    from indexer.search.result import Hit

    def hits(sources):
        return [Hit(f"h{n}", "", None, s, [], "", "") for n, s in enumerate(sources)]

    ranked = hits(["a", "a", "a", "a", "b", "a", "c", "b"])
    assert [h.id for h in from_several_outlets(ranked, 5)] == ["h0", "h1", "h4", "h6", "h7"]
    # One outlet only: its articles in rank order still fill the list.
    assert [h.id for h in from_several_outlets(hits(["a"] * 8), 5)] == [f"h{n}" for n in range(5)]
    assert [h.id for h in from_several_outlets(hits(["a", "a", "a", "b"]), 5)] == [
        "h0",
        "h1",
        "h2",
        "h3",
    ]


def test_similar_articles_leave_the_article_out_on_both_engines(backend):
    article = backend.article("x-wire-a")
    similar = backend.more_like_this(article)
    assert similar and "x-wire-a" not in [h.id for h in similar] and len(similar) <= 5
    assert "x-wire-b" in [h.id for h in similar]  # its near copy, from another outlet


def test_a_copy_folded_into_its_original_opens_by_its_own_id(backend):
    hit = next(h for h in search(backend, size=100).hits if h.also)
    copy = hit.also[0]
    opened = backend.article(copy["id"])
    assert (opened["id"], opened["source"], opened["title"]) == (
        copy["id"],
        copy["source"],
        copy["title"],
    )
    assert hit.id in [other["id"] for other in opened["also"]]  # the original, as a copy of it
    assert copy["id"] not in [other["id"] for other in opened["also"]]
    with pytest.raises(NotFound):
        backend.article("no-such-article")
