"""Contact-list export: CSV (spreadsheet-safe), JSON and vCard 3.0, streamed."""

from __future__ import annotations

import csv
import inspect
import io
import json
import tracemalloc

import pytest
import vobject

import contacts_fixture
from contacts_fixture import HOSTILE
from db.connection import write_transaction
from db.formats.export import (
    CSV_FIELDS,
    FORMULA_PREFIXES,
    ExportFilters,
    count_people,
    export_people,
    iter_people,
    neutralize_cell,
)
from db.textnorm import fold
from db.formats.vcard import fold_line, split_name


@pytest.fixture
def small_db(empty_db):
    contacts_fixture.build(empty_db)
    return empty_db


@pytest.fixture
def ids(small_db):
    return {r[1]: r[0] for r in small_db.execute("SELECT id, name FROM people")}


def export(db, fmt, **kwargs) -> str:
    out = io.StringIO(newline="")
    export_people(db, fmt, out, **kwargs)
    return out.getvalue()


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_person_with_the_documented_columns(small_db):
    text = export(small_db, "csv")
    rows = csv_rows(text)
    assert list(rows[0]) == list(CSV_FIELDS)
    assert len(rows) == 7
    hector = next(r for r in rows if r["name"] == "Hector Gonzalez")
    assert hector["organizations"] == "Northwind Traders"
    assert hector["initiatives"] == "Border Task Force"
    assert hector["tags"] == "logistics; vip"
    assert hector["notes"].startswith("Met in Monterrey; follow up")
    assert hector["sources"] == "press.txt"
    assert hector["phone"] == "'+52 55 1234 5678"  # neutralised: starts with +


def test_csv_never_lets_a_formula_reach_a_spreadsheet(small_db):
    rows = csv_rows(export(small_db, "csv"))
    hostile = next(r for r in rows if HOSTILE in r["name"])
    assert hostile["name"] == "'" + HOSTILE
    for row in rows:
        for field, cell in row.items():
            assert not cell.startswith(FORMULA_PREFIXES), (field, cell)
    # every field of the hostile row was hostile and is neutralised
    for field in ("name", "title", "organizations", "initiatives", "email", "phone", "tags", "notes"):
        assert hostile[field].startswith("'"), field


def test_csv_raw_keeps_cells_as_they_are(small_db):
    rows = csv_rows(export(small_db, "csv", raw=True))
    assert any(r["name"] == HOSTILE for r in rows)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_neutralize_cell(value):
    assert neutralize_cell(value) == "'" + value
    assert neutralize_cell("plain " + value) == "plain " + value


def test_json_lists_people_with_ids_in_a_stable_key_order(small_db):
    people = json.loads(export(small_db, "json"))
    assert len(people) == 7
    assert list(people[0]) == [
        "id", "uid", "name", "title", "organizations", "initiatives", "email", "phone", "tags", "notes", "sources",
        "influence", "interest", "stance", "assessed_at", "last_interaction",  # db.analysis.EXPORT_FIELDS
    ]
    hector = next(p for p in people if p["name"] == "Hector Gonzalez")
    assert hector["organizations"][0]["name"] == "Northwind Traders" and hector["organizations"][0]["id"]
    assert hector["initiatives"][0] == {"id": hector["initiatives"][0]["id"], "name": "Border Task Force", "role": "member"}
    assert hector["notes"][1] == "Second note"
    assert json.loads(export(small_db, "json", filters=ExportFilters(tag="nobody"))) == []


def test_vcards_are_read_by_an_independent_parser(small_db):
    text = export(small_db, "vcard")
    cards = list(vobject.readComponents(text))
    assert len(cards) == 7
    by_name = {c.fn.value: c for c in cards}
    hector = by_name["Hector Gonzalez"]
    assert hector.version.value == "3.0"
    assert hector.n.value.family == "Gonzalez" and hector.n.value.given == "Hector"
    assert hector.org.value == ["Northwind Traders"]
    assert hector.title.value == "CEO"
    assert hector.email.value == "hector@northwind.example"
    assert hector.tel.value == "+52 55 1234 5678"
    assert hector.categories.value == ["logistics", "vip"]
    assert hector.note.value == (
        "Met in Monterrey; follow up on customs, ports.\nSecond line \\ backslash\n\nSecond note"
    )
    luz = by_name["Luz María de la Mora"]
    assert (luz.n.value.family, luz.n.value.given) == ("de la Mora", "Luz María")
    assert by_name["Jorge Gonzalez"].title.value == "Director, Trade; Logistics"
    hostile = by_name[HOSTILE]
    assert hostile.categories.value == ["=cmd|' /c calc'!a0"]
    assert len(by_name["Guillermo Garza Martinez"].contents["org"]) == 2


def test_vcard_lines_are_folded_at_75_octets_with_crlf(small_db):
    small_db.execute("UPDATE people SET title = ? WHERE name = 'Jorge Gonzalez'", ["Dirección General " * 12])
    text = export(small_db, "vcard")
    raw = text.encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    jorge = next(c for c in vobject.readComponents(text) if c.fn.value == "Jorge Gonzalez")
    assert jorge.title.value == "Dirección General " * 12


