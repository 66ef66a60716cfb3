import json
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def article(number, **fields):
    """A valid JSONL record with a body long enough to be deduplicated."""
    record = {
        "id": f"a{number}",
        "title": f"عنوان الخبر رقم {number}",
        "body": f"نص الخبر رقم {number} عن الانتخابات في المدينة. " * 4,
        "date": "2018-06-28T10:00:00Z",
        "source": "skynews",
    }
    record.update(fields)
    return record


def index_rows(data_dir, sql, params=()):
    with sqlite3.connect(Path(data_dir) / "articles.sqlite") as db:
        return db.execute(sql, params).fetchall()


@pytest.fixture
def shared_corpus():
    corpus = SHARED / "corpus"
    assert corpus.is_dir(), f"the shared corpus is missing at {corpus}"
    return corpus
