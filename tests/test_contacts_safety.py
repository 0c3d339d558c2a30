"""Issue 12, contact lists: an export never destroys the database or leaves half a file; no
note injects vCard properties or contacts; long fields round trip; malformed CSV rows are
refused with their line number; the contact-import path uses indexes."""

from __future__ import annotations

import csv
import io
import os

import pytest
import contacts_fixture
from db import open_db
from db.annotations import add_note
from db.formats import export as export_module
from db.formats.contacts import import_contacts
from db.formats.export import OutputError, atomic_output, check_output_path, export_people
from test_contacts_cli import db_path, run  # noqa: F401 - the fixture and the runner


def people_count(path) -> int:
    db = open_db(path)
    try:
        return db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    finally:
        db.close()


# ---------------------------------------------------------------- 1. export --output
@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative", "wal", "shm"])
def test_export_onto_the_database_is_refused_in_one_line(db_path, tmp_path, monkeypatch, how):
    before = db_path.read_bytes()
    target = db_path
    if how == "symlink":
        target = tmp_path / "link.csv"
        target.symlink_to(db_path)
    elif how == "hardlink":
        target = tmp_path / "hard.csv"
        os.link(db_path, target)
    elif how == "relative":
        monkeypatch.chdir(tmp_path)
        target = "./sub/../small.db"
        (tmp_path / "sub").mkdir()
    elif how in ("wal", "shm"):
        target = tmp_path / f"small.db-{how}"
    result = run(db_path, "export", "--output", str(target))
    assert result.exit_code == 1
    assert "database" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    if how not in ("wal", "shm"):
        assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert people_count(db_path) == 7 and before[:100] == db_path.read_bytes()[:100]


@pytest.mark.parametrize("how", ["same", "symlink", "wal"])
def test_judgements_output_onto_the_database_is_refused(db_path, tmp_path, how):
    """`judgements --output` is the other command that writes a file: never onto the database."""
    target = {"same": db_path, "symlink": tmp_path / "j.json", "wal": tmp_path / "small.db-wal"}[how]
    if how == "symlink":
        target.symlink_to(db_path)
    result = run(db_path, "judgements", "--output", str(target))
    assert result.exit_code == 1
    assert "database" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00" and people_count(db_path) == 7


def test_judgements_output_replaces_the_file_whole(db_path, tmp_path):
    out = tmp_path / "j.json"
    out.write_text("old\n", encoding="utf-8")
    assert run(db_path, "judgements", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".j.json")] == []


def test_the_apps_export_to_file_refuses_the_database(db_path, tmp_path):
    """The app's `x` export goes through `export_to_file`: the database is refused there too."""
    from db.formats.export import export_to_file

    link = tmp_path / "people.csv"
    link.symlink_to(db_path)
    db = open_db(db_path)
    try:
        for target in (db_path, link, tmp_path / "small.db-wal"):
            with pytest.raises(OutputError):
                export_to_file(db, "csv", target)
    finally:
        db.close()
    assert people_count(db_path) == 7


def test_check_output_path_accepts_another_file(db_path, tmp_path):
    db = open_db(db_path)
    try:
        check_output_path(db, tmp_path / "fine.csv")
        with pytest.raises(OutputError):
            check_output_path(db, db_path)
    finally:
        db.close()


def test_a_failed_export_keeps_the_old_file_and_leaves_no_partial_file(db_path, tmp_path, monkeypatch):
    out = tmp_path / "list.csv"
    out.write_text("previous export\n", encoding="utf-8")
    real = export_module.csv_row
    calls = []

    def failing(person, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(person, **kwargs)

    monkeypatch.setattr(export_module, "csv_row", failing)
    result = run(db_path, "export", "--output", str(out))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "previous export\n"  # never truncated first
    assert sorted(p.name for p in tmp_path.iterdir() if "list.csv" in p.name) == ["list.csv"]


def test_an_export_replaces_the_file_whole_and_keeps_its_mode(db_path, tmp_path):
    out = tmp_path / "list.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run(db_path, "export", "--output", str(out)).exit_code == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 7
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".list.csv")] == []


