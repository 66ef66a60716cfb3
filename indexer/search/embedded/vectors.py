"""The embedded index's vectors (search by meaning), beside its tantivy index.

A folder `vectors/` in the index version holds segments, each written
once and committed by a rename:

- `NNNNNNNN.f32`: the vectors, float32 rows of the model's dimensions;
- `NNNNNNNN.json`: {"model", "dimensions", "entries": [[id, key], ...]},
  one entry per row in order; an entry whose key is "" has no row: the
  article was removed. It is written last: a segment without it is not one.

A later segment's entry for an ID replaces an earlier one's. `key` is the
digest of the embedded passage: an article whose text changed (an add that
replaced it) no longer matches its key and is embedded again.

When a reindex replaces a version, its `vectors/` is set aside in the data
folder (`REPLACED`) rather than deleted: the next embedding stage takes the
vectors of the articles whose passage (key) has not changed, and deletes
the rest.

A search compares the query with every vector (exact), reading the
segments through memory maps, so that every web worker shares one copy in
the page cache. float32 rather than float16, measured (`scripts/bench-embeddings
--scan`): numpy multiplies float32 with BLAS straight from the map, while
float16 must be converted first: the 100 nearest of 40,000 vectors took
86 ms in float16 against 7 ms (677 against 61 ms at 400,000), for twice
the disk (2 KB an article).
"""

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tantivy

from indexer.embeddings import passage, passage_key

from ..contract import Survey
from .schema import record_of

log = logging.getLogger(__name__)

FOLDER = "vectors"
REPLACED = "vectors-replaced"  # in the data folder: FOLDER of the version a reindex replaced
CHUNK_ROWS = 65_536  # rows compared at a time
MERGE_AT = 32  # segments past which a writer merges them into one


@dataclass
class _Segment:
    rows: np.ndarray  # (n, dimensions) float32, memory-mapped
    ids: list[str]  # of the rows, in order
    alive: np.ndarray  # bool per row: not replaced or removed by a later segment


class Vectors:
    def __init__(self, version: Path, folder: str = FOLDER):
        self.folder = Path(version) / folder
        self._stamp: int | None = None
        self._segments: list[_Segment] = []
        self._keys: dict[str, str] = {}
        self._place: dict[str, tuple[int, int]] = {}
        self.model = ""

    # --- reading ----------------------------------------------------------

    def _names(self) -> list[Path]:
        try:
            return sorted(self.folder.glob("*.json"))
        except FileNotFoundError:
            return []

    def refresh(self) -> None:
        """Read the segments again when a writer committed one."""
        try:
            stamp = self.folder.stat().st_mtime_ns
        except FileNotFoundError:
            stamp = 0
        if stamp == self._stamp:
            return
        keys: dict[str, str] = {}
        place: dict[str, tuple[int, int]] = {}  # id -> (segment, row) of its live vector
        segments: list[_Segment] = []
        self.model = ""  # until a segment says
        for name in self._names():
            meta = json.loads(name.read_text(encoding="utf-8"))
            self.model = meta["model"]
            entries = meta["entries"]
            count = sum(1 for _, key in entries if key)
            rows = _rows(name.with_suffix(".f32"), count, meta["dimensions"])
            if rows is None:  # damaged: its articles are embedded again by `bahth embed`
                entries = [(article_id, "") for article_id, _ in entries]
                rows, count = np.zeros((0, meta["dimensions"]), np.float32), 0
            segment = _Segment(rows, [], np.ones(count, dtype=bool))
            segments.append(segment)
            for article_id, key in entries:
                if (old := place.pop(article_id, None)) is not None:
                    segments[old[0]].alive[old[1]] = False
                if key:
                    place[article_id] = (len(segments) - 1, len(segment.ids))
                    segment.ids.append(article_id)
                    keys[article_id] = key
                else:
                    keys.pop(article_id, None)
        self._segments, self._keys, self._place, self._stamp = segments, keys, place, stamp

    def keys(self) -> dict[str, str]:
        """{article ID: key of its embedded passage} of every embedded article."""
        self.refresh()
        return self._keys

    def vector(self, article_id: str) -> np.ndarray | None:
        """The vector of an article, None when it has none."""
        self.refresh()
        if (where := self._place.get(article_id)) is None:
            return None
        segment, row = where
        return np.asarray(self._segments[segment].rows[row], dtype=np.float32)

    def rows(self, article_ids) -> np.ndarray:
        """The vectors of these articles (each has one), in order."""
        self.refresh()
        places = [self._place[article_id] for article_id in article_ids]
        return np.vstack([self._segments[segment].rows[row] for segment, row in places])

    def nearest(self, query: np.ndarray, size: int) -> list[tuple[str, float]]:
        """The `size` articles whose vectors are closest to `query`, with their
        cosine, closest first."""
        self.refresh()
        query = np.asarray(query, dtype=np.float32)
        found: list[tuple[float, str]] = []
        for segment in self._segments:
            for start in range(0, len(segment.ids), CHUNK_ROWS):
                scores = segment.rows[start : start + CHUNK_ROWS] @ query
                scores[~segment.alive[start : start + CHUNK_ROWS]] = -np.inf
                take = min(size, len(scores))
                if not take:
                    continue
                best = np.argpartition(-scores, take - 1)[:take]
                found += [
                    (float(scores[i]), segment.ids[start + i])
                    for i in best
                    if np.isfinite(scores[i])
                ]
        found.sort(reverse=True)
        return [(article_id, score) for score, article_id in found[:size]]

    # --- writing ----------------------------------------------------------

    def write(self, model: str, entries: list[tuple[str, str]], vectors=None) -> None:
        """Commit one segment: `entries` (ID, key) with their `vectors` in order,
        or removals (key "", no vector)."""
        if not entries:
            return
        self.folder.mkdir(exist_ok=True)
        number = int(self._names()[-1].stem) + 1 if self._names() else 1
        name = self.folder / f"{number:08d}"
        dimensions = 0
        if vectors is not None and len(vectors):
            rows = np.asarray(vectors, dtype=np.float32)
            dimensions = rows.shape[1]
            _write_atomically(name.with_suffix(".f32"), rows.tobytes())
        meta = {"model": model, "dimensions": dimensions, "entries": [list(e) for e in entries]}
        _write_atomically(name.with_suffix(".json"), json.dumps(meta).encode("utf-8"))

    def remove(self, article_ids) -> None:
        """Drop the vectors of articles no longer in the index."""
        known = self.keys()
        self.write(self.model, [(i, "") for i in article_ids if i in known])

    def merge(self, model: str) -> None:
        """Rewrite every live vector into one segment when there are many."""
        names = self._names()
        if len(names) <= MERGE_AT:
            return
        self.refresh()
        entries, parts = [], []
        for segment in self._segments:
            for row, article_id in enumerate(segment.ids):
                if segment.alive[row]:
                    entries.append((article_id, self._keys[article_id]))
                    parts.append(np.asarray(segment.rows[row]))
        self.write(model, entries, np.vstack(parts) if parts else None)
        for name in names:  # the merged segment holds them all now
            name.unlink()
            name.with_suffix(".f32").unlink(missing_ok=True)

    def __len__(self) -> int:
        return len(self.keys())


