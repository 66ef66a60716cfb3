"""compose.yaml and its cluster variants, as Docker Compose itself reads them,
and the app image's build steps, as far as this machine can run them.

The files are loaded by compose-go (tests/compose), the loader of Docker
Compose v2: it validates them against the Compose specification's schema,
merges the overrides, resolves `!reset` and interpolation, and normalises.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from .conftest import ROOT

CLUSTER = ("compose.yaml", "compose.cluster.yaml")
BOOTSTRAP = (*CLUSTER, "compose.cluster-bootstrap.yaml")


@pytest.fixture(scope="session")
def compose_config(tmp_path_factory):
    """compose-config FILE...: the project as Compose loads it (JSON), or a failure."""
    go = shutil.which("go")
    assert go, "Go is missing: run scripts/install-system-deps test"
    binary = tmp_path_factory.mktemp("compose") / "compose-config"
    # GOTOOLCHAIN=auto: an older Go fetches the version go.mod asks for from the module proxy.
    built = subprocess.run(
        [go, "build", "-mod=readonly", "-o", str(binary), "."],
        cwd=ROOT / "tests" / "compose",
        capture_output=True,
        text=True,
        env={**os.environ, "GOTOOLCHAIN": "auto"},
        timeout=600,
    )
    assert built.returncode == 0, built.stderr

    def load(*files, env=None):
        result = subprocess.run(
            [binary, *files],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PATH": os.environ["PATH"], "ELASTIC_PASSWORD": "secret", **(env or {})},
            timeout=600,
        )
        if result.returncode:
            raise ValueError(result.stderr.strip())
        return json.loads(result.stdout)["services"]

    return load


def elasticsearch_nodes(services):
    """The services that run Elasticsearch (not the one-shot `certs`, which runs its tools)."""
    return {
        n: s
        for n, s in services.items()
        if s["image"].startswith("bahth-elasticsearch:") and not s.get("command")
    }


def version_under_test():
    return re.search(r"BAHTH_ES_VERSION:-([\d.]+)", (ROOT / "scripts/es-node").read_text())[1]


def test_the_loader_rejects_what_compose_would(compose_config, tmp_path):
    broken = tmp_path / "compose.yaml"
    broken.write_text("services:\n  web:\n    image: x\n    init: sometimes\n")
    with pytest.raises(ValueError, match="init"):
        compose_config(str(broken))


@pytest.mark.parametrize("files", [("compose.yaml",), CLUSTER, BOOTSTRAP])
def test_every_image_is_pinned_and_the_one_the_tests_run(compose_config, files):
    services = compose_config(*files)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for service in services.values():
        if service["image"].startswith("bahth-elasticsearch:"):  # the nodes and `certs`
            assert service["image"] == f"bahth-elasticsearch:{version_under_test()}"
        else:
            assert service["image"] == f"bahth:{version}"
            assert service["build"]["context"] == str(ROOT) and service["build"]["target"] == "app"
    from importlib.metadata import version as installed

    assert version_under_test().split(".")[0] == installed("elasticsearch").split(".")[0]


@pytest.mark.parametrize("files", [("compose.yaml",), CLUSTER, BOOTSTRAP])
def test_memory_lock_goes_with_its_ulimit_on_every_node(compose_config, files):
    nodes = elasticsearch_nodes(compose_config(*files))
    assert len(nodes) == (1 if files == ("compose.yaml",) else 3)
    for node in nodes.values():
        assert node["environment"]["bootstrap.memory_lock"] == "true"
        assert node["ulimits"]["memlock"] == {"soft": -1, "hard": -1}
        assert "healthcheck" in node


def test_initial_master_nodes_only_for_the_first_start(compose_config):
    for node in elasticsearch_nodes(compose_config(*CLUSTER)).values():
        assert "cluster.initial_master_nodes" not in node["environment"]
        assert "discovery.type" not in node["environment"]  # !reset of compose.yaml's single-node
    first = elasticsearch_nodes(compose_config(*BOOTSTRAP))
    names = {node["environment"]["node.name"] for node in first.values()}
    for service, node in first.items():
        assert set(node["environment"]["cluster.initial_master_nodes"].split(",")) == names
        assert set(node["environment"]["discovery.seed_hosts"].split(",")) == set(first) - {service}


def test_one_shot_reindex_has_an_init_and_somewhere_to_write_rejects(compose_config):
    services = compose_config("compose.yaml", env={"BAHTH_ARCHIVE": "/srv/dump"})
    reindex = services["reindex"]
    assert reindex["init"] is True and reindex["restart"] == "no"
    assert reindex["command"] == ["reindex", "/archive"]
    mounts = {m["target"]: m for m in reindex["volumes"]}
    assert mounts["/archive"]["source"] == "/srv/dump" and mounts["/archive"]["read_only"]
    assert mounts["/reports"]["type"] == "volume"
    assert reindex["environment"]["BAHTH_DATA_DIR"] == "/reports"
    # The image creates /reports for its user, so a new named volume starts writable.
    dockerfile = (ROOT / "Dockerfile").read_text()
    user = re.search(r"^USER (\d+):(\d+)$", dockerfile, re.M)
    assert user, "the image runs as a numeric non-root user"
    assert (
        f"chown {user[1]}:{user[2]} /data /reports /keys/writer /keys/reader /accounts"
        in dockerfile
    )
    assert services["web"]["healthcheck"]["test"][0] == "CMD"


def test_the_image_installs_locked_dependencies_before_the_code():
    steps = [
        line.split(None, 1)
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if re.match(r"^[A-Z]+ ", line)
    ]
    copies = [args for op, args in steps if op == "COPY"]
    assert copies[0].strip() == "requirements/app.txt requirements/app.txt"
    first_run = next(args for op, args in steps if op == "RUN")
    assert "--require-hashes" in first_run and "requirements/app.txt" in first_run
    assert re.match(r"python:\d+\.\d+\.\d+-slim-\w+ AS base$", steps[0][1].strip())
    stages = [args.strip() for op, args in steps if op == "FROM"]
    assert stages[-1] == "base AS app"  # the default target is the app
    assert steps[-1] == ["USER", "10001:10001"]  # which runs as its own user


def test_the_image_build_steps_install_a_working_bahth(tmp_path):
    """The Dockerfile's pip steps, run in a fresh virtual environment on a copy
    of the build context (no Docker engine here): the lock is complete, every
    hash matches, the native analysis builds from its own sources, and the
    installed (not editable) app indexes and searches with it."""
    context = tmp_path / "app"
    for name in ("requirements", "indexer", "webui", "mappings", "pyproject.toml", "README.md"):
        source, target = ROOT / name, context / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "target"))
        else:
            shutil.copy(source, target)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    wheels = tmp_path / "wheels"
    for command in re.findall(r"^RUN (pip (?:install|wheel) [^&\n]*)", dockerfile, re.M):
        subprocess.run(
            f"{venv}/bin/{command.replace('/wheels', str(wheels))}",
            shell=True,
            cwd=context,
            check=True,
            env={
                **os.environ,
                "PATH": f"{venv}/bin:{os.environ['PATH']}",  # as in the image
                "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "MATURIN_NO_INSTALL_RUST": "1",
            },
            capture_output=True,
            timeout=900,
        )
    assert [path.name.split("-")[0] for path in wheels.iterdir()] == ["bahth_native"]
    native = "from indexer.arabic import native; print(native.analysis() is not None)"
    check = subprocess.run(
        [venv / "bin" / "python", "-c", native],
        cwd=tmp_path,
        text=True,
        capture_output=True,
        check=True,
    )
    assert check.stdout.strip() == "True"
    env = {"PATH": os.environ["PATH"], "BAHTH_DATA_DIR": str(tmp_path / "data")}
    indexed = subprocess.run(
        [venv / "bin" / "bahth", "reindex", str(ROOT / "sample"), "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(indexed.stdout)["indexed"] == 31, indexed.stderr
    found = subprocess.run(
        [venv / "bin" / "bahth", "search", "زلزال", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert json.loads(found.stdout)["total"] >= 1, found.stderr


def test_the_elasticsearch_image_is_the_tested_one_with_the_plugin(compose_config):
    """What compose runs is what the tests run: the official image of the
    version scripts/es-node runs, the plugin built from the same sources and
    data as scripts/build-plugin builds, for that version."""
    services = compose_config("compose.yaml")
    build = services["elasticsearch"]["build"]
    assert build["context"] == str(ROOT) and build["target"] == "elasticsearch"
    dockerfile = (ROOT / "Dockerfile").read_text()
    version = version_under_test()
    assert (
        f"FROM docker.elastic.co/elasticsearch/elasticsearch:{version} AS elasticsearch\n"
        in dockerfile
    )
    pom = (ROOT / "plugins/elasticsearch-analysis-bahth/pom.xml").read_text()
    assert f"<version>{version}</version>" in pom
    assert "python -m indexer.arabic.export" in dockerfile
    assert f"elasticsearch-analysis-bahth-{version}.zip" in dockerfile
    assert "bin/elasticsearch-plugin install --batch" in dockerfile
    for node in elasticsearch_nodes(compose_config(*CLUSTER)).values():
        assert node["image"] == services["elasticsearch"]["image"]


@pytest.mark.parametrize("files", [("compose.yaml",), CLUSTER, BOOTSTRAP])
def test_every_node_is_secured_and_the_certificate_names_them_all(compose_config, files):
    services = compose_config(*files)
    nodes = elasticsearch_nodes(services)
    for node in nodes.values():
        env = node["environment"]
        assert env["xpack.security.enabled"] == "true"
        for layer in ("http", "transport"):
            assert env[f"xpack.security.{layer}.ssl.enabled"] == "true"
            assert env[f"xpack.security.{layer}.ssl.certificate_authorities"] == "certs/ca/ca.crt"
        assert env["ELASTIC_PASSWORD"] == "secret"
        assert "https://localhost:9200" in " ".join(node["healthcheck"]["test"])
        assert node["depends_on"]["certs"]["condition"] == "service_completed_successfully"
        certs = {m["target"]: m for m in node["volumes"]}["/usr/share/elasticsearch/config/certs"]
        assert certs["source"] == "certs" and certs["read_only"]
    script = " ".join(services["certs"]["command"])
    named = re.search(r"--dns (\S+)", script)[1].split(",")
    assert set(nodes) <= set(named)
    for service in ("reindex", "web"):
        urls = services[service]["environment"]["BAHTH_ELASTICSEARCH_URL"].split(",")
        assert {url.split("//")[1].split(":")[0] for url in urls} == set(nodes)
        assert all(url.startswith("https://") for url in urls)


def test_the_web_app_reads_with_the_readers_key_and_the_reindex_writes_with_the_writers(
    compose_config,
):
    services = compose_config("compose.yaml")
    keys = services["keys"]
    assert keys["entrypoint"] == ["python", "-m", "indexer.search.elastic.security"]
    arguments = dict(zip(keys["command"][::2], keys["command"][1::2], strict=True))
    assert arguments["--alias"] == "articles"
    made = {m["target"]: m["source"] for m in keys["volumes"] if m["target"] != "/certs"}
    # Each service mounts the one volume of its own key, read-only, and no other.
    for service, role in (("reindex", "writer"), ("web", "reader")):
        key = arguments[f"--{role}-key"]
        environment = services[service]["environment"]
        assert environment["BAHTH_ELASTICSEARCH_API_KEY_FILE"] == key
        assert "BAHTH_SEARCH_API_KEY" not in environment
        mounts = {m["target"]: m for m in services[service]["volumes"]}
        folder = key.rsplit("/", 1)[0]
        assert mounts[folder]["source"] == made[folder] and mounts[folder]["read_only"]
        assert mounts["/certs"]["read_only"]
        others = [m["source"] for m in mounts.values() if m["source"] in made.values()]
        assert others == [made[folder]]
        assert services[service]["depends_on"]["keys"]["condition"] == (
            "service_completed_successfully"
        )
    assert services["web"]["environment"]["BAHTH_USERS"] == "/accounts/users"
    published = services["web"]["ports"][0]
    assert published["host_ip"] == "127.0.0.1"  # plain http: this host only, unless asked


def test_compose_refuses_to_start_without_the_superusers_password(compose_config):
    with pytest.raises(ValueError, match="ELASTIC_PASSWORD"):
        compose_config("compose.yaml", env={"ELASTIC_PASSWORD": ""})
