"""The facet registry: one entry per facet, read by every surface and both engines."""

import re

import pytest

from indexer import reindex
from indexer.actors.keys import actor_key
from indexer.search import BadRequest, SearchRequest
from indexer.search.elastic import dsl
from indexer.search.elastic.index import Analysis, index_body
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.facets import COUNTED, FACET_SIZE, FACETS, Registry, ValueFacet, period
from indexer.search.request import parameters
from webui.openapi import openapi_document

from .conftest import app_for, article, delete_versions, write_jsonl

AUTHOR = ValueFacet(
    "author",
    label="الكتّاب",
    help="articles by one of these authors",
    field="author",
    attribute="author",
)
WITH_AUTHOR = Registry(FACETS.date, *FACETS.values, AUTHOR)


def indexed(engine, archive, tmp_path, request):
    """The backend of `archive` indexed on `engine` (embedded, or a real
    Elasticsearch node's index, removed after the test)."""
    if engine == "embedded":
        reindex.run(archive, EmbeddedStore(tmp_path / "d"), workers=1)
        return EmbeddedBackend(tmp_path / "d")
    from indexer.search.elastic import ElasticBackend, ElasticStore

    node = request.getfixturevalue("elasticsearch")
    alias = f"test-facets-{tmp_path.name[-12:].lower()}"
    store = ElasticStore(node.writer, alias)
    reindex.run(archive, store, workers=1)
    request.addfinalizer(lambda: delete_versions(store.client, alias))
    return ElasticBackend(node.reader, alias)


def test_a_facet_added_to_the_registry_reaches_every_surface(tmp_path):
    params = {"q": ["زلزال"], "author": ["سارة"], "source": ["هسبريس"]}
    with pytest.raises(BadRequest, match="unknown parameter"):
        SearchRequest.from_params(params)
    request = SearchRequest.from_params(params, registry=WITH_AUTHOR)
    assert request.filters == {"author": ("سارة",), "source": ("هسبريس",)}
    assert "author" in request.facets and "author" in parameters(WITH_AUTHOR)

    # The embedded engine: a field of its own, filtered, and counted under the other filters.
    records = [
        article(1, author="سارة", source="هسبريس"),
        article(2, author="سارة", source="الرؤية"),
        article(3, author="خالد", source="هسبريس"),
        article(4, author="خالد", source="الرؤية"),
    ]
    store = EmbeddedStore(tmp_path / "data", registry=WITH_AUTHOR)
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], store, workers=1)
    words = SearchRequest.from_params({**params, "q": ["الخبر"]}, registry=WITH_AUTHOR)
    result = EmbeddedBackend(tmp_path / "data").search(words)
    assert result.total == 1
    assert [(b.key, b.count, b.selected) for b in result.facets["author"]] == [
        ("سارة", 1, True),  # the value chosen comes first
        ("خالد", 1, False),
    ]
    assert [(b.key, b.count) for b in result.facets["source"]] == [("هسبريس", 1), ("الرؤية", 1)]

    # Elasticsearch: a post_filter clause and an aggregation under every filter but its own.
    body = dsl.search_body(request, Analysis.NODE)
    assert {"terms": {"author": ["سارة"]}} in body["post_filter"]["bool"]["filter"]
    aggregation = body["aggs"]["author"]
    assert aggregation["aggs"]["values"]["terms"]["field"] == "author"
    assert aggregation["filter"]["bool"]["filter"] == [{"terms": {"member_source": ["هسبريس"]}}]

    # The OpenAPI document: a repeatable parameter, and its buckets in the result.
    document = openapi_document(registry=WITH_AUTHOR)
    search = document["paths"]["/api/search"]["get"]
    author = next(p for p in search["parameters"] if p["name"] == "author")
    assert author["schema"]["type"] == "array" and "authors" in author["description"]
    result = search["responses"]["200"]["content"]["application/json"]["schema"]
    assert "author" in result["properties"]["facets"]["properties"]
    export = document["paths"]["/api/export"]["get"]["parameters"]
    assert "author" in [p["name"] for p in export]


def test_every_facet_has_a_keyword_or_date_field_in_both_index_descriptions():
    for analysis in Analysis:
        properties = index_body(analysis)["mappings"]["properties"]
        for facet in FACETS:
            assert properties[facet.field]["type"] == (
                "date" if facet.kind == "date" else "keyword"
            )


