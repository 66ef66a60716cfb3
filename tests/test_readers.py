import gzip
import json
import os
import pickle
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.readers import (
    ArchiveError,
    Notice,
    RawRecord,
    detect_format,
    expand,
    read_archive,
    read_pieces,
    trec,
)
from indexer.readers.decode import decode
from indexer.readers.pages import KeywordLine, html_to_text, parse_page
from indexer.readers.plan import Plan

from .conftest import article, write_jsonl

TREC = """<DOC>
<DOCNO>SK-1-20180101</DOCNO>
<URL>https://www.skynewsarabia.com/1</URL>
<SRC>skynews</SRC>
<CAT>economy</CAT>
<TITLE>أسعار النفط & الذهب</TITLE>
<TIME>Mon, 01 Jan 2018 10:00:00 GMT</TIME>
<AUTHOR>أبوظبي - سكاي نيوز عربية</AUTHOR>
<ABSTRACT>ملخص</ABSTRACT>
<TEXT>
ارتفعت أسعار النفط.
</TEXT>
</DOC>
<DOC><DOCNO>SK-2-20180102</DOCNO><TITLE>ثاني</TITLE><TEXT>نص</TEXT></DOC>
"""


def records(items):
    return [i for i in items if isinstance(i, RawRecord)]


def problems(items):
    return [i for i in items if isinstance(i, Notice)]


def test_formats_are_detected_from_content():
    assert detect_format('{"id": 1}') == "jsonl"
    assert detect_format("<DOC>\n<DOCNO>1</DOCNO>") == "trec"
    assert detect_format("id,title,body\n1,a,b") == "csv"
    assert detect_format("<!DOCTYPE html><html><body>x</body></html>") == "page"
    assert detect_format("نص مقال عادي") == "page"
    # Other systems' names make a header too, two of them at least.
    assert detect_format("Title,Body\na,b") == "csv"
    assert detect_format("العنوان;النص;التاريخ\nع;ن;2018-01-01") == "csv"
    assert detect_format("Home | Article\nنص الصفحة") == "page"


def test_trec_records_with_bare_ampersands(tmp_path):
    (tmp_path / "a.sgml").write_text(TREC, encoding="utf-8")
    found = records(read_archive([tmp_path]))
    assert [r.fields["id"] for r in found] == ["SK-1-20180101", "SK-2-20180102"]
    assert found[0].fields["title"] == "أسعار النفط & الذهب"
    assert found[0].fields["source"] == "skynews"
    assert found[0].fields["abstract"] == "ملخص"
    assert found[1].line == 14


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>صحيفة المثال</title>
<image><title>شعار</title></image>
<item>
<title>النفط &amp; الذهب</title>
<link>https://example.org/news/1</link>
<guid isPermaLink="false">news-1</guid>
<pubDate>Wed, 12 Sep 2018 16:44:34 GMT</pubDate>
<dc:creator><![CDATA[محرر الاقتصاد]]></dc:creator>
<category><![CDATA[اقتصاد]]></category>
<category>أسواق</category>
<description>ملخص الخبر & تفاصيله</description>
<content:encoded><![CDATA[<p>ارتفعت أسعار النفط.</p>
<p>وقال محلل: </item> ليست نهاية.</p>]]></content:encoded>
</item>
<item>
<title>خبر بلا محتوى</title>
<author>desk@example.org (مكتب الأخبار)</author>
<source url="https://wire.example/rss">وكالة المثال</source>
<description>&lt;p&gt;النص في الوصف.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">موقع الأخبار</title>
  <entry>
    <title type="html">قمة &lt;b&gt;الرياض&lt;/b&gt;</title>
    <link rel="self" href="https://example.org/api/7"/>
    <link rel="alternate" type="text/html" href="https://example.org/7"/>
    <id>tag:example.org,2018:7</id>
    <published>2018-05-02T10:00:00+03:00</published>
    <updated>2018-05-03T10:00:00+03:00</updated>
    <author><name>سارة</name><email>s@example.org</email></author>
    <category term="politics" label="سياسة"/>
    <summary>ملخص القمة</summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>انعقدت القمة.<br/>وانتهت.</p></div>
    </content>
  </entry>
</feed>
"""
WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>جريدة الحي</title>
  <wp:author><wp:author_login>editor2</wp:author_login>
    <wp:author_display_name><![CDATA[سارة أحمد]]></wp:author_display_name></wp:author>
  <item>
    <title>افتتاح مكتبة الحي</title>
    <dc:creator><![CDATA[editor2]]></dc:creator>
    <link>https://alhay.example/?p=11</link>
    <pubDate>Sun, 04 Mar 2018 09:00:00 +0000</pubDate>
    <content:encoded><![CDATA[افتتحت البلدية مكتبة جديدة.]]></content:encoded>
    <wp:post_id>11</wp:post_id>
    <wp:post_date_gmt><![CDATA[2018-03-04 09:00:00]]></wp:post_date_gmt>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="post_format" nicename="post-format-video"><![CDATA[Video]]></category>
    <category domain="category" nicename="local"><![CDATA[محليات]]></category>
    <category domain="post_tag" nicename="lib"><![CDATA[مكتبات]]></category>
    <wp:comment><wp:comment_content><![CDATA[تعليق <item> جميل]]></wp:comment_content></wp:comment>
  </item>
  <item>
    <title>صورة المكتبة</title>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
  </item>
  <item>
    <title>مسودة</title>
    <wp:status><![CDATA[draft]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
  </item>
  <item>
    <title>خبر من نوع خاص بالموقع</title>
    <pubDate>Mon, 30 Nov -0001 00:00:00 +0000</pubDate>
    <content:encoded><![CDATA[نص الخبر.]]></content:encoded>
    <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
    <wp:post_date>2018-03-05 10:00:00</wp:post_date>
    <wp:status>publish</wp:status>
    <wp:post_type>news</wp:post_type>
  </item>
</channel>
</rss>
"""


