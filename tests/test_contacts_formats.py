"""Contact files as other programs write them: Google Contacts (current and older CSV export),
Outlook CSV, Apple/iCloud vCard 3.0, Android vCard 2.1, vCard 4.0. The samples are invented
files in each program's shape (tests/fixtures/contacts/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.formats.contacts import import_contacts

SAMPLES = Path(__file__).parent / "fixtures" / "contacts"


def _people(db) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in db.execute("SELECT name, title, email, phone FROM people")}


def _orgs(db, name: str) -> list[tuple]:
    return db.execute(
        "SELECT o.name, a.title FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
        " JOIN people p ON p.id = a.person_id WHERE p.name = ? ORDER BY a.rowid",
        [name],
    ).fetchall()


def _tags(db, name: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT tag FROM tags t JOIN people p ON p.id = t.entity_id AND t.entity_type = 'person'"
        " WHERE p.name = ? ORDER BY tag", [name])]


def _notes(db, name: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT body FROM notes n JOIN people p ON p.id = n.entity_id AND n.entity_type = 'person'"
        " WHERE p.name = ? ORDER BY n.id", [name])]


def _import(db, name: str):
    result = import_contacts(db, SAMPLES / name)
    assert result.status == "imported", result.message
    return result


def test_google_contacts_current_export(empty_db):
    result = _import(empty_db, "google_contacts.csv")
    assert result.added["people"] == 2
    people = _people(empty_db)
    assert people["Marisol Quintanilla Roble"] == (
        "Directora de Operaciones", "marisol@puertoclaro.example", "+52 81 5550 1234")
    assert people["Dwight R. Obuya"] == (None, None, "+1 512 555 0101")  # the first phone that has a number
    assert _orgs(empty_db, "Marisol Quintanilla Roble") == [("Puerto Claro Logística", "Directora de Operaciones")]
    assert _tags(empty_db, "Marisol Quintanilla Roble") == ["clients", "forum 2025"]  # '* myContacts' is Google's own
    assert _tags(empty_db, "Dwight R. Obuya") == []
    assert _notes(empty_db, "Marisol Quintanilla Roble") == ["Met at the logistics forum"]


def test_google_contacts_older_export(empty_db):
    _import(empty_db, "google_contacts_old.csv")
    people = _people(empty_db)
    assert people["Teodora Vilches Arce"] == ("Socia directora", "teodora@vilches.example", "+34 91 555 0100")
    assert _orgs(empty_db, "Teodora Vilches Arce") == [
        ("Vilches Ingeniería", "Socia directora"), ("Cámara Hispano-Norte", "Vocal")]
    assert "Ramón Esparza" in people  # no Name cell: Given Name + Family Name
    assert _orgs(empty_db, "Ramón Esparza") == [("Esparza Hermanos", None)]
    assert _tags(empty_db, "Teodora Vilches Arce") == ["suppliers"]


def test_outlook_csv(empty_db):
    _import(empty_db, "outlook.csv")  # Windows-1252, as Outlook desktop writes it
    people = _people(empty_db)
    # Outlook's Title is the honorific (Ms.); Job Title is the title
    assert people["Harriet Lowmoor Jr."] == ("Chief Operating Officer", "harriet@lowmoor.example", "+1 202 555 0142")
    assert _orgs(empty_db, "Harriet Lowmoor Jr.") == [("Lowmoor Freight", "Chief Operating Officer")]
    assert _tags(empty_db, "Harriet Lowmoor Jr.") == ["clients", "freight"]


def test_apple_icloud_vcard_3(empty_db):
    _import(empty_db, "apple_icloud.vcf")
    people = _people(empty_db)
    assert people["Marisol Quintanilla Roble"] == (
        "Directora de Operaciones", "marisol@puertoclaro.example", "+52 81 5550 1234")
    assert _orgs(empty_db, "Marisol Quintanilla Roble") == [("Puerto Claro Logística", "Directora de Operaciones")]
    assert people["Dwight R. Obuya"] == (None, None, "(512) 555-0101")
    assert _orgs(empty_db, "Dwight R. Obuya") == [("Lakeside Components", None)]
    assert _tags(empty_db, "Marisol Quintanilla Roble") == ["clients", "forum"]
    assert _notes(empty_db, "Marisol Quintanilla Roble") == ["Met at the logistics forum, with the port people"]


def test_android_vcard_2_1(empty_db):
    _import(empty_db, "android.vcf")
    people = _people(empty_db)
    assert people["Lucía Berenice Álvarez"] == ("Socia", "lucia@example.mx", "+525555501234")
    assert _orgs(empty_db, "Lucía Berenice Álvarez") == [("Consultora Norte y Asociados, S.C.", "Socia")]
    assert _notes(empty_db, "Lucía Berenice Álvarez") == ["Primera línea\nSegunda"]
    assert people["Ernesto Salcido"] == (None, None, "55-5555-0000")  # no FN: from N


def test_vcard_4_tel_uri_stores_the_number(empty_db):
    _import(empty_db, "vcard4.vcf")
    assert _people(empty_db)["Sven Ekdahl"] == (None, "sven@example.se", "+46-8-555-0199")


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir()))
def test_every_sample_is_a_contacts_file_in_a_folder_and_imports_once(empty_db, name):
    from db.importer import plan_import

    assert SAMPLES / name in plan_import([SAMPLES]).files
    _import(empty_db, name)
    again = import_contacts(empty_db, SAMPLES / name)
    assert again.added == {}
