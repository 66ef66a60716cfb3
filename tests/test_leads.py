"""Other stories' leads a page ends with (indexer.leads): cut where the archive
holds them as other records' abstracts, and nowhere else."""

import json
import os
import subprocess
import sys

from indexer.articles import ArticleBuilder, record_leads
from indexer.leads import (
    ABSTRACT,
    TITLE,
    Leads,
    headlines_by_shape,
    lead_hash,
    lead_key,
    leads_by_shape,
)
from indexer.readers import RawRecord
from indexer.search import SearchRequest
from indexer.search.embedded import EmbeddedBackend
from indexer.sources import SourceTable

from .conftest import write_jsonl

OTHERS = [
    "أعلن الرئيس الأمريكي دونالد ترامب، الخميس، أنه سيزور العاصمة البريطانية لندن الشهر المقبل.",
    "قال وزير الخارجية الروسي سيرغي لافروف، الأربعاء، إن بلاده لن تقبل بالعقوبات الجديدة.",
    "أعلنت شركة أبل الأمريكية، الثلاثاء، عن هاتف جديد بسعر أقل من هواتفها السابقة بكثير.",
    "فاز نادي ليفربول الإنجليزي على منافسه تشيلسي بثلاثة أهداف مقابل هدف في الدوري.",
]
OWN = [
    "افتتحت بلدية المدينة القديمة حديقة عامة جديدة على ضفاف النهر بعد أعوام من العمل.",
    "وقال رئيس البلدية إن الحديقة تضم ملاعب للأطفال ومسارات للدراجات الهوائية.",
    "وأضاف أن الأشغال كلفت نحو مليوني دينار من ميزانية البلدية للعام الجاري.",
]


_BAHTH = (sys.executable, "-m", "indexer.cli")


def leads_of(source="cnn", abstracts=OTHERS, titles=()):
    return Leads(
        [lead_hash(ABSTRACT, source, lead_key(text)) for text in abstracts]
        + [lead_hash(TITLE, source, lead_key(text)) for text in titles]
    )


def test_a_page_ending_with_other_stories_leads_loses_them_and_keeps_its_own_text():
    body = "\n".join(OWN + OTHERS)
    cut, *count = leads_of().cut(body, "cnn")
    assert (cut, *count) == ("\n".join(OWN), 0, 4)
    # A lead the archive lacks, among the others: the list is cut whole.
    body = "\n".join(OWN + OTHERS[:2] + ["توفي الممثل المصري الشهير عن عمر يناهز الثمانين عاما."])
    assert leads_of().cut(body, "cnn") == ("\n".join(OWN), 0, 3)


def test_what_is_no_list_of_leads_stays():
    leads = leads_of()
    # One paragraph that repeats another story's abstract: the follow-up's background.
    body = "\n".join(OWN + OTHERS[:1])
    assert leads.cut(body, "cnn") == (body, 0, 0)
    # Another outlet's leads are not this one's list.
    body = "\n".join(OWN + OTHERS)
    assert leads.cut(body, "bbc") == (body, 0, 0)
    # The lists end a page: a long paragraph of the article after them keeps them.
    body = "\n".join(OWN + OTHERS + ["وتابع رئيس البلدية حديثه مطولا عن المشاريع. " * 10])
    assert leads.cut(body, "cnn") == (body, 0, 0)
    # Fewer leads than half the paragraphs from the first one: the article's own text.
    own = [text.removeprefix("و") for text in OWN[1:]]  # none goes on from the one before
    body = "\n".join(OWN[:1] + OTHERS[:1] + own + OTHERS[1:2] + own)
    assert leads.cut(body, "cnn") == (body, 0, 0)
    # Never the first paragraph, nor the article's own abstract repeated.
    body = "\n".join(OTHERS)
    assert leads.cut(body, "cnn") == (OTHERS[0], 0, 3)
    body = "\n".join(OWN + OTHERS[:2])
    assert leads.cut(body, "cnn", abstract=OTHERS[0]) == (body, 0, 0)


def test_a_paragraph_the_next_goes_on_from_is_the_articles():
    # وقال… after the first repeated abstract: the article goes on; the list starts later.
    body = "\n".join(OWN[:1] + OTHERS[:1] + OWN[1:] + OTHERS[1:])
    assert leads_of().cut(body, "cnn") == ("\n".join(OWN[:1] + OTHERS[:1] + OWN[1:]), 0, 3)


