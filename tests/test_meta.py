"""An index's identity (search/meta.py): read whichever Bahth wrote it, one rule for old ones."""

import json

import pytest

from indexer.arabic.export import fingerprint
from indexer.search import AnalysisChanged, BackendUnavailable
from indexer.search.meta import IndexMeta, shipped_lexicon_digest

FINGERPRINT = fingerprint()
LEXICON = shipped_lexicon_digest()


@pytest.mark.parametrize(
    ("recorded", "read"),
    [
        # This Bahth, on either engine.
        (
            {"version": 4, "analysis": "node", "fingerprint": FINGERPRINT, "lexicon": LEXICON},
            IndexMeta(4, "node", FINGERPRINT, LEXICON),
        ),
        # Elasticsearch's first names of the two paths (mappings version 1).
        ({"analysis": "production", "version": 4}, IndexMeta(4, "node")),
        ({"analysis": "fallback", "version": 4}, IndexMeta(4, "python")),
        # An Elasticsearch index that recorded no path: the node's, as then.
        ({"version": 1}, IndexMeta(1, "node")),
        # The embedded format 3 of Bahth 0.1: `format`, and the fingerprint under `analysis`.
        ({"format": 3, "analysis": FINGERPRINT}, IndexMeta(3, "python", FINGERPRINT)),
        # The embedded format 2 (no analysis recorded), and nothing at all.
        ({"format": 2}, IndexMeta(2, "node")),
        (None, IndexMeta(None, "node")),
    ],
)
def test_every_recorded_shape_reads_as_one_meta(recorded, read):
    assert IndexMeta.recorded(recorded) == read


def test_what_this_bahth_writes_reads_back_the_same():
    meta = IndexMeta.of_this_bahth(3)
    assert IndexMeta.recorded(json.loads(json.dumps(meta.to_json()))) == meta
    meta.check_writable(3, "here")


def test_an_index_of_the_old_analysis_names_is_writable_by_the_same_analysis():
    made = IndexMeta.recorded(
        {"analysis": "production", "version": 4, "fingerprint": FINGERPRINT, "lexicon": LEXICON}
    )
    made.check_writable(4, "articles-v4")  # no ValueError, no AnalysisChanged


def test_another_format_asks_for_a_reindex_before_anything_else():
    with pytest.raises(BackendUnavailable, match="has format 2, this Bahth reads 3"):
        IndexMeta.recorded({"format": 2}).check_writable(3, "data/index")


def test_other_rules_or_another_lexicon_refuse_an_add():
    with pytest.raises(AnalysisChanged, match="other analysis rules"):
        IndexMeta(3, "python", "another", LEXICON).check_writable(3, "here")
    other_lexicon = IndexMeta(4, "node", FINGERPRINT, "another")
    with pytest.raises(AnalysisChanged):
        other_lexicon.check_writable(4, "here")
    # An embedded index keeps its own lexicon: adds are stemmed with it.
    other_lexicon.check_writable(4, "here", own_lexicon=True)