def test_rss_atom_and_wordpress_exports_are_read_an_item_a_record(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "export.xml").write_text(WXR, encoding="utf-8")
    items = list(read_archive([tmp_path]))
    found = {r.fields["title"]: r for r in records(items)}
    rss = found["النفط & الذهب"].fields
    assert found["النفط & الذهب"].line == 7
    assert rss == {
        "id": "news-1",
        "title": "النفط & الذهب",
        "url": "https://example.org/news/1",
        "date": "Wed, 12 Sep 2018 16:44:34 GMT",
        "author": "محرر الاقتصاد",
        "source": "صحيفة المثال",  # the channel's title, not its image's
        "body": "<p>ارتفعت أسعار النفط.</p>\n<p>وقال محلل: </item> ليست نهاية.</p>",
        "abstract": "ملخص الخبر & تفاصيله",
        "category": "اقتصاد",
        "tags": ["أسواق"],
    }
    other = found["خبر بلا محتوى"].fields
    assert other["body"] == "<p>النص في الوصف.</p>" and "abstract" not in other
    assert (other["author"], other["source"]) == ("مكتب الأخبار", "وكالة المثال")
    atom = found["قمة <b>الرياض</b>"].fields
    assert atom["url"] == "https://example.org/7"
    assert (atom["id"], atom["date"]) == ("tag:example.org,2018:7", "2018-05-02T10:00:00+03:00")
    assert (atom["author"], atom["source"], atom["category"]) == ("سارة", "موقع الأخبار", "سياسة")
    assert "انعقدت القمة" in atom["body"] and atom["abstract"] == "ملخص القمة"
    post = found["افتتاح مكتبة الحي"].fields
    assert (post["category"], post["tags"], post["source"]) == ("محليات", ["مكتبات"], "جريدة الحي")
    assert post["author"] == "سارة أحمد"  # the name the export shows for its login
    # A site's own post type is an article; WordPress's "never dated" is no date.
    assert found["خبر من نوع خاص بالموقع"].fields["date"] == "2018-03-05 10:00:00"
    assert set(found) == {
        "النفط & الذهب",
        "خبر بلا محتوى",
        "قمة <b>الرياض</b>",
        "افتتاح مكتبة الحي",
        "خبر من نوع خاص بالموقع",
    }
    left_out = [(p.line, p.action, p.reason) for p in problems(items)]
    assert left_out == [
        (23, "skipped", "a WordPress attachment (wp:post_type), not an article: left out"),
        (27, "skipped", "a post not published (wp:status draft): left out"),
    ]
    assert {detect_format(text) for text in (RSS, ATOM, WXR)} == {"feed"}
    # Feeds joined into one file keep their own outlets.
    joined = ATOM + RSS.replace("صحيفة المثال", "صحيفة أخرى")
    assert [r.fields["source"] for r in records(read_archive([_written(tmp_path, joined)]))] == [
        "موقع الأخبار",
        "صحيفة أخرى",
        "وكالة المثال",
    ]


