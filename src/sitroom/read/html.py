"""HTML pages (CONTRACT.md format 3): the main text of the page, its title and date.

The main text is the article body a reader sees: scripts, styles, navigation, headers,
footers, asides, forms, hidden elements and boxes whose class or id says they are
menus, share bars, comments or adverts never reach it. Block elements become
paragraphs ("\\n\\n" between them, "\\n" for `<br>`), other white space collapses as a
browser shows it. The result is the article text every offset points into.

Parsing uses lexbor (selectolax), which follows the HTML5 parsing algorithm browsers
use, so script and style contents are recognised exactly as a browser would. Its cost
grows with the square of the nesting depth of block elements, so absurdly deep
documents fall back to a tag-stripping pass that gives the text without the structure.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitroom.errors import InputError
from sitroom.model import Analysis, Article
from sitroom.read.common import ReadOptions, check_size, optional_str, parse_published

_PARA, _LINE = "\ue000", "\ue001"  # private-use marks for block and line breaks

# fmt: off
_SKIP_TAGS = frozenset((
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "canvas", "audio", "video", "source", "track", "map", "area",
    "form", "button", "input", "select", "option", "textarea", "nav", "aside", "footer",
    "menu", "dialog", "head", "title", "meta", "link", "base", "datalist", "output",
    "progress", "meter", "picture", "img",
))
_BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "center",
))
_SKIP_ROLES = frozenset((
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alert", "alertdialog", "toolbar", "tablist",
))
# fmt: on
_JUNK = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|share|sharing|"
    r"social|related|comments?|cookies?|consent|newsletter|subscribe|subscription|promo|"
    r"advert|advertisement|ads?|sponsored|banner|popup|modal|skip|byline|masthead|"
    r"site-header|toolbar|paywall|signup|login|outbrain|taboola|recirc|trending)(?:$|[\s_-])",
    re.I,
)
_KEEP = re.compile(r"article|body|content|main|story|entry|post|text", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SCRIPT_LITERAL = re.compile(
    r"<(script|style|noscript|iframe)\b.*?(?:</\1\s*>|\Z)|<(?:script|style)\b[^>]*>", re.I | re.S
)
_TAG_LITERAL = re.compile(r"</?[A-Za-z][^>]*>")
_WS = re.compile(r"[ \t\n\r\f\v]+")

# lexbor's cost is (block elements) x (nesting depth): only then is the depth measured
_MANY_TAGS = 50_000
_MAX_DEPTH = 2_000
_BLOCK_OPEN_CLOSE = re.compile(r"<(/?)(div|ul|ol|section|article|table|blockquote|dl)\b", re.I)

_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


@dataclass(frozen=True)
class Page:
    """What a web page says about the article it carries."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


def read_html(markup: str, origin: str, opts: ReadOptions) -> Analysis:
    """The article of an HTML page (InputError when it has no text)."""
    page = extract_page(markup)
    if not page.text.strip():
        raise InputError("no article text found in the HTML page", "empty")
    check_size(page.text, opts.max_bytes)
    article = Article(
        text=page.text,
        published=page.published or opts.published,
        title=page.title,
        url=page.url,
        source=page.source,
        language=page.language,
        origin=origin,
    )
    return Analysis(article=article.with_id())


