"""Bahth's roles and API keys on a secured Elasticsearch, least privilege.

    python -m indexer.search.elastic.security --url URL [--ca FILE] [--alias A] [--out DIR]

run with the superuser's password in ELASTIC_PASSWORD (user `elastic`, or
ELASTIC_USER), puts the roles of mappings/roles.json (`bahth_writer`,
`bahth_reader`, for the alias A, BAHTH_ELASTICSEARCH_INDEX's `articles` by
default) and creates one API key of each: the writer's for reindex, add,
remove and embed; the reader's for the web app and `bahth search`. It prints
them as `BAHTH_ELASTICSEARCH_API_KEY=…` and `BAHTH_SEARCH_API_KEY=…`, or, with
--out, writes them to DIR/writer.key and DIR/reader.key (readable by their
owner only), for the *_FILE settings of a container; keys already there are
kept (a second `docker compose up` makes none). scripts/es-node and
compose.yaml's `keys` service run it.
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
FILES = {"BAHTH_ELASTICSEARCH_API_KEY": "writer.key", "BAHTH_SEARCH_API_KEY": "reader.key"}


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
    parser.add_argument("--out", type=Path, help="write DIR/writer.key and DIR/reader.key")
    arguments = parser.parse_args(argv)
    password = os.environ.get("ELASTIC_PASSWORD", "")
    if not password:
        print("security: set ELASTIC_PASSWORD to the superuser's password", file=sys.stderr)
        return 2
    if arguments.out and all((arguments.out / name).is_file() for name in FILES.values()):
        print(f"security: the keys in {arguments.out} are kept (made before)", file=sys.stderr)
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
    if arguments.out:
        arguments.out.mkdir(parents=True, exist_ok=True)
        for setting, key in keys.items():
            path = arguments.out / FILES[setting]
            path.touch(mode=0o600)
            path.write_text(key + "\n")
    else:
        for setting, key in keys.items():
            print(f"{setting}={key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
