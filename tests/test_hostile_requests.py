"""Requests and archive content meant to harm: each gets a clear answer in the
usual shape, or is made harmless, and no request ties up a worker."""

import csv
import io
import threading
import time

import pytest

from indexer import reindex
from indexer.search import SearchRequest
from indexer.search.embedded import EmbeddedBackend, EmbeddedStore
from indexer.search.errors import SearchTooSlow

from .conftest import app_for, article, wait_until, write_jsonl

EVIL = [
    article(1, title="=cmd|' /C calc'!A0 زلزال", url="javascript:alert(document.cookie)"),
    article(
        2,
        title="@SUM(1+1) زلزال",
        url="https://news.example/ok",
        body="نص الخبر رقم 1 عن الانتخابات في المدينة. " * 4,
    ),  # a copy of a1's body
    article(3, title="-2+3 زلزال", url="data:text/html,<script>alert(1)</script>"),
    article(4, title="@SUM(1+1) زلزال"),
]


@pytest.fixture(scope="module")
def evil_index(tmp_path_factory):
    data = tmp_path_factory.mktemp("evil") / "data"
    folder = data.parent
    reindex.run([write_jsonl(folder / "evil.jsonl", EVIL)], EmbeddedStore(data), workers=1)
    return data


@pytest.fixture
def client(evil_index):
    return app_for(evil_index).test_client()


def test_only_web_addresses_become_links(client):
    page = client.get("/articles/a1").get_data(as_text=True)
    assert 'href="javascript:' not in page and "javascript:alert" in page  # shown, not a link
    assert 'href="https://news.example/ok"' in page  # the copy a2, published also by
    third = client.get("/articles/a3").get_data(as_text=True)
    assert 'href="data:' not in third


def test_every_response_carries_the_security_headers(client):
    for path in (
        "/",
        "/?q=زلزال",
        "/articles/a1",
        "/api/search?q=x",
        "/api/nope",
        "/static/bahth.css",
    ):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
        assert "script-src" not in policy  # no script may run at all
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "no-referrer", path


