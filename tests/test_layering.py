"""The data layer never imports textual or click; the CLI does not pay for textual."""

import ast
import subprocess
import sys
from pathlib import Path

import db

FORBIDDEN = {"textual", "click", "rich"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_db_source_imports_no_ui_library():
    files = sorted(Path(db.__file__).parent.rglob("*.py"))
    assert files
    offenders = {str(f): _imported_roots(f) & FORBIDDEN for f in files if _imported_roots(f) & FORBIDDEN}
    assert offenders == {}


def test_importing_every_db_module_loads_no_textual():
    code = (
        "import sys, pkgutil, importlib, db\n"
        "for m in pkgutil.iter_modules(db.__path__):\n"
        "    importlib.import_module('db.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_commands_do_not_import_textual():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        "r = CliRunner().invoke(cli, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_starting_the_app_or_a_command_imports_no_numpy():
    """sqlite-utils imports numpy when it is installed (a third of the app's start-up); the
    possible-duplicates matrix imports it only when it runs, and still can."""
    code = (
        "import sys\n"
        "import tui.app, tui.cli, db.search, db.importer\n"
        "print('numpy' in sys.modules, 'pandas' in sys.modules)\n"
        "import numpy, sqlite_utils\n"
        "print(numpy.zeros(2).tolist(), sqlite_utils.Database(memory=True).execute('select 1').fetchone())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["False False", "[0.0, 0.0] (1,)"]


def test_tui_runs_no_sql_of_its_own():
    import re

    import tui

    sql_call = re.compile(r"\.(execute|executescript|executemany)\(|\bdb\.query\(|\bdb\.table\(")
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(Path(tui.__file__).parent.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if sql_call.search(line)
    ]
    assert offenders == []
