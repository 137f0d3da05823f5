"""Parsing MONEY and PERCENT mentions into numbers: "$20 billion" → (20e9, "USD"), "5 percent" → (5.0, "%")."""

from __future__ import annotations

import re

# Symbols and prefixes, longest first so "US$" wins over "$".
_SYMBOLS: list[tuple[str, str]] = [
    ("US$", "USD"), ("U.S.$", "USD"), ("A$", "AUD"), ("AU$", "AUD"), ("C$", "CAD"), ("CA$", "CAD"),
    ("NZ$", "NZD"), ("HK$", "HKD"), ("S$", "SGD"), ("R$", "BRL"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"),
    ("¥", "JPY"), ("₹", "INR"), ("₽", "RUB"), ("₩", "KRW"), ("₺", "TRY"), ("₴", "UAH"), ("₪", "ILS"),
    ("CHF", "CHF"), ("Rs", "INR"),
]
_SYMBOLS.sort(key=lambda pair: -len(pair[0]))

_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "cent": "USD", "cents": "USD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "pence": "GBP", "p": "GBP",
    "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "rupee": "INR", "rupees": "INR", "inr": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
    "roubles": "RUB", "rub": "RUB", "franc": "CHF", "francs": "CHF", "chf": "CHF", "won": "KRW",
    "krw": "KRW", "hryvnia": "UAH", "hryvnias": "UAH", "uah": "UAH", "peso": "MXN", "pesos": "MXN",
    "real": "BRL", "reais": "BRL", "rand": "ZAR", "lira": "TRY", "liras": "TRY", "lire": "ITL",
    "shekel": "ILS", "shekels": "ILS", "zloty": "PLN", "zlotys": "PLN", "krona": "SEK", "kronor": "SEK",
    "krone": "NOK", "kroner": "NOK", "mark": "DEM", "marks": "DEM", "guilder": "NLG", "guilders": "NLG",
    "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "naira": "NGN", "bitcoin": "BTC",
    "aud": "AUD", "cad": "CAD", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "brl": "BRL",
}

# Qualified dollars: "Australian dollars", "Canadian dollar" ...
_DOLLAR_QUALIFIERS: dict[str, str] = {
    "australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD",
    "taiwan": "TWD", "u.s.": "USD", "us": "USD", "american": "USD",
}

_MULTIPLIERS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "grand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "lakh": 1e5, "crore": 1e7, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "trn": 1e12,
}

_WORD_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
    "dozen": 12, "several": float("nan"),
}

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_TOKEN = re.compile(r"[A-Za-z]+\.?|[A-Za-z]")


def _first_number(text: str) -> tuple[float, int] | None:
    """The first number written in digits, or failing that in words, and where it ends."""
    match = _NUMBER.search(text)
    if match:
        whole = match.group(1).replace(",", "")
        value = float(f"{whole}.{match.group(2)}") if match.group(2) else float(whole)
        return value, match.end()
    for word in re.finditer(r"[A-Za-z]+", text):
        spelled = _WORD_NUMBERS.get(word.group().lower())
        if spelled is not None and spelled == spelled:  # skip NaN ("several")
            return float(spelled), word.end()
    return None


def _multiplier(rest: str) -> float:
    """The scale word right after the number: "20 billion", "3.5bn", "$5m"."""
    match = re.match(r"\s*(?:-\s*)?([A-Za-z]+)\b", rest)
    if not match:
        return 1.0
    word = match.group(1).lower()
    factor = _MULTIPLIERS.get(word, 1.0)
    if factor == 1e2:  # "two hundred million"
        after = _multiplier(rest[match.end() :])
        return factor * after
    return factor


def parse_money(text: str) -> tuple[float | None, str | None]:
    """Amount and ISO 4217 currency of a MONEY mention; (None, None) parts when not understood."""
    stripped = text.strip()
    currency: str | None = None
    lowered = stripped.lower()
    for symbol, code in _SYMBOLS:
        if symbol in stripped:
            if symbol.isalpha() and not re.search(rf"(?<![A-Za-z]){re.escape(symbol)}(?![A-Za-z])", stripped):
                continue
            currency = code
            break
    if currency is None:
        for qualifier, code in _DOLLAR_QUALIFIERS.items():
            if re.search(rf"\b{re.escape(qualifier)}\s+dollars?\b", lowered):
                currency = code
                break
    if currency is None:
        for word in re.findall(r"[a-z]+", lowered):
            if word in _CURRENCY_WORDS and word not in {"p", "real", "won", "mark", "marks"}:
                currency = _CURRENCY_WORDS[word]
                break
        else:
            code_match = re.search(r"\b([A-Z]{3})\b", stripped)
            if code_match and code_match.group(1).lower() in _CURRENCY_WORDS:
                currency = _CURRENCY_WORDS[code_match.group(1).lower()]
    number = _first_number(stripped)
    if number is None:
        return None, currency
    value, end = number
    value *= _multiplier(stripped[end:])
    if re.search(r"\b(?:cents?|pence)\b", lowered) and not re.search(r"[$€£¥]|dollar|euro|pound", lowered):
        value /= 100.0
    return value, currency


def parse_percent(text: str) -> float | None:
    """The number of a PERCENT mention: "5 percent", "5%", "12.5 per cent", "five percent" → 5.0 ..."""
    number = _first_number(text.replace("−", "-"))
    if number is None:
        return None
    value = number[0]
    if re.search(r"(?:^|[\s(])[-−]\s*\d", text) or re.search(r"\bminus\b", text, re.IGNORECASE):
        value = -value
    return value
