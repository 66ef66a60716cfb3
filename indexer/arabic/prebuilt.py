"""Imported by the fork server of a reindex's workers (indexer.reindex):
each worker, forked from it, starts with the native analysis built, rather
than build it again (0.4 s a process)."""

from indexer.arabic import native

native.analysis()
