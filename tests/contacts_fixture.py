"""A small hand-made directory for the contact-list tests (lookup, export, import, CLI)."""

from __future__ import annotations

from db.annotations import add_note, add_tags
from db.connection import write_transaction
from db.textnorm import compact_key, fold

HOSTILE = '=HYPERLINK("http://x","y")'

PEOPLE = [
    # name, title, email, phone, organizations, initiatives
    ("Hector Gonzalez", "CEO", "hector@northwind.example", "+52 55 1234 5678", ["Northwind Traders"], ["Border Task Force"]),
    ("Jorge Gonzalez", "Director, Trade; Logistics", None, None, ["Acme Logistica"], ["Border Task Force"]),
    ("Vicente Gonzalez", "Rep.", None, None, [], ["High Level Economic Dialogue"]),
    ("Luz María de la Mora", "former undersecretary", "luz@example.org", None, ["Acme Logistica"], ["Border Task Force"]),
    ("José Luis Gil", None, None, "-5 55 0000", ["Northwind Traders"], []),
    ("Guillermo Garza Martinez", "VP", None, None, ["Northwind Traders", "Acme Logistica"], ["Border Task Force"]),
    (HOSTILE, "@SUM(1+1)", "+cmd@example.org", "=1+2", ["-Evil Corp"], ["\tTabbed Group"]),
]
ORGANIZATIONS = {"Northwind Traders": "NWT", "Acme Logistica": None, "-Evil Corp": None}
INITIATIVES = {"Border Task Force": "BTF", "High Level Economic Dialogue": "HLED", "\tTabbed Group": None}


def build(db) -> dict[str, int]:
    """Fill `db` (an empty, migrated database) and return {person name: id}."""
    ids: dict[str, int] = {}
    with write_transaction(db):
        doc = db.table("documents").insert(
            {"name": "press.txt", "sha256": "x", "text": "", "imported_at": "2024-01-01T00:00:00+00:00"}
        ).last_pk
        org_ids = {
            name: db.table("organizations").insert({"name": name, "acronym": acr, "name_key": fold(name)}).last_pk
            for name, acr in ORGANIZATIONS.items()
        }
        db.execute(
            "INSERT INTO aliases (entity_type, entity_id, alias, alias_key) VALUES ('organization', ?, ?, ?)",
            [org_ids["Northwind Traders"], "Northwind", compact_key("Northwind")],
        )
        ini_ids = {
            name: db.table("initiatives").insert({"name": name, "acronym": acr, "name_key": fold(name)}).last_pk
            for name, acr in INITIATIVES.items()
        }
        for name, title, email, phone, orgs, inis in PEOPLE:
            pid = db.table("people").insert(
                {"name": name, "title": title, "email": email, "phone": phone, "name_key": fold(name)}
            ).last_pk
            ids[name] = pid
            for org in orgs:
                db.execute("INSERT INTO affiliations VALUES (?, ?, ?)", [pid, org_ids[org], title])
            for ini in inis:
                db.execute("INSERT INTO memberships VALUES (?, ?, ?)", [pid, ini_ids[ini], "member"])
            db.execute(
                "INSERT INTO mentions (document_id, entity_type, entity_id, start, end, text) VALUES (?, 'person', ?, 0, 1, ?)",
                [doc, pid, name],
            )
    add_tags(db, "person", ids["Hector Gonzalez"], ["vip", "logistics"])
    add_note(db, "person", ids["Hector Gonzalez"], "Met in Monterrey; follow up on customs, ports.\nSecond line \\ backslash")
    add_note(db, "person", ids["Hector Gonzalez"], "Second note")
    add_note(db, "person", ids[HOSTILE], HOSTILE)
    add_tags(db, "person", ids[HOSTILE], ["=cmd|' /C calc'!A0"])
    return ids
