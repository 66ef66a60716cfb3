"""One writer at a time: what both engines' writer locks share.

The embedded engine locks its data folder (an flock, EmbeddedStore.writing);
Elasticsearch keeps a lease document beside the alias (elastic.store.Lease).
A build left by a killed process, or a lease it held, is recognised by the
process being gone.
"""

import os


def process_running(pid: int) -> bool:
    """Whether a process of this machine with that ID is running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