def test_atomic_output_writes_through_a_fifo_like_path_directly(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with atomic_output(fifo) as fh:
            fh.write("x")
        assert os.read(reader, 10) == b"x"
    finally:
        os.close(reader)
    assert fifo.exists() and not fifo.is_file()


# ---------------------------------------------------------------- 4. line separators
INJECTION = "Met once\u2028EMAIL:attacker@x.example\u2028BEGIN:VCARD\u2028FN:Injected Person\u2028END:VCARD\u2029more\x85end\x0bvt\x0cff"


def _hostile_note_db(tmp_path):
    db = open_db(tmp_path / "source.db")
    contacts_fixture.build(db)
    pid = db.execute("SELECT id FROM people WHERE name = 'Jorge Gonzalez'").fetchone()[0]
    with db.conn:  # as Datasette or the sqlite-utils CLI would store it, unfiltered
        db.execute("INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at)"
                   " VALUES ('person', ?, ?, '2024-01-01', '2024-01-01')", [pid, INJECTION])
    return db


@pytest.mark.parametrize("fmt,suffix", [("vcard", ".vcf"), ("csv", ".csv")])
def test_a_note_with_line_separators_injects_no_property_or_contact(tmp_path, fmt, suffix):
    source = _hostile_note_db(tmp_path)
    out = io.StringIO(newline="")
    export_people(source, fmt, out)
    text = out.getvalue()
    for ch in "\u2028\u2029\x85\x0b\x0c":
        assert ch not in text
    path = tmp_path / f"list{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    target = open_db(tmp_path / "target.db")
    result = import_contacts(target, path)
    assert result.status == "imported" and not result.rejected
    assert target.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 7
    assert not target.execute("SELECT 1 FROM people WHERE name LIKE '%Injected%' OR email LIKE 'attacker%'").fetchall()
    jorge = target.execute("SELECT id FROM people WHERE name = 'Jorge Gonzalez'").fetchone()[0]
    notes = [r[0] for r in target.execute("SELECT body FROM notes WHERE entity_id = ?", [jorge])]
    assert notes == ["Met once\nEMAIL:attacker@x.example\nBEGIN:VCARD\nFN:Injected Person\nEND:VCARD\nmore\nendvtff"]
    assert import_contacts(target, path).added == {}  # and again: nothing new


def test_vcard_import_splits_lines_at_cr_lf_only(tmp_path):
    path = tmp_path / "hand.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nNOTE:one\u2028EMAIL:attacker@x.example"
                    "\u2028END:VCARD\u2028BEGIN:VCARD\u2028FN:Injected\r\nEND:VCARD\r\n", encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    assert import_contacts(db, path).added == {"people": 1, "notes": 1}
    assert db.execute("SELECT name, email FROM people").fetchall() == [("Ada Quill", None)]


def test_json_export_escapes_line_separators(tmp_path):
    out = io.StringIO()
    export_people(_hostile_note_db(tmp_path), "json", out)
    text = out.getvalue()
    assert "\u2028" not in text and "\u2029" not in text and "\x85" not in text
    import json
    notes = [n for p in json.loads(text) for n in p["notes"]]
    assert INJECTION in notes  # escaped, not lost


# ---------------------------------------------------------------- 10. long fields
def test_csv_round_trip_with_a_field_over_128_kib(tmp_path):
    source = open_db(tmp_path / "source.db")
    contacts_fixture.build(source)
    long_note = ("A long account of every meeting. " * 6000).strip()
    assert len(long_note) > 150 * 1024
    add_note(source, "person", 1, long_note)
    out = tmp_path / "list.csv"
    out.write_text("", encoding="utf-8")
    with out.open("w", encoding="utf-8", newline="") as fh:
        export_people(source, "csv", fh)
    csv.field_size_limit(128 * 1024)  # the default of a fresh process
    target = open_db(tmp_path / "target.db")
    result = import_contacts(target, out)
    assert result.status == "imported", result.message
    assert target.execute("SELECT COUNT(*) FROM notes WHERE body = ?", [long_note]).fetchone()[0] == 1


# ---------------------------------------------------------------- 18. malformed CSV rows
MALFORMED = (
    "name,email,notes\r\n"                                   # 1
    "Ada Quill,ada@quill.example,fine\r\n"                  # 2
    '"Bea Unclosed,bea@x.example,note\r\n'                  # 3 unclosed quote
    "Cal Ross,cal@ross.example,\r\n"                        # 4
    "Dee\x00Null,dee@x.example,\r\n"                        # 5 NUL byte
    "Eve Bad,not-an-email,\r\n"                             # 6 invalid email
    'Fay Lee,fay@lee.example,"para one\r\n\r\npara two"\r\n'  # 7-9 one note, blank line
    'Gus Stray,"gus@x.example"x,\r\n'                       # 10 stray quote
    "Hal Last,hal@last.example,\r\n"                        # 11
)


def test_malformed_csv_rows_are_rejected_with_their_line_and_the_rest_imported(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(MALFORMED, encoding="utf-8", newline="")
    db = open_db(tmp_path / "t.db")
    result = import_contacts(db, path)
    assert [r.line for r in result.rejected] == [3, 5, 6, 10]
    assert str(result.rejected[0]) == "line 3: unclosed quote" and "stray quote" in result.rejected[3].reason
    assert "NUL" in result.rejected[1].reason and "not-an-email" in result.rejected[2].reason
    names = {r[0] for r in db.execute("SELECT name FROM people")}
    assert names == {"Ada Quill", "Cal Ross", "Fay Lee", "Hal Last"}
    fay = db.execute("SELECT id FROM people WHERE name = 'Fay Lee'").fetchone()[0]
    assert [r[0] for r in db.execute("SELECT body FROM notes WHERE entity_id = ?", [fay])] == ["para one\n\npara two"]


def test_an_unclosed_quote_at_the_end_keeps_the_rows_it_swallowed(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text('name,email\n"Ann Open,ann@x.example\nBo Two,bo@two.example\nCy Three,cy@three.example\n',
                    encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    result = import_contacts(db, path)
    assert [str(r) for r in result.rejected] == ["line 2: unclosed quote"]
    assert {r[0] for r in db.execute("SELECT name FROM people")} == {"Bo Two", "Cy Three"}


def test_cli_lists_rejected_rows_and_exits_non_zero(db_path, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(MALFORMED, encoding="utf-8", newline="")
    result = run(db_path, "import", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert all(l.startswith("Error: ") and "sheet.csv: line " in l for l in lines if "line " in l)
    assert len([l for l in lines if "not imported" in l]) == 4 and "4 rejected" in result.stdout


def test_rejected_rows_are_capped(db_path, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("name,email\n" + "".join(f"P{i} Bad,bad{i}\n" for i in range(30)), encoding="utf-8")
    result = run(db_path, "import", str(path))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 21 and "10 more rows not imported" in result.stderr


def test_a_note_with_a_blank_line_round_trips_as_one_note(tmp_path):
    source = open_db(tmp_path / "source.db")
    contacts_fixture.build(source)
    add_note(source, "person", 1, "first paragraph\n\nsecond paragraph\n\n\nthird")
    for fmt, suffix in (("csv", ".csv"), ("vcard", ".vcf")):
        path = tmp_path / f"out{suffix}"
        with path.open("w", encoding="utf-8", newline="") as fh:
            export_people(source, fmt, fh)
        target = open_db(tmp_path / f"target{suffix}.db")
        import_contacts(target, path)
        bodies = [r[0] for r in target.execute("SELECT body FROM notes")]
        assert "first paragraph\n\nsecond paragraph\n\n\nthird" in bodies, fmt
        assert "second paragraph" not in bodies and "third" not in bodies


# ---------------------------------------------------------------- 7. indexed, batched import
def test_every_lookup_of_a_contacts_import_uses_an_index(tmp_path):
    from query_plans import scans_in, traced

    db = open_db(tmp_path / "t.db")
    contacts_fixture.build(db)
    path = tmp_path / "sheet.csv"
    path.write_text(
        "name,email,organization,initiatives,tags,notes,uid\n"
        "Hector Gonzalez,HECTOR@northwind.example,Northwind Traders,Border Task Force,vip,again,\n"
        "Dr. Newt Person,newt@example.org,Brand New Org,Brand New Group,fresh,first,x-1\n"
        "Ñandú Pérez,ÑANDU@example.org,NWT,BTF,,,\n"
        "Luz María de la Mora,,,,,,\n",
        encoding="utf-8",
    )
    with traced(db.conn) as statements:
        result = import_contacts(db, path)
    assert result.status == "imported" and result.added["people"] == 2
    assert scans_in(db.conn, statements) == {}


def test_a_contacts_import_commits_in_batches(tmp_path):
    db = open_db(tmp_path / "t.db")
    path = tmp_path / "sheet.csv"
    path.write_text("name,email\n" + "".join(f"Person Number{i},p{i}@example.org\n" for i in range(25)), encoding="utf-8")
    commits = []
    db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
    result = import_contacts(db, path, batch_rows=10)
    db.conn.set_trace_callback(None)
    assert result.added["people"] == 25 and len(commits) == 3


def test_a_cell_starting_with_a_line_break_is_still_neutralised(tmp_path):
    db = open_db(tmp_path / "t.db")
    contacts_fixture.build(db)
    with db.conn:
        db.execute("UPDATE people SET title = ? WHERE id = 1", ["\r=1+2"])
        db.execute("UPDATE people SET phone = ? WHERE id = 2", ["\u2028=3+4"])
    out = io.StringIO(newline="")
    export_people(db, "csv", out)
    cells = [c for r in csv.reader(io.StringIO(out.getvalue(), newline="")) for c in r]
    assert "'\n=1+2" in cells and "'\n=3+4" in cells
