"""Bahth's analysis plugin on the real node: every shared test vector is
analysed inside Elasticsearch exactly as indexer.arabic analyses it."""

from indexer.search.elastic.client import connect

# analyzer -> what it must give for a vector
ANALYZERS = {
    "bahth_arabic": lambda v: v["terms"],
    "bahth_arabic_exact": lambda v: v["tokens"],
    "bahth_folded": lambda v: [v["normalized"]] if v["normalized"] else [],
}
MAX_TOKENS = 8_000  # per _analyze request (the node's limit is 10,000)


def _utf16(text):
    return len(text.encode("utf-16-le")) // 2


def _batches(vectors):
    batch, tokens = [], 0
    for vector in vectors:
        size = len(vector["tokens"]) + 1
        if batch and tokens + size > MAX_TOKENS:
            yield batch
            batch, tokens = [], 0
        batch.append(vector)
        tokens += size
    if batch:
        yield batch


def analyse_on_node(client, index, analyzer, batch):
    """The tokens of each text of `batch`, from one _analyze request (of an
    index the writer may manage: the node's analyzers are every index's): the
    node puts the texts one after the other, offsets counted on (gap 1)."""
    texts = [v["input"] for v in batch]
    found = client.indices.analyze(index=index, analyzer=analyzer, text=texts)["tokens"]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += _utf16(text) + 1
    per_text = [[] for _ in texts]
    which = 0
    for token in found:
        while which + 1 < len(texts) and token["start_offset"] >= starts[which + 1]:
            which += 1
        per_text[which].append(token["token"])
    return per_text


def test_the_node_analyses_every_vector_as_python_does(elasticsearch, es_alias, analysis_vectors):
    client = connect(elasticsearch.writer, timeout=120)
    index = f"{es_alias}-v0-analysis"
    client.indices.create(index=index)
    kinds = {v["kind"] for v in analysis_vectors}
    assert {"conformance", "edge", "random", "unicode", "corpus"} <= kinds
    assert sum(v["kind"] == "corpus" for v in analysis_vectors) >= 20_000
    differences = {name: [] for name in ANALYZERS}
    for name, expected in ANALYZERS.items():
        for batch in _batches(analysis_vectors):
            for vector, tokens in zip(
                batch, analyse_on_node(client, index, name, batch), strict=True
            ):
                if tokens != expected(vector):
                    differences[name].append((vector["kind"], vector["input"], tokens))
    # Characters newer than the node's JVM's Unicode may fold otherwise than in
    # Python (tests/analysis_vectors.py): those are only among the "unicode" inputs.
    for name, found in differences.items():
        others = [d for d in found if d[0] != "unicode"]
        assert others == [], (name, others[:5])
        unicode_inputs = sum(v["kind"] == "unicode" for v in analysis_vectors)
        assert len(found) <= unicode_inputs // 50, (name, len(found))
    print(
        {
            name: f"{len(analysis_vectors) - len(found)}/{len(analysis_vectors)} identical"
            for name, found in differences.items()
        }
    )