def _written(folder, text, name="joined.xml"):
    path = folder / "other" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_feed_that_prefixes_atom_or_rss_elements_is_read_as_one_without(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <a:title>وكالة الأنباء</a:title>
  <a:entry>
    <a:id>urn:x:1</a:id><a:title>عنوان الخبر الأول</a:title>
    <a:link href="https://example.org/1"/><a:published>2019-03-01T10:00:00Z</a:published>
    <a:author><a:name>كاتب</a:name></a:author><dc:subject>سياسة</dc:subject>
    <a:content type="html">نص الخبر الأول عن الانتخابات في المدينة</a:content>
  </a:entry>
</a:feed>"""
    (found,) = records(read_archive([_written(tmp_path, atom, "prefixed.xml")]))
    assert found.fields == {
        "id": "urn:x:1",
        "title": "عنوان الخبر الأول",
        "url": "https://example.org/1",
        "date": "2019-03-01T10:00:00Z",
        "author": "كاتب",
        "source": "وكالة الأنباء",
        "body": "نص الخبر الأول عن الانتخابات في المدينة",
        "category": "سياسة",
    }
    rss1 = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:r="http://purl.org/rss/1.0/"><r:channel><r:title>نشرة</r:title></r:channel>
<r:item><r:title>خبر</r:title><r:description>نص الخبر الثاني</r:description></r:item></rdf:RDF>"""
    (second,) = records(read_archive([_written(tmp_path, rss1, "rss1.xml")]))
    assert second.fields == {"title": "خبر", "body": "نص الخبر الثاني", "source": "نشرة"}
    # RSS 2.0 that declares Atom for a link of its own keeps its items' <link>.
    rss2 = """<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>مدونة</title><atom:link href="https://x.example/feed" rel="self"/>
<item><title>خبر</title><atom:link href="https://x.example/feed" rel="self"/>
<link>https://x.example/1</link><description>نص</description></item></channel></rss>"""
    (third,) = records(read_archive([_written(tmp_path, rss2, "rss2.xml")]))
    assert third.fields["url"] == "https://x.example/1"


def test_a_feed_is_a_document_whose_root_is_one_not_any_text_that_names_it():
    assert detect_format("<?xml version='1.0'?>\n<!-- " + "ترخيص " * 2000 + "-->\n<rss>") == "feed"
    assert detect_format("<!DOCTYPE rss>\n<rss><channel>") == "feed"
    assert detect_format('<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n]>\n<rss>') == "feed"
    assert detect_format("<atom:feed xmlns:atom='x'>") == "feed"
    assert (
        detect_format("<nitf>") == detect_format("<?xml version='1.0'?><newsMessage>") == "newsml"
    )
    assert detect_format("id,title,body\n1,<rss> و<item> في النص,نص") == "csv"
    assert detect_format("<DOC>\n<TEXT>\nاشترك في <rss>\n</TEXT>\n</DOC>") == "trec"
    assert detect_format("<html><body><p>خلاصة <rss> الموقع</p></body></html>") == "page"
    assert detect_format("اشترك في خلاصة الموقع <rss> <item>") == "page"
    # Another XML document is said to be one, not read as a page of its tags.
    assert detect_format('<?xml version="1.0"?>\n<urlset><url><loc>x</loc></url>') == "xml"
    assert detect_format('<?xml version="1.0"?>\n<html><body>نص</body></html>') == "page"


NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
 <header><sent>2018-09-12T16:50:00Z</sent></header>
 <itemSet>
  <newsItem guid="urn:newsml:wire.example:20180912:ar-001" version="2" standard="NewsML-G2">
   <rightsInfo><copyrightHolder literal="وكالة المثال"/></rightsInfo>
   <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="وكالة المثال للأنباء"/>
    <versionCreated>2018-09-12T16:44:34Z</versionCreated>
    <pubStatus qcode="stat:usable"/>
   </itemMeta>
   <contentMeta>
    <contentCreated>2018-09-12T16:40:00+03:00</contentCreated>
    <creator><name>مراسل بغداد</name></creator>
    <subject type="cpnat:person" qcode="wire:1"><name xml:lang="ar">مصطفى الكاظمي</name></subject>
    <subject type="cpnat:organisation" literal="البنك المركزي العراقي"/>
    <subject type="cpnat:abstract" qcode="medtop:04000000"><name>اقتصاد</name></subject>
    <genre qcode="genre:Current"><name>خبر</name></genre>
    <keyword>الدينار</keyword>
    <headline>البنك المركزي العراقي يرفع سعر الدينار</headline>
    <description role="drol:summary">قرار جديد للبنك المركزي.</description>
   </contentMeta>
   <contentSet>
    <inlineXML contenttype="application/nitf+xml">
     <nitf><body><body.content><p>أعلن البنك المركزي العراقي رفع سعر صرف الدينار.</p>
     <p>وقال محافظ البنك إن القرار يسري &amp; يبدأ غدا.</p></body.content></body></nitf>
    </inlineXML>
   </contentSet>
  </newsItem>
  <newsItem guid="urn:newsml:wire.example:20180912:pic-7">
   <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
   <contentMeta><headline>صورة</headline></contentMeta>
  </newsItem>
  <newsItem guid="urn:newsml:wire.example:20180912:ar-000">
   <itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:canceled"/></itemMeta>
   <contentMeta><headline>خبر سحب</headline></contentMeta>
  </newsItem>
 </itemSet>
</newsMessage>
"""
NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
 <head>
  <title>افتتاح معرض الكتاب</title>
  <docdata>
   <doc-id id-string="WIRE-2019-0203-55"/>
   <date.issue norm="20190203T080000+0200"/>
   <key-list><keyword key="معارض"/><keyword key="كتب"/></key-list>
   <identified-content><person>ليلى حسن</person><org>وزارة الثقافة</org></identified-content>
  </docdata>
  <pubdata type="web" name="وكالة المثال" position.section="ثقافة"/>
 </head>
 <body>
  <body.head>
   <hedline><hl1>افتتاح معرض عمان للكتاب</hl1><hl2>بمشاركة 300 دار نشر</hl2></hedline>
   <byline>عمان - سارة</byline>
   <abstract><p>افتتح المعرض اليوم.</p></abstract>
  </body.head>
  <body.content><p>افتتحت وزارة الثقافة معرض عمان الدولي للكتاب.</p></body.content>
 </body>
</nitf>
"""


def test_news_agencies_newsml_and_nitf_are_read_a_story_a_record(tmp_path):
    (tmp_path / "wire.xml").write_text(NEWSML, encoding="utf-8")
    (tmp_path / "story.nitf").write_text(NITF, encoding="utf-8")
    items = list(read_archive([tmp_path]))
    found = {r.fields["id"]: r.fields for r in records(items)}
    assert set(found) == {"urn:newsml:wire.example:20180912:ar-001#v2", "WIRE-2019-0203-55"}
    item = found["urn:newsml:wire.example:20180912:ar-001#v2"]  # its version 2
    assert item["body"].startswith("<p>أعلن البنك المركزي العراقي")
    assert "يسري & يبدأ" in item["body"]
    assert {k: v for k, v in item.items() if k != "body"} == {
        "id": "urn:newsml:wire.example:20180912:ar-001#v2",
        "title": "البنك المركزي العراقي يرفع سعر الدينار",
        "date": "2018-09-12T16:40:00+03:00",
        "author": "مراسل بغداد",
        "source": "وكالة المثال للأنباء",
        "abstract": "قرار جديد للبنك المركزي.",
        "category": "خبر",
        "actors": ["مصطفى الكاظمي", "البنك المركزي العراقي"],
        "tags": ["اقتصاد", "الدينار"],
    }
    story = found["WIRE-2019-0203-55"]
    assert {k: v for k, v in story.items() if k != "body"} == {
        "id": "WIRE-2019-0203-55",
        "title": "افتتاح معرض عمان للكتاب",
        "date": "20190203T080000+0200",
        "author": "عمان - سارة",
        "source": "وكالة المثال",
        "category": "ثقافة",
        "abstract": "افتتح المعرض اليوم.",
        "actors": ["ليلى حسن", "وزارة الثقافة"],
        "tags": ["معارض", "كتب"],
    }
    assert story["body"] == "<p>افتتحت وزارة الثقافة معرض عمان الدولي للكتاب.</p>"
    left_out = [(p.line, p.action, p.reason) for p in problems(items)]
    assert left_out == [
        (31, "skipped", "a NewsML picture item (itemClass ninat:picture), not text: left out"),
        (
            35,
            "skipped",
            "a NewsML item withdrawn by its agency (pubStatus stat:canceled): left out",
        ),
    ]
    assert {detect_format(NEWSML), detect_format(NITF)} == {"newsml"}


def test_a_wires_attributes_in_either_quotes_its_plain_text_and_a_quoted_channel(tmp_path):
    wire = (
        "<newsMessage><itemSet>\n"
        "<newsItem guid='p1'><itemMeta><itemClass qcode='ninat:picture'/></itemMeta></newsItem>\n"
        '<newsItem guid="p2"><itemMeta><itemClass uri="http://cv.iptc.org/newscodes/ninature/'
        'picture"/></itemMeta></newsItem>\n'
        '<newsItem guid="t1"><contentMeta><headline>عنوان</headline></contentMeta><contentSet>'
        '<inlineData contenttype="text/plain">نص الخبر كما هو</inlineData></contentSet>'
        "</newsItem>\n</itemSet></newsMessage>\n"
    )
    items = list(read_archive([_written(tmp_path, wire, "wire.xml")]))
    assert [r.fields["body"] for r in records(items)] == ["نص الخبر كما هو"]
    assert [(p.line, p.action) for p in problems(items)] == [(2, "skipped"), (3, "skipped")]
    feed = (
        "<rss><channel><title>مدونة تقنية</title>\n<item><title>كيف تكتب خلاصة</title>"
        "<description><![CDATA[<channel><title>مثال</title>]]></description></item>\n"
        "<item><title>خبر ثان</title></item></channel></rss>"
    )
    sources = [r.fields["source"] for r in records(read_archive([_written(tmp_path, feed)]))]
    assert sources == ["مدونة تقنية", "مدونة تقنية"]


def test_a_readers_fault_costs_the_rest_of_its_file_not_the_other_files(tmp_path, monkeypatch):
    from indexer import readers

    def failing(text, origin, column_map):  # a reader's bug, which no input here causes
        yield from readers._read_feed(text, origin, column_map)
        raise ValueError("a bug")

    monkeypatch.setitem(readers._READERS, "feed", failing)
    (tmp_path / "a.xml").write_text(RSS, encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [article(1), article(2)])
    items = list(read_archive([tmp_path]))
    assert len(records(items)) == 2 + 2  # the feed's items before the fault, and the other file
    (fault,) = problems(items)
    assert fault.origin.endswith("a.xml") and fault.action == "rejected"
    assert fault.reason.startswith("the rest of the file not read: ValueError: a bug")


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "dump.jsonl"
    good = json.dumps(article(1), ensure_ascii=False)
    path.write_text(
        good + "\n" + good[:40] + "\n[1, 2]\n\n" + good.replace("a1", "a2") + "\n", encoding="utf-8"
    )
    items = list(read_archive([path]))
    assert [r.fields["id"] for r in records(items)] == ["a1", "a2"]
    bad = problems(items)
    assert [(p.line, p.reason.split(" (")[0]) for p in bad] == [
        (2, "invalid JSON"),
        (3, "line is list, not a JSON object"),
    ]
    assert all(p.origin == str(path) for p in bad)


def test_json_documents_over_many_lines_are_read_as_their_records(tmp_path):
    """An API's export ({"articles": [...]}, indented), one indented record,
    an Elasticsearch search response and scroll dump (their hits' _source,
    under their _id), read as a reindex plans them, in shares far smaller
    than the files (no document cut into slices of lines); a JSONL whose
    first line merely ends as an opening one is still read line by line."""
    many = [article(n) for n in range(1500)]
    (tmp_path / "api.json").write_text(
        json.dumps({"status": "ok", "total": 1500, "articles": many}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    with gzip.open(tmp_path / "api.json.gz", "wt", encoding="utf-8") as packed:
        json.dump({"articles": [article(n) for n in range(4001, 4301)]}, packed, indent=2)
    (tmp_path / "one.json").write_text(
        json.dumps(article(2001), ensure_ascii=False, indent=4), encoding="utf-8"
    )
    # A hit's document is read under its _id, unless it holds an id of its own.
    hits = [
        {"_index": "news", "_id": f"es-{n}", "_source": article(n) | {"id": None}} for n in (1, 2)
    ]
    for hit in hits:
        del hit["_source"]["id"]
    (tmp_path / "search.json").write_text(
        json.dumps({"took": 3, "_shards": {"total": 1}, "hits": {"hits": hits}}, indent=1),
        encoding="utf-8",
    )
    scrolled = [{"_id": f"sc-{n}", "_source": article(n)} for n in (11, 12)]
    (tmp_path / "scroll.jsonl").write_text("".join(json.dumps(hit) + "\n" for hit in scrolled))
    (tmp_path / "nothing.json").write_text(json.dumps({"status": "ok", "items": []}, indent=2))
    first = json.dumps(article(3001), ensure_ascii=False)
    (tmp_path / "lines.jsonl").write_text(first[:30] + "{\n" + first + "\n", encoding="utf-8")
    plan = Plan([tmp_path], share_bytes=20_000, share_files=200)
    items = [item for share in plan for item in read_pieces(share.pieces)]
    found = [r.fields["id"] for r in records(items)]
    assert found[:1800] == [f"a{n}" for n in range(1500)] + [f"a{n}" for n in range(4001, 4301)]
    assert found[1800:] == ["a3001", "a2001", "a11", "a12", "es-1", "es-2"]
    assert records(items)[-1].fields["title"] == article(2)["title"]
    assert [(Path(p.origin).name, p.reason.split(" (")[0]) for p in problems(items)] == [
        ("lines.jsonl", "invalid JSON"),
        ("nothing.json", "a JSON document with no list of records in it"),
    ]


def test_a_json_document_is_read_as_its_articles_not_its_wrapper_or_other_lists(tmp_path):
    """A feed with a title of its own is its items; an Elasticsearch response
    with more aggregation buckets than hits is its hits."""
    feed = {"title": "آخر الأخبار", "items": [article(1), article(2)]}
    buckets = [{"key": n, "doc_count": 1} for n in range(5)]
    response = {
        "hits": {"hits": [{"_id": "h-1", "_source": article(3) | {"id": None}}]},
        "aggregations": {"by_day": {"buckets": buckets}},
    }
    del response["hits"]["hits"][0]["_source"]["id"]
    for name, document in (("feed.json", feed), ("response.json", response)):
        (tmp_path / name).write_text(json.dumps(document, ensure_ascii=False, indent=2))
    assert [r.fields["id"] for r in records(list(read_archive([tmp_path])))] == ["a1", "a2", "h-1"]


def test_usual_field_names_are_taken_only_for_text_and_never_over_a_given_field():
    from indexer.readers import _renamed

    # A flag or an object under a usual name stays what it was; a title
    # that is null gives way to a headline; Bahth's names in any case.
    assert _renamed({"headline": "ع", "published": True, "content": {"a": 1}}, {}) == {
        "title": "ع",
        "published": True,
        "content": {"a": 1},
    }
    assert _renamed({"title": None, "headline": "ع"}, {})["title"] == "ع"
    assert _renamed({"Title": "ع", "headline": "غ"}, {})["title"] == "ع"
    assert _renamed({"source": {"id": None, "name": "BBC News"}}, {}) == {"source": "BBC News"}
    # --map wins, and a field it renames away is not filled in.
    assert "title" not in _renamed({"title": "ع", "headline": "غ"}, {"title": "subject"})


def test_csv_with_column_map_and_bad_row(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(
        'headline,body,date\nعنوان,"نص، بفاصلة",2018-01-01\na,b,c,d,e\nثان,نص,2018-01-02\n',
        encoding="utf-8",
    )
    items = list(read_archive([path], column_map={"headline": "title"}))
    assert [r.fields["title"] for r in records(items)] == ["عنوان", "ثان"]
    assert records(items)[0].fields["body"] == "نص، بفاصلة"
    assert [(p.line, p.reason) for p in problems(items)] == [(3, "5 cells for 3 columns")]


def test_archives_and_globs(tmp_path):
    write_jsonl(tmp_path / "one.jsonl", [article(1)])
    with gzip.open(tmp_path / "two.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps(article(2), ensure_ascii=False) + "\n")
    with zipfile.ZipFile(tmp_path / "three.zip", "w") as archive:
        archive.writestr("inner/three.jsonl", json.dumps(article(3), ensure_ascii=False))
        archive.writestr("inner/four.sgml", TREC)
    ids = sorted(r.fields["id"] for r in records(read_archive([tmp_path / "*"])))
    assert ids == ["SK-1-20180101", "SK-2-20180102", "a1", "a2", "a3"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(ArchiveError, match="no such file"):
        list(read_archive([tmp_path / "nope"]))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1256", "iso8859_6"])
def test_encodings_are_detected(encoding):
    text = "عنوان الخبر: وزارة الخارجية تعلن أن الوزير سيزور المغرب غدا\n" * 5
    data = text.encode(encoding)
    assert decode(data).text == text


def test_nul_bytes_are_dropped():
    assert decode("نص\0 مع\0".encode()).text == "نص مع"


def test_a_few_bad_bytes_leave_a_utf8_file_utf8_and_are_reported_by_line():
    good = "عنوان الخبر: وزارة الخارجية تعلن\n" * 50
    data = good.encode() + b"\xff\xfe broken \xc3\n" + good.encode()
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.repaired_lines == [51]
    assert decoded.text.count("وزارة الخارجية") == 100 and "\ufffd broken" in decoded.text


def test_scraped_page_keeps_the_article_only(shared_corpus):
    page = (shared_corpus / "pages/albawaba-kim-putin.txt").read_text(encoding="utf-8")
    fields = parse_page(page, "page.txt")
    assert fields["source"] == "البوابة نيوز"
    # no separators: one keyword line, which the builder splits at known names
    assert fields["tags"] == "زعيم كوريا الشمالية روسيا بوتين کوریا الشمالیة"
    assert isinstance(fields["tags"], KeywordLine)
    assert parse_page("نص\nكلمات دلالية: هدنة، السودان\n", "p.txt")["tags"] == ["هدنة", "السودان"]
    assert fields["body"].startswith("أكد مقال نشرته صحيفة")
    assert fields["body"].endswith("التابع للأمم المتحدة.")
    for trailing in ("إقرأ أيضاً", "مقالات مشابهة", "كلمات دلالية", "ترامب يعلن عزمه"):
        assert trailing not in fields["body"]


def test_html_page_title_and_no_scripts():
    html = (
        "<html><head><title>موقع | خبر</title><script>var x='<p>';</script></head>"
        "<body><nav>القائمة</nav><h1>العنوان الحقيقي</h1><p>الفقرة الأولى</p>"
        "<p>المصدر: رويترز</p></body></html>"
    )
    fields = parse_page(html, "p.html")
    assert fields["title"] == "العنوان الحقيقي"
    assert fields["body"] == "العنوان الحقيقي\n\nالفقرة الأولى"
    assert fields["source"] == "رويترز"


STORY = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الزرقاء بسعة مئتي سرير، "
    "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة. "
) * 2
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>افتتاح مستشفى الزرقاء | موقع المثال</title>
<meta name="description" content="افتتاح مستشفى جديد في الزرقاء">
<meta property="og:title" content="افتتاح مستشفى الزرقاء - موقع المثال">
<meta property="og:site_name" content="موقع المثال">
<meta property="og:url" content="https://example.org/og/55">
<meta property="article:published_time" content="2019-02-03T08:00:00+02:00">
<meta property="article:section" content="محليات">
<meta property="article:tag" content="الصحة"><meta property="article:tag" content="الزرقاء">
<link rel="canonical" href="https://example.org/news/55">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "BreadcrumbList", "itemListElement": []}},
  {{"@type": ["NewsArticle"], "headline": "افتتاح مستشفى جديد في الزرقاء",
   "datePublished": "2019-02-03T06:00:00Z",
   "author": [{{"@type": "Person", "name": "ليلى حسن"}}, {{"@type": "Person", "name": "عمر سعيد"}}],
   "publisher": {{"@type": "Organization", "name": "صحيفة المثال"}},
   "keywords": "مستشفيات، الزرقاء",
   "articleSection": ["صحة"],
   "articleBody": "{STORY}"}}
]}}
</script>
<script>var related = "<article>ليس نصًا</article>";</script>
</head><body>
<header><nav>الرئيسية سياسة اقتصاد</nav></header>
<aside><h3>الأكثر قراءة</h3><p>خبر آخر لا علاقة له</p></aside>
<article><h1>افتتاح مستشفى جديد</h1><svg><title>مشاركة</title></svg>
<p>{STORY}</p>
<aside>اقرأ أيضا: عناوين أخرى</aside></article>
<article><h2>خبر قصير</h2><p>سطر واحد.</p></article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_an_html_page_says_what_it_is_in_its_head_and_its_article_is_the_body():
    fields = parse_page(NEWS_PAGE, "p.html")
    assert {name: value for name, value in fields.items() if name != "body"} == {
        "page": "p.html",
        "title": "افتتاح مستشفى جديد في الزرقاء",  # JSON-LD's headline
        "date": "2019-02-03T06:00:00Z",
        "url": "https://example.org/news/55",  # the canonical link
        "source": "صحيفة المثال",  # the publisher, before og:site_name
        "author": "ليلى حسن، عمر سعيد",
        "category": "صحة",
        "abstract": "افتتاح مستشفى جديد في الزرقاء",
        "tags": ["مستشفيات", "الزرقاء"],
    }
    assert fields["body"] == STORY.strip()
    # Without JSON-LD: the meta tags, and the longest <article> as the body,
    # without the page's menus, asides and teasers.
    plain = re.sub(r'<script type="application/ld\+json">.*?</script>', "", NEWS_PAGE, flags=re.S)
    fields = parse_page(plain, "p.html")
    assert (fields["title"], fields["date"], fields["source"]) == (
        "افتتاح مستشفى الزرقاء - موقع المثال",
        "2019-02-03T08:00:00+02:00",
        "موقع المثال",
    )
    assert (fields["tags"], fields["category"]) == (["الصحة", "الزرقاء"], "محليات")
    assert fields["body"] == "افتتاح مستشفى جديد\n\n" + STORY.strip()
    for elsewhere in ("الرئيسية", "الأكثر قراءة", "اقرأ أيضا", "خبر قصير", "الحقوق", "مشاركة"):
        assert elsewhere not in fields["body"] + fields["title"]


