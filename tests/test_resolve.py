"""Entity resolution across documents: spellings, acronyms, short forms, re-imports and user data."""

from __future__ import annotations

from db.connection import write_transaction
from db.importer import import_text
from db.resolve import (
    add_alias,
    create_organization,
    create_person,
    find_initiative,
    find_organization,
    find_person,
)


def _count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_find_person_by_email_first_then_accent_and_case_insensitive_name(empty_db):
    with write_transaction(empty_db):
        a = create_person(empty_db, "José Ángel Núñez", email="jnunez@example.org")
        b = create_person(empty_db, "Jose Angel Nunez")  # a namesake with a different email, created by hand
    assert find_person(empty_db, "someone else", email="JNUNEZ@example.org") == a
    assert find_person(empty_db, "JOSE ANGEL NUÑEZ") == a
    assert find_person(empty_db, "nobody at all") is None
    assert b != a


def test_punctuation_and_us_spellings_are_one_organization(empty_db):
    import_text(empty_db, "Tanya Reyes, senior manager at the U.S. Chamber of Commerce, spoke.", name="a.txt")
    import_text(empty_db, "Diego Salas, a director at the US Chamber of Commerce, agreed.", name="b.txt")
    assert _count(empty_db, "organizations") == 1
    oid = find_organization(empty_db, "US Chamber of Commerce")
    assert oid == find_organization(empty_db, "U.S. Chamber of Commerce")
    assert _count(empty_db, "affiliations") == 2


def test_acronym_in_one_document_resolves_to_the_long_name_in_another(empty_db):
    import_text(empty_db, "BTF Border Logistics Task Force:\n• Ana Ruiz - Vireo\n• Luis Mata - Norvia\n", name="list.txt")
    import_text(empty_db, "The Border Trade Foundation (BTF) works on ports. Its CEO is new.", name="prose.txt")
    oid = find_organization(empty_db, "BTF")
    assert oid == find_organization(empty_db, "Border Trade Foundation")
    name = empty_db.execute("SELECT name FROM organizations WHERE id=?", [oid]).fetchone()[0]
    assert name == "Border Trade Foundation"
    iid = find_initiative(empty_db, "BTF Border Logistics Task Force")
    assert empty_db.execute(
        "SELECT role FROM initiative_organizations WHERE initiative_id=? AND organization_id=?", [iid, oid]
    ).fetchone()[0] == "convener"


def test_one_word_short_form_across_documents(empty_db):
    import_text(empty_db, "Task Force:\n• Ana Ruiz - Vireo\n• Luis Mata - Norvia\n• Eva Cano - Delta\n", name="a.txt")
    import_text(empty_db, "Companies such as Vireo Robotics and Kestrel Mining joined.", name="b.txt")
    oid = find_organization(empty_db, "Vireo")
    assert oid == find_organization(empty_db, "Vireo Robotics")
    assert empty_db.execute("SELECT name FROM organizations WHERE id=?", [oid]).fetchone()[0] == "Vireo Robotics"
    aliases = {r[0] for r in empty_db.execute("SELECT alias FROM aliases WHERE entity_id=? AND entity_type='organization'", [oid])}
    assert "Vireo" in aliases


def test_short_form_is_not_merged_when_ambiguous(empty_db):
    with write_transaction(empty_db):
        create_organization(empty_db, "Orion Energy")
        create_organization(empty_db, "Orion Health")
    assert find_organization(empty_db, "Orion") is None


def test_people_sharing_a_surname_stay_two_across_documents(empty_db):
    import_text(empty_db, "Said Rosa Pineda, president of the Gulf Ports Council.", name="a.txt")
    import_text(empty_db, "Said Marco Pineda, director of the Gulf Ports Council.", name="b.txt")
    assert _count(empty_db, "people") == 2


def test_reimport_same_text_is_a_no_op(empty_db):
    first = import_text(empty_db, "Forum:\n• Ana Ruiz - Vireo\n• Luis Mata - Norvia\n", name="a.txt")
    again = import_text(empty_db, "Forum:\n• Ana Ruiz - Vireo\n• Luis Mata - Norvia\n", name="copy.txt")
    assert first.status == "imported" and again.status == "unchanged"
    assert _count(empty_db, "people") == 2


def test_new_document_adds_what_is_new_and_never_overwrites_user_edits(empty_db):
    import_text(empty_db, "Forum:\n• Ana Ruiz - Vireo\n• Luis Mata - Norvia\n", name="a.txt")
    pid = find_person(empty_db, "Ana Ruiz")
    with write_transaction(empty_db):
        empty_db.execute(
            "UPDATE people SET name='Ana Ruiz Peña', name_key='ana ruiz pena', title='Board member',"
            " user_edited='name,title' WHERE id=?", [pid]
        )
        add_alias(empty_db, "person", pid, "Ana Ruiz")
    result = import_text(
        empty_db,
        "Ana Ruiz, chief economist at Vireo, welcomed the plan. Contact Ana Ruiz at aruiz@vireo.example.com.",
        name="b.txt",
    )
    assert result.added["people"] == 0
    name, title, email = empty_db.execute("SELECT name, title, email FROM people WHERE id=?", [pid]).fetchone()
    assert (name, title) == ("Ana Ruiz Peña", "Board member")
    assert email == "aruiz@vireo.example.com"  # a NULL field is filled
    assert _count(empty_db, "people") == 2


