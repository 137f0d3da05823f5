"""Refuse XML that uses entity tricks: external entities (XXE) and entities built from other entities.

feedparser's expat parser does not fetch external entities and modern expat limits amplification, but a
feed that declares them is hostile or broken either way; refusing it with ``parse.unsafe_xml`` is clearer
than storing whatever a fallback parser makes of it. Plain internal entities (``<!ENTITY id "tag:">``) are
harmless and stay allowed.
"""

from __future__ import annotations

import re

from newsflow.errors import UnsafeDocument

# Entity declarations live in the prolog; looking at the first 64 KiB keeps this check cheap on huge feeds.
_PROLOG_BYTES = 64 * 1024
_GENERAL_ENTITY = re.compile(rb"<!ENTITY\s+(?!%)([^\s>]+)\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.I)
_ENTITY_REF = re.compile(rb"&[A-Za-z_][\w.-]*;")


def check_xml_safety(body: bytes) -> None:
    """Raise :class:`UnsafeDocument` if ``body`` declares external or nested general entities."""
    prolog = body[:_PROLOG_BYTES]
    if b"<!ENTITY" not in prolog and b"<!entity" not in prolog:
        return
    declared: list[bytes] = []
    for match in _GENERAL_ENTITY.finditer(prolog):
        name, value = match.group(1), match.group(2)
        if value.upper() in (b"SYSTEM", b"PUBLIC"):
            raise UnsafeDocument(
                f"the document declares an external entity {name.decode('ascii', 'replace')!r} "
                "(XML external entity); refused"
            )
        if _ENTITY_REF.search(value):
            raise UnsafeDocument(
                f"the document declares entity {name.decode('ascii', 'replace')!r} built from other "
                "entities (entity expansion); refused"
            )
        declared.append(name)
    if len(declared) > 64:
        raise UnsafeDocument(f"the document declares {len(declared)} entities; refused")
