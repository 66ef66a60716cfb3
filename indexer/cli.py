"""The `bahth` command line: reindex, add, remove, search, serve, analyze."""

import argparse
import contextlib
import getpass
import glob
import ipaddress
import json
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from indexer import __version__, embeddings, logs
from indexer.arabic import analyze, normalize
from indexer.readers import FORMATS
from indexer.runs import FIRST_PASS, Run
from indexer.search.facets import FACETS, MATCHES
from indexer.search.fusion import MODES
from indexer.search.locks import process_running
from indexer.search.request import SORTS
from indexer.settings import SETTINGS, Settings, SettingsError
from indexer.status import CommandError, ExitStatus, Stop, complain, failure

log = logging.getLogger("bahth")


def cmd_reindex(args, settings):
    """Index everything under PATH... into a new index and switch to it when complete.

    PATH may be files, folders (read recursively), globs, .zip archives, tars
    and gzip, bzip2 or xz files of JSONL (or JSON), CSV, TREC-style SGML or
    scraped pages (text or HTML). Rejected
    records are listed in the rejects file with file, line, field and reason.
    Exit status: 0 all indexed; 3 some records rejected (index switched);
    1 failure or --max-rejects exceeded (live index untouched); 75 another
    reindex, add or remove is writing (nothing done); 130 interrupted.
    """
    return _ingest("reindex", args, settings)


def cmd_add(args, settings):
    """Add the articles under PATH... to the live index, without a rebuild.

    Reads what reindex reads, the same way. A new ID is added; an ID already
    indexed with other content is replaced; an identical record changes
    nothing, so adding the same files again is harmless. An exact copy of an
    indexed article joins its "also published by". Changes are committed in
    batches of 2,000 articles: searches see a batch whole or not at all, and
    an interrupted add keeps the batches it committed (run it again to finish).
    Exit status: 0 all added; 3 some records rejected; 1 failure or
    --max-rejects exceeded (the batch under way is dropped); 75 another
    reindex, add or remove is writing (nothing done); 130 interrupted.
    """
    return _ingest("add", args, settings)


@contextmanager
def meaning(note):
    """Add `note`, what a failure inside the block means for the index, to
    what it raises (status.failure ends the line with it)."""
    try:
        yield
    except BaseException as error:
        error.add_note(note)
        raise


