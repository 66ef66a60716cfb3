"""What the operator's metrics know of a reindex, add or remove: its progress
while it runs and how it ended, in BAHTH_DATA_DIR/runs/COMMAND.json. A
reindex or add reads its input twice: a first pass for the records'
abstracts and titles (indexer/leads.py), then the records; its progress is
the share of its stage's input read.

The command writes the file once it holds the writer's lock, every few
seconds of progress and at its end (each time whole, by a rename: a reader never sees half of it);
the web app's /metrics reads it at each scrape (webui/metrics.py). A run
killed outright leaves "running" with its last progress; its `updated` time
stops, which a metric shows.
"""

import json
import os
import socket
import time
from pathlib import Path

FOLDER = "runs"
EVERY_SECONDS = 5  # progress written at most this often
OUTCOMES = ("succeeded", "rejects", "failed", "interrupted")
STAGES = FIRST_PASS, RECORDS = ("first pass", "records")


class Run:
    """One run of `command` on the index of `data_dir`."""

    def __init__(self, data_dir, command: str):
        self.path = Path(data_dir) / FOLDER / f"{command}.json"
        self.state = {
            "command": command,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "started": time.time(),
            "updated": time.time(),
            "state": "running",
            "stage": RECORDS,
            "done": 0.0,  # the share of the stage's input read, 0 to 1
            "read": 0,
            "rejected": 0,
        }
        self._written = 0.0
        self._begun = False

    def progress(self, done: float, read=0, rejected=0, stage=RECORDS):
        """The run's progress in `stage`; its first call, once it holds the
        writer's lock, begins it (a run refused because another writes never
        shows), and a new stage is written at once."""
        new_stage = stage != self.state["stage"]
        self.state.update(stage=stage, done=round(done, 4), read=read, rejected=rejected)
        if not self._begun or new_stage or time.monotonic() - self._written >= EVERY_SECONDS:
            self._begun = True
            self._write()

    def end(self, outcome: str, indexed: int | None = None, error: str = ""):
        """How the run ended (not called for a run refused because another
        writes: the file is that one's)."""
        self.state.update(state=outcome, ended=time.time())
        if outcome in ("succeeded", "rejects"):
            self.state["done"] = 1.0
        if indexed is not None:
            self.state["indexed"] = indexed
        if error:
            self.state["error"] = error
        self._write()

    def _write(self):
        self.state["updated"] = time.time()
        self._written = time.monotonic()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temporary.write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            pass  # the run matters more than its report to the metrics


def runs(data_dir) -> list[dict]:
    """The last run of each command that left its file in `data_dir`."""
    found = []
    for path in sorted((Path(data_dir) / FOLDER).glob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return found