def test_a_pages_broken_json_ld_leaves_the_rest_of_the_page():
    for broken in ('"@context" "', "[" * 100_000):  # no JSON; JSON past Python's stack
        fields = parse_page(NEWS_PAGE.replace('"@context"', broken, 1), "p.html")
        assert fields["title"] == "افتتاح مستشفى الزرقاء - موقع المثال"
        assert STORY.strip() in fields["body"]


def test_what_a_pages_template_says_of_every_page_is_not_taken_for_its_story():
    teasers = "".join(
        f"<article><h2>خبر {n}</h2><p>{STORY[:220]}</p><time datetime='2019-0{n}-01'></time>"
        "</article>"
        for n in range(1, 4)
    )
    page = (
        '<html><head><link rel="canonical" href="https://example.org/">'
        '<meta property="og:site_name" content="موقع المثال">'
        '<meta property="og:title" content="موقع المثال"></head><body>'
        "<header><time datetime='2024-01-01'>اليوم</time></header>"
        f"<h1>آخر الأخبار</h1>{teasers}</body></html>"
    )
    fields = parse_page(page, "p.html")
    assert "url" not in fields  # the home page, named canonical by a template
    assert fields["title"] == "آخر الأخبار"  # not the site's name
    assert "date" not in fields or fields["date"] != "2024-01-01"  # not the header's "today"
    assert all(f"خبر {n}" in fields["body"] for n in range(1, 4))  # a listing, not one teaser
    # HTML in a record's body keeps its asides (a pull quote): only a page's are its site's.
    assert "اقتباس" in html_to_text("<p>نص</p><aside>اقتباس</aside>")[0]
    # A story's own <header> holds its headline; an aside left open hides no story.
    story = f"<article><header><h1>العنوان الحقيقي</h1></header><p>{STORY}</p></article>"
    fields = parse_page(f"<html><head><title>الموقع</title></head><body>{story}", "p.html")
    assert fields["title"] == "العنوان الحقيقي"
    fields = parse_page(f"<html><body><h1>خبر</h1><aside>شارك<p>{STORY}</p></body>", "p.html")
    assert STORY.strip() in fields["body"]


