"""Feed HTML to text: character references that survive double escaping are decoded."""

from __future__ import annotations

from newsflow.extract import clean_feed_html


def test_doubly_escaped_references_are_decoded() -> None:
    assert clean_feed_html("It&#8217;s a <b>test</b> &amp;#8217;quoted&amp;#8217;") == "It’s a test ’quoted’"
    assert clean_feed_html("Don&#8217;t stop &amp; go") == "Don’t stop & go"
    assert clean_feed_html("<p>A &lt;b&gt; tag named in text</p>") == "A <b> tag named in text"


def test_markup_escaped_once_too_often_is_read_as_markup() -> None:
    # a JSON-LD articleBody or feed content whose HTML arrived escaped (strangemachines.io)
    escaped = "&lt;p&gt;First paragraph.&lt;/p&gt;\n&lt;p&gt;Second &lt;em&gt;one&lt;/em&gt;.&lt;/p&gt;"
    assert clean_feed_html(escaped) == "First paragraph.\n\nSecond one."
