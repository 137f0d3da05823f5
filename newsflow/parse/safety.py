"""Refuse XML that uses entity tricks: external entities (XXE), nested entities and large expansions.

feedparser's expat parser does not fetch external entities and modern expat limits amplification, but when
expat gives up feedparser falls back to its loose parser, which expands the entities it kept (plain ones,
however long) without any limit: a 200 KB feed declaring one 50 KB entity used 50,000 times makes it build a
2.5 GB string. So a feed that declares external entities, entities built from other entities, or entities
whose references would expand past :data:`MAX_EXPANSION_BYTES` is refused with ``parse.unsafe_xml``. Short
internal entities (``<!ENTITY id "tag:">``) stay allowed.

The check reads the document as feedparser will (after its charset conversion, so UTF-16 or EBCDIC cannot
hide a declaration) and looks at the whole prolog, however much padding precedes the root element.
Parameter entities (``<!ENTITY % HTMLlat1 PUBLIC …>``, common in RDF feeds) are left alone: feedparser
strips every declaration but short internal ones before any parser sees the document, and fetches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from feedparser.encodings import convert_to_utf8

from newsflow.errors import UnsafeDocument

MAX_EXPANSION_BYTES = 1024 * 1024
_MAX_ENTITIES = 64
_GENERAL_ENTITY = re.compile(rb"<!ENTITY\s+(?!%)([^\s>]+)\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.I)
_ENTITY_REF = re.compile(rb"&[A-Za-z_][\w.-]*;")
_ROOT_START = re.compile(rb"<\w")
_DECLARATION = re.compile(rb"<!ENTITY", re.I)


def check_xml_safety(body: bytes, headers: Mapping[str, str] | None = None) -> None:
    """Raise :class:`UnsafeDocument` if ``body`` (served with ``headers``) uses unsafe entities."""
    document = convert_to_utf8({k.lower(): v for k, v in (headers or {}).items()}, body, {})
    # Declarations can only precede the root element; feedparser finds that point the same way.
    root = _ROOT_START.search(document)
    prolog = document[: root.start()] if root else document
    if _DECLARATION.search(prolog) is None:
        return
    declared: dict[bytes, int] = {}
    for match in _GENERAL_ENTITY.finditer(prolog):
        name, value = match.group(1), match.group(2)
        if value.upper() in (b"SYSTEM", b"PUBLIC"):
            raise UnsafeDocument(
                f"the document declares an external entity {_name(name)!r} (XML external entity); refused"
            )
        if _ENTITY_REF.search(value):
            raise UnsafeDocument(
                f"the document declares entity {_name(name)!r} built from other entities (entity expansion); refused"
            )
        declared[name] = len(value) - 2
    if len(declared) > _MAX_ENTITIES:
        raise UnsafeDocument(f"the document declares {len(declared)} entities; refused")
    expansion = sum(document.count(b"&" + name + b";") * size for name, size in declared.items())
    if expansion > MAX_EXPANSION_BYTES:
        raise UnsafeDocument(
            f"the document's entities would expand to {expansion} bytes (over {MAX_EXPANSION_BYTES}); refused"
        )


def _name(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")[:100]
