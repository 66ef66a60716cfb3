"""Actors: the people and organisations an article is about.

`gazetteer` holds the curated list and finds its actors in text (under any
spelling, with clitics, ambiguous names resolved by context), the operator's
edits laid over it; `recognise` finds the actors an article names, known or
not; `suggest` mines an archive for candidates to curate.
"""

from .gazetteer import DEFAULT_PATH, Actor, Gazetteer, GazetteerError, current, layered
from .suggest import skeleton, suggest


def configured(settings) -> Gazetteer:
    """The gazetteer `settings` name (BAHTH_ACTORS) under the operator's edits
    (BAHTH_ACTOR_EDITS), read again when either file changes; GazetteerError
    names what is wrong with one."""
    edits = settings.actor_edits_path
    try:
        if settings.actor_edits and not edits.exists():
            # Named on purpose: a typo must not drop every edit of a reindex
            # (the default file in the data folder may not exist yet).
            raise GazetteerError(edits, 0, None, "no such file")
        return current(settings.actors_file, edits)
    except GazetteerError as error:
        error.setting = "BAHTH_ACTOR_EDITS" if error.path == edits else "BAHTH_ACTORS"
        raise


__all__ = [
    "DEFAULT_PATH",
    "Actor",
    "Gazetteer",
    "GazetteerError",
    "configured",
    "current",
    "layered",
    "skeleton",
    "suggest",
]
