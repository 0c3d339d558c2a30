"""Document formats: HTML visible text, PDF text layers, text encodings, refusals."""

from __future__ import annotations

import codecs

import pytest

from db.formats.readers import MAX_HTML_BYTES, MAX_TEXT_BYTES, MAX_TEXT_CHARS, DocumentError, decode_text, read_document
from doc_fixtures import make_pdf

MEMBERS = "Nearshoring Council:\nJosé Pérez - Acme Holdings\nAna Díaz - Beta Logística\n"


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --- HTML ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Site | Press</title>
<style>body { color: red }</style>
<script>var members = "<li>Fake Person - Script Corp</li>";</script>
</head><body>
<header><a href="/">Home</a> Site Header</header>
<nav><ul><li>About us</li><li>Contact</li></ul></nav>
<div role="navigation">Breadcrumb Trail</div>
<main>
<h1>Task Force &amp; Partners</h1>
<p>“We are   ready,” said <b>Jane&nbsp;Doe</b>, chief executive officer of
   Gamma Industrias.<br>Second line of the paragraph.</p>
<h2>Members:</h2>
<ul>
  <li>Jos&eacute; P&eacute;rez - Acme Holdings</li>
  <li>Ana D&#237;az- Beta Log&iacute;stica</li>
  <li>Luis Ortega</li>
