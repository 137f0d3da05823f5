"""decode_html charset sniffing, and Retry-After parsing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsflow.resources.http import decode_html
from newsflow.resources.retry_after import parse_retry_after

FRENCH = (
    "<html><body><p>L'été dernier, le comité a publié un rapport très détaillé sur la qualité de l'eau "
    "à Montréal et à Genève ; les élus ont réagi « vivement » à ces conclusions inquiétantes.</p></body></html>"
)


def test_http_charset_latin1_is_decoded_as_browsers_do() -> None:
    # Publishers label cp1252 text as ISO-8859-1; browsers decode it as windows-1252, smart quotes included.
    body = "Caf\u00e9 \u201cquoted\u201d \u2013 ok".encode("cp1252")
    text = decode_html(body, {"content-type": "text/html; charset=ISO-8859-1"})
    assert text == "Café “quoted” – ok"


def test_undeclared_windows_1252_is_detected() -> None:
    assert decode_html(FRENCH.encode("cp1252"), {"content-type": "text/html"}) == FRENCH


def test_utf8_bom_wins_over_a_wrong_header() -> None:
    body = b"\xef\xbb\xbf<p>Z\xc3\xbcrich \xe2\x82\xac</p>"
    assert decode_html(body, {"Content-Type": "text/html; charset=iso-8859-1"}) == "<p>Zürich €</p>"


def test_meta_charset_is_used_without_an_http_charset() -> None:
    page = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body>Привет</body></html>'
    assert decode_html(page.encode("cp1251"), {"content-type": "text/html"}) == page


def test_meta_http_equiv_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        "</head><body>Prix : 10 €</body></html>"
    )
    assert decode_html(page.encode("iso-8859-15"), {}) == page


def test_http_charset_beats_meta() -> None:
    page = '<meta charset="iso-8859-1"><p>日本語のニュース</p>'
    assert decode_html(page.encode("utf-8"), {"content-type": "text/html; charset=utf-8"}) == page


def test_unknown_labels_fall_back_to_sniffing() -> None:
    body = "<p>naïve café</p>".encode()
    assert decode_html(body, {"content-type": "text/html; charset=x-no-such-charset"}) == "<p>naïve café</p>"


def test_control_characters_are_stripped_but_whitespace_kept() -> None:
    body = b"a\x00b\x01c\x1bd\x7fe\tf\ng\r\nh"
    assert decode_html(body, {"content-type": "text/html; charset=utf-8"}) == "abcde\tf\ng\r\nh"


def test_undecodable_bytes_become_replacement_characters() -> None:
    text = decode_html(b"<p>ok \xff\xfe\xfa end</p>", {"content-type": "text/html; charset=utf-8"})
    assert text.startswith("<p>ok ") and text.endswith(" end</p>")
    assert "\ufffd" in text


NOW = datetime(2026, 10, 21, 7, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Wed, 21 Oct 2026 07:28:00 GMT", 1680.0),
        ("Wednesday, 21-Oct-26 07:28:00 GMT", 1680.0),  # RFC 850 form
        ("Tue, 20 Oct 2026 07:28:00 GMT", 0.0),  # in the past: clamp to now
        ("-5", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("inf", None),
        ("nan", None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == expected
