"""Turn the bytes of a fetched HTML page into text: find the charset, decode, drop control characters.

Order follows the HTML standard's encoding sniffing: a byte-order mark wins, then the HTTP ``charset``, then a
``<meta>`` declaration near the top, then statistical detection (charset_normalizer, which requests ships),
and finally UTF-8 with replacement characters. Labels are mapped as browsers map them (``iso-8859-1`` and
``us-ascii`` mean windows-1252), because that is what publishers' pages are written for.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
_DETECT_SAMPLE_BYTES = 64 * 1024
# C0 controls except \t \n \r, DEL, and the C1 block: never meaningful in article text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Labels browsers decode differently from Python's codec of the same name.
_BROWSER_LABELS = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
}


def _codec_for(label: str | bytes | None) -> str | None:
    """The Python codec name for a charset label, or None when the label is unknown."""
    if label is None:
        return None
    text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    text = text.strip().strip("\"'").lower()
    if not text:
        return None
    text = _BROWSER_LABELS.get(text, text)
    try:
        name = codecs.lookup(text).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # A page that reached us as bytes we could scan for ASCII markup is not UTF-16 whatever it claims.
        return "utf-8"
    return name


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def sniff_encoding(body: bytes, headers: Mapping[str, str]) -> str:
    """The codec ``body`` should be decoded with."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    content_type = _header(headers, "content-type")
    http_match = _HTTP_CHARSET.search(content_type) if content_type else None
    declared = _codec_for(http_match.group(1)) if http_match else None
    if declared:
        return declared
    meta_match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    declared = _codec_for(meta_match.group(1)) if meta_match else None
    if declared:
        return declared
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    from charset_normalizer import from_bytes  # imported lazily: detection is the rare path

    best = from_bytes(body[:_DETECT_SAMPLE_BYTES]).best()
    detected = _codec_for(best.encoding) if best is not None else None
    return detected or "utf-8"


def decode_html(body: bytes, headers: Mapping[str, str]) -> str:
    """Decode a page's bytes to text using the charset sniffing above; never raises on bad bytes."""
    codec = sniff_encoding(body, headers)
    try:
        text = body.decode(codec, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _CONTROL.sub("", text)