HEADLINES = [
    "ترامب يعين جون بولتون محل الجنرال ماكماستر",
    "اكتشاف أقدم وشم في العالم على مومياء مصرية",
]


def test_another_storys_headline_between_paragraphs_goes_wherever_it_is():
    leads = leads_of(abstracts=(), titles=HEADLINES)
    body = "\n".join([OWN[0], HEADLINES[0], OWN[1], "", HEADLINES[1], "", OWN[2], OTHERS[0]])
    assert leads.cut(body, "cnn") == ("\n".join([OWN[0], OWN[1], "", OWN[2], OTHERS[0]]), 2, 0)
    # A bulletin of the day's headlines after a line of its own: they are its text.
    body = "\n".join(["أبرز الأخبار والمستجدات على الساحة الوطنية خلال 24 ساعة", *HEADLINES])
    assert leads.cut(body, "cnn") == (body, 0, 0)
    # Its own title, the first paragraph, a long paragraph, another outlet's: the article's.
    for body, title, source in (
        ("\n".join([OWN[0], HEADLINES[0]]), HEADLINES[0], "cnn"),
        ("\n".join([HEADLINES[0], OWN[0]]), "", "cnn"),
        ("\n".join([OWN[0], HEADLINES[0] + "، " + OWN[1] * 3]), "", "cnn"),
        ("\n".join([OWN[0], HEADLINES[0]]), "", "bbc"),
    ):
        assert leads.cut(body, source, title=title) == (body, 0, 0)


_FILM = "للمزيد - مهرجان كان: غودار يبحث عن الصور العربية الضائعة"


def test_a_line_that_says_it_links_to_another_story_goes_with_its_headline():
    leads = Leads()  # an archive that holds none of the stories linked to
    body = "\n".join(
        [OWN[0], "للمزيد: " + HEADLINES[0], OWN[1], "اقرأ أيضاً:", HEADLINES[1], OWN[2], _FILM]
    )
    assert leads.cut(body, "france24") == ("\n".join(OWN), 4, 0)
    # CNN's: اقرأ المزيد... then its headline, or المزيد... alone.
    linked = ["اقرأ المزيد... " + HEADLINES[0], "المزيد... " + HEADLINES[1]]
    body = "\n".join([OWN[0], linked[0], OWN[1], linked[1]])
    assert leads.cut(body, "cnn") == ("\n".join(OWN[:2]), 2, 0)
    # More said, not a link: للمزيد سألنا الدكتور… ("for more, we asked").
    body = "\n".join([OWN[0], "للمزيد سألنا الدكتور مروان عن الخطة", OWN[1]])
    assert leads.cut(body, "france24") == (body, 0, 0)
    body = "\n".join([OWN[0], "المزيد من المساعدات وصل أمس", OWN[1]])
    assert leads.cut(body, "cnn") == (body, 0, 0)
    # CNN's others: قد يهمك/ …, اقرأ.. …, شاهد.. …, أيضاً.. …, قصة ذات صلة/ …
    for said in ("قد يهمك/ ", "قد يهمك أيضا: ", "اقرأ.. ", "شاهد .. ", "أيضاً.. ", "قصة ذات صلة/ "):
        body = "\n".join([OWN[0], said + HEADLINES[0], OWN[1]])
        assert leads.cut(body, "cnn") == ("\n".join(OWN[:2]), 1, 0), said
    body = "\n".join([OWN[0], "شاهد العالم المباراة في الساحة الكبرى", OWN[1]])
    assert leads.cut(body, "cnn") == (body, 0, 0)


