"""The JSON API and the page, through Flask's test client, on a real embedded index."""

import csv
import io
import itertools
import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, quote, urlsplit

import feedparser
import pytest

from indexer import reindex
from indexer.actors import GazetteerError
from indexer.search.embedded import EmbeddedStore
from indexer.search.facets import period
from webui.errors import arabic_reason

from .conftest import app_for, article, write_jsonl


@pytest.fixture
def client(data_dir):
    return app_for(data_dir).test_client()


def test_search_json_shape(client):
    body = client.get("/api/search?q=زلزال&size=1").get_json()
    assert set(body) == {
        "total",
        "hits",
        "facets",
        "date_interval",
        "next_cursor",
        "next_url",
        "took",
        "relaxed",
        "meaning",
        "did_you_mean",
        "also_searched",
        "stopwords",
        "all_stopwords",
        "not_understood",
        "address",
        "actors_read_as",
        "actors_not_found",
        "values_read_as",
        "values_not_found",
    }
    assert body["also_searched"] == [] and body["actors_not_found"] == []
    assert body["total"] == 2
    assert len(body["hits"]) == 1 and body["next_cursor"]
    assert set(body["hits"][0]) == {
        "id",
        "title",
        "date",
        "source",
        "actors",
        "url",
        "snippet",
        "matched_by",
        "also",
        "near_duplicate_of",
    }
    assert set(body["facets"]) == {"date", "actor", "source", "category"}
    assert all({"key", "count"} <= set(b) for f in body["facets"].values() for b in f)
    assert {"from", "to"} <= set(body["facets"]["date"][0])


def test_names_are_searched_under_every_spelling_and_the_page_says_so(client):
    body = client.get("/api/search?q=ترامب&size=50").get_json()
    assert body["also_searched"] == ["ترمب"]
    assert "bw-002" in {h["id"] for h in body["hits"]}  # written ترمب
    page = client.get("/?q=ترامب").get_data(as_text=True)
    assert re.search(r'id="also-searched">بحثنا أيضًا عن: <span dir="auto">ترمب</span>', page)
    assert "كما كتبتها وحدها" in page  # and how to search the word alone: quoted
    assert "also-searched" not in client.get("/?q=زلزال").get_data(as_text=True)
    quoted = client.get('/api/search?q="ترامب"').get_json()
    assert quoted["also_searched"] == [] and "bw-002" not in {h["id"] for h in quoted["hits"]}
    article = client.get("/articles/bw-002?q=ترامب").get_data(as_text=True)
    assert "<mark>ترمب</mark>" in article


def test_a_name_is_searched_under_the_spellings_the_index_stores_it_under(tmp_path):
    records = [
        article(1, body="سلم المحقق روبرت مولير تقريره إلى الوزارة. " * 4, actors=["روبرت مولير"]),
        article(2, body="روبرت مولر يستجوب مستشاري الحملة الانتخابية. " * 4),
    ]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    body = client.get("/api/search?q=روبرت مولر").get_json()
    assert "روبرت مولير" in body["also_searched"]
    assert {h["id"] for h in body["hits"]} == {"a1", "a2"}
    page = client.get("/?q=روبرت مولر").get_data(as_text=True)
    assert re.search(r'id="also-searched">بحثنا أيضًا عن: .*روبرت مولير', page)


def test_a_hit_shows_the_chosen_actors_among_its_first_chips(tmp_path):
    # Five chips a hit: the actors the page filters by first, whatever their
    # place in the article (the filter's reason in sight).
    names = ["سعد الحريري", "ميشال عون", "نبيه بري", "وليد جنبلاط", "سمير جعجع", "تمام سلام"]
    records = [article(1, actors=names)]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    chosen = client.get("/?actor=تمام+سلام").get_data(as_text=True)
    chips = re.findall(r'class="actor" href="[^"]+"[^>]*>([^<]+)</a>', chosen)
    assert chips[0] == "تمام سلام" and len(chips) == 5
    unfiltered = client.get("/?q=الانتخابات").get_data(as_text=True)
    assert "تمام سلام" not in re.findall(r'class="actor" href="[^"]+"[^>]*>([^<]+)</a>', unfiltered)


def test_many_spellings_searched_show_four_and_the_rest_behind_a_click(data_dir, tmp_path):
    gazetteer = tmp_path / "actors.tsv"
    spellings = ["ترامب", "ترمب", "ترانب", "طرامب", "ترامبو", "تيرامب", "ترومب"]
    gazetteer.write_text(
        "name\ttype\taliases\tambiguous\tcontext\nدونالد ترامب\tperson\t"
        + " | ".join(spellings)
        + "\n",
        encoding="utf-8",
    )
    client = app_for(data_dir, actors_file=str(gazetteer)).test_client()
    searched = client.get("/api/search?q=ترامب").get_json()["also_searched"]
    assert len(searched) == 6
    page = client.get("/?q=ترامب").get_data(as_text=True)
    shown, _, rest = page.partition('<details class="more-spellings">')
    shown = shown.rpartition('id="also-searched"')[2]
    assert [name in shown for name in searched] == [True] * 4 + [False] * (len(searched) - 4)
    assert "<summary>و2 صيغ أخرى</summary>" in rest
    assert all(name in rest.partition("</details>")[0] for name in searched[4:])


def test_a_gazetteer_broken_while_serving_leaves_the_last_good_one(data_dir, tmp_path, caplog):
    gazetteer = tmp_path / "actors.tsv"
    gazetteer.write_text(
        "name\ttype\taliases\tambiguous\tcontext\nدونالد ترامب\tperson\tترامب | ترمب\n",
        encoding="utf-8",
    )
    client = app_for(data_dir, actors_file=str(gazetteer)).test_client()
    assert client.get("/api/search?q=ترامب").get_json()["also_searched"] == ["ترمب"]
    gazetteer.write_text("name\ttype\n دونالد ترامب\tpeople\n", encoding="utf-8")
    os.utime(gazetteer, ns=(1, 2_000_000_000_000_000_000))
    assert client.get("/api/search?q=ترامب").get_json()["also_searched"] == ["ترمب"]
    assert f"{gazetteer}:1:" in caplog.text
    with pytest.raises(GazetteerError):
        app_for(data_dir, actors_file=str(gazetteer))


def test_repeated_filters_and_cursor(client):
    everything = client.get("/api/search?size=100").get_json()
    by_source = {b["key"]: b["count"] for b in everything["facets"]["source"]}
    picked = ["العربية", "الجزيرة"]
    body = client.get("/api/search?source=العربية&source=الجزيرة&size=100").get_json()
    assert body["total"] == by_source["العربية"] + by_source["الجزيرة"]
    assert {h["source"] for h in body["hits"]} == set(picked)
    first = client.get("/api/search?sort=oldest&size=5").get_json()
    second = client.get(f"/api/search?sort=oldest&size=5&cursor={first['next_cursor']}").get_json()
    third = client.get("/api/search?sort=oldest&size=10").get_json()
    assert [h["id"] for h in first["hits"] + second["hits"]] == [h["id"] for h in third["hits"]]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("size=500", "size"),
        ("size=abc", "size"),
        ("page=0", "page"),
        ("page=600&size=20", "page"),
        ("date_from=2024-13-01", "date_from"),
        ("date_from=2024-05-01&date_to=2024-01-01", "date_to"),
        ("sort=random", "sort"),
        ("person=x", "person"),
        ("facets=date,people", "facets"),
        ("cursor=@@@", "cursor"),
        ("size=10&size=20", "size"),  # which one? no guess
        ("q=بوتين&q=ترامب", "q"),
    ],
)
def test_bad_parameters_get_400_with_one_error_shape(client, query, parameter):
    response = client.get("/api/search?" + query)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["status"] == 400 and error["code"] == "bad_request"
    assert error["parameter"] == parameter and error["message"]


