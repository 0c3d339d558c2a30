"""The engagement log: dated interactions with people (meeting, call, email, event) and the
follow-ups they call for.

Dates are ISO calendar dates (`YYYY-MM-DD`) in the user's own calendar: "today" is the local
date. Nothing here is touched by re-imports.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import sqlite_utils

from db.assessments import AnalysisError, check_entity, dict_rows as _rows
from db.connection import write_transaction
from db.dates import ACCEPTED, DateError, parse_iso
from db.textnorm import strip_control

KINDS = ("meeting", "call", "email", "event")


def parse_date(value: str | date | None, what: str = "date", today: date | None = None) -> str | None:
    """`value` as an ISO date string (None and blank stay None); ISO dates and the words of
    `db.dates` (today, tomorrow, +7d, next monday, hoy, …) are read relative to `today`.
    Raises AnalysisError naming `what` for anything else."""
    try:
        return parse_iso(value, today)
    except DateError:
        text = str(value).strip()
        words = "" if re.fullmatch(r"[\d-]+", text) else f" (or {ACCEPTED.split(', ', 1)[1]})"
        raise AnalysisError(f"{what} must be a date written YYYY-MM-DD{words}, not '{text}'") from None


def _check_initiative(db: sqlite_utils.Database, initiative_id: int | None) -> int | None:
    """`initiative_id` when that initiative exists (None stays None); raises AnalysisError."""
    if initiative_id is None:
        return None
    if db.execute("SELECT 1 FROM initiatives WHERE id = ?", [initiative_id]).fetchone() is None:
        raise AnalysisError(f"no initiative with id {initiative_id}")
    return int(initiative_id)


def initiatives_of(db: sqlite_utils.Database, person_ids: list[int]) -> list[tuple[int, str]]:
    """(id, name) of the initiatives any of these people is a member of, by name: what an
    interaction with them may be about."""
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    return [
        (r[0], r[1])
        for r in db.execute(
            f"SELECT DISTINCT i.id, i.name FROM memberships m JOIN initiatives i ON i.id = m.initiative_id"
            f" WHERE m.person_id IN ({marks}) ORDER BY i.name COLLATE NOCASE, i.id",
            list(person_ids),
        )
    ]


def _checked(kind: str, date, follow_up_date, summary: str) -> tuple[str, str, str | None, str]:
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise AnalysisError(f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
    when = parse_date(date, "the date")
    if when is None:
        raise AnalysisError("an interaction needs a date (YYYY-MM-DD)")
    follow_up = parse_date(follow_up_date, "the follow-up date")
    if follow_up is not None and follow_up < when:
        raise AnalysisError(f"the follow-up date {follow_up} is before the interaction ({when})")
    return kind, when, follow_up, strip_control(summary or "").strip()


def log_interaction(
    db: sqlite_utils.Database,
    person_id: int,
    *,
    kind: str,
    date: str | date,
    summary: str = "",
    follow_up_date: str | date | None = None,
    initiative_id: int | None = None,
) -> dict:
    """Record an interaction with a person and return it. `kind` is one of KINDS; the
    follow-up date, if any, may not be before the interaction's date; `initiative_id`, if
    given, is the initiative it was about."""
    return log_interactions(db, [person_id], kind=kind, date=date, summary=summary, follow_up_date=follow_up_date,
                            initiative_id=initiative_id)[0]


def log_interactions(
    db: sqlite_utils.Database,
    person_ids: list[int],
    *,
    kind: str,
    date: str | date,
    summary: str = "",
    follow_up_date: str | date | None = None,
    initiative_id: int | None = None,
) -> list[dict]:
    """Record one interaction with several people (a meeting with a few of them): one row per
    person, all in one transaction (none written if any person, or the initiative, is unknown)."""
    kind, when, follow_up, summary = _checked(kind, date, follow_up_date, summary)
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    ids = []
    with write_transaction(db):
        initiative_id = _check_initiative(db, initiative_id)
        for person_id in dict.fromkeys(person_ids):
            check_entity(db, "person", person_id)
            cursor = db.execute(
                "INSERT INTO interactions (person_id, kind, date, summary, follow_up_date, done, created_at, initiative_id)"
                " VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                [person_id, kind, when, summary, follow_up, stamp, initiative_id],
            )
            ids.append(cursor.lastrowid)
    marks = ",".join("?" * len(ids))
    return _rows(db, f"SELECT i.*, ini.name AS initiative FROM interactions i LEFT JOIN initiatives ini"
                     f" ON ini.id = i.initiative_id WHERE i.id IN ({marks}) ORDER BY i.id", ids)


def update_interaction(db: sqlite_utils.Database, interaction_id: int, **values) -> dict:
    """Correct an interaction: `values` are log_interaction's (kind, date, summary,
    follow_up_date, initiative_id), checked the same way; a changed follow-up date opens the
    follow-up again. An `initiative_id` left out keeps the interaction's initiative."""
    kind, when, follow_up, summary = _checked(
        values.get("kind", ""), values.get("date"), values.get("follow_up_date"), values.get("summary", "")
    )
    with write_transaction(db):
        old = _rows(db, "SELECT * FROM interactions WHERE id = ?", [interaction_id])
        if not old:
            raise AnalysisError(f"no interaction with id {interaction_id}")
        initiative_id = (_check_initiative(db, values["initiative_id"]) if "initiative_id" in values
                         else old[0]["initiative_id"])
        done = old[0]["done"] if old[0]["follow_up_date"] == follow_up else 0
        db.execute(
            "UPDATE interactions SET kind = ?, date = ?, summary = ?, follow_up_date = ?, done = ?, initiative_id = ?"
            " WHERE id = ?",
            [kind, when, summary, follow_up, done, initiative_id, interaction_id],
        )
    return _rows(db, "SELECT i.*, ini.name AS initiative FROM interactions i LEFT JOIN initiatives ini"
                     " ON ini.id = i.initiative_id WHERE i.id = ?", [interaction_id])[0]


