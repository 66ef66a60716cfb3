"""How `bahth` ends: its exit statuses, and the one place that turns an error
into a status and a line for people.

Commands return a status when they finish and raise when they cannot;
`cli.main` reports what they raise through `failure`. A command adds what
the failure means for the index with `error.add_note(...)` ("the live index
was not changed."), which the line ends with.
"""

import logging
import sqlite3
import sys
import threading
from enum import IntEnum

log = logging.getLogger("bahth")


class ExitStatus(IntEnum):
    OK = 0
    FAILURE = 1  # nothing (more) was done: the message says why
    USAGE = 2  # the command line or a file it names is wrong
    REJECTS = 3  # done, but some records were rejected (or some IDs not found)
    BUSY = 75  # EX_TEMPFAIL: another reindex, add or remove is writing; try later
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # 128 + SIGTERM, as shells report a process it ended


class CommandError(Exception):
    """A command that cannot go on, with its status and message."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.FAILURE):
        super().__init__(message)
        self.status = status


class Terminated(KeyboardInterrupt):
    """Asked to stop (SIGTERM): handled as Ctrl-C is."""


class Stop(threading.Event):
    """Set by a signal handler (SIGTERM, Ctrl-C) for a run to look at between
    its records or batches; `error`, what the run then ends with."""

    error: type[KeyboardInterrupt] = Terminated


def stopped(stop: threading.Event) -> KeyboardInterrupt:
    """What a run `stop` was set for ends with (a plain Event: Terminated)."""
    return getattr(stop, "error", Terminated)()


def heed(stop: threading.Event | None) -> None:
    """End the run with what `stop` says, once it is set (None: never)."""
    if stop is not None and stop.is_set():
        raise stopped(stop)


def failure(error: BaseException) -> tuple[ExitStatus, str]:
    """The exit status and the one line an error ends a command with."""
    from indexer.actors import GazetteerError
    from indexer.readers import ArchiveError
    from indexer.reindex import NotSwitched
    from indexer.search import Busy, SearchError
    from indexer.settings import SettingsError

    status, message = ExitStatus.FAILURE, str(error)
    if isinstance(error, CommandError):
        status = error.status
    elif isinstance(error, SettingsError):
        status = ExitStatus.USAGE
    elif isinstance(error, GazetteerError):
        named = f" ({error.setting})" if error.setting else ""
        status, message = ExitStatus.USAGE, f"actor gazetteer{named}: {error}"
    elif isinstance(error, Busy):
        status = ExitStatus.BUSY
    elif isinstance(error, Terminated):
        status, message = ExitStatus.TERMINATED, "terminated (SIGTERM)"
    elif isinstance(error, KeyboardInterrupt):
        status, message = ExitStatus.INTERRUPTED, "interrupted"
    elif isinstance(error, ArchiveError):
        pass
    elif isinstance(error, NotSwitched | SearchError | OSError | sqlite3.Error):
        message = f"failed: {error}"
    else:
        # A fault of Bahth itself: one line here, the traceback with BAHTH_LOG_LEVEL=debug.
        log.debug("the traceback of the failure", exc_info=error)
        message = f"failed: {type(error).__name__}: {error}"
    # Each part ends where the next begins; the last keeps its full stop.
    parts: list[str] = [message, *getattr(error, "__notes__", [])]
    return status, "; ".join([*(part.rstrip(". ") for part in parts[:-1]), parts[-1]])


def complain(command: str, message: str) -> None:
    """A line for people on standard error, named by the command."""
    print(f"bahth {command}: {message}", file=sys.stderr, flush=True)
