"""An HTML article keeps its byline and date (the page's metadata) and shows them in the
header, when read from the web (a real HTTP server on 127.0.0.1) and when reopened."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import Static

from reader.sources import load_source
from reader.store import Store
from reader.ui.launch import build_app
from reader.ui.screens.article import ArticleScreen

PAGE = """<!doctype html>
<html><head><title>Harbour reopens after storm</title>
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
</head><body><nav>Home | News</nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday, a week after the storm that closed it.</p>
<p>“We worked day and night to get the boats back out,” the harbour master, Tom Hale, said.</p>
<p>Fishing crews returned before dawn, and the first catch was landed by noon.</p>
</article><footer>© Harbour News</footer></body></html>"""


def header_meta(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ArticleScreen)
    meta = screen.query_one("#header-meta", Static)
    return str(meta.content) if meta.display else ""


async def test_a_web_page_shows_its_byline_and_date_and_keeps_them(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/harbour").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/harbour")
    document = load_source(url)
    assert (document.byline, document.date) == ("Ana Ruiz", "2024-05-02")
    db = tmp_path / "lib.db"
    app = build_app(url, db_path=str(db), document=document)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert header_meta(app) == "By Ana Ruiz · 2024-05-02"
        await app.workers.wait_for_complete()
    app.close_own_store()

    with Store.open(db) as store:
        (article,) = store.list_articles()
        record = store.get_article(article.id)
        assert record is not None and (record.byline, record.date) == ("Ana Ruiz", "2024-05-02")
        app = build_app(None, store=store)  # the library: reopen it from there
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert header_meta(app) == "By Ana Ruiz · 2024-05-02"
            await app.workers.wait_for_complete()


async def test_a_text_file_has_no_byline_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Plain headline\n\nNothing more.\n", encoding="utf-8")
    app = build_app(str(article), db_path=str(tmp_path / "lib.db"),
                    document=load_source(str(article)))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert header_meta(app) == ""
        await app.workers.wait_for_complete()
    app.close_own_store()
