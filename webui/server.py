"""gunicorn, started from `bahth serve` with sane defaults.

Threaded workers (gthread): a worker's main thread keeps telling gunicorn it
is alive while its threads stream an export of any length, where a sync
worker is killed at the timeout mid-file. Each worker has twice as many
threads as the requests it serves at once (BAHTH_MAX_IN_FLIGHT): the others
are answered 503 with Retry-After at once instead of waiting in a queue.

Slow clients hold no thread (`Worker`): a request's line and headers are
read by the worker's event loop, as a buffering proxy would, and a thread
takes the connection only once they are all there; a head not complete
within HEAD_SECONDS is answered 408 and closed, and a thread waits at most
BODY_SECONDS on any read or write of a body. gunicorn's own answers (400,
408, 414, 431) carry the app's security headers. Workers are replaced after
MAX_REQUESTS requests (with jitter), so that memory a burst of exports
took is given back.
"""

import os
import re
import selectors
import time
from collections import deque
from functools import partial

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger
from gunicorn.http import get_parser
from gunicorn.workers.gthread import TConn, ThreadWorker

from indexer.settings import Settings

from .safety import SECURITY_HEADERS

HEAD_SECONDS = 10  # a request line and its headers must arrive within this
BODY_SECONDS = 30  # the longest wait on one read or write of a body
HEAD_LIMIT = 16 * 1024  # bytes of a head read before the parser judges it (431, 414)
MAX_REQUESTS, MAX_REQUESTS_JITTER = 2_000, 200


class _Head:
    """A connection whose request head is being read by the event loop."""

    def __init__(self, conn, deadline):
        self.conn, self.deadline, self.data = conn, deadline, bytearray()

    def complete(self) -> bool:
        return b"\r\n\r\n" in self.data or len(self.data) >= HEAD_LIMIT


class _HeadersAdded:
    """A client socket through which gunicorn's own error answers get the
    app's security headers (gunicorn writes them whole, with sendall)."""

    def __init__(self, sock):
        self._sock = sock

    def sendall(self, data):
        head, separator, rest = data.partition(b"\r\n")
        extra = b"".join(f"{k}: {v}\r\n".encode("latin-1") for k, v in SECURITY_HEADERS.items())
        self._sock.sendall(head + separator + extra + rest)

    def __getattr__(self, name):
        return getattr(self._sock, name)


class Worker(ThreadWorker):
    """gthread, with request heads read by the event loop (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.heads: deque[_Head] = deque()  # in the order of their deadlines

    def enqueue_req(self, conn: TConn):
        """Hand a connection to a thread once its request head is complete."""
        if self.cfg.is_ssl or (conn.parser is not None and _buffered_head(conn)):
            super().enqueue_req(conn)
            return
        conn.sock.setblocking(False)
        head = _Head(conn, time.monotonic() + HEAD_SECONDS)
        self.heads.append(head)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._read_head, head))

    def _read_head(self, head: _Head, sock):
        try:
            data = sock.recv(HEAD_LIMIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._drop(head)
            return
        head.data += data
        if not head.complete():
            return
        self._forget(head)
        conn = head.conn
        if conn.parser is None:
            conn.parser = get_parser(self.cfg, conn.sock, conn.client)
            conn.initialized = True
        conn.parser.unreader.unread(bytes(head.data))
        conn.data_ready = True
        super().enqueue_req(conn)

    def _forget(self, head: _Head):
        try:
            self.poller.unregister(head.conn.sock)
        except (KeyError, ValueError, OSError):
            pass
        try:
            self.heads.remove(head)
        except ValueError:
            pass

    def _drop(self, head: _Head, answer: bytes = b""):
        self._forget(head)
        if answer:
            try:
                head.conn.sock.send(answer)
            except OSError:
                pass
        self.nr_conns -= 1
        head.conn.close()

    def murder_pending(self):
        """Close the connections whose head did not come in time (408), then
        gunicorn's own pending ones."""
        now = time.monotonic()
        while self.heads and self.heads[0].deadline <= now:
            self._drop(self.heads[0], _TIMEOUT_ANSWER)
        super().murder_pending()

    def handle_request(self, req, conn):
        # A body read or an answer written waits BODY_SECONDS at most at a time.
        conn.sock.settimeout(BODY_SECONDS)
        return super().handle_request(req, conn)

    def handle_error(self, req, client, addr, exc):
        super().handle_error(req, _HeadersAdded(client), addr, exc)


def _buffered_head(conn) -> bool:
    """Whether a kept-alive connection already holds its next request head."""
    return b"\r\n\r\n" in conn.parser.unreader.buf.getvalue()


def _answer(status, reason, text):
    body = text.encode()
    headers = "".join(f"{k}: {v}\r\n" for k, v in SECURITY_HEADERS.items())
    return (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n{headers}"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1") + body


_TIMEOUT_ANSWER = _answer(408, "Request Timeout", "the request's headers came too slowly\n")


class _Gunicorn(BaseApplication):
    def __init__(self, app, options):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


QUEUED_PER_PLACE = 4  # threads a worker has per request in flight: the others wait their turn


def serve(app, host, port, workers=None, timeout=60, settings=None):
    settings = settings or Settings()
    workers = workers or min(2 * (os.cpu_count() or 1), 8)
    print(f"Bahth: http://{host}:{port}/  ({workers} workers; Ctrl-C stops)", flush=True)
    logged = {"accesslog": "-", "errorlog": "-", "loglevel": settings.log_level.lower()}
    if settings.log_format == "json":
        # The app logs each request itself, as JSON (webui/metrics.py), and
        # gunicorn's own lines go through the same formatter.
        logged = {"accesslog": None, "logconfig_dict": _json_logging(settings.log_level)}
    _Gunicorn(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "webui.server.Worker",
            # Those in flight, and those waiting their turn (webui/shedding.py).
            "threads": QUEUED_PER_PLACE * settings.max_in_flight,
            "timeout": timeout,
            "limit_request_line": 8190,  # the most gunicorn allows; the app answers 414 below it
            "graceful_timeout": 10,
            "max_requests": MAX_REQUESTS,
            "max_requests_jitter": MAX_REQUESTS_JITTER,
            "child_exit": _child_exit,
            "logger_class": AccessLogger,
            **logged,
        },
    ).run()
    return 0


class AccessLogger(Logger):
    """gunicorn's logger, with the value of a `token` parameter (a feed's,
    webui/access.py) left out of the access log's request line and query."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "q", "U"):
            if isinstance(atoms.get(key), str):
                atoms[key] = _TOKEN.sub(r"\1***", atoms[key])
        return atoms


_TOKEN = re.compile(r"((?:^|[?&])token=)[^&\s]*")


def _child_exit(_server, worker):
    """A worker gone: its live metrics no longer count (prometheus-client)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def _json_logging(level: str) -> dict:
    """gunicorn's logging as JSON lines on standard error (logging.config's dict)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "indexer.logs.JsonFormatter", "command": "serve"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level.upper(), "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level.upper(), "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        },
    }