def test_fold_line_never_splits_a_character():
    folded = fold_line("NOTE:" + "é" * 100)
    for line in folded.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "".join(line[1:] if i else line for i, line in enumerate(folded.split("\r\n"))) == "NOTE:" + "é" * 100


def test_vcard_uid_is_stable_across_exports(small_db):
    first = {c.fn.value: c.uid.value for c in vobject.readComponents(export(small_db, "vcard"))}
    small_db.execute("UPDATE people SET title = 'changed'")
    second = {c.fn.value: c.uid.value for c in vobject.readComponents(export(small_db, "vcard"))}
    assert first == second and len(set(first.values())) == 7


@pytest.mark.parametrize(
    "name, family, given, additional, prefix",
    [
        ("Luz María de la Mora", "de la Mora", "Luz María", "", ""),
        ("Guillermo Garza Martinez", "Garza Martinez", "Guillermo", "", ""),
        ("José Luis Gil", "Gil", "José Luis", "", ""),
        ("Victor André Gamas", "Gamas", "Victor André", "", ""),
        ("Jason R. Marczak", "Marczak", "Jason", "R.", ""),
        ("Rep. Henry Cuellar", "Cuellar", "Henry", "", "Rep."),
        ("Andrés Manuel López Obrador", "López Obrador", "Andrés Manuel", "", ""),
        ("Madonna", "", "Madonna", "", ""),
        ("Sofía Treviño de la Garza", "Treviño de la Garza", "Sofía", "", ""),
        ("Lucía Berenice Álvarez", "Álvarez", "Lucía Berenice", "", ""),
        ("María Fernanda de los Santos Ibarra", "de los Santos Ibarra", "María Fernanda", "", ""),
        ("Juan Mora Santos", "Mora Santos", "Juan", "", ""),
        ("Ana Lucía Reyes y Peña", "Reyes y Peña", "Ana Lucía", "", ""),
        ("Dwight R. Obuya", "Obuya", "Dwight", "R.", ""),
    ],
)
def test_split_name(name, family, given, additional, prefix):
    parts = split_name(name)
    assert (parts["family"], parts["given"], parts["additional"], parts["prefix"]) == (family, given, additional, prefix)


def test_filters_combine(small_db, ids):
    border = small_db.execute("SELECT id FROM initiatives WHERE acronym = 'BTF'").fetchone()[0]
    acme = small_db.execute("SELECT id FROM organizations WHERE name = 'Acme Logistica'").fetchone()[0]
    names = lambda f: [p["name"] for p in iter_people(small_db, f)]  # noqa: E731
    assert names(ExportFilters(initiative_id=border)) == [
        "Guillermo Garza Martinez", "Hector Gonzalez", "Jorge Gonzalez", "Luz María de la Mora"
    ]
    assert names(ExportFilters(initiative_id=border, organization_id=acme)) == [
        "Guillermo Garza Martinez", "Jorge Gonzalez", "Luz María de la Mora"
    ]
    assert names(ExportFilters(initiative_id=border, organization_id=acme, tag="VIP")) == []
    assert names(ExportFilters(tag=" VIP ")) == ["Hector Gonzalez"]
    assert "Jorge Gonzalez" in names(ExportFilters(query="gonzalez"))
    assert names(ExportFilters(query="gonzalez", organization_id=acme)) == ["Jorge Gonzalez"]
    assert count_people(small_db, ExportFilters(initiative_id=border, organization_id=acme)) == 3


def test_explicit_person_ids_keep_their_order(small_db, ids):
    order = [ids["Vicente Gonzalez"], ids["Hector Gonzalez"], ids["Luz María de la Mora"]]
    out = io.StringIO()
    assert export_people(small_db, "json", out, person_ids=order + [order[0]]) == 3
    assert [p["id"] for p in json.loads(out.getvalue())] == order


def test_progress_callback_sees_every_person(small_db):
    seen = []
    export_people(small_db, "vcard", io.StringIO(), progress=seen.append)
    assert len(seen) == 7


def test_unknown_format_is_refused(small_db):
    with pytest.raises(ValueError):
        export_people(small_db, "xlsx", io.StringIO())


class _Sink(io.TextIOBase):
    """Counts what is written and keeps nothing."""

    def __init__(self):
        self.size = 0

    def write(self, s):
        self.size += len(s)
        return len(s)


def test_large_exports_stream_in_bounded_memory(empty_db):
    n = 3000
    with write_transaction(empty_db):
        empty_db.conn.executemany(
            "INSERT INTO people (name, title, name_key) VALUES (?, ?, ?)",
            [(f"Person {i:05d}", "Long title " * 30, fold(f"Person {i:05d}")) for i in range(n)],
        )
    assert inspect.isgenerator(iter_people(empty_db))
    for fmt in ("csv", "json", "vcard"):
        sink = _Sink()
        tracemalloc.start()
        assert export_people(empty_db, fmt, sink) == n
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert sink.size > 900_000  # the output is large...
        assert peak < sink.size / 4, (fmt, peak, sink.size)  # ...but never held in memory
