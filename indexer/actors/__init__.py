"""Actors: the people and organisations an article is about.

`gazetteer` holds the curated list and finds its actors in text (under any
spelling, with clitics, ambiguous names resolved by context); `suggest`
mines an archive for candidate names to curate it from.
"""

from .gazetteer import DEFAULT_PATH, Actor, Gazetteer, GazetteerError, current
from .suggest import names_in, skeleton, suggest

__all__ = [
    "DEFAULT_PATH",
    "Actor",
    "Gazetteer",
    "GazetteerError",
    "current",
    "names_in",
    "skeleton",
    "suggest",
]