def _at_least(lowest: int):
    """An argparse type: a whole number, `lowest` or more."""

    def whole(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
        if value < lowest:
            raise argparse.ArgumentTypeError(f"must be {lowest} or more, not {value}")
        return value

    return whole


def _workers(text: str) -> int:
    """Worker processes: 1 or more, and no more than 4 a core (100 on two
    cores made a 1-second run take 40, and each takes its memory)."""
    value = _at_least(1)(text)
    most = 4 * (os.cpu_count() or 1)
    if value > most:
        raise argparse.ArgumentTypeError(
            f"{value} is more than 4 a core ({most} here): more only slow the run and take memory"
        )
    return value


def _among(path: Path, paths) -> bool:
    """Whether `path` is one of `paths` (a glob: of the files it names), or
    inside one of them that is a folder."""
    where = path.resolve()
    for typed in map(str, paths):
        named = [typed]
        if any(c in typed for c in "*?[") and not os.path.lexists(typed):
            named = glob.glob(typed, recursive=True) or [typed]
            if where.parent.match(str(Path(typed).parent)) and where.match(Path(typed).name):
                return True  # the rejects file itself, made after, would be read next time
        for given in map(Path, named):
            given = given.resolve()
            if where == given or (given.is_dir() and where.is_relative_to(given)):
                return True
    return False


def _ingest(command, args, settings):
    from indexer import reindex
    from indexer.search import Busy, open_store

    gazetteer = _gazetteer(settings)
    store = open_store(settings)
    rejects_path = (
        Path(args.rejects)
        if args.rejects
        else Path(settings.data_dir)
        / ("rejects-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + ".jsonl")
    )
    if args.rejects and _among(rejects_path, args.paths):
        raise CommandError(
            f"--rejects {args.rejects} is among the files to read: it would be written over",
            ExitStatus.USAGE,
        )
    rejects_path.parent.mkdir(parents=True, exist_ok=True)
    column_map = dict(pair.split("=", 1) for pair in args.map)
    options = reindex.Options(
        forced_format=args.format,
        column_map=column_map,
        max_body_chars=settings.max_body_chars,
        max_expanded_bytes=settings.max_expanded_bytes,
        gazetteer=gazetteer,
    )
    reporter = ProgressReporter(sys.stderr, command)
    first_pass = PassProgress(sys.stderr, f"{command}: abstracts and titles")  # indexer.leads
    run = Run(settings.data_dir, command)  # what /metrics shows of it

    def progress(summary, done_bytes, total_bytes):
        reporter(summary, done_bytes, total_bytes)
        share = done_bytes / total_bytes if total_bytes else 0.0
        run.progress(share, summary.read, summary.rejected_total)

    def leads_progress(done_bytes, total_bytes):
        first_pass(done_bytes, total_bytes)
        run.progress(done_bytes / total_bytes if total_bytes else 0.0, stage=FIRST_PASS)

    unchanged = (
        "the live index was not changed."
        if command == "reindex"
        else "the batches committed before stay; running the same add again completes it."
    )
    # Through the embedding stage too: no moment between the two is left to the default handlers.
    with _stops() as stop:
        try:
            with meaning(unchanged):
                summary = (reindex.run if command == "reindex" else reindex.add)(
                    args.paths,
                    store,
                    options=options,
                    rejects_path=rejects_path,
                    max_rejects=args.max_rejects,
                    progress=progress,
                    leads_progress=leads_progress,
                    workers=args.workers,
                    stop=stop,
                    # An add knows the live index's leads too: a page added again is cut
                    # as its reindex cut it.
                    known_leads=(
                        (lambda: reindex.indexed_leads(_writers_view(settings)))
                        if command == "add"
                        else None
                    ),
                )
        except Busy as error:
            error.__notes__ = ["nothing was done."]  # it never started: the other note is moot
            raise  # and the run state is the writer's that is busy
        except reindex.NotSwitched as error:
            error.add_note(f"rejected records: {rejects_path}")
            run.end("failed", error=str(error))
            raise
        except KeyboardInterrupt as error:  # and Terminated (SIGTERM)
            run.end("interrupted", error=str(error))
            raise
        except Exception as error:
            run.end("failed", error=str(error))
            raise
        finally:
            first_pass.close()
            reporter.close()
        status = ExitStatus.REJECTS if summary.rejected_total else ExitStatus.OK
        if not args.json:
            for line in summary.lines():
                print(line)
            print(f"index: {store.describe()}")
            if summary.rejected_total or sum(summary.notes.values()):
                print(f"rejected records and notes: {rejects_path}")
        embedded = None
        stopped = None  # why the embedding stage stopped, if it did
        if settings.embeddings == "on":
            done = (
                "the new index is live" if command == "reindex" else "its articles are in the index"
            )
            after_the_words = (
                f"the {command} itself is done ({done}) and searched by its words; `bahth embed` "
                "embeds the rest (BAHTH_EMBEDDINGS=off leaves it to that command)."
            )
            try:
                with meaning(after_the_words):
                    embedded = _embed(store, args.json, stop, note=False)
            except (Exception, KeyboardInterrupt) as error:
                outcome = "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
                run.end(outcome, summary.indexed, error=f"while embedding: {error}")
                if not args.json:
                    raise
                stopped = error
        if stopped is None:
            run.end("rejects" if summary.rejected_total else "succeeded", summary.indexed)
        if args.json:
            report = {
                "status": status,
                **summary.to_json(),
                "index": store.describe(),
                # The file exists only when a record was rejected or noted.
                "rejects_file": str(rejects_path) if rejects_path.exists() else None,
                "embeddings": embedded.to_json() if embedded else None,
            }
            if stopped is not None:
                # The summary of what was done stays: only the embedding stopped.
                status, report["error"] = failure(stopped)
                report["status"] = status
                complain(command, report["error"])
            print(json.dumps(report, ensure_ascii=False, indent=2))
        return status


def cmd_embed(args, settings):
    """Embed the articles of the live index that have no vector yet (search by meaning).

    Reindex and add do it themselves with BAHTH_EMBEDDINGS=on (the default);
    this command fills in an index built without it, or one whose embedding
    was stopped: it commits as it goes, so that running it again goes on
    where it stopped, and the index is searched by words (and by meaning,
    where there are vectors) all the while. Vectors of articles removed
    since are dropped. Exit status: 0 done; 1 failure (what was committed
    stays); 75 another reindex, add, remove or embed is writing; 130
    interrupted (what was committed stays).
    """
    from indexer.search import open_store

    store = open_store(settings)
    with _stops() as stop:
        summary = _embed(store, args.json, stop)
    if args.json:
        report = {"status": ExitStatus.OK, **summary.to_json(), "index": store.describe()}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return ExitStatus.OK


@contextlib.contextmanager
def _stops():
    """A Stop that SIGTERM (docker stop, systemd) and Ctrl-C set while the
    block runs: the run ends at its next record or batch, Terminated or
    interrupted, never between a new index switched in and the report of
    it. A second Ctrl-C interrupts at once."""
    stop = Stop()

    def interrupt(*_):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.error = KeyboardInterrupt
        stop.set()
        print("stopping at the next record or batch (Ctrl-C again: at once)", file=sys.stderr)

    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, lambda *_: stop.set())}
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a shell's background job's is
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, interrupt)
    try:
        yield stop
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _embed(store, quiet, stop, note=True):
    """The embedding stage (embed.run) with its progress bar, until `stop`
    is set; its summary printed unless `quiet`; a failure says what it
    leaves, with `note`."""
    from indexer import embed

    progress = StageProgress(sys.stderr, "embed")
    left = "the vectors committed before stay; `bahth embed` goes on from there."
    try:
        with meaning(left) if note else contextlib.nullcontext():
            summary = embed.run(store, progress=progress, stop=stop)
    finally:
        progress.close()
    if not quiet:
        for line in summary.lines():
            print(line)
    return summary