def _rows(path: Path, count: int, dimensions: int) -> np.ndarray | None:
    """The `count` rows of a segment's data file, memory-mapped; None (and a
    warning) for a file missing or not of that size."""
    if not count:
        return np.zeros((0, dimensions), np.float32)
    try:
        if path.stat().st_size == count * dimensions * 4:
            return np.memmap(path, np.float32, "r").reshape(count, dimensions)
    except FileNotFoundError:
        pass
    log.warning("%s is missing or damaged: its %d vectors are left out", path, count)
    return None


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".partial")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def set_aside(version: Path, data_dir: Path) -> None:
    """Keep the vectors of a version a reindex replaces (REPLACED) for the
    next embedding stage, in place of those set aside before."""
    folder = version / FOLDER
    if not folder.is_dir():
        return  # built without vectors: those set aside before are still the newest
    shutil.rmtree(data_dir / REPLACED, ignore_errors=True)
    os.replace(folder, data_dir / REPLACED)


class Filling:
    """The articles of a live index version that need a vector, and where
    their vectors go (`bahth embed`, and reindex and add with embeddings on)."""

    def __init__(self, version: Path, index):
        self.vectors = Vectors(version)
        self.index = index
        self.replaced = Vectors(version.parent, REPLACED)  # set_aside's

    def survey(self, model: str, batch: int) -> Survey:
        """One reading of every article: the vectors of articles the index
        no longer shows are dropped, those without a vector of `model` for
        their present text take the replaced version's where it has one for
        the same text, and the rest are to embed."""
        searcher = self.index.searcher()
        self.vectors.refresh()
        self.replaced.refresh()
        if self.vectors.model not in ("", model):  # another model's: of no use to this one
            shutil.rmtree(self.vectors.folder, ignore_errors=True)
            self.vectors.refresh()
        known = self.vectors.keys()
        before = self.replaced.keys() if self.replaced.model == model else {}
        hits = searcher.search(tantivy.Query.all_query(), max(searcher.num_docs, 1)).hits
        shown, wanted, carried = set(), [], []
        for _, address in hits:
            article_id, key, _ = _passage_of(searcher, address)
            shown.add(article_id)
            if known.get(article_id) == key:
                continue
            if before.get(article_id) == key:
                carried.append((article_id, key))
            else:
                wanted.append(address)
        gone = [article_id for article_id in self.vectors.keys() if article_id not in shown]
        self.vectors.remove(gone)
        for start in range(0, len(carried), CHUNK_ROWS):
            taken = carried[start : start + CHUNK_ROWS]
            self.vectors.write(model, taken, self.replaced.rows([i for i, _ in taken]))
        shutil.rmtree(self.replaced.folder, ignore_errors=True)  # what it could give is taken

        def batches():
            # Read again batch by batch: the passages of a whole archive are
            # not held in memory at once.
            for start in range(0, len(wanted), batch):
                yield [_passage_of(searcher, a) for a in wanted[start : start + batch]]

        return Survey(len(gone), len(carried), len(wanted), batches())

    def put(self, model: str, entries, vectors) -> None:
        self.vectors.write(model, entries, vectors)

    def finish(self, model: str) -> None:
        self.vectors.merge(model)


def _passage_of(searcher, address) -> tuple[str, str, str]:
    """(ID, key, passage) of the article at a document address."""
    record = record_of(searcher.doc(address))
    text = passage(record["title"], record["body"])
    return record["id"], passage_key(text), text