</ul>
<table><tr><th>Name</th><th>Organization</th></tr>
<tr><td>María López</td><td>Delta Corp</td></tr></table>
<div hidden>Hidden Person - Nowhere</div>
<div style="display: none">Invisible Text</div>
<noscript>Enable JavaScript</noscript>
<template><p>Template Person</p></template>
</main>
<aside>Related stories</aside>
<footer>© 2024 Site. All rights reserved.</footer>
</body></html>
"""


def test_html_keeps_visible_text_and_line_structure(tmp_path):
    fmt, text = read_document(_write(tmp_path, "page.html", PAGE))
    lines = text.splitlines()
    assert fmt == "html"
    assert "Task Force & Partners" in lines
    assert "“We are ready,” said Jane Doe, chief executive officer of Gamma Industrias." in lines
    assert "Second line of the paragraph." in lines
    # list items and table rows are lines of their own, in the `Name - Org` shape
    assert "• José Pérez - Acme Holdings" in lines
    assert "• Ana Díaz- Beta Logística" in lines
    assert "• Luis Ortega" in lines
    assert "María López - Delta Corp" in lines
    assert lines.index("Members:") < lines.index("• José Pérez - Acme Holdings")


@pytest.mark.parametrize(
    "chrome",
    ["Fake Person", "Script Corp", "color: red", "Site Header", "About us", "Breadcrumb",
     "Hidden Person", "Invisible Text", "Enable JavaScript", "Template Person", "Related stories",
     "All rights reserved", "Site | Press"],
)
def test_html_drops_scripts_styles_and_chrome(tmp_path, chrome):
    _, text = read_document(_write(tmp_path, "page.htm", PAGE))
    assert chrome not in text


def test_html_in_legacy_encoding_uses_declared_charset(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>Señora Núñez – “CEO”</p></body></html>'
    fmt, text = read_document(_write(tmp_path, "old.html", html.encode("cp1252")))
    assert text == "Señora Núñez – “CEO”"


def test_html_with_nested_skipped_elements_resumes_after_them(tmp_path):
    html = "<nav><nav>inner</nav>still nav</nav><p>Visible</p>"
    assert read_document(_write(tmp_path, "n.html", html))[1] == "Visible"


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<table><tr><td><p>Ana Ruiz</p></td><td><p>Acme</p></td></tr><tr><td>Luis Paz</td><td><a>Beta</a></td></tr></table>",
         "Ana Ruiz - Acme\nLuis Paz - Beta"),
        ("<table><tr><td><h1>Title</h1><p>Para.</p><ul><li>Ana - X</li></ul></td><td>Sidebar</td></tr></table>",
         "Title\n\nPara.\n\n• Ana - X\n\nSidebar"),
        ("<p><strong>Members</strong><br>Ana Ruiz - Acme<br/>Luis Paz- Beta<br><br>Next</p>",
         "Members\nAna Ruiz - Acme\nLuis Paz- Beta\n\nNext"),
        ("<ul><li><a href='#'>José Pérez</a>\n   - <em>Acme</em></li></ul>", "• José Pérez - Acme"),
        ("<p>Logo <img src=x.png alt='Acme logo'> here</p>", "Logo here"),
        ("<p>Fish &amp; Chips &lt;b&gt; &#x263A; &eacute;</p>", "Fish & Chips <b> ☺ é"),
    ],
    ids=["table-rows", "layout-table", "br-lines", "inline-in-li", "img-dropped", "entities"],
)
def test_html_line_structure(tmp_path, html, expected):
    assert read_document(_write(tmp_path, "t.html", html))[1] == expected


# --- PDF ----------------------------------------------------------------------------


def test_pdf_text_layer_is_read_page_by_page(tmp_path):
    pdf = make_pdf([MEMBERS.splitlines(), ["Second page: Luz Ramírez - Epsilon"]])
    fmt, text = read_document(_write(tmp_path, "members.pdf", pdf))
    assert fmt == "pdf"
    assert "José Pérez - Acme Holdings" in text.splitlines()
    assert "Ana Díaz - Beta Logística" in text.splitlines()
    assert text.index("Acme") < text.index("Second page")


def test_scanned_pdf_without_text_layer_is_reported(tmp_path):
    with pytest.raises(DocumentError, match=r"no text layer \(scanned PDF\?\)"):
        read_document(_write(tmp_path, "scan.pdf", make_pdf([[], []])))


@pytest.mark.parametrize(
    "data, reason",
    [(b"%PDF-1.4\n1 0 obj garbage", "not a readable PDF"), (b"<html>not a pdf</html>", "not a PDF file")],
)
def test_broken_or_fake_pdf_is_one_line_error(tmp_path, data, reason):
    with pytest.raises(DocumentError, match=reason) as info:
        read_document(_write(tmp_path, "broken.pdf", data))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("password, outcome", [("secret", "encrypted PDF"), ("", "Open Person - Org")])
def test_encrypted_pdf_needs_a_password_unless_it_is_empty(tmp_path, password, outcome):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Open Person - Org"]]))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = _write(tmp_path, "locked.pdf", buffer.getvalue())
    if password:
        with pytest.raises(DocumentError, match=r"encrypted PDF \(a password is needed\)"):
            read_document(path)
    else:
        assert read_document(path)[1] == outcome


# --- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        MEMBERS.encode("utf-8"),
        codecs.BOM_UTF8 + MEMBERS.encode("utf-8"),
        MEMBERS.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + MEMBERS.encode("utf-16-be"),
        MEMBERS.encode("utf-16-le"),  # no BOM: NULs alternate
        MEMBERS.encode("latin-1"),
        MEMBERS.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "utf16-le-nobom", "latin1", "cp1252"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path, encoded):
    fmt, text = read_document(_write(tmp_path, "members.txt", encoded))
    assert fmt == "txt"
    assert text == MEMBERS.strip("\n") + "\n" or text == MEMBERS


def test_cp1252_punctuation_and_crlf(tmp_path):
    raw = "“Smart quotes” – dash … José\r\nNext line\rOld Mac line".encode("cp1252")
    _, text = read_document(_write(tmp_path, "legacy.md", raw))
    assert text == "“Smart quotes” – dash … José\nNext line\nOld Mac line"


def test_decode_text_never_raises_on_bytes_undefined_in_cp1252():
    assert decode_text(b"caf\xe9 \x81") == "café \x81"


def test_decomposed_accents_are_composed(tmp_path):
    _, text = read_document(_write(tmp_path, "nfd.txt", "Jose\u0301 Pe\u0301rez"))
    assert text == "José Pérez"


# --- control characters -------------------------------------------------------------


def test_ansi_escapes_and_control_characters_are_removed(tmp_path):
    raw = "Name\x1b[2J\x1b[31m Red\x1b[0m\x07 \x1b]0;pwned title\x07Person\u202e - Org\x08\n"
    _, text = read_document(_write(tmp_path, "ansi.txt", raw))
    assert text == "Name Red Person - Org\n"
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


# --- refusals -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("bom-only.txt", codecs.BOM_UTF8, "no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary data"),
        ("noise.txt", bytes((i * 37 + 11) % 32 for i in range(4000)), "binary data"),
        ("report.docx", b"PK\x03\x04 zip", "unknown file type '.docx'"),
        ("README", b"text", "unknown file type 'README'"),
    ],
)
def test_documents_that_cannot_be_read_are_refused_with_a_reason(tmp_path, name, data, reason):
    with pytest.raises(DocumentError, match=reason) as info:
        read_document(_write(tmp_path, name, data))
    assert "\n" not in str(info.value)


def test_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: the size is real, the disk is not used
        fh.truncate(50 * 1024 * 1024)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(type(path), "open", no_reading)
    with pytest.raises(DocumentError, match=r"too large \(50\.0 MB; TXT files are limited to 4 MB\)"):
        read_document(path)


def test_file_name_with_escape_sequences_is_printed_safely(tmp_path):
    path = _write(tmp_path, "evil\x1b[2Jname.docx", b"x")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert "\x1b" not in str(info.value)


# --- through the importer -----------------------------------------------------------


def test_member_list_gives_the_same_people_from_txt_html_and_pdf(tmp_path):
    """The line structure HTML and PDF keep is enough for the extractor's list rules."""
    from db import open_db
    from db.importer import import_document

    members = [("José Pérez Ortega", "Acme Holdings"), ("Ana Díaz Navarro", "Beta Logística"),
               ("Luis Ramírez Torres", "Gamma Industrias")]
    heading = "Border Trade Working Group members:"
    files = {
        "txt": _write(tmp_path, "list.txt", heading + "\n\n" + "".join(f"  • {n} - {o}\n" for n, o in members)),
        "html": _write(tmp_path, "list.html", f"<nav><a>Home</a></nav><h2>{heading}</h2><ul>"
                       + "".join(f"<li>{n} - {o}</li>" for n, o in members) + "</ul><footer>Site</footer>"),
        "pdf": _write(tmp_path, "list.pdf", make_pdf([[heading, ""] + [f"{n} - {o}" for n, o in members]])),
    }
    found = {}
    for fmt, path in files.items():
        db = open_db(tmp_path / f"{fmt}.db")
        assert import_document(db, path).status == "imported"
        found[fmt] = sorted(db.execute(
            "SELECT p.name, o.name FROM affiliations a JOIN people p ON p.id = a.person_id "
            "JOIN organizations o ON o.id = a.organization_id"
        ).fetchall())
        db.close()
    assert found["txt"] == sorted(members)
    assert found["html"] == found["txt"]
    assert found["pdf"] == found["txt"]


