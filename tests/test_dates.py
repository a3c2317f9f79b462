"""Date expressions news uses, resolved against a publication date (Friday 2025-03-14)."""

from __future__ import annotations

import pytest

from kgraph.dates import resolve_date

PUBLISHED = "2025-03-14"


@pytest.mark.parametrize(
    "text, value, granularity",
    [
        ("Tuesday", "2025-03-11", "day"),
        ("on Friday", "2025-03-14", "day"),  # the publication day itself
        ("yesterday", "2025-03-13", "day"),
        ("two days ago", "2025-03-12", "day"),
        ("3 days ago", "2025-03-11", "day"),
        ("on March 3", "2025-03-03", "day"),
        ("October 7", "2024-10-07", "day"),  # the nearest October 7
        ("21 May 2021", "2021-05-21", "day"),
        ("last month", "2025-02", "month"),
        ("earlier this month", "2025-03", "month"),
        ("in early March", "2025-03", "month"),
        ("last year", "2024", "year"),
        ("later this year", "2025", "year"),
        ("in early 2024", "2024", "year"),
        ("in mid-2023", "2023", "year"),
    ],
)
def test_news_dates_resolve_with_their_granularity(text, value, granularity):
    got = resolve_date(text, PUBLISHED)
    assert got is not None and (got.value, got.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["last week", "the previous day", "overnight", "soon"])
def test_what_has_no_day_month_or_year_is_left_unresolved(text):
    assert resolve_date(text, PUBLISHED) is None


def test_relative_dates_need_a_publication_date():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("March 2021", None).value == "2021-03"
