"""The body trafilatura finds, with every block at the top level."""

from __future__ import annotations

from lxml import etree

from newsflow.extract.blocks import block_text
from newsflow.extract.flatten import flatten_body


def test_divs_passed_through_whole_are_opened_up_in_order():
    body = etree.fromstring(
        "<body><p>one</p><div>loose <head rend='h1'>Title</head>tail<div><p>two</p></div></div><p>three</p></body>"
    )
    flat = flatten_body(body)
    assert [(b.tag, "".join(b.itertext())) for b in flat] == [
        ("p", "one"), ("p", "loose"), ("head", "Title"), ("p", "tail"), ("p", "two"), ("p", "three"),
    ]


def test_a_body_without_divs_is_returned_as_it_is():
    body = etree.fromstring("<body><p>one</p><list><item>a</item></list></body>")
    assert flatten_body(body) is body


PROSE = "The committee heard evidence from residents for most of the afternoon before it voted on the plan."


def test_a_one_row_table_laying_out_the_story_is_opened_and_the_column_of_links_beside_it_stays_a_table():
    # panarmenian.net (a page of the public article-extraction benchmark): headline, dateline and story in one
    # cell, other stories' links in the next
    body = etree.fromstring(
        "<body><table><row><cell><head rend='h1'>Plan approved</head><p>November 20, 2019</p>"
        f"<p>{PROSE}</p>Loose <hi>words</hi> after it<p>{PROSE}</p></cell>"
        "<cell><ref target='/a'>Other story</ref> <ref target='/b'>Another story</ref></cell></row></table></body>"
    )
    flat = flatten_body(body)
    assert [(b.tag, block_text(b)) for b in flat] == [
        ("head", "Plan approved"), ("p", "November 20, 2019"), ("p", PROSE), ("p", "Loose words after it"),
        ("p", PROSE), ("table", "Other story Another story"),
    ]


def test_data_tables_and_menus_in_a_table_stay_tables():
    data = etree.fromstring(
        "<body><table><row><cell>Option</cell><cell>Value</cell></row>"
        "<row><cell><p>Colour</p><p>Red</p><p>Blue</p></cell><cell>2</cell></row></table></body>"
    )
    assert flatten_body(data) is data  # more than one row: a table of data
    menu = etree.fromstring(
        "<body><table><row><cell><head>Sections</head><p><ref target='/a'>Front page</ref></p>"
        "<p><ref target='/b'>Security</ref></p><p><ref target='/c'>Kernel</ref></p></cell></row></table></body>"
    )
    assert [b.tag for b in flatten_body(menu)] == ["table"]  # mostly links: the site's menu
