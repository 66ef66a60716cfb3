"""Fuzzing: the readers, the actor recogniser, the query language and the
JSON API take anything and answer with records, rejects, actors or a 4xx in
the error shape, never a crash."""

import atexit
import gzip
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import checks

from indexer import reindex
from indexer.readers import FORMATS, Notice, RawRecord, read_archive
from indexer.search import BadRequest, SearchRequest
from indexer.search.embedded import EmbeddedStore
from indexer.settings import Settings

from .conftest import ROOT, app_for

SUFFIXES = (".jsonl", ".csv", ".sgml", ".xml", ".txt", ".json", ".gz", ".zip")
# Pieces of every format, so that the fuzzer reaches past the first byte.
SEEDS = [
    b'{"id": "1", "title": "\xd8\xb9", "body": "x"}\n',
    b"id,title,body\n",
    b'"',
    b"<DOC>",
    b"</DOC>",
    b"<TEXT>",
    b"\xff\xfe",
    b"\0" * 40,
    b"[",
    b"{",
    b"\\ud800",
    b"\n",
    b",",
    b"PK\x03\x04",
    b"<rss><channel><title>\xd8\xb9</title>",
    b"<item>",
    b"</item>",
    b"<entry><link href='x'/>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"<content:encoded>",
    b"<wp:post_type>attachment</wp:post_type>",
    b"<newsItem guid='g'>",
    b"</newsItem>",
    b"<nitf><body.content><p>",
    b"<subject type='cpnat:person'><name>",
]
chunks = st.lists(st.one_of(st.sampled_from(SEEDS), st.binary(max_size=64)), max_size=20)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=chunks, suffix=st.sampled_from(SUFFIXES), forced=st.sampled_from((None, *FORMATS)))
def test_readers_never_raise_on_any_bytes(tmp_path, parts, suffix, forced):
    data = b"".join(parts)
    if suffix == ".gz" and data[:1] == b"{":
        data = gzip.compress(data)  # a real .gz too, not only a misnamed one
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_archive([path], forced_format=forced):
        assert isinstance(item, RawRecord | Notice)
        if isinstance(item, Notice):
            assert item.reason and item.origin.startswith(str(tmp_path))
            assert "a fault of Bahth's reader" not in item.reason  # caught, but a bug still


# Words that start the recogniser's rules (titles, heads of bodies, given
# names, verbs of speech, clitics, quotes, commas, numbers, nationalities),
# so that random text reaches its branches and the ends of the text.
RECOGNISER_WORDS = (
    "الرئيس وزير وزيرا المتحدث باسم قال أكد الشيخ الأمير بن ابن بنت آل أبو عبد"
    " محمد علي فتح حماس برشلونة روما شوارع العاصمة الإيطالية وزارة الخارجية"
    " لشركة شركة نادي المحرق البحريني حزب المجلس التنفيذي للإقليم للحركة"
    " أكاديمية لحراس الثانية الأمم المتحدة جيمس ماي بنس ستاد في لل و ال"
    ' " « » ، , . 69.68 2018 Putin ـ'
).split()
recogniser_text = st.lists(
    st.one_of(st.sampled_from(RECOGNISER_WORDS), st.text(max_size=6)), max_size=40
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(title=recogniser_text, body=recogniser_text, tags=st.lists(recogniser_text, max_size=3))
def test_the_actor_recogniser_reads_anything(title, body, tags):
    found = recogniser().actors(title, body, tags)
    assert all(actor.name.strip() and actor.kind for actor in found)


_recogniser = []


def recogniser():
    """One recogniser of the shipped gazetteer for every example."""
    if not _recogniser:
        from indexer.actors import current
        from indexer.actors.recognise import Recogniser

        _recogniser.append(Recogniser(current()))
    return _recogniser[0]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_the_query_language_reads_anything(text):
    try:
        request = SearchRequest.from_params({"q": [text]})
    except BadRequest as error:
        assert error.parameter == "q"
        return
    assert request.query.size <= Settings().max_query_terms


def _app():
    """The app on a sample index of its own (schemathesis needs it when the
    tests are made, before any fixture: removed when the run ends)."""
    folder = tempfile.mkdtemp(prefix="bahth-fuzz-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    data = Path(folder) / "data"
    reindex.run([ROOT / "sample"], EmbeddedStore(data), workers=1)
    return app_for(data)


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
def test_the_api_never_answers_5xx(case):
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
    # Status, content type, headers and body as the document says. (A request
    # of the document's shapes may still be refused: 2018-13 has the shape of
    # a month, and a query of 1,000 characters may hold more than 64 words.)
    case.validate_response(
        response,
        checks=[
            checks.status_code_conformance,
            checks.content_type_conformance,
            checks.response_headers_conformance,
            checks.response_schema_conformance,
        ],
    )
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["message"]