def cmd_remove(args, settings):
    """Remove articles from the live index: by ID, by outlet, or IDs listed in a file.

    An original's first copy takes its place ("also published by" moves with
    it). A removal that would empty the index is refused unless --all is given.
    Exit status: 0 every named article removed; 3 some IDs were not in the
    index (the others were removed); 1 failure (nothing removed); 2 nothing
    chosen; 75 another reindex, add or remove is writing (nothing done).
    """
    from indexer.remove import remove
    from indexer.search import BadRequest, open_store
    from indexer.search.request import typed_date

    ids = list(args.ids)
    if args.from_file:
        try:
            with open(args.from_file, encoding="utf-8") as listed:
                ids += [line.strip() for line in listed if line.strip()]
        except (OSError, UnicodeError) as error:
            raise CommandError(f"cannot read {args.from_file}: {error}", ExitStatus.USAGE) from None
    if args.before and not args.source:
        raise CommandError("--before needs --source", ExitStatus.USAGE)
    if not ids and not args.source:
        raise CommandError("name IDs, --source or --from-file", ExitStatus.USAGE)
    try:  # a day, a month or a year, as the search's dates are typed: its first day
        before = typed_date("date_from", args.before)
    except BadRequest as error:
        raise CommandError(f"--before {error.message}", ExitStatus.USAGE) from None
    if args.source:
        _check_outlet(args.source, settings)
    store = open_store(settings)
    with meaning("nothing was removed."):
        removal = remove(store, ids, args.source, before, everything=args.all)
    status = ExitStatus.REJECTS if removal.missing else ExitStatus.OK
    if args.json:
        report = {
            "status": status,
            "removed": [
                {k: r[k] for k in ("id", "source", "date", "title")} for r in removal.removed
            ],
            "missing": removal.missing,
            "index": store.describe(),
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return status
    for record in removal.removed:
        print(
            f"removed {record['id']}\t{record['source']}\t{record['date'] or ''}\t{record['title']}"
        )
    for article_id in removal.missing:
        complain("remove", f"not in the index: {article_id}")
    print(
        f"{len(removal.removed):,} removed, {len(removal.missing):,} not found; "
        f"index: {store.describe()}"
    )
    return status


def _check_outlet(source, settings):
    """An outlet that the index does not hold is a mistyped one (فرانس24 for
    فرانس 24): refused, with the closest outlets it holds, before anything
    is touched."""
    import difflib

    from indexer.arabic import normalize
    from indexer.search import open_backend

    outlets = open_backend(settings).values("source")
    if source in outlets:
        return
    by_form = {normalize(name).replace(" ", ""): name for name in outlets}
    close = difflib.get_close_matches(normalize(source).replace(" ", ""), by_form, n=3, cutoff=0.6)
    hint = "; closest: " + ", ".join(by_form[c] for c in close) if close else ""
    raise CommandError(
        f"--source {source!r}: no outlet of that name in the index{hint}", ExitStatus.USAGE
    )


def _writers_view(settings):
    """The live index as a writer reads it (its credentials, not the web app's)."""
    from indexer.search import open_backend

    return open_backend(settings, writer=True)


def _gazetteer(settings):
    """The configured actor gazetteer (GazetteerError names what is wrong with it)."""
    from indexer.actors import configured

    return configured(settings)


class _Progress:
    """A tqdm bar on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, stream, command):
        self.stream = stream
        self.command = command
        self.bar = None
        self.last_log = time.monotonic()

    def _bytes_bar(self, total_bytes, **shown):
        """A tqdm bar counting bytes of input, on the terminal."""
        from tqdm import tqdm

        self.bar = tqdm(
            total=total_bytes,
            unit="B",
            unit_scale=True,
            file=self.stream,
            dynamic_ncols=True,
            **shown,
        )

    def _line_due(self, finished) -> bool:
        """Whether a plain line is due (off a terminal): every ten seconds, and at the end."""
        if time.monotonic() - self.last_log >= 10 or finished:
            self.last_log = time.monotonic()
            return True
        return False

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class ProgressReporter(_Progress):
    """The reading of a reindex or an add, in bytes of input."""

    def __init__(self, stream, command="reindex"):
        super().__init__(stream, command)

    def __call__(self, summary, done_bytes, total_bytes):
        rate = summary.read / summary.seconds if summary.seconds else 0
        if self.stream.isatty():
            if self.bar is None:
                self._bytes_bar(
                    total_bytes,
                    bar_format="{desc} {percentage:3.0f}%|{bar}| "
                    "{n_fmt}/{total_fmt} [{elapsed}<{remaining}]",
                )
            self.bar.set_description_str(
                f"{self.command}: {summary.read:,} articles, {rate:,.0f} articles/s", refresh=False
            )
            self.bar.update(done_bytes - self.bar.n)
        elif self._line_due(done_bytes == total_bytes):
            share = 100 * done_bytes / total_bytes if total_bytes else 100
            print(
                f"{self.command}: {summary.read:,} articles read ({rate:,.0f}/s), "
                f"{summary.rejected_total:,} rejected, {share:.0f}% of input",
                file=self.stream,
                flush=True,
            )


class PassProgress(_Progress):
    """A first pass over the input (its records' abstracts and titles), in bytes of it."""

    def __call__(self, done_bytes, total_bytes):
        if self.stream.isatty():
            if self.bar is None:
                self._bytes_bar(total_bytes, leave=False)  # the reading's bar takes its place
                self.bar.set_description_str(self.command)
            self.bar.update(done_bytes - self.bar.n)
            if done_bytes >= total_bytes:
                self.close()
        elif self._line_due(done_bytes == total_bytes):
            share = 100 * done_bytes / total_bytes if total_bytes else 100
            print(f"{self.command}: {share:.0f}% of input", file=self.stream, flush=True)


class StageProgress(_Progress):
    """A stage counted in articles (embedding), with its rate and time left."""

    def __call__(self, done, total, seconds):
        if self.stream.isatty():
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit=" articles", file=self.stream, dynamic_ncols=True)
                self.bar.set_description_str(self.command)
            self.bar.update(done - self.bar.n)
        elif self._line_due(done == total):
            rate = done / seconds if seconds else 0
            left = f", about {(total - done) / rate / 60:.0f} min left" if rate else ""
            print(
                f"{self.command}: {done:,} of {total:,} articles ({rate:,.1f}/s{left})",
                file=self.stream,
                flush=True,
            )


# The option of `bahth search` that gives each search parameter its value
# where the two names differ.
_SEARCH_OPTIONS = {"q": "QUERY", "date_from": "--from", "date_to": "--to"}


def cmd_search(args, settings):
    """Search the index from the terminal: the same query language and filters as the page."""
    from indexer.search import BadRequest, SearchRequest, address, open_backend
    from indexer.search.suggest import did_you_mean

    params = {
        "q": [" ".join(args.query)],
        **{facet.name: getattr(args, facet.name) for facet in FACETS.values},
        **{
            f"{facet.name}_match": [getattr(args, f"{facet.name}_match")]
            for facet in FACETS.values
            if facet.match
        },
        "date_from": [args.date_from or ""],
        "date_to": [args.date_to or ""],
        "sort": [args.sort],
        "mode": [args.mode],
        "page": [str(args.page)],
        "size": [str(args.size)],
        "cursor": [args.cursor or ""],
    }
    from indexer.search.actors import ActorDirectory

    gazetteer = _gazetteer(settings)
    backend = open_backend(settings)

    # Actor values are read as the actors they name (actor=بوتين, actor=Putin),
    # and a known name in the query also looks for the index's spellings of it.
    @cache
    def actors():
        return ActorDirectory(backend.values("actor"), gazetteer)

    values = cache(backend.values)  # a source's or category's values, read as typed

    def request_of(changed):
        return SearchRequest.from_params(changed, settings, gazetteer, actors=actors, values=values)

    try:
        if args.batch is not None:
            if args.query:
                raise BadRequest("q", "give the queries in the --batch file, not here too")
            return _batch(args, params, request_of, backend)
        request, result = address.search(backend, request_of(params))
        request.check_page(result.total)
        result.suggestion = did_you_mean(request, result, backend, request_of, gazetteer)
    except BadRequest as error:
        option = _SEARCH_OPTIONS.get(error.parameter) or "--" + error.parameter.replace("_", "-")
        raise CommandError(f"{option}: {error.message}", ExitStatus.USAGE) from None
    if args.json:
        print(json.dumps(result.to_json(request), ensure_ascii=False, indent=2))
        return ExitStatus.OK
    _print_result(result, request)
    return ExitStatus.OK


def _batch(args, params, request_of, backend):
    """bahth search --batch FILE: each query of FILE (one a line; - reads
    standard input) counted under the other options' filters, as a table."""
    from indexer.articles import without_controls
    from indexer.search import batch

    try:
        with _opened(args.batch) as source:
            text = source.read()
    except OSError as error:
        raise CommandError(f"{args.batch}: {error.strerror or error}", ExitStatus.USAGE) from None
    except UnicodeDecodeError:
        raise CommandError(f"{args.batch}: not UTF-8 text", ExitStatus.USAGE) from None
    filters = {k: v for k, v in params.items() if k not in ("q", "sort", "page", "size", "cursor")}
    queries = batch.queries_of(text)
    counted = batch.counted(
        queries, lambda query: request_of(batch.request_params(query, filters)), backend
    )
    if args.json:
        rows = [row.to_json() for row in counted]
        print(json.dumps({"results": rows}, ensure_ascii=False, indent=2))
        return ExitStatus.OK
    print("\t".join(batch.COLUMNS))
    for row in counted:  # as each is counted: a long list shows progress
        print("\t".join(without_controls(cell).replace("\t", " ") for cell in batch.row(row)))
    return ExitStatus.OK


def _opened(path):
    if path == "-":
        return contextlib.nullcontext(sys.stdin)
    return open(path, encoding="utf-8-sig")


def _print_result(result, request):
    """The result for a terminal: no control character an archive held reaches it."""
    from indexer.articles import without_controls
    from indexer.search.highlight import plain_with_markers
    from indexer.search.transliteration import in_latin

    def show(*texts):
        print(*(without_controls(str(text)) for text in texts))

    first = request.offset + 1
    shown = f"{first}-{first + len(result.hits) - 1} of " if result.hits else ""
    if request.cursor is not None:  # where the cursor's page begins is not counted
        first, shown = 1, f"{len(result.hits)} after the cursor, of "
    show(f"{shown}{result.total:,} articles")
    if not result.hits and in_latin(request.text):
        if not (result.meaning and result.meaning.get("embedded")):
            show(
                "no article holds these words, and this archive has no vectors to search by "
                "meaning (bahth embed): write the words in Arabic, or a name the archive knows"
            )
    if result.relaxed:
        show("no article has every word: these have some of them")
    if result.meaning:
        show(_meaning_line(result.meaning))
    if result.suggestion:
        show(f"did you mean: {result.suggestion.text} ({result.suggestion.total:,} articles)")
    if request.also_searched:
        show("also searched: " + "، ".join(request.also_searched))
    for read in request.readings:
        if read.read_as:
            show(f"{read.facet} {read.value}: " + "، ".join(read.read_as))
        else:
            offered = "، ".join(f"{name} ({count:,})" for name, count in read.closest)
            show(f"no {read.facet} {read.value}" + (f"; closest: {offered}" if offered else ""))
    if request.query.stopwords:
        label = (
            "every word is a stopword, searched"
            if request.query.all_stopwords
            else "stopwords searched"
        )
        show(f"{label}: " + "، ".join(request.query.stopwords))
    if request.address:
        show("the article published at this address")
    if request.address_missing:
        show("no article of the archive was published at this address: searched its words")
    if request.query.not_understood:
        shown = " ".join(request.query.not_understood)
        show(f"not understood, searched as text: {shown} (see the query language)")
    for number, hit in enumerate(result.hits, first):
        show()
        show(f"{number}. {hit.title}" + ("  [by meaning]" if hit.matched_by == "meaning" else ""))
        show(f"   {(hit.date or 'no date')[:10]} · {hit.source or '?'} · {hit.id}")
        if hit.actors:
            show("   " + ", ".join(hit.actors))
        show("   " + plain_with_markers(hit.snippet).replace("\n", " "))
    for facet in request.registry.values:
        name = facet.name
        buckets = result.facets.get(name) or []
        if buckets:
            show()
            shown = (f"{b.label or b.key} ({b.count:,})" for b in buckets[:8])  # a code's label
            show(f"{name}: " + ", ".join(shown))
    if result.next_cursor and result.hits:
        show()
        sort = f" --sort {request.sort}" if request.sort != "relevance" else ""  # its order
        show(f"next page: --cursor {result.next_cursor}{sort}")


def _meaning_line(meaning):
    """What meaning added to a search, and how much of the archive it covers."""
    line = f"by meaning alone: {meaning['added']:,} of them"
    if meaning["embedded"] < meaning["articles"]:
        line += (
            f" (meaning covers {meaning['embedded']:,} of {meaning['articles']:,} articles "
            "so far: `bahth embed`)"
        )
    return line


def cmd_serve(args, settings):
    """Serve the search page and the JSON API (gunicorn; the Flask dev server with --debug)."""
    # One BLAS thread per request: the workers' requests run side by side, and
    # OpenBLAS threads that spin waiting for each other under that load cost
    # a search by meaning 3.6 times its throughput (measured: 10 -> 36 req/s
    # at 16 connections on two cores). Read when numpy loads, below.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    if not args.debug:
        # The workers' metrics, added up at each scrape: a folder of this
        # server's own, named before prometheus-client is first imported.
        _remove_orphaned_metrics()
        prefix = f"{METRICS_PREFIX}{os.getpid()}-"
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix=prefix)
    from webui import create_app, metrics

    app = create_app(settings)
    _warn_if_open(args.host, settings)
    if settings.metrics_address:
        metrics.serve_apart(app, settings.metrics_address)
        log.warning("metrics: http://%s/metrics", settings.metrics_address)
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
        return ExitStatus.OK
    from webui.server import serve

    master = os.getpid()
    try:
        return serve(app, args.host, args.port, args.workers, args.timeout, settings)
    finally:
        # A worker that exits (replaced after MAX_REQUESTS) leaves through here
        # too, forked from this frame: only the server itself removes the folder.
        if os.getpid() == master:
            shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


