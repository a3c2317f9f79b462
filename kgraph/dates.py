"""Dates of events, resolved against the document's publication date.

A small deterministic resolver for the forms news uses ("Thursday", "May 21",
"21 May 2021", "March 2025", "last year", "yesterday"), keeping the granularity
(day, month, year).  A weekday means the latest such day on or before the
publication date (news reports the past); the publication day itself counts.

>>> resolve_date("Thursday", "2021-05-21").value   # 2021-05-21 was a Friday
'2021-05-20'
>>> resolve_date("decades", "2021-05-21") is None
True
>>> resolve_date("May 2021", None).granularity
'month'
"""

from __future__ import annotations

import datetime as dt
import re

from .records import DateValue

__all__ = ["resolve_date"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}  # fmt: skip
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_M = (  # a month's name or its abbreviation, not "decades" or "marches"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?"
)


def _anchor(doc_date: str | None) -> dt.date | None:
    if not doc_date:
        return None
    try:
        return dt.date.fromisoformat(doc_date[:10])
    except ValueError:
        return None


def _closest_year(month: int, day: int | None, ref: dt.date, tense: str = "") -> int:
    """The year that puts month/day nearest to (and preferably before) the reference; with
    ``tense`` "past", the last such date on or before it ("seized Goma in January", told in
    November, is this January); with "future", the next one on or after it.

    >>> [_closest_year(1, None, dt.date(2025, 11, 16), t) for t in ("", "past", "future")]
    [2026, 2025, 2026]
    """
    if tense in ("past", "future"):
        for y in (ref.year, ref.year - 1) if tense == "past" else (ref.year, ref.year + 1):
            try:
                d = dt.date(y, month, day or 1)
            except ValueError:
                continue
            if (d <= ref) if tense == "past" else (d >= ref.replace(day=1)):
                return y
    best = ref.year
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day or 1)
        except ValueError:
            continue
        if abs((d - ref).days) < abs((dt.date(best, month, min(day or 1, 28)) - ref).days):
            best = y
    return best


def resolve_date(
    text: str, doc_date: str | None, start: int = -1, end: int = -1, tense: str = ""
) -> DateValue | None:
    """Resolve a date expression; None if it is relative and no anchor is known. A month or
    day with no year is put before the document's date when ``tense`` is "past", after it
    when "future", else nearest to it."""
    t = text.lower().strip()
    for _ in range(3):  # "in early 2024", "by the end of" stays unread
        t = re.sub(r"^(on|in|since|by|the|early|late|earlier|later)\s+|^mid-?\s*", "", t)
    ref = _anchor(doc_date)

    def out(d: dt.date, gran: str) -> DateValue:
        value = {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[gran]
        return DateValue(value, gran, text, start, end)

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return out(dt.date(*map(int, m.groups())), "day")
    m = re.fullmatch(_M + r"\s+(\d{1,2})(st|nd|rd|th)?(,?\s+(\d{4}))?", t) or None
    day_first = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?\s+" + _M + r"(,?\s+(\d{4}))?", t)
    if m or day_first:
        if m:
            mon, day, year = (
                MONTHS[m.group(1)[:3] if m.group(1) != "sept" else "sept"],
                int(m.group(2)),
                m.group(5),
            )
        else:
            mon, day, year = (
                MONTHS[day_first.group(3)[:3]],
                int(day_first.group(1)),
                day_first.group(5),
            )
        if year is None and ref is None:
            return None
        y = int(year) if year else _closest_year(mon, day, ref, tense)
        try:
            return out(dt.date(y, mon, day), "day")
        except ValueError:
            return None
    m = re.fullmatch(_M + r",?\s+(\d{4})", t)
    if m:
        return out(dt.date(int(m.group(2)), MONTHS[m.group(1)[:3]], 1), "month")
    m = re.fullmatch(r"(\d{4})", t)
    if m and 1800 < int(t) < 2200:
        return out(dt.date(int(t), 1, 1), "year")
    if ref is None:
        return None
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return out(ref, "day")
    if t in ("yesterday", "last night"):
        return out(ref - dt.timedelta(days=1), "day")
    if t == "tomorrow":
        return out(ref + dt.timedelta(days=1), "day")
    m = re.fullmatch(
        r"(last |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( night| morning| afternoon| evening)?",
        t,
    )
    if m:
        wd = WEEKDAYS.index(m.group(2))
        delta = (ref.weekday() - wd) % 7
        if m.group(1) == "next ":
            delta = -((wd - ref.weekday()) % 7 or 7)
        return out(ref - dt.timedelta(days=delta), "day")
    m = re.fullmatch(_M, t)
    if m:
        mon = MONTHS[m.group(1)[:3]]
        return out(dt.date(_closest_year(mon, None, ref, tense), mon, 1), "month")
    m = re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|\d+) days? ago", t)
    if m:  # "two days ago"
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7}.get(m.group(1)) or int(m.group(1))  # fmt: skip
        return out(ref - dt.timedelta(days=n), "day")
    if t in ("last month", "this month", "next month"):
        shift = {"last month": -1, "this month": 0, "next month": 1}[t]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return out(dt.date(y, mo + 1, 1), "month")
    if t in ("last year", "this year", "next year"):
        return out(
            dt.date(ref.year + {"last year": -1, "this year": 0, "next year": 1}[t], 1, 1), "year"
        )
    return None
