"""Reindexing into Elasticsearch: a new index version behind the alias.

`ElasticStore.new_version()` creates `articles-v{N}-{timestamp}` (N: the
mapping's version) with its shards and replicas and no refresh, yields a
Loader that bulk-loads it from a background thread, and when the block ends
normally: restores refresh, refreshes, checks the count, moves the alias
to it in one `update_aliases` call, and deletes versions beyond the newest
`keep` old ones. When the block raises, the new index is deleted and the
alias stays where it was; a build left by a node that died is deleted by
the next reindex.
"""

import logging
from contextlib import contextmanager
from datetime import UTC, datetime

from elasticsearch import ApiError, NotFoundError, TransportError

from indexer import embeddings

from ..errors import AnalysisChanged, BackendUnavailable, BuildFailed
from ..meta import IndexMeta
from . import vectors
from .bulk import Loader
from .client import endpoint, unavailable
from .index import PLUGIN, Analysis, index_body, version
from .lease import Lease, lease_index
from .updater import Updater

log = logging.getLogger(__name__)


def node_has_plugin(client, index=None) -> bool:
    """Whether the node has Bahth's analysis plugin (its analyzer bahth_arabic).
    Asked of `index` (one the client may manage, such as the writer lease's),
    it needs no cluster privilege beyond monitor."""
    try:
        client.indices.analyze(index=index, analyzer="bahth_arabic", text="بحث")
    except ApiError as error:
        if error.status_code == 400:
            return False
        raise
    return True