METRICS_PREFIX = "bahth-metrics-"  # then the server's process ID


def _remove_orphaned_metrics():
    """The metrics folders of servers that were killed (SIGKILL, the OOM
    killer: no `finally` ran), each a few MiB of mapped files per worker.
    One named by this process's own ID is another's that ended: in a
    container restarted after a kill, the server is process 1 again."""
    try:
        for folder in Path(tempfile.gettempdir()).glob(f"{METRICS_PREFIX}*-*"):
            pid = re.fullmatch(r"([0-9]{1,9})-.*", folder.name[len(METRICS_PREFIX) :])
            if pid and (int(pid[1]) == os.getpid() or not process_running(int(pid[1]))):
                shutil.rmtree(folder, ignore_errors=True)
    except OSError as error:  # a temporary folder that cannot be listed
        log.warning("metrics: old folders not removed: %s", error)


def _warn_if_open(host, settings):
    """Say loudly that an archive served beyond this machine, without accounts,
    is open to anyone who reaches it."""
    if settings.users or settings.identity_header:
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        for line in (
            "!" * 72,
            f"the archive is OPEN to anyone who reaches {host}: every page, search, feed "
            "and export, with no account asked for.",
            "Set BAHTH_USERS (`bahth users add NAME`) or BAHTH_IDENTITY_HEADER behind a "
            "single sign-on proxy (docs/accounts.md).",
            "!" * 72,
        ):
            log.warning(line)