def test_a_line_of_a_headlines_shape_is_read_as_one_and_no_list_or_sentence_is():
    from indexer.actors.recognise import Cues

    opens = Cues.load().opens_a_sentence
    lines = [
        OWN[0],
        HEADLINES[0],  # 0: a headline
        "",
        "منظمة الصحة العالمية: التلوث مرتبط بوفاة مليون طفل",  # 1: a speaker's
        OWN[1],
        "ويتجنب السكان الزواج في هذا الشهر لأنهم يتشاءمون منه",  # a sentence, unfinished
        "تغيير السلوك",  # a subhead
        "3- الصين والنمو الاقتصادي في العام المقبل",  # a list's item
        "سيف سعد القحطاني: 45 عاما من الخدمة في الحرس",  # an age
        "اليكس أوليفر، خبيرة في مركز الدراسات الأوروبية",  # a caption
        "الدفاع: جييرمو فاريلا ودييغو غودين وخوسيه خيمينيز",  # a run of a list
        "الوسط: ماتياس فيسينو ورودريغو بنتانكور ولوكاس توريرا",
        "الهجوم: لويس سواريز وإدينسون كافاني وكريستيان ستواني",
        OWN[2],
    ]
    assert headlines_by_shape(lines, opens) == {1, 3}
    # Short lines a paragraph ending with a colon introduces: a list.
    women = ["ومن أبرز النساء الرائدات في البلاد، منهن:", "المصورة الحربية مريم كاظم زاده الشهيرة"]
    assert headlines_by_shape([OWN[0], *women, HEADLINES[1]], opens) == set()
    assert headlines_by_shape([OWN[0], women[1], OWN[1]], opens) == {1}
    assert headlines_by_shape([HEADLINES[0], OWN[0]], opens) == set()  # the first paragraph


def test_other_stories_leads_cut_short_at_a_bodys_end_are_read_as_such():
    from indexer.actors.recognise import Cues

    goes_on = Cues.load().goes_on
    cut = [lead.rstrip(".") for lead in OTHERS]  # CNN's: cut short, no full stop
    assert leads_by_shape([*OWN, cut[0], OTHERS[1], cut[2]], goes_on) == {3, 4, 5}
    # One alone is as likely the story's own last words, without their stop.
    assert leads_by_shape([*OWN, cut[0]], goes_on) == set()
    # The story ends with a sentence of its own: no leads after it.
    assert leads_by_shape([OWN[0], cut[0], cut[1], OWN[1]], goes_on) == set()
    # The run begins with a lead cut short: a sentence's end before it is the
    # story's (but a whole lead's, `_DATELINED`).
    assert leads_by_shape([OWN[0], OTHERS[3], cut[2], cut[0]], goes_on) == {2, 3}
    # A line that goes on from the one before, a list's item, a day's events
    # (short, no comma) and the first paragraph are the story's own.
    went_on = "وتأتي هذه التصريحات بعد أيام من زيارة الوزير إلى العاصمة، وسط توتر بين البلدين"
    assert leads_by_shape([OWN[0], cut[0], went_on, cut[1]], goes_on) == set()
    item = "- حصل على شهادة البكالوريوس في القانون من جامعة الملك سعود، ثم الماجستير"
    assert leads_by_shape([OWN[0], item, cut[1]], goes_on) == set()
    events = [
        "تأسيس شركة غوغل على يد سيرغي برين ولاري بيج",
        "اغتيال السفير الفرنسي في لبنان لويس دولامار",
    ]
    assert leads_by_shape([OWN[0], *events], goes_on) == set()
    assert leads_by_shape([cut[0], cut[1]], goes_on) == set()


def test_other_stories_whole_leads_at_a_bodys_end_are_read_by_their_dateline():
    # Review 80, C12: CNN's leads with their full stop, each opening as a news
    # agency's does, the weekday between commas.
    from indexer.actors.recognise import Cues

    goes_on = Cues.load().goes_on
    datelined = [
        "أعلنت شركة إيني الإيطالية، الخميس، عن اكتشاف حقل غاز جديد في صحراء مصر الغربية.",
        "قال الرئيس الروسي فلاديمير بوتين، الأربعاء، إن أسعار النفط مرتفعة بعض الشيء.",
    ]
    assert leads_by_shape([*OWN, *datelined], goes_on) == {3, 4}
    # One alone, or the story's own sentences after them, are the story's.
    assert leads_by_shape([*OWN, datelined[0]], goes_on) == set()
    assert leads_by_shape([OWN[0], *datelined, OWN[1]], goes_on) == set()