def extract_page(markup: str) -> Page:
    """Main text and metadata of a whole HTML page."""
    if _too_deep(markup):
        return Page(text=strip_tags(markup))
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    metas = _metas(tree)
    html_node = tree.css_first("html")
    language = html_node.attributes.get("lang") if html_node is not None else None
    return Page(
        text=_render(_main_node(tree)),
        title=_title(tree, metas),
        published=_published(tree, metas, markup),
        url=optional_str(metas.get("og:url")) or _canonical(tree),
        source=optional_str(metas.get("og:site_name")),
        language=optional_str(language),
    )


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraphs kept."""
    if "<" not in fragment and "&" not in fragment:
        return _normalize(fragment)
    if _too_deep(fragment):
        return strip_tags(fragment)
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(fragment)
    return _render(tree.body) if tree.body is not None else ""


def strip_tags(markup: str) -> str:
    """Text of markup without parsing it: for documents too deep to parse, and titles."""
    text = re.sub(r"<!--.*?(?:-->|\Z)", " ", markup, flags=re.S)
    text = _SCRIPT_LITERAL.sub(" ", text)
    text = re.sub(r"</?(?:p|div|h\d|li|tr|section|article|blockquote)\b[^>]*>", _PARA, text)
    text = re.sub(r"<br\b[^>]*>", _LINE, text, flags=re.I)
    text = html_lib.unescape(_TAG_LITERAL.sub(" ", text))
    return _normalize(text)


def _too_deep(markup: str) -> bool:
    if markup.count("<") < _MANY_TAGS:
        return False
    depth = deepest = 0
    for match in _BLOCK_OPEN_CLOSE.finditer(markup):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest > _MAX_DEPTH


def _main_node(tree: Any) -> Any:
    """The element holding the article body: an explicit article body, `<article>` or
    `<main>` when it holds most of the paragraph text, else the element whose
    paragraphs carry the most text (the readability idea), else the whole body."""
    body = tree.body if tree.body is not None else tree.root
    paragraphs = [(p, len(p.text())) for p in tree.css("p")]
    total = sum(n for _, n in paragraphs)
    for selector in ('[itemprop="articleBody"]', "article", "main", '[role="main"]'):
        nodes = tree.css(selector)
        if nodes:
            best = max(nodes, key=lambda n: sum(len(p.text()) for p in n.css("p")))
            if sum(len(p.text()) for p in best.css("p")) >= 0.4 * total and total:
                return best
    scores: dict[int, tuple[float, Any]] = {}
    for p, n in paragraphs:
        for weight, node in ((1.0, p.parent), (0.5, p.parent.parent if p.parent else None)):
            if node is not None:
                old = scores.get(node.mem_id, (0.0, node))[0]
                scores[node.mem_id] = (old + weight * n, node)
    if scores:
        score, node = max(scores.values(), key=lambda s: s[0])
        if score >= 0.6 * total and node.tag not in ("html", "-document"):
            return node
    return body


def _render(root: Any) -> str:
    """Text of `root` with block structure, skipping junk subtrees (no recursion, so
    any nesting depth is safe)."""
    parts: list[str] = []
    stack: list[Any] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.is_text_node:
            parts.append((item.text_content or "").replace(_PARA, " ").replace(_LINE, " "))
        elif item.is_element_node and (item is root or not _is_junk(item)):
            tag = item.tag
            if tag == "br":
                parts.append(_LINE)
                continue
            block = tag in _BLOCK_TAGS
            if block:
                parts.append(_PARA)
                stack.append(_PARA)
            stack.extend(reversed(list(item.iter(include_text=True))))
    return remove_script_literals(_normalize("".join(parts)))


def _is_junk(node: Any) -> bool:
    if node.tag in _SKIP_TAGS:
        return True
    if node.tag == "header" and node.parent is not None and node.parent.tag == "body":
        return True  # the site's header; an article's own header sits inside it
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in _SKIP_ROLES:
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    return bool(names) and bool(_JUNK.search(names)) and not _KEEP.search(names)


def _normalize(raw: str) -> str:
    """Collapse white space like a browser; block marks become blank lines."""
    blocks = []
    for block in raw.split(_PARA):
        lines = [_WS.sub(" ", line).strip() for line in block.split(_LINE)]
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def remove_script_literals(text: str) -> str:
    """Drop script or style markup that survived as literal text (double-escaped
    markup in a page or a feed): it is never article prose."""
    if "<" not in text:
        return text
    cleaned = _SCRIPT_LITERAL.sub(" ", text)
    if cleaned == text:
        return text
    return _normalize(cleaned.replace("\n\n", _PARA).replace("\n", _LINE))


def _metas(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        content = attrs.get("content")
        if not content:
            continue
        for key in ("property", "name", "itemprop"):
            name = (attrs.get(key) or "").strip().lower()
            if name and name not in out:
                out[name] = content
    return out


def _title(tree: Any, metas: dict[str, str]) -> str | None:
    candidates: list[str | None] = [metas.get("og:title"), metas.get("twitter:title")]
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        candidates.append(node.text() if node is not None else None)
    for raw in candidates:
        title = clean_title(raw)
        if title:
            return title
    return None


def clean_title(raw: str | None) -> str | None:
    """A one-line title with no markup in it (titles are raw text in HTML)."""
    if not raw:
        return None
    text = strip_tags(raw) if "<" in raw or "&" in raw else raw
    return optional_str(" ".join(text.split()))


def _published(tree: Any, metas: dict[str, str], markup: str) -> dt.date | None:
    values: list[str | None] = [metas.get(k) for k in _DATE_KEYS]
    for selector in ('time[itemprop="datePublished"]', "time[pubdate]", "article time"):
        node = tree.css_first(selector)
        if node is not None:
            values.append(node.attributes.get("datetime"))
    values.extend(m.group(1) for m in _JSONLD_DATE.finditer(markup[:500_000]))
    return _first_date(values)


def _first_date(values: Iterable[str | None]) -> dt.date | None:
    for value in values:
        if not value:
            continue
        try:
            day = parse_published(value)
        except InputError:
            continue
        if day is not None:
            return day
    return None


def _canonical(tree: Any) -> str | None:
    for link in tree.css("link"):
        rel = (link.attributes.get("rel") or "").lower().split()
        if "canonical" in rel:
            return optional_str(link.attributes.get("href"))
    return None