def test_a_page_without_an_article_element_leaves_out_its_lists_of_links():
    """Older templates put the story in a <div> among menus and lists of
    other stories, as links: a run of blocks mostly of links is left out,
    with the short line heading it; a linked line alone in the story stays,
    and the tags after their marker are still read."""
    menu = "".join(f"<li><a href='/{n}'>{word}</a></li>" for n, word in enumerate(SECTIONS))
    related = "".join(f"<li><a href='/r{n}'>خبر آخر رقم {n} عن الأسواق</a></li>" for n in range(4))
    page = (
        f"<html><body><div id=top><ul>{menu}</ul></div><div id=main>"
        f"<h1>افتتاح مستشفى جديد</h1><p>{STORY}</p>"
        "<p><a href='/interview'>الوزير: المستشفى يخدم نصف مليون</a></p>"
        f"<p>{STORY}</p><div><b>الأكثر قراءة</b></div><ul>{related}</ul></div>"
        "<div>كلمات دلالية: <a href='/t/1'>الصحة</a>، <a href='/t/2'>الزرقاء</a></div>"
        "</body></html>"
    )
    fields = parse_page(page, "p.html")
    assert fields["body"].startswith("افتتاح مستشفى جديد\n\n" + STORY.strip())
    assert "الوزير: المستشفى يخدم نصف مليون" in fields["body"]
    for elsewhere in (*SECTIONS, "الأكثر قراءة", "خبر آخر"):
        assert elsewhere not in fields["body"], elsewhere
    assert fields["tags"] == ["الصحة", "الزرقاء"]
    # A record's HTML body keeps its links: the record says it is the story.
    assert "خبر آخر رقم 3" in html_to_text(page)[0]
    # Links that are a story's: a name linked in two short paragraphs; a
    # linked headline among linked bylines; a link left open in the menu, or
    # wrapping the story's block, is no link of the story's.
    named = "".join(f"<p>وحضر الافتتاح <a href='/p/{n}'>الوزير رقم {n}</a></p>" for n in range(2))
    page = f"<html><body><h1>افتتاح</h1><p>{STORY}</p>{named}</body></html>"
    assert "الوزير رقم 1" in parse_page(page, "p.html")["body"]
    logo = "<h1><a href='https://alarsad.example/'>موقع الأرصاد</a></h1>"  # a site's, no headline
    page = f"<html><body>{logo}<div><h1><a href='/s/5'>افتتاح مستشفى</a></h1><p>{STORY}</p></div>"
    assert parse_page(page, "p.html")["title"] == "افتتاح مستشفى"
    bylines = "".join(f"<div><a href='/a/{n}'>الكاتب {n}</a></div>" for n in range(3))
    page = f"<html><body><h1><a href='/s'>افتتاح مستشفى</a></h1>{bylines}<p>{STORY}</p></body>"
    assert parse_page(page, "p.html")["body"].startswith("افتتاح مستشفى")
    for story in (
        "<nav><a href='/'>الرئيسية<a href='/x'>سياسة</nav>"
        f"<div><h1>افتتاح</h1><p>{STORY}</p></div>",
        f"<h1>افتتاح</h1><a href='/story'><div><p>{STORY}</p><p>{STORY}</p></div></a>",
    ):
        page = f"<html><body><div>{STORY}</div>{story}</body></html>"
        assert parse_page(page, "p.html")["body"].count(STORY.strip()) >= 2


