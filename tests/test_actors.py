"""Mining candidate actors: names after titles and roles, spellings grouped."""

from indexer import cli
from indexer.actors import names_in, skeleton

from .conftest import ROOT


def test_names_follow_titles_and_their_qualifiers():
    assert list(names_in("قال الرئيس الروسي فلاديمير بوتين إن")) == ["فلاديمير بوتين"]
    assert list(names_in("الأمين العام للأمم المتحدة أنطونيو غوتيريش")) == ["انطونيو غوتيريش"]
    assert list(names_in("العاهل السعودي الملك سلمان بن عبد العزيز")) == ["سلمان بن عبد العزيز"]
    assert list(names_in("القمة بين الرئيس دونالد ترامب والزعيم الكوري")) == ["دونالد ترامب"]
    assert list(names_in("وزير الخارجية الأمريكي مايك بومبيو، وقال")) == ["مايك بومبيو"]
    assert list(names_in("ارتفعت أسعار النفط في الأسواق")) == []


def test_spellings_that_differ_in_long_vowels_share_a_skeleton():
    assert skeleton("ترامب") == skeleton("ترمب")
    assert skeleton("بنيامين نتنياهو") == skeleton("بنيامين نتانياهو")
    assert skeleton("بوتين") == skeleton("بوتن")
    assert skeleton("كيم جونغ أون") != skeleton("كيم جونج أون")    # غ / ج: the gazetteer's job
    assert skeleton("ترامب") != skeleton("تركيا")


def test_suggest_command_ranks_and_groups_the_sample(capsys):
    assert cli.main(["actors", "suggest", str(ROOT / "sample"), "--min", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "count\tname\tother spellings\texamples"
    rows = {line.split("\t")[1]: line.split("\t") for line in lines[1:]}
    assert rows["بنيامين نتنياهو"][2] == "بنيامين نتانياهو"       # one candidate, two spellings
    assert rows["انطونيو غوتيريش"][0] == "5"
    counts = [int(line.split("\t")[0]) for line in lines[1:]]
    assert counts == sorted(counts, reverse=True)
