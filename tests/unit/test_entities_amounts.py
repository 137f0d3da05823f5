"""MONEY and PERCENT mentions parsed to numbers and units."""

from __future__ import annotations

import pytest

from newsflow.entities.amounts import parse_money, parse_percent


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$20 billion", 20e9, "USD"),
        ("$ 20 billion", 20e9, "USD"),
        ("20 billion dollars", 20e9, "USD"),
        ("US$1.5 trillion", 1.5e12, "USD"),
        ("€5m", 5e6, "EUR"),
        ("£3.2bn", 3.2e9, "GBP"),
        ("5 million euros", 5e6, "EUR"),
        ("1,250.50 yen", 1250.5, "JPY"),
        ("C$ 3 million", 3e6, "CAD"),
        ("30 million Australian dollars", 30e6, "AUD"),
        ("two hundred million dollars", 200e6, "USD"),
        ("50 cents", 0.5, "USD"),
        ("1.2 billion yuan", 1.2e9, "CNY"),
        ("500 crore rupees", 5e9, "INR"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    parsed_value, parsed_currency = parse_money(text)
    assert parsed_value == pytest.approx(value)
    assert parsed_currency == currency


def test_money_without_a_number_keeps_the_currency() -> None:
    assert parse_money("millions of dollars") == (None, "USD")


def test_money_without_a_currency() -> None:
    assert parse_money("20 million") == (20e6, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("5 percent", 5.0), ("5%", 5.0), ("12.5 per cent", 12.5), ("five percent", 5.0), ("-0.3 percent", -0.3),
     ("minus 2 percent", -2.0), ("1,000 percent", 1000.0)],
)
def test_percent(text: str, value: float) -> None:
    assert parse_percent(text) == pytest.approx(value)


def test_percent_without_a_number() -> None:
    assert parse_percent("percent") is None