def test_csv_export_neutralises_formulas(client):
    text = client.get("/api/export?q=زلزال&format=csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    titles = sorted(row[3] for row in rows[1:-1])
    assert titles == ["'-2+3 زلزال", "'=cmd|' /C calc'!A0 زلزال", "'@SUM(1+1) زلزال"]
    jsonl = client.get("/api/export?q=زلزال&format=jsonl").get_data(as_text=True)
    assert '"=cmd|' in jsonl  # JSON keeps the data as it is
    assert rows[-1][0] == "END"


def test_the_api_shows_no_server_path(client, evil_index):
    body = client.get("/api/articles/a1").get_json()
    assert "origin" not in body and str(evil_index.parent) not in str(body)


def test_wrong_method_and_long_address_get_the_error_shape(client):
    response = client.post("/api/search?q=x")
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD"}
    long = client.get("/api/search?q=" + "ب" * 9_000)
    assert long.status_code == 414 and long.get_json()["error"]["code"] == "request_uri_too_long"


def test_query_limits_are_a_clear_400(client):
    too_long = client.get("/api/search?q=" + "ب " * 600).get_json()["error"]
    assert too_long["parameter"] == "q" and "1,000 characters" in too_long["message"]
    many = " ".join(f"كلمة{n}" for n in range(80))
    assert client.get(f"/api/search?q={many}").get_json()["error"]["parameter"] == "q"
    # The same word 400 times is one word: searched at once.
    repeated = client.get("/api/search?q=" + " ".join(["زلزال"] * 150))
    assert repeated.status_code == 200 and repeated.get_json()["total"] == 3


def test_actor_filters_are_bounded(client):
    """Each actor value is looked up among all the index's actors, and one
    that names no one among their words too: what a request may ask is bounded."""
    many = "&".join(f"actor=اسم{n}" for n in range(51))
    error = client.get(f"/api/search?{many}").get_json()["error"]
    assert error["parameter"] == "actor" and "at most 50 values" in error["message"]
    # The same value 300 times is one value, and a value of 2,000 words is read
    # as far as the longest name goes.
    same = client.get("/api/search?" + "&".join(["actor=اسم"] * 300)).get_json()
    assert [found["value"] for found in same["actors_not_found"]] == ["اسم"]
    long = client.get("/api/search?actor=" + "ab " * 2_000).get_json()
    assert long["total"] == 0 and len(long["actors_not_found"]) == 1


def test_repeated_words_are_searched_once():
    request = SearchRequest.from_params({"q": ["1 1 1 1 زلزال 1 -روسيا -روسيا"]})
    assert len(request.query.conditions) == 2 and len(request.query.excluded) == 1


def test_a_search_past_its_time_budget_is_stopped(tmp_path):
    many = [article(n, title=f"زلزال {n}") for n in range(3_000)]
    data = tmp_path / "data"
    reindex.run([write_jsonl(tmp_path / "many.jsonl", many)], EmbeddedStore(data), workers=1)
    assert EmbeddedBackend(data).search(SearchRequest.from_params({"q": ["زلزال"]})).total == 3_000
    slow = EmbeddedBackend(data, timeout=0.0)
    with pytest.raises(SearchTooSlow, match="took more than 0 s"):
        slow.search(SearchRequest.from_params({"q": ["زلزال"]}))
    app = app_for(data, backend=slow)
    answer = app.test_client().get("/api/search?q=زلزال")
    assert answer.status_code == 503 and answer.get_json()["error"]["code"] == "too_slow"


def test_a_request_past_the_in_flight_limit_waits_its_turn_then_gets_503(evil_index):
    entered, release = threading.Event(), threading.Event()

    class Waiting(EmbeddedBackend):
        def search(self, request):
            entered.set()
            release.wait(30)
            return super().search(request)

    app = app_for(evil_index, backend=Waiting(evil_index), max_in_flight=1, queue_seconds=1.0)
    first = threading.Thread(target=lambda: app.test_client().get("/api/search?q=زلزال"))
    first.start()
    queued = []
    try:
        assert entered.wait(60)
        started = time.monotonic()
        busy = app.test_client().get("/api/search?q=زلزال")
        assert time.monotonic() - started >= 1.0  # it waited its turn first
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "2"
        assert busy.get_json()["error"]["code"] == "service_unavailable"
        assert "waited 1 s" in busy.get_json()["error"]["message"]
        assert app.test_client().get("/api/health").status_code == 200  # never waits
        # One that comes while the first runs, and gets its turn within the wait: answered.
        second = threading.Thread(
            target=lambda: queued.append(app.test_client().get("/api/search?q=زلزال"))
        )
        second.start()
        time.sleep(0.2)
    finally:
        release.set()
        first.join(60)
    second.join(60)
    assert queued[0].status_code == 200
    # The place came back once the first request ended (its teardown gives it back).
    assert wait_until(lambda: app.test_client().get("/api/search?q=زلزال").status_code == 200)


FORGED = [
    "WzFd",  # [1]
    "WyJhIiwiYiIsImMiLCJkIl0",  # ["a","b","c","d"]
    "W3siYSI6MX0sMV0",  # [{"a":1},1]
    "W1tbXV0sW11d",  # [[[]],[]]
    "bm90IGpzb24",  # not json
]


@pytest.mark.parametrize("path", ["/api/search", "/", "/api/export"])
def test_dates_at_the_end_of_time_and_forged_cursors_are_a_400(client, path):
    for query in ("date_to=9999-12-31", "date_from=9999", "date_to=0000-01-01"):
        response = client.get(f"{path}?q=زلزال&{query}")
        assert response.status_code == 400, (path, query)
    for forged in FORGED if path != "/api/export" else ():  # an export has no pages
        response = client.get(f"{path}?q=زلزال&cursor={forged}")
        assert response.status_code == 400, (path, forged)
        if path != "/":
            assert response.get_json()["error"]["parameter"] == "cursor"


def test_an_export_cut_short_says_so_at_its_end(evil_index, monkeypatch):
    from indexer.search import BackendUnavailable

    class Failing(EmbeddedBackend):
        def export(self, request, fields=None):
            articles = super().export(request, fields)
            yield next(articles)
            raise BackendUnavailable("the index went away")

    app = app_for(evil_index, backend=Failing(evil_index))
    lines = app.test_client().get("/api/export?q=زلزال&format=jsonl").get_data(as_text=True)
    *rows, last = lines.strip().split("\n")
    assert len(rows) == 1
    assert "export cut short after 1 rows: the search engine is not available" in last
    assert "the index went away" not in last  # the operator's log says what went wrong
    text = app.test_client().get("/api/export?q=زلزال&format=csv").get_data(as_text=True)
    assert text.strip().split("\n")[-1].startswith("ERROR,export cut short")
