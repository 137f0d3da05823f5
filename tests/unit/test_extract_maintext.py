"""The body trafilatura finds, with every block at the top level."""

from __future__ import annotations

from lxml import etree

from newsflow.extract.maintext import flatten_divs


def test_divs_passed_through_whole_are_opened_up_in_order():
    body = etree.fromstring(
        "<body><p>one</p><div>loose <head rend='h1'>Title</head>tail<div><p>two</p></div></div><p>three</p></body>"
    )
    flat = flatten_divs(body)
    assert [(b.tag, "".join(b.itertext())) for b in flat] == [
        ("p", "one"), ("p", "loose"), ("head", "Title"), ("p", "tail"), ("p", "two"), ("p", "three"),
    ]


def test_a_body_without_divs_is_returned_as_it_is():
    body = etree.fromstring("<body><p>one</p><list><item>a</item></list></body>")
    assert flatten_divs(body) is body
