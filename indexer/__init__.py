"""Bahth's indexer: Arabic analysis, archive readers, bulk loading."""
