"""`export --excel` (`--bom`): a CSV Excel opens as UTF-8 (byte-order mark first)."""

from __future__ import annotations

from click.testing import CliRunner

from tui.cli import cli


def test_excel_csv_starts_with_a_bom_and_imports_back(tmp_path):
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    out = tmp_path / "excel.csv"
    result = runner.invoke(cli, ["--db", db, "export", "--excel", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\"name\",")
    assert "Luz María de la Mora".encode() in data
    stdout = runner.invoke(cli, ["--db", db, "export", "--bom"]).stdout_bytes
    assert stdout.startswith(b"\xef\xbb\xbf\"name\"")
    plain = runner.invoke(cli, ["--db", db, "export"]).stdout_bytes
    assert plain.startswith(b"\"name\"")  # the default stays without one (for programs)
    again = runner.invoke(cli, ["--db", db, "import", str(out)])
    assert again.exit_code == 0 and "nothing new" in again.output


def test_excel_is_for_csv_only(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "d.db"), "export", "--format", "vcard", "--excel"])
    assert result.exit_code == 2 and "Error: " in result.output and "--format csv" in result.output
