"""Dates as people type them: `today`, `tomorrow`, `yesterday`, `+7d`, `-3d`, `+2w`, `in 3 days`,
`next monday`, `friday`, `next week`, ISO `2026-12-01`, and the Spanish `hoy`, `mañana`, `ayer`,
`lunes`, `próximo lunes`, `la semana que viene`. One parser for the app and the CLI.

A weekday names the next such day after today (`monday` on a Monday is a week later);
`next week` is the Monday of next week. Anything else is refused with a DateError that says
what is accepted: a date typed is never silently dropped.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from db.textnorm import strip_accents

ACCEPTED = "YYYY-MM-DD, today, tomorrow, yesterday, +7d, -3d, +2w, next monday or next week"

_WORDS = {
    "today": 0, "hoy": 0, "now": 0,
    "tomorrow": 1, "manana": 1, "tmr": 1,
    "yesterday": -1, "ayer": -1,
    "pasado manana": 2, "anteayer": -2,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "lunes": 0,
    "tuesday": 1, "tue": 1, "tues": 1, "martes": 1,
    "wednesday": 2, "wed": 2, "miercoles": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "jueves": 3,
    "friday": 4, "fri": 4, "viernes": 4,
    "saturday": 5, "sat": 5, "sabado": 5,
    "sunday": 6, "sun": 6, "domingo": 6,
}
_NEXT = r"(?:next|this|coming|el|proximo|proxima|este|esta)"
_NEXT_WEEK = re.compile(r"^(?:next week|la semana que viene|la proxima semana|proxima semana|semana proxima)$")
_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*(d|w|m)?$")
_IN = re.compile(r"^(?:in|en|dentro de)\s+(\d{1,4})\s+(day|days|week|weeks|dia|dias|semana|semanas)$")
_AGO = re.compile(r"^(\d{1,4})\s+(day|days|week|weeks)\s+ago$")
_WEEKDAY = re.compile(rf"^(?:{_NEXT}\s+)?(\w+)$")


class DateError(ValueError):
    """A text that is not a date this parser understands."""


def _normal(text: str) -> str:
    return " ".join(strip_accents(text).casefold().split())


def parse_day(value: str | date | None, today: date | None = None) -> date | None:
    """The calendar date `value` stands for (None for None or blank); raises DateError."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _normal(str(value))
    if not text:
        return None
    today = today or date.today()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise DateError(f"'{value}' is not a day of the calendar") from None
    if text in _WORDS:
        return today + timedelta(days=_WORDS[text])
    if _NEXT_WEEK.match(text):
        return today + timedelta(days=7 - today.weekday())
    match = _OFFSET.match(text)
    if match:
        sign, number, unit = match.groups()
        days = int(number) * {"d": 1, "w": 7, "m": 30, None: 1}[unit]
        return today + timedelta(days=days if sign == "+" else -days)
    match = _IN.match(text) or _AGO.match(text)
    if match:
        number, unit = int(match.group(1)), match.group(2)
        days = number * (7 if unit.startswith("week") or unit.startswith("semana") else 1)
        return today + timedelta(days=-days if text.endswith("ago") else days)
    match = _WEEKDAY.match(text)
    if match and match.group(1) in _WEEKDAYS:
        ahead = (_WEEKDAYS[match.group(1)] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    raise DateError(f"'{value}' is not a date: use {ACCEPTED}")


def parse_iso(value: str | date | None, today: date | None = None) -> str | None:
    """`parse_day` as an ISO `YYYY-MM-DD` string (None stays None)."""
    day = parse_day(value, today)
    return day.isoformat() if day is not None else None
