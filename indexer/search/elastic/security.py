"""Bahth's roles and API keys on a secured Elasticsearch, least privilege.

    python -m indexer.search.elastic.security --url URL [--ca FILE] [--alias A]
        [--writer-key FILE --reader-key FILE]

run with the superuser's password in ELASTIC_PASSWORD (user `elastic`, or
ELASTIC_USER), puts the roles of mappings/roles.json (`bahth_writer`,
`bahth_reader`, for the alias A, BAHTH_ELASTICSEARCH_INDEX's `articles` by
default) and creates one API key of each: the writer's for reindex, add,
remove and embed; the reader's for the web app and `bahth search`. It prints
them as `BAHTH_ELASTICSEARCH_API_KEY=…` and `BAHTH_SEARCH_API_KEY=…`, or
writes each to its file (readable by its owner only), for the *_FILE
settings of a container: two files, so that each service is given its own
and no other; keys already there are kept (a second `docker compose up`
makes none). scripts/es-node and compose.yaml's `keys` service run it.
"""

import argparse
import json
import os
import sys
from pathlib import Path

from elasticsearch import ApiError, TransportError

from .client import Endpoint, unavailable
from .index import MAPPINGS

KEYS = {  # role -> the setting its key is given to
    "bahth_writer": "BAHTH_ELASTICSEARCH_API_KEY",
    "bahth_reader": "BAHTH_SEARCH_API_KEY",
}
OPTIONS = {"BAHTH_ELASTICSEARCH_API_KEY": "writer_key", "BAHTH_SEARCH_API_KEY": "reader_key"}


def roles(alias: str) -> dict[str, dict]:
    """The role descriptors of mappings/roles.json for `alias`."""
    described = json.loads((MAPPINGS / "roles.json").read_text(encoding="utf-8"))
    return {
        name: json.loads(json.dumps(role).replace("{alias}", alias))
        for name, role in described.items()
        if not name.startswith("_")
    }


def set_up(superuser: Endpoint, alias: str, label: str = "bahth") -> dict[str, str]:
    """Put the roles, create a key of each; {setting: encoded key}."""
    client = superuser.client()
    keys = {}
    try:
        for name, role in roles(alias).items():
            client.security.put_role(name=name, **role)
            created = client.security.create_api_key(
                name=f"{label}-{name.removeprefix('bahth_')}", role_descriptors={name: role}
            )
            keys[KEYS[name]] = created["encoded"]
    except (ApiError, TransportError) as error:
        raise unavailable(superuser, error) from error
    return keys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m indexer.search.elastic.security", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--url", required=True, help="the cluster's node(s), https://…")
    parser.add_argument("--ca", default="", help="its CA certificate file, or a fingerprint")
    parser.add_argument("--alias", default="articles", help="BAHTH_ELASTICSEARCH_INDEX")
    parser.add_argument("--label", default="bahth", help="the keys' names start with it")
    parser.add_argument("--writer-key", type=Path, help="write the writer's key to this file")
    parser.add_argument("--reader-key", type=Path, help="write the reader's key to this file")
    arguments = parser.parse_args(argv)
    files = {setting: getattr(arguments, option) for setting, option in OPTIONS.items()}
    if any(files.values()) and not all(files.values()):
        parser.error("--writer-key and --reader-key go together")
    password = os.environ.get("ELASTIC_PASSWORD", "")
    if not password:
        print("security: set ELASTIC_PASSWORD to the superuser's password", file=sys.stderr)
        return 2
    if all(path and path.is_file() for path in files.values()):
        print("security: the keys made before are kept", file=sys.stderr)
        return 0
    superuser = Endpoint(
        arguments.url,
        ca=arguments.ca,
        user=os.environ.get("ELASTIC_USER", "elastic"),
        password=password,
    )
    try:
        keys = set_up(superuser, arguments.alias, arguments.label)
    except Exception as error:  # one line, never a traceback with the password's request
        print(f"security: {error}", file=sys.stderr)
        return 1
    if all(files.values()):
        for setting, key in keys.items():
            path = files[setting]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(key + "\n")
    else:
        for setting, key in keys.items():
            print(f"{setting}={key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