def test_every_address_refuses_a_parameter_it_does_not_take_and_lists_its_own(client):
    # A filter asked of an actor's profile or an article would be ignored:
    # its figures read as filtered.
    for url in ("/api/actors/بوتين?date_from=2018-06", "/api/articles/bw-001?size=3"):
        answer = client.get(url)
        assert answer.status_code == 400, url
        assert answer.get_json()["error"]["message"] == "unknown parameter; known: none"
    export = client.get("/api/export?format=csv&sorted=newest").get_json()["error"]
    assert export["parameter"] == "sorted" and "columns" in export["message"]
    batch = client.post("/api/batch", json={"queries": ["زلزال"], "date_form": "2018"}).get_json()
    known = batch["error"]["message"].split("known: ")[1].split(", ")
    assert batch["error"]["parameter"] == "date_form"
    assert "queries" in known and "date_from" in known and "sort" not in known and "q" not in known
    # What a platform adds to a link it shares asks nothing: the search,
    # the page and an article answer as without it.
    plain = client.get("/api/search?q=زلزال").get_json()
    for tracked in ("utm_source=twitter&utm_medium=social", "fbclid=IwAR0x", "igshid=x"):
        shared = client.get(f"/api/search?q=زلزال&{tracked}")
        assert shared.status_code == 200, tracked
        assert [shared.get_json()[k] for k in ("total", "hits")] == [plain["total"], plain["hits"]]
        assert client.get(f"/?q=زلزال&{tracked}").status_code == 200, tracked
    assert client.get("/api/articles/bw-001?fbclid=IwAR0x").status_code == 200
    # A number where text is wanted, of a field it does not take: that it does not.
    odd = client.post("/api/batch", json={"queries": ["زلزال"], "foo": 1}).get_json()["error"]
    assert odd["parameter"] == "foo" and odd["message"].startswith("unknown parameter")


def test_backend_down_gives_503_in_the_same_shape_and_a_polite_page(tmp_path, caplog):
    app = app_for(tmp_path / "empty")
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "backend_unavailable"
    # Where the index lives is the operator's business: in the log, not the answer.
    assert str(tmp_path) not in error["message"] and str(tmp_path) in caplog.text
    page = app.test_client().get("/?q=x")
    assert page.status_code == 503
    assert "غير متاح" in page.get_data(as_text=True)
    assert str(tmp_path) not in page.get_data(as_text=True)


def test_no_article_shows_where_on_the_server_it_was_read(client):
    # A saved page's article names its file, not the folders that hold it.
    from .conftest import ROOT

    hits = client.get("/api/search?size=100").get_json()["hits"]
    pages = 0
    for hit in hits:
        article = client.get(f"/api/articles/{hit['id']}").get_data(as_text=True)
        assert str(ROOT) not in article and "/sample/" not in article
        page = json.loads(article).get("extra", {}).get("page")
        if page:
            pages += 1
            assert page == page.rsplit("/", 1)[-1] and page.endswith((".html", ".txt", ".htm"))
    assert pages  # the sample's saved pages were among them


def test_article_endpoint(client):
    body = client.get("/api/articles/AG-20241106-07").get_json()
    assert body["title"] == "ترامب يفوز بالانتخابات الرئاسية الأمريكية"
    assert body["also"] == [
        {
            "id": "AG-20241106-08",
            "url": "https://agency.example/mirror/20241106-07",
            "source": "فرانس 24",
            "title": "فوز ترامب بالرئاسة",
        }
    ]
    assert body["more_like_this"] and all(
        m["id"] != "AG-20241106-07" for m in body["more_like_this"]
    )
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


def test_export_streams_every_hit_in_order_and_says_it_is_whole(client, monkeypatch):
    monkeypatch.setattr("indexer.search.embedded.backend.EXPORT_CHUNK", 4)
    for sort in ("relevance", "newest", "oldest"):
        found = client.get(f"/api/search?q=الرئيس&sort={sort}&size=100").get_json()
        assert found["total"] > 4
        answer = client.get(f"/api/export?q=الرئيس&sort={sort}&format=jsonl&page=3&size=2")
        *lines, last = answer.get_data(as_text=True).splitlines()
        assert [json.loads(line)["id"] for line in lines] == [h["id"] for h in found["hits"]]
        assert json.loads(last) == {"export": {"complete": True, "rows": found["total"]}}
    total = found["total"]
    text = client.get("/api/export?q=الرئيس&format=csv").get_data(as_text=True)
    *rows, end = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["id", "date", "source", "title", "actors", "url"]
    assert len(rows) == total + 1
    assert end == ["END", f"{total} rows, complete", "", "", "", ""]
    one = client.get("/api/export?q=الرئيس&format=csv&columns=id").get_data(as_text=True)
    assert one.splitlines()[-1] == f'"END: {total} rows, complete"'
    assert client.get("/api/export?format=xml").status_code == 400


def test_an_export_has_the_columns_asked_for_and_says_what_it_holds(client, monkeypatch):
    monkeypatch.setattr("indexer.search.embedded.backend.EXPORT_CHUNK", 4)
    total = client.get("/api/search?q=الرئيس").get_json()["total"]
    answer = client.get("/api/export?q=الرئيس&format=csv&columns=id,body,category,also,snippet")
    *rows, _ = csv.reader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff")))
    assert rows[0] == ["id", "body", "category", "also", "snippet"] and len(rows) == total + 1
    first = client.get(f"/api/articles/{rows[1][0]}").get_json()
    assert rows[1][1] == first["body"] and rows[1][2] == first["category"]
    assert "<mark>" not in "".join(r[4] for r in rows[1:]) and any(r[4] for r in rows[1:])
    disposition = answer.headers["Content-Disposition"]
    today = date.today().isoformat()
    assert f"filename*=UTF-8''bahth-{quote('الرئيس')}-{today}.csv" in disposition
    assert 'filename="bahth-_' in disposition  # an ASCII stand-in for old clients
    lines = client.get("/api/export?q=الرئيس&columns=title,tags").get_data(as_text=True)
    assert all(set(json.loads(line)) == {"title", "tags"} for line in lines.splitlines()[:-1])
    page = client.get("/?q=الرئيس&source=الجزيرة").get_data(as_text=True)
    form = page.split('id="export-form"')[1].split("</form>")[0]
    assert '<input type="hidden" name="source" value="الجزيرة">' in form
    assert 'name="column" value="body">' in form and 'value="title" checked>' in form
    ticked = client.get("/api/export?q=الرئيس&source=الجزيرة&format=jsonl&column=id&column=body")
    found = [json.loads(line) for line in ticked.get_data(as_text=True).splitlines()[:-1]]
    assert found and all(set(row) == {"id", "body"} for row in found)
    assert len(found) == client.get("/api/search?q=الرئيس&source=الجزيرة").get_json()["total"]
    empty = client.get("/api/export?columns=,,,")
    assert empty.status_code == 400 and empty.get_json()["error"]["parameter"] == "columns"
    bad = client.get("/api/export?columns=id,secret").get_json()
    assert bad["error"]["parameter"] == "columns" and "secret" in bad["error"]["message"]


