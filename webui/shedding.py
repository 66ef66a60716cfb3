"""Load shedding: a worker serves at most BAHTH_MAX_IN_FLIGHT requests at once.

The one past the limit is answered at once, 503 with Retry-After, in the
usual error shape, instead of waiting behind slow searches until the client
gives up. The health check and the stylesheet are never refused. An export
holds its place until its last row is sent.
"""

import threading

from flask import g, request
from werkzeug.exceptions import ServiceUnavailable

EXEMPT = ("api.health", "static")
RETRY_AFTER_SECONDS = 2


def limit_in_flight(app, limit: int):
    places = threading.BoundedSemaphore(limit)

    @app.before_request
    def take_a_place():
        if request.endpoint in EXEMPT:
            return
        if not places.acquire(blocking=False):
            raise ServiceUnavailable(
                f"the server is busy ({limit} searches at once); try again in a moment",
                retry_after=RETRY_AFTER_SECONDS,
            )
        g.bahth_place = True

    @app.teardown_request
    def give_it_back(_error):
        if g.pop("bahth_place", False):
            places.release()
