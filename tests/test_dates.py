import pytest

from indexer.dates import date_from_name, parse_date, to_iso


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wed, 12 Sep 2018 16:44:34 GMT", "2018-09-12T16:44:34Z"),
        ("Thu, 28 Jun 2018 14:24:55 +0400", "2018-06-28T10:24:55Z"),
        ("2017-01-26T08:31:00+01:00", "2017-01-26T07:31:00Z"),
        ("2018-06-28", "2018-06-28T00:00:00Z"),
        ("2018-06-28 14:05:00", "2018-06-28T14:05:00Z"),
        ("28/06/2018", "2018-06-28T00:00:00Z"),
        ("28-06-2018 09:15", "2018-06-28T09:15:00Z"),
        ("2018/06/28", "2018-06-28T00:00:00Z"),
        ("الأربعاء ١٢ سبتمبر ٢٠١٨", "2018-09-12T00:00:00Z"),
        ("12 كانون الثاني 2018 - 14:30", "2018-01-12T14:30:00Z"),
        ("٣ جانفي ٢٠١٦", "2016-01-03T00:00:00Z"),
        ("13 يوليو/ تموز 2018", "2018-07-13T00:00:00Z"),
        ("۵ آب ۲۰۱۹", "2019-08-05T00:00:00Z"),
        ("20180628", "2018-06-28T00:00:00Z"),
        ("20180628T142455+0400", "2018-06-28T10:24:55Z"),  # ISO 8601's basic form (NITF)
        ("20180628T1424Z", "2018-06-28T14:24:00Z"),
        ("1530181495", "2018-06-28T10:24:55Z"),  # Unix time
        ("1530181495.25", "2018-06-28T10:24:55Z"),
        ("1530181495000", "2018-06-28T10:24:55Z"),  # in milliseconds
        ("١٥٣٠١٨١٤٩٥", "2018-06-28T10:24:55Z"),
    ],
)
def test_dates_in_every_archive_format_become_utc(text, expected):
    assert to_iso(parse_date(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "garbage",
        "0001-01-01",
        "2100-01-01T00:00:00Z",
        "31/02/2018",
        "Mon, 99 Foo 2018",
        "يوم الأحد",
        "153018149",  # nine digits: no date of this century, and no other
        "15301814950",  # eleven
    ],
)
def test_impossible_or_absent_dates_are_none(text):
    assert parse_date(text) is None


def test_dates_in_file_names_either_order():
    assert to_iso(date_from_name("AL-culture-539-20180628.txt")) == "2018-06-28T00:00:00Z"
    assert to_iso(date_from_name("bulletin-28062018.txt")) == "2018-06-28T00:00:00Z"
    assert date_from_name("report-12345678.txt") is None
