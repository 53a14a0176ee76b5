"""HTML pages: the main text a reader sees, its metadata, and nothing else."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from sitroom.read import extract_page, html_to_text, read_bytes


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html lang='en'><head>{head}</head><body>{body}</body></html>"


def test_paragraphs_and_line_breaks() -> None:
    html = page("<article><h1>Head</h1><p>One  <b>bold</b>\n word.<br>Next line.</p><p>Two.</p>")
    assert extract_page(html).text == "Head\n\nOne bold word.\nNext line.\n\nTwo."


def test_main_article_beats_teasers_and_page_furniture() -> None:
    teasers = "".join(f"<article><p>Teaser {n} about sport.</p></article>" for n in range(5))
    story = "<p>" + "Troops clashed with rebels near the dam on Monday. " * 8 + "</p>"
    html = page(
        f"<div class='menu'>Home World</div>{teasers}"
        f"<article class='story'>{story}<p>Second paragraph of the story.</p></article>"
        "<div id='comments'><p>Reader comment.</p></div>"
    )
    text = extract_page(html).text
    assert text.startswith("Troops clashed with rebels")
    assert text.endswith("Second paragraph of the story.")
    assert "Teaser" not in text and "Home World" not in text and "Reader comment" not in text


def test_page_without_article_element_uses_paragraph_density() -> None:
    body = (
        "<div class='top'><a href='/'>Logo</a></div>"
        "<div class='wrapper'><div class='left'><p>Short link list.</p></div>"
        "<div class='c'>"
        + "".join(
            f"<p>Paragraph {n} of the report on the flooding in the delta.</p>" for n in range(6)
        )
        + "</div></div>"
    )
    text = extract_page(page(body)).text
    assert text.startswith("Paragraph 0 of the report")
    assert "Short link list" not in text and "Logo" not in text


def test_metadata_from_meta_tags() -> None:
    head = (
        "<title>Fallback title</title>"
        "<meta property='og:title' content='Blast &amp; fire in port'>"
        "<meta property='og:site_name' content='Harbour Times'>"
        "<meta name='DC.date.issued' content='2022-07-04'>"
        "<link rel='canonical' href='https://example.org/blast'>"
    )
    p = extract_page(page("<p>A blast hit the port.</p>", head))
    assert p.title == "Blast & fire in port"
    assert p.source == "Harbour Times"
    assert p.published == dt.date(2022, 7, 4)
    assert p.url == "https://example.org/blast"
    assert p.language == "en"


@pytest.mark.parametrize(
    "head_or_body",
    [
        "<meta property='article:published_time' content='2022-07-04T22:00:00-04:00'>",
        "<meta itemprop='datePublished' content='2022-07-04'>",
        '<script type="application/ld+json">{"datePublished": "2022-07-04T10:00"}</script>',
        "<time itemprop='datePublished' datetime='2022-07-04'>4 July</time>",
    ],
)
def test_published_date_sources(head_or_body: str) -> None:
    html = page(f"{head_or_body}<p>Text.</p>")
    assert extract_page(html).published == dt.date(2022, 7, 4)


def test_impossible_meta_date_is_ignored_not_fatal() -> None:
    head = "<meta property='article:published_time' content='2022-02-30'>"
    (item,) = read_bytes(page("<p>Text.</p>", head).encode(), "p")
    assert item.error is None and item.article.published is None


def test_page_with_no_text_is_empty() -> None:
    (item,) = read_bytes(page("<script>var a = 1;</script><nav>Menu</nav>").encode(), "p")
    assert item.error is not None and item.error.code == "empty"


def test_fragment_text_drops_scripts_and_escaped_scripts() -> None:
    fragment = (
        "<p>Ten killed.</p><script>evil()</script><p>&lt;script&gt;x()&lt;/script&gt;Done.</p>"
    )
    assert html_to_text(fragment) == "Ten killed.\n\nDone."


def test_plain_fragment_is_only_whitespace_normalised() -> None:
    assert html_to_text("  a\n  b  ") == "a b"


def test_absurdly_deep_page_is_read_quickly_without_scripts() -> None:
    html = "<div>" * 100_000 + "Deep text<script>SCRIPT()</script>" + "</div>" * 100_000
    start = time.monotonic()
    (item,) = read_bytes(html.encode(), "deep")
    assert time.monotonic() - start < 5
    assert item.article.text == "Deep text"


def test_deep_inline_nesting_uses_the_real_parser() -> None:
    html = "<p>" + "<b>" * 30_000 + "bold" + "</b>" * 30_000 + "</p>"
    (item,) = read_bytes(page(html).encode(), "deep")
    assert item.article.text == "bold"
