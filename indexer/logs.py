"""Log lines: for people (`bahth reindex: warning: …`), or, with
BAHTH_LOG_FORMAT=json, one JSON object per line for a log collector (time,
level, logger, command, message, and the traceback of an error)."""

import json
import logging
import sys
from datetime import UTC, datetime


class LevelFormatter(logging.Formatter):
    """`bahth reindex: warning: …`: the command, the level in lower case, the message."""

    def __init__(self, command):
        super().__init__(f"bahth {command}: %(levelname)s: %(message)s")

    def format(self, record):
        record.levelname = record.levelname.lower()
        return super().format(record)


class JsonFormatter(logging.Formatter):
    """One JSON object per line; what a record carries in `extra` (a request's
    route, status, seconds) is kept as fields of its own."""

    _STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def __init__(self, command="serve", *args, **kwargs):
        super().__init__()
        self.command = command

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "command": self.command,
            "message": record.getMessage(),
        }
        line.update(
            (key, value) for key, value in vars(record).items() if key not in self._STANDARD
        )
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure(command, level, form="text"):
    """Log lines of `command` at `level` and above to standard error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(command) if form == "json" else LevelFormatter(command))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # The client's own retry chatter is noise beside Bahth's messages, unless asked for.
    logging.getLogger("elastic_transport").setLevel(
        level if level == logging.DEBUG else logging.ERROR
    )