def test_text_at_the_limit_is_read_and_beyond_it_refused(tmp_path):
    line = "Ana Ruiz - Acme Holdings\n"
    lines = MAX_TEXT_CHARS // len(line)
    path = _write(tmp_path, "big.txt", line * lines)
    assert read_document(path)[1].count("\n") == lines
    _write(tmp_path, "big.txt", line * (lines + 1))
    with pytest.raises(DocumentError, match=r"too much text \(2\.0 million characters; documents are limited to 2 million\)"):
        read_document(path)
    html = _write(tmp_path, "big.html", "<p>" + "<span class=\"name\">Ana Ruiz</span> " * 150_000 + "</p>")
    assert html.stat().st_size > MAX_TEXT_BYTES  # markup-heavy pages are judged by their text
    assert read_document(html)[1].startswith("Ana Ruiz Ana Ruiz")
    too_big = tmp_path / "huge.html"
    with too_big.open("wb") as fh:
        fh.truncate(MAX_HTML_BYTES + 1)
    with pytest.raises(DocumentError, match="HTML files are limited to 20 MB"):
        read_document(too_big)
def test_utf8_with_a_stray_legacy_byte_keeps_its_utf8_accents(tmp_path):
    raw = "José Pérez - Acme\n".encode("utf-8") + "Ana Núñez – Beta\n".encode("cp1252")
    _, text = read_document(_write(tmp_path, "mixed.txt", raw))
    assert text == "José Pérez - Acme\nAna Núñez – Beta\n"