class ElasticStore:
    name = "elasticsearch"
    # The node indexes (and the bulk thread sends) while the workers read: on
    # 2 cores with the node beside it, 1 worker loads the corpus in 24-26 s, 2 in 29 s.
    spare_cores = 1

    def __init__(
        self,
        where,
        alias="articles",
        keep=2,
        wait=120,
        analysis="auto",
        shards=1,
        replicas="0-1",
        lease=180,
    ):
        """`where`: an Endpoint, or the URL of an open cluster; `analysis`: auto
        (the node path where the plugin is), node or python;
        `shards` of each new version; `replicas` once built: a number, or a
        range for auto_expand_replicas ("0-1"), from the start of the build (a
        node lost mid-build then loses nothing); `wait`: seconds a build waits
        for a cluster that stopped answering; `lease`: seconds the writer lease
        lasts unrenewed."""
        self.endpoint, self.alias, self.keep, self.wait = endpoint(where), alias, keep, wait
        self.lease = lease
        self.shards, self.replicas = shards, replicas
        self.wanted = analysis
        self.client = self.endpoint.client(timeout=120)
        self.live = None  # the index behind the alias after a switch
        self.analysis: Analysis | None = None  # the path of the last build, and why
        self.why = ""

    def describe(self):
        built = f" (analysis: {self.analysis}, {self.why})" if self.analysis else ""
        return f"{self.endpoint} alias {self.alias!r} -> {self.live}{built}"

    def _versions(self):
        """{index name: (creation time, has the alias)} of this alias's versions."""
        found = self.client.indices.get(index=f"{self.alias}-v*", expand_wildcards="all")
        return {
            name: (
                int(info["settings"]["index"]["creation_date"]),
                self.alias in info.get("aliases", {}),
            )
            for name, info in found.items()
        }

    @contextmanager
    def writing(self):
        """Hold the alias's writer lease; Busy when another writer does."""
        lease = Lease(self.client, self.alias, self.lease)
        try:
            lease.take()
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        try:
            yield
        finally:
            lease.give_back()

    @contextmanager
    def new_version(self):
        with self.writing():
            yield from self._build()

    def _build(self):
        try:
            analysis = self._analysis()
            self._check_alias_is_free()
            self._remove_failed_builds()
            name = self._create(analysis)
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        loader = Loader(self.client, self.endpoint, name, analysis, budget=self.wait)
        try:
            yield loader
            loader.finish()
            self._switch(name, loader.count)
        except BaseException:
            loader.abandon()
            self._delete_quietly(name)
            raise
        try:
            self._prune()
        except (TransportError, ApiError) as error:
            log.warning("old index versions not deleted: %s", error)

    @contextmanager
    def changing(self):
        """Yield an Updater changing the index behind the alias in place
        (`bahth add`, `bahth remove`); the alias does not move."""
        with self.writing():
            # The node's plugin (or, on the python path, this Bahth) analyses
            # what is added: it must be the analysis the index was built with.
            live, analysis = self._live_version("change")
            self.live, self.analysis = live, analysis
            self.why = "as the live index was built"
            try:
                updater = Updater(self.client, self.endpoint, live, analysis)
                yield updater
                updater.finish()
            except (TransportError, ApiError) as error:  # a lookup of the groups changed
                raise unavailable(self.endpoint, error) from error

    @contextmanager
    def embedding(self):
        """Yield a vectors.Filling of the live version (`bahth embed`), which
        takes vectors over from the previous version where it can."""
        with self.writing():
            live, _ = self._live_version("embed")
            self._check_dimensions(live)
            try:
                earlier = max(
                    (
                        (created, name)
                        for name, (created, aliased) in self._versions().items()
                        if not aliased
                    ),
                    default=(0, None),
                )[1]
            except (TransportError, ApiError) as error:
                raise unavailable(self.endpoint, error) from error
            self.live = live
            yield vectors.Filling(self.client, self.endpoint, live, earlier)

    def _check_dimensions(self, live):
        """Refuse to embed an index whose vectors are not as long as the
        chosen model's: Elasticsearch fixes their length when the index is made."""
        try:
            mapping = self.client.indices.get_mapping(index=live)[live]["mappings"]
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        dims = mapping["properties"]["embedding"]["dims"]
        if dims != embeddings.dimensions():
            raise AnalysisChanged(
                f"the index {live} holds vectors of {dims} dimensions, and "
                f"{embeddings.model_name()} (BAHTH_EMBEDDINGS_MODEL) makes "
                f"{embeddings.dimensions()}: `bahth reindex` builds an index for it"
            )

    def _live_version(self, doing):
        """(the index behind the alias, checked writable by this Bahth; the
        analysis path it was built with)."""
        try:
            live = next(iter(self.client.indices.get_alias(name=self.alias)), None)
            mapping = self.client.indices.get_mapping(index=live)[live]["mappings"]
        except NotFoundError:
            raise BackendUnavailable(
                f"no index behind the alias {self.alias!r} on {self.endpoint} to {doing}: "
                "run `bahth reindex PATH` first"
            ) from None
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        made = IndexMeta.recorded(mapping.get("_meta", {}).get("bahth"))
        analysis = Analysis(made.analysis)
        made.check_writable(version(analysis), live)
        return live, analysis

    def _analysis(self) -> Analysis:
        if self.wanted == Analysis.PYTHON:
            self.analysis, self.why = (
                Analysis.PYTHON,
                "in Python, as BAHTH_ELASTICSEARCH_ANALYSIS says",
            )
            return self.analysis
        if node_has_plugin(self.client, lease_index(self.alias)):
            self.analysis, self.why = Analysis.NODE, f"by the node's {PLUGIN} plugin"
            return self.analysis
        if self.wanted == Analysis.NODE:
            raise BuildFailed(
                f"Elasticsearch at {self.endpoint} has no {PLUGIN} plugin, and "
                "BAHTH_ELASTICSEARCH_ANALYSIS=node asks for it: install it on every node "
                "(scripts/build-plugin builds it), or set BAHTH_ELASTICSEARCH_ANALYSIS=auto"
            )
        self.analysis = Analysis.PYTHON
        self.why = f"in Python: the node has no {PLUGIN} plugin"
        log.warning(
            "Elasticsearch at %s has no %s plugin (scripts/build-plugin builds it; "
            "bin/elasticsearch-plugin install file://…/elasticsearch-analysis-bahth-*.zip): "
            "the index holds the terms of Bahth's Python analysis (the python path), which "
            "only Bahth can query.",
            self.endpoint,
            PLUGIN,
        )
        return self.analysis

    def _check_alias_is_free(self):
        if self.client.indices.exists(index=self.alias) and not self.client.indices.exists_alias(
            name=self.alias
        ):
            raise BuildFailed(
                f"{self.alias!r} on {self.endpoint} is an index, not an alias: "
                "rename or delete it, or set BAHTH_ELASTICSEARCH_INDEX"
            )

    def _remove_failed_builds(self):
        """Delete versions newer than the live one that never got the alias:
        builds a dead node or a killed reindex left behind."""
        versions = self._versions()
        live = max((created for created, aliased in versions.values() if aliased), default=0)
        for name, (created, aliased) in versions.items():
            if not aliased and created > live:
                log.warning("deleting %s, left by a reindex that did not finish", name)
                self.client.indices.delete(index=name)

    def _create(self, analysis: Analysis):
        body = index_body(analysis)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias}-v{version(analysis)}-{stamp}"
        settings = body["settings"]["index"]
        settings["number_of_shards"] = self.shards
        settings["refresh_interval"] = "-1"  # until built
        if "-" in self.replicas:
            settings["auto_expand_replicas"] = self.replicas
        else:
            settings["number_of_replicas"] = int(self.replicas)
        meta = IndexMeta.of_this_bahth(version(analysis), str(analysis))
        body["mappings"]["_meta"] = {"bahth": meta.to_json()}
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        return name

    def _switch(self, name, loaded):
        try:
            self.client.indices.put_settings(
                index=name, settings={"index": {"refresh_interval": None}}
            )
            self.client.indices.refresh(index=name)
            self.client.cluster.health(index=name, wait_for_status="yellow", timeout="60s")
            count = self.client.count(index=name)["count"]
            if count != loaded:
                raise BuildFailed(f"{name} holds {count:,} articles; {loaded:,} were loaded")
            self.client.indices.update_aliases(
                actions=[
                    {
                        "remove": {
                            "index": f"{self.alias}-v*",
                            "alias": self.alias,
                            "must_exist": False,
                        }
                    },
                    {"add": {"index": name, "alias": self.alias}},
                ]
            )
        except (TransportError, ApiError) as error:
            raise unavailable(self.endpoint, error) from error
        self.live = name

    def _prune(self):
        old = sorted(
            (
                (created, name)
                for name, (created, aliased) in self._versions().items()
                if not aliased
            ),
            reverse=True,
        )
        for _, name in old[self.keep :]:
            self.client.indices.delete(index=name)

    def _delete_quietly(self, name):
        try:
            self.client.options(max_retries=0, request_timeout=10).indices.delete(
                index=name, ignore_unavailable=True
            )
        except (TransportError, ApiError) as error:
            log.warning(
                "could not delete the unfinished index %s (%s); the next reindex will", name, error
            )
