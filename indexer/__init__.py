"""Bahth's indexer: Arabic analysis, archive readers, bulk loading."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bahth")
except PackageNotFoundError:  # a checkout on sys.path, never installed
    __version__ = "0+unknown"
