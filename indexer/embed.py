"""`bahth embed`: a vector for every article of the live index that has none.

The words of an index and its vectors are built apart: a reindex or an add
writes the articles (their words are searchable at once), then, with
BAHTH_EMBEDDINGS=on, this stage embeds the articles that have no vector
for their present text (those whose passage the version a reindex replaced
had embedded take that vector: a reindex of an unchanged archive embeds
nothing again). Each commit holds a few hundred vectors, so that a
stage that is stopped (Ctrl-C, a kill) keeps what it committed and the next
one goes on from there; the vectors of articles no longer in the index are
dropped first. Search by meaning covers what has been embedded so far, and
says so.
"""

import time
from dataclasses import dataclass

from indexer.status import heed

MODEL_BATCH = 32  # passages the model embeds at once
COMMIT_EVERY = 512  # passages a commit holds


@dataclass
class EmbedSummary:
    embedded: int = 0
    carried: int = 0  # vectors taken from the version a reindex replaced
    pruned: int = 0
    seconds: float = 0.0

    def lines(self):
        rate = self.embedded / self.seconds if self.seconds else 0
        yield (
            f"embedded {self.embedded:,} articles in {self.seconds:.1f} s ({rate:,.1f}/s)"
            + (f"; {self.carried:,} unchanged kept their vectors" if self.carried else "")
            + (f"; {self.pruned:,} vectors of removed articles dropped" if self.pruned else "")
        )

    def to_json(self):
        return {
            "embedded": self.embedded,
            "carried": self.carried,
            "pruned": self.pruned,
            "seconds": round(self.seconds, 3),
        }


def run(store, model=None, progress=None, stop=None) -> EmbedSummary:
    """Embed the articles of `store`'s live index that need it. `progress(done,
    total, seconds)` after each commit; `stop` (a threading.Event) ends the
    run between the model's batches (status.stopped: Terminated, or
    KeyboardInterrupt for a Ctrl-C), what was committed kept."""
    from indexer import embeddings

    model = model or embeddings.model()
    progress = progress or (lambda *_: None)
    summary = EmbedSummary()
    started = time.monotonic()
    with store.embedding() as filling:
        survey = filling.survey(model.name, COMMIT_EVERY)
        summary.pruned, summary.carried, total = survey.dropped, survey.carried, survey.wanted
        progress(0, total, 0.0)
        for chosen in survey.batches:
            texts = [text for _, _, text in chosen]
            vectors = []
            for start in range(0, len(texts), MODEL_BATCH):
                heed(stop)  # the batch not committed is embedded next time
                vectors.append(model.passages(texts[start : start + MODEL_BATCH]))
            filling.put(model.name, [(i, k) for i, k, _ in chosen], _stacked(vectors))
            summary.embedded += len(chosen)
            summary.seconds = time.monotonic() - started
            progress(summary.embedded, total, summary.seconds)
        filling.finish(model.name)
    summary.seconds = time.monotonic() - started
    return summary


def _stacked(parts):
    import numpy as np

    return np.vstack(parts)