def test_every_facet_filters_to_the_count_it_shows_on_the_embedded_engine(sample_index):
    backend = EmbeddedBackend(sample_index)
    browse = backend.search(SearchRequest.from_params({}))
    for facet in FACETS.values:
        top = browse.facets[facet.name][0]
        narrowed = backend.search(SearchRequest.from_params({facet.name: [top.key]}))
        assert narrowed.total == top.count > 0, facet.name
    year = browse.facets["date"][0]
    dated = {"date_from": [year.date_from], "date_to": [year.date_to]}
    assert backend.search(SearchRequest.from_params(dated)).total == year.count > 0


def test_openapi_bounds_come_from_the_settings():
    from indexer.settings import Settings

    document = openapi_document(Settings(max_page_size=250))
    size = next(
        p for p in document["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "size"
    )
    assert size["schema"]["maximum"] == 250


def test_the_openapi_date_pattern_takes_every_date_the_api_reads():
    import re

    from indexer.search.request import BadRequest, typed_date
    from webui.openapi import DATE

    pattern = re.compile(DATE["pattern"])
    days = {
        "2018": "2018-01-01",
        "2018-06": "2018-06-01",
        "2018-6": "2018-06-01",
        "2018/06/01": "2018-06-01",
        "2018-6-1": "2018-06-01",
        "2018.6": "2018-06-01",
        "1/6/2018": "2018-06-01",
        # As newsrooms type them (the journalist's review 67).
        "13-06-2018": "2018-06-13",
        "06/2018": "2018-06-01",
        "6-2018": "2018-06-01",
        "يونيو 2018": "2018-06-01",
        "جوان ٢٠١٨": "2018-06-01",
        "حزيران 2018": "2018-06-01",
        "June 2018": "2018-06-01",
        "13 يونيو 2018": "2018-06-13",
        "sept 2018": "2018-09-01",
        # The wires' pairs of names, a comma, spaces (the code review 67).
        "يونيو/حزيران 2018": "2018-06-01",
        "13 أبريل نيسان 2018": "2018-04-13",
        "يونيو، 2018": "2018-06-01",
        "كانون  الثاني 2018": "2018-01-01",
        "كانون الثاني/يناير 2018": "2018-01-01",
    }
    for text, day in days.items():
        assert pattern.fullmatch(text) and typed_date("date_from", text).isoformat() == day, text
    assert typed_date("date_to", "يونيو 2018").isoformat() == "2018-06-30"
    assert typed_date("date_to", "06/2018").isoformat() == "2018-06-30"
    for text in ("18-6-1", "2018-06-01T00"):
        assert not pattern.fullmatch(text), text
        with pytest.raises(BadRequest):
            typed_date("date_from", text)
    with pytest.raises(BadRequest):  # a date's shape, no day of the calendar
        typed_date("date_from", "13/13/2018")
    for text in ("حزيرانات 2018", "أبريل مايو 2018", "0 يونيو 2018", "31 جوان 2018"):  # no day
        with pytest.raises(BadRequest):
            typed_date("date_from", text)


@pytest.mark.parametrize(
    ("key", "first", "last"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-12", "2023-12-01", "2023-12-31"),
        ("2018-06-28", "2018-06-28", "2018-06-28"),
    ],
)
def test_a_period_key_names_its_first_and_last_day(key, first, last):
    assert [d.isoformat() for d in period(key)] == [first, last]
    request = SearchRequest.from_params({"date_from": [key], "date_to": [key]})
    assert (request.date_from.isoformat(), request.date_to.isoformat()) == (first, last)


def test_a_chosen_value_past_the_first_thirty_keeps_its_true_count(tmp_path):
    """40 outlets: the chosen one, with the fewest articles, is not among the
    first 30 by count, and is still shown first with its count, on the page's
    data from the embedded engine and in what Elasticsearch is asked."""
    records = [
        article(n * 10 + k, source=f"منفذ {n:02}")
        for n in range(40)
        for k in range(2 if n else 1)  # outlet 00 has one article, the others two
    ]
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], store, workers=1)
    chosen = SearchRequest.from_params({"source": ["منفذ 00"]})
    counted = EmbeddedBackend(tmp_path / "data").search(chosen).facets["source"]
    assert (counted[0].key, counted[0].count, counted[0].selected) == ("منفذ 00", 1, True)
    assert len(counted) == 31  # the chosen one and the first 30 others
    aggregation = dsl.search_body(chosen, Analysis.NODE)["aggs"]["source"]["aggs"]
    assert aggregation["chosen"]["filters"]["filters"] == {
        "منفذ 00": {"terms": {"member_source": ["منفذ 00"]}}
    }
    rows, chosen_counts = FACETS.value("source").es_rows(
        {
            "values": {"buckets": [{"key": f"منفذ {n:02}", "doc_count": 2} for n in range(1, 31)]},
            "chosen": {"buckets": {"منفذ 00": {"doc_count": 1}}},
        }
    )
    buckets = FACETS.value("source").buckets(rows, chosen.chosen("source"), 30, chosen_counts)
    assert [(b.key, b.count) for b in buckets[:2]] == [("منفذ 00", 1), ("منفذ 01", 2)]


