"""One reading of dates for the PDF reader and for `pack new`."""

import datetime as dt

from briefing_app.pack.dates import pdf_date, printed_date


def test_dates_in_words_day_first_then_month_first():
    assert printed_date("Cabinet, Thursday 30th January 2025 at 10.00") == dt.date(2025, 1, 30)
    assert printed_date("signed on 12 March, 2024") == dt.date(2024, 3, 12)
    assert printed_date("Federal Register, August 12, 2020") == dt.date(2020, 8, 12)


def test_an_impossible_date_is_skipped_for_the_next_real_one():
    assert printed_date("31 February 2024 was a typing slip for 28 February 2024") == dt.date(2024, 2, 28)
    assert printed_date("31 February 2024") is None
    assert printed_date("12 March 3024") is None  # not a year a paper is dated


def test_pdf_metadata_dates():
    assert pdf_date("D:20250130101500+00'00'") == "2025-01-30"
    assert pdf_date("D:20250231") is None
    assert pdf_date("D:20251301") is None
    assert pdf_date("yesterday") is None
    assert pdf_date(None) is None
