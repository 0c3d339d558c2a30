"""Synthetic stakeholder names and documents in the seeds' member-list style (for benchmarks).

`python tests/benchmarks/synth.py OUT_DIR --documents 1000` writes 1,000 documents of 100 people
each: a heading such as `Acme Industrial Nearshoring Task Force:` then lines `  • Name - Organization`.
Names mix English and Spanish given names, accents, particles (`de la`, `del`) and two surnames.
Everything is drawn from a seeded random generator, so two runs write the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GIVEN_ES = [
    "José", "Luis", "María", "Luz", "Andrés", "Guillermo", "Ramón", "Sofía", "Lucía", "Jesús",
    "Héctor", "Martín", "Adrián", "Inés", "Ángel", "Raúl", "Verónica", "Mónica", "Joaquín", "Fernando",
    "Alejandro", "Beatriz", "Carmen", "Diego", "Elena", "Francisco", "Gabriela", "Ignacio", "Julián",
    "Patricia", "Rocío", "Tomás", "Valentina", "Xóchitl", "Yolanda", "Emilio", "Graciela", "Óscar",
]
GIVEN_EN = [
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Susan",
    "William", "Karen", "Richard", "Nancy", "Thomas", "Lisa", "Daniel", "Betty", "Matthew", "Sandra",
    "Anthony", "Ashley", "Mark", "Emily", "Steven", "Donna", "Andrew", "Michelle", "Joshua", "Amanda",
    "Kevin", "Melissa", "Brian", "Rebecca", "Jake", "Laura", "Ethan", "Hannah", "Owen", "Claire",
]
SURNAME_ES = [
    "García", "Martínez", "López", "González", "Rodríguez", "Hernández", "Pérez", "Sánchez", "Ramírez",
    "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz",
    "Chávez", "Ruiz", "Jiménez", "Mendoza", "Álvarez", "Castillo", "Vázquez", "Romero", "Herrera",
    "Medina", "Aguilar", "Garza", "Núñez", "Muñoz", "Ibáñez", "Salinas", "Treviño", "Obregón", "Zúñiga",
    "Villaseñor", "Cárdenas", "Domínguez", "Báez", "Echeverría", "Larrañaga", "Peña", "Quiñones",
]
SURNAME_EN = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
    "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams",
    "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
    "Sullivan", "O'Brien", "McAllister", "Fitzgerald", "Kowalski", "Nguyen", "Novak",
]
PARTICLES = ["de la", "del", "de", "de los"]
SYLLABLES = ["ca", "ro", "li", "ne", "ta", "gu", "mar", "zo", "ven", "qui", "do", "bel", "sa", "ri", "lo"]
ORG_WORDS = [
    "Atlas", "Pacific", "Norte", "Sierra", "Frontera", "Aztec", "Liberty", "Golden", "Monterrey", "Bajío",
    "Rio Grande", "Cascade", "Summit", "Horizon", "Meridian", "Alianza", "Puente", "Delta", "Keystone",
]
ORG_KINDS = ["Holdings", "Group", "Logistics", "Industrial", "Capital", "Partners", "Foundation",
             "Institute", "Manufacturing", "Energía", "Consulting", "Chamber of Commerce"]
GROUP_KINDS = ["Task Force", "Working Group", "Advisory Council", "Dialogue", "Forum"]
GROUP_TOPICS = ["Nearshoring", "Supply Chain", "Border Trade", "Energy Transition", "Workforce", "Logistics"]


def _invented_surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def person_name(rng: random.Random) -> str:
    """A plausible mixed English/Spanish full name (accents, particles, two surnames)."""
    if rng.random() < 0.5:
        given = rng.choice(GIVEN_ES) + (" " + rng.choice(GIVEN_ES) if rng.random() < 0.3 else "")
        first = rng.choice(SURNAME_ES) if rng.random() < 0.8 else _invented_surname(rng)
        if rng.random() < 0.15:
            first = f"{rng.choice(PARTICLES)} {first}"
        second = f" {rng.choice(SURNAME_ES)}" if rng.random() < 0.5 else ""
        return f"{given} {first}{second}"
    given = rng.choice(GIVEN_EN)
    middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.2 else ""
    surname = rng.choice(SURNAME_EN) if rng.random() < 0.8 else _invented_surname(rng)
    return f"{given}{middle} {surname}"


def organization_name(rng: random.Random) -> str:
    """A plausible company or institution name."""
    return f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"


def document_text(rng: random.Random, people: int = 100) -> str:
    """One member-list document: a heading then `  • Name - Organization` lines."""
    host = organization_name(rng)
    heading = f"{host} {rng.choice(GROUP_TOPICS)} {rng.choice(GROUP_KINDS)}:"
    orgs = [organization_name(rng) for _ in range(12)]
    lines = [f"  • {person_name(rng)} - {rng.choice(orgs)}" for _ in range(people)]
    return "\n".join([heading, "", *lines, ""])


def write_documents(out_dir: Path, documents: int, people: int = 100, seed: int = 7) -> list[Path]:
    """Write `documents` files of `people` members each into `out_dir`; return their paths."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(documents):
        path = out_dir / f"synthetic_{i:05d}.txt"
        path.write_text(document_text(rng, people), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Command line: write synthetic documents."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_documents(args.out_dir, args.documents, args.people, args.seed)
    print(f"wrote {len(paths)} documents to {args.out_dir}")


if __name__ == "__main__":
    main()
