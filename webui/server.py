"""gunicorn, started from `bahth serve` with sane defaults.

Threaded workers (gthread): a worker's main thread keeps telling gunicorn it
is alive while its threads stream an export of any length, where a sync
worker is killed at the timeout mid-file. Each worker has twice as many
threads as the requests it serves at once (BAHTH_MAX_IN_FLIGHT): the others
are answered 503 with Retry-After at once instead of waiting in a queue.
"""

import os

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, app, options):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def serve(app, host, port, workers=None, timeout=60, log_level="warning", in_flight=4):
    workers = workers or min(2 * (os.cpu_count() or 1), 8)
    print(f"Bahth: http://{host}:{port}/  ({workers} workers; Ctrl-C stops)", flush=True)
    _Gunicorn(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": 2 * in_flight,
            "timeout": timeout,
            "limit_request_line": 8190,  # the most gunicorn allows; the app answers 414 below it
            "graceful_timeout": 10,
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": log_level.lower(),
        },
    ).run()
    return 0