def test_openapi_describes_every_route(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    # Every route of the API, with each of its methods, and nothing else.
    routes = {
        (re.sub(r"<[^>]+>", "{}", rule.rule), method.lower())
        for rule in client.application.url_map.iter_rules()
        if rule.rule.startswith("/api/") and rule.rule != "/api/openapi.json"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {
        (re.sub(r"{[^}]+}", "{}", path), method)
        for path, operations in spec["paths"].items()
        for method in operations
    }
    assert routes == documented and ("/api/batch", "post") in documented
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    from indexer.search.request import parameters

    assert names == set(parameters())


def test_every_page_links_the_api_document(client):
    for url in ("/", "/?q=ترامب", "/articles/bw-001", "/no-such-page"):
        html = client.get(url).get_data(as_text=True)
        assert 'href="/api/openapi.json" dir="ltr" id="api-link"' in html, url


def test_health(client):
    assert client.get("/api/health").get_json() == {
        "status": "ok",
        "backend": "embedded",
        "articles": 31,
    }


def test_page_is_arabic_right_to_left_and_loads_nothing_from_elsewhere(client):
    html = client.get("/?q=بوتين").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert "<mark>بوتين</mark>" in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http://", "https://", "//")), url


def test_page_links_hold_the_whole_state(client):
    html = client.get("/?q=ترامب&source=سي+إن+إن+بالعربية&sort=newest").get_data(as_text=True)
    assert 'name="q" value="ترامب"' in html
    toggles = re.findall(r'href="([^"]+)" aria-pressed', html)
    assert toggles and all("sort=newest" in t and "q=" in t for t in toggles)
    bars = re.findall(r'class="bar" href="([^"]+)"', html)
    assert bars and all("date_from=" in b and "date_to=" in b for b in bars)
    followed = client.get(bars[0].replace("&amp;", "&"))
    assert followed.status_code == 200


BAR = re.compile(r'class="bar[^"]*" href="([^"]+)"[^>]*aria-label="([\d-]+): ([\d,]+)"')


def test_the_date_histogram_drills_down_to_a_day_on_the_page(client):
    """From every article, the busiest bar clicked until the bars are days:
    each step counts within the period chosen, and keeps the sort."""
    url, chosen = "/?sort=newest", None
    for _ in range(3):
        html = client.get(url.replace("&amp;", "&")).get_data(as_text=True)
        bars = BAR.findall(html)
        if chosen:
            assert bars and all(key.startswith(chosen) for _, key, _ in bars)
            first, last = period(chosen)
            assert f'من <bdi dir="ltr">{first}</bdi> إلى <bdi dir="ltr">{last}</bdi>' in html
            assert 'name="sort" value="newest"' in html.split('class="date-range"')[1]
        href, key, count = max(bars, key=lambda bar: int(bar[2].replace(",", "")))
        # The busiest period and every count are readable without hovering.
        assert f'id="date-busiest">الأكثر: <a href="{href}"><bdi dir="ltr">{key}</bdi></a>' in html
        assert f'<bdi dir="ltr">{key}</bdi></a> <span class="count">{count}</span>' in html
        url, chosen = href, key
        if len(key) == 10:
            break
    day = client.get(url.replace("&amp;", "&")).get_data(as_text=True)
    assert len(chosen) == 10 and 'class="bar selected"' in day and 'aria-current="true"' in day
    assert f'id="date-wider">الشهر كله (<bdi class="date-ltr">{chosen[:7]}</bdi>)</a>' in day
    # The date inputs take text (YYYY, YYYY-MM or YYYY-MM-DD), whatever the browser's locale.
    assert 'type="date"' not in day and f'name="date_from" value="{chosen}"' in day
    api = client.get(f"/api/search?date_from={chosen}&date_to={chosen}").get_json()
    assert api["date_interval"] == "day" and api["facets"]["date"][0]["selected"] is True


def test_a_period_without_articles_is_an_empty_bar_in_its_place(client):
    bars = client.get("/api/search").get_json()["facets"]["date"]
    for bar, following in itertools.pairwise(bars):  # each period follows the last
        assert date.fromisoformat(following["from"]) == date.fromisoformat(bar["to"]) + timedelta(
            days=1
        )
    empty = [bar["key"] for bar in bars if bar["count"] == 0]
    assert empty, "the sample archive has periods without an article"
    html = client.get("/").get_data(as_text=True)
    for key in empty:  # shown in its place, and no link to a search of nothing
        assert f'<span class="bar empty" title="{key}: 0" data-key="{key}">' in html
        assert f'data-key="{key}" data-from' not in html


def test_article_page(client):
    html = client.get("/articles/bw-001?q=بوتين").get_data(as_text=True)
    assert "<mark>بوتين</mark>" in html
    assert "فلاديفوستوك" in html
    assert client.get("/articles/none").status_code == 404
    # The terms the search looked for, all of them: علي typed also finds على.
    snippet = client.get("/api/search?q=علي&size=100").get_json()["hits"]
    assert any("<mark>على</mark>" in hit["snippet"] for hit in snippet if hit["id"] == "bw-001")
    article = client.get("/articles/bw-001?q=علي").get_data(as_text=True)
    assert "<mark>على</mark>" in article


def test_an_article_opened_from_results_leads_back_to_the_same_results(client):
    narrowed = "/?q=بوتين&sort=newest&source=وكالة الأنباء العربية"
    page = client.get(narrowed).get_data(as_text=True)
    opened = re.search(r'<h3><a href="(/articles/[^"]+)"', page).group(1).replace("&amp;", "&")
    state = parse_qs(urlsplit(opened).query)
    assert (
        state["q"] == ["بوتين"]
        and state["source"] == ["وكالة الأنباء العربية"]
        and state["sort"] == ["newest"]
    )
    article = client.get(opened).get_data(as_text=True)
    assert "<mark>بوتين</mark>" in article
    back = re.search(r'<p class="back"><a href="([^"]+)"', article).group(1).replace("&amp;", "&")
    assert urlsplit(back).path == "/" and parse_qs(urlsplit(back).query) == state
    # Whatever a link carries is a search's parameter, never Flask's own.
    for odd in ("_external=1", "_anchor=x", "_method=POST", "_scheme=ftp"):
        answer = client.get(f"/articles/bw-001?q=بوتين&{odd}", headers={"Host": "evil.example"})
        assert answer.status_code == 200, odd
        link = re.search(r'<p class="back"><a href="([^"]+)"', answer.get_data(as_text=True))
        assert link.group(1).startswith("/?"), odd


def test_an_english_query_without_vectors_is_told_to_write_arabic_not_to_check_spelling(
    client, data_dir
):
    page = client.get("/?q=earthquake").get_data(as_text=True)
    said = re.search(r'id="no-results">(.*?)</p>', page, re.S).group(1)
    assert "البحث بالمعنى" in said and "بالعربية" in said and "الإملاء" not in said
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "earthquake"],
        env={**os.environ, "BAHTH_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
    )
    assert "no vectors to search by meaning" in shown.stdout
    # An Arabic word that finds nothing keeps its own advice.
    arabic = client.get("/?q=زلزلزل").get_data(as_text=True)
    assert "الإملاء" in re.search(r'id="no-results">(.*?)</p>', arabic, re.S).group(1)


def test_a_query_with_nothing_to_search_says_so_not_that_articles_are_about_it(client):
    for typed in ('"', "%", "((("):
        page = client.get("/", query_string={"q": typed}).get_data(as_text=True)
        assert 'id="nothing-searched"' in page and " عن «" not in page, typed
    assert 'id="nothing-searched"' not in client.get("/?q=-زلزال").get_data(as_text=True)
    assert " عن «" in client.get("/?q=زلزال").get_data(as_text=True)


def test_page_says_when_no_article_has_all_the_words_and_when_none_matches(client):
    relaxed = client.get("/?q=زلزال كوكب").get_data(as_text=True)
    assert 'id="relaxed"' in relaxed and "<mark>زلزال</mark>" in relaxed
    nothing = client.get("/?q=كوكب مجرة").get_data(as_text=True)
    assert "لا نتائج" in nothing and 'id="relaxed"' not in nothing


def test_a_hit_names_the_outlets_that_also_published_it(client, tmp_path):
    page = client.get("/?q=ترامب يفوز بالانتخابات").get_data(as_text=True)
    hit = page.split('<li class="hit">')[1].split("</li>")[0]
    assert "/articles/AG-20241106-07?" in hit
    # Each copy opens itself.
    assert re.search(
        r'نشره أيضًا: <a class="source" href="/articles/AG-20241106-08\?[^"]*" '
        r'title="فوز ترامب بالرئاسة">فرانس 24</a>',
        hit,
    )
    # The same outlet's second copy (a re-crawl under another ID) says so.
    twice = [article(1), article(2, title="عنوان آخر للخبر نفسه", body=article(1)["body"])]
    reindex.run([write_jsonl(tmp_path / "t.jsonl", twice)], EmbeddedStore(tmp_path / "data"))
    page = app_for(tmp_path / "data").test_client().get("/?q=الانتخابات").get_data(as_text=True)
    assert re.search(r'نشره أيضًا: <a class="source" [^>]*>سكاي نيوز عربية \(نسخة أخرى\)</a>', page)


def test_the_page_folds_a_near_copy_under_the_hit_it_repeats(tmp_path):
    from .test_search_contract import EXTRA

    wire = [r for r in EXTRA if r["id"].startswith("x-wire")]
    reindex.run([write_jsonl(tmp_path / "wire.jsonl", wire)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    page = client.get("/?q=سقطرى&sort=oldest").get_data(as_text=True)
    cards = page.split('<li class="hit">')[1:]
    assert len(cards) == 2  # the copy is not a card of its own
    assert '<strong id="total">3</strong>' in page  # and counted
    folded = cards[0].split('<details class="near">')[1].split("</details>")[0]
    assert "نسخ شبه مطابقة من مصادر أخرى (1)" in folded
    assert "/articles/x-wire-b?" in folded and "الأرصاد" in folded
    assert '<details class="near">' not in cards[1]
    answer = client.get("/api/search?q=سقطرى&sort=oldest").get_json()
    assert [h["near_duplicate_of"] for h in answer["hits"]] == [None, "x-wire-a", None]


def test_the_page_says_when_a_query_was_all_stopwords(client):
    page = client.get("/?q=من هو").get_data(as_text=True)
    assert 'id="stopwords">كل كلمات البحث من الكلمات الشائعة' in page
    assert '<span dir="auto">من</span>، <span dir="auto">هو</span>' in page
    answer = client.get("/api/search?q=من هو").get_json()
    assert answer["all_stopwords"] is True and answer["stopwords"] == ["من", "هو"]
    assert 'id="stopwords"' not in client.get("/?q=زلزال").get_data(as_text=True)


def test_chosen_filters_are_chips_above_the_results_that_remove_them(client):
    url = "/?q=ترامب&source=فرانس+24&actor=دونالد+ترامب&date_from=2016-01-01&date_to=2025-12-31"
    html = client.get(url).get_data(as_text=True)
    chips = html.split('id="active-filters"')[1].split("</nav>")[0]
    assert html.index('id="active-filters"') < html.index('class="hits"')  # above, at any width
    assert 'href="#facets">تضييق النتائج (3)</a>' in chips  # the phone's way to the facets
    assert 'من <bdi dir="ltr">2016-01-01</bdi> إلى <bdi dir="ltr">2025-12-31</bdi>' in chips
    # An open end is said as such, never an ellipsis that reads as cut off.
    for ends, said in (("date_from=2018-06", "منذ"), ("date_to=2018-06", "حتى")):
        one = client.get(f"/?q=ترامب&{ends}").get_data(as_text=True)
        chip = one.split('id="active-filters"')[1].split("</nav>")[0]
        assert f'{said} <bdi dir="ltr">2018-06-' in chip and "…" not in chip, ends
    chip = r'class="chip" href="([^"]+)"[^>]*>[^<]*<bdi>([^<]+)</bdi>'
    removals = {value: href.replace("&amp;", "&") for href, value in re.findall(chip, chips)}
    assert set(removals) == {"فرانس 24", "دونالد ترامب"}
    kept = parse_qs(urlsplit(removals["فرانس 24"]).query)
    assert "source" not in kept and kept["actor"] == ["دونالد ترامب"] and kept["q"] == ["ترامب"]
    without_source = client.get(removals["فرانس 24"]).get_data(as_text=True)
    assert without_source.count('class="chip"') == 2  # the actor and the dates remain
    cleared = re.search(r'class="chip clear" href="([^"]+)"', chips).group(1).replace("&amp;", "&")
    assert "source=" not in cleared and "date_from" not in cleared and "q=" in cleared
    assert 'class="chip"' not in client.get("/?q=ترامب").get_data(as_text=True)


def test_the_page_says_how_chosen_actors_combine_and_actor_chips_narrow(client):
    both = "/?actor=إيمانويل+ماكرون&actor=دونالد+ترامب"
    html = client.get(both).get_data(as_text=True)
    line = html.split('id="match-actor">')[1].split("</p>")[0]
    assert line.startswith("المقالات التي تذكرها كلها")
    either = re.search(r'href="([^"]+)">أيًّا منها</a>', line).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(either).query)["actor_match"] == ["any"]
    any_html = client.get(either).get_data(as_text=True)
    assert int(re.search(r'id="total">(\d+)<', any_html).group(1)) > int(
        re.search(r'id="total">(\d+)<', html).group(1)
    )
    assert 'id="match-actor">المقالات التي تذكر أيًّا منها' in any_html
    # An actor on a hit adds itself to the actors chosen; one already chosen stays.
    chips = re.findall(r'class="actor" href="([^"]+)"', html)
    for href in chips:
        actors = parse_qs(urlsplit(href.replace("&amp;", "&")).query)["actor"]
        assert {"إيمانويل ماكرون", "دونالد ترامب"} <= set(actors)


def test_a_suggestion_weighs_the_other_words_and_the_keyboard(client):
    from indexer.search.suggest import NEIGHBOUR, _likelihood, candidates

    # A misspelt name beside a right word: some words found, and a spelling
    # that finds them all together is offered.
    typo = client.get("/api/search?q=ترانب ماكرون").get_json()
    together = client.get("/api/search?q=ترامب ماكرون").get_json()
    assert typo["relaxed"] and not together["relaxed"] and together["total"] > 0
    assert typo["did_you_mean"] == {"q": "ترامب ماكرون", "total": together["total"]}
    # A slip to a neighbouring key (م beside ن) is the likelier one.
    spellings = dict(candidates("اليمم"))
    assert spellings["اليمن"] == NEIGHBOUR
    assert candidates("ترامب") == []  # nothing unknown, nothing offered
    # Offered as the articles write it, not in its normalised letters (السعوديه).
    for typed, written in (("السعودبة", "السعودية"), ("الأمريكيى", "الأمريكية")):
        assert client.get(f"/api/search?q={typed}").get_json()["did_you_mean"]["q"] == written
    # A hamza dropped for its seat is as likely a slip, and the word is
    # written as the articles write it, the article before it or not.
    assert client.get("/api/search?q=رياسة").get_json()["did_you_mean"]["q"] == "رئاسة"
    # A name in an Arabic keyboard's quotes is a phrase, and its slip one too.
    assert client.get("/api/search?q=«ترانب»").get_json()["did_you_mean"]["q"] == "«ترامب»"
    # A letter written by ear (a hamza's seat, a letter of g), a long vowel
    # left out: as likely as a neighbouring key; a key held down is not.
    assert _likelihood("هياه", "هيءه") == _likelihood("انجولا", "انغولا") == NEIGHBOUR
    assert _likelihood("سلمن", "سلمان") == NEIGHBOUR
    assert _likelihood("الامريكيي", "الامريكي") == 1.0
    # The letters a hamza sits on are no slips for one another (أنجولا is no
    # أنجيلا); ch written without its ت is (شيلي, تشيلي), and no other letter.
    assert _likelihood("انجولا", "انجيلا") == _likelihood("باب", "بوب") == 1.0
    assert _likelihood("شيلي", "تشيلي") == NEIGHBOUR and _likelihood("شيلي", "يلي") == 1.0


def test_a_misspelled_name_gets_a_suggestion_on_every_surface(client, data_dir):
    right = client.get("/api/search?q=ترامب").get_json()
    # Persian's پ is the Arabic ب it is drawn on: no slip, the same articles.
    assert client.get("/api/search?q=ترامپ").get_json()["total"] == right["total"]
    for typed in ("ترانب", "ترامت"):
        answer = client.get(f"/api/search?q={typed}").get_json()
        assert answer["total"] == 0 and right["total"] > 0
        assert answer["did_you_mean"] == {"q": "ترامب", "total": right["total"]}
        page = client.get(f"/?q={typed}").get_data(as_text=True)
        assert 'id="did-you-mean">هل تقصد: <a href="' in page and "«<bdi>ترامب</bdi>»" in page
        assert "صفحة 1" not in page  # no page number under nothing
    # Under the same filters, and never when the query already finds enough.
    filtered = client.get("/api/search?q=ترانب&source=فرانس+24").get_json()
    assert (
        filtered["did_you_mean"]["total"]
        == (client.get("/api/search?q=ترامب&source=فرانس+24").get_json()["total"])
    )
    assert client.get("/api/search?q=ترامب").get_json()["did_you_mean"] is None
    assert client.get("/api/search?q=كوكب مجرة").get_json()["did_you_mean"] is None
    # A sentence pasted whole: no article has every word, and no function
    # word (إنه, منهم, لدى) is a slip to correct.
    pasted = "قال الرئيس إنه لا يزال ينظر في اختيار واحد منهم لدى الأمم المتحدة"
    relaxed = client.get(f"/api/search?q={pasted}").get_json()
    assert relaxed["relaxed"] and relaxed["did_you_mean"] is None
    pasted = client.get("/api/search?q=" + "ب" * 900).get_json()  # no word: nothing to guess
    assert pasted["total"] == 0 and pasted["did_you_mean"] is None
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "ترانب"],
        env={**os.environ, "BAHTH_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
    )
    assert f"did you mean: ترامب ({right['total']:,} articles)" in shown.stdout


def test_a_rare_slip_of_a_known_name_is_offered_the_name_where_it_finds_many_more(tmp_path):
    from indexer.actors import current
    from indexer.search.suggest import candidates, person_names

    # The news write ميركيل and اردوجان often enough for the lexicon to know
    # them: a query finding a few articles by the slip is offered the name.
    records = [
        article(n, body=f"قالت المستشارة ميركل في مؤتمر صحفي رقم {n} إن الحكومة مستعدة. " * 4)
        for n in range(12)
    ]
    records.append(article(99, body="المستشارة ميركيل تلتقي الرئيس في برلين اليوم. " * 4))
    records += [
        article(200 + n, body=f"جرت الانتخابات البلدية رقم {n} في موعدها. " * 4) for n in range(40)
    ]
    records += [
        article(300 + n, body=f"جرت الانتحابات البلدية {n} في موعدها بلا تأخير. " * 4)
        for n in range(3)
    ]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    slip = client.get("/api/search?q=ميركيل").get_json()
    assert slip["total"] == 1
    assert slip["did_you_mean"] == {"q": "ميركل", "total": 12}
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "ميركيل"],
        env={**os.environ, "BAHTH_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
    )
    assert "did you mean: ميركل (12 articles)" in shown.stdout
    # A word the lexicon does not know, a slip a few articles made too.
    typo = client.get("/api/search?q=انتحابات").get_json()
    assert typo["total"] == 3 and typo["did_you_mean"] == {"q": "انتخابات", "total": 40}
    # Two words found in a few articles are not "corrected" (جنسون بوتون is
    # no جيسون بوتين): one word alone is, a slip in a handful of articles.
    assert client.get("/api/search?q=انتحابات البلدية").get_json()["did_you_mean"] is None
    # No article holds every word, nor would with the slip mended: nothing
    # to offer (more articles holding some of the words say nothing).
    assert client.get("/api/search?q=انتحابات مجرة").get_json()["did_you_mean"] is None

    names = person_names(current())
    # A function word the lexicon leaves out (إنه, منهم, لدى) is no slip.
    assert candidates("قال إنه واحد منهم لدى الأمم المتحدة", names) == []
    assert [text for text, _ in candidates("اردوجان", names)] == ["اردوغان"]
    # Two letters swapped (خاشجقي); a name two people share is a name's
    # spelling all the same (سكريبال: the Skripals, father and daughter).
    assert [text for text, _ in candidates("خاشجقي", names)] == ["خاشقجي"]
    assert "سكريبال" in names
    # Not another real person's name (Tom Hanks is no هاينكس, Linda Sarsour
    # no صرصار), nor a clitic swapped (ونير is no نوير).
    for word in ("هانكس", "صرصور", "ونير"):
        assert candidates(word, names) == [], word
    # Common words stay: a name of its own (سعد), a family name with the
    # article whose long vowels make another (الساسي is no السيسي).
    for word in ("سعد", "الساسي", "ميركل"):
        assert candidates(word, names) == []