def test_a_chosen_value_past_the_values_counted_keeps_its_true_count(tmp_path):
    """A search counts ten times a facet's size of values (not every value
    of the archive): an outlet chosen past them is counted on its own."""
    outlets = FACET_SIZE * COUNTED + 10
    records = [
        article(n * 10 + k, source=f"منفذ {n:03}")
        for n in range(outlets)
        for k in range(2 if n else 1)  # outlet 000 has one article, the others two
    ]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "d"))
    backend = EmbeddedBackend(tmp_path / "d")
    plain = backend.search(SearchRequest.from_params({})).facets["source"]
    assert [(b.key, b.count) for b in plain[:2]] == [("منفذ 001", 2), ("منفذ 002", 2)]
    chosen = backend.search(SearchRequest.from_params({"source": ["منفذ 000"]}))
    counted = chosen.facets["source"]
    assert (counted[0].key, counted[0].count, counted[0].selected) == ("منفذ 000", 1, True)
    assert len(counted) == FACET_SIZE + 1 and chosen.total == 1


@pytest.mark.parametrize(
    "engine", ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]
)
def test_both_engines_show_the_same_actor_entries_when_spellings_merge(
    engine, tmp_path, monkeypatch, request
):
    """Two spellings of one actor among the first values by count: merged,
    the facet still shows FACET_SIZE actors, the same on both engines (an
    engine that counted only FACET_SIZE spellings would show one fewer)."""
    header = "name\ttype\taliases\tambiguous\tcontext\n"
    (tmp_path / "none.tsv").write_text(header, encoding="utf-8")
    monkeypatch.setenv("BAHTH_ACTORS", str(tmp_path / "none.tsv"))
    records = [article(n, actors=["سامر قادوري"]) for n in range(3)]
    records += [article(10 + n, actors=["سامر قدوري"]) for n in range(3)]
    others = [f"ناشط رقم {k:02}" for k in range(FACET_SIZE)]
    records += [
        article(100 + 2 * k + j, actors=[name]) for k, name in enumerate(others) for j in (0, 1)
    ]
    archive = [write_jsonl(tmp_path / "a.jsonl", records)]
    backend = indexed(engine, archive, tmp_path, request)
    shown = backend.search(SearchRequest.from_params({})).facets["actor"]
    assert len(shown) == FACET_SIZE
    assert (shown[0].count, actor_key(shown[0].key)) == (6, actor_key("سامر قادوري"))
    assert [b.key for b in shown[1:]] == others[: FACET_SIZE - 1]


def test_codes_are_shown_with_the_arabic_labels_of_the_editable_table(tmp_path):

    records = [article(1, category="internationalNews"), article(2, category="sport")]
    records.append(article(3, category="قسم بلا رمز"))
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "d"))
    client = app_for(tmp_path / "d").test_client()
    buckets = client.get("/api/search").get_json()["facets"]["category"]
    shown = {b["key"]: b.get("label") for b in buckets}
    assert shown == {"internationalNews": "أخبار دولية", "sport": "رياضة", "قسم بلا رمز": None}
    page = client.get("/?category=internationalNews").get_data(as_text=True)
    assert '<span class="value" dir="auto" title="internationalNews">أخبار دولية</span>' in page
    assert "القسم: <bdi>أخبار دولية</bdi>" in page  # the chip too, one value named so
    assert client.get("/api/search?category=internationalNews").get_json()["total"] == 1
    # The facet's box finds a value by its label as by its code.
    for typed in ("دوليه", "internationalnews"):
        found = client.get(f"/api/facets/category?contains={typed}").get_json()["values"]
        assert [v["key"] for v in found] == ["internationalNews"], typed


