import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Reindex and add embed their articles by default (BAHTH_EMBEDDINGS=on): the
# tests of search by meaning (test_meaning.py) turn it on themselves; the
# commands the other tests run need not load the model each time.
os.environ.setdefault("BAHTH_EMBEDDINGS", "off")


def write_jsonl(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def article(number, **fields):
    """A valid JSONL record with a body long enough to be deduplicated."""
    record = {
        "id": f"a{number}",
        "title": f"عنوان الخبر رقم {number}",
        "body": f"نص الخبر رقم {number} عن الانتخابات في المدينة. " * 4,
        "date": "2018-06-28T10:00:00Z",
        "source": "skynews",
    }
    record.update(fields)
    return record


def processes_tagged(tag):
    """PIDs of the processes whose environment holds BAHTH_TEST_TAG=tag: a
    command started with it, and every process it started (they inherit it)."""
    found = []
    marker = f"BAHTH_TEST_TAG={tag}".encode()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/environ", "rb") as environ:
                    if marker in environ.read().split(b"\0"):
                        found.append(int(entry))
            except OSError:
                continue
    return found


def wait_until(condition, cap=120, every=0.1):
    """Wait for `condition()` to hold; False when `cap` seconds pass first (a
    generous cap: on a busy machine the condition is what is waited for)."""
    deadline = time.monotonic() + cap
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True


def indexed(data_dir):
    """Every article of the embedded index under `data_dir`, as the article
    page reads it, in the order they were loaded."""
    import tantivy

    from indexer.search.embedded import EmbeddedStore

    index = tantivy.Index.open(str(EmbeddedStore(data_dir).live()))
    searcher = index.searcher()
    found = searcher.search(tantivy.Query.all_query(), max(searcher.num_docs, 1))
    documents = [searcher.doc(address) for _, address in found.hits]
    documents.sort(key=lambda d: d["sequence"][0])
    return [json.loads(bytes(d["article"][0])) for d in documents]


def by_id(data_dir):
    return {record["id"]: record for record in indexed(data_dir)}


def app_for(data_dir=None, backend=None, **settings):
    """The web app on the embedded index under `data_dir`, with other settings
    (or an Elasticsearch URL) given as Settings fields, and its backend if given."""
    from indexer.settings import Settings
    from webui import create_app

    if data_dir is not None:
        settings["data_dir"] = str(data_dir)
    return create_app(Settings(**settings), backend=backend)


@pytest.fixture(scope="session", autouse=True)
def own_temporary_folder():
    """The temporary folder of every process the tests start: what one
    killed outright cannot remove (a writer's fork server socket folder,
    Chromium's singleton) goes in a folder of the run's, removed after it
    (a short path: a socket's is at most 107 bytes)."""
    folder = tempfile.mkdtemp(prefix="bahth-tests-")
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = folder
    yield folder
    if before is None:
        del os.environ["TMPDIR"]
    else:
        os.environ["TMPDIR"] = before
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_default_data_folder(monkeypatch, tmp_path_factory):
    """A test that does not choose BAHTH_DATA_DIR, where the shell running
    the tests does not either, writes what the commands keep there (runs/,
    rejects files) in a folder of its own, not in the working copy's data/."""
    if "BAHTH_DATA_DIR" not in os.environ:
        monkeypatch.setenv("BAHTH_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """A data folder with the sample archive indexed on the embedded engine
    (shared by the tests that only read it)."""
    from indexer import reindex
    from indexer.search.embedded import EmbeddedStore

    data = tmp_path_factory.mktemp("sample") / "data"
    reindex.run([ROOT / "sample"], EmbeddedStore(data), workers=1)
    return data


@pytest.fixture(scope="session")
def embedded_sample(tmp_path_factory):
    """A data folder with the sample archive indexed and embedded (search by
    meaning; shared by the tests that only read it)."""
    from indexer import embed, reindex
    from indexer.search.embedded import EmbeddedStore

    data = tmp_path_factory.mktemp("meaning") / "data"
    store = EmbeddedStore(data)
    reindex.run([ROOT / "sample"], store, workers=1)
    embed.run(store)
    return data


@pytest.fixture
def data_dir(sample_index):
    """The data folder of the sample's index (read only)."""
    return sample_index


# Markers follow the fixtures a test uses, so that the fast suite
# (`pytest -m "not elasticsearch and not browser"`) leaves out every slow part.
MARKERS = {
    "elasticsearch": ("elasticsearch",),
    "elasticsearch_cluster": ("elasticsearch", "cluster"),
    "browser": ("browser",),
    "shared_corpus": ("corpus",),
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, markers in MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                for marker in markers:
                    item.add_marker(marker)


@pytest.fixture(scope="session")
def shared_corpus():
    corpus = SHARED / "corpus"
    assert corpus.is_dir(), f"the shared corpus is missing at {corpus}"
    return corpus


@pytest.fixture(scope="session")
def analysis_vectors(tmp_path_factory, shared_corpus):
    """The shared test vectors of the analysis (tests/analysis_vectors.py),
    with 20,000 sentences of the shared corpus."""
    from .analysis_vectors import write

    path = tmp_path_factory.mktemp("vectors") / "vectors.jsonl"
    write(path, shared_corpus, 20_000)
    lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is text here
    return [json.loads(line) for line in lines if line]


# --- a real Elasticsearch node ----------------------------------------------

ES_NODE = ROOT / "scripts" / "es-node"


def es_node(command, port, *arguments, timeout=900, **settings):
    """Run `scripts/es-node COMMAND ARGUMENTS` for the node (or cluster) on
    `port` (`settings`: more of its environment, e.g. BAHTH_ES_PLUGIN="none");
    its result."""
    env = {**os.environ, "BAHTH_ES_PORT": str(port), **settings}
    return subprocess.run(
        [ES_NODE, command, *arguments], env=env, capture_output=True, text=True, timeout=timeout
    )


class Node:
    """A secured node (or cluster) of `scripts/es-node start --secure`: the
    settings it printed (BAHTH_ELASTICSEARCH_URL, _CA, the writer's API key,
    the reader's), as Settings fields, environment and endpoints; and the
    superuser's password."""

    def __init__(self, printed: str):
        printed_lines = dict(line.split("=", 1) for line in printed.splitlines() if "=" in line)
        self.superuser_password = printed_lines.pop("ELASTIC_PASSWORD")
        self.env = {k: v for k, v in printed_lines.items() if k.startswith("BAHTH_")}
        self.url = self.env["BAHTH_ELASTICSEARCH_URL"]
        self.urls = self.url.split(",")

    @property
    def settings(self) -> dict:
        """The node's settings as Settings fields (for app_for, Settings)."""
        from indexer.settings import SETTINGS

        return {s.name: self.env[s.variable] for s in SETTINGS if s.variable in self.env}

    def endpoint(self, reader=False, node=None):
        """The writer's endpoint (`reader`: the reader's), of every node or of node `node`."""
        from indexer.settings import Settings

        settings = self.settings
        if node is not None:
            settings["elasticsearch_url"] = self.urls[node]
        return Settings(**settings).elasticsearch(reader=reader)

    @property
    def writer(self):
        return self.endpoint()

    @property
    def reader(self):
        return self.endpoint(reader=True)

    def __str__(self):
        return self.url


# The test nodes' roles cover the aliases the tests make: every one starts with it.
TEST_ALIASES = "test-*"


def start_secured(port, *arguments) -> str:
    """`scripts/es-node start --secure` on `port`: the settings it prints.
    Fails the test when it does not start."""
    started = es_node("start", port, "--secure", *arguments, BAHTH_ES_ALIAS=TEST_ALIASES)
    if started.returncode != 0:
        pytest.fail(f"scripts/es-node start --secure failed:\n{started.stderr[-3000:]}")
    return started.stdout


@pytest.fixture(scope="session")
def elasticsearch():
    """A real Elasticsearch node on 127.0.0.1 (BAHTH_ES_PORT, 9250), secured
    as Elasticsearch 8 ships (TLS, a writer's and a reader's credentials), with
    Bahth's analysis plugin: `scripts/es-node start --secure`, which finds a
    node already running there, or starts one (and the session stops it). A
    node that does not start fails the tests that need it: they never skip."""
    port = int(os.environ.get("BAHTH_ES_PORT", "9250"))
    running = es_node("status", port).returncode == 0
    # Started again when it runs open, or with another build of the analysis plugin.
    node = Node(start_secured(port))
    # The node keeps its data between runs: what a killed run left would add
    # up, run after run, to the node's limit of 1,000 shards.
    sweep_test_indices(node)
    yield node
    sweep_test_indices(node)
    if not running:
        es_node("stop", port)


def sweep_test_indices(node):
    """Delete every index of the tests' aliases (TEST_ALIASES) on `node`."""
    from indexer.search.elastic.client import connect

    return delete_indices(connect(node.writer), TEST_ALIASES)


class Cluster(Node):
    """A secured three-node cluster of `scripts/es-node start --secure --nodes 3`."""

    def __init__(self, port, nodes, printed):
        super().__init__(printed)
        self.port, self.nodes = port, nodes

    def kill(self, node):
        """SIGKILL one node: a crash, not a shutdown."""
        killed = es_node("kill", self.port, str(node))
        assert killed.returncode == 0, killed.stderr

    def start(self, node):
        """Start a killed node again; returns once the cluster is green with it."""
        started = es_node("start-node", self.port, str(node))
        assert started.returncode == 0, started.stderr[-3000:]


@pytest.fixture(scope="session")
def elasticsearch_cluster():
    """Three secured nodes of one cluster on 127.0.0.1 (HTTP on
    BAHTH_ES_CLUSTER_PORT, 9260, and the two ports after it), with Bahth's
    analysis plugin; stopped after the session unless it was running before."""
    port = int(os.environ.get("BAHTH_ES_CLUSTER_PORT", "9260"))
    running = es_node("status", port).returncode == 0
    cluster = Cluster(port, 3, start_secured(port, "--nodes", "3"))
    sweep_test_indices(cluster)
    yield cluster
    sweep_test_indices(cluster)
    if not running:
        es_node("stop", port)


@pytest.fixture
def es_alias(elasticsearch):
    """A fresh alias name on the test node; its index versions are deleted afterwards."""
    from indexer.search.elastic.client import connect

    alias = f"test-{uuid.uuid4().hex[:10]}"
    yield alias
    delete_versions(connect(elasticsearch.writer), alias)


def delete_versions(client, alias):
    """Delete every index of `alias`: its versions and its writer lease."""
    from indexer.search.elastic.lease import lease_index

    delete_indices(client, f"{alias}-v*", lease_index(alias))


def delete_indices(client, *patterns):
    """Delete the indices that match `patterns`, by name (the node refuses
    wildcards in a delete), a few at a time so that the URL stays short."""
    found = client.indices.get(
        index=",".join(patterns), expand_wildcards="all", ignore_unavailable=True
    )
    names = sorted(found)
    for start in range(0, len(names), 40):
        client.indices.delete(index=",".join(names[start : start + 40]))
    return names


# --- `bahth serve` in a process of its own ------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid):
    """PIDs of the processes whose parent is `pid` (gunicorn's workers)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def get(port, path, timeout=60, headers=None):
    """(status, headers, body) of a GET on the server."""
    asked = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(asked, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


SERVE = [sys.executable, "-m", "indexer.cli", "serve"]


class Server:
    """`bahth serve` (gunicorn) on a free port of loopback, on the index of
    `data_dir`, with more `environment`; once its health check answers and
    its workers run. `stop()` ends it and gives what it printed."""

    def __init__(self, data_dir, workers=1, **environment):
        self.port = free_port()
        self.output = tempfile.TemporaryFile(mode="w+")  # never a pipe that fills and blocks
        self.process = subprocess.Popen(
            [*SERVE, "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT,
            env={**os.environ, "BAHTH_DATA_DIR": str(data_dir), **environment},
            stdout=self.output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.workers = workers
        deadline = time.monotonic() + 180  # a generous cap: the condition is what is waited for
        while True:
            try:
                if (
                    get(self.port, "/api/health", timeout=5)[0] == 200
                    and len(self.pids()) == workers
                ):
                    return
            except OSError:
                pass
            assert self.process.poll() is None, f"the server exited:\n{self.printed()}"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

    def pids(self):
        return children(self.process.pid)

    def printed(self) -> str:
        self.output.seek(0)
        return self.output.read()

    def stop(self) -> str:
        """End the server (SIGTERM); what it printed."""
        self.process.terminate()
        self.process.wait(120)
        return self.printed()