def cmd_users(args, settings):
    """Add or remove the accounts that may use the page, API, feeds and exports.

    `bahth users add NAME` adds an account to the file BAHTH_USERS names (made
    with its secret key, FILE.key, when it is not there), or gives an account a
    new password (and new tokens: the old ones stop working). The password is
    read from standard input when it is not a terminal, else asked twice.
    It prints the account's API token (`Authorization: Bearer …`; a feed's
    address on the page carries a token of its own). `bahth users remove
    NAME` removes an account; its sessions and tokens stop working at once.
    Only BAHTH_USERS (and the log settings) are read: an account can be made
    before the search engine is set up.
    """
    from webui import accounts

    if not settings.users:
        raise SettingsError("set BAHTH_USERS to the accounts file (e.g. /etc/bahth/users)")
    if args.users_command == "remove":
        if not accounts.remove(settings.users, args.name):
            raise accounts.AccountsError(f"{settings.users}: no account {args.name!r}")
        print(f"removed {args.name}")
        return ExitStatus.OK
    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            raise accounts.AccountsError("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    account = accounts.add(settings.users, args.name, password)
    print(f"account {account.name} in {settings.users}")
    print(f"API token: {accounts.Accounts(settings.users).token(account)}")
    return ExitStatus.OK


def cmd_actors_suggest(args, settings):
    """Propose the actors an archive names that the gazetteer does not know yet.

    The recogniser reads every article; the names it finds by their shape (a
    title, a verb of speech, a given name, an organisation's head word) and the
    gazetteer does not know are listed, the most named first: in how many
    articles, person or organisation, the spelling the archive writes most, its
    other spellings, and the first sentence naming it. With --review FILE the
    list is written for review: mark each line accept or reject and give it to
    `bahth actors review FILE`.
    """
    from tqdm import tqdm

    from indexer.actors import suggest
    from indexer.actors.recognise import Recogniser
    from indexer.articles import ArticleBuilder, RecordError
    from indexer.readers import RawRecord, read_pieces
    from indexer.readers.plan import whole_files

    gazetteer = _gazetteer(settings)
    builder = ArticleBuilder(max_body_chars=settings.max_body_chars, gazetteer=gazetteer)
    pieces = whole_files(args.paths)
    sizes = [_size(piece.path) for piece in pieces]
    read = skipped = 0
    progress = tqdm(
        total=sum(sizes),
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        desc="actors suggest",
    )

    def articles():
        nonlocal read, skipped
        for piece, size in zip(pieces, sizes, strict=True):
            for item in read_pieces([piece], max_expanded=settings.max_expanded_bytes):
                if not isinstance(item, RawRecord):
                    skipped += 1
                    continue
                try:
                    article = builder.build(item).article
                except RecordError:
                    skipped += 1
                    continue
                read += 1
                yield article
            progress.update(size)

    with progress:
        candidates = suggest(
            articles(),
            Recogniser(gazetteer),
            minimum=args.min,
            known=not args.all,
            home=builder.sources.home,
        )[: args.limit]
    if args.review:
        _write_review(Path(args.review), candidates)
    if args.json:
        print(json.dumps([c.to_json() for c in candidates], ensure_ascii=False))
    else:
        print("articles\tkind\tname\tother spellings\texample")
        for candidate in candidates:
            example = " ".join(f"{i}: {s}" for i, s in candidate.examples[:1])
            others = " | ".join(candidate.other_spellings)
            print(f"{candidate.articles}\t{candidate.kind}\t{candidate.name}\t{others}\t{example}")
    note = f"{len(candidates):,} candidates from {read:,} articles"
    if skipped:
        note += f" ({skipped:,} records skipped: `bahth reindex` reports why)"
    if args.review:
        note += f"; review them in {args.review}, then run `bahth actors review {args.review}`"
    complain("actors suggest", note)
    return ExitStatus.OK


def _size(path):
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_review(path, candidates):
    """A review file: the candidates as gazetteer lines, each after a blank
    decision column for the curator (accept or reject)."""
    from indexer.actors.review import HEADER

    lines = [HEADER]
    for candidate in candidates:
        examples = " / ".join(f"{i}: {s}" for i, s in candidate.examples)
        lines.append(
            "\t".join(
                (
                    "",
                    candidate.name,
                    candidate.kind,
                    " | ".join(candidate.other_spellings),
                    str(candidate.articles),
                    examples.replace("\t", " "),
                )
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def cmd_actors_review(args, settings):
    """Apply a reviewed suggestion file to the operator's actor edits.

    Each line marked accept becomes an actor of the edits file (BAHTH_ACTOR_EDITS,
    by default actor-edits.tsv in BAHTH_DATA_DIR), with the name, kind and
    spellings as the line leaves them; each line marked reject becomes a
    never-tag (ignore) line. The lines not yet decided stay in the review file.
    The next `bahth reindex` or `bahth add` tags with the edits.
    """
    from indexer.actors.review import apply

    done = apply(Path(args.file), settings.actor_edits_path)
    print(
        f"{done.edits}: {done.accepted:,} accepted, {done.rejected:,} never to be tagged; "
        f"{done.left:,} left to review in {args.file}"
    )
    return ExitStatus.OK


def cmd_actors_check(args, settings):
    """Check an actor gazetteer file (default: the configured one, and the
    operator's edits file when BAHTH_ACTOR_EDITS names one) and summarise it.

    Every fault is listed with its file, line and field (exit status 2), then
    the aliases that several actors share: they only count where the article
    tells which actor is meant.
    """
    from indexer.actors import Gazetteer, GazetteerError

    problems = []
    checked = [args.file or settings.actors_file]
    if not args.file and settings.actor_edits:
        checked.append(settings.actor_edits_path)
    loaded = []
    for path in checked:
        try:
            loaded.append(Gazetteer.load(path, problems))
        except GazetteerError as error:
            problems.append(error)
    for problem in problems:
        complain("actors check", str(problem))
    if problems:
        return ExitStatus.USAGE
    gazetteer = loaded[0]
    kinds = Counter(actor.type for actor in gazetteer.actors)
    ignored = kinds.pop("ignore", 0)
    spellings = sum(len(a.aliases) + len(a.ambiguous) for a in gazetteer.actors)
    print(
        f"{gazetteer.path}: {sum(kinds.values()):,} actors "
        f"({', '.join(f'{n:,} {kind}' for kind, n in sorted(kinds.items()))}), "
        f"{ignored:,} ignored phrases, {spellings:,} spellings"
    )
    for alias, names in gazetteer.shared_aliases():
        print(f"  shared: {alias}: {' / '.join(names)}")
    return ExitStatus.OK


def cmd_analyze(args, settings):
    """Show how text is normalised and analysed (the terms as indexed and queried)."""
    text = " ".join(args.text) if args.text else sys.stdin.read()
    if args.json:
        print(
            json.dumps({"normalized": normalize(text), "terms": analyze(text)}, ensure_ascii=False)
        )
    else:
        print(normalize(text))
        print(" ".join(analyze(text)))
    return ExitStatus.OK


def _first_line(function):
    return function.__doc__.strip().split("\n", 1)[0]


def _settings_help():
    """The epilog of `bahth --help`: every setting, from the settings table."""
    lines = ["Configuration comes from the environment:"]
    for setting in SETTINGS:
        default = f" (default: {setting.default})" if setting.default != "" else ""
        lines.append(f"  {setting.variable}{default}")
        help = setting.help
        if setting.secret:
            help += f" Never shown; or {setting.variable}_FILE: a file that holds it."
        lines.extend(textwrap.wrap(help, 74, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines)


def _command(commands, name, handler, **options):
    """A subcommand whose help is its handler's docstring."""
    parser = commands.add_parser(
        name,
        help=_first_line(handler),
        description=handler.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **options,
    )
    parser.set_defaults(handler=handler)
    return parser


def _load_parser(commands, name, handler):
    parser = _command(commands, name, handler)
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="archive files, folders, globs, .zip archives, tars, .gz/.bz2/.xz files",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="read every file as this format (default: recognised from content)",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="rename an input column or key (repeatable), e.g. headline=title",
    )
    parser.add_argument(
        "--rejects",
        metavar="FILE",
        help="rejects file (default: BAHTH_DATA_DIR/rejects-TIME.jsonl)",
    )
    parser.add_argument(
        "--max-rejects",
        type=_at_least(0),
        metavar="N",
        help="fail when more than N records are rejected ("
        + ("without switching)" if name == "reindex" else "the batch under way is dropped)"),
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="worker processes (default: CPU count, at most 8; "
        "one less on Elasticsearch, whose indexing needs a core)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the summary (or the failure) as one JSON object"
    )


def _remove_parser(commands):
    parser = _command(commands, "remove", cmd_remove)
    parser.add_argument("ids", nargs="*", metavar="ID", help="IDs of articles to remove")
    parser.add_argument("--source", metavar="S", help="every article of this outlet")
    parser.add_argument(
        "--before",
        metavar="DATE",
        help="with --source: only those dated before DATE (YYYY-MM-DD, YYYY-MM, YYYY or "
        "DD/MM/YYYY: before its first day)",
    )
    parser.add_argument("--from-file", metavar="F", help="IDs to remove, one a line")
    parser.add_argument(
        "--all", action="store_true", help="allow a removal that leaves the index empty"
    )
    parser.add_argument("--json", action="store_true", help="print what was removed as JSON")


def _search_parser(commands):
    search = _command(commands, "search", cmd_search)
    search.add_argument("query", nargs="*", help='words, "phrases", -exclusion, OR, title:word')
    for facet in FACETS.values:
        search.add_argument(
            f"--{facet.name}", action="append", default=[], help=f"only {facet.help} (repeatable)"
        )
        if facet.match:
            search.add_argument(
                f"--{facet.name}-match",
                choices=MATCHES,
                default=facet.match,
                help=f"several --{facet.name}: articles with all of them, or any "
                f"(default: {facet.match})",
            )
    search.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="first day (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)",
    )
    search.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="last day (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)",
    )
    search.add_argument(
        "--sort",
        choices=SORTS,
        default="relevance",
        help="order of the results (default: relevance)",
    )
    search.add_argument(
        "--mode",
        choices=MODES,
        default="auto",
        help="auto: words and meaning in one ranking (default); words: the words alone; "
        "meaning: the meaning alone",
    )
    search.add_argument(
        "--page", type=int, default=1, metavar="N", help="page of results (default: 1)"
    )
    search.add_argument(
        "--size", type=int, default=10, metavar="N", help="results per page (default: 10)"
    )
    search.add_argument(
        "--cursor",
        metavar="C",
        help="the results after those of the search that printed this cursor (past page 1,000)",
    )
    search.add_argument("--json", action="store_true", help="print the API's JSON")
    search.add_argument(
        "--batch",
        metavar="FILE",
        help="search each line of FILE (- for standard input; up to 1,000) under the "
        "other options' filters, and print a table: total, per year, per outlet",
    )


def _serve_parser(commands):
    serve = _command(commands, "serve", cmd_serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="gunicorn workers (default: 2 per CPU, at most 8)",
    )
    serve.add_argument(
        "--timeout",
        type=int,
        default=60,
        metavar="SECONDS",
        help="seconds before a stuck worker is restarted (default: 60)",
    )
    serve.add_argument(
        "--debug", action="store_true", help="Flask's development server, with reloading"
    )


def _actors_parser(commands):
    actors = commands.add_parser(
        "actors", help="actor gazetteer tools", description="Check and grow the actor gazetteer."
    )
    actor_commands = actors.add_subparsers(dest="actors_command", required=True, metavar="COMMAND")
    suggest = _command(actor_commands, "suggest", cmd_actors_suggest)
    suggest.add_argument(
        "paths", nargs="+", metavar="PATH", help="archive files or folders to mine"
    )
    suggest.add_argument(
        "--min",
        type=int,
        default=3,
        metavar="N",
        help="fewest articles naming a candidate (default: 3)",
    )
    suggest.add_argument(
        "--limit",
        type=int,
        default=500,
        metavar="N",
        help="most candidates to list (default: 500)",
    )
    suggest.add_argument("--all", action="store_true", help="list actors the gazetteer knows too")
    suggest.add_argument(
        "--review", metavar="FILE", help="write the candidates to FILE, to decide on each"
    )
    suggest.add_argument("--json", action="store_true", help="print JSON")
    review = _command(actor_commands, "review", cmd_actors_review)
    review.add_argument("file", metavar="FILE", help="a review file written by suggest --review")
    check = _command(actor_commands, "check", cmd_actors_check)
    check.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="gazetteer to check (default: BAHTH_ACTORS, or the shipped one)",
    )


