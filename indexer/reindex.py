"""`bahth reindex`: the whole archive into a new index, switched in when
complete; `bahth add`: more articles into the live index, in place.

Worker processes first read the input for the abstracts and titles of its
records (indexer.leads: the other stories a page lists or links to are
cut; an `add` knows the live index's too), then
read, clean and analyse shares of it (readers.Plan); the main process
loads their articles in input order into a new index version, counts
everything, writes every rejected record to the rejects file, and switches
the live index only at the end. An exception, Ctrl-C or too many rejects
leave the live index as it was.

`add` reads the same way and hands each article to the store's Updater,
which commits in batches: what was committed before an interruption stays
(running the same add again completes it: an identical record changes
nothing), the unfinished batch is dropped.
"""

import json
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
import time
from array import array
from collections import Counter, deque
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from indexer.actors import Gazetteer
from indexer.arabic import native, use_lexicon
from indexer.articles import (
    MAX_BODY_CHARS,
    ArticleBuilder,
    RecordError,
    analyze_article,
    record_leads,
)
from indexer.leads import Leads
from indexer.readers import (
    MAX_EXPANDED_BYTES,
    Notice,
    Plan,
    RawRecord,
    printable,
    read_pieces,
)
from indexer.search.dedup import IdConflict
from indexer.search.request import SearchRequest
from indexer.sources import SourceTable
from indexer.status import heed, stopped

SHARE_BYTES = 2_000_000  # a worker's share of the input, roughly
SHARE_FILES = 200
LOG_EVERY_SECONDS = 10


@dataclass
class Options:
    forced_format: str | None = None
    column_map: dict = field(default_factory=dict)
    max_body_chars: int = MAX_BODY_CHARS
    max_expanded_bytes: int = MAX_EXPANDED_BYTES
    terms: bool = True  # the Python terms of each article (the store says, see run)
    lexicon: Path | None = None  # the index's own stemming lexicon (an add); None: the shipped one
    gazetteer: Gazetteer | None = None  # None: the shipped one
    leads: Leads | None = None  # the abstracts and titles of the records (the first pass's)


@dataclass
class Summary:
    read: int = 0
    indexed: int = 0
    duplicates: int = 0
    replaced: int = 0  # add: an ID already indexed, with new content
    unchanged: int = 0  # add: an ID already indexed, with the same content
    rejected: Counter = field(default_factory=Counter)
    first_rejected: dict = field(default_factory=dict)  # reason kind -> its first reason in full
    notes: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)  # files not in UTF-8, by what was chosen
    _decoded: set = field(default_factory=set, repr=False)  # (what was chosen, file) counted
    dated: int = 0
    seconds: float = 0.0

    @property
    def rejected_total(self):
        return sum(self.rejected.values())

    def reject(self, notice, kind=None):
        """Count a rejected record under its kind of reason (by default, its
        reason without the details)."""
        kind = kind or _reason_kind(notice)
        self.rejected[kind] += 1
        self.first_rejected.setdefault(kind, notice.reason)

    def why_rejected(self, most=3) -> str:
        """The commonest reasons records were rejected for, the first in full
        (where it says more: its record's other fields, say)."""
        reasons = self.rejected.most_common(most)
        return "; ".join(
            f"{count:,} rejected for {self.first_rejected[kind] if n == 0 else kind}"
            for n, (kind, count) in enumerate(reasons)
        )

    def lines(self):
        rate = self.read / self.seconds if self.seconds else 0
        yield (
            f"read {self.read:,} records in {self.seconds:.1f} s ({rate:,.0f}/s): "
            f"{self.indexed:,} indexed, {self.duplicates:,} exact duplicates, "
            f"{self.rejected_total:,} rejected"
            + (f", {self.replaced:,} replaced" if self.replaced else "")
            + (f", {self.unchanged:,} unchanged" if self.unchanged else "")
        )
        for reason, count in self.rejected.most_common():
            yield f"  rejected {count:,}: {reason}"
        for note, count in self.notes.most_common():
            if note == "skipped":  # files, and items that are no articles: not kept
                why = "not read, or no article (each named, and why, in the rejects file)"
                yield f"  left out {count:,}: {why}"
            else:
                yield f"  kept with a note {count:,}: {note}"
        for choice, count in self.encodings.most_common():
            yield f"  {choice}: {count:,} file{'' if count == 1 else 's'}"
        written = self.indexed + self.replaced
        if written:
            yield f"  {len(self.sources):,} sources; {self.dated:,} of {written:,} articles dated"
        elif self.unchanged:
            yield "  nothing to write: every article read is in the index as it is"

    def to_json(self):
        return {
            "read": self.read,
            "indexed": self.indexed,
            "duplicates": self.duplicates,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "rejected": self.rejected_total,
            "rejected_by_reason": dict(self.rejected),
            "notes": dict(self.notes),
            "encodings": dict(self.encodings),
            "sources": len(self.sources),
            "dated": self.dated,
            "seconds": round(self.seconds, 3),
        }


