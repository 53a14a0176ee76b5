"""RSS and Atom feed files: one article per item."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Analysis
from sitroom.read import parse_feed, read_bytes

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire &amp; Co</title><language>en</language>
<item><title>Clash in the hills</title><link>https://example.org/a</link><guid>a1</guid>
<pubDate>Fri, 08 Dec 2023 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Short summary&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Rebels attacked a post.</p><script>evil()</script><p>Ten died.</p>]]>
</content:encoded></item>
<item><title>Summary only</title><link>https://example.org/b</link>
<description>&lt;p&gt;Police &lt;b&gt;arrested&lt;/b&gt; two men.&lt;/p&gt;</description></item>
<item><title>Title only</title></item>
<item><title>Bad date</title><pubDate>Mon, 30 Feb 2023 10:00:00 GMT</pubDate>
<description>Text.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title type="html">Strike &lt;i&gt;hits&lt;/i&gt; depot</title>
<link href="https://example.org/atom1"/><id>urn:1</id><updated>2024-01-02T03:04:05Z</updated>
<content type="html">&lt;p&gt;A drone strike hit a fuel depot.&lt;/p&gt;</content></entry>
</feed>"""


def items(data: bytes) -> list[Analysis]:
    return list(read_bytes(data, "feed.xml"))


def test_rss_items() -> None:
    a, b, c, d = items(RSS)
    assert a.article.text == "Rebels attacked a post.\n\nTen died."
    assert a.article.title == "Clash in the hills"
    assert a.article.url == "https://example.org/a"
    assert a.article.source == "Wire & Co"
    assert a.article.published == dt.date(2023, 12, 8)  # the day the feed writes
    assert a.article.origin == "feed.xml:item1"
    assert b.article.text == "Police arrested two men."
    assert c.article.text == "Title only"
    assert d.error is None and d.article.published is None


def test_atom_entries() -> None:
    (a,) = items(ATOM)
    assert a.article.text == "A drone strike hit a fuel depot."
    assert a.article.title == "Strike hits depot"
    assert a.article.published == dt.date(2024, 1, 2)
    assert a.article.url == "https://example.org/atom1"
    assert a.article.source == "Atom News"


def test_rdf_feed() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>RDF</title></channel>
<item rdf:about="https://example.org/r"><title>R</title><link>https://example.org/r</link>
<description>Shelling hit the town.</description></item></rdf:RDF>"""
    (a,) = items(rdf)
    assert a.article.text == "Shelling hit the town."


def test_broken_feed_with_no_readable_item_is_bad_feed() -> None:
    (a,) = items(b"<rss version='2.0'><channel><title>Cut")
    assert a.error is not None and a.error.code == "bad_feed"


def test_damaged_feed_keeps_the_items_it_can_read() -> None:
    data = RSS.replace(b"</channel></rss>", b"")
    got = items(data)
    assert got[0].article.text == "Rebels attacked a post.\n\nTen died."


def test_feed_with_no_items_is_empty() -> None:
    (a,) = items(b"<rss version='2.0'><channel><title>Nothing</title></channel></rss>")
    assert a.error is not None and a.error.code == "empty"


def test_parse_feed_gives_links_and_guids() -> None:
    feed = parse_feed(RSS)
    assert [i.guid for i in feed.items][:2] == ["a1", "https://example.org/b"]
    assert [i.url for i in feed.items][:2] == ["https://example.org/a", "https://example.org/b"]


def test_feed_in_latin1_declared_encoding() -> None:
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>C</title>'
        "<item><title>Caf\xe9</title><description>Le caf\xe9 a br\xfbl\xe9.</description></item>"
        "</channel></rss>"
    ).encode("latin-1")
    (a,) = items(data)
    assert a.article.text == "Le café a brûlé." and a.article.title == "Café"
