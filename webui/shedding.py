"""Queueing, then shedding: a worker serves at most BAHTH_MAX_IN_FLIGHT
requests at once.

A request past the limit waits for a place, up to BAHTH_QUEUE_SECONDS (a
burst of clients is queued and answered); one that waited that long is
answered 503 with Retry-After, in the usual error shape, rather than
waiting behind slow searches until the client gives up. The health check
and the stylesheet take no place. An export holds its place until its last
row is sent.

A worker has four threads per request in flight (webui/server.py): the
waiting ones hold threads, so that past that many connections even the
health check waits for a thread (it never waits for a place).
"""

import threading

from flask import g, request
from werkzeug.exceptions import ServiceUnavailable

from .metrics import SHED

EXEMPT = ("api.health", "static", "metrics.metrics")
RETRY_AFTER_SECONDS = 2


def limit_in_flight(app, limit: int, wait: float = 0.0):
    places = threading.BoundedSemaphore(limit)

    @app.before_request
    def take_a_place():
        if request.endpoint in EXEMPT:
            return
        if not places.acquire(timeout=wait if wait > 0 else None, blocking=wait > 0):
            SHED.inc()
            waited = f", and this one waited {wait:g} s for its turn" if wait > 0 else ""
            raise ServiceUnavailable(
                f"the server is busy ({limit} searches at once{waited}); try again in a moment",
                retry_after=RETRY_AFTER_SECONDS,
            )
        g.bahth_place = True

    @app.teardown_request
    def give_it_back(_error):
        if g.pop("bahth_place", False):
            places.release()
