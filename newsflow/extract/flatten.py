"""Open up the containers trafilatura passes through whole, so that every block of a body is a top-level block:
a ``div`` (odd layouts, balanced mode) and a table that lays the page out rather than holding data (a row whose
cell holds the story's headline and paragraphs). Leftovers are then removed block by block, and two passes'
bodies can be aligned paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Callable

from lxml.etree import _Element

from newsflow.extract.blocks import block_text, link_share

# A table cell holding this many paragraphs (or a heading over one) lays out an article's text, unless this
# share of its text is links
LAYOUT_CELL_PARAGRAPHS = 3
LAYOUT_CELL_LINK_SHARE = 0.5
# trafilatura's block elements; anything else in a cell (a link, a highlighted run, a line break) is inline
_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "graphic", "div", "code"})


def _is_layout_table(block: _Element) -> bool:
    """A table of one row that lays out the page rather than holding data: a cell holds a heading or several
    paragraphs (panarmenian.net's row of the story, from its headline on, and a column of other stories)."""
    if block.tag != "table" or len(block.findall(".//row")) != 1:
        return False
    return any(_is_layout_cell(cell) for cell in block.iter("cell"))


def _is_layout_cell(cell: _Element) -> bool:
    """A cell holding an article's blocks (a heading over paragraphs, or several paragraphs), not a column of
    links (a site's menu or other stories' list, mostly link text)."""
    paragraphs = len(cell.findall("p"))
    if not (paragraphs >= LAYOUT_CELL_PARAGRAPHS or (paragraphs and cell.find("head") is not None)):
        return False
    return link_share(cell, block_text(cell)) < LAYOUT_CELL_LINK_SHARE


def _open_table(table: _Element, add: Callable[[_Element], None]) -> None:
    """Pass a layout table's blocks to ``add``: each cell that holds the article's blocks opened up, the cells
    beside it (a menu, a column of links) kept together as a table of their own."""
    rest: _Element | None = None
    for cell in list(table.iter("cell")):
        if _is_layout_cell(cell):
            if rest is not None:
                add(rest)
                rest = None
            _open_cell(cell, add)
            continue
        if rest is None:
            rest = table.makeelement("table", {})
            rest.append(rest.makeelement("row", {}))
        rest[0].append(cell)
    if rest is not None:
        add(rest)


def _open_cell(cell: _Element, add: Callable[[_Element], None]) -> None:
    """Pass a layout cell's blocks to ``add`` one by one, its loose text and inline elements (a link, a bold
    run) between them gathered into paragraphs."""
    paragraph = cell.makeelement("p", {})
    paragraph.text = cell.text

    def flush() -> None:
        nonlocal paragraph
        if len(paragraph) or (paragraph.text or "").strip():
            add(paragraph)
        paragraph = cell.makeelement("p", {})

    for child in list(cell):
        if child.tag in _BLOCK_TAGS:
            flush()
            tail, child.tail = child.tail, None
            add(child)
            paragraph.text = tail
        else:
            paragraph.append(child)
    flush()


def flatten_body(body: _Element) -> _Element:
    """Replace every ``div`` among the body's blocks, and every table that only lays the article out, by its own
    blocks (its loose text becoming paragraphs)."""
    if not any(child.tag == "div" or _is_layout_table(child) for child in body):
        return body
    flat = body.makeelement(body.tag, body.attrib)

    def add_text(text: str | None) -> None:
        if text and text.strip():
            paragraph = flat.makeelement("p", {})
            paragraph.text = text.strip()
            flat.append(paragraph)

    def add(block: _Element) -> None:
        if block.tag == "div":
            add_text(block.text)
            for child in list(block):
                add(child)
            add_text(block.tail)
        elif _is_layout_table(block):
            _open_table(block, add)
            add_text(block.tail)
        else:
            tail, block.tail = block.tail, None
            flat.append(block)
            add_text(tail)

    add_text(body.text)
    for child in list(body):
        add(child)
    return flat