def test_keys_ignore_punctuation_and_refuse_what_is_too_short():
    assert lead_key("«أعلن» الرئيس، الخميس: " + OTHERS[0]) == lead_key(
        "أعلن الرئيس الخميس " + OTHERS[0]
    )
    assert lead_key("قال الوزير.") is None
    assert lead_hash(TITLE, "cnn", "x" * 40) == lead_hash(TITLE, "cnn", "x" * 40)
    assert lead_hash(TITLE, "cnn", "x" * 40) != lead_hash(TITLE, "bbc", "x" * 40)
    assert lead_hash(TITLE, "cnn", "x" * 40) != lead_hash(ABSTRACT, "cnn", "x" * 40)


def test_a_reindex_cuts_a_pages_list_of_other_stories_and_says_so(tmp_path):
    others = [
        {
            "id": f"other-{n}",
            "title": f"عنوان خبر آخر طويل بما يكفي رقم {n}",
            "abstract": text,
            "body": text + "\nوتابعت المصادر تفاصيل الخبر في فقرات أخرى طويلة. " * 2,
            "source": "CNN",
            "date": "2018-10-18",
        }
        for n, text in enumerate(OTHERS)
    ]
    page = {
        "id": "page",
        "title": "حديقة جديدة على ضفاف النهر",
        "abstract": OWN[0],
        # A link to another story between its paragraphs, its outlet's list of others after them.
        "body": "\n".join([OWN[0], "عنوان خبر آخر طويل بما يكفي رقم 3", *OWN[1:], *OTHERS]),
        "source": "CNN",
        "date": "2018-10-19",
    }
    # The same list on another outlet's page is no list of its outlet's stories.
    elsewhere = {**page, "id": "elsewhere", "source": "BBC", "title": "حديقة أخرى"}
    archive = write_jsonl(tmp_path / "archive.jsonl", [*others, page, elsewhere])
    data = tmp_path / "data"
    env = {**os.environ, "BAHTH_DATA_DIR": str(data), "BAHTH_EMBEDDINGS": "off"}
    env.pop("BAHTH_ELASTICSEARCH_URL", None)
    rejects = tmp_path / "notes.jsonl"
    done = subprocess.run(
        [*_BAHTH, "reindex", str(archive), "--json", "--rejects", str(rejects), "--workers", "2"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["indexed"] == 6
    assert report["notes"] == {"other stories cut": 1, "other headlines cut": 1}
    notes = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert {(n["file"], n["line"], n["field"]) for n in notes} == {(str(archive), 5, "body")}
    assert {n["action"]: n["reason"][:32] for n in notes} == {
        "other_headlines_cut": "1 of its lines are other stories",
        "other_stories_cut": "its last 4 paragraphs are other ",
    }
    backend = EmbeddedBackend(data)
    found = backend.search(SearchRequest.from_params({"q": ["لافروف"]}))
    assert {hit.id for hit in found.hits} == {"other-1", "elsewhere"}
    actors = {
        hit.id: hit.actors
        for hit in backend.search(SearchRequest.from_params({"q": ["حديقة"]})).hits
    }
    assert "دونالد ترامب" not in actors["page"] and "دونالد ترامب" in actors["elsewhere"]
    # An add of the page alone knows the live index's leads: the page is as it was.
    alone = write_jsonl(tmp_path / "again.jsonl", [page])
    done = subprocess.run(
        [*_BAHTH, "add", str(alone), "--json"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["unchanged"] == 1


def test_an_article_without_an_id_has_the_same_one_whatever_else_is_read():
    record = RawRecord("page.txt", 1, {"title": "حديقة جديدة", "body": "\n".join(OWN + OTHERS)})
    cut = ArticleBuilder(leads=leads_of(source="")).build(record)
    whole = ArticleBuilder().build(record)
    assert cut.article.body != whole.article.body and cut.article.id == whole.article.id


def test_a_records_leads_are_read_as_its_text_and_none_from_a_source_that_is_no_text():
    sources = SourceTable.load()
    escaped = {"abstract": "<p>" + OTHERS[0].replace("،", "&#1548;") + "</p>", "source": "CNN"}
    (abstract,) = record_leads(escaped, sources)
    assert abstract == lead_hash(ABSTRACT, sources.canonical("CNN", ""), lead_key(OTHERS[0]))
    assert record_leads({"abstract": OTHERS[0], "source": ["CNN"]}, sources) == []