def test_aliases_of_a_merged_away_record_resolve_to_the_survivor(empty_db):
    with write_transaction(empty_db):
        keep = create_person(empty_db, "Roberta Quintana")
        gone = create_person(empty_db, "Bobbie Quintana")
        # what a user merge does: move aliases, add the old name, delete the merged-away row
        empty_db.execute("DELETE FROM people WHERE id=?", [gone])
        add_alias(empty_db, "person", keep, "Bobbie Quintana")
    import_text(empty_db, "Said Bobbie Quintana, director of the Pacific Ports Institute.", name="x.txt")
    assert _count(empty_db, "people") == 1
    assert find_person(empty_db, "Bobbie Quintana") == keep


def test_every_row_has_a_name_key(empty_db):
    import_text(empty_db, "The Gulf Ports Council (GPC) met. Said Rosa Pineda, president of GPC.", name="a.txt")
    for table in ("people", "organizations", "initiatives"):
        assert not empty_db.execute(f"SELECT 1 FROM {table} WHERE name_key = ''").fetchone()


def test_embassy_and_ministry_spellings_resolve_to_one_record(empty_db):
    with write_transaction(empty_db):
        embassy = create_organization(empty_db, "Embassy of USA in Mexico")
        ministry = create_organization(empty_db, "Secretariat of Economy")
        commerce = create_organization(empty_db, "Department of Commerce")
    assert find_organization(empty_db, "U.S. Embassy in Mexico") == embassy
    assert find_organization(empty_db, "Embassy of the United States in Mexico") == embassy
    assert find_organization(empty_db, "Ministry of Economy") == ministry
    assert find_organization(empty_db, "Ministry of Commerce") is None  # not the US department
    assert find_organization(empty_db, "U.S. Embassy in Canada") is None
    assert commerce


def test_initiative_with_and_without_country_qualifier(empty_db):
    from db.resolve import create_initiative

    with write_transaction(empty_db):
        iid = create_initiative(empty_db, "CEO Dialogue", kind="dialogue")
    assert find_initiative(empty_db, "U.S.-Mexico CEO Dialogue") == iid
    assert find_initiative(empty_db, "Dialogue") is None


def test_find_person_ignores_courtesy_titles_and_degrees(empty_db):
    with write_transaction(empty_db):
        pid = create_person(empty_db, "Helen Park")
    assert find_person(empty_db, "Dr. Helen Park") == pid
    assert find_person(empty_db, "Helen Park, PhD") == pid
    assert find_person(empty_db, "Dr. Helena Park") is None


def test_prefetched_keys_answer_as_the_database_does(tmp_path):
    """An import reads a document's people keys in two queries up front (`prefetched_keys`); every
    lookup and write inside the block gives what it gives without them: a person created in the
    block and named again, an alias added in the block, a courtesy title, the lowest of two ids,
    a name that was not read up front, a person that only an alias names."""
    import contextlib

    from db import open_db
    from db.resolve import prefetched_keys, resolve_person

    def run(cached: bool):
        db = open_db(tmp_path / f"{cached}.db")
        with write_transaction(db):
            first = create_person(db, "Ilse Varga")
            create_person(db, "Ilse Varga")  # a namesake made by hand: the lower id wins
            kept = create_person(db, "Odile Brenner")
            add_alias(db, "person", kept, "O. Brenner-Lutz")
        names = ["Ilse Varga", "Dr. Ilse Varga", "Tamsin Quill", "O. Brenner-Lutz", "Lic. Tamsin Quill", "T. Quill"]
        ids = []
        with write_transaction(db):
            block = prefetched_keys(db, "person", names) if cached else contextlib.nullcontext()
            with block:
                ids.append(resolve_person(db, "Ilse Varga"))
                ids.append(resolve_person(db, "Dr. Ilse Varga"))
                ids.append(resolve_person(db, "Tamsin Quill"))  # new, then named again below
                ids.append(resolve_person(db, "Lic. Tamsin Quill"))
                add_alias(db, "person", ids[-1][0], "T. Quill")
                ids.append(resolve_person(db, "Someone Unread", aliases=["T. Quill"]))  # by the new alias
                ids.append(resolve_person(db, "O. Brenner-Lutz"))  # only an alias names her
                ids.append(resolve_person(db, "Ximena Unread"))  # not read up front
                ids.append(resolve_person(db, "Ximena Unread"))
        rows = [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall() for t in ("aliases", "search_keys")]
        people = db.execute("SELECT id, name, name_key FROM people ORDER BY id").fetchall()
        return ids, rows, people, first, kept

    cached, plain = run(True), run(False)
    assert cached == plain
    ids, _, _, first, kept = cached
    assert ids[0] == (first, False) and ids[1] == (first, False)
    assert ids[2][1] and ids[3] == (ids[2][0], False) and ids[4] == (ids[2][0], False)
    assert ids[5] == (kept, False) and ids[6][1] and ids[7] == (ids[6][0], False)
