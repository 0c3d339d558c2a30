"""An invented press release and helpers shared by the corrections tests."""

from __future__ import annotations

TEXT = """Harbor Logistics Council announces its Binational Freight Corridor Initiative

Monterrey, March 3. The Harbor Logistics Council (HLC) today launched the Binational Freight Corridor Initiative.

Members of the Binational Freight Corridor Initiative:

  • Marta Quintero Salas - Norteño Rail Partners
  • Dario Feld - Cobalt Terminal Group
  • Ilse Brandauer - Cobalt Terminal Group

For questions, please contact Dario Feld, director of operations at Cobalt Terminal Group, at dfeld@cobalt.example.
Quintero Salas Foundation chair Tomas Reyna also attended the Coastal Resilience Task Force meeting.
"""
OTHER = """Cobalt Terminal Group hosted the Coastal Resilience Task Force.

Members of the Coastal Resilience Task Force:

  • Ilse Brandauer - Cobalt Terminal Group
  • Pavel Okafor - Lumen Port Authority
"""


def one(db, sql: str, params=()):
    """The first column of the first row (None when no row)."""
    row = db.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def id_of(db, entity_type: str, name: str) -> int | None:
    """The id of the record of that type named exactly `name`."""
    table = {"person": "people", "organization": "organizations", "initiative": "initiatives"}[entity_type]
    return one(db, f"SELECT id FROM {table} WHERE name = ?", [name])


def names(db, table: str) -> list[str]:
    """Every name in a table, sorted."""
    return sorted(r[0] for r in db.execute(f"SELECT name FROM {table}"))