def delete_interaction(db: sqlite_utils.Database, interaction_id: int) -> None:
    """Remove an interaction (and its follow-up)."""
    with write_transaction(db):
        cursor = db.execute("DELETE FROM interactions WHERE id = ?", [interaction_id])
        if cursor.rowcount == 0:
            raise AnalysisError(f"no interaction with id {interaction_id}")


def next_followup(db: sqlite_utils.Database, person_id: int) -> str | None:
    """The person's soonest open follow-up date, or None."""
    row = db.execute(
        "SELECT MIN(follow_up_date) FROM interactions WHERE person_id = ? AND done = 0 AND follow_up_date IS NOT NULL",
        [person_id],
    ).fetchone()
    return row[0] if row else None


def interactions(db: sqlite_utils.Database, person_id: int, limit: int = 50) -> list[dict]:
    """A person's interactions, newest first, each with `initiative` (the name of the
    initiative it was about, or None)."""
    return _rows(
        db,
        "SELECT i.*, ini.name AS initiative FROM interactions i LEFT JOIN initiatives ini ON ini.id = i.initiative_id"
        " WHERE i.person_id = ? ORDER BY i.date DESC, i.id DESC LIMIT ?",
        [person_id, limit],
    )


def last_interaction_date(db: sqlite_utils.Database, person_id: int) -> str | None:
    """The date of the person's latest interaction, or None."""
    row = db.execute("SELECT MAX(date) FROM interactions WHERE person_id = ?", [person_id]).fetchone()
    return row[0] if row else None


def due_followups(
    db: sqlite_utils.Database, today: str | date | None = None, *, within_days: int = 0, limit: int = 500
) -> list[dict]:
    """Open follow-ups due on or before `today` (+ `within_days`), soonest (most overdue) first.

    Each row is the interaction plus `name` (the person's), `initiative` (the name of the
    initiative it was about, or None) and `days` (follow-up date minus today: negative when
    overdue, 0 when due today).
    """
    day = date.fromisoformat(parse_date(today, "today") or date.today().isoformat())
    horizon = (day + timedelta(days=max(0, within_days))).isoformat()
    rows = _rows(
        db,
        "SELECT i.*, p.name, ini.name AS initiative FROM interactions i JOIN people p ON p.id = i.person_id"
        " LEFT JOIN initiatives ini ON ini.id = i.initiative_id"
        " WHERE i.follow_up_date IS NOT NULL AND i.done = 0 AND i.follow_up_date <= ?"
        " ORDER BY i.follow_up_date, i.date, i.id LIMIT ?",
        [horizon, limit],
    )
    for row in rows:
        row["days"] = (date.fromisoformat(row["follow_up_date"]) - day).days
    return rows


def mark_done(db: sqlite_utils.Database, interaction_id: int, done: bool = True) -> None:
    """Mark an interaction's follow-up done (or open again); journaled, so `undo` reverts it."""
    from db.journal import journaled

    state = "done" if done else "open again"
    with journaled(db, "follow-up", f"Marked follow-up #{interaction_id} {state}") as entry:
        row = db.execute(
            "SELECT p.name, i.kind, i.date FROM interactions i JOIN people p ON p.id = i.person_id WHERE i.id = ?",
            [interaction_id],
        ).fetchone()
        if row:
            entry["description"] = f"Marked the follow-up of the {row[1]} with {row[0]} on {row[2]} {state}"
        cursor = db.execute("UPDATE interactions SET done = ? WHERE id = ?", [int(bool(done)), interaction_id])
        if cursor.rowcount == 0:
            raise AnalysisError(f"no interaction with id {interaction_id}")

