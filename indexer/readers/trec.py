"""TREC-style SGML: <DOC> records with one tag per field.

Real collections are not well-formed XML (bare `&`, stray `<`), so records
and fields are found with patterns, not an XML parser, and entities are
decoded leniently.
"""

import html
import re

FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = re.compile(rf"<({'|'.join(FIELDS)})>(.*?)</\1>", re.S | re.I)


def iter_records(text: str):
    """Yield (line_number, {field: value}) for each <DOC> of `text`;
    field names are lower case, values stripped and entity-decoded."""
    line = 1
    position = 0
    for doc in _DOC.finditer(text):
        line += text.count("\n", position, doc.start())
        position = doc.start()
        fields = {
            name.lower(): html.unescape(value.strip())
            for name, value in _FIELD.findall(doc.group(1))
        }
        yield line, fields