def test_a_bad_value_on_the_page_is_explained_in_arabic_and_the_search_kept(client):
    answer = client.get("/?q=ترامب&source=فرانس+24&date_from=2024-13-01")
    html = answer.get_data(as_text=True)
    assert answer.status_code == 400
    assert 'id="error">\n  تاريخ البداية غير صالح' in html and "must be" not in html
    assert 'أو <bdi dir="ltr">2018-06</bdi> أو' in html  # shown as written, not 06-2018
    assert 'يونيو <bdi dir="ltr">2018</bdi>' in html  # a month by its name, as typed
    assert 'inputmode="numeric"' not in html  # a phone's keyboard has letters for it
    assert "pattern=" not in html  # the browser's own English message never stands in
    assert 'name="q" value="ترامب"' in html  # the search box keeps the query
    assert '<input type="hidden" name="source" value="فرانس 24">' in html  # and the filters
    without = re.search(r'id="without-error" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(without).query) == {"q": ["ترامب"], "source": ["فرانس 24"]}
    assert client.get(without).status_code == 200
    # Past the last page (past the window too): where the results end, and a link there.
    total = client.get("/api/search?q=ترامب").get_json()["total"]
    last_page = -(-total // 20)
    for page in (last_page + 1, 501):
        far = client.get(f"/?q=ترامب&page={page}")
        html = far.get_data(as_text=True)
        assert (
            far.status_code == 400 and f'تنتهي عند الصفحة <bdi dir="ltr">{last_page}</bdi>؛' in html
        )
        last = re.search(r'id="last-page" href="([^"]+)"', html).group(1).replace("&amp;", "&")
        assert parse_qs(urlsplit(last).query)["page"] == [str(last_page)]
        assert client.get(last).status_code == 200
    for page in ("0", "abc"):  # named as what they are, not as the window
        html = client.get(f"/?q=ترامب&page={page}").get_data(as_text=True)
        assert (
            'رقم الصفحة عدد صحيح من <bdi dir="ltr">1</bdi> إلى <bdi dir="ltr">10,000</bdi>' in html
        )
        assert 'id="last-page"' not in html
    api = client.get(f"/api/search?q=ترامب&page={last_page + 1}").get_json()["error"]
    assert api["parameter"] == "page" and api["last_page"] == last_page
    assert api["message"].startswith(f"is past the last page: {total:,} results make")
    # Past the window of a search with more results than it: the window is the limit.
    window = {"parameter": "page", "message": "pages reach", "last_page": 500}
    with client.application.test_request_context("/?page=501"):
        assert 'تصل إلى أول <bdi dir="ltr">10,000</bdi> نتيجة' in arabic_reason(window)
    # The API keeps its own words.
    api = client.get("/api/search?date_from=2024-13-01").get_json()
    assert api["error"]["parameter"] == "date_from" and "تاريخ" not in api["error"]["message"]
    # Every parameter a page's link can carry is explained in Arabic, and a
    # quote of the API's message shows as a quote, not as &#39; with its
    # digits set apart.
    for address in ("/?facets=bogus", "/?q=x&mode=x"):
        html = client.get(address).get_data(as_text=True)
        reason = html.split('id="error"')[1].split("</p>")[0]
        assert "قيمة غير صالحة" not in reason and "must be" not in reason, address
    odd = {"parameter": "colour", "message": "must be 'red' or 42"}
    with client.application.test_request_context("/"):
        shown = arabic_reason(odd)
    assert "&#39;red&#39;" in shown and '<bdi dir="ltr">42</bdi>' in shown
    # A parameter no search takes (a guess at a date) is named in Arabic.
    guess = client.get("/?q=زلزال&from=2018-10")
    reason = guess.get_data(as_text=True).split('id="error"')[1].split("</p>")[0]
    assert guess.status_code == 400 and "(from)" in reason and "unknown" not in reason
    assert "date_from" in reason  # told the date's own
    other = client.get("/?q=زلزال&colour=red").get_data(as_text=True)
    assert (
        "(colour)" in other and "date_from و" not in other.split('id="error"')[1].split("</p>")[0]
    )


def test_every_search_has_an_atom_feed_a_feed_reader_reads(client):
    page = client.get("/?q=ترامب&source=سي+إن+إن+بالعربية&sort=oldest").get_data(as_text=True)
    href = re.search(r'id="feed" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert '<link rel="alternate" type="application/atom+xml" title' in page
    answer = client.get(href)
    assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
    parsed = feedparser.parse(answer.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")  # well-formed Atom
    assert parsed.version == "atom10"
    same = client.get("/api/search?q=ترامب&source=سي+إن+إن+بالعربية&sort=newest&size=50").get_json()
    assert [e.link for e in parsed.entries] == [
        f"/articles/{hit['id']}" for hit in same["hits"]
    ]  # the same articles, newest first; relative links without BAHTH_PUBLIC_URL
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    assert all(e.id.startswith("tag:bahth,2024:article/") for e in parsed.entries)
    assert [e.title for e in parsed.entries] == [hit["title"] for hit in same["hits"]]
    first = parsed.entries[0]
    assert first.author == same["hits"][0]["source"] and first.published.startswith("20")
    assert "ترامب" in parsed.feed.title and "سي إن إن بالعربية" in parsed.feed.title
    escaped = client.get("/feed.atom?q=<تحذير>%26").get_data(as_text=True)
    assert not feedparser.parse(escaped).bozo  # what a query holds cannot break the XML


def test_feed_links_come_from_the_public_url_never_from_the_host_header(data_dir):
    public = app_for(data_dir, public_url="https://bahth.example.org/archive").test_client()
    forged = {"Host": "evil.example.com"}
    parsed = feedparser.parse(public.get("/feed.atom?q=بوتين", headers=forged).get_data())
    assert parsed.entries and all(
        e.link.startswith("https://bahth.example.org/archive/articles/") for e in parsed.entries
    )
    assert parsed.feed.link.startswith("https://bahth.example.org/archive/?")
    plain = app_for(data_dir).test_client().get("/feed.atom?q=بوتين", headers=forged)
    assert b"evil.example.com" not in plain.data


def test_the_article_page_reads_right_to_left_with_its_similar_articles(client):
    html = client.get("/articles/bw-001").get_data(as_text=True)
    similar = html.split('class="similar"')[1].split("</section>")[0]
    pairs = re.findall(
        r"<small><bdi>([^<]+)</bdi> · <bdi dir=\"ltr\">(\d{4}-\d\d-\d\d)</bdi></small>", similar
    )
    assert pairs  # each outlet and its date isolated, so that bidi cannot swap them


def test_every_form_keeps_every_other_choice(client):
    state = (
        "/?q=ترامب&actor=إيمانويل+ماكرون&actor=دونالد+ترامب&actor_match=any"
        "&sort=newest&date_from=2016"
    )
    html = client.get(state).get_data(as_text=True)
    search_box = html.split('role="search"')[1].split("</form>")[0]
    dates = html.split('class="date-range"')[1].split("</form>")[0]
    for form, own in ((search_box, {"q"}), (dates, {"date_from", "date_to"})):
        kept = set(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form))
        expected = {
            ("q", "ترامب"),
            ("actor", "إيمانويل ماكرون"),
            ("actor", "دونالد ترامب"),
            ("actor_match", "any"),
            ("sort", "newest"),
            ("date_from", "2016-01-01"),
        }
        assert kept == {(n, v) for n, v in expected if n not in own}, form


def test_no_control_character_reaches_a_feed_or_a_page(client):
    """What a query (or an index an older Bahth built) holds is shown without
    control or bidi-override characters: the feed stays XML, the page text."""
    import xml.etree.ElementTree as ElementTree

    nasty = "%E2%80%AE%1B%5B2J%00%01زلزال"  # RLO, ESC [2J, NUL, SOH, then the word
    feed = client.get(f"/feed.atom?q={nasty}")
    assert feed.status_code == 200
    title = ElementTree.fromstring(feed.data).find("{http://www.w3.org/2005/Atom}title").text
    assert title.startswith("بحث: [2Jزلزال")
    page = client.get(f"/?q={nasty}").get_data(as_text=True)
    assert not any(c in page for c in "\x00\x01\x1b\u202e")


# --- actors: filters that understand names, the actor's page -------------------


def test_an_actor_filter_by_any_name_says_which_actor_it_read(client):
    full = client.get("/api/search?actor=فلاديمير+بوتين").get_json()
    for value in ("بوتين", "Putin"):
        body = client.get(f"/api/search?actor={quote(value)}").get_json()
        assert body["total"] == full["total"] > 0
        assert body["actors_read_as"] == [{"value": value, "actor": "فلاديمير بوتين"}]
    html = client.get("/?actor=Putin").get_data(as_text=True)
    assert "الفاعل «<bdi>Putin</bdi>»: <bdi>فلاديمير بوتين</bdi>" in html


def test_an_unknown_actor_is_said_on_the_page_with_links_to_the_closest(client):
    html = client.get("/?actor=ماكرن&q=الانتخابات").get_data(as_text=True)
    assert "لا فاعل باسم «<bdi>ماكرن</bdi>»" in html
    (link,) = re.findall(r'<a href="([^"]+)"><bdi>إيمانويل ماكرون</bdi></a>', html)
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["actor"] == ["إيمانويل ماكرون"] and query["q"] == ["الانتخابات"]


def test_the_actor_page_and_its_json(client):
    body = client.get("/api/actors/Putin").get_json()
    assert body["name"] == "فلاديمير بوتين" and body["kind"] == "person"
    searched = client.get("/api/search?actor=فلاديمير+بوتين&facets=date,source,actor").get_json()
    assert body["articles"] == searched["total"]
    # An outlet counts its copies folded into another's article too.
    assert sum(b["count"] for b in body["sources"]) >= searched["total"]
    for outlet in body["sources"]:
        by = {"actor": "فلاديمير بوتين", "source": outlet["key"], "size": 0}
        assert client.get("/api/search", query_string=by).get_json()["total"] == outlet["count"]
    assert sum(b["count"] for b in body["timeline"]) == searched["total"]
    assert "فلاديمير بوتين" not in [b["key"] for b in body["co_actors"]]
    assert {"spelling": "بوتن", "articles": 1} in body["spellings"]
    assert client.get(body["search"]).status_code == 200
    html = client.get("/actors/بوتين").get_data(as_text=True)
    assert '<h1 id="actor-name"><bdi>فلاديمير بوتين</bdi> <small>شخص</small></h1>' in html
    assert 'class="histogram"' in html and 'id="co-actors"' in html and 'id="spellings"' in html
    # Reachable from the facet and from each hit's actors.
    page = client.get("/?q=بوتين").get_data(as_text=True)
    assert page.count('href="/actors/%D9%81%D9%84%D8%A7%D8%AF%D9%8A%D9%85%D9%8A%D8%B1') >= 2


def test_the_actor_page_lists_the_articles_that_name_it_only_by_a_name_another_may_have(client):
    # The sample names the US Democratic Party once, as «الحزب الديمقراطي»
    # alone: a spelling its context confirms, where a wrong tag would be.
    body = client.get("/api/actors/الحزب الديمقراطي الأمريكي").get_json()
    alone = {row["spelling"]: row for row in body["named_only_by"]}
    row = alone["الحزب الديمقراطي"]
    assert row["articles"] >= 1
    found = client.get(
        "/api/search", query_string={"actor": body["name"], "q": row["q"], "size": 50}
    ).get_json()
    assert found["total"] == row["articles"]
    for hit in found["hits"]:
        article = client.get(f"/api/articles/{hit['id']}").get_json()
        assert "الحزب الديمقراطي الأمريكي" not in article["body"]
    html = client.get("/actors/الحزب الديمقراطي الأمريكي").get_data(as_text=True)
    section = html.split('id="named-only-by"', 1)[1].split("</p>", 1)[0]
    (link,) = re.findall(r'<a href="([^"]+)"><bdi>الحزب الديمقراطي</bdi>', section)
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["q"] == [row["q"]] and query["actor"] == [body["name"]]
    # An actor every article names in full has none.
    assert client.get("/api/actors/Putin").get_json()["named_only_by"] == []


def test_a_name_that_is_no_actor_is_a_404_with_the_closest(client):
    page = client.get("/actors/ماكرن")
    assert page.status_code == 404 and "إيمانويل ماكرون" in page.get_data(as_text=True)
    api = client.get("/api/actors/ماكرن")
    assert api.status_code == 404
    assert api.get_json()["closest"][0]["name"] == "إيمانويل ماكرون"


def test_the_pager_counts_the_pages_and_reaches_the_first_and_the_last(client):
    total = client.get("/api/search?size=1").get_json()["total"]
    pages = -(-total // 5)
    assert pages >= 4, "the sample archive fills a few pages of five"
    first = client.get("/?size=5").get_data(as_text=True)
    assert f'<span id="page-of">صفحة 1 من {pages}</span>' in first
    assert 'id="first-page"' not in first
    last = re.search(r'id="last-page" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(last).query)["page"] == [str(pages)]
    end = client.get(last).get_data(as_text=True)
    assert f"صفحة {pages} من {pages}" in end and 'rel="next"' not in end
    assert 'id="last-page"' not in end and 'id="first-page"' in end
    assert len(re.findall(r'<li class="hit', end)) == total - 5 * (pages - 1)


def test_past_the_numbered_pages_the_pager_says_how_many_there_are_and_goes_on(client, monkeypatch):
    # Numbered pages reach the first 10,000 results: here, the first 15.
    monkeypatch.setattr("indexer.search.request.MAX_RESULT_WINDOW", 15)
    total = client.get("/api/search?size=1").get_json()["total"]
    pages = -(-total // 5)
    assert pages > 3
    first = client.get("/?size=5").get_data(as_text=True)
    assert f'<span id="page-of">صفحة 1 من {pages}</span>' in first
    assert re.search(r'id="last-page" href="[^"]*page=3[^"]*">آخر صفحة مرقّمة \(3\)</a>', first)
    third = client.get("/?size=5&page=3").get_data(as_text=True)
    assert f"صفحة 3 من {pages}" in third
    assert re.search(r'rel="next" href="[^"]*cursor=[^"]*">ما بعد الصفحات المرقّمة</a>', third)


def test_the_api_counts_alone_times_itself_and_links_its_next_page(client):
    counts = client.get("/api/search?q=ترامب&size=0").get_json()
    full = client.get("/api/search?q=ترامب").get_json()
    assert counts["hits"] == [] and counts["total"] == full["total"] > 0
    assert counts["facets"] == full["facets"] and counts["next_cursor"] is None
    assert counts["next_url"] is None and isinstance(counts["took"], int)
    # next_url walks the same search, facets as asked, to its end.
    url, seen = "/api/search?sort=oldest&size=4&facets=source", []
    while url:
        page = client.get(url).get_json()
        assert set(page["facets"]) == {"source"}
        seen += [hit["id"] for hit in page["hits"]]
        url = page["next_url"]
    everything = client.get("/api/search?sort=oldest&size=100").get_json()
    assert seen == [hit["id"] for hit in everything["hits"]]


def test_counts_of_articles_agree_with_their_number_in_arabic(client):
    from webui.pages import articles

    assert [articles(n) for n in (1, 2, 3, 8, 10, 11, 99, 100, 103, 111, 1204)] == [
        "1 مقالة",
        "2 مقالتان",
        "3 مقالات",
        "8 مقالات",
        "10 مقالات",
        "11 مقالة",
        "99 مقالة",
        "100 مقالة",
        "103 مقالات",
        "111 مقالة",
        "1,204 مقالات",
    ]
    total = client.get("/api/search?q=ترامب").get_json()["total"]
    assert 3 <= total <= 10, "a search of a few articles in the sample"
    html = client.get("/?q=ترامب").get_data(as_text=True)
    assert f'<strong id="total">{total}</strong> مقالات' in html
    assert "ابحث في الفاعلون" not in client.get("/facets/actor").get_data(as_text=True)


def test_a_date_as_arabic_readers_type_it_is_a_date(client):
    typed = client.get("/api/search?date_from=1/6/2024&date_to=٣٠/٠٦/٢٠٢٤").get_json()
    iso = client.get("/api/search?date_from=2024-06-01&date_to=2024-06-30").get_json()
    assert typed["total"] == iso["total"] > 0
    assert 'name="date_from" value="2024-06-01"' in client.get("/?date_from=1.6.2024").get_data(
        as_text=True
    )


def test_an_undated_article_in_a_feed_is_dated_by_the_index_not_1970(tmp_path):
    records = [article(1, date=None), article(2, date=None)]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    parsed = feedparser.parse(client.get("/feed.atom").get_data())
    assert not parsed.bozo and len(parsed.entries) == 2
    today = datetime.now(UTC).date().isoformat()  # the index was built just now
    assert parsed.feed.updated.startswith(today)
    assert all(entry.updated.startswith(today) for entry in parsed.entries)


def test_the_article_page_shows_labels_and_sites_not_codes_and_encoded_addresses(tmp_path):
    long_url = "https://www.example-news.com/" + quote("أخبار/عاجل/" * 6) + "?id=1"
    records = [
        article(1, category="internationalNews", url="https://skynews.example/1"),
        article(1, id="copy", source="alarabiya", url=long_url),
    ]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    hit = client.get("/api/search").get_json()["hits"][0]
    html = client.get(f"/articles/{hit['id']}").get_data(as_text=True)
    assert "· أخبار دولية" in html and "internationalNews" not in html
    also = html.split('<section class="also">')[1].split("</section>")[0]
    assert f'title="{long_url}">example-news.com</a>' in also.replace("&amp;", "&")


def test_a_source_or_category_typed_otherwise_is_read_as_the_one_it_spells(tmp_path):
    records = [
        article(1, source="العربية", category="internationalNews"),
        article(2, source="العربية", category="middleEast"),
        article(3, source="سكاي نيوز عربية", category="internationalNews"),
    ]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()

    def answer(query):
        return client.get("/api/search?size=0&" + query).get_json()

    # ه for ة, a code in other letters, the label the page shows for a code.
    for query, facet, stored, total in (
        ("source=العربيه", "source", "العربية", 2),
        ("category=internationalnews", "category", "internationalNews", 2),
        ("category=أخبار+دولية", "category", "internationalNews", 2),
    ):
        found = answer(query)
        assert found["total"] == total, query
        value = query.split("=")[1].replace("+", " ")
        assert found["values_read_as"] == [{"facet": facet, "value": value, "read_as": [stored]}]
        assert found["values_not_found"] == []
    # A value of the archive is searched as it is, and nothing is said.
    stored = answer("source=العربية")
    assert stored["total"] == 2 and stored["values_read_as"] == stored["values_not_found"] == []
    # An outlet's code or other name, as the reindex reads it (sources.tsv).
    for code in ("skynews", "Sky+News", "سكاي+نيوز"):
        coded = answer(f"source={code}")
        assert coded["total"] == 1 and coded["values_read_as"][0]["read_as"] == ["سكاي نيوز عربية"]
    # One that spells none finds nothing, and says so, with the closest.
    missing = answer("source=سكاي+نيوزز")
    assert missing["total"] == 0
    assert missing["values_not_found"] == [
        {
            "facet": "source",
            "value": "سكاي نيوزز",
            "closest": [{"value": "سكاي نيوز عربية", "articles": 1}],
        }
    ]
    page = client.get("/?source=سكاي+نيوزز").get_data(as_text=True)
    notice = page.split('class="notice value-unknown">')[1].split("</p>")[0]
    assert "سكاي نيوز عربية" in notice and "source=" in notice
    page = client.get("/?source=العربيه").get_data(as_text=True)
    assert 'class="also value-read">المصدر «<bdi>العربيه</bdi>»: <bdi>العربية</bdi>' in page
    # A code with spaces; one near a code; a label two codes share: both.
    spaced = answer("category=middle+east")
    assert spaced["total"] == 1 and spaced["values_read_as"][0]["read_as"] == ["middleEast"]
    near = answer("category=internationalnew")["values_not_found"][0]["closest"]
    assert near[0] == {"value": "internationalNews", "articles": 2}
    records = [article(1, category="politic"), article(2, category="politics")]
    reindex.run([write_jsonl(tmp_path / "p.jsonl", records)], EmbeddedStore(tmp_path / "p"))
    both = app_for(tmp_path / "p").test_client().get("/api/search?size=0&category=سياسة")
    assert both.get_json()["total"] == 2
    assert both.get_json()["values_read_as"][0]["read_as"] == ["politic", "politics"]


def test_a_source_an_add_brings_is_known_at_once(tmp_path, monkeypatch):
    from indexer.search.actors import Directories

    monkeypatch.setattr(Directories, "RECHECK", 0)
    records = [article(1, source="المصدر الأول"), article(2, source="المصدر الأول")]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", records)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()
    asked = "/api/search?size=0&source=المصدر+الجديد"
    assert client.get(asked).get_json()["values_not_found"]
    # The same number of articles, one of them now from another outlet.
    corrected = [article(2, source="المصدر الجديد", title="عنوان مصحح")]
    reindex.add([write_jsonl(tmp_path / "b.jsonl", corrected)], EmbeddedStore(tmp_path / "data"))
    found = client.get(asked).get_json()
    assert found["total"] == 1 and found["values_not_found"] == []


def test_the_facet_box_finds_a_value_an_add_brings(tmp_path, monkeypatch):
    """The box's list is made again once the index changes, while the
    values it is made from are made again too (a lock taken twice hung)."""
    import threading

    from indexer.search.actors import Directories

    monkeypatch.setattr(Directories, "RECHECK", 0)
    first = [article(1, source="المصدر الأول")]
    reindex.run([write_jsonl(tmp_path / "a.jsonl", first)], EmbeddedStore(tmp_path / "data"))
    client = app_for(tmp_path / "data").test_client()

    def box(text):
        answers = []
        url = f"/api/facets/source?contains={text}"
        asking = threading.Thread(target=lambda: answers.append(client.get(url)), daemon=True)
        asking.start()
        asking.join(30)
        assert answers, "the facet box never answered"
        return [v["key"] for v in answers[0].get_json()["values"]]

    assert box("الجديد") == []
    added = [article(2, source="المصدر الجديد")]
    reindex.add([write_jsonl(tmp_path / "b.jsonl", added)], EmbeddedStore(tmp_path / "data"))
    assert box("الجديد") == ["المصدر الجديد"]


def test_a_search_of_nothing_advises_what_fits_it_and_offers_nothing_to_export(client):
    def advice(url):
        page = client.get(url).get_data(as_text=True)
        assert '<strong id="total">0</strong>' in page, url
        assert 'id="feed"' not in page and "/api/export" not in page, url
        return page.split('id="no-results">')[1].split("</p>")[0]

    assert "الإملاء" in advice("/?q=قزحزقز") and "كلمات أقل" not in advice("/?q=قزحزقز")
    assert "كلمات أقل" in advice("/?q=قزحزقز زقحزق")
    filtered = advice("/?q=ترامب&source=لا+مصدر")
    assert "ألغِ بعض المرشحات" in filtered and "كلمات أقل" not in filtered


def test_an_operator_bahth_does_not_read_is_named_on_every_surface(client, data_dir):
    api = client.get("/api/search?q=بوتين~2 ترامب^3").get_json()
    plain = client.get("/api/search?q=بوتين ترامب").get_json()
    assert api["not_understood"] == ["~", "^"] and plain["not_understood"] == []
    assert api["total"] == plain["total"]  # the words themselves are searched
    page = client.get("/?q=(بوتين)").get_data(as_text=True)
    assert 'id="not-understood">لم نفهم في البحث: <code dir="ltr">(</code>' in page
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "بوتين~2"],
        env={**os.environ, "BAHTH_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
    )
    assert "not understood, searched as text: ~" in shown.stdout


def test_a_pasted_link_is_looked_up_and_said_so_on_every_surface(client, data_dir):
    found = client.get("/api/search?q=https://news.example/bw-001/").get_json()
    assert [h["id"] for h in found["hits"]] == ["bw-001"]
    assert found["address"] == {"key": "news.example/bw-001", "found": True}
    missing = client.get("/api/search?q=https://news.example/bw-999").get_json()
    assert missing["address"] == {"key": "news.example/bw-999", "found": False}
    assert client.get("/api/search?q=بوتين").get_json()["address"] is None
    page = client.get("/?q=https://news.example/bw-001").get_data(as_text=True)
    assert 'id="address">ما نُشر على هذا العنوان: <bdi dir="ltr">news.example/bw-001<' in page
    page = client.get("/?q=https://news.example/bw-999").get_data(as_text=True)
    assert 'id="address">لا مقالة في الأرشيف منشورة على العنوان' in page
    shown = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "https://news.example/bw-999"],
        env={**os.environ, "BAHTH_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
    )
    assert "no article of the archive was published at this address" in shown.stdout


def test_a_batch_counts_each_query_as_its_search_does(client):
    # A blank query keeps its row: a client matches rows by position.
    sent = ["بوتين", " ", "ترامب"]
    rows = client.post("/api/batch", json={"queries": sent}).get_json()["results"]
    assert [(r["query"], bool(r["error"])) for r in rows] == [
        ("بوتين", False),
        ("", True),
        ("ترامب", False),
    ]
    queries = ["بوتين", "ترامب", '"كيم جونغ أون"', "قزحزقز", "زلزال OR مجاعة"]
    answer = client.post("/api/batch", json={"queries": queries})
    assert answer.status_code == 200
    rows = answer.get_json()["results"]
    assert [row["query"] for row in rows] == queries
    for row in rows:
        alone = client.get("/api/search", query_string={"q": row["query"]}).get_json()
        assert row["total"] == alone["total"] and row["relaxed"] == alone["relaxed"]
        assert sum(row["years"].values()) == row["total"] <= sum(row["sources"].values())
        assert row["sources"] == {b["key"]: b["count"] for b in alone["facets"]["source"]}
        assert row["also_searched"] == alone["also_searched"]
    # Under filters, each counted within them; a query refused is a row, not the end.
    filters = {"date_from": "2024", "source": "فرانس 24"}
    since = client.post(
        "/api/batch", json={"queries": ["ترامب", "ب" * 1001], **filters}
    ).get_json()["results"]
    alone = client.get("/api/search", query_string={"q": "ترامب", **filters}).get_json()
    assert since[0]["total"] == alone["total"] > 0 and "longer than" in since[1]["error"]
    # As a table a spreadsheet reads.
    table = client.post("/api/batch?format=csv", json={"queries": queries}).get_data(as_text=True)
    parsed = list(csv.reader(io.StringIO(table.lstrip("\ufeff"))))
    assert parsed[0][:2] == ["query", "total"]
    assert [(r[0], int(r[1])) for r in parsed[1:]] == [(r["query"], r["total"]) for r in rows]


@pytest.mark.parametrize(
    "body, parameter",
    [
        ({"queries": []}, "queries"),
        ({"queries": ["x"] * 1001}, "queries"),
        ({"queries": [1]}, "queries"),
        ({"queries": ["x"], "q": "y"}, "q"),
        ({"queries": ["x"], "colour": "y"}, "colour"),
        ({"queries": ["x"], "date_from": "2018-13"}, "date_from"),
        ({"queries": ["x"], "format": "xml"}, "format"),
        ({"queries": ["x"], "actor": "لا أحد بهذا الاسم"}, "actor"),  # every row would be 0
        ({"queries": ["x"], "source": "لا مصدر بهذا الاسم"}, "source"),
        ("not json", "queries"),
    ],
)
def test_a_bad_batch_is_one_400_naming_what_is_wrong(client, body, parameter):
    sent = (
        client.post("/api/batch", json=body)
        if isinstance(body, dict)
        else (client.post("/api/batch", data=body, content_type="text/plain"))
    )
    assert sent.status_code == 400
    assert sent.get_json()["error"]["parameter"] == parameter


def test_the_batch_page_takes_a_list_and_gives_the_table(client):
    page = client.get("/batch").get_data(as_text=True)
    assert 'id="batch-form"' in page and 'name="queries"' in page and 'type="file"' in page
    shown = client.post("/batch", data={"queries": "بوتين\n\nترامب\n"}).get_data(as_text=True)
    rows = shown.split('id="batch-results"')[1].split("<tbody>")[1].split("</tr>")[:-1]
    assert len(rows) == 2 and "بوتين" in rows[0] and "ترامب" in rows[1]
    total = client.get("/api/search?q=بوتين").get_json()["total"]
    assert f'<td class="count">{total}' in rows[0]
    upload = client.post(
        "/batch",
        data={"file": (io.BytesIO("\ufeffبوتين\nترامب\n".encode()), "names.txt"), "format": "csv"},
        content_type="multipart/form-data",
    )
    assert upload.mimetype == "text/csv" and "attachment" in upload.headers["Content-Disposition"]
    assert [r[0] for r in csv.reader(io.StringIO(upload.get_data(as_text=True)))][1:] == [
        "بوتين",
        "ترامب",
    ]
