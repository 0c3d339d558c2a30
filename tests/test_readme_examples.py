"""The README's command examples that name ids or print output are true on a fresh install
(the seeds imported): each `$ stakeholders ...` line of the "Pick one with --id" block and of
the stakeholder-analysis block prints the lines shown under it."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _examples(marker: str) -> list[tuple[list[str], list[str]]]:
    """(arguments, expected output lines) of each `$ stakeholders` line in the code block that
    contains `marker`; comments after `#` dropped."""
    blocks, current = [], None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append("\n".join(current))
                current = None
        elif current is not None:
            current.append(line)
    block = next(b for b in blocks if marker in b)
    examples: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ stakeholders "):
            command = line[len("$ stakeholders "):]
            examples.append((shlex.split(command, comments=True), []))
        elif line.strip() and examples:
            examples[-1][1].append(line)
    return examples


@pytest.mark.parametrize("marker", ["note --id 7", "assess \"Jason Marczak\""])
def test_readme_examples_are_true_on_a_fresh_install(marker, seeded_db_path, tmp_path):
    path = tmp_path / "fresh.db"
    shutil.copy(seeded_db_path, path)
    examples = _examples(marker)
    assert len(examples) >= 3
    for args, expected in examples:
        result = CliRunner().invoke(cli, ["--db", str(path), *args])
        shown = [" ".join(line.split()) for line in result.output.splitlines()]
        for line in expected:
            wanted = " ".join(line.split())
            if args[0] == "assess":  # the assessment is dated the day it runs
                wanted = re.sub(r"\d{4}-\d{2}-\d{2}", "", wanted)
                shown = [re.sub(r"\d{4}-\d{2}-\d{2}", "", s) for s in shown]
            assert wanted in shown, (args, line, result.output)
