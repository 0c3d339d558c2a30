"""Checking that queries use indexes: every statement a piece of code runs is traced, then
`EXPLAIN QUERY PLAN` of each must not read a whole table (see `full_scans`).

Used by the write-path and search tests: a scan is invisible at test sizes and costs seconds
at 1M people.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from typing import Iterator

# A plan line reading every row: `SCAN people`, `SCAN k` (aliases are printed as used), or an
# index searched on entity_type alone (every alias / key of a type: the same as a scan).
_SCAN = re.compile(r"^SCAN (?!CONSTANT ROW)(?!\(subquery)(\S+)(.*)$")
_TYPE_ONLY = re.compile(r"USING (?:COVERING )?INDEX \S+ \(entity_type=\?\)$")
_ALLOWED_VIRTUAL = re.compile(r"VIRTUAL TABLE INDEX \d+:\S*M")  # an FTS5 MATCH starts from the index
_TABLE_FUNCTIONS = {"json_each", "j", "json_tree", "pragma_table_info"}
# Read whole by design: the stale-key marks (nearly always empty) and the word vocabulary
# (loaded once per process for typo matching), and the schema (sqlite-utils introspection);
# the keys an import's deferral holds back (`search_pending`: only the keys of the document in
# flight, empty between transactions, test_deferred_upkeep checks) and its one-row marker.
_READ_WHOLE = {"search_stale", "search_vocabulary", "sqlite_master", "sqlite_schema", "search_pending", "search_deferred"}


_CTE = re.compile(r"\b(\w+)\s*(?:\([\w\s,]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(", re.I)


def plan(conn: sqlite3.Connection, sql: str, params=()) -> list[str]:
    """The detail lines of `EXPLAIN QUERY PLAN sql`."""
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def full_scans(conn: sqlite3.Connection, sql: str, params=()) -> list[str]:
    """The plan lines of `sql` that read a whole table or a whole entity type."""
    bad = []
    ctes = set(_CTE.findall(sql))  # a WITH table is the small set it computes, not a table
    for line in plan(conn, sql, params):
        m = _SCAN.match(line)
        if m:
            name, rest = m.groups()
            if name in _TABLE_FUNCTIONS or name in _READ_WHOLE or name in ctes or _ALLOWED_VIRTUAL.search(rest) or "VIRTUAL TABLE" in rest and name.startswith("temp"):
                continue
            bad.append(line)
        elif _TYPE_ONLY.search(line):
            bad.append(line)
    return bad


@contextlib.contextmanager
def traced(conn: sqlite3.Connection) -> Iterator[list[str]]:
    """Collect the SQL of every statement run on `conn` (parameters expanded) while inside."""
    statements: list[str] = []

    def record(sql: str) -> None:
        statements.append(sql)

    conn.set_trace_callback(record)
    try:
        yield statements
    finally:
        conn.set_trace_callback(None)


_PLANNED = re.compile(r"^\s*(?:WITH\b.*?\)\s*)?(SELECT|UPDATE|DELETE|INSERT)\b", re.I | re.S)


def scans_in(conn: sqlite3.Connection, statements: list[str]) -> dict[str, list[str]]:
    """`{statement: offending plan lines}` for the traced statements that scan."""
    found: dict[str, list[str]] = {}
    for sql in dict.fromkeys(statements):
        if sql.startswith("--") or not _PLANNED.match(sql):
            continue  # trigger sub-statements are checked through `trigger_statements`
        try:
            bad = full_scans(conn, sql)
        except sqlite3.Error:
            continue  # e.g. a statement that only parses inside its transaction
        if bad:
            found[sql] = bad
    return found


def trigger_statements(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Each statement of every trigger body, with NEW./OLD. references made literals, by trigger."""
    out: dict[str, list[str]] = {}
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"):
        body = sql[sql.upper().index("BEGIN") + 5 : sql.upper().rindex("END")]
        body = re.sub(r"\b(?:NEW|OLD)\.(\w+)", lambda m: "1" if m.group(1).endswith("id") else "'x'", body)
        statements, current = [], ""
        for piece in body.split(";"):
            current += piece
            if sqlite3.complete_statement(current + ";"):
                if current.strip():
                    statements.append(current.strip())
                current = ""
            else:
                current += ";"
        out[name] = statements
    return out
