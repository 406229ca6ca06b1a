"""`reader analyze SOURCE` end to end, in a subprocess as a user runs it.

Every refused input: exit status 2, exactly one line on stderr starting "reader: ", no traceback.
Good inputs of every kind (legacy encoding, stdin, a page served on 127.0.0.1) are analysed.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = (
    "Minister resigns over budget row\n\n"
    "The finance minister, Jane Porter, resigned on Tuesday after a dispute with the prime "
    "minister over spending cuts.\n\n"
    "“I cannot support a budget that abandons the poorest families,” Porter said in a "
    "statement on Tuesday evening.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Minister resigns | The Daily Paper</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/subscribe'>Subscribe now</a></nav><article>"
    "<h1>Minister resigns over budget row</h1>"
    "<p>The finance minister, Jane Porter, resigned on Tuesday after a dispute with the prime "
    "minister over spending cuts that had simmered for months.</p>"
    "<p>&ldquo;I cannot support a budget that abandons the poorest families,&rdquo; Porter said "
    "in a statement posted on her website late on Tuesday evening.</p>"
    "</article><footer>All rights reserved.</footer></body></html>"
)


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("READER_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=180,
    )


def check_refused(result: subprocess.CompletedProcess, *expected: str) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert result.returncode == 2, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader: "), stderr
    assert result.stdout == b""
    for part in expected:
        assert part in lines[0]
    return lines[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


BAD_FILES: dict[str, bytes | None] = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  \n",
    "binary.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00",
    "undecodable.txt": bytes(range(0x80, 0x100)) * 3,
    "nothing.html": b"<html><head><title>t</title></head><body></body></html>",
}
EXPECTED = {
    "missing.txt": "no such file",
    "empty.txt": "is empty",
    "blank.txt": "only whitespace",
    "binary.png": "binary file",
    "undecodable.txt": "not valid UTF-8",
    "nothing.html": "no article text",
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file(tmp_path: Path, name: str) -> None:
    data = BAD_FILES[name]
    if data is not None:
        (tmp_path / name).write_bytes(data)
    check_refused(run("analyze", name, cwd=tmp_path), name, EXPECTED[name])


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/hostname"])
def test_an_address_of_another_scheme_is_named_as_such(tmp_path: Path, url: str) -> None:
    """Not "no such file": the reader reads http(s) addresses, and says so."""
    check_refused(run("analyze", url, cwd=tmp_path), url, "only http:// and https://")


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    check_refused(run("analyze", "folder", cwd=tmp_path), "folder", "is a directory")


def test_empty_stdin(tmp_path: Path) -> None:
    check_refused(run("analyze", "-", stdin=b"", cwd=tmp_path), "stdin is empty")


def test_unreadable_file(tmp_path: Path) -> None:
    """Root reads mode-000 files, so as root the command runs as user `nobody` (setpriv)."""
    folder = Path("/tmp") / f"reader-cli-{os.getpid()}"
    folder.mkdir(mode=0o755, exist_ok=True)
    folder.chmod(0o755)
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE)
    secret.chmod(0o000)
    try:
        command = [sys.executable, "-m", "reader", "analyze", str(secret)]
        if os.geteuid() == 0:
            setpriv = "/usr/bin/setpriv"
            if not Path(setpriv).exists():
                pytest.skip("running as root and setpriv is missing: cannot lose read access")
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            probe = subprocess.run([*command[:4], sys.executable, "-c", "import reader.cli"])
            if probe.returncode != 0:
                pytest.skip("user nobody cannot run this interpreter here")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": "/tmp"}
        result = subprocess.run(command, capture_output=True, cwd=folder, env=env, timeout=120)
        check_refused(result, str(secret), "permission denied")
    finally:
        secret.unlink()
        folder.rmdir()


def test_url_404(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    url = httpserver.url_for("/gone")
    line = check_refused(run("analyze", url, cwd=tmp_path))
    assert line == f"reader: {url} returned HTTP 404 Not Found."


def test_url_not_html(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/a.pdf").respond_with_data(b"%PDF", content_type="application/pdf")
    check_refused(run("analyze", httpserver.url_for("/a.pdf"), cwd=tmp_path), "application/pdf")


def test_url_refused(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/story"
    check_refused(run("analyze", url, cwd=tmp_path), url, "refused the connection")


# ----------------------------------------------------------------------------- good inputs


def analysed(result: subprocess.CompletedProcess) -> dict:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    data = json.loads(result.stdout)
    assert isinstance(data["quotes"], list)
    return data


def quote_texts(data: dict, text: str) -> list[str]:
    """Each quote's text, checked against the offsets into `text` (the contract)."""
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    return [quote["text"] for quote in data["quotes"]]


def test_cp1252_file_is_analysed_and_encoding_reported(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(ARTICLE.replace("Porter", "Müller").encode("cp1252"))
    result = run("analyze", "old.txt", cwd=tmp_path)
    data = analysed(result)
    stderr = result.stderr.decode()
    assert stderr.strip() == "reader: old.txt is not valid UTF-8; read it as windows-1252."
    texts = quote_texts(data, ARTICLE.replace("Porter", "Müller"))
    assert any("poorest families" in t for t in texts)
    assert data["doc"] == "old.txt"


def test_stdin_is_analysed(tmp_path: Path) -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    result = run("analyze", "-", stdin=crlf.encode(), cwd=tmp_path)
    data = analysed(result)
    assert result.stderr == b""
    assert data["doc"] == "stdin"
    # Offsets index the input exactly as given, \r\n and all (what a scorer reads).
    assert any("poorest families" in t for t in quote_texts(data, crlf))


def test_served_html_page_is_analysed(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/news/budget").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/news/budget")
    data = analysed(run("analyze", url, "--format", "json", cwd=tmp_path))
    assert data["doc"] == url
    quotes = [q for q in data["quotes"] if "poorest families" in q["text"]]
    assert quotes and quotes[0]["speaker"] in ("Jane Porter", "Porter")


def test_text_format_for_markdown(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(
        "# Minister *resigns*\n\n"
        "“I cannot support a budget that abandons the poorest families,” **Jane Porter** said.\n"
    )
    result = run("analyze", "story.md", "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Jane Porter" in out
    assert "**" not in out


@pytest.mark.parametrize("name", ["missing.txt", "empty.txt", "binary.png", "folder"])
def test_reader_open_refuses_bad_input_before_any_ui(tmp_path: Path, name: str) -> None:
    """`reader SOURCE` (the UI) refuses the same inputs the same way, before drawing anything."""
    data = BAD_FILES.get(name)
    if name == "folder":
        (tmp_path / name).mkdir()
    elif data is not None:
        (tmp_path / name).write_bytes(data)
    check_refused(run("--db", str(tmp_path / "notes.db"), name, cwd=tmp_path), name)


@pytest.mark.parametrize("command", [["analyze"], ["open"], []])
def test_a_pipeline_that_is_not_installed_is_refused_not_swapped(
    tmp_path: Path, command: list[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = run(*command, str(source), "--db", str(tmp_path / "x.db"), "--model", "nope_model")
    check_refused(result, "'nope_model' is not installed", "leave out --model")
    assert not (tmp_path / "x.db").exists()
