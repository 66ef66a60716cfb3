"""The Elasticsearch index descriptions: components that exist where they must run."""

from indexer.search.elastic.index import PLUGIN_ANALYZERS, Analysis, index_body

# The analysis components of the server core, which every node has.
CORE = {
    "tokenizer": {"standard"},
    "filter": {"lowercase", "stop"},
    "char_filter": set(),
}


def components(body) -> dict:
    """{"tokenizer"|"filter"|"char_filter": {built-in types used}} of an index body."""
    analysis = body["settings"].get("analysis", {})
    custom = {kind: analysis.get(kind, {}) for kind in ("tokenizer", "filter", "char_filter")}
    used: dict[str, set[str]] = {"tokenizer": set(), "filter": set(), "char_filter": set()}

    def add(kind, name):
        if name in custom[kind]:
            used[kind].add(custom[kind][name]["type"])
        else:
            used[kind].add(name)

    for chain in [*analysis.get("analyzer", {}).values(), *analysis.get("normalizer", {}).values()]:
        if "tokenizer" in chain:
            add("tokenizer", chain["tokenizer"])
        for name in chain.get("filter", []):
            add("filter", name)
        for name in chain.get("char_filter", []):
            add("char_filter", name)
    return used


def analyzers_named(body) -> set[str]:
    """The analyzers the fields of an index body name, subfields included."""
    named = set()

    def visit(properties):
        for field in properties.values():
            if "analyzer" in field:
                named.add(field["analyzer"])
            visit(field.get("fields", {}))

    visit(body["mappings"]["properties"])
    return named


def test_the_node_path_analyses_with_the_plugin_alone():
    body = index_body(Analysis.NODE)
    assert "analysis" not in body["settings"]  # nothing of the node's own, no analysis-common
    assert analyzers_named(body) == PLUGIN_ANALYZERS
    properties = body["mappings"]["properties"]
    assert properties["body"]["analyzer"] == "bahth_arabic"
    assert properties["body"]["fields"]["exact"]["analyzer"] == "bahth_arabic_exact"
    for keyword in ("source", "category", "actors", "tags"):
        assert properties[keyword]["type"] == "keyword"
        assert properties[keyword]["fields"]["folded"]["analyzer"] == "bahth_folded"


def test_python_chain_uses_only_what_every_node_has():
    body = index_body(Analysis.PYTHON)
    for kind, names in components(body).items():
        assert names <= CORE[kind], f"{kind}s a bare node lacks: {names - CORE[kind]}"
    assert not analyzers_named(body) & PLUGIN_ANALYZERS


def test_the_python_path_keeps_every_term_the_python_analysis_gives():
    # Stopwords are indexed (a query that needs them searches them): no stop filter.
    body = index_body(Analysis.PYTHON)
    assert components(body)["filter"] == {"lowercase"}
    terms = body["settings"]["analysis"]["analyzer"]["bahth_terms"]
    assert (terms["tokenizer"], terms["filter"]) == ("standard", ["lowercase"])


def test_both_descriptions_have_the_same_fields_for_facets_and_filters():
    node = index_body(Analysis.NODE)["mappings"]["properties"]
    python = index_body(Analysis.PYTHON)["mappings"]["properties"]
    for name in ("id", "date", "source", "category", "actors", "tags"):
        assert node[name]["type"] == python[name]["type"], name