# --- worker side -------------------------------------------------------------

_builder = None
_options = None


def _start_worker(set_up, options):
    """The pool's initializer: a worker process."""
    # Ctrl-C and SIGTERM are the main process's to handle: it stops the pool
    # and drops the half-built index (the pool ends its workers with SIGTERM).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    set_up(options)


def _die_with_parent():
    """Have the kernel end this worker when its parent ends, however it ends
    (kill -9 of a reindex): a worker left behind would wait for work forever.
    Linux only (prctl PR_SET_PDEATHSIG); elsewhere the pool's own checks."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent was gone before the call
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _pool_context():
    """Workers forked from a fork server: a process started clean, before any
    lock, index writer or thread of the main process existed, so that a
    worker inherits none of them (a worker that held the writer lock or
    tantivy's meta lock after its parent died kept every later writer out).
    The fork server ends when the main process ends, and its workers with it."""
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["indexer.reindex", "indexer.arabic.prebuilt"])
        return context
    return multiprocessing.get_context("spawn")


def _set_up(options):
    """What _prepare needs, in a worker or, with one worker, in the main process itself."""
    global _builder, _options
    _options = options
    use_lexicon(options.lexicon)
    native.analysis()  # the analysis of what it indexes (a forked worker has it built)
    _builder = ArticleBuilder(
        max_body_chars=options.max_body_chars, gazetteer=options.gazetteer, leads=options.leads
    )


_sources = None


def _set_up_reading(options):
    """What _leads_of needs: the readers and the outlets' table."""
    global _options, _sources
    _options = options
    _sources = SourceTable.load()


def _read(pieces):
    """The records and notices of a share's pieces, as the run's options read them."""
    return read_pieces(
        pieces, _options.forced_format, _options.column_map, _options.max_expanded_bytes
    )


def _leads_of(pieces):
    """The abstracts and titles (`Leads`' hashes) of a share's records (in a worker)."""
    found = []
    for item in _read(pieces):
        if isinstance(item, RawRecord):
            try:
                found += record_leads(item.fields, _sources)
            except (ValueError, TypeError, RecursionError, UnicodeError):
                continue  # the second pass rejects the record and says why
    return found


def _prepare(pieces):
    """Read, clean and analyse the records of a share's pieces (in a worker)."""
    items = []
    for item in _read(pieces):
        if isinstance(item, Notice):
            items.append(item)
            continue
        try:
            built = _builder.build(item)
        except RecordError as error:
            items.append(_rejection(item, error.field, error.reason))
            continue
        except (ValueError, TypeError, RecursionError, UnicodeError) as error:
            # Whatever else a record holds must cost that record, never the run.
            items.append(_rejection(item, None, f"cannot be read: {error}"))
            continue
        analyzed = analyze_article(built.article, _options.terms)
        items.append((built.article, analyzed, built.notes))
    return items


def archive_leads(paths, workers=1) -> Leads:
    """The abstracts and titles of the records under `paths`: what a
    reindex of them knows of other stories in its first pass."""
    plan = Plan(paths, SHARE_BYTES, SHARE_FILES, MAX_EXPANDED_BYTES, None)
    return _leads(plan, Options(), workers, None)


def indexed_leads(backend) -> array:
    """The abstracts and titles of the articles of a live index (`Leads`'
    hashes): what an `add` knows of the stories its pages may list or link
    to, beside those it reads (a re-added page is cut as the reindex cut it)."""
    sources = SourceTable.load()
    found = array("Q")
    request = SearchRequest.from_params({"sort": ["oldest"], "mode": ["words"]})
    for record, _ in backend.export(request, fields=("title", "source", "url", "extra")):
        extra = record.get("extra") or {}
        fields = {name: record.get(name) for name in ("title", "source", "url")}
        found.extend(record_leads({**fields, "abstract": extra.get("abstract")}, sources))
    return found


def _leads(plan, options, workers, stop, progress=None, known=()) -> Leads:
    """The first pass: the leads of every record of `plan` (`_leads_of`),
    with those `known` already; `progress(done_bytes, total_bytes)` after
    each share."""
    found = array("Q", known)
    done_bytes = 0
    options = replace(options, gazetteer=None)  # only the readers' options: no worker needs it
    shares = _prepared_shares(plan, options, workers, stop, work=_leads_of, set_up=_set_up_reading)
    if progress is not None:
        progress(0, plan.total_bytes)
    for leads, size in shares:
        heed(stop)
        found.extend(leads)
        done_bytes += size
        if progress is not None:
            progress(done_bytes, plan.total_bytes)
    return Leads(found)


def _rejection(raw: RawRecord, field_name, reason):
    try:
        text = json.dumps(raw.fields, ensure_ascii=False, default=str)[:2000]
        text.encode("utf-8")
    except (ValueError, RecursionError, UnicodeError):
        text = "(a record that cannot be shown)"
    return Notice(raw.origin, raw.line, field_name, reason, text)


# --- main side ---------------------------------------------------------------


def _prepared_shares(plan, options, workers, stop=None, work=_prepare, set_up=_set_up):
    """(what `work` makes of each share, its bytes) in input order, at most 2
    a worker in flight: its prepared items (or, with _leads_of, its leads)."""
    heed(stop)  # (a signal to the whole group ends the fork server too)
    if workers <= 1:
        set_up(options)  # the main process keeps its own signal handlers
        for share in plan:
            yield work(share.pieces), share.size
        return
    try:
        pool = _pool_context().Pool(workers, initializer=_start_worker, initargs=(set_up, options))
    except (EOFError, OSError):
        if stop is not None and stop.is_set():
            # The fork server, starting, ended by the signal that stopped the run.
            raise stopped(stop) from None
        raise
    started = list(pool._pool)  # the workers; the pool starts another where one ends
    try:
        pending = deque()
        for share in plan:
            pending.append((pool.apply_async(work, (share.pieces,)), share.size))
            if len(pending) >= 2 * workers:
                result, done = pending.popleft()
                yield _taken(result, started, stop), done
        while pending:
            result, done = pending.popleft()
            yield _taken(result, started, stop), done
    except BaseException:  # interrupted, stopped, failed: workers may be mid-send
        _abandon(pool)
        raise
    pool.terminate()  # every result taken: the workers wait for work


WAIT_SECONDS = 0.5  # how often a wait for a share looks at the stop and at the workers


class WorkerLost(Exception):
    """A worker process ended in the middle of the run (killed: out of memory?)."""


def _taken(result, workers, stop):
    """A share's result, once its worker sends it. The pool itself would
    wait forever for the share of a worker that ended (killed by the
    kernel for memory, or by a signal to the whole process group): that is
    a failure of the run, and a stop (SIGTERM) is heeded while waiting."""
    while True:
        try:
            return result.get(timeout=WAIT_SECONDS)
        except multiprocessing.TimeoutError:
            if stop is not None and stop.is_set():
                raise stopped(stop) from None
            for worker in workers:
                if worker.exitcode is not None:
                    how = (
                        f"by signal {-worker.exitcode}"
                        if worker.exitcode < 0
                        else f"with status {worker.exitcode}"
                    )
                    raise WorkerLost(
                        f"a worker process (pid {worker.pid}) ended {how} in the middle of "
                        "the run, its articles unread (out of memory? killed?)"
                    ) from None


def _abandon(pool):
    """End a pool whose workers may be blocked sending results no one will
    read. Pool.terminate can then wait forever: its result thread stops
    reading, and its sentinel needs the queue's lock, which such a worker
    holds. The workers are killed (nothing of theirs is kept), and the
    pool's terminate runs on a thread of its own, not waited for.

    The pool's worker handler is stopped first, and waited for (a second
    at most; nothing it does blocks): it starts a worker in the place of
    each one that ends, and one started after the kills (a busy machine
    runs the handler before terminate's thread) fails once this process is
    gone, with a traceback on its stderr, and its request to the fork
    server can end this process by SIGPIPE. Pool has no public way to stop
    it but terminate, which is the call that can block. A worker it started
    before it stopped is killed with the others.

    Ctrl-C is ignored meanwhile (a second one, as the first stops the run):
    raised halfway, it would leave workers alive and the pool to the
    interpreter's exit, whose own terminate can then block."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        handler = getattr(pool, "_worker_handler", None)
        if handler is not None:
            handler._state = multiprocessing.pool.TERMINATE
            notifier = getattr(pool, "_change_notifier", None)
            if notifier is not None:
                notifier.put(None)  # it wakes, sees the state and ends
            handler.join(timeout=1)
        for process in multiprocessing.active_children():
            process.kill()
        threading.Thread(target=pool.terminate, name="abandoned pool", daemon=True).start()
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)


class Rejects:
    """The rejects file: one JSON line per record not indexed, or indexed with
    a note. It is made at the first line, once the run has begun (holds the
    writer's lock): a run with nothing to report leaves no file (one of a
    run before it under that name is removed), and a run refused because
    another writer is busy touches none."""

    def __init__(self, path):
        self.path = path
        self._file = None
        self.written = 0

    def begin(self):
        if self.path and os.path.lexists(self.path):
            os.remove(self.path)  # an earlier run's: not this one's report

    def write(self, notice: Notice):
        if self.path:
            if self._file is None:
                self._file = open(self.path, "w", encoding="utf-8")
            self.written += 1
            record = asdict(notice)
            record["file"] = record.pop("origin")
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()  # a disk that is full fails the run here, before any switch

    def close(self):
        if self._file:
            self._file.close()


class NotSwitched(Exception):
    """The new index is unfit to replace the live one; nothing was switched."""


class TooManyRejects(NotSwitched):
    pass


class NothingIndexed(NotSwitched):
    pass


def run(paths, store, **how):
    """Reindex everything under `paths` into `store`; returns the Summary.

    Raises ArchiveError for a path that does not exist or holds no file
    (before anything is built), TooManyRejects when more than `max_rejects`
    records are rejected and NothingIndexed when no article could be indexed
    (in both cases nothing is switched). `stop`, a threading.Event, is looked
    at between records: once set, the run ends with Terminated (or what a
    status.Stop says: KeyboardInterrupt for a Ctrl-C). (A signal
    handler sets it rather than raising: an exception raised at any point
    could leave the worker pool's locks taken, and its shutdown waiting.)
    Busy when another reindex, add or remove is writing.
    """
    return _run(paths, store, store.new_version, True, **how)


def add(paths, store, **how):
    """Add, replace or leave each article under `paths` in the live index
    (store.changing); the Summary counts replaced and unchanged ones too.
    The same exceptions as `run`; what was committed before one stays.
    `known_leads`, when given, says (called once the run has begun) the
    leads the live index holds (`indexed_leads`)."""
    return _run(paths, store, store.changing, False, **how)


def _run(
    paths,
    store,
    opening,
    whole,
    *,
    options=None,
    rejects_path=None,
    max_rejects=None,
    progress=None,
    workers=None,
    stop=None,
    leads_progress=None,
    known_leads=None,
):
    options = options or Options()
    plan = Plan(paths, SHARE_BYTES, SHARE_FILES, options.max_expanded_bytes, options.forced_format)
    workers = workers or max(1, min((os.cpu_count() or 1) - store.spare_cores, 8))
    summary = Summary()
    rejects = Rejects(rejects_path)
    started = time.monotonic()
    progress = progress or (lambda *_: None)
    try:
        with opening() as loader:  # the writer's lock taken: the run has begun
            rejects.begin()
            for path, why in plan.skipped:
                rejects.write(Notice(printable(path), None, None, why, action="skipped"))
                summary.notes["skipped"] += 1
            options = replace(options, terms=loader.wants_terms, lexicon=loader.lexicon)
            known = known_leads() if known_leads is not None else ()
            leads = _leads(plan, options, workers, stop, leads_progress, known)
            options = replace(options, leads=leads)
            progress(summary, 0, plan.total_bytes)
            done_bytes = 0
            for items, size in _prepared_shares(plan, options, workers, stop):
                for item in items:
                    heed(stop)
                    _take(item, loader, summary, rejects)
                _refused(loader.refused(), summary, rejects)
                _check_rejects(summary, max_rejects)
                done_bytes += size
                summary.seconds = time.monotonic() - started
                progress(summary, done_bytes, plan.total_bytes)
            heed(stop)  # after the last record: the index is not switched in
            _refused(loader.refused(wait=True), summary, rejects)
            _check_rejects(summary, max_rejects)
            if whole and not summary.indexed:
                raise NothingIndexed(
                    f"no article could be indexed from {summary.read:,} records read"
                    + (f" ({summary.why_rejected()})" if summary.rejected else "")
                )
    finally:
        summary.seconds = time.monotonic() - started
        rejects.close()
    return summary


def _take(item, loader, summary, rejects):
    """Count one item of a share and hand its article to the loader."""
    if isinstance(item, Notice) and not item.rejected:
        # What a reader repaired or decided about a file (bad bytes, an encoding).
        summary.notes[item.action.replace("_", " ")] += 1
        if item.action == "decoded" and (item.reason, item.origin) not in summary._decoded:
            # A file once, whether the code page was chosen for it or for lines of it.
            summary._decoded.add((item.reason, item.origin))
            summary.encodings[item.reason] += 1
        rejects.write(item)
        return
    summary.read += 1
    if isinstance(item, Notice):
        summary.reject(item)
        rejects.write(item)
        return
    article, analyzed, notes = item
    try:
        outcome = loader.add(article, analyzed)
    except IdConflict as conflict:
        notice = _rejection_of(article, "id", str(conflict))
        summary.reject(notice, "id already used with different content")
        rejects.write(notice)
        return
    if outcome == "duplicate":
        summary.duplicates += 1
        return
    if outcome == "unchanged":
        summary.unchanged += 1
        return
    if outcome == "replaced":
        summary.replaced += 1
    else:
        summary.indexed += 1
    summary.sources[article.source] += 1  # of the articles written, new or replaced
    summary.dated += article.date is not None
    for note in notes:
        summary.notes[note.action.replace("_", " ")] += 1
        rejects.write(note)


def _check_rejects(summary, max_rejects):
    if max_rejects is not None and summary.rejected_total > max_rejects:
        raise TooManyRejects(
            f"more than {max_rejects:,} records rejected ({summary.why_rejected()})"
        )


def _refused(refusals, summary, rejects):
    """Articles counted as indexed that the store refused when it saw them."""
    for refusal in refusals:
        article = refusal.article
        summary.indexed -= 1
        summary.sources -= Counter({article.source: 1})  # a source left with none goes
        summary.dated -= article.date is not None
        notice = _rejection_of(article, refusal.field, f"refused by the index: {refusal.reason}")
        summary.reject(notice)
        rejects.write(notice)


def _rejection_of(article, field, reason):
    """A rejection of a built article, at the file and line it came from."""
    record = json.dumps({"id": article.id, "title": article.title}, ensure_ascii=False)
    return Notice(article.origin, article.line, field, reason, record)


def _reason_kind(notice):
    """A short class of reason for the summary: the reason without its details."""
    reason = notice.reason.split(" (", 1)[0].split(":", 1)[0]
    return f"{notice.field}: {reason}" if notice.field else reason