def test_every_value_of_a_facet_is_reachable_and_found_by_its_name(tmp_path):
    """The 'more' view (page and JSON) lists every value past the first 30,
    under the search, and finds one by part of its name in any spelling."""

    records = [article(n, source=f"منفذ {n:02}") for n in range(40)]
    records.append(article(99, source="مؤسسة الإذاعة"))
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "d"))
    client = app_for(tmp_path / "d").test_client()
    page = client.get("/?q=الخبر").get_data(as_text=True)
    more = re.search(r'href="([^"]+)" id="more-source"', page).group(1).replace("&amp;", "&")
    assert more.startswith("/facets/source?") and "q=" in more
    listing = client.get(more).get_data(as_text=True)
    assert len(re.findall(r'class="value" dir="auto">منفذ \d\d<', listing)) == 40  # not 30
    found = client.get(more + "&contains=الاذاعه").get_data(as_text=True)  # folded spelling
    values = re.findall(
        r'href="([^"]+)" aria-pressed="false"><span class="box"[^>]*>☐</span> '
        r'<span class="value" dir="auto">([^<]+)<',
        found,
    )
    assert [v for _, v in values] == ["مؤسسة الإذاعة"]
    chosen = client.get(values[0][0].replace("&amp;", "&")).get_data(as_text=True)
    assert 'id="total">1<' in chosen  # back to the search, with it chosen
    answer = client.get("/api/facets/source?q=الخبر&contains=منفذ 3").get_json()
    assert answer["facet"] == "source"
    assert sorted(v["key"] for v in answer["values"]) == [f"منفذ 3{n}" for n in range(10)]
    assert client.get("/api/facets/nothing").get_json()["error"]["parameter"] == "facet"


@pytest.mark.parametrize(
    "engine", ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]
)
def test_a_value_past_the_ones_listed_is_found_by_its_name(engine, tmp_path, monkeypatch, request):
    """The "more" view lists a facet's first values by count and says there
    are others; a name typed in its box is looked for among every value of
    the archive, not among those listed (a journalist looking for a man
    named in one article among 30,000 actors found nothing)."""
    from webui import search

    monkeypatch.setattr(search, "MORE_VALUES", 4)
    header = "name\ttype\taliases\tambiguous\tcontext\n"
    (tmp_path / "none.tsv").write_text(header, encoding="utf-8")
    monkeypatch.setenv("BAHTH_ACTORS", str(tmp_path / "none.tsv"))
    names = [f"ناشط {word}" for word in ("أول", "ثان", "ثالث", "رابع", "خامس", "سادس")]
    records = [  # the first named in six articles, the last in one
        article(10 * k + j, actors=[name], body="خبر عن الاحتجاج")
        for k, name in enumerate(names)
        for j in range(len(names) - k)
    ]
    records.append(article(99, actors=["سامي السادس"], body="خبر آخر"))
    # One actor stored under two spellings, one of which holds the text.
    records.append(article(70, actors=["جيريمي كوربين"]))
    records.append(article(79, actors=["جيرمي كوربن"]))
    archive = [write_jsonl(tmp_path / "a.jsonl", records)]
    client = app_for(backend=indexed(engine, archive, tmp_path, request)).test_client()

    listed = client.get("/api/facets/actor").get_json()
    assert [v["key"] for v in listed["values"]] == names[:4] and listed["more"] is True
    page = client.get("/facets/actor").get_data(as_text=True)
    assert 'id="more-values"' in page
    found = client.get("/api/facets/actor?contains=سادس").get_json()
    assert [(v["key"], v["count"]) for v in found["values"]] == [("سامي السادس", 1), (names[5], 1)]
    assert found["more"] is False
    under = client.get("/api/facets/actor?q=الاحتجاج&contains=سادس").get_json()
    assert [v["key"] for v in under["values"]] == [names[5]]  # the other is not in its results
    corbyn = client.get("/api/facets/actor?contains=كوربين").get_json()["values"]
    assert [(v["key"], v["count"]) for v in corbyn] == [("جيريمي كوربين", 2)]
    nothing = client.get("/api/facets/actor?contains=مجهول").get_json()
    assert nothing["values"] == [] and nothing["more"] is False
    assert "ناشط سادس" in client.get("/facets/actor?contains=سادس").get_data(as_text=True)
    # As many values as listed: no more; a box of spaces asks for nothing.
    monkeypatch.setattr(search, "MORE_VALUES", len(names))
    every = client.get("/api/facets/actor?q=الاحتجاج").get_json()
    assert len(every["values"]) == len(names) and every["more"] is False
    assert "تضم" not in client.get("/facets/actor?contains=%20%20").get_data(as_text=True)


