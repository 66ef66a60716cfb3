"""gunicorn, started from `bahth serve` with sane defaults."""

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


def serve(app, host, port, workers=None, timeout=60, log_level="warning"):
    workers = workers or min(2 * (os.cpu_count() or 1), 8)
    print(f"Bahth: http://{host}:{port}/  ({workers} workers; Ctrl-C stops)", flush=True)
    _Gunicorn(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "timeout": timeout,
            "graceful_timeout": 10,
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": log_level.lower(),
        },
    ).run()
    return 0
