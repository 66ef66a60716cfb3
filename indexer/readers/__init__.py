"""Readers that turn archive files into raw article records."""