def test_the_spellings_of_one_actor_are_one_facet_entry_and_one_filter(tmp_path, monkeypatch):
    """Two outlets spell an actor the gazetteer does not know two ways (the
    long vowels of a two-word name): one facet entry, its count the articles
    of both, and choosing it (either way) finds them all; a one-word name
    differing by a vowel (سعد, سعيد) stays two."""
    from indexer.search.actors import ActorDirectory

    header = "name\ttype\taliases\tambiguous\tcontext\n"
    (tmp_path / "none.tsv").write_text(header, encoding="utf-8")
    monkeypatch.setenv("BAHTH_ACTORS", str(tmp_path / "none.tsv"))
    records = [
        article(1, actors=["جيريمي كوربين"]),
        article(2, actors=["جيريمي كوربين"]),
        article(3, actors=["جيرمي كوربن"]),
        article(4, actors=["سعد"]),
        article(5, actors=["سعيد"]),
    ]
    store = EmbeddedStore(tmp_path / "data")
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], store, workers=1)
    backend = EmbeddedBackend(tmp_path / "data")
    buckets = {b.key: b.count for b in backend.search(SearchRequest()).facets["actor"]}
    assert buckets["جيريمي كوربين"] == 3 and "جيرمي كوربن" not in buckets
    assert buckets["سعد"] == 1 and buckets["سعيد"] == 1
    actors = ActorDirectory(backend.values("actor"))
    for value in ("جيريمي كوربين", "جيرمي كوربن"):
        request = SearchRequest.from_params({"actor": [value]}, actors=actors)
        found = backend.search(request)
        assert found.total == 3, value
        assert [(b.key, b.count) for b in found.facets["actor"] if b.selected] == [
            ("جيريمي كوربين", 3)
        ]


def test_a_surname_finds_the_one_actor_who_bears_it_and_offers_those_who_do():
    """A name's words match as the articles write them, long vowels and all
    (الصيد, الإرياني), though one actor's spellings are grouped without them."""
    from indexer.search.actors import ActorDirectory

    actors = ActorDirectory(
        {
            "الحبيب الصيد": 145,
            "معمر الإرياني": 9,
            "معمر الأرياني": 2,
            "تيريزا ماي": 405,
            "جيمس ماي": 3,
            "سعد الحريري": 136,
            "محمد سعيد": 16,
            "إيمانويل ماكرون": 708,
        }
    )
    assert actors.resolve("الصيد").spellings == ("الحبيب الصيد",)
    assert actors.resolve("الإرياني").spellings == ("معمر الإرياني", "معمر الأرياني")
    # A surname two actors bear names neither: both are offered, the commoner first.
    may = actors.resolve("ماي")
    assert may.spellings == () and may.closest == (("تيريزا ماي", 405), ("جيمس ماي", 3))
    # One word keeps its vowels: سعيد is not سعد الحريري.
    assert actors.resolve("سعيد").spellings == ("محمد سعيد",)
    # A name spelled nearly the same is offered where offers are still made.
    assert actors.resolve("ماكرن").closest[0] == ("إيمانويل ماكرون", 708)
    assert actors.resolve("ماكرن", offer=False).closest == ()


def test_the_timeline_has_every_period_between_its_first_and_last_bar():
    # The months of a story (خاشقجي: February, April, then October).
    bars, interval = FACETS.date.timeline({"2018-02": 3, "2018-04": 1, "2018-10": 40}, "month")
    assert interval == "month"
    assert [(b.key, b.count) for b in bars] == [
        ("2018-02", 3),
        ("2018-03", 0),
        ("2018-04", 1),
        *((f"2018-{m:02}", 0) for m in range(5, 10)),
        ("2018-10", 40),
    ]
    assert (bars[1].date_from, bars[1].date_to) == ("2018-03-01", "2018-03-31")
    # Across a year's end, and days that would make too many bars become months.
    bars, _ = FACETS.date.timeline({"2017-12": 1, "2018-01": 2}, "month")
    assert [b.key for b in bars] == ["2017-12", "2018-01"]
    days = {"2018-01-30": 1, "2018-03-30": 2, "2018-05-02": 5}
    bars, interval = FACETS.date.timeline(days, "day")
    assert interval == "month"
    assert [(b.key, b.count) for b in bars] == [
        ("2018-01", 1),
        ("2018-02", 0),
        ("2018-03", 2),
        ("2018-04", 0),
        ("2018-05", 5),
    ]
    assert FACETS.date.timeline({}, "year") == ([], "year")
    # Years are the longest period: all of them, however many.
    bars, interval = FACETS.date.timeline({"1950": 1, "2020": 2}, "year")
    assert interval == "year" and len(bars) == 71 and sum(b.count for b in bars) == 3