SECTIONS = ("الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة")


def test_a_page_of_tags_left_open_and_stray_closing_tags_is_read():
    """20,000 links never closed, then 20,000 closing tags of nothing: each
    closing tag looked the whole stack over (seconds; now a count)."""
    stray = "<a href='/x'>" * 20_000 + "</b>" * 20_000
    page = f"<html><body>{stray}<h1>افتتاح مستشفى</h1><p>{STORY}</p></body></html>"
    fields = parse_page(page, "p.html")
    assert fields["title"] == "افتتاح مستشفى" and STORY.strip() in fields["body"]


def test_binary_files_are_reported_not_read(tmp_path):
    import random

    noise = random.Random(7)
    (tmp_path / "photo.jpg").write_bytes(bytes(noise.randrange(256) for _ in range(5000)))
    write_jsonl(tmp_path / "ok.jsonl", [article(1)])
    items = list(read_archive([tmp_path]))
    assert [r.fields["id"] for r in records(items)] == ["a1"]
    assert [(p.origin.rsplit("/", 1)[-1], p.reason) for p in problems(items)] == [
        ("photo.jpg", "binary file, not text: not read")
    ]


TREC_DOC = "<DOC>\n<DOCNO>{n}</DOCNO>\n<TITLE>خبر {n}</TITLE>\n<TEXT>\nنص {n}\n</TEXT>\n</DOC>\n"
FEED_ITEM = "<item>\n<title>خبر {n}</title>\n<description>نص {n}</description>\n</item>\n"
BROKEN = {
    "a.sgml": (
        TREC_DOC.format(n=1)
        + "<DOC>\n<DOCNO>2</DOCNO>\n<TEXT>\nنص لم يغلق\n"  # line 8: no </DOC>
        + TREC_DOC.format(n=3)  # line 12
        + "<DOC>\n<DOCNO>4</DOCNO>\n<TITLE>خبر 4</TITLE>\n<TEXT>\nنص بلا نهاية\n</DOC>\n"  # 19
        + "</DOC>\n"  # line 25: a stray closing tag
        + TREC_DOC.format(n=5)  # line 26
        + "<DOC>\n<DOCNO>6</DOCNO>\n",  # line 33: the file ends
        [
            (8, "rejected", "<DOC> not closed before the <DOC> of line 12: not read"),
            (19, "repaired", "<TEXT> not closed: read to the end of the record"),
            (25, "rejected", "a </DOC> with no <DOC> before it"),
            (33, "rejected", "<DOC> never closed (the file ends): not read"),
        ],
    ),
    "cut.rss": (
        "<rss><channel><title>مصدر</title>\n"
        + FEED_ITEM.format(n=1)  # line 2
        + "<item>\n<title>لم يغلق</title>\n"  # line 6: no </item>
        + FEED_ITEM.format(n=3)  # line 8
        + "<item>\n<title>خبر 4</title>\n<description>نص بلا نهاية\n</item>\n"  # line 12
        + "</item>\n"  # line 16: a stray closing tag
        + FEED_ITEM.format(n=5)  # line 17
        + "<item>\n<title>الملف ينتهي",  # line 21: the file ends
        [
            (6, "rejected", "item not closed before the item of line 8: not read"),
            (12, "repaired", "<description> not closed: read to the end of the item"),
            (16, "rejected", "a </item> with no item before it"),
            (21, "rejected", "item never closed (the file ends): not read"),
        ],
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_trec_or_feed_structure_is_reported_by_line_and_loses_nothing_else(tmp_path, name):
    text, expected = BROKEN[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    items = list(read_archive([tmp_path]))
    found = {r.fields["title"]: r for r in records(items)}
    assert sorted(found) == ["خبر 1", "خبر 3", "خبر 4", "خبر 5"]
    assert found["خبر 4"].fields["body"] == "نص بلا نهاية"
    assert [(p.line, p.action, p.reason) for p in problems(items)] == expected


def test_csv_quote_never_closed_costs_its_row_only_and_long_cells_are_read(tmp_path):
    long_body = "نص طويل جدا " * 20_000  # 240,000 characters, over csv's default 128 KiB
    rows = [
        "id,title,body",
        'c1,عنوان 1,"نص ""مقتبس"" 1"',
        'c2,عنوان 2,"نص يبدأ باقتباس لا ينتهي',  # line 3
        "c3,عنوان 3,نص 3",
        'c4,عنوان 4,"نص على',
        'سطرين"',
        f"c5,عنوان 5,{long_body}",
        "c6,عنوان 6",  # fewer cells: the missing ones are empty
    ]
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_archive([tmp_path / "a.csv"]))
    found = {r.fields["id"]: r for r in records(items)}
    assert sorted(found) == ["c1", "c3", "c4", "c5", "c6"]
    assert found["c1"].fields["body"] == 'نص "مقتبس" 1' and found["c4"].line == 5
    assert (
        found["c4"].fields["body"] == "نص على\nسطرين" and len(found["c5"].fields["body"]) == 240_000
    )
    (problem,) = [p for p in items if isinstance(p, Notice)]
    assert (problem.line, problem.reason) == (
        3,
        "invalid CSV: a quote opened on this line is not closed (read on to line 5)",
    )


def test_links_are_followed_only_within_the_folder_and_every_skip_is_reported(tmp_path):
    archive = tmp_path / "archive"
    (archive / "sub").mkdir(parents=True)
    write_jsonl(archive / "a.jsonl", [article(1)])
    write_jsonl(archive / "sub" / "b.jsonl", [article(2)])
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (archive / "passwd").symlink_to(secret)
    (archive / "inside.jsonl").symlink_to(archive / "sub" / "b.jsonl")
    (archive / "broken").symlink_to(tmp_path / "nowhere")
    (archive / "loop").symlink_to(archive)
    skipped = []
    files = expand([archive], skipped)
    assert [f.relative_to(archive).as_posix() for f in files] == [
        "a.jsonl",
        "inside.jsonl",
        "sub/b.jsonl",
    ]
    reasons = sorted((p.name, why.split(" (")[0].split(":")[0]) for p, why in skipped)
    assert reasons == [
        ("broken", "a broken link"),
        ("loop", "a link to a folder"),
        ("passwd", f"a link out of {archive}"),
    ]
    assert expand([secret]) == [secret]  # named on the command line: read


def test_csv_with_windows_line_ends(tmp_path):
    rows = ["id,title,body", "w1,عنوان,نص", 'w2,عنوان,"نص على\r\nسطرين"']
    (tmp_path / "a.csv").write_bytes("\r\n".join(rows).encode() + b"\r\n")
    found = records(read_archive([tmp_path / "a.csv"]))
    assert [(r.fields["id"], r.fields["body"], r.line) for r in found] == [
        ("w1", "نص", 2),
        ("w2", "نص على\r\nسطرين", 3),
    ]


def _as_another_user(function, *args):
    """function(*args) in a child process that is not root (root reads any
    folder: a test running as root drops to nobody), so that a folder without
    permissions is unreadable. Its result, or the error it raised."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            if os.getuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            outcome = ("value", function(*args))
        except BaseException as error:
            outcome = ("error", repr(error))
        with os.fdopen(write, "wb") as out:
            pickle.dump(outcome, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        kind, value = pickle.load(answer)
    os.waitpid(pid, 0)
    assert kind == "value", value
    return value


def _expanded(folder):
    skipped = []
    files = expand([folder], skipped)
    return [str(f) for f in files], [(str(p), why) for p, why in skipped]


def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_read():
    # Not under pytest's own folder, which only its user may enter.
    base = Path(tempfile.mkdtemp(prefix="bahth-closed-"))
    folder = base / "archive"
    (folder / "closed").mkdir(parents=True)
    (folder / "a.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    (folder / "closed" / "b.jsonl").write_text('{"id": "b"}\n', encoding="utf-8")
    os.chmod(folder / "closed", 0)
    for parent in (base, folder):
        os.chmod(parent, 0o755)  # the rest stays readable to anyone
    try:
        files, skipped = _as_another_user(_expanded, folder)
    finally:
        os.chmod(folder / "closed", 0o755)
        shutil.rmtree(base)
    assert files == [str(folder / "a.jsonl")]
    assert skipped == [
        (str(folder / "closed"), "a folder that cannot be read (Permission denied): left out")
    ]


# What a TREC record's closed fields are: the pattern they were first found
# by, kept here as the specification of trec._closed_fields.
_FIELD = re.compile(rf"<({'|'.join(trec.FIELDS)})>(.*?)</\1>", re.S | re.I)
_PIECES = st.sampled_from(
    [f"<{name}>" for name in trec.FIELDS[-4:]]
    + [f"</{name}>" for name in trec.FIELDS[-4:]]
    + ["<text>", "</Text>", "<TITLE >", "<", ">", "/", "نص", " ", "\n", "&amp;"]
    # Letters re.I takes for I and S, which a backreference does not.
    + ["<tıtle>", "</tıtle>", "<TİTLE>", "</tİtle>", "<ſrc>", "</ſRC>", "<src>", "</SRC>"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_a_trec_records_fields_are_those_the_pattern_finds(content):
    assert trec._closed_fields(content) == _FIELD.findall(content)


def test_a_stray_array_on_a_line_of_json_lines_costs_that_line(tmp_path):
    from indexer.readers.plan import Piece

    good = [json.dumps({"id": f"g{n}", "title": "عنوان", "body": "نص"}) for n in range(1, 4)]
    lines = ['["a stray array"]', *good]
    # A file whose first line it is: the other lines are read, as lines.
    whole = tmp_path / "first.jsonl"
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = list(read_archive([whole]))
    assert [r.fields["id"] for r in read if isinstance(r, RawRecord)] == ["g1", "g2", "g3"]
    assert [(n.line, n.reason) for n in read if isinstance(n, Notice)] == [
        (1, "line is list, not a JSON object")
    ]
    # A slice of a large file that begins with it (a share's first line).
    big = tmp_path / "big.jsonl"
    before = "".join(
        json.dumps({"id": f"b{n}", "title": "t", "body": "b"}) + "\n" for n in range(9)
    )
    big.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    start = len(before.encode())
    piece = Piece(big, start=start, end=big.stat().st_size, first_line=10)
    read = list(read_pieces([piece]))
    assert [r.fields["id"] for r in read if isinstance(r, RawRecord)] == ["g1", "g2", "g3"]
    assert [n.line for n in read if isinstance(n, Notice)] == [10]


def test_lines_ended_by_cr_alone_are_lines(tmp_path):
    records = [{"id": f"c{n}", "title": "عنوان", "body": "نص"} for n in range(3)]
    jsonl = tmp_path / "mac.jsonl"
    jsonl.write_bytes("\r".join(json.dumps(r) for r in records).encode() + b"\r")
    table = tmp_path / "mac.csv"
    table.write_bytes("id,title,body\rc1,عنوان,نص\rc2,عنوان,نص\r".encode())
    packed = tmp_path / "mac.jsonl.gz"
    packed.write_bytes(gzip.compress(jsonl.read_bytes()))
    for path, count in ((jsonl, 3), (table, 2), (packed, 3)):
        # As a reindex reads it (a compressed file's lines decompressed by its plan).
        read = list(read_pieces(p for share in Plan([path], 2**16, 200) for p in share.pieces))
        assert sum(isinstance(r, RawRecord) for r in read) == count, path
        assert not [n for n in read if isinstance(n, Notice) and n.rejected], path
    # A file of them large enough to be cut in slices is read whole.
    big = tmp_path / "big.jsonl"
    big.write_bytes(jsonl.read_bytes() * 3_000)
    pieces = [p for share in Plan([big], 2**16, 200) for p in share.pieces]
    assert len(pieces) == 1
    assert sum(isinstance(r, RawRecord) for r in read_pieces(pieces)) == 9_000


def test_what_is_never_closed_is_read_as_the_text_it_is(tmp_path):
    """Shapes that took a time growing as the square of their size (a
    reviewer's 640 KB article: over 2 minutes); scripts/bench-hostile
    --parsers times them. Here, what they read as."""
    from indexer.articles import ArticleBuilder

    body = "<p>نص الخبر</p>" + "<script>" * 3_000
    article = ArticleBuilder().build(RawRecord("a.jsonl", 1, {"title": "خبر", "body": body}))
    assert article.article.body == "نص الخبر"
    closed = "<p>أول</p><script>x()</script><p>ثان</p><style>p{}</style>"
    article = ArticleBuilder().build(RawRecord("a.jsonl", 1, {"title": "خبر", "body": closed}))
    assert article.article.body.split() == ["أول", "ثان"]
    quoted = 'نص <span title="1<2">المقال</span> <a onclick="if(a<b){go()}">رابط</a> هنا'
    article = ArticleBuilder().build(RawRecord("a.jsonl", 1, {"title": "خبر", "body": quoted}))
    assert article.article.body.split() == ["نص", "المقال", "رابط", "هنا"]
    strays = "نص الخبر " + "<a " * 3_000
    article = ArticleBuilder().build(RawRecord("a.jsonl", 1, {"title": "خبر", "body": strays}))
    assert article.article.body.startswith("نص الخبر")
    items = "".join(
        f"<item><title>خبر {i}</title><description><![CDATA[نص {i}</description></item>\n"
        for i in range(500)
    )
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>\n')
    read = [r for r in read_archive([feed]) if isinstance(r, RawRecord)]
    assert [r.fields["title"] for r in read] == [f"خبر {i}" for i in range(500)]
    assert read[7].fields["body"].startswith("نص 7")
    text, _ = html_to_text("<html><body><p>نص الخبر كاملا</p>" + "<a" * 3_000)
    assert text.startswith("نص الخبر كاملا")
    assert html_to_text('<p><a data-x="<b>">اسم</a> هنا</p>')[0] == "اسم هنا"  # a few: left
    trec_file = tmp_path / "open.sgml"
    trec_file.write_text("<DOC><DOCNO>t1</DOCNO><TEXT>نص الخبر" + "<TITLE>" * 3_000 + "</DOC>\n")
    (record,) = [r for r in read_archive([trec_file]) if isinstance(r, RawRecord)]
    assert record.fields["id"] == "t1" and record.fields["body"].startswith("نص الخبر")


def test_files_joined_by_cat_read_as_their_records(tmp_path):
    one = json.dumps({"id": "j1", "title": "عنوان", "body": "نص"})
    two = json.dumps({"id": "j2", "title": "عنوان", "body": "نص"})
    joined = tmp_path / "joined.jsonl"
    joined.write_bytes(one.encode() + b"\n" + "\ufeff".encode() + two.encode() + b"\n")
    read = list(read_archive([joined]))
    assert [r.fields["id"] for r in read if isinstance(r, RawRecord)] == ["j1", "j2"]
    table = tmp_path / "joined.csv"  # two spreadsheets' exports, each with its mark
    text = "\ufeffid,title,body\nc1,عنوان,نص\n\ufeffid,title,body\nc2,عنوان,نص\n"
    table.write_text(text, encoding="utf-8")
    read = list(read_archive([table]))
    assert [r.fields["id"] for r in read if isinstance(r, RawRecord)] == ["c1", "c2"]
    assert [(n.line, n.action) for n in read if isinstance(n, Notice)] == [(3, "skipped")]


def test_a_name_with_brackets_is_a_file_and_bahths_own_data_folder_is_not_read(tmp_path):
    named = tmp_path / "dump[2018].jsonl"
    named.write_text(json.dumps({"id": "b1", "title": "عنوان", "body": "نص"}) + "\n")
    (tmp_path / "dump2.jsonl").write_text(json.dumps({"id": "x", "title": "t", "body": "b"}))
    assert expand([named]) == [named]  # not the pattern dump[2018] (dump2.jsonl)
    archive = tmp_path / "archive"
    (archive / "data" / "index-1").mkdir(parents=True)
    (archive / "data" / "index").symlink_to("index-1")
    (archive / "data" / "bahth.lock").touch()
    (archive / "data" / "rejects-1.jsonl").write_text('{"line": 1}\n')
    (archive / "data" / "index-1" / "bahth.json").write_text("{}")
    (archive / "news.jsonl").write_text(json.dumps({"id": "n1", "title": "t", "body": "b"}))
    skipped = []
    assert expand([archive], skipped) == [archive / "news.jsonl"]
    assert [(path.name, "Bahth data folder" in why) for path, why in skipped] == [("data", True)]
    # A file named so elsewhere, or the folder named to be read, is read.
    (archive / "bahth.json").write_text(json.dumps({"id": "n2", "title": "t", "body": "b"}))
    assert archive / "bahth.json" in expand([archive])
    assert expand([archive / "data" / "index-1"]) == [archive / "data" / "index-1" / "bahth.json"]


def test_a_table_whose_columns_map_renames_is_a_table(tmp_path):
    table = tmp_path / "cms.csv"
    table.write_text("id,hed,copy\nm1,زلزال,نص عن الزلزال\nm2,بركان,نص عن البركان\n")
    mapped = {"hed": "title", "copy": "body"}
    read = list(read_archive([table], column_map=mapped))
    assert [r.fields.get("title") for r in read if isinstance(r, RawRecord)] == ["زلزال", "بركان"]
    # Unmapped, its rows are rows, each saying what it lacks, not one page of it.
    read = list(read_archive([table]))
    assert [r.line for r in read if isinstance(r, RawRecord)] == [2, 3]


def test_a_pages_name_is_its_files_not_the_servers_path():
    page = "<html><body><h1>خبر</h1><p>نص</p></body></html>"
    for origin, name in (
        ("/srv/archive/pages/عاجل!.html", "عاجل!.html"),
        ("/srv/archive/dump.zip!pages/2018/x.html", "x.html"),
        ("p.html", "p.html"),
    ):
        assert parse_page(page, origin)["page"] == name, origin