def _users_parser(commands):
    users = commands.add_parser(
        "users",
        help="accounts that may use the page, API, feeds and exports",
        description=cmd_users.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    user_commands = users.add_subparsers(dest="users_command", required=True, metavar="COMMAND")
    for name, text in (
        ("add", "add an account, or give it a new password"),
        ("remove", "remove an account"),
    ):
        command = user_commands.add_parser(name, help=text, description=text)
        command.add_argument("name", metavar="NAME", help="the account's name")
        command.set_defaults(handler=cmd_users)


def _analyze_parser(commands):
    analyze_parser = _command(commands, "analyze", cmd_analyze)
    analyze_parser.add_argument("text", nargs="*", help="text to analyse (default: standard input)")
    analyze_parser.add_argument("--json", action="store_true", help="print JSON")


def build_parser():
    parser = argparse.ArgumentParser(
        prog="bahth",
        description="Search engine for an Arabic news archive.",
        epilog=_settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _load_parser(commands, "reindex", cmd_reindex)
    _load_parser(commands, "add", cmd_add)
    _remove_parser(commands)
    embed_parser = _command(commands, "embed", cmd_embed)
    embed_parser.add_argument("--json", action="store_true", help="print a JSON report")
    _search_parser(commands)
    _serve_parser(commands)
    _actors_parser(commands)
    _users_parser(commands)
    _analyze_parser(commands)
    return parser


# What `bahth users` reads of the environment.
USERS_SETTINGS = ("BAHTH_USERS", "BAHTH_LOG_LEVEL", "BAHTH_LOG_FORMAT")

# Commands whose output may go to `head`: they end quietly when it stops
# reading. reindex, add and remove print only once the index is changed.
# Not the writers (reindex, add, remove, embed): a pipe of theirs that breaks
# (a worker or the fork server killed with its process group) must end the
# run through its own cleanup, not by the signal.
PRINTING_COMMANDS = ("search", "analyze", "actors")


def main(argv=None) -> int:
    """Run a command; what it raises ends it with one line (and, under
    --json, one object) and the status status.failure gives."""
    args = build_parser().parse_args(argv)
    if argv is None and args.command in PRINTING_COMMANDS and hasattr(signal, "SIGPIPE"):
        # `bahth search ... | head` ends quietly, as command-line tools do. Not
        # for serve: a gunicorn worker must survive a client hanging up.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    command = " ".join(
        filter(
            None,
            (
                args.command,
                getattr(args, "actors_command", None),
                getattr(args, "users_command", None),
            ),
        )
    )
    try:
        environ: Mapping[str, str] = os.environ
        if args.command == "users":  # the accounts file alone: nothing else need be set up
            environ = {k: v for k, v in os.environ.items() if k in USERS_SETTINGS}
        settings = Settings.from_env(environ)
        embeddings.choose(settings.embeddings_model)
        logs.configure(args.command, settings.logging_level, settings.log_format)
        return int(args.handler(args, settings))
    except BrokenPipeError:  # a writer's output read by `head`: what it did is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no more to say
        return 128 + signal.SIGPIPE  # as the signal would have ended a reader
    except (Exception, KeyboardInterrupt) as error:
        status, message = failure(error)
        complain(command, message)
        if getattr(args, "json", False):
            print(json.dumps({"status": int(status), "error": message}, ensure_ascii=False))
        return int(status)


if __name__ == "__main__":
    sys.exit(main())
